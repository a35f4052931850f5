// A form the technician sent into the chat, filled in where it appears: labelled fields, the
// required ones enforced before anything is sent; once answered, the answers are shown instead.
import { useState } from 'preact/hooks';
import { useId } from '../components/common';
import type { ChatForm, FormField } from './protocol';

interface Props {
  form: ChatForm;
  /** The answers once submitted (from the log), else null. */
  answers: Record<string, string> | null;
  /** Sent and waiting for the server: the form is locked meanwhile. */
  sending: boolean;
  /** Null for the technician's view (they see the request, not a form to fill). */
  onSubmit: ((values: Record<string, string>) => void) | null;
}

export function FormRequest({ form, answers, sending, onSubmit }: Props) {
  const [values, setValues] = useState<Record<string, string>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const titleId = useId('form');

  if (answers || !onSubmit) {
    return (
      <section class="chat-form" aria-labelledby={titleId}>
        <h3 id={titleId}>{form.title}</h3>
        {answers ? <Answers form={form} values={answers} /> : <p class="muted">Waiting for the customer to fill it in.</p>}
      </section>
    );
  }

  const submit = (e: Event) => {
    e.preventDefault();
    const empty = form.fields.filter((f) => f.required && !(values[f.name] ?? '').trim()).map((f) => f.name);
    setMissing(empty);
    if (empty.length > 0) {
      (document.getElementById(`${titleId}-${empty[0]}`) as HTMLElement | null)?.focus();
      return;
    }
    onSubmit(values);
  };

  return (
    <form class="chat-form" aria-labelledby={titleId} onSubmit={submit} noValidate>
      <h3 id={titleId}>{form.title}</h3>
      {form.fields.map((f) => (
        <FieldInput
          key={f.name}
          id={`${titleId}-${f.name}`}
          field={f}
          value={values[f.name] ?? ''}
          missing={missing.includes(f.name)}
          onValue={(v) => {
            setValues({ ...values, [f.name]: v });
            if (v.trim()) setMissing(missing.filter((m) => m !== f.name));
          }}
        />
      ))}
      <button type="submit" class="button" disabled={sending}>
        {sending ? 'Sending…' : 'Send answers'}
      </button>
    </form>
  );
}

function FieldInput({ id, field, value, missing, onValue }: { id: string; field: FormField; value: string; missing: boolean; onValue: (v: string) => void }) {
  const errorId = `${id}-error`;
  const common = {
    id,
    required: field.required,
    'aria-required': field.required,
    'aria-invalid': missing ? true : undefined,
    'aria-describedby': missing ? errorId : undefined,
  };
  const label = `${field.label}${field.required ? ' (required)' : ''}`;
  const error = missing && (
    <p class="field-error" id={errorId}>
      Please fill in {field.label.toLowerCase()}.
    </p>
  );
  if (field.type === 'yes_no' || field.type === 'choice') {
    // The server takes yes_no answers as "yes" or "no"; people read Yes and No.
    const options = field.type === 'yes_no' ? ['yes', 'no'] : (field.options ?? []);
    return (
      <fieldset class="field" aria-invalid={missing ? true : undefined} aria-describedby={missing ? errorId : undefined}>
        <legend>{label}</legend>
        {options.map((o, i) => (
          <label key={o} class="check">
            <input type="radio" id={i === 0 ? id : undefined} name={id} value={o} checked={value === o} onChange={() => onValue(o)} />
            {field.type === 'yes_no' ? yesNo(o) : o}
          </label>
        ))}
        {error}
      </fieldset>
    );
  }
  // One literal type for the input (Preact's typings reject a union of literals here).
  const type = (field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'text') as 'text';
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {field.type === 'multiline' ? (
        <textarea {...common} rows={3} value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      ) : (
        <input {...common} type={type} value={value} autoComplete={field.type === 'email' ? 'email' : field.type === 'phone' ? 'tel' : 'off'} onInput={(e) => onValue(e.currentTarget.value)} />
      )}
      {error}
    </div>
  );
}

function Answers({ form, values }: { form: ChatForm; values: Record<string, string> }) {
  return (
    <dl class="chat-answers">
      {form.fields.map((f) => (
        <div key={f.name}>
          <dt>{f.label}</dt>
          <dd>{(f.type === 'yes_no' ? yesNo(values[f.name] ?? '') : values[f.name]) || '—'}</dd>
        </div>
      ))}
    </dl>
  );
}

const yesNo = (v: string) => (v === 'yes' ? 'Yes' : v === 'no' ? 'No' : v);
