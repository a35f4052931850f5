// Focus of this file: a customer opening a ticket that was merged into another sees where the
// conversation continues (a link to the ticket it went into), not an empty closed ticket.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let source;
let target;
const customer = { email: 'mona@acme.example', name: 'Mona Merged', password: 'mona-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...customer, role: 'customer' });
  const mona = await Api.signIn(server.url, customer.email, customer.password);
  target = (await mona.post('/tickets', { subject: 'VPN drops every hour', body: 'It disconnects at :00.' })).number;
  source = (await mona.post('/tickets', { subject: 'VPN again', body: 'Still dropping, see my other ticket.' })).number;
  await admin.post(`/tickets/${source}/merge`, { into: target });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a merged ticket in the portal links to the ticket where the conversation continues', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, customer.email, customer.password);
  await page.waitForURL('**/portal');
  await page.goto(`/portal/tickets/${source}`);
  await page.getByRole('heading', { level: 1, name: 'VPN again' }).waitFor();
  await page.getByText('The conversation continues in').waitFor();
  assert.deepEqual(await axeViolations(page, 'portal-merged-ticket'), []);
  await page.getByRole('link', { name: `ticket #${target}` }).click();
  await page.getByRole('heading', { level: 1, name: 'VPN drops every hour' }).waitFor();
  await page.getByText('Still dropping, see my other ticket.').waitFor();
});
