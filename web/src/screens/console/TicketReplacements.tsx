// The ticket page's "Replacements" panel (docs/replacements.md): each hardware replacement on the
// ticket with its status, the unit, the internal reason, the shipping address (what is still
// missing), who confirmed it, and how it was sent; the actions its status allows — edit, "Customer
// confirmed by phone", ask for the address in the ticket's live chat, ship (carrier, tracking
// number, what was sent), delivered, faulty unit returned, cancel — and a form for a new one.
// Server errors show at their field; after each change the page reloads the ticket (onChanged).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type AddressKey, errorText, patch, post, type Replacement, type ShippingAddress, type Ticket } from '../../api';
import { AddressBlock, AddressFields, focusFirstInvalid, ReplacementStatusBadge } from '../../components/AddressFields';
import { Dialog, ErrorMessage, Field, Notice, Time, useFormErrors } from '../../components/common';
import {
  addressChanges,
  addressEditable,
  addressErrors,
  emptyAddress,
  fullAddress,
  missingSentence,
  unitText,
} from '../../replacement_text';

interface PanelProps {
  ticket: Ticket;
  onChanged: () => void;
}

export const STALE = 'Someone else changed this replacement meanwhile; it was reloaded. Check it and save again.';

export function TicketReplacements({ ticket, onChanged }: PanelProps) {
  const items = ticket.replacements ?? [];
  const [creating, setCreating] = useState(false);
  const [notice, setNotice] = useState('');
  const done = (text: string) => {
    setNotice(text);
    onChanged();
  };
  return (
    <section class="panel replacements-panel" aria-labelledby="replacements-title">
      <h2 id="replacements-title">Replacements</h2>
      {items.length === 0 ? (
        <p class="muted">No hardware replacements on this ticket.</p>
      ) : (
        <ul class="replacement-list" aria-label="Replacements on this ticket">
          {items.map((r) => (
            <li key={r.id}>
              <ReplacementCard r={r} ticket={ticket} onDone={done} onChanged={onChanged} />
            </li>
          ))}
        </ul>
      )}
      {creating ? (
        <NewReplacement
          ticket={ticket}
          onCancel={() => setCreating(false)}
          onCreated={(r) => {
            setCreating(false);
            done(
              r.address_missing.length
                ? `Replacement recorded. The customer is asked to fill in and confirm the address in the portal.`
                : `Replacement recorded. The customer is asked to confirm the address in the portal.`,
            );
          }}
        />
      ) : (
        ticket.status !== 'closed' && (
          <p>
            <button type="button" class="button-secondary button-small" onClick={() => (setCreating(true), setNotice(''))}>
              New replacement…
            </button>
          </p>
        )
      )}
      <Notice text={notice} />
    </section>
  );
}

function ReplacementCard({ r, ticket, onDone, onChanged }: { r: Replacement; ticket: Ticket; onDone: (text: string) => void; onChanged: () => void }) {
  const [editing, setEditing] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const unit = unitText(r.model, r.serial);
  const chatId = ticket.chat?.status === 'active' ? ticket.chat.id : null;

  const act = async (path: string, body: object, text: string) => {
    setBusy(true);
    try {
      await post<Replacement>(`/replacements/${r.id}/${path}`, body);
      setError('');
      onDone(text);
    } catch (err) {
      // A confirmation refused for missing fields names them (address.city, …): say which.
      const missing = err instanceof ApiError ? Object.keys(addressErrors(err.fields)) : [];
      setError(missing.length ? `The address is not complete. ${missingSentence(missing)}` : errorText(err));
      if (err instanceof ApiError && err.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };

  const askInChat = async () => {
    if (chatId === null) return;
    setBusy(true);
    try {
      await post(`/chats/${chatId}/forms`, { replacement_id: r.id });
      setError('');
      onDone('The shipping address form was sent into the chat.');
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class={`replacement replacement-row-${r.status}`} aria-labelledby={`replacement-${r.id}-title`}>
      <h3 id={`replacement-${r.id}-title`}>
        {unit} <ReplacementStatusBadge status={r.status} />
      </h3>
      {r.reason && (
        <p class="replacement-reason">
          <span class="muted">Reason (internal): </span>
          {r.reason}
        </p>
      )}
      <AddressBlock address={r.address} />
      {r.status === 'requested' && r.address_missing.length > 0 && <p class="replacement-missing">{missingSentence(r.address_missing)}</p>}
      {r.status === 'requested' && r.address_missing.length === 0 && <p class="muted">Waiting for the customer to confirm the address.</p>}
      {r.confirmed_at && r.status !== 'requested' && (
        <p class="muted">
          Confirmed by {r.confirmed_by?.name ?? 'a former user'}
          {r.confirmed_by && r.confirmed_by.role !== 'customer' ? ' on the customer’s word' : ''}, <Time iso={r.confirmed_at} />
        </p>
      )}
      {r.shipped_at && <Shipment r={r} />}
      {r.delivered_at && (
        <p class="muted">
          Delivered <Time iso={r.delivered_at} />
        </p>
      )}
      {r.returned_at && (
        <p class="muted">
          Faulty unit returned <Time iso={r.returned_at} />
        </p>
      )}
      {r.cancelled_at && (
        <p class="muted">
          Cancelled <Time iso={r.cancelled_at} />
          {r.cancel_reason ? `: ${r.cancel_reason}` : ''}
        </p>
      )}

      {editing ? (
        <EditReplacement
          r={r}
          onCancel={() => setEditing(false)}
          onSaved={(back) => {
            setEditing(false);
            onDone(back ? 'Saved. The address changed, so the customer confirms it again.' : 'Saved.');
          }}
          onStale={onChanged}
        />
      ) : (
        <div class="actions replacement-actions">
          {addressEditable(r) && (
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => setEditing(true)}>
              Edit<span class="sr-only"> {unit}</span>
            </button>
          )}
          {r.status === 'requested' && (
            <button
              type="button"
              class="button-secondary button-small"
              disabled={busy}
              onClick={() => void act('confirm', {}, 'Recorded as confirmed on the customer’s word.')}
            >
              Customer confirmed by phone<span class="sr-only"> ({unit})</span>
            </button>
          )}
          {r.status === 'requested' && chatId !== null && (
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => void askInChat()}>
              Ask for shipping address in chat<span class="sr-only"> ({unit})</span>
            </button>
          )}
          {r.status === 'shipped' && (
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => void act('delivered', {}, 'Marked delivered.')}>
              Delivered<span class="sr-only"> ({unit})</span>
            </button>
          )}
          {r.status === 'delivered' && (
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => void act('returned', {}, 'The faulty unit is recorded as returned.')}>
              Faulty unit returned<span class="sr-only"> ({unit})</span>
            </button>
          )}
          {(r.status === 'requested' || r.status === 'confirmed' || r.status === 'shipped') && (
            <button type="button" class="button-secondary button-small" disabled={busy} onClick={() => setCancelling(true)}>
              Cancel replacement<span class="sr-only"> ({unit})</span>
            </button>
          )}
        </div>
      )}
      <ErrorMessage text={error} />
      {r.status === 'confirmed' && !editing && <ShipForm r={r} onShipped={() => onDone('Marked shipped. The customer is emailed the tracking number.')} onStale={onChanged} />}
      <Dialog open={cancelling} title={`Cancel the replacement of ${unit}?`} onClose={() => setCancelling(false)}>
        <CancelForm r={r} onDone={() => (setCancelling(false), onDone('Replacement cancelled.'))} onClose={() => setCancelling(false)} />
      </Dialog>
    </article>
  );
}

function Shipment({ r }: { r: Replacement }) {
  return (
    <dl class="replacement-shipment">
      <div>
        <dt>Shipped</dt>
        <dd>
          <Time iso={r.shipped_at} />
        </dd>
      </div>
      <div>
        <dt>Carrier</dt>
        <dd>{r.carrier || '—'}</dd>
      </div>
      <div>
        <dt>Tracking number</dt>
        <dd class="tracking-number">{r.tracking_number || '—'}</dd>
      </div>
      {(r.sent_model || r.sent_serial) && (
        <div>
          <dt>Sent</dt>
          <dd>{unitText(r.sent_model || r.model, r.sent_serial)}</dd>
        </div>
      )}
    </dl>
  );
}

const SHIP_KEYS = ['carrier', 'tracking_number', 'sent_model', 'sent_serial'] as const;
type ShipKey = (typeof SHIP_KEYS)[number];

/** Carrier and tracking number (required), what was sent (defaults to the model replaced). */
export function ShipForm({
  r,
  onShipped,
  onStale,
  heading = true,
}: {
  r: Replacement;
  onShipped: (r: Replacement) => void;
  onStale?: () => void;
  /** false in a dialog whose title already says it. */
  heading?: boolean;
}) {
  const [sent, setSent] = useState<Record<ShipKey, string>>({ carrier: '', tracking_number: '', sent_model: '', sent_serial: '' });
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, clear, fail, edited } = useFormErrors();
  const form = useRef<HTMLFormElement>(null);

  const ship = async (e: Event) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!sent.carrier.trim()) problems.carrier = 'Enter the carrier.';
    if (!sent.tracking_number.trim()) problems.tracking_number = 'Enter the tracking number.';
    if (Object.keys(problems).length) {
      setFields(problems);
      setError('Some fields need attention.');
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      // The sent model and serial only when given (the server takes the replaced model then).
      const body: Record<string, string> = {};
      for (const key of SHIP_KEYS) if (sent[key].trim()) body[key] = sent[key].trim();
      const shipped = await post<Replacement>(`/replacements/${r.id}/ship`, body);
      clear();
      onShipped(shipped);
    } catch (err) {
      fail(err);
      if (err instanceof ApiError && err.status === 409) onStale?.();
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  const fieldProblem = SHIP_KEYS.some((key) => fields[key]);
  const field = (key: ShipKey, label: string, extra: { hint?: string; required?: boolean; autoComplete?: string } = {}) => (
    <Field label={label} hint={extra.hint} error={fields[key]}>
      {(p) => (
        <input
          {...p}
          aria-required={extra.required}
          maxLength={200}
          autoComplete={extra.autoComplete}
          value={sent[key]}
          onInput={(e) => {
            setSent({ ...sent, [key]: e.currentTarget.value });
            edited(key);
          }}
        />
      )}
    </Field>
  );
  return (
    <form ref={form} onSubmit={ship} class="stack ship-form" noValidate aria-label={`Ship the replacement for ${unitText(r.model, r.serial)}`}>
      {heading && <h4>Ship it</h4>}
      {field('carrier', 'Carrier (required)', { required: true })}
      {field('tracking_number', 'Tracking number (required)', { required: true, autoComplete: 'off' })}
      {field('sent_model', 'Model sent', { hint: `Leave empty if it is the same: ${r.model}.` })}
      {field('sent_serial', 'Serial number sent', { autoComplete: 'off' })}
      <ErrorMessage text={fieldProblem ? '' : error} />
      <div class="actions">
        <button type="submit" class="button button-small" disabled={busy}>
          Mark as shipped
        </button>
      </div>
    </form>
  );
}

function CancelForm({ r, onDone, onClose }: { r: Replacement; onDone: () => void; onClose: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  return (
    <form
      class="stack"
      onSubmit={async (e) => {
        e.preventDefault();
        setBusy(true);
        try {
          await post(`/replacements/${r.id}/cancel`, reason.trim() ? { reason: reason.trim() } : {});
          onDone();
        } catch (err) {
          setError(errorText(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <p>The customer is told it is cancelled.{r.status === 'shipped' ? ' It has already shipped: arrange the return with the carrier.' : ''}</p>
      <Field label="Why (optional)" hint="Internal: the customer does not see it.">
        {(p) => <textarea {...p} rows={2} maxLength={4000} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
      </Field>
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button button-danger" disabled={busy}>
          Cancel the replacement
        </button>
        <button type="button" class="button-secondary" onClick={onClose}>
          Keep it
        </button>
      </div>
    </form>
  );
}

/** Model, serial and reason, then the address: the fields a new replacement and an edit share. */
function UnitFields({
  model,
  serial,
  reason,
  set,
  fields,
}: {
  model: string;
  serial: string;
  reason: string;
  set: (k: 'model' | 'serial' | 'reason', v: string) => void;
  fields: Record<string, string>;
}) {
  return (
    <>
      <Field label="Model (required)" hint="The unit being replaced, e.g. ThinkPad T14 Gen 3." error={fields.model}>
        {(p) => <input {...p} aria-required maxLength={200} value={model} onInput={(e) => set('model', e.currentTarget.value)} />}
      </Field>
      <Field label="Serial number" error={fields.serial}>
        {(p) => <input {...p} maxLength={200} autoComplete="off" value={serial} onInput={(e) => set('serial', e.currentTarget.value)} />}
      </Field>
      <Field label="Reason" hint="Internal: the customer does not see it." error={fields.reason}>
        {(p) => <textarea {...p} rows={2} maxLength={4000} value={reason} onInput={(e) => set('reason', e.currentTarget.value)} />}
      </Field>
    </>
  );
}

function NewReplacement({ ticket, onCreated, onCancel }: { ticket: Ticket; onCreated: (r: Replacement) => void; onCancel: () => void }) {
  const [unit, setUnit] = useState({ model: '', serial: '', reason: '' });
  const [address, setAddress] = useState<ShippingAddress>(emptyAddress);
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, fail, edited } = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  // Opened by "New replacement…", which is gone now: start at the form's first field.
  useEffect(() => form.current?.querySelector('input')?.focus(), []);

  const create = async (e: Event) => {
    e.preventDefault();
    if (!unit.model.trim()) {
      setFields({ model: 'Enter the model being replaced.' });
      setError('Some fields need attention.');
      focusFirstInvalid(form.current);
      return;
    }
    setBusy(true);
    try {
      const body: Record<string, unknown> = { model: unit.model.trim(), serial: unit.serial.trim() };
      if (unit.reason.trim()) body.reason = unit.reason.trim();
      const given = addressChanges(emptyAddress(), address);
      if (Object.keys(given).length) body.address = given;
      onCreated(await post<Replacement>(`/tickets/${ticket.number}/replacements`, body));
    } catch (err) {
      fail(err);
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={create} class="stack new-replacement" noValidate aria-labelledby="new-replacement-title">
      <h3 id="new-replacement-title">New replacement</h3>
      <UnitFields {...unit} fields={fields} set={(k, v) => (setUnit({ ...unit, [k]: v }), edited(k))} />
      <p class="hint">The address can stay incomplete: the customer is asked to fill it in and confirm it in the portal.</p>
      <AddressFields
        value={address}
        errors={addressErrors(fields)}
        onChange={(k, v) => {
          setAddress({ ...address, [k]: v });
          edited(`address.${k}`);
        }}
      />
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button button-small" disabled={busy}>
          Record the replacement
        </button>
        <button type="button" class="button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function EditReplacement({ r, onSaved, onCancel, onStale }: { r: Replacement; onSaved: (backToRequested: boolean) => void; onCancel: () => void; onStale: () => void }) {
  const [unit, setUnit] = useState({ model: r.model, serial: r.serial, reason: r.reason ?? '' });
  const [address, setAddress] = useState<ShippingAddress>(() => fullAddress(r.address));
  const [busy, setBusy] = useState(false);
  const { error, setError, fields, setFields, fail, edited } = useFormErrors();
  const form = useRef<HTMLFormElement>(null);
  const unitName = unitText(r.model, r.serial);

  const save = async (e: Event) => {
    e.preventDefault();
    if (!unit.model.trim()) {
      setFields({ model: 'Enter the model being replaced.' });
      setError('Some fields need attention.');
      focusFirstInvalid(form.current);
      return;
    }
    const body: Record<string, unknown> = { version: r.version };
    if (unit.model.trim() !== r.model) body.model = unit.model.trim();
    if (unit.serial.trim() !== r.serial) body.serial = unit.serial.trim();
    if (unit.reason.trim() !== (r.reason ?? '')) body.reason = unit.reason.trim();
    const changed = addressChanges(fullAddress(r.address), address);
    if (Object.keys(changed).length) body.address = changed;
    if (Object.keys(body).length === 1) {
      onCancel();
      return;
    }
    setBusy(true);
    try {
      const saved = await patch<Replacement>(`/replacements/${r.id}`, body);
      onSaved(r.status === 'confirmed' && saved.status === 'requested');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError(STALE);
        onStale();
      } else {
        fail(err);
        focusFirstInvalid(form.current);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} onSubmit={save} class="stack edit-replacement" noValidate aria-label={`Edit the replacement for ${unitName}`}>
      <UnitFields {...unit} fields={fields} set={(k, v) => (setUnit({ ...unit, [k]: v }), edited(k))} />
      {r.status === 'confirmed' && <p class="hint">Changing the address asks the customer to confirm it again.</p>}
      <AddressFields
        value={address}
        errors={addressErrors(fields)}
        onChange={(k: AddressKey, v) => {
          setAddress({ ...address, [k]: v });
          edited(`address.${k}`);
        }}
      />
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button button-small" disabled={busy}>
          Save
        </button>
        <button type="button" class="button-secondary button-small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
