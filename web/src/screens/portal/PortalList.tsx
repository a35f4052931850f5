// The customer's tickets (and their organisation's where it shares them), newest activity first;
// refetched when the live feed says one of them changed (a reply, a new status).
import { get, type List, type Ticket } from '../../api';
import { ErrorMessage, StatusBadge, Time, useData, useTitle } from '../../components/common';
import { useLiveRefresh } from '../../live';
import { Link } from '../../router';

export function PortalList() {
  useTitle('My tickets');
  const { data, error, reload } = useData(() => get<List<Ticket>>('/tickets?limit=100'), []);
  useLiveRefresh((e) => e.ticket_number !== null, () => void reload());
  return (
    <section aria-labelledby="portal-title">
      <div class="page-head">
        <h1 id="portal-title">My tickets</h1>
        <Link href="/portal/new" class="button">
          New ticket
        </Link>
      </div>
      <ErrorMessage text={error} />
      {data === undefined && !error && <p>Loading…</p>}
      {data && data.items.length === 0 && (
        <p class="empty">
          You have no tickets yet. <Link href="/portal/new">Ask us for help</Link>.
        </p>
      )}
      {data && data.items.length > 0 && (
        <ul class="card-list" aria-label="Tickets">
          {data.items.map((t) => (
            <li key={t.number} class="card">
              <Link href={`/portal/tickets/${t.number}`} class="card-title">
                {t.subject}
              </Link>
              <p class="card-meta">
                <span>#{t.number}</span> <StatusBadge status={t.status} />{' '}
                <span class="muted">
                  Updated <Time iso={t.updated_at} />
                </span>
                {t.requester.name && <span class="muted"> · {t.requester.name}</span>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
