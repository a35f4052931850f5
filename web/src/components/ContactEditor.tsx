// One contact's inputs, used by the service editor and by "I found the right contact" on a
// ticket: kind and value, the call tree as ordered steps (press … then …; add, remove, move),
// hours and their time zone, and the staff-only parts (public, primary, escalation, active,
// review interval, notes). Errors arrive keyed by the server's names within the contact.
import type { CallTreeStep, ContactKind } from '../services';
import type { ContactRow } from '../service_form';
import { Field } from './common';

const KINDS: { kind: ContactKind; label: string; value: string }[] = [
  { kind: 'phone', label: 'Phone', value: 'Phone number' },
  { kind: 'email', label: 'Email', value: 'Email address' },
  { kind: 'web', label: 'Web form', value: 'Web form address' },
];

// Every IANA zone the browser knows, offered as suggestions; typing any zone still works.
const ZONES: string[] = (() => {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    return intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    return [];
  }
})();

interface ContactEditorProps {
  row: ContactRow;
  /** "Contact 2": the legend, and the start of every button's name in this contact. */
  legend: string;
  onChange: (row: ContactRow) => void;
  onPrimary?: (on: boolean) => void;
  onRemove?: () => void;
  errors?: Record<string, string>;
}

export function ContactEditor({ row, legend, onChange, onPrimary, onRemove, errors = {} }: ContactEditorProps) {
  const set = (patch: Partial<ContactRow>) => onChange({ ...row, ...patch });
  const setStep = (i: number, patch: Partial<CallTreeStep>) => set({ steps: row.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const move = (i: number, by: number) => {
    const steps = [...row.steps];
    const [s] = steps.splice(i, 1);
    steps.splice(i + by, 0, s);
    set({ steps });
  };
  const valueLabel = KINDS.find((k) => k.kind === row.kind)?.value ?? 'Value';
  const zoneList = `zones-${row.key}`;

  return (
    <fieldset class="contact-editor">
      <legend>{legend}</legend>
      <div class="row">
        <Field label="Kind" error={errors.kind}>
          {(p) => (
            <select {...p} value={row.kind} onChange={(e) => set({ kind: e.currentTarget.value as ContactKind })}>
              {KINDS.map((k) => (
                <option key={k.kind} value={k.kind}>
                  {k.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={valueLabel} error={errors.value}>
          {(p) => <input {...p} value={row.value} autoComplete="off" onInput={(e) => set({ value: e.currentTarget.value })} />}
        </Field>
      </div>
      <fieldset class="call-tree-editor">
        <legend>Call tree</legend>
        <p class="hint">The menu options to get through, in order: what to press, then where it leads (“database team”). One step of text alone is fine too.</p>
        {row.steps.length > 0 && (
          <ol class="step-rows">
            {row.steps.map((s, i) => (
              <li key={i} class="step-row">
                <Field label={`Step ${i + 1}: press`} class="step-press">
                  {(p) => <input {...p} class="input-short" value={s.press} autoComplete="off" onInput={(e) => setStep(i, { press: e.currentTarget.value })} />}
                </Field>
                <Field label={`Step ${i + 1}: then`} class="step-then">
                  {(p) => <input {...p} value={s.then} autoComplete="off" onInput={(e) => setStep(i, { then: e.currentTarget.value })} />}
                </Field>
                <div class="step-actions">
                  <button type="button" class="button-quiet button-small" disabled={i === 0} aria-label={`Move step ${i + 1} of ${legend.toLowerCase()} up`} onClick={() => move(i, -1)}>
                    ↑
                  </button>
                  <button type="button" class="button-quiet button-small" disabled={i === row.steps.length - 1} aria-label={`Move step ${i + 1} of ${legend.toLowerCase()} down`} onClick={() => move(i, 1)}>
                    ↓
                  </button>
                  <button type="button" class="button-quiet button-small" onClick={() => set({ steps: row.steps.filter((_, j) => j !== i) })}>
                    Remove<span class="sr-only"> step {i + 1} of {legend.toLowerCase()}</span>
                  </button>
                </div>
              </li>
            ))}
          </ol>
        )}
        {errors.call_tree && <p class="field-error">{errors.call_tree}</p>}
        <button type="button" class="button-secondary button-small" onClick={() => set({ steps: [...row.steps, { press: '', then: '' }] })}>
          Add a step<span class="sr-only"> to the call tree of {legend.toLowerCase()}</span>
        </button>
      </fieldset>
      <div class="row">
        <Field label="Hours" hint="For example Mon–Fri 8–18." error={errors.hours}>
          {(p) => <input {...p} value={row.hours} onInput={(e) => set({ hours: e.currentTarget.value })} />}
        </Field>
        <Field label="Time zone of the hours" hint="For example America/New_York." error={errors.time_zone}>
          {(p) => <input {...p} list={zoneList} value={row.time_zone} autoComplete="off" onInput={(e) => set({ time_zone: e.currentTarget.value })} />}
        </Field>
        <datalist id={zoneList}>
          {ZONES.map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
      </div>
      <div class="checks">
        <label class="check">
          <input type="checkbox" checked={row.primary} onChange={(e) => (onPrimary ? onPrimary(e.currentTarget.checked) : set({ primary: e.currentTarget.checked }))} /> Primary contact
        </label>
        <label class="check">
          <input type="checkbox" checked={row.public} onChange={(e) => set({ public: e.currentTarget.checked })} /> Customers may see it
        </label>
        <label class="check">
          <input type="checkbox" checked={row.escalation} onChange={(e) => set({ escalation: e.currentTarget.checked })} /> Escalation contact
        </label>
        <label class="check">
          <input type="checkbox" checked={row.active} onChange={(e) => set({ active: e.currentTarget.checked })} /> Active
        </label>
      </div>
      <div class="row">
        {row.escalation && (
          <Field label="Escalation order" hint="1 is tried first; empty: the order listed." error={errors.escalation_order}>
            {(p) => <input {...p} inputMode="numeric" class="input-short" value={row.escalation_order} onInput={(e) => set({ escalation_order: e.currentTarget.value })} />}
          </Field>
        )}
        <Field label="Review every (days)" hint="How often someone should check it still works." error={errors.review_interval_days}>
          {(p) => <input {...p} inputMode="numeric" class="input-short" value={row.review_interval_days} onInput={(e) => set({ review_interval_days: e.currentTarget.value })} />}
        </Field>
      </div>
      <Field label="Notes (staff only)" error={errors.notes}>
        {(p) => <textarea {...p} rows={2} value={row.notes} onInput={(e) => set({ notes: e.currentTarget.value })} />}
      </Field>
      {errors.contact && <p class="field-error">{errors.contact}</p>}
      {onRemove && (
        <button type="button" class="button-quiet button-small" onClick={onRemove}>
          Remove {legend.toLowerCase()}
        </button>
      )}
    </fieldset>
  );
}
