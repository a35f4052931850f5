// The service directory's list (agents and admins): one search box that takes a name, a keyword
// or a pasted web address (the server tells them apart), results as a table with the owning team,
// the primary contact and what needs attention; the search is kept in the address (?q=) so a
// result list can be shared and Back returns to it. Below: the contacts overdue for review per
// team, and the directory as a Backstage catalog (export for staff, import for admins).
import { useEffect, useState } from 'preact/hooks';
import { type Me, type Team } from '../../api';
import { ErrorMessage, Field, useData, useTitle } from '../../components/common';
import { useAddressSearch } from '../../components/useAddressSearch';
import { teams } from '../../directory';
import { Link, useLocation } from '../../router';
import { searchServices, type Service } from '../../services';
import { contactKindLabel } from '../../service_text';
import { CatalogPanel } from './CatalogPanel';

export function ServicesScreen({ me }: { me: Me }) {
  useTitle('Service directory');
  const loc = useLocation();
  const q = loc.query.get('q') ?? '';
  const { text, setText, go } = useAddressSearch('/console/services', q);
  const [teamList, setTeamList] = useState<Team[]>([]);
  useEffect(() => {
    teams().then(setTeamList, () => {});
  }, []);

  const { data, error, loading, reload } = useData(() => searchServices(q), [q]);
  const teamName = (id: number | null | undefined) => (id ? (teamList.find((t) => t.id === id)?.name ?? `Team #${id}`) : 'No team');

  return (
    <section aria-labelledby="services-title">
      <div class="page-head">
        <h1 id="services-title">Service directory</h1>
        <div class="actions">
          <Link href="/console/services/overdue" class="button-secondary">
            Overdue for review
          </Link>
          <Link href="/console/services/new" class="button">
            New service
          </Link>
        </div>
      </div>
      <form
        role="search"
        aria-label="Services"
        class="inline-form service-search"
        onSubmit={(e) => {
          e.preventDefault();
          go(text);
        }}
      >
        <Field label="Find a service" hint="A name, a keyword, or paste any web address of the service.">
          {(p) => <input {...p} type="search" value={text} autoComplete="off" onInput={(e) => setText(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button-secondary">
          Search
        </button>
      </form>
      <ErrorMessage text={error} />
      <p role="status" class="queue-count">
        {data && !loading ? (q ? `${data.length} found for “${q}”` : `${data.length} services`) : ''}
      </p>
      {data && data.length === 0 && <p class="empty">{q ? 'No service matches. Try a keyword, or paste the address of the site.' : 'No services yet.'}</p>}
      {data && data.length > 0 && (
        <div class="table-wrap">
          <table class="data stack-on-phone services-table">
            <thead>
              <tr>
                <th scope="col">Service</th>
                <th scope="col">Team</th>
                <th scope="col">Primary contact</th>
                <th scope="col">Attention</th>
              </tr>
            </thead>
            <tbody>
              {data.map((s) => (
                <tr key={s.id}>
                  <td class="card-title">
                    <Link href={`/console/services/${s.id}`}>{s.name}</Link>
                    {s.keywords.length > 0 && <span class="muted service-keywords"> {s.keywords.join(', ')}</span>}
                  </td>
                  <td data-label="Team">{teamName(s.team_id)}</td>
                  <td data-label="Primary contact">{primaryText(s)}</td>
                  <td data-label="Attention">
                    <Attention service={s} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <CatalogPanel me={me} onImported={() => void reload()} />
    </section>
  );
}

function primaryText(s: Service): string {
  const c = s.contacts.find((x) => x.primary) ?? s.contacts.find((x) => x.active !== false);
  return c ? `${contactKindLabel(c.kind)} ${c.value}` : '—';
}

/** What a team lead should look at: overdue or inactive contacts, or none to call. */
function Attention({ service }: { service: Service }) {
  const overdue = service.contacts.filter((c) => c.overdue).length;
  const active = service.contacts.filter((c) => c.active !== false).length;
  if (active === 0) return <span class="badge priority-urgent">No active contact</span>;
  if (overdue > 0) return <span class="badge priority-high">{overdue === 1 ? '1 contact overdue' : `${overdue} contacts overdue`}</span>;
  return <span class="muted">—</span>;
}
