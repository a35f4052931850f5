// Focus of this file: hardware replacements in the browser (docs/replacements.md), the issue's
// pinned path "a customer fills a replacement address in the portal" — a technician records a
// replacement on a customer's ticket (API setup), the customer finds it in the portal, leaves a
// required field empty and is pointed at it (aria-invalid, the message tied to the field, focus
// there, nothing sent), fills it and confirms; the technician sees "Confirmed" in the ticket's
// Replacements panel and in /console/replacements, is refused shipping without a carrier, and
// ships with carrier and tracking number; the customer then sees the tracking number. Also: a
// replacement confirmed by phone is shipped from the "To ship" queue's dialog. axe on the portal
// section (with its errors showing), the console panel and the queue.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

const tech = { email: 'tina@frontline.example', name: 'Tina Ticket', password: 'tina-password-1' };
const dana = { email: 'dana@records.example', name: 'Dana Reyes', password: 'dana-password-1' };
const MODEL = 'ThinkPad T14 Gen 3';
const UNIT = `${MODEL} (serial PF3XK2AB)`;
const REASON = 'Screen flickers; replaced under warranty';
const TRACKING = '1Z999AA10123456784';

let server;
let browser;
let admin;
let asTina;
let ticket;
let replacement;
let customer; // Dana's page
let console_; // Tina's page

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ ...dana, role: 'customer' });
  const asDana = await Api.signIn(server.url, dana.email, dana.password);
  ticket = await asDana.post('/tickets', { subject: 'Laptop screen flickers', body: 'Since the last update, constantly.' });
  asTina = await Api.signIn(server.url, tech.email, tech.password);
  // What the technician knew on the phone: her name, city and country; the rest is hers to fill.
  replacement = await asTina.post(`/tickets/${ticket.number}/replacements`, {
    model: MODEL,
    serial: 'PF3XK2AB',
    reason: REASON,
    address: { name: 'Dana Reyes', city: 'Springfield', country: 'US' },
  });
  assert.equal(replacement.status, 'requested');
  browser = await launchBrowser();
  ({ page: customer } = await newPerson(browser, server.url));
  ({ page: console_ } = await newPerson(browser, server.url));
  await signInThroughForm(customer, dana.email, dana.password);
  await customer.waitForURL('**/portal');
  await signInThroughForm(console_, tech.email, tech.password);
  await console_.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}

const portalSection = () => customer.getByRole('region', { name: 'Replacement hardware' });
const panel = () => console_.getByRole('region', { name: 'Replacements' });

/** The error text an input points at through aria-describedby. */
async function describedBy(locator) {
  const ids = (await locator.getAttribute('aria-describedby')) ?? '';
  const texts = [];
  for (const id of ids.split(' ').filter(Boolean)) texts.push(await locator.page().locator(`[id="${id}"]`).innerText());
  return texts.join(' ');
}

test('a customer fills a replacement address in the portal; an empty required field is pointed at', { timeout: 90_000 }, async () => {
  await customer.getByRole('link', { name: 'Laptop screen flickers' }).click();
  await customer.getByRole('heading', { level: 1, name: 'Laptop screen flickers' }).waitFor();
  const section = portalSection();
  await section.getByRole('heading', { name: `Replacement for ${UNIT}` }).waitFor();
  await section.getByText('Requested', { exact: true }).waitFor();
  await section.getByText('Still needed: street address, postal code and a phone number or email.').waitFor();
  // What the technician already entered is in the form; the internal reason is nowhere.
  assert.equal(await section.getByLabel('Full name').inputValue(), 'Dana Reyes');
  assert.equal(await section.getByLabel('City').inputValue(), 'Springfield');
  assert.equal(await customer.getByText(REASON).count(), 0, 'the reason is internal');

  await section.getByLabel('Street address').fill('12 Main St');
  await section.getByLabel('Address line 2').fill('Room 4');
  await section.getByLabel('State or region').fill('IL');
  await section.getByLabel('Phone', { exact: true }).fill('+1 217 555 0100');
  // The postal code is left empty.
  await section.getByRole('button', { name: 'Confirm address' }).click();
  const postal = section.getByLabel('Postal code');
  await section.getByText('Enter the postal code.').waitFor();
  assert.equal(await postal.getAttribute('aria-invalid'), 'true');
  assert.match(await describedBy(postal), /Enter the postal code\./);
  assert.equal(await postal.evaluate((el) => el === document.activeElement), true, 'focus is on the empty field');
  assert.equal(await section.getByLabel('Street address').getAttribute('aria-invalid'), null, 'only the empty field is marked');
  await section.getByRole('alert').filter({ hasText: 'Some required fields are empty' }).waitFor();
  const untouched = await asTina.get(`/replacements/${replacement.id}`);
  assert.equal(untouched.status, 'requested', 'nothing was confirmed');
  assert.equal(untouched.address.line1, '', 'nothing was sent');
  await noViolations(customer, 'portal-replacement-missing-field');

  await postal.fill('62701');
  assert.equal(await postal.getAttribute('aria-invalid'), null, 'the error goes once the field is filled');
  await section.getByRole('button', { name: 'Confirm address' }).click();
  await section.getByText('Thank you: the address is confirmed.').waitFor();
  await section.getByText('Confirmed', { exact: true }).waitFor();
  await section.getByText('12 Main St').waitFor();
  await section.getByRole('button', { name: 'Change address' }).waitFor();
  assert.equal(await section.getByRole('button', { name: 'Confirm address' }).count(), 0, 'read-only once confirmed');

  const saved = await asTina.get(`/replacements/${replacement.id}`);
  assert.equal(saved.status, 'confirmed');
  assert.equal(saved.confirmed_by?.role, 'customer');
  assert.deepEqual(saved.address_missing, []);
  assert.equal(saved.address.line1, '12 Main St');
  assert.equal(saved.address.line2, 'Room 4');
  assert.equal(saved.address.postal_code, '62701');
  assert.equal(saved.address.phone, '+1 217 555 0100');
  assert.equal(saved.address.email, '', 'a field left empty stays empty');
  await noViolations(customer, 'portal-replacement-confirmed');
});

test('the technician sees it confirmed on the ticket and in the queue, and ships it with a tracking number', { timeout: 90_000 }, async () => {
  await console_.goto(`/console/tickets/${ticket.number}`);
  await console_.getByRole('heading', { level: 1, name: 'Laptop screen flickers' }).waitFor();
  const card = panel().getByRole('article', { name: UNIT });
  await card.getByText('Confirmed', { exact: true }).waitFor();
  await card.getByText('Confirmed by Dana Reyes').waitFor();
  await card.getByText(REASON).waitFor();
  await card.getByText('12 Main St').waitFor();
  await console_.getByText('confirmed the replacement’s shipping address').waitFor();
  await noViolations(console_, 'console-ticket-replacements');

  await console_.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Replacements' }).click();
  await console_.waitForURL('**/console/replacements');
  await console_.getByRole('heading', { level: 1, name: 'Replacements' }).waitFor();
  const row = console_.getByRole('row').filter({ hasText: UNIT });
  await row.getByRole('link', { name: `#${ticket.number}` }).waitFor();
  await row.getByText('Confirmed', { exact: true }).waitFor();
  await row.getByText('Springfield, IL 62701').waitFor();
  await noViolations(console_, 'console-replacements-to-ship');

  await row.getByRole('link', { name: `#${ticket.number}` }).click();
  await console_.waitForURL(`**/console/tickets/${ticket.number}`);
  const ship = panel().getByRole('form', { name: `Ship the replacement for ${UNIT}` });
  await ship.getByLabel('Tracking number').fill(TRACKING);
  await ship.getByRole('button', { name: 'Mark as shipped' }).click();
  await ship.getByText('Enter the carrier.').waitFor();
  assert.equal(await ship.getByLabel('Carrier').getAttribute('aria-invalid'), 'true');
  assert.equal((await asTina.get(`/replacements/${replacement.id}`)).status, 'confirmed', 'not shipped without a carrier');

  await ship.getByLabel('Carrier').fill('UPS');
  await ship.getByRole('button', { name: 'Mark as shipped' }).click();
  await panel().getByText('Marked shipped.').waitFor();
  await panel().getByText('Shipped', { exact: true }).first().waitFor();
  await panel().getByText(TRACKING).waitFor();
  const shipped = await asTina.get(`/replacements/${replacement.id}`);
  assert.equal(shipped.status, 'shipped');
  assert.equal(shipped.carrier, 'UPS');
  assert.equal(shipped.tracking_number, TRACKING);
  assert.equal(shipped.sent_model, MODEL, 'what was sent defaults to the model replaced');
  await console_.getByText(`shipped the replacement with UPS, tracking number ${TRACKING}`).waitFor();
  await panel().getByRole('button', { name: /^Delivered/ }).waitFor();

  await console_.goto('/console/replacements');
  await console_.getByText('Nothing to ship.').waitFor();
  await console_.getByRole('navigation', { name: 'Replacements by status' }).getByRole('link', { name: 'Shipped' }).click();
  await console_.getByRole('row').filter({ hasText: UNIT }).getByText(TRACKING).waitFor();
});

test('the customer sees the tracking number in the portal', { timeout: 60_000 }, async () => {
  await customer.goto(`/portal/tickets/${ticket.number}`);
  const section = portalSection();
  await section.getByText('Shipped', { exact: true }).waitFor();
  await section.getByText(`Tracking number: ${TRACKING}`).waitFor();
  await section.getByText('with UPS').waitFor();
  assert.equal(await section.getByRole('button', { name: 'Change address' }).count(), 0, 'the address no longer changes once shipped');
  assert.equal(await customer.getByText(REASON).count(), 0);
  await noViolations(customer, 'portal-replacement-shipped');
});

test('a replacement confirmed by phone is shipped from the "To ship" queue', { timeout: 60_000 }, async () => {
  const dock = await asTina.post(`/tickets/${ticket.number}/replacements`, {
    model: 'USB-C Dock',
    serial: 'DK-77',
    address: { name: 'Dana Reyes', line1: '12 Main St', city: 'Springfield', postal_code: '62701', country: 'US', email: 'dana@records.example' },
  });
  await asTina.post(`/replacements/${dock.id}/confirm`, {});
  await console_.goto('/console/replacements');
  const row = console_.getByRole('row').filter({ hasText: 'USB-C Dock' });
  await row.getByRole('button', { name: /^Ship…/ }).click();
  const dialog = console_.getByRole('dialog', { name: /Ship USB-C Dock/ });
  await dialog.getByLabel('Carrier').fill('FedEx');
  await dialog.getByLabel('Tracking number').fill('7712 3456 7890');
  await dialog.getByLabel('Serial number sent').fill('DK-91');
  await dialog.getByRole('button', { name: 'Mark as shipped' }).click();
  await console_.getByText(`Marked shipped: USB-C Dock (serial DK-77) on ticket #${ticket.number}.`).waitFor();
  await row.waitFor({ state: 'detached' });
  const shipped = await asTina.get(`/replacements/${dock.id}`);
  assert.equal(shipped.status, 'shipped');
  assert.equal(shipped.confirmed_by?.role, 'agent', 'confirmed by staff on the customer’s word');
  assert.equal(shipped.sent_serial, 'DK-91');
  assert.equal(shipped.tracking_number, '7712 3456 7890');
});
