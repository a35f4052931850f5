// Focus of this file: the admin's orphan services page — a service nobody can be reached for is
// listed with why and its open tickets, and leaves the list once someone adds a contact through
// the service editor. axe on the page with and without orphans.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let orphan;

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const agent = await admin.createUser({ email: 'otto@frontline.example', name: 'Otto Owner', role: 'agent', password: 'otto-password-1' });
  const team = await admin.post('/teams', { name: 'Mainframe team', member_ids: [agent.id] });
  orphan = await admin.post('/services', { name: 'Mainframe batch', team_id: team.id, urls: ['https://batch.example.org/'] });
  await admin.post('/services', {
    name: 'Well kept service',
    team_id: team.id,
    contacts: [{ kind: 'phone', value: '+1 555 0200' }],
  });
  for (const subject of ['Batch job stuck', 'Batch report missing']) {
    await admin.post('/tickets', { subject, body: 'Since this morning.', requester_email: 'ops@agency.example', service_id: orphan.id });
  }
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}

test('an orphan service is listed with its reason and open tickets, and leaves once it has a contact', { timeout: 90_000 }, async () => {
  await page.goto('/admin/users');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Orphan services' }).click();
  await page.getByRole('heading', { level: 1, name: 'Orphan services' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'Mainframe batch' });
  await row.waitFor();
  await row.getByText('No active contact').waitFor();
  await row.getByText('Mainframe team').waitFor();
  await row.getByRole('link', { name: '2 open tickets' }).waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Well kept service' }).count(), 0, 'a service with a contact is no orphan');
  await noViolations('admin-orphans');

  await row.getByRole('link', { name: 'Mainframe batch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mainframe batch' }).waitFor();
  await page.getByText(/No contacts yet/).waitFor();
  await page.getByRole('link', { name: 'Edit service' }).click();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Phone number').fill('+1 555 0300');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mainframe batch' }).waitFor();
  await page.getByRole('link', { name: '+1 555 0300' }).waitFor();

  await page.goto('/admin/orphans');
  await page.getByText('No orphan services').waitFor();
  assert.equal(await page.getByRole('row').filter({ hasText: 'Mainframe batch' }).count(), 0);
  await noViolations('admin-orphans-none');
  const left = await admin.get('/services/orphans');
  assert.deepEqual(left.items, []);
});

test('the open tickets link lists the service’s tickets', { timeout: 60_000 }, async () => {
  await page.goto(`/console/search?q=${encodeURIComponent(`service:${orphan.id}`)}`);
  await page.getByRole('link', { name: 'Batch job stuck' }).waitFor();
  await page.getByRole('link', { name: 'Batch report missing' }).waitFor();
});
