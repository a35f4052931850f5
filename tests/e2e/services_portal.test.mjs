// Focus of this file: the portal's services — a customer finds a public service by name and by a
// pasted URL and sees its public contacts with the call tree, but never a service that is not
// public (not in the search, "not found" at its address) nor a contact, a note or a
// verification meant for staff. axe on both screens, at a phone's width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let page;
let open;
let hidden;
const PHONE = { width: 375, height: 740 };
const customer = { email: 'cora@agency.example', name: 'Cora Customer', password: 'cora-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...customer, role: 'customer' });
  open = await admin.post('/services', {
    name: 'Federal records database',
    description: 'The records database agencies query.',
    urls: ['https://records.example.gov/'],
    keywords: ['FedDB'],
    public: true,
    contacts: [
      { kind: 'phone', value: '+1 555 0100', public: true, primary: true, call_tree: [{ press: '2', then: 'database team' }], hours: 'Mon-Fri 8-18', time_zone: 'America/New_York', notes: 'Internal: ask for Bob.' },
      { kind: 'phone', value: '+1 555 0999', public: false, notes: 'Direct line of the DBA.' },
      { kind: 'email', value: 'help@records.example.gov', public: true, active: false },
    ],
  });
  hidden = await admin.post('/services', {
    name: 'Federal records admin console',
    urls: ['https://admin.records.example.gov/'],
    keywords: ['FedDB'],
    public: false,
    contacts: [{ kind: 'phone', value: '+1 555 0777', public: true }],
  });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url, { viewport: PHONE }));
  await signInThroughForm(page, customer.email, customer.password);
  await page.waitForURL('**/portal');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function check(name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: no horizontal scrolling at 375 px (overflow ${overflow}px)`);
}

test('a customer finds a public service and sees only its public contacts', { timeout: 90_000 }, async () => {
  await page.getByRole('link', { name: 'Services' }).click();
  await page.getByRole('heading', { level: 1, name: 'Services' }).waitFor();
  await page.getByRole('link', { name: 'Federal records database' }).waitFor();
  assert.equal(await page.getByText('Federal records admin console').count(), 0, 'a staff-only service is not listed');
  await check('portal-services');

  await page.getByLabel('Find a service').fill('feddb');
  await page.getByRole('status').filter({ hasText: '1 service found.' }).waitFor();
  assert.equal(await page.getByText('Federal records admin console').count(), 0, 'nor found by its keyword');
  await page.getByLabel('Find a service').fill('https://admin.records.example.gov/login');
  await page.getByRole('status').filter({ hasText: '0 services found.' }).waitFor();
  await page.getByLabel('Find a service').fill('https://www.records.example.gov/deep/page?x=1');
  await page.getByRole('status').filter({ hasText: '1 service found.' }).waitFor();

  await page.getByRole('link', { name: 'Federal records database' }).click();
  await page.getByRole('heading', { level: 1, name: 'Federal records database' }).waitFor();
  const tree = page.getByRole('list', { name: 'Call tree for +1 555 0100' });
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team']);
  await page.getByText('Hours: Mon-Fri 8-18').waitFor();
  const text = await page.locator('main').innerText();
  assert.doesNotMatch(text, /0999/, 'a contact that is not public is not shown');
  assert.doesNotMatch(text, /help@records/, 'an inactive contact is not shown');
  assert.doesNotMatch(text, /ask for Bob|Direct line/, 'staff notes are not shown');
  assert.doesNotMatch(text, /verified|review/i, 'verification is for staff');
  await check('portal-service');
});

test('a service that is not public is “not found” at its address', { timeout: 60_000 }, async () => {
  await page.goto(`/portal/services/${hidden.id}`);
  await page.getByRole('heading', { level: 1, name: 'Service not found' }).waitFor();
  assert.doesNotMatch(await page.locator('main').innerText(), /0777|admin console/);
  await page.goto(`/portal/services/${open.id}`);
  await page.getByRole('heading', { level: 1, name: 'Federal records database' }).waitFor();
});

test('the console’s directory is not open to customers', { timeout: 60_000 }, async () => {
  await page.goto('/console/services');
  await page.waitForURL('**/portal');
});
