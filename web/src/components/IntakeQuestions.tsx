// Intake questions (docs/intake.md): the form a new ticket asks for its category and service,
// rendered as ordinary fields (each error shown at its question, named answers.<id> by the
// server), and the answers a ticket keeps, shown at the top of its page.
import { useEffect, useState } from 'preact/hooks';
import { type Category, get, type IntakeQuestion, type List, qs, type TicketField } from '../api';
import { Field, useId } from './common';

export type IntakeAnswers = Record<string, string | boolean>;

/**
 * The questions for this category and service (none for neither), refetched as they change.
 * `load` reads the API (the chat widget's anonymous visitor passes one that sends no cookies).
 */
export function useIntakeForm(
  category: string,
  serviceId: number | null | undefined,
  load: <T>(path: string) => Promise<T> = get,
): IntakeQuestion[] {
  const [questions, setQuestions] = useState<IntakeQuestion[]>([]);
  useEffect(() => {
    if (!category && !serviceId) {
      setQuestions([]);
      return;
    }
    let alive = true;
    load<List<IntakeQuestion>>(`/intake-questions${qs({ category, service_id: serviceId })}`).then(
      (l) => alive && setQuestions(l.items),
      () => alive && setQuestions([]),
    );
    return () => {
      alive = false;
    };
  }, [category, serviceId, load]);
  return questions;
}

export const answerField = (q: IntakeQuestion) => `answers.${q.id}`;

/** Required questions left empty, as field errors to show before sending. */
export function missingAnswers(questions: IntakeQuestion[], answers: IntakeAnswers): Record<string, string> {
  const out: Record<string, string> = {};
  for (const q of questions) {
    const v = answers[String(q.id)];
    if (q.required && (v === undefined || (typeof v === 'string' && !v.trim()))) {
      out[answerField(q)] = q.kind === 'yes_no' ? 'Choose yes or no.' : 'Please answer this question.';
    }
  }
  return out;
}

/** The answers to send: only this form's questions, blank text left out. */
export function answersToSend(questions: IntakeQuestion[], answers: IntakeAnswers): IntakeAnswers {
  const out: IntakeAnswers = {};
  for (const q of questions) {
    const v = answers[String(q.id)];
    if (v === undefined || (typeof v === 'string' && !v.trim())) continue;
    out[String(q.id)] = v;
  }
  return out;
}

interface IntakeFieldsProps {
  questions: IntakeQuestion[];
  answers: IntakeAnswers;
  onChange: (answers: IntakeAnswers) => void;
  errors: Record<string, string>;
  legend?: string;
}

/** The category picker whose choice decides the intake form (left out when there are none). */
export function CategorySelect({ label, categories, value, onChange, error }: { label: string; categories: Category[]; value: string; onChange: (name: string) => void; error?: string }) {
  if (categories.length === 0) return null;
  return (
    <Field label={label} error={error}>
      {(p) => (
        <select {...p} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
          <option value="">Not sure</option>
          {categories.map((c) => (
            <option key={c.id} value={c.name}>
              {c.name}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The questions as form fields, in order, inside one fieldset. */
export function IntakeFields({ questions, answers, onChange, errors, legend = 'A few questions' }: IntakeFieldsProps) {
  if (questions.length === 0) return null;
  const set = (q: IntakeQuestion, v: string | boolean) => onChange({ ...answers, [String(q.id)]: v });
  return (
    <fieldset class="intake" data-testid="intake-questions">
      <legend>{legend}</legend>
      {questions.map((q) =>
        q.kind === 'yes_no' ? (
          <YesNo key={q.id} question={q} value={answers[String(q.id)]} error={errors[answerField(q)]} onChange={(v) => set(q, v)} />
        ) : (
          <Field key={q.id} label={q.label + (q.required ? ' (required)' : '')} hint={q.help || undefined} error={errors[answerField(q)]}>
            {(p) => {
              const value = String(answers[String(q.id)] ?? '');
              if (q.kind === 'choice') {
                return (
                  <select {...p} value={value} aria-required={q.required} onChange={(e) => set(q, e.currentTarget.value)}>
                    <option value="">Choose…</option>
                    {q.choices.map((c) => (
                      <option key={c} value={c}>
                        {c}
                      </option>
                    ))}
                  </select>
                );
              }
              if (q.kind === 'error_message') {
                return <textarea {...p} class="preformatted" rows={4} spellcheck={false} value={value} aria-required={q.required} onInput={(e) => set(q, e.currentTarget.value)} />;
              }
              return (
                <input
                  {...p}
                  value={value}
                  class={q.kind === 'serial' ? 'input-short' : undefined}
                  spellcheck={q.kind === 'serial' ? false : undefined}
                  autoComplete="off"
                  aria-required={q.required}
                  onInput={(e) => set(q, e.currentTarget.value)}
                />
              );
            }}
          </Field>
        ),
      )}
    </fieldset>
  );
}

function YesNo({ question: q, value, error, onChange }: { question: IntakeQuestion; value: string | boolean | undefined; error?: string; onChange: (v: boolean) => void }) {
  const id = useId('yn');
  const described = [q.help ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class="field">
      <div role="radiogroup" aria-labelledby={`${id}-label`} aria-describedby={described || undefined} aria-required={q.required} aria-invalid={error ? true : undefined}>
        <p class="radio-label" id={`${id}-label`}>
          {q.label + (q.required ? ' (required)' : '')}
        </p>
        <div class="choices choices-inline">
          <label class="choice">
            <input type="radio" name={id} checked={value === true} onChange={() => onChange(true)} /> Yes
          </label>
          <label class="choice">
            <input type="radio" name={id} checked={value === false} onChange={() => onChange(false)} /> No
          </label>
        </div>
      </div>
      {q.help && (
        <p class="hint" id={`${id}-hint`}>
          {q.help}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A ticket's answers, at the top of its page; nothing when it has none. */
export function TicketFields({ fields }: { fields: TicketField[] | undefined }) {
  const id = useId('fields');
  if (!fields || fields.length === 0) return null;
  return (
    <section class="ticket-fields" aria-labelledby={id} data-testid="ticket-fields">
      <h2 id={id}>Answers</h2>
      <dl>
        {fields.map((f) => (
          <div key={f.question_id} class="ticket-field">
            <dt>{f.label}</dt>
            <dd>{f.kind === 'yes_no' ? (f.value ? 'Yes' : 'No') : f.kind === 'error_message' ? <pre>{String(f.value)}</pre> : String(f.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
