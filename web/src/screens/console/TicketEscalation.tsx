// The ticket page's escalation and promises panels (docs/escalation.md). "Escalation": the current
// escalation on top (to whom — a team, or a directory contact with its call tree, hours and
// service —, the summary, by whom and when), then escalate to another team or to a contact of the
// service directory (the ticket's service's contacts, or another service's found by search) with
// a summary, or de-escalate. "Promises": what was promised to the customer and by when (broken
// ones flagged), make a new one, mark an open one kept. Server errors show at their field; after
// each change the page reloads the ticket (onChanged).
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, post, type Team, type Ticket, type TicketPromise } from '../../api';
import { ErrorMessage, Field, Notice, Time, useFormErrors, useId } from '../../components/common';
import { CallTree } from '../../components/ServiceContacts';
import { ServicePicker } from '../../components/ServicePicker';
import { Link } from '../../router';
import type { Service } from '../../services';
import { contactKindLabel, contactsToOffer, escalationOrder } from '../../service_text';

interface PanelProps {
  ticket: Ticket;
  onChanged: (t?: Ticket) => void;
}

/** Whom an escalation went to, in words: "Tier 2" or "phone +1 555 0100 (Federal records database)". */
export function escalatedTo(e: NonNullable<Ticket['escalation']>): string {
  if (e.team_id) return `team ${e.team_name || 'no longer in the desk'}`;
  const label = e.contact_label || (e.contact ? `${e.contact.kind} ${e.contact.value}` : 'a contact no longer in the directory');
  return e.service_name ? `${label} (${e.service_name})` : label;
}

/** A contact escalation's details: the contact as the directory has it now, its call tree and hours, its service. */
function EscalatedContact({ e }: { e: NonNullable<Ticket['escalation']> }) {
  const c = e.contact;
  return (
    <div class="escalation-contact">
      {e.service_id && (
        <p>
          Service: <Link href={`/console/services/${e.service_id}`}>{e.service_name || 'the service'}</Link>
        </p>
      )}
      {c ? (
        <>
          {c.active === false && <p class="badge status-closed">Inactive in the directory</p>}
          <CallTree steps={c.call_tree} label={`Call tree for ${c.value}`} />
          {(c.hours || c.time_zone) && (
            <p>
              Hours: {c.hours || 'not given'}
              {c.time_zone && <span class="muted"> ({c.time_zone})</span>}
            </p>
          )}
          {c.notes && <p class="contact-notes">Notes: {c.notes}</p>}
        </>
      ) : (
        <p class="muted">The contact has been removed from the directory since.</p>
      )}
    </div>
  );
}

interface ContactChoicesProps {
  service: Service;
  chosen: number | null;
  onChoose: (contactId: number, service: Service) => void;
  error?: string;
}

/** One service's contacts as radio buttons, each with its call tree and hours. */
function ContactChoices({ service, chosen, onChoose, error }: ContactChoicesProps) {
  const group = useId('contacts');
  const offered = contactsToOffer(service.contacts);
  if (offered.length === 0) return <p class="muted">{service.name} has no contacts in the directory.</p>;
  return (
    <div class="contact-choices" role="radiogroup" aria-label={`Contacts of ${service.name}`} aria-invalid={error ? true : undefined}>
      {offered.map((c) => {
        const id = `${group}-${c.id}`;
        const place = escalationOrder(service.contacts).indexOf(c) + 1;
        return (
          <div key={c.id} class="contact-choice">
            <input type="radio" name={group} id={id} value={String(c.id)} checked={chosen === c.id} aria-describedby={`${id}-more`} onChange={() => onChoose(c.id, service)} />
            <label for={id}>
              {contactKindLabel(c.kind)} {c.value}
              {place > 0 && <span class="badge">Escalation {place}</span>}
              {c.active === false && <span class="badge status-closed">Inactive</span>}
              {c.overdue && <span class="badge priority-urgent">Overdue for review</span>}
            </label>
            <div id={`${id}-more`} class="contact-choice-more">
              <CallTree steps={c.call_tree} label={`Call tree for ${c.value}`} />
              {(c.hours || c.time_zone) && (
                <p class="muted">
                  Hours: {c.hours || 'not given'}
                  {c.time_zone && ` (${c.time_zone})`}
                </p>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}

export function TicketEscalation({ ticket, teams, onChanged }: PanelProps & { teams: Team[] }) {
  const [target, setTarget] = useState<'team' | 'contact'>('team');
  const [teamId, setTeamId] = useState('');
  const [contactId, setContactId] = useState<number | null>(null);
  const [ownService, setOwnService] = useState<Service | null>(null);
  const [otherService, setOtherService] = useState<Service | null>(null);
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const { error, setError, fields, setFields, clear, fail, edited } = useFormErrors();
  const current = ticket.escalation ?? null;
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const others = teams.filter((t) => t.id !== ticket.team_id);
  const serviceId = ticket.service_id ?? null;

  // The ticket's own service is offered first when escalating to a contact.
  useEffect(() => {
    setOwnService(null);
    if (!serviceId || target !== 'contact') return;
    let alive = true;
    get<Service>(`/services/${serviceId}`).then(
      (s) => alive && setOwnService(s),
      () => {},
    );
    return () => {
      alive = false;
    };
  }, [serviceId, target]);

  const chooseContact = (id: number) => {
    setContactId(id);
    edited('contact_id');
  };

  const escalate = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (target === 'team' && !teamId) problems.team_id = 'Choose the team to escalate to.';
    if (target === 'contact' && !contactId) problems.contact_id = 'Choose the contact to escalate to.';
    if (!summary.trim()) problems.summary = `Write a summary for the ${target === 'team' ? 'team' : 'contact'}: what is known and what was tried.`;
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      return;
    }
    setBusy(true);
    try {
      const to = target === 'team' ? { team_id: Number(teamId) } : { contact_id: contactId };
      const t = await post<Ticket>(`/tickets/${ticket.number}/escalate`, { ...to, summary: summary.trim() });
      clear();
      setTeamId('');
      setContactId(null);
      setOtherService(null);
      setSummary('');
      setNotice(`Escalated to ${t.escalation ? escalatedTo(t.escalation) : 'them'}.`);
      onChanged(t);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const deescalate = async () => {
    setBusy(true);
    try {
      const t = await post<Ticket>(`/tickets/${ticket.number}/deescalate`, {});
      clear();
      setNotice(t.escalation ? `De-escalated; still escalated to ${escalatedTo(t.escalation)}.` : 'De-escalated.');
      onChanged(t);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel escalation-panel" aria-labelledby="escalation-title">
      <h2 id="escalation-title">Escalation</h2>
      {current ? (
        <div class="escalation-current">
          <p>
            <strong>Escalated to {escalatedTo(current)}</strong>
          </p>
          {!current.team_id && <EscalatedContact e={current} />}
          <p class="escalation-summary">{current.summary}</p>
          <p class="muted">
            By {current.by?.name ?? 'a former user'}, <Time iso={current.at} />
          </p>
          <p>
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => void deescalate()}>
              De-escalate
            </button>
          </p>
        </div>
      ) : (
        <p class="muted">Not escalated.</p>
      )}
      {finished ? (
        <p class="hint">Reopen the ticket to escalate it.</p>
      ) : (
        <form onSubmit={escalate} class="stack" noValidate>
          <h3>{current ? 'Escalate further' : 'Escalate'}</h3>
          <fieldset class="escalate-to">
            <legend>Escalate to</legend>
            <label class="choice">
              <input type="radio" name="escalate-to" value="team" checked={target === 'team'} onChange={() => setTarget('team')} /> Another team
            </label>
            <label class="choice">
              <input type="radio" name="escalate-to" value="contact" checked={target === 'contact'} onChange={() => setTarget('contact')} /> A contact in the service directory
            </label>
          </fieldset>
          {target === 'team' ? (
            <Field label="Team" error={fields.team_id}>
              {(p) => (
                <select
                  {...p}
                  value={teamId}
                  onChange={(e) => {
                    setTeamId(e.currentTarget.value);
                    edited('team_id');
                  }}
                >
                  <option value="">Choose a team…</option>
                  {others.map((t) => (
                    <option key={t.id} value={String(t.id)}>
                      {t.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <div class="escalate-contact">
              {ownService ? (
                <>
                  <h4>Contacts of {ownService.name}</h4>
                  <ContactChoices service={ownService} chosen={contactId} onChoose={chooseContact} error={fields.contact_id} />
                </>
              ) : (
                !serviceId && <p class="muted">This ticket has no service; find one below.</p>
              )}
              <ServicePicker
                label={serviceId ? 'Or another service' : 'Service'}
                chosen={otherService}
                onChoose={(s) => {
                  setOtherService(s && s.id !== ownService?.id ? s : null);
                }}
              />
              {otherService && (
                <>
                  <h4>Contacts of {otherService.name}</h4>
                  <ContactChoices service={otherService} chosen={contactId} onChoose={chooseContact} error={fields.contact_id} />
                </>
              )}
              <ErrorMessage text={fields.contact_id ?? ''} />
            </div>
          )}
          <Field label="Summary" hint="Internal: the customer does not see it." error={fields.summary}>
            {(p) => (
              <textarea
                {...p}
                rows={3}
                maxLength={4000}
                value={summary}
                onInput={(e) => {
                  setSummary(e.currentTarget.value);
                  edited('summary');
                }}
              />
            )}
          </Field>
          <ErrorMessage text={fields.team_id || fields.contact_id || fields.summary ? '' : error} />
          <div class="actions">
            <button type="submit" class="button button-small" disabled={busy}>
              Escalate
            </button>
          </div>
        </form>
      )}
      {finished && <ErrorMessage text={error} />}
      <Notice text={notice} />
    </section>
  );
}

const STATE_LABEL: Record<TicketPromise['state'], string> = { open: 'Open', kept: 'Kept', broken: 'Broken' };

export function PromiseState({ p }: { p: TicketPromise }) {
  return (
    <span class={`badge promise-${p.state}`}>
      {STATE_LABEL[p.state]}
      {p.state === 'kept' && p.late ? ', late' : ''}
    </span>
  );
}

/** "2026-11-30T16:00" (a datetime-local value, the browser's time) as "2026-11-30T15:00:00Z". */
export function utcFromLocal(value: string): string | null {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return null;
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function TicketPromises({ ticket, onChanged }: PanelProps) {
  const [dueAt, setDueAt] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const [keptError, setKeptError] = useState('');
  const { error, setError, fields, setFields, clear, fail, edited } = useFormErrors();
  const promises = ticket.promises ?? [];

  const make = async (e: Event) => {
    e.preventDefault();
    const due = utcFromLocal(dueAt);
    const problems: Record<string, string> = {};
    if (!due) problems.due_at = 'Enter when it is due.';
    if (!text.trim()) problems.text = 'Write what was promised.';
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      return;
    }
    setBusy(true);
    try {
      await post<TicketPromise>(`/tickets/${ticket.number}/promises`, { due_at: due, text: text.trim() });
      clear();
      setDueAt('');
      setText('');
      setNotice('Promise recorded; you will be reminded before it is due.');
      onChanged();
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  const kept = async (p: TicketPromise) => {
    try {
      await post<TicketPromise>(`/promises/${p.id}/kept`);
      setKeptError('');
      setNotice('Marked kept.');
      onChanged();
    } catch (err) {
      setKeptError(errorText(err));
    }
  };

  return (
    <section class="panel promises-panel" aria-labelledby="promises-title">
      <h2 id="promises-title">Promises</h2>
      {promises.length === 0 ? (
        <p class="muted">No promises on this ticket.</p>
      ) : (
        <ul class="promise-list" aria-label="Promises on this ticket">
          {promises.map((p) => (
            <li key={p.id} class={`promise promise-row-${p.state}`}>
              <p class="promise-text">{p.text}</p>
              <p class="muted">
                <PromiseState p={p} /> Due <Time iso={p.due_at} absolute /> · {p.owner.name}
              </p>
              {p.state !== 'kept' && (
                <button type="button" class="button-secondary button-small" onClick={() => void kept(p)}>
                  Kept<span class="sr-only"> ({p.text})</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ErrorMessage text={keptError} />
      {ticket.status !== 'closed' && (
        <form onSubmit={make} class="stack" noValidate>
          <h3>Make a promise</h3>
          <Field label="Due" hint="Your local time. You are reminded before it is due." error={fields.due_at}>
            {(p) => (
              <input
                {...p}
                type="datetime-local"
                value={dueAt}
                onInput={(e) => {
                  setDueAt(e.currentTarget.value);
                  edited('due_at');
                }}
              />
            )}
          </Field>
          <Field label="Promise" error={fields.text}>
            {(p) => (
              <textarea
                {...p}
                rows={2}
                maxLength={2000}
                value={text}
                onInput={(e) => {
                  setText(e.currentTarget.value);
                  edited('text');
                }}
              />
            )}
          </Field>
          <ErrorMessage text={fields.due_at || fields.text ? '' : error} />
          <div class="actions">
            <button type="submit" class="button button-small" disabled={busy}>
              Record the promise
            </button>
          </div>
        </form>
      )}
      <Notice text={notice} />
    </section>
  );
}
