// The ticket page's properties panel (status, priority, assignee, team, category, tags), saved
// with If-Match and conflicts per field: on 412 the ticket is fetched again; an edit of fields
// nobody else changed is re-applied at once, the same field changed by both asks, showing both.
import { useEffect, useState } from 'preact/hooks';
import {
  ApiError,
  type Category,
  errorText,
  fieldErrors,
  type Organization,
  PRIORITIES,
  request,
  STATUSES,
  type Team,
  type Ticket,
  type User,
} from '../../api';
import {
  ErrorMessage,
  Field,
  Notice,
  priorityLabel,
  statusLabel,
} from '../../components/common';

export const CONFLICT =
  'Someone else changed this ticket after you opened it, so your changes were not saved. Reload to see their changes, then make your edit again.';
const FIELD_CONFLICT = 'Someone else changed the same field while you were editing. Choose which value to keep.';

export interface Directory {
  staff: User[];
  teams: Team[];
  categories: Category[] | null;
  organizations: Organization[];
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
export function Properties({ ticket, dir, onSaved, refetch, afterSave }: PropertiesProps) {
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
