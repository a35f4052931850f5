// Hardware replacements' pure parts (docs/replacements.md), shared by the console panel, the
// console queue, the portal and the web unit tests (no Preact here): the address form's fields in
// order with their labels, which required ones are still empty (the server's rule, so the form can
// point at a field before sending), the address as lines, the statuses in words, and the changed
// keys a PATCH sends.
import type { AddressKey, Replacement, ReplacementStatus, ShippingAddress } from './api';

export interface AddressField {
  key: AddressKey;
  label: string;
  /** What the browser may fill from the person's own details (the portal only). */
  autocomplete: string;
  required: boolean;
}

/** The address form's fields, in the order the server lists `address_missing`. */
export const ADDRESS_FIELDS: AddressField[] = [
  { key: 'name', label: 'Full name', autocomplete: 'name', required: true },
  { key: 'organization', label: 'Organisation', autocomplete: 'organization', required: false },
  { key: 'line1', label: 'Street address', autocomplete: 'address-line1', required: true },
  { key: 'line2', label: 'Address line 2', autocomplete: 'address-line2', required: false },
  { key: 'city', label: 'City', autocomplete: 'address-level2', required: true },
  { key: 'region', label: 'State or region', autocomplete: 'address-level1', required: false },
  { key: 'postal_code', label: 'Postal code', autocomplete: 'postal-code', required: true },
  { key: 'country', label: 'Country', autocomplete: 'country', required: true },
  // One of phone and email is required: "phone" stands for the pair in address_missing.
  { key: 'phone', label: 'Phone', autocomplete: 'tel', required: false },
  { key: 'email', label: 'Email', autocomplete: 'email', required: false },
];

export const ADDRESS_KEYS: AddressKey[] = ADDRESS_FIELDS.map((f) => f.key);

export const addressLabel = (k: string) => ADDRESS_FIELDS.find((f) => f.key === k)?.label ?? k;

export function emptyAddress(): ShippingAddress {
  return { name: '', organization: '', line1: '', line2: '', city: '', region: '', postal_code: '', country: '', phone: '', email: '' };
}

/** An address with every key a string (a missing or null key from the server reads as ''). */
export function fullAddress(a: Partial<Record<AddressKey, string | null>> | null | undefined): ShippingAddress {
  const out = emptyAddress();
  for (const k of ADDRESS_KEYS) out[k] = a?.[k] ?? '';
  return out;
}

/** The required keys still empty, as the server computes `address_missing`: name, line1, city,
 * postal_code, country, then "phone" when neither phone nor email is given. Blank means empty. */
export function addressMissing(a: ShippingAddress): AddressKey[] {
  const blank = (k: AddressKey) => !(a[k] ?? '').trim();
  const missing = (['name', 'line1', 'city', 'postal_code', 'country'] as AddressKey[]).filter(blank);
  if (blank('phone') && blank('email')) missing.push('phone');
  return missing;
}

/** What to tell the person at an empty required field. */
export function missingMessage(k: AddressKey): string {
  switch (k) {
    case 'name':
      return 'Enter the name of the person who receives the parcel.';
    case 'line1':
      return 'Enter the street address.';
    case 'city':
      return 'Enter the city.';
    case 'postal_code':
      return 'Enter the postal code.';
    case 'country':
      return 'Enter the country.';
    case 'phone':
    case 'email':
      return 'Enter a phone number or an email address for the courier.';
    default:
      return `Enter the ${addressLabel(k).toLowerCase()}.`;
  }
}

/** The per-field messages for the empty required fields (what the form shows before sending). */
export function missingErrors(a: ShippingAddress): Partial<Record<AddressKey, string>> {
  return Object.fromEntries(addressMissing(a).map((k) => [k, missingMessage(k)]));
}

/** "Still needed: street address, city and a phone number or email." — '' when nothing is missing. */
export function missingSentence(missing: readonly string[]): string {
  if (missing.length === 0) return '';
  const words = missing.map((k) => (k === 'phone' || k === 'email' ? 'a phone number or email' : addressLabel(k).toLowerCase()));
  const list = words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
  return `Still needed: ${list}.`;
}

/** The address as the lines of a label: name, organisation, street, "City, Region Postal", country.
 * Empty parts are left out; the contact (phone, email) is not part of it. */
export function addressLines(a: ShippingAddress): string[] {
  const t = (k: AddressKey) => (a[k] ?? '').trim();
  const place = [t('city'), t('region')].filter(Boolean).join(', ');
  const town = [place, t('postal_code')].filter(Boolean).join(' ');
  return [t('name'), t('organization'), t('line1'), t('line2'), town, t('country')].filter(Boolean);
}

/** "+1 217 555 0100 · dana@example.gov", or '' when neither is known. */
export function contactLine(a: ShippingAddress): string {
  return [a.phone.trim(), a.email.trim()].filter(Boolean).join(' · ');
}

/** The keys whose (trimmed) value changed: the partial object a PATCH's `address` takes. */
export function addressChanges(before: ShippingAddress, after: ShippingAddress): Partial<ShippingAddress> {
  const out: Partial<ShippingAddress> = {};
  for (const k of ADDRESS_KEYS) {
    const v = (after[k] ?? '').trim();
    if (v !== (before[k] ?? '').trim()) out[k] = v;
  }
  return out;
}

/** The server's field errors for the address ("address.city") by key ("city"); others dropped. */
export function addressErrors(fields: Record<string, string>): Partial<Record<AddressKey, string>> {
  const out: Partial<Record<AddressKey, string>> = {};
  for (const [name, message] of Object.entries(fields)) {
    const key = name.startsWith('address.') ? name.slice('address.'.length) : '';
    if ((ADDRESS_KEYS as string[]).includes(key)) out[key as AddressKey] = message;
  }
  return out;
}

const STATUS_LABEL: Record<ReplacementStatus, string> = {
  requested: 'Requested',
  confirmed: 'Confirmed',
  shipped: 'Shipped',
  delivered: 'Delivered',
  returned: 'Returned',
  cancelled: 'Cancelled',
};
export const replacementStatusLabel = (s: string) => STATUS_LABEL[s as ReplacementStatus] ?? s;

/** The queue's tab names: what each status means for the people shipping. */
export const QUEUE_LABEL: Record<ReplacementStatus, string> = {
  confirmed: 'To ship',
  requested: 'Waiting for address',
  shipped: 'Shipped',
  delivered: 'Delivered',
  returned: 'Returned',
  cancelled: 'Cancelled',
};

/** The address may still change: not once the parcel left, nor after a cancellation. */
export const addressEditable = (r: Pick<Replacement, 'status'>) => r.status === 'requested' || r.status === 'confirmed';

/** "ThinkPad T14 Gen 3 (serial PF3XK2AB)", or the model alone. */
export function unitText(model: string, serial: string): string {
  const m = model.trim() || 'Unnamed device';
  return serial.trim() ? `${m} (serial ${serial.trim()})` : m;
}

/** "UPS, tracking number 1Z999AA10123456784" for a shipped replacement; '' before it ships. */
export function trackingText(r: Pick<Replacement, 'carrier' | 'tracking_number'>): string {
  const parts = [r.carrier.trim(), r.tracking_number.trim() ? `tracking number ${r.tracking_number.trim()}` : ''].filter(Boolean);
  return parts.join(', ');
}
