// Small building blocks every screen uses: page titles, labelled fields with their errors,
// alerts in live regions, badges, times, an accessible modal dialog, a data-loading hook, and a
// form's error state.
import type { ComponentChildren, JSX } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { errorText, fieldErrors } from '../api';

export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Frontline` : 'Frontline';
  }, [title]);
}

/** Loads with `load` whenever `deps` change; `reload()` refetches without clearing the data. */
export function useData<T>(load: () => Promise<T>, deps: unknown[]) {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string>('');
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(async () => {
    const mine = ++seq.current;
    setLoading(true);
    try {
      const d = await load();
      if (mine === seq.current) {
        setData(d);
        setError('');
      }
    } catch (e) {
      if (mine === seq.current) setError(errorText(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(() => {
    setData(undefined);
    void run();
  }, [run]);
  return { data, error, loading, reload: run, setData };
}

let fieldSeq = 0;
// A form's message and per-field errors from the server's problem answer: fail(err) shows them,
// clear() removes them, edited(field) drops a field's error once the person changes that field
// (and the form's message with the last field error: it was about them).
export function useFormErrors() {
  const [error, setError] = useState('');
  const [fields, setFields] = useState<Record<string, string>>({});
  const clear = () => {
    setError('');
    setFields({});
  };
  const fail = (err: unknown) => {
    setError(errorText(err));
    setFields(fieldErrors(err));
  };
  const edited = (field: string) => {
    if (!(field in fields)) return;
    const rest = { ...fields };
    delete rest[field];
    setFields(rest);
    if (Object.keys(rest).length === 0) setError('');
  };
  return { error, setError, fields, setFields, clear, fail, edited };
}

export function useId(prefix = 'f'): string {
  const [id] = useState(() => `${prefix}-${++fieldSeq}`);
  return id;
}

interface FieldProps {
  label: string;
  error?: string;
  hint?: string;
  children: (props: { id: string; 'aria-describedby'?: string; 'aria-invalid'?: boolean }) => JSX.Element;
  class?: string;
}

/** A label, its control (rendered by children with the ids to use), a hint and an error. */
export function Field({ label, error, hint, children, class: cls }: FieldProps) {
  const id = useId();
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div class={`field ${cls ?? ''}`}>
      <label for={id}>{label}</label>
      {children({ id, 'aria-describedby': described || undefined, 'aria-invalid': error ? true : undefined })}
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
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

export function ErrorMessage({ text }: { text: string }) {
  return (
    <div role="alert" class={text ? 'alert alert-error' : 'sr-only'}>
      {text}
    </div>
  );
}

export function Notice({ text }: { text: string }) {
  return (
    <div role="status" class={text ? 'alert alert-ok' : 'sr-only'}>
      {text}
    </div>
  );
}

const STATUS_LABEL: Record<string, string> = {
  new: 'New',
  open: 'Open',
  pending: 'Pending',
  on_hold: 'On hold',
  resolved: 'Resolved',
  closed: 'Closed',
};
export const statusLabel = (s: string) => STATUS_LABEL[s] ?? s;
export const priorityLabel = (p: string) => p.charAt(0).toUpperCase() + p.slice(1);

export function StatusBadge({ status }: { status: string }) {
  return <span class={`badge status-${status}`}>{statusLabel(status)}</span>;
}

export function PriorityBadge({ priority }: { priority?: string }) {
  if (!priority) return null;
  return <span class={`badge priority-${priority}`}>{priorityLabel(priority)}</span>;
}

const dateFmt = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A time as "5 min ago" (the date and time in its tooltip), or as the date and time (`absolute`). */
export function Time({ iso, absolute }: { iso: string | null | undefined; absolute?: boolean }) {
  if (!iso) return <span>—</span>;
  const d = new Date(iso);
  return (
    <time dateTime={iso} title={dateFmt.format(d)}>
      {absolute ? dateFmt.format(d) : relative(d)}
    </time>
  );
}

function relative(d: Date): string {
  const s = Math.round((Date.now() - d.getTime()) / 1000);
  if (s < 45) return 'just now';
  if (s < 3600) return `${Math.round(s / 60)} min ago`;
  if (s < 86400) return `${Math.round(s / 3600)} h ago`;
  if (s < 7 * 86400) return `${Math.round(s / 86400)} d ago`;
  return dateFmt.format(d);
}

// Kept in bytes.ts so pure modules (limits, the chat) can use it without Preact.
export { formatBytes } from '../bytes';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ComponentChildren;
  /** "alertdialog" for a question that interrupts (ConfirmDialog), described by `describedBy`. */
  role?: 'alertdialog';
  describedBy?: string;
}

/** A modal <dialog>: focus moves in on open and back on close; Esc closes. */
export function Dialog({ open, title, onClose, children, role, describedBy }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId('dlg');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} role={role} aria-labelledby={titleId} aria-describedby={describedBy} onClose={onClose} class="dialog">
      <div class="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" class="button-quiet" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      {open && children}
    </dialog>
  );
}

/** A small padlock drawn inline (emoji fonts are not everywhere); decorative, text says it too. */
export function LockIcon() {
  return (
    <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
      <path
        fill="currentColor"
        d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z"
      />
    </svg>
  );
}

export function ClipIcon() {
  return (
    <svg class="icon" aria-hidden="true" viewBox="0 0 16 16" width="14" height="14" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="1.5"
        stroke-linecap="round"
        d="M10.5 4.5 5.6 9.4a1.3 1.3 0 0 0 1.8 1.8l5-5a2.6 2.6 0 0 0-3.7-3.7l-5.1 5.1a3.9 3.9 0 0 0 5.5 5.5L13 9"
      />
    </svg>
  );
}
