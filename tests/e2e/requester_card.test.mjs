// Focus of this file: the requester card on a technician's ticket page lists each of the
// requester's other tickets once, and the organisation's list shows only other people's tickets.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let first;

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ email: 'rita@acme.example', name: 'Rita Requester', role: 'customer', password: 'rita-password-1', organization: 'Acme' });
  await admin.createUser({ email: 'carl@acme.example', name: 'Carl Colleague', role: 'customer', password: 'carl-password-1', organization: 'Acme' });
  const open = (subject, email) => admin.post('/tickets', { subject, body: `${subject}.`, requester_email: email });
  first = (await open('Laptop battery swells', 'rita@acme.example')).number;
  await open('Docking station flickers', 'rita@acme.example');
  await open('Badge reader broken', 'carl@acme.example');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the requester card lists each of the requester’s tickets once', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto(`/console/tickets/${first}`);
  const card = page.getByRole('region', { name: 'Requester' });
  await card.getByRole('link', { name: /Badge reader broken/ }).waitFor();
  assert.equal(await card.getByRole('link', { name: /Docking station flickers/ }).count(), 1, 'listed once, under “Their other tickets”');
  assert.equal(await card.getByRole('link', { name: /Laptop battery swells/ }).count(), 0, 'not the ticket itself');
  assert.deepEqual(await axeViolations(page, 'requester-card'), []);
});
