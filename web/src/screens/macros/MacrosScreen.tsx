// Macros: Admin → Macros lists and edits the shared ones; Console → My macros a technician's own.
// One screen for both, told which scope it manages.
import { useState } from 'preact/hooks';
import { type Category, del, errorText, PRIORITIES, patch, post, type Priority, STATUSES, type Status, type Team, type User } from '../../api';
import { ErrorMessage, Field, Notice, priorityLabel, statusLabel, useData, useFormErrors, useTitle } from '../../components/common';
import { categories, staffUsers, teams } from '../../directory';
import { listMacros, MACRO_PLACEHOLDERS, type Macro, type MacroChanges } from '../../macros';

// The select values for "leave as it is" and "clear"; everything else is an id or, for a
// category, "c:" and its name (so no category name can be mistaken for a choice).
const LEAVE = '';
const CLEAR = 'none';
const WHOEVER = 'me'; // assignee: whoever applies the macro (the API's assign_to_me)

interface Draft {
  name: string;
  status: string;
  priority: string;
  assignee: string;
  team: string;
  category: string;
  addTags: string;
  removeTags: string;
  reply: string;
  replyKind: 'public' | 'internal';
}

const emptyDraft: Draft = {
  name: '',
  status: LEAVE,
  priority: LEAVE,
  assignee: LEAVE,
  team: LEAVE,
  category: LEAVE,
  addTags: '',
  removeTags: '',
  reply: '',
  replyKind: 'public',
};

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);

// A macro's "changes" holds only what it sets: a key with null (or "" for the category) clears.
function draftOf(m: Macro): Draft {
  const c = m.changes;
  const assignee = c.assign_to_me ? WHOEVER : 'assignee_id' in c ? (c.assignee_id ? String(c.assignee_id) : CLEAR) : LEAVE;
  return {
    name: m.name,
    status: c.status ?? LEAVE,
    priority: c.priority ?? LEAVE,
    assignee,
    team: 'team_id' in c ? (c.team_id ? String(c.team_id) : CLEAR) : LEAVE,
    category: c.category === undefined ? LEAVE : c.category === '' ? CLEAR : `c:${c.category}`,
    addTags: (c.add_tags ?? []).join(' '),
    removeTags: (c.remove_tags ?? []).join(' '),
    reply: m.reply,
    replyKind: m.reply_kind,
  };
}

function changesOf(d: Draft): MacroChanges {
  const c: MacroChanges = {};
  if (d.status) c.status = d.status as Status;
  if (d.priority) c.priority = d.priority as Priority;
  if (d.assignee === WHOEVER) c.assign_to_me = true;
  else if (d.assignee) c.assignee_id = d.assignee === CLEAR ? null : Number(d.assignee);
  if (d.team) c.team_id = d.team === CLEAR ? null : Number(d.team);
  if (d.category) c.category = d.category === CLEAR ? '' : d.category.slice(2);
  c.add_tags = words(d.addTags);
  c.remove_tags = words(d.removeTags);
  return c;
}

/** Names for the ids a macro holds; an unknown one shows as its number. */
export interface MacroNames {
  team?: (id: number) => string | undefined;
  user?: (id: number) => string | undefined;
}

/** A sentence saying what a macro does, for the list and the ticket page's picker. */
export function describeMacro(m: Macro, names: MacroNames = {}): string {
  const parts: string[] = [];
  const c = m.changes;
  if (c.status) parts.push(`status ${statusLabel(c.status)}`);
  if (c.priority) parts.push(`priority ${priorityLabel(c.priority)}`);
  if (c.assign_to_me) parts.push('assign to whoever applies it');
  else if (c.assignee_id) parts.push(`assign to ${names.user?.(c.assignee_id) ?? `user #${c.assignee_id}`}`);
  else if ('assignee_id' in c) parts.push('unassign');
  if (c.team_id) parts.push(`team ${names.team?.(c.team_id) ?? `#${c.team_id}`}`);
  else if ('team_id' in c) parts.push('no team');
  if (c.category) parts.push(`category ${c.category}`);
  else if (c.category === '') parts.push('no category');
  if (c.add_tags?.length) parts.push(`add tags ${c.add_tags.join(', ')}`);
  if (c.remove_tags?.length) parts.push(`remove tags ${c.remove_tags.join(', ')}`);
  if (m.reply) parts.push(m.reply_kind === 'internal' ? 'adds an internal note' : 'adds a public reply');
  return parts.length ? parts.join('; ') : 'changes nothing yet';
}

/** The teams, technicians and categories a macro may set, loaded once for the form and list. */
function useChoices() {
  return useData(
    () =>
      Promise.all([teams().catch(() => [] as Team[]), staffUsers().catch(() => [] as User[]), categories()]).then(
        ([ts, staff, cats]) => ({ teams: ts, staff, categories: cats ?? ([] as Category[]) }),
      ),
    [],
  );
}

export function MacrosScreen({ scope }: { scope: 'shared' | 'personal' }) {
  const title = scope === 'shared' ? 'Shared macros' : 'My macros';
  useTitle(title);
  const macros = useData(() => listMacros().then((ms) => ms.filter((m) => m.scope === scope)), [scope]);
  const choices = useChoices();
  const { teams: teamList = [], staff = [], categories: catList = [] } = choices.data ?? {};
  const names = {
    team: (id: number) => teamList.find((t) => t.id === id)?.name,
    user: (id: number) => staff.find((u) => u.id === id)?.name,
  };
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [editing, setEditing] = useState<Macro | null>(null);
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  const set = (k: keyof Draft) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement }) => {
    setDraft({ ...draft, [k]: e.currentTarget.value });
  };
  const reset = () => {
    setDraft(emptyDraft);
    setEditing(null);
  };

  return (
    <section aria-labelledby="macros-title">
      <h1 id="macros-title">{title}</h1>
      <p class="hint">
        {scope === 'shared'
          ? 'Every technician can apply these from a ticket page. Only admins change them.'
          : 'Only you see and apply these.'}{' '}
        A reply may use {MACRO_PLACEHOLDERS.map((p) => `{{${p}}}`).join(', ')}.
      </p>
      <form
        class="panel"
        aria-label={editing ? `Edit macro ${editing.name}` : 'New macro'}
        onSubmit={async (e) => {
          e.preventDefault();
          const body = {
            name: draft.name.trim(),
            changes: changesOf(draft),
            reply: draft.reply,
            reply_kind: draft.replyKind,
          };
          try {
            const saved = editing
              ? await patch<Macro>(`/macros/${editing.id}`, body)
              : await post<Macro>('/macros', { ...body, scope });
            clear();
            reset();
            setNotice(editing ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
            void macros.reload();
          } catch (err) {
            setNotice('');
            fail(err);
          }
        }}
      >
        <h2>{editing ? `Edit ${editing.name}` : 'New macro'}</h2>
        <Field label="Name" error={fields.name}>
          {(p) => <input {...p} value={draft.name} onInput={set('name')} required />}
        </Field>
        <div class="form-row">
          <Field label="Set status" error={fields.status}>
            {(p) => (
              <select {...p} value={draft.status} onChange={set('status')}>
                <option value="">Leave as it is</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {statusLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Set priority" error={fields.priority}>
            {(p) => (
              <select {...p} value={draft.priority} onChange={set('priority')}>
                <option value="">Leave as it is</option>
                {PRIORITIES.map((s) => (
                  <option key={s} value={s}>
                    {priorityLabel(s)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <div class="form-row">
          <Field label="Assign to" error={fields.assignee_id ?? fields.assign_to_me}>
            {(p) => (
              <select {...p} value={draft.assignee} onChange={set('assignee')}>
                <option value={LEAVE}>Leave as it is</option>
                <option value={WHOEVER}>Whoever applies it</option>
                <option value={CLEAR}>Nobody (unassign)</option>
                {staff.map((u) => (
                  <option key={u.id} value={String(u.id)}>
                    {u.name}
                  </option>
                ))}
                {/* A technician who is no longer listed (disabled) stays chosen until changed. */}
                {Number(draft.assignee) > 0 && !staff.some((u) => String(u.id) === draft.assignee) && (
                  <option value={draft.assignee}>{names.user(Number(draft.assignee)) ?? `User #${draft.assignee}`}</option>
                )}
              </select>
            )}
          </Field>
          <Field label="Set team" error={fields.team_id}>
            {(p) => (
              <select {...p} value={draft.team} onChange={set('team')}>
                <option value={LEAVE}>Leave as it is</option>
                <option value={CLEAR}>No team (clear it)</option>
                {teamList.map((t) => (
                  <option key={t.id} value={String(t.id)}>
                    {t.name}
                  </option>
                ))}
                {Number(draft.team) > 0 && !teamList.some((t) => String(t.id) === draft.team) && (
                  <option value={draft.team}>{`Team #${draft.team}`}</option>
                )}
              </select>
            )}
          </Field>
          <Field label="Set category" error={fields.category}>
            {(p) => (
              <select {...p} value={draft.category} onChange={set('category')}>
                <option value={LEAVE}>Leave as it is</option>
                <option value={CLEAR}>No category (clear it)</option>
                {catList.map((c) => (
                  <option key={c.id} value={`c:${c.name}`}>
                    {c.name}
                  </option>
                ))}
                {/* A category deleted since the macro was made stays chosen until changed. */}
                {draft.category.startsWith('c:') && !catList.some((c) => `c:${c.name}` === draft.category) && (
                  <option value={draft.category}>{draft.category.slice(2)}</option>
                )}
              </select>
            )}
          </Field>
        </div>
        <div class="form-row">
          <Field label="Add tags" hint="Separated by spaces" error={fields.add_tags}>
            {(p) => <input {...p} value={draft.addTags} onInput={set('addTags')} />}
          </Field>
          <Field label="Remove tags" hint="Separated by spaces" error={fields.remove_tags}>
            {(p) => <input {...p} value={draft.removeTags} onInput={set('removeTags')} />}
          </Field>
        </div>
        <Field label="Reply text" hint="Leave empty for a macro that only changes fields" error={fields.reply}>
          {(p) => <textarea {...p} rows={4} value={draft.reply} onInput={set('reply')} />}
        </Field>
        <Field label="The reply is" error={fields.reply_kind}>
          {(p) => (
            <select {...p} value={draft.replyKind} onChange={set('replyKind')}>
              <option value="public">A public reply to the customer</option>
              <option value="internal">An internal note</option>
            </select>
          )}
        </Field>
        <div class="form-actions">
          <button type="submit" class="button">
            {editing ? 'Save macro' : 'Add macro'}
          </button>
          {editing && (
            <button type="button" class="button-quiet" onClick={reset}>
              Cancel
            </button>
          )}
        </div>
      </form>
      <ErrorMessage text={error || macros.error} />
      <Notice text={notice} />
      {macros.data?.length === 0 && <p class="empty">No macros here yet.</p>}
      {macros.data && macros.data.length > 0 && (
        <ul class="member-list" aria-label={title}>
          {macros.data.map((m) => (
            <li key={m.id}>
              <span>
                <strong>{m.name}</strong> — {describeMacro(m, names)}
              </span>
              <span>
                <button
                  type="button"
                  class="button-quiet button-small"
                  aria-label={`Edit macro ${m.name}`}
                  onClick={() => {
                    clear();
                    setEditing(m);
                    setDraft(draftOf(m));
                  }}
                >
                  Edit
                </button>
                <button
                  type="button"
                  class="button-quiet button-small"
                  aria-label={`Delete macro ${m.name}`}
                  onClick={async () => {
                    try {
                      await del(`/macros/${m.id}`);
                      if (editing?.id === m.id) reset();
                      setNotice(`Deleted ${m.name}.`);
                      void macros.reload();
                    } catch (err) {
                      setError(errorText(err));
                    }
                  }}
                >
                  Delete
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
