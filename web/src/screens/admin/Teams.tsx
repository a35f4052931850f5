// Admin: teams and their members (agents and admins).
import { useState } from 'preact/hooks';
import { errorText, get, type List, patch, post, type Team, type User } from '../../api';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { invalidate, staffUsers } from '../../directory';

export function AdminTeams() {
  useTitle('Teams');
  const teams = useData(() => get<List<Team>>('/teams').then((l) => l.items), []);
  const staff = useData(() => staffUsers(), []);
  const [name, setName] = useState('');
  const { error, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');

  const changed = (text: string) => {
    setNotice(text);
    invalidate('teams');
    void teams.reload();
  };

  return (
    <section aria-labelledby="teams-title">
      <h1 id="teams-title">Teams</h1>
      <form
        class="panel inline-form"
        onSubmit={async (e) => {
          e.preventDefault();
          try {
            const t = await post<Team>('/teams', { name: name.trim() });
            setName('');
            clear();
            changed(`Created team ${t.name}.`);
          } catch (err) {
            fail(err);
          }
        }}
      >
        <Field label="New team name" error={fields.name}>
          {(p) => <input {...p} value={name} onInput={(e) => setName(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button">
          Create team
        </button>
      </form>
      <ErrorMessage text={error || teams.error} />
      <Notice text={notice} />
      {teams.data?.length === 0 && <p class="empty">No teams yet.</p>}
      {teams.data?.map((t) => (
        <TeamCard key={t.id} team={t} staff={staff.data ?? []} onChanged={changed} />
      ))}
    </section>
  );
}

function TeamCard({ team, staff, onChanged }: { team: Team; staff: User[]; onChanged: (text: string) => void }) {
  const [add, setAdd] = useState('');
  const [error, setError] = useState('');
  const members = team.member_ids.map((id) => staff.find((u) => u.id === id) ?? ({ id, name: `User #${id}` } as User));
  const candidates = staff.filter((u) => !team.member_ids.includes(u.id) && !u.disabled);

  const setMembers = async (ids: number[], text: string) => {
    try {
      await patch(`/teams/${team.id}`, { member_ids: ids });
      setError('');
      onChanged(text);
    } catch (err) {
      setError(errorText(err));
    }
  };

  return (
    <section class="panel" aria-labelledby={`team-${team.id}`}>
      <h2 id={`team-${team.id}`}>{team.name}</h2>
      {members.length === 0 ? (
        <p class="muted">No members yet.</p>
      ) : (
        <ul class="member-list" aria-label={`Members of ${team.name}`}>
          {members.map((m) => (
            <li key={m.id}>
              <span>{m.name}</span>
              <button
                type="button"
                class="button-quiet button-small"
                aria-label={`Remove ${m.name} from ${team.name}`}
                onClick={() => void setMembers(team.member_ids.filter((id) => id !== m.id), `Removed ${m.name} from ${team.name}.`)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          const u = staff.find((x) => String(x.id) === add);
          if (!u) return;
          setAdd('');
          void setMembers([...team.member_ids, u.id], `Added ${u.name} to ${team.name}.`);
        }}
      >
        <Field label={`Add a member to ${team.name}`}>
          {(p) => (
            <select {...p} value={add} onChange={(e) => setAdd(e.currentTarget.value)}>
              <option value="">Choose a person…</option>
              {candidates.map((u) => (
                <option key={u.id} value={String(u.id)}>
                  {u.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit" class="button-secondary" disabled={!add}>
          Add member
        </button>
      </form>
      <ErrorMessage text={error} />
    </section>
  );
}
