// Focus of this file: two technicians on one ticket — conflicts are per field: an edit of a field
// nobody else changed is saved even after other changes, the same field changed by both asks
// with both values shown, and nothing is overwritten silently.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let number;
const alice = { email: 'alice@frontline.example', name: 'Alice Agent', password: 'alice-password-1' };
const bob = { email: 'bob@frontline.example', name: 'Bob Agent', password: 'bob-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...alice, role: 'agent' });
  await admin.createUser({ ...bob, role: 'agent' });
  await admin.createUser({ email: 'dan@acme.example', name: 'Dan Customer', role: 'customer', password: 'dan-password-1' });
  const t = await admin.post('/tickets', {
    subject: 'Shared drive is read-only',
    body: 'I cannot save files to S: since this morning.',
    requester_email: 'dan@acme.example',
    requester_name: 'Dan Customer',
  });
  number = t.number;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function twoTechnicians() {
  const a = await newPerson(browser, server.url);
  const b = await newPerson(browser, server.url);
  await signInThroughForm(a.page, alice.email, alice.password);
  await signInThroughForm(b.page, bob.email, bob.password);
  await a.page.waitForURL('**/console');
  await b.page.waitForURL('**/console');
  for (const p of [a.page, b.page]) {
    await p.goto(`/console/tickets/${number}`);
    await p.getByRole('heading', { level: 1, name: 'Shared drive is read-only' }).waitFor();
  }
  return { a, b };
}

test('a change to another field or a customer reply does not block or lose a technician’s edit', { timeout: 60_000 }, async () => {
  const { a, b } = await twoTechnicians();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);

  // Bob starts an edit; meanwhile the customer replies and Alice changes the status.
  await b.page.getByLabel('Priority').selectOption('high');
  const dan = await Api.signIn(server.url, 'dan@acme.example', 'dan-password-1');
  await dan.post(`/tickets/${number}/messages`, { body: 'Any news? It is still read-only.' });
  await a.page.getByLabel('Status').selectOption('pending');
  await a.page.getByRole('button', { name: 'Save changes' }).click();
  await a.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  // Bob saves: nothing of his overlaps, so it goes through without asking.
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  await b.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  assert.equal(await b.page.getByRole('alert').filter({ hasText: /someone else/i }).count(), 0);
  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.status, 'pending', 'Alice’s change stays');
  assert.equal(t.priority, 'high', 'Bob’s edit was saved');
  assert.equal(await b.page.getByLabel('Status').inputValue(), 'pending');
  await a.context.close();
  await b.context.close();
});

test('the same field changed by someone else asks, showing both values, and keeps the chosen one', { timeout: 60_000 }, async () => {
  const { a, b } = await twoTechnicians();
  await b.page.getByLabel('Priority').selectOption('low');
  await b.page.getByLabel('Tags').fill('printer');
  await a.page.getByLabel('Priority').selectOption('urgent');
  await a.page.getByRole('button', { name: 'Save changes' }).click();
  await a.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  await b.page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = b.page.getByRole('alert').filter({ hasText: 'Someone else changed the same field' });
  await conflict.waitFor();
  const text = await conflict.innerText();
  assert.match(text, /Priority: you chose Low; someone else set Urgent/);
  assert.doesNotMatch(text, /Tags/, 'only the field both changed is asked about');
  assert.deepEqual(await axeViolations(b.page, 'ticket-field-conflict'), []);

  await conflict.getByRole('button', { name: 'Keep mine' }).click();
  await b.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.priority, 'low');
  assert.deepEqual(t.tags, ['printer']);
  await a.context.close();
  await b.context.close();
});
