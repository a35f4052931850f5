// A queue or a search: the ticket table with sortable columns, j/k/Enter keyboard use, a count,
// "load more", live refresh, and (for searches) saving the query as a filter.
import { BulkBar } from '../../components/BulkBar';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ApiError, errorText, get, type List, type Me, post, qs, type Ticket, type User } from '../../api';
import { ErrorMessage, Field, Notice, PriorityBadge, StatusBadge, Time, useFormErrors, useTitle } from '../../components/common';
import { useKeys } from '../../components/keys';
import { staffUsers, teams } from '../../directory';
import { useLiveRefresh } from '../../live';
import { queuesFor } from '../../queues';
import { Link, navigate, useLocation } from '../../router';
import { savedFiltersChanged } from './ConsoleLayout';

type SortKey = 'updated' | 'created' | 'priority' | 'number';
const DEFAULT_SORT: SortKey = 'updated';

export function QueueScreen({ me, queue }: { me: Me; queue: string }) {
  const loc = useLocation();
  const q = queue === 'search' ? (loc.query.get('q') ?? '') : '';
  const sort = (loc.query.get('sort') as SortKey | null) ?? DEFAULT_SORT;
  const order = loc.query.get('order') === 'asc' ? 'asc' : 'desc';

  const [defs, setDefs] = useState(() => queuesFor(me, []));
  useEffect(() => {
    teams().then((ts) => setDefs(queuesFor(me, ts)), () => {});
  }, [me.id]);
  const def = queue === 'search' ? { key: 'search', name: q ? `Search: ${q}` : 'All tickets', params: { q } } : defs.find((d) => d.key === queue);

  const [items, setItems] = useState<Ticket[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [count, setCount] = useState<{ count: number; capped?: boolean } | null>(null);
  const [error, setError] = useState('');
  const [staff, setStaff] = useState<Map<number, User>>(new Map());
  const [selected, setSelected] = useState(-1);
  const [picked, setPicked] = useState<Set<number>>(new Set());  // ticked for bulk actions
  const togglePicked = (n: number) =>
    setPicked((cur) => {
      const next = new Set(cur);
      if (!next.delete(n)) next.add(n);
      return next;
    });
  const tableRef = useRef<HTMLTableElement>(null);
  const seq = useRef(0);

  useTitle(def ? def.name : 'Queue');
  useEffect(() => {
    staffUsers().then((us) => setStaff(new Map(us.map((u) => [u.id, u]))), () => {});
  }, []);

  // Only non-default sorting goes on the wire, so the list works against servers without sort.
  const params = useMemo(() => {
    if (!def) return null;
    const p: Record<string, string> = { ...def.params };
    if (sort !== DEFAULT_SORT || order !== 'desc') {
      p.sort = sort;
      p.order = order;
    }
    return p;
  }, [def && JSON.stringify(def.params), sort, order]);

  // Refetches the first page (and as many rows as are already shown, up to 200).
  const load = async (keepLength = false) => {
    if (!params) return;
    const mine = ++seq.current;
    const limit = keepLength && items ? Math.min(200, Math.max(50, items.length)) : 50;
    try {
      const [list, c] = await Promise.all([
        get<List<Ticket>>(`/tickets${qs({ ...params, limit })}`),
        get<{ count: number; capped?: boolean }>(`/tickets/count${qs(def!.params)}`).catch(() => null),
      ]);
      if (mine !== seq.current) return;
      setItems(list.items);
      setNext(list.next_cursor ?? null);
      setCount(c);
      setError('');
    } catch (e) {
      if (mine !== seq.current) return;
      // Nothing to show: the count and the empty-queue text would both be false.
      setItems(null);
      setCount(null);
      setNext(null);
      setError(queue === 'search' && e instanceof ApiError && e.status >= 400 && e.status < 500 ? `This search cannot run. ${errorText(e)}` : errorText(e));
    }
  };

  useEffect(() => {
    setItems(null);
    setError('');
    setSelected(-1);
    setPicked(new Set());
    void load();
  }, [params && JSON.stringify(params)]);

  useLiveRefresh((e) => e.ticket_number !== null, () => void load(true));

  const loadMore = async () => {
    if (!next || !params) return;
    try {
      const list = await get<List<Ticket>>(`/tickets${qs({ ...params, cursor: next, limit: 50 })}`);
      setItems((cur) => [...(cur ?? []), ...list.items]);
      setNext(list.next_cursor ?? null);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const focusRow = (i: number) => {
    const links = tableRef.current?.querySelectorAll<HTMLAnchorElement>('tbody a.ticket-link');
    if (!links || links.length === 0) return;
    const idx = Math.max(0, Math.min(links.length - 1, i));
    setSelected(idx);
    links[idx].focus();
  };
  useKeys({
    j: () => focusRow(selected + 1),
    k: () => focusRow(selected < 0 ? 0 : selected - 1),
    x: () => {
      if (!items || selected < 0 || !items[selected]) return false;
      togglePicked(items[selected].number);
    },
    Enter: () => {
      // Only when focus is on the page or the list, never stealing Enter from a button.
      const a = document.activeElement;
      const onList = !a || a === document.body || a.id === 'main' || !!tableRef.current?.contains(a);
      if (!onList || !items || selected < 0 || !items[selected]) return false;
      navigate(`/console/tickets/${items[selected].number}`);
    },
  });

  const sortHref = (key: SortKey) => {
    const nextOrder = sort === key ? (order === 'desc' ? 'asc' : 'desc') : key === 'number' ? 'asc' : 'desc';
    const u = new URLSearchParams(loc.query);
    if (key === DEFAULT_SORT && nextOrder === 'desc') {
      u.delete('sort');
      u.delete('order');
    } else {
      u.set('sort', key);
      u.set('order', nextOrder);
    }
    const s = u.toString();
    return loc.path + (s ? '?' + s : '');
  };
  const SortHeader = ({ k, label }: { k: SortKey; label: string }) => (
    <th scope="col" aria-sort={sort === k ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <Link href={sortHref(k)} class="sort-link">
        {label}
        <span aria-hidden="true">{sort === k ? (order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
      </Link>
    </th>
  );

  if (!def) {
    return (
      <>
        <h1>Queue not found</h1>
        <p>
          There is no queue called “{queue}”. <Link href="/console">Go to my tickets</Link>.
        </p>
      </>
    );
  }

  const shown = items?.length ?? 0;
  return (
    <section aria-labelledby="queue-title">
      <div class="page-head">
        <h1 id="queue-title">{def.name}</h1>
        <p class="queue-count" aria-live="polite">
          {items === null ? (error ? '' : 'Loading…') : countText(count, shown, !!next)}
        </p>
      </div>
      {queue === 'search' && q && !error && items !== null && <SaveFilter query={q} />}
      <ErrorMessage text={error} />
      {items && items.length === 0 && <p class="empty">No tickets here. Nice work.</p>}
      {items && items.length > 0 && (
        <BulkBar me={me} tickets={items.filter((t) => picked.has(t.number))} onDone={() => void load(true)} />
      )}
      {items && items.length > 0 && (
        <div class="table-wrap">
          <table class="tickets" ref={tableRef}>
            <caption class="sr-only">
              {def.name}. Use j and k to move between tickets, Enter to open one, x to select one for bulk actions.
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <span class="sr-only">Selected</span>
                </th>
                <SortHeader k="number" label="#" />
                <th scope="col">Subject</th>
                <th scope="col">Requester</th>
                <th scope="col">Status</th>
                <SortHeader k="priority" label="Priority" />
                <th scope="col">Assignee</th>
                <SortHeader k="updated" label="Updated" />
              </tr>
            </thead>
            <tbody>
              {items.map((t, i) => (
                <tr key={t.number} class={i === selected ? 'selected' : undefined} data-ticket={t.number}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`Select ticket #${t.number}`}
                      checked={picked.has(t.number)}
                      onChange={() => togglePicked(t.number)}
                    />
                  </td>
                  <td class="num">#{t.number}</td>
                  <td class="subject">
                    <Link href={`/console/tickets/${t.number}`} class="ticket-link" onFocus={() => setSelected(i)}>
                      {t.subject}
                    </Link>
                    {t.customer_replied_at && t.status !== 'closed' && (
                      <span class="badge replied" title="The customer wrote last; nobody has answered yet">
                        Customer replied
                      </span>
                    )}
                  </td>
                  <td>{t.requester.name || t.requester.email}</td>
                  <td>
                    <StatusBadge status={t.status} />
                  </td>
                  <td>
                    <PriorityBadge priority={t.priority} />
                  </td>
                  <td>{t.assignee_id ? (staff.get(t.assignee_id)?.name ?? `#${t.assignee_id}`) : <span class="muted">Unassigned</span>}</td>
                  <td>
                    <Time iso={t.updated_at} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next && (
        <button type="button" class="button" onClick={() => void loadMore()}>
          Load more
        </button>
      )}
    </section>
  );
}

function countText(count: { count: number; capped?: boolean } | null, shown: number, more: boolean): string {
  const n = count?.count ?? shown;
  const plus = count ? !!count.capped : more;
  return `${n.toLocaleString('en')}${plus ? '+' : ''} ${n === 1 && !plus ? 'ticket' : 'tickets'}`;
}

function SaveFilter({ query }: { query: string }) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const { error, fields, clear, fail } = useFormErrors();
  const [done, setDone] = useState('');
  useEffect(() => {
    setOpen(false);
    setDone('');
  }, [query]);
  if (!open) {
    return (
      <div class="save-filter">
        <button type="button" class="button-secondary" onClick={() => setOpen(true)}>
          Save this search as a filter
        </button>
        <Notice text={done} />
      </div>
    );
  }
  return (
    <form
      class="save-filter inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await post('/me/filters', { name: name.trim(), query });
          setOpen(false);
          setName('');
          clear();
          setDone(`Saved the filter “${name.trim()}”.`);
          savedFiltersChanged();
        } catch (err) {
          fail(err);
        }
      }}
    >
      <Field label="Filter name" error={fields.name}>
        {(p) => <input {...p} value={name} required onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <button type="submit" class="button">
        Save filter
      </button>
      <button type="button" class="button-quiet" onClick={() => setOpen(false)}>
        Cancel
      </button>
      <ErrorMessage text={error} />
    </form>
  );
}
