// Focus of this file: a customer's portal follows their tickets live through the customers' event
// feed — a staff reply and a status change appear on the open ticket page without a reload while
// the reply the customer is writing stays in the box, and the ticket list shows a new status by
// itself; another customer's ticket never reaches this customer's feed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

const pat = { email: 'pat@customer.example', name: 'Pat Portal', password: 'pat-password-1' };
const other = { email: 'oz@elsewhere.example', name: 'Oz Other', password: 'oz-password-1' };

let server;
let browser;
let admin;
let page;
let ticket;
const feed = []; // the events the customer's page received on /api/v1/stream
let hellos = 0;

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...pat, role: 'customer' });
  await admin.createUser({ ...other, role: 'customer' });
  const asPat = await Api.signIn(server.url, pat.email, pat.password);
  ticket = await asPat.post('/tickets', { subject: 'Scanner jams on page two', body: 'Every time.' });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url, { viewport: { width: 390, height: 844 } }));
  page.on('websocket', (ws) => {
    if (!ws.url().includes('/api/v1/stream')) return;
    ws.on('framereceived', (f) => {
      const m = JSON.parse(String(f.payload));
      if (m.type === 'hello') hellos++;
      if (m.type === 'event') feed.push(m.event);
    });
  });
  await signInThroughForm(page, pat.email, pat.password);
  await page.waitForURL('**/portal');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a staff reply and a status change appear on the portal ticket page without a reload, and the draft reply stays', { timeout: 60_000 }, async () => {
  await page.getByRole('link', { name: 'Scanner jams on page two' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scanner jams on page two' }).waitFor();
  await page.evaluate(() => {
    window.__neverReloaded = true;
  });
  const draft = 'It also happens with the duplex unit off, and';
  const box = page.getByRole('textbox', { name: 'Your reply' });
  await box.fill(draft);
  // The feed is open (its hello came) before staff act: what follows is news to the page.
  await eventually(() => hellos > 0, { what: 'the portal’s live feed to say hello' });

  await admin.post(`/tickets/${ticket.number}/messages`, { kind: 'public', body: 'Please try the rollers kit we sent.' });
  await admin.post(`/tickets/${ticket.number}/messages`, { kind: 'internal', body: 'Customer had this last year too.' });
  await admin.patch(`/tickets/${ticket.number}`, { status: 'pending' });

  const conversation = page.getByRole('region', { name: 'Conversation' });
  await conversation.getByText('Please try the rollers kit we sent.').waitFor();
  await page.locator('.badges').getByText('Pending', { exact: true }).waitFor();
  assert.equal(await box.inputValue(), draft, 'the reply being written is kept');
  assert.equal(await page.evaluate(() => window.__neverReloaded), true, 'the page was not reloaded');
  assert.equal(await conversation.getByText('Customer had this last year too.').count(), 0, 'an internal note never shows');
});

test('the ticket list shows a new status by itself, and another customer’s ticket never reaches this customer’s feed', { timeout: 60_000 }, async () => {
  await page.getByRole('link', { name: '← My tickets' }).click();
  await page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  const card = page.getByRole('list', { name: 'Tickets' }).getByRole('listitem').filter({ hasText: 'Scanner jams on page two' });
  await card.getByText('Pending', { exact: true }).waitFor();

  const asOz = await Api.signIn(server.url, other.email, other.password);
  const theirs = await asOz.post('/tickets', { subject: 'Not for Pat', body: 'Private.' });
  await admin.patch(`/tickets/${ticket.number}`, { status: 'resolved' });
  await card.getByText('Resolved', { exact: true }).waitFor();
  assert.equal(await page.getByText('Not for Pat').count(), 0);
  assert.ok(feed.some((e) => e.ticket_number === ticket.number), 'the feed brought Pat’s ticket events');
  assert.ok(!feed.some((e) => e.ticket_number === theirs.number), 'nothing of another customer’s ticket reached Pat');
  assert.ok(!feed.some((e) => e.internal), 'no internal event reached the customer');
});
