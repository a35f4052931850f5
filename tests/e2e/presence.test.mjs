// Focus of this file: presence on a ticket page. Two technicians (two browsers) on the same ticket
// each see the other under the header ("Also here", never themselves); typing a reply or an
// internal note in one shows "… is typing a reply…" / "… an internal note…" in the other; leaving
// the page takes the name away. axe runs on the page with both lines showing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let ticket;
const ANN = { email: 'ann@frontline.example', name: 'Ann Lee', password: 'ann-password-1' };
const BO = { email: 'bo@frontline.example', name: 'Bo Berg', password: 'bo-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...ANN, role: 'agent' });
  await admin.createUser({ ...BO, role: 'agent' });
  ticket = await admin.post('/tickets', { subject: 'Badge reader at door 2 beeps red', body: 'For everyone.', requester_email: 'olly@acme.example' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function onTicket(who) {
  const p = await newPerson(browser, server.url);
  await signInThroughForm(p.page, who.email, who.password);
  await p.page.waitForURL('**/console');
  await p.page.goto(`/console/tickets/${ticket.number}`);
  await p.page.getByRole('heading', { level: 1, name: 'Badge reader at door 2 beeps red' }).waitFor();
  return p;
}

test('two technicians on one ticket see each other, see each other typing, and a name goes when its person leaves', { timeout: 60_000 }, async () => {
  const ann = await onTicket(ANN);
  const bo = await onTicket(BO);

  await ann.page.getByText('Also here: Bo Berg', { exact: true }).waitFor();
  await bo.page.getByText('Also here: Ann Lee', { exact: true }).waitFor();
  assert.equal(await ann.page.locator('.also-here').innerText(), 'Also here: Bo Berg', 'I am not listed as being here');

  // Bo writes a reply: Ann sees it; Bo does not see himself typing.
  await bo.page.getByLabel('Reply to the customer').pressSequentially('We are looking', { delay: 20 });
  await ann.page.getByText('Bo Berg is typing a reply…').waitFor();
  assert.equal(await bo.page.getByText(/Bo Berg is typing/).count(), 0);
  await screenshot(ann.page, 'presence');
  assert.deepEqual(await axeViolations(ann.page, 'ticket page with presence'), []);

  // Then an internal note: said at once, not after the reply's 3 s.
  await bo.page.getByRole('radio', { name: /Internal note/ }).check();
  await bo.page.getByLabel('Internal note (only staff will see it)').pressSequentially('Door 2 controller?', { delay: 20 });
  await ann.page.getByText('Bo Berg is typing an internal note…').waitFor();
  // …and it fades once Bo stops (about 6 s after the last typing frame).
  await ann.page.getByText(/Bo Berg is typing/).waitFor({ state: 'detached', timeout: 12_000 });

  // Bo leaves for his queue: Ann no longer sees him.
  await bo.page.getByRole('link', { name: 'Queues' }).click();
  await bo.page.waitForURL('**/console');
  await ann.page.getByText('Also here: Bo Berg').waitFor({ state: 'detached' });

  // Bo comes back; closing his browser also takes his name away.
  await bo.page.goto(`/console/tickets/${ticket.number}`);
  await ann.page.getByText('Also here: Bo Berg').waitFor();
  await bo.context.close();
  await ann.page.getByText('Also here: Bo Berg').waitFor({ state: 'detached' });
  await ann.context.close();
});

test('after the live socket drops and reconnects, the page says again which ticket it shows', { timeout: 60_000 }, async () => {
  const ann = await onTicket(ANN);
  // Bo's socket goes through a route the test can cut, as a flaky network would. After the cut
  // the server's frames reach Bo 1.5 s late, so Ann sees him leave before he is back.
  const bo = await newPerson(browser, server.url);
  const sockets = [];
  await bo.page.routeWebSocket(/\/api\/v1\/stream/, (ws) => {
    const upstream = ws.connectToServer();
    if (sockets.length > 0) upstream.onMessage((m) => setTimeout(() => ws.send(m), 1500));
    sockets.push({ ws, upstream });
  });
  await signInThroughForm(bo.page, BO.email, BO.password);
  await bo.page.waitForURL('**/console');
  await bo.page.goto(`/console/tickets/${ticket.number}`);
  await ann.page.getByText('Also here: Bo Berg', { exact: true }).waitFor();

  const { ws, upstream } = sockets.at(-1);
  const before = sockets.length;
  await upstream.close();
  await ws.close();
  await ann.page.getByText('Also here: Bo Berg').waitFor({ state: 'detached' });
  await bo.page.locator('.live-live').waitFor();
  assert.ok(sockets.length > before, 'Bo’s page reconnected');
  await ann.page.getByText('Also here: Bo Berg', { exact: true }).waitFor();
  await bo.context.close();
  await ann.context.close();
});
