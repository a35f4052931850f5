// Macros: Admin → Macros lists and edits the shared ones; Console → My macros a technician's own.
// One screen for both, told which scope it manages.
import { useState } from 'preact/hooks';
import { del, errorText, PRIORITIES, patch, post, type Priority, STATUSES, type Status } from '../../api';
import { ErrorMessage, Field, Notice, priorityLabel, statusLabel, useData, useFormErrors, useTitle } from '../../components/common';
import { listMacros, MACRO_PLACEHOLDERS, type Macro, type MacroChanges } from '../../macros';

interface Draft {
  name: string;
  status: string;
  priority: string;
  assignToMe: boolean;
  addTags: string;
  removeTags: string;
  reply: string;
  replyKind: 'public' | 'internal';
}

const emptyDraft: Draft = { name: '', status: '', priority: '', assignToMe: false, addTags: '', removeTags: '', reply: '', replyKind: 'public' };

const words = (s: string) => s.split(/[\s,]+/).filter(Boolean);

function draftOf(m: Macro): Draft {
  return {
    name: m.name,
    status: m.changes.status ?? '',
    priority: m.changes.priority ?? '',
    assignToMe: !!m.changes.assign_to_me,
    addTags: (m.changes.add_tags ?? []).join(' '),
    removeTags: (m.changes.remove_tags ?? []).join(' '),
    reply: m.reply,
    replyKind: m.reply_kind,
  };
}

// Only what the form shows is sent; an edit keeps a macro's other changes (team, category) as
// they were made through the API.
function changesOf(d: Draft, before?: MacroChanges): MacroChanges {
  const c: MacroChanges = { ...before };
  delete c.status;
  delete c.priority;
  delete c.assign_to_me;
  if (d.status) c.status = d.status as Status;
  if (d.priority) c.priority = d.priority as Priority;
  if (d.assignToMe) {
    c.assign_to_me = true;
    delete c.assignee_id;
  }
  c.add_tags = words(d.addTags);
  c.remove_tags = words(d.removeTags);
  return c;
}

/** A sentence saying what a macro does, for the list. */
export function describeMacro(m: Macro): string {
  const parts: string[] = [];
  const c = m.changes;
  if (c.status) parts.push(`status ${statusLabel(c.status)}`);
  if (c.priority) parts.push(`priority ${priorityLabel(c.priority)}`);
  if (c.assign_to_me) parts.push('assign to whoever applies it');
  if (c.add_tags?.length) parts.push(`add tags ${c.add_tags.join(', ')}`);
  if (c.remove_tags?.length) parts.push(`remove tags ${c.remove_tags.join(', ')}`);
  if (m.reply) parts.push(m.reply_kind === 'internal' ? 'adds an internal note' : 'adds a public reply');
  return parts.length ? parts.join('; ') : 'changes nothing yet';
}

export function MacrosScreen({ scope }: { scope: 'shared' | 'personal' }) {
  const title = scope === 'shared' ? 'Shared macros' : 'My macros';
  useTitle(title);
  const macros = useData(() => listMacros().then((ms) => ms.filter((m) => m.scope === scope)), [scope]);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [editing, setEditing] = useState<Macro | null>(null);
  const { error, setError, fields, clear, fail } = useFormErrors();
  const [notice, setNotice] = useState('');
  const set = (k: keyof Draft) => (e: { currentTarget: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement }) => {
    const t = e.currentTarget;
    setDraft({ ...draft, [k]: t instanceof HTMLInputElement && t.type === 'checkbox' ? t.checked : t.value });
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
            changes: changesOf(draft, editing?.changes),
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
        <label class="checkbox">
          <input type="checkbox" checked={draft.assignToMe} onChange={set('assignToMe')} /> Assign to whoever applies it
        </label>
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
                <strong>{m.name}</strong> — {describeMacro(m)}
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
