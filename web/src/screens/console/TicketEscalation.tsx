// The ticket page's escalation and promises panels (docs/escalation.md). "Escalation": the current
// escalation on top (to whom, the summary, by whom and when), then escalate to another team with
// a summary, or de-escalate. "Promises": what was promised to the customer and by when (broken
// ones flagged), make a new one, mark an open one kept. Server errors show at their field; after
// each change the page reloads the ticket (onChanged).
import { useState } from 'preact/hooks';
import { errorText, post, type Team, type Ticket, type TicketPromise } from '../../api';
import { ErrorMessage, Field, Notice, Time, useFormErrors } from '../../components/common';

interface PanelProps {
  ticket: Ticket;
  onChanged: (t?: Ticket) => void;
}

/** Whom an escalation went to, in words: "Tier 2" or "phone +1 555 0100 (Federal records database)". */
function escalatedTo(e: NonNullable<Ticket['escalation']>): string {
  if (e.team_id) return `team ${e.team_name || `#${e.team_id}`}`;
  const label = e.contact_label || `contact #${e.contact_id}`;
  return e.service_name ? `${label} (${e.service_name})` : label;
}

export function TicketEscalation({ ticket, teams, onChanged }: PanelProps & { teams: Team[] }) {
  const [teamId, setTeamId] = useState('');
  const [summary, setSummary] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState('');
  const { error, setError, fields, setFields, clear, fail, edited } = useFormErrors();
  const current = ticket.escalation ?? null;
  const finished = ticket.status === 'resolved' || ticket.status === 'closed';
  const others = teams.filter((t) => t.id !== ticket.team_id);

  const escalate = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!teamId) problems.team_id = 'Choose the team to escalate to.';
    if (!summary.trim()) problems.summary = 'Write a summary for the team: what is known and what was tried.';
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      return;
    }
    setBusy(true);
    try {
      const t = await post<Ticket>(`/tickets/${ticket.number}/escalate`, { team_id: Number(teamId), summary: summary.trim() });
      clear();
      setTeamId('');
      setSummary('');
      setNotice(`Escalated to ${t.escalation ? escalatedTo(t.escalation) : 'the team'}.`);
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
          <h3>{current ? 'Escalate further' : 'Escalate to a team'}</h3>
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
          <Field label="Summary" hint="Internal: the team sees it, the customer does not." error={fields.summary}>
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
          <ErrorMessage text={fields.team_id || fields.summary ? '' : error} />
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
