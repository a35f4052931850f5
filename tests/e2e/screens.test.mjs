// Focus of this file: every main screen renders, is written to build/e2e-screenshots/, and has
// no serious or critical axe-core violation; the portal fits a phone-sized viewport.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let adminPage;
let customerPage;
let number;
const PHONE = { width: 375, height: 740 };
const customer = { email: 'paula@acme.example', name: 'Paula Portal', password: 'paula-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const agent = await admin.createUser({ email: 'sam@frontline.example', name: 'Sam Support', role: 'agent', password: 'sam-password-1' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  const orgs = await admin.get('/organizations');
  const acme = orgs.items.find((o) => o.name === 'Acme');
  await admin.patch(`/organizations/${acme.id}`, { share_tickets: true });
  await admin.post('/organizations', { name: 'Globex', share_tickets: false });
  await admin.post('/teams', { name: 'Network', member_ids: [agent.id] });
  await admin.post('/tokens', { name: 'monitoring script' });
  const customerApi = await Api.signIn(server.url, customer.email, customer.password);
  const t = await customerApi.post('/tickets', { subject: 'Email stuck in outbox', body: 'Three messages will not send since 9:00.' });
  number = t.number;
  await customerApi.post('/tickets', { subject: 'New starter needs a laptop', body: 'Starting Monday.' });
  await admin.post(`/tickets/${number}/messages`, { kind: 'public', body: 'Could you send a screenshot of the outbox?' });
  await admin.post(`/tickets/${number}/messages`, { kind: 'internal', body: 'Probably the mail relay again.' });
  await admin.patch(`/tickets/${number}`, { assignee_id: 1, priority: 'high', tags: ['email', 'outlook'] });

  browser = await launchBrowser();
  ({ page: adminPage } = await newPerson(browser, server.url));
  ({ page: customerPage } = await newPerson(browser, server.url, { viewport: PHONE }));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function check(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  const bad = await axeViolations(page, name);
  assert.deepEqual(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help}`),
    [],
    `${name}: serious or critical accessibility violations`,
  );
  assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
  assert.equal(await page.locator('main').count(), 1, `${name}: one main landmark`);
}

async function fitsPhone(page, name) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${name}: no horizontal scrolling at 375 px (overflow ${overflow}px)`);
}

test('sign-in screen', { timeout: 60_000 }, async () => {
  await adminPage.goto('/login');
  await adminPage.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  assert.equal(await adminPage.title(), 'Sign in · Frontline');
  await check(adminPage, 'sign-in');
  await signInThroughForm(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  await adminPage.waitForURL('**/console');
});

test('console queue screen', { timeout: 60_000 }, async () => {
  await adminPage.goto('/console/queues/open');
  await adminPage.getByRole('heading', { level: 1, name: 'All open' }).waitFor();
  await adminPage.locator(`tr[data-ticket="${number}"]`).waitFor();
  await check(adminPage, 'console-queue');
  // The shortcuts dialog opens with "?" and closes with Esc.
  await adminPage.locator('body').press('?');
  const dialog = adminPage.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await dialog.waitFor();
  await screenshot(adminPage, 'console-shortcuts');
  await adminPage.keyboard.press('Escape');
  await dialog.waitFor({ state: 'hidden' });
});

test('ticket page', { timeout: 60_000 }, async () => {
  await adminPage.goto(`/console/tickets/${number}`);
  await adminPage.getByRole('heading', { level: 1, name: 'Email stuck in outbox' }).waitFor();
  await adminPage.getByRole('article', { name: /Internal note from/ }).waitFor();
  await check(adminPage, 'ticket-page');
});

test('phone call screen', { timeout: 60_000 }, async () => {
  await adminPage.goto('/console/call');
  await adminPage.getByRole('heading', { level: 1, name: 'Log a phone call' }).waitFor();
  await check(adminPage, 'phone-call');
});

for (const [path, heading, name] of [
  ['/admin/users', 'Users', 'admin-users'],
  ['/admin/teams', 'Teams', 'admin-teams'],
  ['/admin/organizations', 'Organisations', 'admin-organizations'],
  ['/admin/tokens', 'API tokens', 'admin-tokens'],
  ['/admin/mail-templates', 'Mail templates', 'admin-mail-templates'],
]) {
  test(`admin screen: ${heading}`, { timeout: 60_000 }, async () => {
    await adminPage.goto(path);
    await adminPage.getByRole('heading', { level: 1, name: heading }).waitFor();
    await adminPage.locator('table, .panel h2').first().waitFor();
    await check(adminPage, name);
  });
}

test('portal ticket list on a phone', { timeout: 60_000 }, async () => {
  await signInThroughForm(customerPage, customer.email, customer.password);
  await customerPage.waitForURL('**/portal');
  await customerPage.getByRole('link', { name: 'Email stuck in outbox' }).waitFor();
  await check(customerPage, 'portal-list');
  await fitsPhone(customerPage, 'portal-list');
});

test('portal ticket on a phone', { timeout: 60_000 }, async () => {
  await customerPage.goto(`/portal/tickets/${number}`);
  await customerPage.getByRole('heading', { level: 1, name: 'Email stuck in outbox' }).waitFor();
  await customerPage.getByText('Could you send a screenshot').waitFor();
  assert.ok(!(await customerPage.content()).includes('mail relay'), 'no internal note in the portal');
  await check(customerPage, 'portal-ticket');
  await fitsPhone(customerPage, 'portal-ticket');
});

test('portal new ticket on a phone', { timeout: 60_000 }, async () => {
  await customerPage.goto('/portal/new');
  await customerPage.getByRole('heading', { level: 1, name: 'Open a ticket' }).waitFor();
  await check(customerPage, 'portal-new-ticket');
  await fitsPhone(customerPage, 'portal-new-ticket');
});
