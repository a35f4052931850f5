// Focus of this file: hardware replacements' pure helpers (src/replacement_text.ts) — the address
// form says which required fields are empty exactly as the server's `address_missing` does (same
// keys, same order, phone standing for "phone or email", blank counting as empty), the address
// reads as a postal label without empty lines, a PATCH sends only the keys that changed, the
// server's "address.city" errors land on the city field, and the sentences name what is missing.
// Run by web/test.sh, which bundles src/replacement_text.ts to $REPLACEMENT_MODULES first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const r = await import(`${process.env.REPLACEMENT_MODULES}/replacement_text.mjs`);

const dana = {
  name: 'Dana Reyes',
  organization: 'State Records Office',
  line1: '12 Main St',
  line2: 'Room 4',
  city: 'Springfield',
  region: 'IL',
  postal_code: '62701',
  country: 'US',
  phone: '+1 217 555 0100',
  email: 'dana@example.gov',
};

test('a complete address misses nothing; either phone or email is enough', () => {
  assert.deepEqual(r.addressMissing(dana), []);
  assert.deepEqual(r.addressMissing({ ...dana, phone: '' }), []);
  assert.deepEqual(r.addressMissing({ ...dana, email: '' }), []);
  assert.deepEqual(r.addressMissing({ ...dana, organization: '', line2: '', region: '' }), []);
});

test('the missing required keys come in the server’s order, phone standing for phone-or-email', () => {
  assert.deepEqual(r.addressMissing(r.emptyAddress()), ['name', 'line1', 'city', 'postal_code', 'country', 'phone']);
  assert.deepEqual(r.addressMissing({ ...dana, city: '', line1: '' }), ['line1', 'city']);
  assert.deepEqual(r.addressMissing({ ...dana, phone: '', email: '' }), ['phone']);
  // Blank is empty: spaces do not make an address.
  assert.deepEqual(r.addressMissing({ ...dana, postal_code: '   ', phone: ' ', email: '\t' }), ['postal_code', 'phone']);
});

test('each missing field gets its own message; phone and email share one', () => {
  const errors = r.missingErrors({ ...dana, city: '', phone: '', email: '' });
  assert.deepEqual(Object.keys(errors), ['city', 'phone']);
  assert.match(errors.city, /city/i);
  assert.match(errors.phone, /phone number or an email/);
  assert.deepEqual(r.missingErrors(dana), {});
});

test('the form lists every key once, the required ones marked, in the order of address_missing', () => {
  assert.deepEqual(r.ADDRESS_KEYS, ['name', 'organization', 'line1', 'line2', 'city', 'region', 'postal_code', 'country', 'phone', 'email']);
  assert.deepEqual(
    r.ADDRESS_FIELDS.filter((f) => f.required).map((f) => f.key),
    ['name', 'line1', 'city', 'postal_code', 'country'],
  );
  for (const f of r.ADDRESS_FIELDS) assert.ok(f.label && f.autocomplete, f.key);
});

test('the address reads as a postal label, empty parts left out', () => {
  assert.deepEqual(r.addressLines(dana), ['Dana Reyes', 'State Records Office', '12 Main St', 'Room 4', 'Springfield, IL 62701', 'US']);
  assert.deepEqual(r.addressLines({ ...r.emptyAddress(), name: 'Bo', city: 'Oslo', postal_code: '0150', country: 'NO' }), ['Bo', 'Oslo 0150', 'NO']);
  assert.deepEqual(r.addressLines({ ...r.emptyAddress(), region: 'IL' }), ['IL']);
  assert.deepEqual(r.addressLines(r.emptyAddress()), []);
  assert.equal(r.contactLine(dana), '+1 217 555 0100 · dana@example.gov');
  assert.equal(r.contactLine({ ...dana, phone: '' }), 'dana@example.gov');
  assert.equal(r.contactLine(r.emptyAddress()), '');
});

test('a missing or null key from the server reads as empty', () => {
  const a = r.fullAddress({ name: 'Dana', city: null });
  assert.equal(a.name, 'Dana');
  assert.equal(a.city, '');
  assert.equal(a.email, '');
  assert.deepEqual(Object.keys(a), r.ADDRESS_KEYS);
  assert.deepEqual(r.fullAddress(null), r.emptyAddress());
});

test('a PATCH sends only the keys whose trimmed value changed, trimmed', () => {
  assert.deepEqual(r.addressChanges(dana, { ...dana }), {});
  assert.deepEqual(r.addressChanges(dana, { ...dana, city: ' Chicago ', name: 'Dana Reyes ' }), { city: 'Chicago' });
  assert.deepEqual(r.addressChanges(dana, { ...dana, line2: '' }), { line2: '' });
  assert.deepEqual(r.addressChanges(r.emptyAddress(), { ...r.emptyAddress(), country: 'US' }), { country: 'US' });
});

test('the server’s address.<key> errors land on their field; other fields are not address fields', () => {
  assert.deepEqual(r.addressErrors({ 'address.city': 'is required', 'address.phone': 'phone or email', model: 'too long', 'address.bogus': 'x' }), {
    city: 'is required',
    phone: 'phone or email',
  });
  assert.deepEqual(r.addressErrors({}), {});
});

test('the missing keys read as one sentence', () => {
  assert.equal(r.missingSentence([]), '');
  assert.equal(r.missingSentence(['city']), 'Still needed: city.');
  assert.equal(r.missingSentence(['line1', 'city', 'phone']), 'Still needed: street address, city and a phone number or email.');
});

test('statuses, the unit and the tracking read in words', () => {
  assert.equal(r.replacementStatusLabel('confirmed'), 'Confirmed');
  assert.equal(r.replacementStatusLabel('someday'), 'someday');
  assert.equal(r.QUEUE_LABEL.confirmed, 'To ship');
  assert.equal(r.unitText('ThinkPad T14 Gen 3', 'PF3XK2AB'), 'ThinkPad T14 Gen 3 (serial PF3XK2AB)');
  assert.equal(r.unitText('Dock', ' '), 'Dock');
  assert.equal(r.trackingText({ carrier: 'UPS', tracking_number: '1Z999' }), 'UPS, tracking number 1Z999');
  assert.equal(r.trackingText({ carrier: '', tracking_number: '' }), '');
  assert.ok(r.addressEditable({ status: 'requested' }) && r.addressEditable({ status: 'confirmed' }));
  assert.ok(!r.addressEditable({ status: 'shipped' }) && !r.addressEditable({ status: 'cancelled' }));
});
