// Before a chat starts: who is asking, about what, and what they already tried, so the
// technician can skip the basics. Email and topic are required; the rest helps. Choosing a
// category asks its intake questions (docs/intake.md), as the portal's new-ticket form does: the
// answers become the chat ticket's fields, and each refused one is shown at its question; the
// form's own serial and machine boxes are left out when those questions ask the same.
import { useEffect, useState } from 'preact/hooks';
import type { Category, List } from '../api';
import { ErrorMessage, Field } from '../components/common';
import { answersToSend, CategorySelect, type IntakeAnswers, IntakeFields, missingAnswers, useIntakeForm } from '../components/IntakeQuestions';
import { type PreChat, STEPS } from './protocol';

interface Props {
  /** The form's heading (an h2: the page or the widget frame has the h1). */
  title: string;
  initial: { name: string; email: string };
  /** A signed-in customer's address is known: the field is shown but fixed. */
  emailFixed?: boolean;
  busy: boolean;
  error: string;
  fieldErrors: Record<string, string>;
  onSubmit: (p: PreChat) => void;
  /** Reads the API as this customer (a stable function: the widget's sends no cookies). */
  load: <T>(path: string) => Promise<T>;
}

export function PreChatForm({ title, initial, emailFixed, busy, error, fieldErrors, onSubmit, load }: Props) {
  const [p, setP] = useState<PreChat>({
    name: initial.name,
    email: initial.email,
    topic: '',
    technician: false,
    steps_done: [],
    steps_other: '',
    serial_number: '',
    machine_type: '',
  });
  const [otherTicked, setOtherTicked] = useState(false);
  const [cats, setCats] = useState<Category[]>([]);
  const [category, setCategory] = useState('');
  const questions = useIntakeForm(category, null, load);
  const [answers, setAnswers] = useState<IntakeAnswers>({});
  useEffect(() => {
    load<List<Category>>('/categories').then(
      (l) => setCats(l.items),
      () => setCats([]), // no categories offered: the chat starts without one
    );
  }, [load]);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const set = (patch: Partial<PreChat>) => setP({ ...p, ...patch });
  // The fixed serial and machine boxes give way when the category's questions ask the same.
  const asksSerial = questions.some((q) => q.kind === 'serial');
  const asksMachine = questions.some((q) => q.key === 'machine_type');
  const errors = { ...fieldErrors, ...problems };

  const submit = (e: Event) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!p.email.trim()) found.email = 'Enter your email address, so we can answer if the chat is cut off.';
    else if (!/^[^\s@]+@[^\s@]+$/.test(p.email.trim())) found.email = 'This does not look like an email address.';
    if (!p.topic.trim()) found.topic = 'Tell us in a few words what it is about.';
    Object.assign(found, missingAnswers(questions, answers));
    setProblems(found);
    if (Object.keys(found).length > 0) {
      // After the render that marks them: the first field needing attention gets the focus.
      const form = e.currentTarget as HTMLFormElement;
      setTimeout(() => (form.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
      return;
    }
    onSubmit({
      ...p,
      name: p.name.trim(),
      email: p.email.trim(),
      topic: p.topic.trim(),
      steps_other: otherTicked ? p.steps_other.trim() : '',
      serial_number: asksSerial ? '' : p.serial_number,
      machine_type: asksMachine ? '' : p.machine_type,
      ...(category ? { category, answers: answersToSend(questions, answers) } : {}),
    });
  };

  return (
    <form class="prechat stack" onSubmit={submit} noValidate aria-labelledby="prechat-title">
      <h2 id="prechat-title">{title}</h2>
      <Field label="Your name" error={errors.name}>
        {(a) => <input {...a} autoComplete="name" value={p.name} onInput={(e) => set({ name: e.currentTarget.value })} />}
      </Field>
      <Field label="Email (required)" error={errors.email}>
        {(a) => (
          <input
            {...a}
            type="email"
            autoComplete="email"
            required
            readOnly={emailFixed}
            value={p.email}
            onInput={(e) => set({ email: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field label="What is it about? (required)" error={errors.topic}>
        {(a) => <input {...a} required maxLength={200} value={p.topic} onInput={(e) => set({ topic: e.currentTarget.value })} />}
      </Field>
      <CategorySelect label="Category (optional)" categories={cats} value={category} onChange={setCategory} error={errors.category} />
      <IntakeFields questions={questions} answers={answers} onChange={setAnswers} errors={errors} legend={`About your ${category} request`} />
      <label class="check">
        <input type="checkbox" checked={p.technician} onChange={(e) => set({ technician: e.currentTarget.checked })} />I am a
        technical support technician
      </label>
      <fieldset>
        <legend>What have you already tried?</legend>
        {STEPS.map((s) => (
          <label key={s.key} class="check">
            <input
              type="checkbox"
              checked={p.steps_done.includes(s.key)}
              onChange={(e) =>
                set({ steps_done: e.currentTarget.checked ? [...p.steps_done, s.key] : p.steps_done.filter((k) => k !== s.key) })
              }
            />
            {s.label}
          </label>
        ))}
        <label class="check">
          <input type="checkbox" checked={otherTicked} onChange={(e) => setOtherTicked(e.currentTarget.checked)} />
          Something else
        </label>
        {otherTicked && (
          <Field label="What else did you try?">
            {(a) => <input {...a} value={p.steps_other} onInput={(e) => set({ steps_other: e.currentTarget.value })} />}
          </Field>
        )}
      </fieldset>
      <div class="row">
        {!asksSerial && (
          <Field label="Serial number (optional)">
            {(a) => <input {...a} autoComplete="off" value={p.serial_number} onInput={(e) => set({ serial_number: e.currentTarget.value })} />}
          </Field>
        )}
        {!asksMachine && (
          <Field label="Machine type (optional)">
            {(a) => <input {...a} autoComplete="off" value={p.machine_type} onInput={(e) => set({ machine_type: e.currentTarget.value })} />}
          </Field>
        )}
      </div>
      <ErrorMessage text={error} />
      <button type="submit" class="button button-wide" disabled={busy}>
        {busy ? 'Starting the chat…' : 'Start chat'}
      </button>
    </form>
  );
}
