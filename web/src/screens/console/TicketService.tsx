// The ticket page's service panel: which service the ticket is about (chosen or changed by
// searching as you type, saved with the ticket's If-Match), that service's contacts with their
// call trees, "report this contact wrong" in one click (recorded on this ticket, the service's
// team is told), and "I found the right contact": add a contact or correct one while working the
// ticket — saved to the directory as a revision, which records who and when.
import { useEffect, useState } from 'preact/hooks';
import { ApiError, errorText, post, request, type Ticket, type User } from '../../api';
import { Dialog, ErrorMessage, Notice, useFormErrors } from '../../components/common';
import { ContactEditor } from '../../components/ContactEditor';
import { ServiceContacts } from '../../components/ServiceContacts';
import { ServicePicker } from '../../components/ServicePicker';
import { Link } from '../../router';
import type { Service } from '../../services';
import { type ContactRow, contactFromRow, formProblems, formFromService, newContactRow, rowFromContact } from '../../service_form';
import { splitFieldErrors } from '../../service_text';
import { CONFLICT } from './TicketProperties';

interface TicketServiceProps {
  ticket: Ticket;
  staff: User[];
  onSaved: (t: Ticket) => void;
  refetch: () => Promise<Ticket>;
}

export function TicketService({ ticket, staff, onSaved, refetch }: TicketServiceProps) {
  const [service, setService] = useState<Service | null>(null);
  const [loadError, setLoadError] = useState('');
  const [changing, setChanging] = useState(false);
  const [pending, setPending] = useState<Service | null>(null);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  const [correcting, setCorrecting] = useState<ContactRow | null>(null);
  const id = ticket.service_id ?? null;

  const loadService = async () => {
    if (!id) return setService(null);
    try {
      setService((await request<Service>('GET', `/services/${id}`)).data);
      setLoadError('');
    } catch (e) {
      setLoadError(errorText(e));
    }
  };
  useEffect(() => {
    setService(null);
    void loadService();
  }, [id]);

  /** Sets the ticket's service; on 412 tries once more when nobody else changed the service. */
  const choose = async (s: Service | null) => {
    const send = (t: Ticket) => request<Ticket>('PATCH', `/tickets/${t.number}`, { service_id: s ? s.id : null }, { 'If-Match': `"${t.version}"` });
    try {
      let r;
      try {
        r = await send(ticket);
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 412)) throw err;
        const fresh = await refetch();
        if ((fresh.service_id ?? null) !== id) {
          onSaved(fresh);
          setError(CONFLICT);
          return;
        }
        r = await send(fresh);
      }
      onSaved(r.data);
      if (s) setService(s);
      setChanging(false);
      setError('');
      setNotice(s ? `This ticket is now about ${s.name}.` : 'The ticket has no service now.');
    } catch (err) {
      setError(errorText(err));
    }
  };

  const reportWrong = async (contactId: number, value: string) => {
    if (!service) return;
    try {
      await post(`/services/${service.id}/contacts/${contactId}/report-wrong`, { ticket: ticket.number });
      setError('');
      setNotice(`Reported ${value} wrong; the service’s team was told.`);
    } catch (err) {
      setError(errorText(err));
    }
  };

  const nameOf = (uid: number) => staff.find((u) => u.id === uid)?.name ?? `user #${uid}`;
  return (
    <section class="panel" aria-labelledby="service-title">
      <h2 id="service-title">Service</h2>
      {!id && !changing && <p class="muted">No service chosen. Which service is this about?</p>}
      {id && !service && (loadError ? <ErrorMessage text={loadError} /> : <p>Loading…</p>)}
      {service && (
        <p class="service-name">
          <Link href={`/console/services/${service.id}`}>{service.name}</Link>
        </p>
      )}
      {changing ? (
        <>
          <ServicePicker label="Find the service" chosen={pending} onChoose={setPending} autoFocus />
          <div class="actions">
            <button type="button" class="button button-small" disabled={!pending || pending.id === id} onClick={() => void choose(pending)}>
              Use this service
            </button>
            {id && (
              <button type="button" class="button-quiet button-small" onClick={() => void choose(null)}>
                Remove the service
              </button>
            )}
            <button type="button" class="button-quiet button-small" onClick={() => setChanging(false)}>
              Cancel
            </button>
          </div>
        </>
      ) : (
        <p>
          <button
            type="button"
            class="button-secondary button-small"
            onClick={() => {
              setPending(service);
              setChanging(true);
            }}
          >
            {id ? 'Change service' : 'Choose a service'}
          </button>
        </p>
      )}
      <ErrorMessage text={error} />
      <Notice text={notice} />
      {service && (
        <>
          <h3>Who to contact</h3>
          <ServiceContacts
            contacts={service.contacts}
            staff
            nameOf={nameOf}
            headingLevel={4}
            empty="No contacts yet. Found one? Add it below."
            actions={(c) => (
              <>
                <button type="button" class="button-quiet button-small" onClick={() => void reportWrong(c.id, c.value)}>
                  Report this contact wrong<span class="sr-only"> ({c.value})</span>
                </button>
                <button type="button" class="button-quiet button-small" onClick={() => setCorrecting(rowFromContact(c))}>
                  Correct it<span class="sr-only"> ({c.value})</span>
                </button>
              </>
            )}
          />
          <p>
            <button type="button" class="button-secondary" onClick={() => setCorrecting(newContactRow())}>
              I found the right contact
            </button>
          </p>
          <Dialog open={!!correcting} title={correcting?.id ? `Correct ${correcting.value}` : `Add a contact to ${service.name}`} onClose={() => setCorrecting(null)}>
            {correcting && (
              <FoundContactForm
                service={service}
                initial={correcting}
                onSaved={(s, value) => {
                  setService(s);
                  setCorrecting(null);
                  setNotice(`Saved ${value} to ${s.name}; the service’s history records the change as yours.`);
                }}
              />
            )}
          </Dialog>
        </>
      )}
    </section>
  );
}

/**
 * One contact to add or correct. Saving reads the service afresh and sends all its contacts back
 * with this one added or replaced, with If-Match; if someone saved the service in between, it
 * reads again and retries once (only this contact is this person's change).
 */
function FoundContactForm({ service, initial, onSaved }: { service: Service; initial: ContactRow; onSaved: (s: Service, value: string) => void }) {
  const [row, setRow] = useState<ContactRow>(initial);
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, fail } = useFormErrors();

  const withThisContact = (s: Service) => {
    const rows = s.contacts.map(rowFromContact);
    const at = row.id ? rows.findIndex((r) => r.id === row.id) : -1;
    const next = at >= 0 ? rows.map((r, i) => (i === at ? row : r)) : [...rows, { ...row, id: undefined }];
    // A primary contact found on a ticket takes over from the old one (at most one primary).
    const contacts = row.primary ? next.map((r) => (r.key === row.key ? r : { ...r, primary: false })) : next;
    return { next: contacts, at: at >= 0 ? at : next.length - 1 };
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      for (let attempt = 0; attempt < 2; attempt++) {
        const fresh = await request<Service>('GET', `/services/${service.id}`);
        const { next, at } = withThisContact(fresh.data);
        const problems = formProblems({ ...formFromService(fresh.data), contacts: next });
        const mine = splitFieldErrors(problems).contacts[at];
        if (mine) {
          setFields(Object.fromEntries(Object.entries(mine).map(([k, v]) => [`contacts[0].${k}`, v])));
          setError('Some fields need attention.');
          return;
        }
        try {
          const saved = await request<Service>('PATCH', `/services/${service.id}`, { contacts: next.map(contactFromRow) }, fresh.etag ? { 'If-Match': fresh.etag } : {});
          onSaved(saved.data, row.value.trim());
          return;
        } catch (err) {
          if (err instanceof ApiError && err.status === 412 && attempt === 0) continue;
          if (err instanceof ApiError) {
            // The server names contacts by their place in the whole list; this form holds one.
            const own = splitFieldErrors(err.fields);
            const here = own.contacts[at] ?? {};
            setFields(Object.fromEntries(Object.entries(here).map(([k, v]) => [`contacts[0].${k}`, v])));
            setError(err.detail);
            return;
          }
          throw err;
        }
      }
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={save} class="stack found-contact" noValidate>
      <p class="hint">Saved to the service directory for everyone, with your name and the time in the service’s history.</p>
      <ContactEditor row={row} legend={row.id ? 'The corrected contact' : 'The new contact'} onChange={setRow} errors={splitFieldErrors(fields).contacts[0]} />
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {busy ? 'Saving…' : 'Save to the directory'}
        </button>
      </div>
    </form>
  );
}
