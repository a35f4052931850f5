// The queue's bulk-action bar: shown while tickets are picked; applies one set of changes (tags
// added or removed relative to each ticket's own) or a merge to all of them and says, per ticket, what did not work. Each ticket is sent with the
// version the queue shows, so a ticket someone changed meanwhile is left alone and named.
// On a phone it shows two fields to a line, and only its heading while nothing is picked (styles.css).
import { useEffect, useState } from 'preact/hooks';
import { errorText, PRIORITIES, post, STATUSES, type Team, type Ticket, type User } from '../api';
import { staffUsers, teams as loadTeams } from '../directory';
import { ErrorMessage, Field, Notice, priorityLabel, statusLabel } from './common';

interface BulkResult {
  number: number;
  status: number;
  error?: string;
}

export function BulkBar({ me, tickets, onDone }: { me: { id: number }; tickets: Ticket[]; onDone: () => void }) {
  const [staff, setStaff] = useState<User[]>([]);
  const [teams, setTeams] = useState<Team[]>([]);
  const [assignee, setAssignee] = useState('');
  const [status, setStatus] = useState('');
  const [priority, setPriority] = useState('');
  const [team, setTeam] = useState('');
  const [tags, setTags] = useState('');
  const [untags, setUntags] = useState('');
  const [into, setInto] = useState('');
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');
  useEffect(() => {
    staffUsers().then(setStaff, () => {});
    loadTeams().then(setTeams, () => {});
  }, []);

  const send = async (body: Record<string, unknown>) => {
    const versions = Object.fromEntries(tickets.map((t) => [String(t.number), t.version]));
    try {
      const r = await post<{ results: BulkResult[] }>('/tickets/bulk', { numbers: tickets.map((t) => t.number), versions, ...body });
      const failed = r.results.filter((x) => x.status !== 200);
      const done = r.results.length - failed.length;
      setNotice(`Done for ${done} of ${r.results.length} tickets.`);
      setError(
        failed
          .map((f) => `#${f.number}: ${f.status === 412 ? 'someone else changed it meanwhile; nothing was changed there' : f.error ?? 'not changed'}`)
          .join(' '),
      );
      setAssignee('');
      setStatus('');
      setPriority('');
      setTeam('');
      setTags('');
      setUntags('');
      setInto('');
      onDone();
    } catch (err) {
      setNotice('');
      setError(errorText(err));
    }
  };

  const changes: Record<string, unknown> = {};
  if (assignee) changes.assignee_id = assignee === 'none' ? null : Number(assignee);
  if (status) changes.status = status;
  if (priority) changes.priority = priority;
  if (team) changes.team_id = team === 'none' ? null : Number(team);
  const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);
  if (words(tags).length) changes.add_tags = words(tags);
  if (words(untags).length) changes.remove_tags = words(untags);

  return (
    <section class={tickets.length === 0 ? 'panel bulk-bar bulk-bar-idle' : 'panel bulk-bar'} aria-labelledby="bulk-title">
      <h2 id="bulk-title">
        {tickets.length === 0
          ? 'Bulk actions: tick tickets, or press x on the current row'
          : `${tickets.length} ${tickets.length === 1 ? 'ticket' : 'tickets'} selected`}
      </h2>
      <form
        class="inline-form"
        aria-label="Change the selected tickets"
        onSubmit={(e) => {
          e.preventDefault();
          if (Object.keys(changes).length) void send({ changes });
        }}
      >
        <Field label="Assign to">
          {(p) => (
            <select {...p} value={assignee} onChange={(e) => setAssignee(e.currentTarget.value)}>
              <option value="">Leave as it is</option>
              <option value={String(me.id)}>Me</option>
              <option value="none">Nobody</option>
              {staff
                .filter((u) => u.id !== me.id)
                .map((u) => (
                  <option key={u.id} value={String(u.id)}>
                    {u.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(p) => (
            <select {...p} value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              <option value="">Leave as it is</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Priority">
          {(p) => (
            <select {...p} value={priority} onChange={(e) => setPriority(e.currentTarget.value)}>
              <option value="">Leave as it is</option>
              {PRIORITIES.map((s) => (
                <option key={s} value={s}>
                  {priorityLabel(s)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Team">
          {(p) => (
            <select {...p} value={team} onChange={(e) => setTeam(e.currentTarget.value)}>
              <option value="">Leave as it is</option>
              <option value="none">No team</option>
              {teams.map((t) => (
                <option key={t.id} value={String(t.id)}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Add tags">
          {(p) => <input {...p} value={tags} onInput={(e) => setTags(e.currentTarget.value)} />}
        </Field>
        <Field label="Remove tags">
          {(p) => <input {...p} value={untags} onInput={(e) => setUntags(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="button" disabled={tickets.length === 0 || Object.keys(changes).length === 0}>
          Apply to {tickets.length} {tickets.length === 1 ? 'ticket' : 'tickets'}
        </button>
      </form>
      {tickets.length > 1 && (
        <form
          class="inline-form"
          aria-label="Merge the selected tickets"
          onSubmit={(e) => {
            e.preventDefault();
            if (into) void send({ merge_into: Number(into) });
          }}
        >
          <Field label="Merge all into">
            {(p) => (
              <select {...p} value={into} onChange={(e) => setInto(e.currentTarget.value)}>
                <option value="">Choose a ticket…</option>
                {tickets.map((t) => (
                  <option key={t.number} value={String(t.number)}>
                    #{t.number} {t.subject}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit" class="button" disabled={!into}>
            Merge
          </button>
        </form>
      )}
      <Notice text={notice} />
      <ErrorMessage text={error} />
    </section>
  );
}
