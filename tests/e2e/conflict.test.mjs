// Focus of this file: two technicians on one ticket — the second one's stale edit is refused
// with a clear message (If-Match → 412) instead of silently overwriting the first one's change.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

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

test('a second technician saving a stale edit sees the conflict message and can reload', { timeout: 60_000 }, async () => {
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

  // Bob starts an edit; meanwhile Alice changes the status and saves first.
  await b.page.getByLabel('Priority').selectOption('high');
  await a.page.getByLabel('Status').selectOption('pending');
  await a.page.getByRole('button', { name: 'Save changes' }).click();
  await a.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();

  // Bob saves his now-stale edit: refused, with a clear message and a way out.
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  const conflict = b.page.getByRole('alert').filter({ hasText: 'Someone else changed this ticket' });
  await conflict.waitFor();
  assert.match(await conflict.innerText(), /reload/i);
  await conflict.getByRole('button', { name: 'Reload' }).click();
  await conflict.waitFor({ state: 'detached' });
  assert.equal(await b.page.getByLabel('Status').inputValue(), 'pending', 'reload shows Alice’s change');
  assert.equal(await b.page.getByLabel('Priority').inputValue(), 'normal', 'Bob’s stale edit was not saved');

  // After reloading, Bob's edit goes through.
  await b.page.getByLabel('Priority').selectOption('high');
  await b.page.getByRole('button', { name: 'Save changes' }).click();
  await b.page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.status, 'pending');
  assert.equal(t.priority, 'high');
});
