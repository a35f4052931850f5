// Admin: the intake questions a new ticket asks (docs/intake.md), per category and per service.
// Pick a form (a category's or a service's), see its questions in order (inactive ones marked),
// add one, edit one, move it up or down (each move saves the new positions), or delete one after
// a confirm dialog. The server's errors are shown at the field they name.
import { useEffect, useRef, useState } from 'preact/hooks';
import { type Category, del, errorText, get, type IntakeKind, type IntakeQuestion, type List, patch, post } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorMessage, Field, Notice, useData, useFormErrors, useTitle } from '../../components/common';
import { searchServices, type Service } from '../../services';

const KINDS: { value: IntakeKind; label: string }[] = [
  { value: 'text', label: 'One line of text' },
  { value: 'error_message', label: 'Pasted error message (several lines, kept exactly)' },
  { value: 'serial', label: 'Serial number or other short code' },
  { value: 'choice', label: 'Choice from a list' },
  { value: 'yes_no', label: 'Yes or no' },
];

/** A form: "c:NAME" for a category's, "s:ID" for a service's. */
type Scope = string;
interface ScopeChoice {
  value: Scope;
  label: string;
  name: string;
  /** What a new question sends to belong to this form. */
  target: { category: string } | { service_id: number };
}
const scopeOf = (q: IntakeQuestion): Scope => (q.category !== null ? `c:${q.category.toLowerCase()}` : `s:${q.service_id}`);

interface Loaded {
  questions: IntakeQuestion[];
  categories: Category[];
  services: Service[];
}

async function loadAll(): Promise<Loaded> {
  const [questions, categories, services] = await Promise.all([
    get<List<IntakeQuestion>>('/intake-questions').then((l) => l.items),
    get<List<Category>>('/categories').then((l) => l.items),
    searchServices('').catch(() => [] as Service[]),
  ]);
  return { questions, categories, services };
}

export function AdminIntakeQuestions() {
  useTitle('Intake questions');
  const data = useData(loadAll, []);
  const [scope, setScope] = useState<Scope>('');
  const [editing, setEditing] = useState<IntakeQuestion | null>(null);
  const [notice, setNotice] = useState('');
  const [error, setError] = useState('');
  const [deleting, setDeleting] = useState<IntakeQuestion | null>(null);
  const [askOpen, setAskOpen] = useState(false);
  // Bumped after each save: the editor starts blank again.
  const [saves, setSaves] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);

  const d = data.data;
  const scopes: ScopeChoice[] = [];
  if (d) {
    for (const c of d.categories) scopes.push({ value: `c:${c.name.toLowerCase()}`, label: `Category: ${c.name}`, name: c.name, target: { category: c.name } });
    for (const s of d.services) scopes.push({ value: `s:${s.id}`, label: `Service: ${s.name}`, name: s.name, target: { service_id: s.id } });
    // A question's scope the lists above missed (a service beyond the directory's first page).
    for (const q of d.questions) {
      const v = scopeOf(q);
      if (scopes.some((s) => s.value === v)) continue;
      const name = q.category ?? `service #${q.service_id}`;
      scopes.push({ value: v, label: q.category !== null ? `Category: ${name}` : `Service #${q.service_id}`, name, target: q.category !== null ? { category: q.category } : { service_id: q.service_id! } });
    }
  }
  useEffect(() => {
    if (!scope && scopes.length > 0) setScope(scopes[0].value);
  }, [scope, scopes.length]);

  const current = scopes.find((s) => s.value === scope);
  const inScope = (d?.questions ?? []).filter((q) => scopeOf(q) === scope).sort((a, b) => a.position - b.position || a.id - b.id);
  const counts = new Map<Scope, number>();
  for (const q of d?.questions ?? []) counts.set(scopeOf(q), (counts.get(scopeOf(q)) ?? 0) + 1);

  const changed = (text: string) => {
    setNotice(text);
    setError('');
    void data.reload();
  };

  // The new order is saved as positions 1..n; only the questions whose position changes are sent.
  const move = async (index: number, by: -1 | 1) => {
    const order = [...inScope];
    [order[index], order[index + by]] = [order[index + by], order[index]];
    try {
      for (const [i, q] of order.entries()) {
        if (q.position !== i + 1) await patch(`/intake-questions/${q.id}`, { position: i + 1 });
      }
      changed(`Moved ${inScope[index].label} ${by < 0 ? 'up' : 'down'}.`);
      // Focus follows the question to its new place.
      setTimeout(() => document.getElementById(`move-${by < 0 ? 'up' : 'down'}-${inScope[index].id}`)?.focus(), 300);
    } catch (err) {
      setNotice('');
      setError(errorText(err));
      void data.reload();
    }
  };

  const remove = async (q: IntakeQuestion) => {
    try {
      await del(`/intake-questions/${q.id}`);
      if (editing?.id === q.id) setEditing(null);
      changed(`Deleted ${q.label}.`);
      heading.current?.focus();
    } catch (err) {
      setNotice('');
      setError(errorText(err));
    }
  };

  return (
    <section aria-labelledby="intake-title">
      <h1 id="intake-title" ref={heading} tabIndex={-1}>
        Intake questions
      </h1>
      <p class="lede">
        The questions a new ticket asks, per category and per service: on the portal, on the phone-call form and before a chat. The answers
        are shown at the top of the ticket and can be searched with <code>field:key=value</code>.
      </p>
      <ErrorMessage text={error || data.error} />
      <Notice text={notice} />
      {d && scopes.length === 0 && <p class="empty">Add a category or a service first: questions belong to one.</p>}
      {d && scopes.length > 0 && (
        <div class="panel">
          <Field label="Form">
            {(p) => (
              <select
                {...p}
                value={scope}
                onChange={(e) => {
                  setScope(e.currentTarget.value);
                  setEditing(null);
                }}
              >
                {scopes.map((s) => (
                  <option key={s.value} value={s.value}>
                    {s.label} ({counts.get(s.value) ?? 0})
                  </option>
                ))}
              </select>
            )}
          </Field>
          {inScope.length === 0 && <p class="empty">This form asks no questions yet.</p>}
          {inScope.length > 0 && (
            <ol class="member-list intake-admin-list" aria-label={`Questions of ${current?.label ?? 'this form'}`}>
              {inScope.map((q, i) => (
                <li key={q.id} data-question={q.key}>
                  <span>
                    {q.label}{' '}
                    <span class="muted">
                      ({KINDS.find((k) => k.value === q.kind)?.label.split(' (')[0]}, key {q.key}
                      {q.required ? ', required' : ''}
                      {q.active ? '' : ', not asked'})
                    </span>
                  </span>
                  <span class="row-actions">
                    <button type="button" id={`move-up-${q.id}`} class="button-quiet button-small" disabled={i === 0} aria-label={`Move up ${q.label}`} onClick={() => void move(i, -1)}>
                      Move up
                    </button>
                    <button
                      type="button"
                      id={`move-down-${q.id}`}
                      class="button-quiet button-small"
                      disabled={i === inScope.length - 1}
                      aria-label={`Move down ${q.label}`}
                      onClick={() => void move(i, 1)}
                    >
                      Move down
                    </button>
                    <button type="button" class="button-quiet button-small" aria-label={`Edit ${q.label}`} onClick={() => setEditing(q)}>
                      Edit
                    </button>
                    <button
                      type="button"
                      class="button-quiet button-small"
                      aria-label={`Delete ${q.label}`}
                      onClick={() => {
                        setDeleting(q);
                        setAskOpen(true);
                      }}
                    >
                      Delete
                    </button>
                  </span>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
      {d && current && (
        <QuestionEditor
          key={`${scope}-${editing?.id ?? 'new'}-${saves}`}
          scope={current}
          question={editing}
          onSaved={(q, created) => {
            setEditing(null);
            setSaves(saves + 1);
            changed(created ? `Added ${q.label}.` : `Saved ${q.label}.`);
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <ConfirmDialog
        open={askOpen}
        title={deleting ? `Delete “${deleting.label}”?` : 'Delete question?'}
        confirmLabel="Delete question"
        onCancel={() => setAskOpen(false)}
        onConfirm={() => {
          setAskOpen(false);
          void remove(deleting!);
        }}
      >
        <p>New tickets will no longer ask it. Tickets that answered it keep their answer, and a search for it still finds them.</p>
        <p>To stop asking it for a while instead, edit it and clear “Asked on new tickets”.</p>
      </ConfirmDialog>
    </section>
  );
}

interface EditorProps {
  scope: ScopeChoice;
  question: IntakeQuestion | null;
  onSaved: (q: IntakeQuestion, created: boolean) => void;
  onCancel: () => void;
}

function QuestionEditor({ scope, question, onSaved, onCancel }: EditorProps) {
  const [label, setLabel] = useState(question?.label ?? '');
  const [key, setKey] = useState(question?.key ?? '');
  const [kind, setKind] = useState<IntakeKind>(question?.kind ?? 'text');
  const [help, setHelp] = useState(question?.help ?? '');
  const [choices, setChoices] = useState((question?.choices ?? []).join('\n'));
  const [required, setRequired] = useState(question?.required ?? false);
  const [active, setActive] = useState(question?.active ?? true);
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, fail, edited } = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  const focusFirstProblem = () => setTimeout(() => (form.current?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);

  const save = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!label.trim()) problems.label = 'Write the question as the customer reads it.';
    const list = choices.split('\n').map((c) => c.trim()).filter(Boolean);
    if (kind === 'choice' && list.length < 2) problems.choices = 'Give at least two choices, one per line.';
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      focusFirstProblem();
      return;
    }
    const body: Record<string, unknown> = {
      label: label.trim(),
      kind,
      help: help.trim(),
      required,
      active,
      choices: kind === 'choice' ? list : [],
    };
    if (key.trim() || question) body.key = key.trim();
    if (!question) Object.assign(body, scope.target);
    setBusy(true);
    try {
      const saved = question ? await patch<IntakeQuestion>(`/intake-questions/${question.id}`, body) : await post<IntakeQuestion>('/intake-questions', body);
      setError('');
      setFields({});
      onSaved(saved, !question);
    } catch (err) {
      fail(err);
      focusFirstProblem();
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel stack" ref={form} onSubmit={save} aria-labelledby="question-editor-title" noValidate>
      <h2 id="question-editor-title">{question ? `Edit “${question.label}”` : `New question for ${scope.name}`}</h2>
      <Field label="Question (what the customer reads)" error={fields.label}>
        {(p) => (
          <input
            {...p}
            value={label}
            maxLength={200}
            onInput={(e) => {
              setLabel(e.currentTarget.value);
              edited('label');
            }}
          />
        )}
      </Field>
      <div class="row">
        <Field label="Key (for field:key=value searches)" hint="Lower-case letters, digits and _. Left empty, it is made from the question." error={fields.key}>
          {(p) => (
            <input
              {...p}
              value={key}
              maxLength={40}
              spellcheck={false}
              autoComplete="off"
              onInput={(e) => {
                setKey(e.currentTarget.value);
                edited('key');
              }}
            />
          )}
        </Field>
        <Field label="Kind of answer" error={fields.kind}>
          {(p) => (
            <select {...p} value={kind} onChange={(e) => setKind(e.currentTarget.value as IntakeKind)}>
              {KINDS.map((k) => (
                <option key={k.value} value={k.value}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      {kind === 'choice' && (
        <Field label="Choices, one per line" error={fields.choices}>
          {(p) => (
            <textarea
              {...p}
              rows={4}
              value={choices}
              onInput={(e) => {
                setChoices(e.currentTarget.value);
                edited('choices');
              }}
            />
          )}
        </Field>
      )}
      <Field label="Help (optional)" hint="A hint shown under the question, e.g. where to find the serial number." error={fields.help}>
        {(p) => <input {...p} value={help} maxLength={1000} onInput={(e) => setHelp(e.currentTarget.value)} />}
      </Field>
      <div class="checks">
        <label class="check">
          <input type="checkbox" checked={required} onChange={(e) => setRequired(e.currentTarget.checked)} />
          Required
        </label>
        <label class="check">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
          Asked on new tickets
        </label>
      </div>
      {(fields.category || fields.service_id) && <ErrorMessage text={fields.category || fields.service_id} />}
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          {question ? 'Save question' : 'Add question'}
        </button>
        {question && (
          <button type="button" class="button-quiet" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
