// The technician's ticket page: conversation and composer (r / n), the properties panel saved
// with If-Match (conflicts are per field: see TicketProperties.tsx), history, the
// requester's card with their other tickets and their organisation's open ones, the service the
// ticket is about with its contacts (TicketService.tsx), escalation and promises
// (TicketEscalation.tsx), hardware replacements (TicketReplacements.tsx), merge and link.
// On an active chat's ticket, writing an internal note shows as such to the chat's technicians.
// Other technicians on the same page show under the header ("Also here"), and so does their typing.
import { MacroPicker } from '../../components/MacroPicker';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiError,
  errorText,
  get,
  type List,
  type Me,
  type Message,
  OPEN_STATUSES,
  type Organization,
  post,
  qs,
  request,
  type Ticket,
  type TicketEvent,
} from '../../api';
import {
  ErrorMessage,
  Field,
  PriorityBadge,
  StatusBadge,
  Time,
  useTitle,
} from '../../components/common';
import { type ComposeMode, Composer, Conversation } from '../../components/conversation';
import { useKeys } from '../../components/keys';
import { type Known, serviceNamesFrom } from '../../components/event_text';
import { Timeline } from '../../components/timeline';
import { categories, organizations, staffUsers, teams } from '../../directory';
import { useLiveRefresh } from '../../live';
import { Link, navigate } from '../../router';

import { CONFLICT, type Directory, Properties } from './TicketProperties';
import { TicketFields } from '../../components/IntakeQuestions';
import { TicketService } from './TicketService';
import { escalatedTo, TicketEscalation, TicketPromises } from './TicketEscalation';
import { TicketReplacements } from './TicketReplacements';
import { useNoteTyping } from './useNoteTyping';
import { type Person, type Typist, usePresence } from './usePresence';

export function TicketScreen({ me, number }: { me: Me; number: number }) {
  const [ticket, setTicket] = useState<Ticket | null>(null);
  const [messages, setMessages] = useState<Message[]>([]);
  const [events, setEvents] = useState<TicketEvent[]>([]);
  const [links, setLinks] = useState<number[]>([]);
  const [error, setError] = useState('');
  const [notFound, setNotFound] = useState(false);
  const [mode, setMode] = useState<ComposeMode>('public');
  const [dir, setDir] = useState<Directory>({ staff: [], teams: [], categories: [], organizations: [] });
  const [takeError, setTakeError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);
  const seq = useRef(0);

  useTitle(ticket ? `#${ticket.number} ${ticket.subject}` : `Ticket #${number}`);

  const fetchTicket = async () => (await request<Ticket>('GET', `/tickets/${number}`)).data;

  const load = async () => {
    const mine = ++seq.current;
    try {
      const [t, ms, es, ls] = await Promise.all([
        fetchTicket(),
        get<List<Message>>(`/tickets/${number}/messages`),
        get<List<TicketEvent>>(`/tickets/${number}/events`).catch(() => ({ items: [] as TicketEvent[] })),
        get<{ linked: number[] }>(`/tickets/${number}/links`).catch(() => ({ linked: [] as number[] })),
      ]);
      if (mine !== seq.current) return;
      setTicket(t);
      setMessages(ms.items);
      setEvents(es.items);
      setLinks(ls.linked);
      setError('');
      setNotFound(false);
    } catch (e) {
      if (mine !== seq.current) return;
      if (e instanceof ApiError && e.status === 404) setNotFound(true);
      else setError(errorText(e));
    }
  };

  useEffect(() => {
    setTicket(null);
    setMode('public');
    void load();
  }, [number]);

  useEffect(() => {
    void Promise.all([
      staffUsers().catch(() => []),
      teams().catch(() => []),
      categories(),
      organizations().catch(() => []),
    ]).then(([staff, ts, cats, orgs]) => setDir({ staff, teams: ts, categories: cats, organizations: orgs }));
  }, []);

  useLiveRefresh((e) => e.ticket_number === number, () => void load());
  const noteTyping = useNoteTyping(ticket?.chat?.status === 'active' && ticket.number === number ? ticket.chat.id : null);
  const presence = usePresence(number, me.id);
  const typing = (internal: boolean) => {
    if (internal) noteTyping();
    presence.typed(internal);
  };

  const compose = (m: ComposeMode) => {
    setMode(m);
    // The label changes with the mode; focus after the re-render.
    setTimeout(() => textRef.current?.focus(), 0);
  };
  useKeys({ r: () => compose('public'), n: () => compose('internal') });

  if (notFound) {
    return (
      <>
        <h1>Ticket #{number} not found</h1>
        <p>
          It may have been deleted or the number is wrong. <Link href="/console">Back to my tickets</Link>.
        </p>
      </>
    );
  }
  if (!ticket) {
    return (
      <>
        <h1>Ticket #{number}</h1>
        {error ? <ErrorMessage text={error} /> : <p>Loading…</p>}
      </>
    );
  }

  const userName = (id: number | null | undefined) => {
    if (!id) return 'nobody';
    if (id === ticket.requester.id) return ticket.requester.name || ticket.requester.email;
    if (id === me.id) return `${me.name} (you)`;
    return dir.staff.find((u) => u.id === id)?.name ?? `user #${id}`;
  };
  const teamName = (id: number | null | undefined) => dir.teams.find((t) => t.id === id)?.name ?? `#${id} (no longer in the desk)`;
  // Names the history's events do not carry themselves (events written before they did).
  const serviceNames = serviceNamesFrom(events);
  const current = ticket.escalation;
  if (current?.service_id && current.service_name) serviceNames.set(current.service_id, current.service_name);
  const known: Known = {
    serviceName: (id) => serviceNames.get(id) ?? '',
    escalatedTo: (id) => (current && current.id === id && !current.team_id ? escalatedTo(current) : ''),
  };

  const take = async () => {
    try {
      const changes: Record<string, unknown> = { assignee_id: me.id };
      if (ticket.status === 'new') changes.status = 'open';
      const r = await request<Ticket>('PATCH', `/tickets/${number}`, changes, { 'If-Match': `"${ticket.version}"` });
      setTicket(r.data);
      setTakeError('');
      void load();
    } catch (e) {
      setTakeError(e instanceof ApiError && e.status === 412 ? CONFLICT : errorText(e));
    }
  };

  /** After an escalation or a promise: show the ticket the server answered, then reload it all. */
  const changed = (t?: Ticket) => {
    if (t) setTicket(t);
    void load();
  };

  return (
    <article class="ticket-page" aria-labelledby="ticket-title">
      <div class="ticket-head">
        <p class="ticket-number">Ticket #{ticket.number}</p>
        <h1 id="ticket-title">{ticket.subject}</h1>
        <p class="badges">
          <StatusBadge status={ticket.status} /> <PriorityBadge priority={ticket.priority} />{' '}
          <span class="badge">Channel: {ticket.channel}</span>{' '}
          <span class="muted">
            Opened <Time iso={ticket.created_at} /> · updated <Time iso={ticket.updated_at} />
          </span>
        </p>
        {ticket.merged_into && (
          <p class="notice">
            This ticket was merged into <Link href={`/console/tickets/${ticket.merged_into}`}>#{ticket.merged_into}</Link>.
          </p>
        )}
        {!ticket.assignee_id && (
          <p>
            <button type="button" class="button" onClick={() => void take()}>
              Take it
            </button>{' '}
            <span class="muted">Assign this ticket to yourself.</span>
          </p>
        )}
        <AlsoHere others={presence.others} typists={presence.typists} />
        <ErrorMessage text={takeError} />
        <ErrorMessage text={error} />
        {/* On a phone the columns stack: the reply box and the properties are far down. */}
        <nav aria-label="On this page" class="jump-links">
          <a href="#compose-title">Reply</a> <a href="#props-title">Properties</a> <a href="#history-title">History</a>
        </nav>
      </div>
      <div class="ticket-grid">
        <div class="ticket-main">
          <TicketFields fields={ticket.fields} />
          <section aria-labelledby="conv-title">
            <h2 id="conv-title">Conversation</h2>
            <Conversation messages={messages} requesterId={ticket.requester.id} />
          </section>
          <section aria-labelledby="compose-title">
            <h2 id="compose-title">{mode === 'internal' ? 'Add an internal note' : 'Reply'}</h2>
            <Composer
              number={number}
              staff
              mode={mode}
              onMode={setMode}
              onSent={() => void load()}
              textRef={textRef}
              onTyping={typing}
              disabledReason={ticket.status === 'closed' ? 'This ticket is closed; it cannot take new messages. Open a follow-up ticket instead.' : undefined}
            />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <Timeline events={events} userName={userName} teamName={teamName} known={known} />
          </section>
        </div>
        <aside class="ticket-side" aria-label="Ticket details">
          <Properties ticket={ticket} dir={dir} onSaved={setTicket} refetch={fetchTicket} afterSave={() => void load()} />
          <TicketEscalation ticket={ticket} teams={dir.teams} onChanged={changed} />
          <TicketPromises ticket={ticket} onChanged={changed} />
          <TicketReplacements ticket={ticket} onChanged={changed} />
          <TicketService ticket={ticket} staff={dir.staff} onSaved={setTicket} refetch={fetchTicket} />
          <MacroPicker
            ticket={ticket}
            names={{ team: (id) => dir.teams.find((t) => t.id === id)?.name, user: (id) => dir.staff.find((u) => u.id === id)?.name }}
            onApplied={() => void load()}
          />
          <RequesterCard ticket={ticket} organizations={dir.organizations} />
          <MergeAndLink ticket={ticket} links={links} onLinked={setLinks} />
        </aside>
      </div>
    </article>
  );
}

// "Also here: Ann Lee, Bo Berg" and "Ann Lee is typing a reply…": polite, so a screen reader
// hears who came without losing its place.
function AlsoHere({ others, typists }: { others: Person[]; typists: Typist[] }) {
  return (
    <div class="presence" role="status" aria-live="polite">
      {others.length > 0 && <p class="also-here">Also here: {others.map((p) => p.name).join(', ')}</p>}
      {typists.map((t) => (
        <p key={t.user.id} class="typing-line">
          {t.user.name} is typing {t.internal ? 'an internal note' : 'a reply'}…
        </p>
      ))}
    </div>
  );
}

function TicketMiniList({ tickets, empty }: { tickets: Ticket[] | null; empty: string }) {
  if (tickets === null) return <p class="muted">Loading…</p>;
  if (tickets.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="mini-list">
      {tickets.map((t) => (
        <li key={t.number}>
          <Link href={`/console/tickets/${t.number}`}>
            #{t.number} {t.subject}
          </Link>{' '}
          <StatusBadge status={t.status} />
        </li>
      ))}
    </ul>
  );
}

function RequesterCard({ ticket, organizations: orgs }: { ticket: Ticket; organizations: Organization[] }) {
  const [theirs, setTheirs] = useState<Ticket[] | null>(null);
  const [orgOpen, setOrgOpen] = useState<Ticket[] | null>(null);
  const org = orgs.find((o) => o.id === ticket.organization_id);
  useEffect(() => {
    let alive = true;
    get<List<Ticket>>(`/tickets${qs({ requester: ticket.requester.id, limit: 10 })}`).then(
      (l) => alive && setTheirs(l.items.filter((t) => t.number !== ticket.number)),
      () => alive && setTheirs([]),
    );
    if (ticket.organization_id) {
      get<List<Ticket>>(`/tickets${qs({ organization: ticket.organization_id, status: OPEN_STATUSES.join(','), limit: 10 })}`).then(
        // Others in the organisation: the requester's own tickets are listed above already.
        (l) => alive && setOrgOpen(l.items.filter((t) => t.number !== ticket.number && t.requester.id !== ticket.requester.id)),
        () => alive && setOrgOpen([]),
      );
    }
    return () => {
      alive = false;
    };
  }, [ticket.number, ticket.requester.id, ticket.organization_id, ticket.version]);

  return (
    <section class="panel" aria-labelledby="requester-title">
      <h2 id="requester-title">Requester</h2>
      <p class="requester-name">{ticket.requester.name || ticket.requester.email}</p>
      <p>
        <a href={`mailto:${ticket.requester.email}`}>{ticket.requester.email}</a>
      </p>
      <p>{ticket.organization_id ? `Organisation: ${org?.name ?? `#${ticket.organization_id}`}` : 'No organisation'}</p>
      <h3>Their other tickets</h3>
      <TicketMiniList tickets={theirs} empty="No other tickets." />
      {ticket.organization_id && (
        <>
          <h3>Has this happened to anyone else in {org?.name ?? 'their organisation'}?</h3>
          <TicketMiniList tickets={orgOpen} empty="No other open tickets in the organisation." />
        </>
      )}
    </section>
  );
}

function MergeAndLink({ ticket, links, onLinked }: { ticket: Ticket; links: number[]; onLinked: (l: number[]) => void }) {
  const [into, setInto] = useState('');
  const [other, setOther] = useState('');
  const [mergeError, setMergeError] = useState('');
  const [linkError, setLinkError] = useState('');
  const [confirming, setConfirming] = useState(false);

  const merge = async (e: Event) => {
    e.preventDefault();
    const n = Number(into);
    if (!Number.isInteger(n) || n <= 0) {
      setMergeError('Enter the number of the ticket to merge into.');
      return;
    }
    if (!confirming) {
      setConfirming(true);
      return;
    }
    try {
      await post(`/tickets/${ticket.number}/merge`, { into: n });
      navigate(`/console/tickets/${n}`);
    } catch (err) {
      setMergeError(errorText(err));
      setConfirming(false);
    }
  };
  const link = async (e: Event) => {
    e.preventDefault();
    const n = Number(other);
    if (!Number.isInteger(n) || n <= 0) {
      setLinkError('Enter the number of the ticket to link.');
      return;
    }
    try {
      const r = await post<{ linked: number[] }>(`/tickets/${ticket.number}/links`, { ticket: n });
      onLinked(r.linked);
      setOther('');
      setLinkError('');
    } catch (err) {
      setLinkError(errorText(err));
    }
  };

  return (
    <section class="panel" aria-labelledby="related-title">
      <h2 id="related-title">Related tickets</h2>
      {links.length === 0 ? (
        <p class="muted">No linked tickets.</p>
      ) : (
        <ul class="mini-list" aria-label="Linked tickets">
          {links.map((n) => (
            <li key={n}>
              <Link href={`/console/tickets/${n}`}>#{n}</Link>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={link} class="inline-form">
        <Field label="Link to ticket #">
          {(p) => <input {...p} inputMode="numeric" value={other} onInput={(e) => setOther(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button-secondary">
          Link
        </button>
      </form>
      <ErrorMessage text={linkError} />
      {!ticket.merged_into && (
        <form onSubmit={merge} class="inline-form">
          <Field label="Merge into ticket #" hint="Same requester only. This ticket closes and its conversation moves to the other one.">
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={into}
                onInput={(e) => {
                  setInto(e.currentTarget.value);
                  setConfirming(false);
                }}
              />
            )}
          </Field>
          <button type="submit" class={confirming ? 'button button-danger' : 'button-secondary'}>
            {confirming ? `Confirm merge into #${into}` : 'Merge'}
          </button>
        </form>
      )}
      <ErrorMessage text={mergeError} />
    </section>
  );
}
