// Focus of this file: a ticket's history tells the technician what became of the mail about it.
// The server's SMTP relay is a closed port, so every acknowledgement fails and is retried each
// second; the history reads those attempts in plain words, under Frontline's name.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
const tech = { email: 'hal@frontline.example', name: 'Hal History', password: 'hal-password-1' };
const customer = { email: 'casey@acme.example', name: 'Casey Customer', password: 'casey-password-1' };

before(async () => {
  server = await startServer({ env: { FRONTLINE_SMTP_URL: 'smtp://127.0.0.1:1', FRONTLINE_MAIL_RETRY_SECONDS: '1' } });
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('failed mail delivery shows in the ticket history as Frontline retrying', { timeout: 60_000 }, async () => {
  const casey = await Api.signIn(server.url, customer.email, customer.password);
  const t = await casey.post('/tickets', { subject: 'Monitor flickers', body: 'Since the move.' });
  const hal = await Api.signIn(server.url, tech.email, tech.password);
  await eventually(
    async () => (await hal.get(`/tickets/${t.number}/events`)).items.some((e) => e.type === 'mail.retrying' && e.data.attempt >= 2),
    { what: 'a second delivery attempt' },
  );

  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  await page.goto(`/console/tickets/${t.number}`);
  await page.getByRole('heading', { level: 1, name: 'Monitor flickers' }).waitFor();
  const history = page.getByRole('region', { name: 'History' });
  const retry = history.getByRole('listitem').filter({ hasText: `could not email the acknowledgement to ${customer.email} (attempt 2: SMTP:` });
  await retry.waitFor();
  const line = await retry.innerText();
  assert.match(line, /^Frontline could not email/, `the system did it, not a person: ${line}`);
  assert.match(line, /; retrying/);
  // "will email" is noise once delivery has been tried: it is not shown.
  assert.equal(await history.getByText('will email').count(), 0);
  // The customer's own lines keep their name.
  await history.getByRole('listitem').filter({ hasText: 'opened the ticket' }).filter({ hasText: customer.name }).waitFor();
});
