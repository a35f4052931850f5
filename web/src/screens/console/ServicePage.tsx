// One service in the directory (staff): what it is, its web addresses and keywords, the owning
// team, whether customers see it, and its contacts with their call trees, hours, escalation
// order and verification. Each contact can be verified ("I called it: it works") or reported
// wrong from a ticket; editing and the revision history are pages of their own.
import { useEffect, useState } from 'preact/hooks';
import { get, post, type Team, type User } from '../../api';
import { Dialog, ErrorMessage, Field, Notice, Time, useData, useFormErrors, useTitle } from '../../components/common';
import { ServiceContacts } from '../../components/ServiceContacts';
import { staffUsers, teams } from '../../directory';
import { Link } from '../../router';
import type { Service, ServiceContact, VerificationMethod, VerificationResult } from '../../services';
import { contactKindLabel, verificationMethodLabel, verificationResultLabel } from '../../service_text';

export function ServicePage({ id }: { id: number }) {
  const { data: service, error, setData } = useData(() => get<Service>(`/services/${id}`), [id]);
  const [people, setPeople] = useState<User[]>([]);
  const [teamList, setTeamList] = useState<Team[]>([]);
  const [verifying, setVerifying] = useState<ServiceContact | null>(null);
  const [reporting, setReporting] = useState<ServiceContact | null>(null);
  const [notice, setNotice] = useState('');
  useTitle(service ? service.name : 'Service');
  useEffect(() => {
    staffUsers().then(setPeople, () => {});
    teams().then(setTeamList, () => {});
  }, []);

  if (!service) {
    return (
      <>
        <h1>Service</h1>
        {error ? <ErrorMessage text={error} /> : <p>Loading…</p>}
        <p>
          <Link href="/console/services">Back to the service directory</Link>
        </p>
      </>
    );
  }
  const nameOf = (uid: number) => people.find((u) => u.id === uid)?.name ?? `user #${uid}`;
  const team = service.team_id ? (teamList.find((t) => t.id === service.team_id)?.name ?? `Team #${service.team_id}`) : null;

  return (
    <article aria-labelledby="service-title" class="service-page">
      <p class="back">
        <Link href="/console/services">← Service directory</Link>
      </p>
      <div class="page-head">
        <h1 id="service-title">{service.name}</h1>
        <div class="actions">
          <Link href={`/console/services/${service.id}/edit`} class="button">
            Edit service
          </Link>
          <Link href={`/console/services/${service.id}/history`} class="button-secondary">
            History
          </Link>
        </div>
      </div>
      <p class="badges">
        {service.public ? <span class="badge status-open">Customers can see it</span> : <span class="badge">Staff only</span>}{' '}
        <span class="muted">
          Updated <Time iso={service.updated_at} />
        </span>
      </p>
      {service.description && <p class="service-description">{service.description}</p>}
      <dl class="service-facts">
        <div>
          <dt>Team</dt>
          <dd>{team ?? <span class="badge priority-urgent">No owning team</span>}</dd>
        </div>
        <div>
          <dt>Web addresses</dt>
          <dd>
            {service.urls.length === 0 ? (
              '—'
            ) : (
              <ul class="plain-list">
                {service.urls.map((u) => (
                  <li key={u}>{u}</li>
                ))}
              </ul>
            )}
          </dd>
        </div>
        <div>
          <dt>Keywords</dt>
          <dd>{service.keywords.length ? service.keywords.join(', ') : '—'}</dd>
        </div>
        <div>
          <dt>Tickets</dt>
          <dd>
            <Link href={`/console/search?q=${encodeURIComponent(`service:${service.id}`)}`}>Tickets about this service</Link>
          </dd>
        </div>
      </dl>
      <Notice text={notice} />
      <section aria-labelledby="contacts-title" class="panel">
        <h2 id="contacts-title">Contacts</h2>
        <ServiceContacts
          contacts={service.contacts}
          staff
          nameOf={nameOf}
          empty="No contacts yet: nobody can be reached for this service. Edit it to add one."
          actions={(c) => (
            <>
              <button type="button" class="button-secondary button-small" onClick={() => setVerifying(c)}>
                Verify<span class="sr-only"> {c.value}</span>
              </button>
              <button type="button" class="button-quiet button-small" onClick={() => setReporting(c)}>
                Report this contact wrong<span class="sr-only"> ({c.value})</span>
              </button>
            </>
          )}
        />
      </section>
      <Dialog open={!!verifying} title={verifying ? `Verify ${contactKindLabel(verifying.kind).toLowerCase()} ${verifying.value}` : 'Verify'} onClose={() => setVerifying(null)}>
        {verifying && (
          <VerifyForm
            service={service}
            contact={verifying}
            onDone={(s) => {
              setData(s);
              setVerifying(null);
              setNotice(`Recorded the check of ${verifying.value}.`);
            }}
          />
        )}
      </Dialog>
      <Dialog open={!!reporting} title={reporting ? `Report ${reporting.value} wrong` : 'Report wrong'} onClose={() => setReporting(null)}>
        {reporting && (
          <ReportWrongForm
            service={service}
            contact={reporting}
            onDone={(n) => {
              setReporting(null);
              setNotice(`Reported ${reporting.value} wrong on ticket #${n}; the service’s team was told.`);
            }}
          />
        )}
      </Dialog>
    </article>
  );
}

const METHODS: VerificationMethod[] = ['called', 'emailed', 'web_form', 'other'];
const RESULTS: VerificationResult[] = ['works', 'wrong', 'no_answer'];

function VerifyForm({ service, contact, onDone }: { service: Service; contact: ServiceContact; onDone: (s: Service) => void }) {
  const [how, setHow] = useState<VerificationMethod>(contact.kind === 'phone' ? 'called' : contact.kind === 'email' ? 'emailed' : 'web_form');
  const [result, setResult] = useState<VerificationResult>('works');
  const [busy, setBusy] = useState(false);
  const { error, fields, fail } = useFormErrors();
  return (
    <form
      class="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          onDone(await post<Service>(`/services/${service.id}/contacts/${contact.id}/verify`, { how, result }));
        } catch (err) {
          fail(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Field label="How did you check it?" error={fields.how}>
        {(p) => (
          <select {...p} value={how} onChange={(e) => setHow(e.currentTarget.value as VerificationMethod)}>
            {METHODS.map((m) => (
              <option key={m} value={m}>
                {verificationMethodLabel(m)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="What happened?" hint="A wrong contact turns inactive until someone finds it works again." error={fields.result}>
        {(p) => (
          <select {...p} value={result} onChange={(e) => setResult(e.currentTarget.value as VerificationResult)}>
            {RESULTS.map((r) => (
              <option key={r} value={r}>
                {verificationResultLabel(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Record the check
        </button>
      </div>
    </form>
  );
}

/** The API records a report on a ticket (its history shows it): the form asks which one. */
function ReportWrongForm({ service, contact, onDone }: { service: Service; contact: ServiceContact; onDone: (ticket: number) => void }) {
  const [ticket, setTicket] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const { error, fields, setFields, setError, fail } = useFormErrors();
  return (
    <form
      class="stack"
      noValidate
      onSubmit={async (e) => {
        e.preventDefault();
        const n = Number(ticket.trim().replace(/^#/, ''));
        if (!Number.isInteger(n) || n <= 0) {
          setFields({ ticket: 'Enter the number of the ticket you were working on, for example 42.' });
          setError('');
          return;
        }
        setBusy(true);
        try {
          await post(`/services/${service.id}/contacts/${contact.id}/report-wrong`, { ticket: n, ...(note.trim() ? { note: note.trim() } : {}) });
          onDone(n);
        } catch (err) {
          fail(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>The service’s team is told, and the report is recorded on the ticket. The contact stays as it is until someone checks it.</p>
      <Field label="Ticket #" hint="The ticket where the contact did not work." error={fields.ticket}>
        {(p) => <input {...p} inputMode="numeric" class="input-short" value={ticket} onInput={(e) => setTicket(e.currentTarget.value)} />}
      </Field>
      <Field label="What was wrong? (optional)" error={fields.note}>
        {(p) => <textarea {...p} rows={3} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button button-danger" disabled={busy}>
          Report it wrong
        </button>
      </div>
    </form>
  );
}
