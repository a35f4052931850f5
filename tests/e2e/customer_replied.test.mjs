// Focus of this file: the queue's "Customer replied" marker — shown on a row whose requester wrote
// last, and gone once a technician answers publicly (an internal note does not clear it).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let page;
let admin;
let customer;
const agent = { email: 'rhea@frontline.example', name: 'Rhea Replies', password: 'rhea-password-1' };
const rita = { email: 'rita@acme.example', name: 'Rita Requester', password: 'rita-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...agent, role: 'agent' });
  await admin.createUser({ ...rita, role: 'customer' });
  customer = await Api.signIn(server.url, rita.email, rita.password);
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, agent.email, agent.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const row = (number) => page.locator(`tbody tr[data-ticket="${number}"]`);
const marked = async (number) => (await row(number).getByText('Customer replied', { exact: true }).count()) > 0;

test('a row whose requester wrote last says so until a technician answers publicly', { timeout: 90_000 }, async () => {
  const waiting = await customer.post('/tickets', { subject: 'Scanner offline', body: 'It says E12.' });
  const quiet = await customer.post('/tickets', { subject: 'Monitor flickers', body: 'Since Monday.' });
  await admin.post(`/tickets/${waiting.number}/messages`, { body: 'Which model is it?' });
  await customer.post(`/tickets/${waiting.number}/messages`, { body: 'The Canon one on floor 3.' });
  await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /All open/ }).click();
  await row(waiting.number).waitFor();
  await eventually(async () => await marked(waiting.number), { what: 'the marker on the ticket the customer answered' });
  assert.equal(await marked(quiet.number), false, 'a ticket nobody has answered yet is not marked');
  assert.deepEqual(await axeViolations(page, 'queue with a customer-replied row'), []);

  await admin.post(`/tickets/${waiting.number}/messages`, { body: 'checking stock', kind: 'internal' });
  await page.reload();
  await row(waiting.number).waitFor();
  assert.equal(await marked(waiting.number), true, 'an internal note is not an answer');

  await admin.post(`/tickets/${waiting.number}/messages`, { body: 'A technician is on the way.' });
  await page.reload();
  await row(waiting.number).waitFor();
  await eventually(async () => !(await marked(waiting.number)), { what: 'the marker to go after a public answer' });
});
