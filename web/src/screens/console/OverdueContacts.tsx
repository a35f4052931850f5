// Contacts overdue for review, per team (staff): the contacts of the team's services whose review
// date has passed, the longest overdue first, so a team can work down its list (verify each on its
// service's page). The team comes from ?team= and defaults to the first team the user is in.
import { get, type List, type Me } from '../../api';
import { ErrorMessage, Field, Time, useData, useTitle } from '../../components/common';
import { staffUsers, teams } from '../../directory';
import { Link, navigate, useLocation } from '../../router';
import type { ServiceContact } from '../../services';
import { callTreeLine, contactKindLabel, defaultTeam, verificationText } from '../../service_text';

export interface OverdueContact {
  service: { id: number; name: string };
  contact: ServiceContact;
  overdue_since: string;
}

export function OverdueContactsScreen({ me }: { me: Me }) {
  useTitle('Contacts overdue for review');
  const loc = useLocation();
  const teamList = useData(() => teams(), []);
  const team = teamList.data ? defaultTeam(teamList.data, me.id, loc.query.get('team')) : null;
  const overdue = useData(
    () => (team ? get<List<OverdueContact>>(`/services/contacts/overdue?team_id=${team.id}`).then((l) => l.items) : Promise.resolve([])),
    [team?.id],
  );
  const staff = useData(() => staffUsers(), []);
  const staffName = (id: number) => (id === me.id ? 'You' : (staff.data?.find((u) => u.id === id)?.name ?? 'Someone no longer here'));
  const items = overdue.data ?? [];

  return (
    <section aria-labelledby="overdue-title">
      <p class="back">
        <Link href="/console/services">← Service directory</Link>
      </p>
      <h1 id="overdue-title">Contacts overdue for review</h1>
      <p class="lede">Each contact is due for a check some days after it was last verified. Call or write to it, then record what you found on its service’s page.</p>
      <ErrorMessage text={teamList.error || overdue.error} />
      {teamList.data && teamList.data.length === 0 && <p class="empty">There are no teams yet.</p>}
      {team && (
        <form class="inline-form" onSubmit={(e) => e.preventDefault()}>
          <Field label="Team">
            {(p) => (
              <select {...p} value={String(team.id)} onChange={(e) => navigate(`/console/services/overdue?team=${e.currentTarget.value}`, { replace: true })}>
                {(teamList.data ?? []).map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                    {t.member_ids.includes(me.id) ? ' (your team)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </form>
      )}
      <p role="status" class="queue-count">
        {team && overdue.data && !overdue.loading ? (items.length === 0 ? `Nothing overdue for ${team.name}.` : `${items.length} ${items.length === 1 ? 'contact' : 'contacts'} overdue for ${team.name}`) : ''}
      </p>
      {items.length > 0 && (
        <div class="table-wrap">
          <table class="data stack-on-phone overdue-table">
            <caption class="sr-only">Contacts of {team?.name} overdue for review, the longest overdue first</caption>
            <thead>
              <tr>
                <th scope="col">Contact</th>
                <th scope="col">Service</th>
                <th scope="col">Review was due</th>
                <th scope="col">Last check</th>
              </tr>
            </thead>
            <tbody>
              {items.map((o) => (
                <tr key={o.contact.id}>
                  <td class="card-title">
                    {contactKindLabel(o.contact.kind)} {o.contact.value}
                    {o.contact.active === false && <span class="badge status-closed">Inactive</span>}
                    {o.contact.call_tree.length > 0 && <span class="muted"> · {callTreeLine(o.contact.call_tree)}</span>}
                  </td>
                  <td data-label="Service">
                    <Link href={`/console/services/${o.service.id}`}>{o.service.name}</Link>
                  </td>
                  <td data-label="Review was due">
                    <Time iso={o.overdue_since} absolute />
                  </td>
                  <td data-label="Last check">
                    {verificationText(o.contact, staffName)}
                    {o.contact.last_verified_at && (
                      <>
                        {' '}
                        (<Time iso={o.contact.last_verified_at} />)
                      </>
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
