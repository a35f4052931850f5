// Admin: the forms a technician can send into a chat (a replacement's shipping address, a
// callback number): a title and ordered fields, each with a name (the key of the answer), a
// label the customer reads, a type, whether it is required, and the options of a choice.
import { useState } from 'preact/hooks';
import { del, errorText, patch, post } from '../../api';
import { ErrorMessage, Field, Notice, useData, useTitle } from '../../components/common';
import type { ChatForm, FieldType, FormField } from '../../chat/protocol';
import { listChatForms } from '../console/ChatActions';

const TYPES: { value: FieldType; label: string }[] = [
  { value: 'text', label: 'Text' },
  { value: 'multiline', label: 'Several lines' },
  { value: 'email', label: 'Email' },
  { value: 'phone', label: 'Phone' },
  { value: 'yes_no', label: 'Yes or no' },
  { value: 'choice', label: 'Choice' },
];

const blankField = (): FormField => ({ name: '', label: '', type: 'text', required: false });

export function AdminChatForms() {
  useTitle('Chat forms');
  const forms = useData(listChatForms, []);
  const [editing, setEditing] = useState<ChatForm | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');

  return (
    <section aria-labelledby="chat-forms-title">
      <h1 id="chat-forms-title">Chat forms</h1>
      <p class="lede">Forms technicians can send into a chat; the customer fills them in without leaving it.</p>
      <ErrorMessage text={error || forms.error} />
      <Notice text={notice} />
      {forms.data?.length === 0 && <p class="empty">No chat forms yet.</p>}
      {forms.data && forms.data.length > 0 && (
        <ul class="member-list" aria-label="Chat forms">
          {forms.data.map((f) => (
            <li key={f.id}>
              <span>
                {f.title} <span class="muted">({f.fields.length} {f.fields.length === 1 ? 'field' : 'fields'})</span>
              </span>
              <span>
                <button type="button" class="button-quiet button-small" aria-label={`Edit form ${f.title}`} onClick={() => setEditing(f)}>
                  Edit
                </button>
                <button
                  type="button"
                  class="button-quiet button-small"
                  aria-label={`Delete form ${f.title}`}
                  onClick={async () => {
                    try {
                      await del(`/chat-forms/${f.id}`);
                      setNotice(`Deleted ${f.title}.`);
                      setError('');
                      if (editing?.id === f.id) setEditing(null);
                      void forms.reload();
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
      <FormEditor
        key={editing?.id ?? 'new'}
        form={editing}
        onSaved={(f, created) => {
          setNotice(created ? `Added ${f.title}.` : `Saved ${f.title}.`);
          setEditing(null);
          void forms.reload();
        }}
        onCancel={() => setEditing(null)}
      />
    </section>
  );
}

function FormEditor({ form, onSaved, onCancel }: { form: ChatForm | null; onSaved: (f: ChatForm, created: boolean) => void; onCancel: () => void }) {
  const [title, setTitle] = useState(form?.title ?? '');
  const [fields, setFields] = useState<FormField[]>(form?.fields.map((f) => ({ ...f })) ?? [blankField()]);
  const [options, setOptions] = useState<string[]>(form?.fields.map((f) => (f.options ?? []).join('\n')) ?? ['']);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const change = (i: number, p: Partial<FormField>) => setFields(fields.map((f, j) => (j === i ? { ...f, ...p } : f)));
  const swap = (i: number, j: number) => {
    const f = [...fields];
    const o = [...options];
    [f[i], f[j]] = [f[j], f[i]];
    [o[i], o[j]] = [o[j], o[i]];
    setFields(f);
    setOptions(o);
  };
  const remove = (i: number) => {
    setFields(fields.filter((_, j) => j !== i));
    setOptions(options.filter((_, j) => j !== i));
  };

  const save = async (e: Event) => {
    e.preventDefault();
    if (!title.trim()) return setError('Give the form a title.');
    const out = fields.map((f, i) => {
      const clean: FormField = { name: f.name.trim(), label: f.label.trim(), type: f.type, required: f.required };
      if (f.type === 'choice') clean.options = options[i].split('\n').map((o) => o.trim()).filter(Boolean);
      return clean;
    });
    if (out.length === 0) return setError('Add at least one field.');
    const bad = out.findIndex((f) => !f.name || !f.label || (f.type === 'choice' && !f.options?.length));
    if (bad >= 0) return setError(`Field ${bad + 1} needs a name, a label${out[bad].type === 'choice' ? ' and options' : ''}.`);
    if (new Set(out.map((f) => f.name)).size !== out.length) return setError('Each field needs a different name.');
    setBusy(true);
    try {
      const body = { title: title.trim(), fields: out };
      const saved = form ? await patch<ChatForm>(`/chat-forms/${form.id}`, body) : await post<ChatForm>('/chat-forms', body);
      setError('');
      onSaved(saved, !form);
      if (!form) {
        setTitle('');
        setFields([blankField()]);
        setOptions(['']);
      }
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel" onSubmit={save} aria-labelledby="form-editor-title" noValidate>
      <h2 id="form-editor-title">{form ? `Edit ${form.title}` : 'New chat form'}</h2>
      <Field label="Title">{(p) => <input {...p} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />}</Field>
      <ol class="form-fields-editor">
        {fields.map((f, i) => (
          <li key={i}>
            <fieldset>
              <legend>Field {i + 1}</legend>
              <div class="row">
                <Field label="Label (what the customer reads)">
                  {(p) => <input {...p} value={f.label} onInput={(e) => change(i, { label: e.currentTarget.value })} />}
                </Field>
                <Field label="Name (the answer’s key)" hint="Letters, digits and _, e.g. address.">
                  {(p) => <input {...p} value={f.name} onInput={(e) => change(i, { name: e.currentTarget.value })} />}
                </Field>
                <Field label="Type">
                  {(p) => (
                    <select {...p} value={f.type} onChange={(e) => change(i, { type: e.currentTarget.value as FieldType })}>
                      {TYPES.map((t) => (
                        <option key={t.value} value={t.value}>
                          {t.label}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
              </div>
              {f.type === 'choice' && (
                <Field label="Options, one per line">
                  {(p) => <textarea {...p} rows={3} value={options[i]} onInput={(e) => setOptions(options.map((o, j) => (j === i ? e.currentTarget.value : o)))} />}
                </Field>
              )}
              <label class="check">
                <input type="checkbox" checked={f.required} onChange={(e) => change(i, { required: e.currentTarget.checked })} />
                Required
              </label>
              <div class="actions">
                <button type="button" class="button-quiet button-small" disabled={i === 0} onClick={() => swap(i, i - 1)} aria-label={`Move up field ${i + 1}`}>
                  Move up
                </button>
                <button type="button" class="button-quiet button-small" disabled={i === fields.length - 1} onClick={() => swap(i, i + 1)} aria-label={`Move down field ${i + 1}`}>
                  Move down
                </button>
                <button type="button" class="button-quiet button-small" onClick={() => remove(i)} aria-label={`Remove field ${i + 1}`}>
                  Remove
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button
        type="button"
        class="button-secondary"
        onClick={() => {
          setFields([...fields, blankField()]);
          setOptions([...options, '']);
        }}
      >
        Add a field
      </button>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {form ? 'Save form' : 'Add form'}
        </button>
        {form && (
          <button type="button" class="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
