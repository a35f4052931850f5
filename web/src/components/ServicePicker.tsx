// Find a service as you type — its name, a keyword, or a pasted web address from the caller —
// and choose one of the matches (radio buttons, so the keyboard and screen readers know them).
// Used on the ticket page and in the phone-call form; the screen decides what choosing does.
import { useEffect, useState } from 'preact/hooks';
import { errorText } from '../api';
import { searchServices, type Service } from '../services';
import { callTreeLine, contactKindLabel } from '../service_text';
import { Field, useId } from './common';

interface ServicePickerProps {
  label: string;
  hint?: string;
  chosen: Service | null;
  onChoose: (s: Service | null) => void;
  /** Offer "No service" among the matches (the phone-call form). */
  allowNone?: boolean;
  autoFocus?: boolean;
}

export function ServicePicker({ label, hint = 'Its name, a keyword, or paste any web address of the service.', chosen, onChoose, allowNone, autoFocus }: ServicePickerProps) {
  const [text, setText] = useState('');
  const [found, setFound] = useState<Service[] | null>(null);
  const [error, setError] = useState('');
  const group = useId('services');

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setFound(null);
      return;
    }
    let alive = true;
    const timer = setTimeout(async () => {
      try {
        const list = await searchServices(q);
        if (alive) {
          setFound(list.slice(0, 10));
          setError('');
        }
      } catch (e) {
        if (alive) setError(errorText(e));
      }
    }, 200);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [text]);

  // The chosen service stays offered while the person looks at other matches.
  const shown = found ? (chosen && !found.some((s) => s.id === chosen.id) ? [chosen, ...found] : found) : chosen ? [chosen] : [];
  return (
    <div class="service-picker">
      <Field label={label} hint={hint} error={error}>
        {(p) => <input {...p} type="search" value={text} autoComplete="off" autoFocus={autoFocus} onInput={(e) => setText(e.currentTarget.value)} />}
      </Field>
      <p role="status" class="muted">
        {found === null ? '' : found.length === 0 ? 'No service matches. Try a keyword, or paste the address of the site.' : found.length === 1 ? '1 service found.' : `${found.length} services found.`}
      </p>
      {(shown.length > 0 || allowNone) && (
        <div class="choices" role="radiogroup" aria-label="Matching services" id={group}>
          {shown.map((s) => {
            const primary = s.contacts.find((c) => c.primary) ?? s.contacts[0];
            return (
              <label key={s.id} class="choice">
                <input type="radio" name={group} value={String(s.id)} checked={chosen?.id === s.id} onChange={() => onChoose(s)} />
                <span>
                  {s.name}
                  {primary && (
                    <span class="muted">
                      {' '}
                      — {contactKindLabel(primary.kind)} {primary.value}
                      {primary.call_tree.length > 0 && `, ${callTreeLine(primary.call_tree)}`}
                    </span>
                  )}
                </span>
              </label>
            );
          })}
          {allowNone && (
            <label class="choice">
              <input type="radio" name={group} value="" checked={!chosen} onChange={() => onChoose(null)} />
              No service
            </label>
          )}
        </div>
      )}
    </div>
  );
}
