// A replacement's status badge, its shipping address as a label, and the address as form fields (docs/replacements.md): one
// labelled input per key, required ones marked, phone and email grouped (one of them is needed),
// each error shown under its field and tied to it (aria-invalid, aria-describedby). Used by the
// portal (the customer's own details: the browser may autofill) and the console (someone else's:
// no autofill).
import type { AddressKey, ShippingAddress } from '../api';
import { ADDRESS_FIELDS, type AddressField, addressLines, contactLine, replacementStatusLabel } from '../replacement_text';
import { Field } from './common';

interface Props {
  value: ShippingAddress;
  onChange: (key: AddressKey, value: string) => void;
  errors: Partial<Record<AddressKey, string>>;
  /** The person fills in their own address: let the browser offer its saved one. */
  own?: boolean;
  legend?: string;
}

export function AddressFields({ value, onChange, errors, own, legend = 'Shipping address' }: Props) {
  const input = (f: AddressField) => (
    <Field key={f.key} label={f.required ? `${f.label} (required)` : f.label} error={errors[f.key]} class={`address-${f.key}`}>
      {(p) => (
        <input
          {...p}
          // One literal type for the input (Preact's typings reject a union of literals here).
          type={(f.key === 'email' ? 'email' : f.key === 'phone' ? 'tel' : 'text') as 'text'}
          name={f.key}
          aria-required={f.required ? true : undefined}
          autoComplete={own ? f.autocomplete : 'off'}
          maxLength={200}
          value={value[f.key]}
          onInput={(e) => onChange(f.key, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  const contact = ADDRESS_FIELDS.filter((f) => f.key === 'phone' || f.key === 'email');
  return (
    <fieldset class="address-fields">
      <legend>{legend}</legend>
      {ADDRESS_FIELDS.filter((f) => !contact.includes(f)).map(input)}
      <fieldset class="address-contact">
        <legend>For the courier: a phone number or an email address (at least one)</legend>
        {contact.map(input)}
      </fieldset>
    </fieldset>
  );
}

/** Moves focus to the first field marked invalid in the form (after the errors rendered). */
export function focusFirstInvalid(form: HTMLElement | null) {
  setTimeout(() => (form?.querySelector('[aria-invalid="true"]') as HTMLElement | null)?.focus(), 0);
}

export function ReplacementStatusBadge({ status }: { status: string }) {
  return <span class={`badge replacement-${status}`}>{replacementStatusLabel(status)}</span>;
}

/** The address as a postal label, the courier contact below; "No address yet" when empty. */
export function AddressBlock({ address }: { address: ShippingAddress }) {
  const lines = addressLines(address);
  const contact = contactLine(address);
  if (lines.length === 0 && !contact) return <p class="muted">No shipping address yet.</p>;
  return (
    <address class="shipping-address">
      {lines.map((l, i) => (
        <span key={i} class="address-line">
          {l}
        </span>
      ))}
      {contact && <span class="address-line address-contact-line">{contact}</span>}
    </address>
  );
}

