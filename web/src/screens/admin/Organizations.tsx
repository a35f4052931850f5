// Admin: organisations, their sharing flag ("members see each other's tickets") and their work
// week (the days their technicians count as working days on the leaderboard).
import { useEffect, useState } from 'preact/hooks';
import { errorText, get, type List, type Organization, patch, post, type Weekday, WEEKDAYS } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { invalidate } from '../../directory';

export function AdminOrganizations() {
  useTitle('Organisations');
  const orgs = useData(() => get<List<Organization>>('/organizations').then((l) => l.items), []);
  const [name, setName] = useState('');
  const [share, setShare] = useState(false);
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');

  const changed = (text: string) => {
    setNotice(text);
    invalidate('organizations');
    void orgs.reload();
  };

  return (
    <section aria-labelledby="orgs-title">
      <h1 id="orgs-title">Organisations</h1>
      <form
        class="panel stack"
        aria-label="New organisation"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const o = await post<Organization>('/organizations', { name: name.trim(), share_tickets: share });
            setName('');
            setShare(false);
            clear();
            changed(`Created ${o.name}.`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <h2>New organisation</h2>
        <Field label="Organisation name" error={fields.name}>
          {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <label class="check">
          <input type="checkbox" checked={share} onChange={(e) => setShare(e.currentTarget.checked)} />
          Members see each other’s tickets
        </label>
        <div class="actions">
          <button type="submit" class="button">
            Create organisation
          </button>
        </div>
      </form>
      <ErrorMessage text={error || orgs.error} />
      <Notice text={notice} />
      <h2>All organisations</h2>
      {orgs.data?.length === 0 && <p class="empty">No organisations yet.</p>}
      {orgs.data && orgs.data.length > 0 && (
        <div class="table-wrap">
          <table class="data stack-on-phone">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Ticket sharing</th>
                <th scope="col">Work week</th>
              </tr>
            </thead>
            <tbody>
              {orgs.data.map((o) => (
                <tr key={o.id}>
                  <td class="card-title">{o.name}</td>
                  <td>
                    <label class="check">
                      <input
                        type="checkbox"
                        checked={o.share_tickets}
                        onChange={async (e) => {
                          const on = e.currentTarget.checked;
                          try {
                            await patch(`/organizations/${o.id}`, { share_tickets: on });
                            setError('');
                            changed(on ? `${o.name} members now see each other’s tickets.` : `${o.name} members now see only their own tickets.`);
                          } catch (err) {
                            setError(errorText(err));
                            void orgs.reload();
                          }
                        }}
                      />
                      Members see each other’s tickets
                      <span class="sr-only"> ({o.name})</span>
                    </label>
                  </td>
                  <td data-label="Work week">
                    <WorkWeek
                      org={o}
                      onChange={async (week) => {
                        try {
                          await patch(`/organizations/${o.id}`, { work_week: week });
                          setError('');
                          changed(`${o.name} now works ${week.map(dayName).join(', ')}.`);
                        } catch (err) {
                          setError(errorText(err));
                          void orgs.reload();
                        }
                      }}
                    />
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

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };
const dayName = (d: Weekday) => DAY_NAMES[d];

/** Seven checkboxes; each change saves the whole week, kept in Monday-to-Sunday order. The box
 * shows the person's choice at once (not the stored week until the save answers), so a click
 * never appears to bounce back. */
function WorkWeek({ org, onChange }: { org: Organization; onChange: (week: Weekday[]) => void }) {
  const [chosen, setChosen] = useState<Weekday[] | null>(null);
  useEffect(() => setChosen(null), [org.work_week]);
  const week = chosen ?? org.work_week ?? [];
  return (
    <fieldset class="work-week">
      <legend class="sr-only">Work week of {org.name}</legend>
      {WEEKDAYS.map((d) => (
        <label key={d} class="check">
          <input
            type="checkbox"
            checked={week.includes(d)}
            onChange={(e) => {
              const next = WEEKDAYS.filter((x) => (x === d ? e.currentTarget.checked : week.includes(x)));
              setChosen(next);
              onChange(next);
            }}
          />
          {dayName(d)}
        </label>
      ))}
    </fieldset>
  );
}
