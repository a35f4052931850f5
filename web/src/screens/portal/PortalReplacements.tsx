// The customer's hardware replacements on their ticket (docs/replacements.md): what is replaced
// and its status; while `requested`, the shipping address form (what is still missing said at its
// field) with "Confirm address"; once confirmed the address read-only, with "Change address" until
// it ships; once shipped, the carrier and tracking number. The internal reason never reaches this
// screen (the API does not send it to customers).
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError, type AddressKey, errorText, patch, post, type Replacement, type ShippingAddress } from '../../api';
import { AddressBlock, AddressFields, focusFirstInvalid, ReplacementStatusBadge } from '../../components/AddressFields';
import { ErrorMessage, Notice, Time } from '../../components/common';
import { addressChanges, addressEditable, addressErrors, fullAddress, missingErrors, missingSentence, unitText } from '../../replacement_text';

export function PortalReplacements({ items, onChanged }: { items: Replacement[]; onChanged: () => void }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="preplacements-title" class="portal-replacements">
      <h2 id="preplacements-title">Replacement hardware</h2>
      {items.map((r) => (
        <PortalReplacement key={r.id} r={r} onChanged={onChanged} />
      ))}
    </section>
  );
}

function PortalReplacement({ r, onChanged }: { r: Replacement; onChanged: () => void }) {
  const [changing, setChanging] = useState(false);
  const [notice, setNotice] = useState('');
  const unit = unitText(r.model, r.serial);
  const titleId = `prepl-${r.id}-title`;
  const showForm = r.status === 'requested' || (changing && addressEditable(r));

  return (
    <article class={`replacement portal-replacement replacement-row-${r.status}`} aria-labelledby={titleId}>
      <h3 id={titleId}>
        Replacement for {unit} <ReplacementStatusBadge status={r.status} />
      </h3>
      <StatusSentence r={r} />
      {showForm ? (
        <AddressForm
          r={r}
          onDone={(text) => {
            setChanging(false);
            setNotice(text);
            onChanged();
          }}
          onCancel={r.status === 'requested' ? undefined : () => setChanging(false)}
          onStale={onChanged}
        />
      ) : (
        <>
          <h4>Shipping to</h4>
          <AddressBlock address={r.address} />
          {addressEditable(r) && (
            <p>
              <button type="button" class="button-secondary" onClick={() => (setChanging(true), setNotice(''))}>
                Change address
              </button>
            </p>
          )}
        </>
      )}
      <Notice text={notice} />
    </article>
  );
}

function StatusSentence({ r }: { r: Replacement }) {
  switch (r.status) {
    case 'requested':
      return (
        <p>
          We will send you a replacement. Please check where it should go and confirm the address.
          {r.address_missing.length > 0 && <span class="replacement-missing"> {missingSentence(r.address_missing)}</span>}
        </p>
      );
    case 'confirmed':
      return (
        <p>
          Address confirmed <Time iso={r.confirmed_at} />. We will let you know when it ships.
        </p>
      );
    case 'shipped':
    case 'delivered':
    case 'returned':
      return (
        <>
          <p>
            Shipped <Time iso={r.shipped_at} />
            {r.carrier ? ` with ${r.carrier}` : ''}.
            {r.status === 'delivered' && (
              <>
                {' '}
                Delivered <Time iso={r.delivered_at} />.
              </>
            )}
            {r.status === 'returned' && ' We have received the faulty unit back. Thank you!'}
          </p>
          {r.tracking_number && (
            <p class="tracking">
              Tracking number: <strong class="tracking-number">{r.tracking_number}</strong>
            </p>
          )}
        </>
      );
    case 'cancelled':
      return (
        <p>
          This replacement was cancelled <Time iso={r.cancelled_at} />.
        </p>
      );
    default:
      return null;
  }
}

function AddressForm({
  r,
  onDone,
  onCancel,
  onStale,
}: {
  r: Replacement;
  onDone: (text: string) => void;
  onCancel?: () => void;
  onStale: () => void;
}) {
  const [address, setAddress] = useState<ShippingAddress>(() => fullAddress(r.address));
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Partial<Record<AddressKey, string>>>({});
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  // Someone at the help desk changed it meanwhile: show theirs unless the customer is typing.
  useEffect(() => {
    if (!dirty) setAddress(fullAddress(r.address));
  }, [r.version]);

  /** Saves the changed keys; confirms too when `confirm`. */
  const send = async (confirm: boolean) => {
    if (confirm) {
      const missing = missingErrors(address);
      if (Object.keys(missing).length) {
        setErrors(missing);
        setError('Some required fields are empty. Fill them in, then confirm the address.');
        focusFirstInvalid(form.current);
        return;
      }
    }
    setBusy(true);
    try {
      const changed = addressChanges(fullAddress(r.address), address);
      if (r.status === 'confirmed' && Object.keys(changed).length === 0) {
        onDone('Nothing changed: the confirmed address stays.');
        return;
      }
      if (Object.keys(changed).length) await patch<Replacement>(`/replacements/${r.id}`, { version: r.version, address: changed });
      if (confirm) await post<Replacement>(`/replacements/${r.id}/confirm`, {});
      setErrors({});
      setError('');
      setDirty(false);
      onDone(confirm ? 'Thank you: the address is confirmed. We will let you know when the replacement ships.' : 'Address saved. Confirm it when it is complete.');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        setError('This replacement was changed meanwhile (or has shipped). It was reloaded: check it and try again.');
        setDirty(false);
        onStale();
        return;
      }
      setErrors(err instanceof ApiError ? addressErrors(err.fields) : {});
      setError(errorText(err));
      focusFirstInvalid(form.current);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={form}
      class="stack address-form"
      noValidate
      aria-label={`Shipping address for ${unitText(r.model, r.serial)}`}
      onSubmit={(e) => {
        e.preventDefault();
        void send(true);
      }}
    >
      <AddressFields
        own
        value={address}
        errors={errors}
        onChange={(k, v) => {
          setAddress({ ...address, [k]: v });
          setDirty(true);
          if (errors[k] || ((k === 'phone' || k === 'email') && (errors.phone || errors.email))) {
            const rest = { ...errors };
            delete rest[k];
            if (k === 'phone' || k === 'email') (delete rest.phone, delete rest.email);
            setErrors(rest);
            if (Object.keys(rest).length === 0) setError('');
          }
        }}
      />
      <ErrorMessage text={error} />
      <div class="actions">
        <button type="submit" class="button" disabled={busy}>
          Confirm address
        </button>
        <button type="button" class="button-secondary" disabled={busy} onClick={() => void send(false)}>
          Save without confirming
        </button>
        {onCancel && (
          <button type="button" class="button-secondary" onClick={onCancel}>
            Keep the confirmed address
          </button>
        )}
      </div>
    </form>
  );
}
