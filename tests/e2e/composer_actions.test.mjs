// Focus of this file: a technician replies and sets the status in one action ("Send and set
// Pending / Resolved"), and Ctrl+Enter sends what is written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let number;

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  number = (await admin.post('/tickets', { subject: 'Outlook asks for the password', body: 'Every ten minutes.', requester_email: 'ola@acme.example' })).number;
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const publicBodies = async () => (await admin.get(`/tickets/${number}/messages`)).items.filter((m) => m.kind === 'public').map((m) => m.body);

test('“Send and set Pending” sends the reply and sets the status in one action', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${number}`);
  await page.getByRole('heading', { level: 1, name: 'Outlook asks for the password' }).waitFor();
  await page.getByLabel('Reply to the customer').fill('Please try signing out of Outlook and back in.');
  assert.deepEqual(await axeViolations(page, 'ticket-composer-actions'), []);
  await page.getByRole('button', { name: 'Send and set Pending' }).click();
  await eventually(async () => (await admin.get(`/tickets/${number}`)).status === 'pending', { what: 'status pending' });
  assert.ok((await publicBodies()).includes('Please try signing out of Outlook and back in.'));
  await eventually(async () => (await page.getByLabel('Status').inputValue()) === 'pending', { what: 'the page to show Pending' });
});

test('Ctrl+Enter sends the reply', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${number}`);
  const box = page.getByLabel('Reply to the customer');
  await box.fill('Did that help?');
  await box.press('Control+Enter');
  await eventually(async () => (await publicBodies()).includes('Did that help?'), { what: 'the reply sent by Ctrl+Enter' });
  await eventually(async () => (await box.inputValue()) === '', { what: 'the box to empty' });
});
