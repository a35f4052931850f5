// Admin: orphan services — nobody can be reached for them (no active contact, no team or an
// empty one, every contact overdue) — with the open tickets about each, so the gap is closed
// once for everyone. Each row leads to the service, where a contact can be added or verified.
import { get, type List, type Team } from '../../api';
import { ErrorMessage, useData, useTitle } from '../../components/common';
import { teams } from '../../directory';
import { Link } from '../../router';
import type { OrphanService } from '../../services';
import { orphanReasonText } from '../../service_text';

export function AdminOrphans() {
  useTitle('Orphan services');
  const orphans = useData(() => get<List<OrphanService>>('/services/orphans').then((l) => l.items), []);
  const teamList = useData<Team[]>(() => teams().catch(() => []), []);
  const teamName = (id: number | null | undefined) => (id ? (teamList.data?.find((t) => t.id === id)?.name ?? `Team #${id}`) : 'No team');

  return (
    <section aria-labelledby="orphans-title">
      <h1 id="orphans-title">Orphan services</h1>
      <p class="lede">Services nobody can be reached for. Add or check a contact, or give the service a team with members, and it leaves this list.</p>
      <ErrorMessage text={orphans.error} />
      {orphans.data === undefined && !orphans.error && <p>Loading…</p>}
      {orphans.data?.length === 0 && <p class="empty">No orphan services: every service has someone to call.</p>}
      {orphans.data && orphans.data.length > 0 && (
        <div class="table-wrap">
          <table class="data stack-on-phone">
            <caption class="sr-only">Orphan services and their open tickets</caption>
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Why</th>
                <th scope="col">Team</th>
                <th scope="col">Open tickets</th>
              </tr>
            </thead>
            <tbody>
              {orphans.data.map((o) => (
                <tr key={o.service.id}>
                  <td class="card-title">
                    <Link href={`/console/services/${o.service.id}`}>{o.service.name}</Link>
                  </td>
                  <td data-label="Why">{orphanReasonText(o.reason)}</td>
                  <td data-label="Team">{teamName(o.service.team_id)}</td>
                  <td data-label="Open tickets">
                    {o.open_tickets > 0 ? (
                      <Link href={`/console/search?q=${encodeURIComponent(`service:${o.service.id}`)}`}>
                        {o.open_tickets === 1 ? '1 open ticket' : `${o.open_tickets} open tickets`}
                      </Link>
                    ) : (
                      'None'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
