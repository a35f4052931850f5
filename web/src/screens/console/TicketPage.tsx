// The technician's ticket page: conversation and composer (r / n), the properties panel saved
// with If-Match (conflicts are per field: see Properties), history, the
// requester's card with their other tickets and their organisation's open ones, merge and link.
import { MacroPicker } from '../../components/MacroPicker';
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  ApiError,
  type Category,
  errorText,
  fieldErrors,
  get,
  type List,
  type Me,
  type Message,
  OPEN_STATUSES,
  type Organization,
  post,
  PRIORITIES,
  qs,
  request,
  STATUSES,
  type Team,
  type Ticket,
  type TicketEvent,
  type User,
} from '../../api';
import {
  ErrorMessage,
  Field,
  Notice,
  PriorityBadge,
  priorityLabel,
  StatusBadge,
  statusLabel,
  Time,
  useTitle,
} from '../../components/common';
import { type ComposeMode, Composer, Conversation } from '../../components/conversation';
import { useKeys } from '../../components/keys';
import { Timeline } from '../../components/timeline';
import { categories, organizations, staffUsers, teams } from '../../directory';
import { useLiveRefresh } from '../../live';
import { Link, navigate } from '../../router';

const CONFLICT =
  'Someone else changed this ticket after you opened it, so your changes were not saved. Reload to see their changes, then make your edit again.';
const FIELD_CONFLICT = 'Someone else changed the same field while you were editing. Choose which value to keep.';

interface Directory {
  staff: User[];
  teams: Team[];
  categories: Category[] | null;
  organizations: Organization[];
}

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
  const teamName = (id: number | null | undefined) => dir.teams.find((t) => t.id === id)?.name ?? `#${id}`;

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
        <ErrorMessage text={takeError} />
        <ErrorMessage text={error} />
      </div>
      <div class="ticket-grid">
        <div class="ticket-main">
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
              disabledReason={ticket.status === 'closed' ? 'This ticket is closed; it cannot take new messages. Open a follow-up ticket instead.' : undefined}
            />
          </section>
          <section aria-labelledby="history-title">
            <h2 id="history-title">History</h2>
            <Timeline events={events} userName={userName} teamName={teamName} />
          </section>
        </div>
        <aside class="ticket-side" aria-label="Ticket details">
          <Properties ticket={ticket} dir={dir} onSaved={setTicket} refetch={fetchTicket} afterSave={() => void load()} />
          <MacroPicker ticket={ticket} onApplied={() => void load()} />
          <RequesterCard ticket={ticket} organizations={dir.organizations} />
          <MergeAndLink ticket={ticket} links={links} onLinked={setLinks} />
        </aside>
      </div>
    </article>
  );
}

interface Draft {
  status: string;
  priority: string;
  assignee_id: string;
  team_id: string;
  category: string;
  tags: string;
}

function draftOf(t: Ticket): Draft {
  return {
    status: t.status,
    priority: t.priority ?? 'normal',
    assignee_id: t.assignee_id ? String(t.assignee_id) : '',
    team_id: t.team_id ? String(t.team_id) : '',
    category: t.category ?? '',
    tags: (t.tags ?? []).join(', '),
  };
}

const tagList = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);

const FIELD_LABEL: Record<keyof Draft, string> = {
  status: 'Status',
  priority: 'Priority',
  assignee_id: 'Assignee',
  team_id: 'Team',
  category: 'Category',
  tags: 'Tags',
};

const sameValue = (k: keyof Draft, a: Draft, b: Draft) => (k === 'tags' ? tagList(a.tags).join(',') === tagList(b.tags).join(',') : a[k] === b[k]);

/** The fields of `draft` that differ from `base`: what this person edited. */
const editedFields = (draft: Draft, base: Draft) => (Object.keys(base) as (keyof Draft)[]).filter((k) => !sameValue(k, draft, base));

/** The PATCH body for the edited fields. */
function changesFor(draft: Draft, fields: (keyof Draft)[]): Record<string, unknown> {
  const c: Record<string, unknown> = {};
  for (const k of fields) {
    if (k === 'assignee_id' || k === 'team_id') c[k] = draft[k] ? Number(draft[k]) : null;
    else if (k === 'tags') c.tags = tagList(draft.tags);
    else c[k] = draft[k];
  }
  return c;
}

/** A field both people changed: what it was, what I chose, what the other person saved. */
interface FieldClash {
  field: keyof Draft;
  mine: string;
  theirs: string;
}

interface PropertiesProps {
  ticket: Ticket;
  dir: Directory;
  onSaved: (t: Ticket) => void;
  refetch: () => Promise<Ticket>;
  afterSave: () => void;
}

/**
 * The side panel form. Edits are made against `base` (the ticket as it was when editing began);
 * a live refresh does not move `base` while there are unsaved edits. Conflicts are per field,
 * decided here rather than on the server (which keeps one ticket-wide version): a save refused
 * with 412 refetches the ticket; when nobody else changed the fields this person edited (a
 * customer's reply, or another field), the edit is re-applied on the fresh version without
 * asking; only a field someone else changed too is shown with both values to choose from.
 */
function Properties({ ticket, dir, onSaved, refetch, afterSave }: PropertiesProps) {
  const [base, setBase] = useState<Ticket>(ticket);
  const [draft, setDraft] = useState<Draft>(() => draftOf(ticket));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [conflict, setConflict] = useState(false);
  const [clashes, setClashes] = useState<FieldClash[]>([]);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState('');

  const b = draftOf(base);
  const dirty = (Object.keys(b) as (keyof Draft)[]).some((k) =>
    k === 'tags' ? tagList(draft.tags).join(',') !== tagList(b.tags).join(',') : draft[k] !== b[k],
  );

  useEffect(() => {
    if (ticket.number !== base.number || (!dirty && !conflict)) {
      setBase(ticket);
      setDraft(draftOf(ticket));
    }
  }, [ticket]);

  const set = (k: keyof Draft) => (e: Event) => {
    setDraft({ ...draft, [k]: (e.currentTarget as HTMLInputElement).value });
    setSaved('');
  };

  const saved_ = (t: Ticket) => {
    setBase(t);
    setDraft(draftOf(t));
    setError('');
    setFields({});
    setConflict(false);
    setClashes([]);
    setSaved('Saved.');
    onSaved(t);
    afterSave();
  };

  /** Sends `edited` fields of `d` against `from`; on 412, rebases on the fresh ticket when it can. */
  const send = async (d: Draft, from: Ticket, edited: (keyof Draft)[]) => {
    let against = from;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const r = await request<Ticket>('PATCH', `/tickets/${against.number}`, changesFor(d, edited), { 'If-Match': `"${against.version}"` });
        saved_(r.data);
        return;
      } catch (err) {
        if (!(err instanceof ApiError && err.status === 412)) throw err;
      }
      const fresh = await refetch();
      const was = draftOf(against);
      const now = draftOf(fresh);
      const theirs = edited.filter((k) => !sameValue(k, was, now) && !sameValue(k, d, now));
      if (theirs.length > 0) {
        // Rebase: fields nobody else touched keep this person's edit; the clashing ones ask.
        setBase(fresh);
        onSaved(fresh);
        setDraft(d);
        setClashes(theirs.map((k) => ({ field: k, mine: d[k], theirs: now[k] })));
        setConflict(true);
        return;
      }
      against = fresh;
    }
    setConflict(true);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const edited = editedFields(draft, b);
    if (edited.length === 0) {
      setSaved('Nothing to save.');
      return;
    }
    setBusy(true);
    try {
      await send(draft, base, edited);
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  /** Resolves every clash one way: keep my values (save them now) or take the other person's. */
  const settle = async (keepMine: boolean) => {
    const d = { ...draft };
    if (!keepMine) for (const c of clashes) d[c.field] = c.theirs;
    setClashes([]);
    setConflict(false);
    setDraft(d);
    const edited = editedFields(d, draftOf(base));
    if (edited.length === 0) {
      setSaved('Kept their changes.');
      return;
    }
    setBusy(true);
    try {
      await send(d, base, edited);
    } catch (err) {
      setError(errorText(err));
      setFields(fieldErrors(err));
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    try {
      const t = await refetch();
      setBase(t);
      setDraft(draftOf(t));
      setConflict(false);
      setClashes([]);
      setError('');
      setFields({});
      onSaved(t);
      afterSave();
    } catch (err) {
      setError(errorText(err));
    }
  };

  const live = draftOf(ticket);
  const changedUnderneath =
    dirty && !conflict && ticket.version !== base.version && editedFields(draft, b).some((k) => !sameValue(k, b, live));
  const shown = (k: keyof Draft, v: string) => {
    if (k === 'status') return statusLabel(v);
    if (k === 'priority') return priorityLabel(v);
    if (k === 'assignee_id') return v ? (dir.staff.find((u) => String(u.id) === v)?.name ?? `User #${v}`) : 'Unassigned';
    if (k === 'team_id') return v ? (dir.teams.find((t) => String(t.id) === v)?.name ?? `Team #${v}`) : 'No team';
    if (k === 'category') return v || 'No category';
    return v || 'No tags';
  };
  const staff = dir.staff.filter((u) => !u.disabled || String(u.id) === draft.assignee_id);
  const cats = dir.categories;

  return (
    <section class="panel" aria-labelledby="props-title">
      <h2 id="props-title">Properties</h2>
      <form onSubmit={save} class="props-form">
        <Field label="Status" error={fields.status}>
          {(p) => (
            <select {...p} value={draft.status} onChange={set('status')}>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority" error={fields.priority}>
          {(p) => (
            <select {...p} value={draft.priority} onChange={set('priority')}>
              {PRIORITIES.map((s) => (
                <option key={s} value={s}>
                  {priorityLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Assignee" error={fields.assignee_id}>
          {(p) => (
            <select {...p} value={draft.assignee_id} onChange={set('assignee_id')}>
              <option value="">Unassigned</option>
              {staff.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
              {draft.assignee_id && !staff.some((u) => String(u.id) === draft.assignee_id) && (
                <option value={draft.assignee_id}>User #{draft.assignee_id}</option>
              )}
            </select>
          )}
        </Field>
        <Field label="Team" error={fields.team_id}>
          {(p) => (
            <select {...p} value={draft.team_id} onChange={set('team_id')}>
              <option value="">No team</option>
              {dir.teams.map((t) => (
                <option key={t.id} value={String(t.id)}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Category" error={fields.category}>
          {(p) =>
            cats === null ? (
              <input {...p} value={draft.category} onInput={set('category')} />
            ) : (
              <select {...p} value={draft.category} onChange={set('category')}>
                <option value="">No category</option>
                {cats.map((c) => (
                  <option key={c.id} value={c.name}>
                    {c.name}
                  </option>
                ))}
                {draft.category && !cats.some((c) => c.name === draft.category) && (
                  <option value={draft.category}>{draft.category}</option>
                )}
              </select>
            )
          }
        </Field>
        <Field label="Tags" hint="Separate tags with commas." error={fields.tags}>
          {(p) => <input {...p} value={draft.tags} onInput={set('tags')} />}
        </Field>
        {changedUnderneath && (
          <p class="notice" role="status">
            Someone else has just changed a field you are editing. When you save, you can choose which value to keep.
          </p>
        )}
        {conflict && clashes.length > 0 && (
          <div role="alert" class="alert alert-error conflict">
            <p>{FIELD_CONFLICT}</p>
            <ul>
              {clashes.map((c) => (
                <li key={c.field}>
                  {FIELD_LABEL[c.field]}: you chose <strong>{shown(c.field, c.mine)}</strong>; someone else set <strong>{shown(c.field, c.theirs)}</strong>.
                </li>
              ))}
            </ul>
            <button type="button" class="button" onClick={() => void settle(true)}>
              Keep mine
            </button>{' '}
            <button type="button" class="button-secondary" onClick={() => void settle(false)}>
              Use theirs
            </button>
          </div>
        )}
        {conflict && clashes.length === 0 && (
          <div role="alert" class="alert alert-error conflict">
            <p>{CONFLICT}</p>
            <button type="button" class="button" onClick={() => void reload()}>
              Reload
            </button>
          </div>
        )}
        <ErrorMessage text={error} />
        <div class="actions">
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Saving…' : 'Save changes'}
          </button>
          {dirty && (
            <button type="button" class="button-quiet" onClick={() => setDraft(draftOf(base))}>
              Discard
            </button>
          )}
        </div>
        <Notice text={saved} />
      </form>
    </section>
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
