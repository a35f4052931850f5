// Focus of this file: the whole life of a portal ticket across three browsers — a customer, a
// technician working it, and the same technician's queue in another window that must update
// live (never reloaded) — and that the customer never sees the internal note.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
const tech = { email: 'tess@frontline.example', name: 'Tess Tech', password: 'tess-password-1' };
const customer = { email: 'carla@acme.example', name: 'Carla Customer', password: 'carla-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a portal ticket with an attachment is taken, answered and resolved, and the technician queue updates live', { timeout: 60_000 }, async () => {
  const subject = 'VPN drops every ten minutes';
  const note = 'Internal: router firmware 2.1 is known bad, do not tell the customer yet';
  const reply = 'Thanks Carla, please try the new VPN profile we just sent.';

  // The customer opens a ticket with an attachment.
  const c = await newPerson(browser, server.url);
  await signInThroughForm(c.page, customer.email, customer.password);
  await c.page.waitForURL('**/portal');
  await c.page.getByRole('link', { name: 'New ticket' }).first().click();
  await c.page.getByLabel('Subject').fill(subject);
  await c.page.getByLabel('Description').fill('Since Monday the VPN disconnects every ten minutes.');
  await c.page.getByLabel('Attachments').setInputFiles({
    name: 'vpn-log.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('10:00 tunnel up\n10:10 tunnel down\n'),
  });
  await c.page.getByRole('button', { name: 'Open ticket' }).click();
  await c.page.waitForURL(/\/portal\/tickets\/\d+/);
  const number = Number(c.page.url().match(/tickets\/(\d+)/)[1]);
  await c.page.getByRole('heading', { level: 1, name: subject }).waitFor();
  await c.page.getByRole('link', { name: /vpn-log\.txt/ }).waitFor();

  // The technician's second window: "My tickets", left open and never reloaded.
  const watcher = await newPerson(browser, server.url);
  await signInThroughForm(watcher.page, tech.email, tech.password);
  await watcher.page.waitForURL('**/console');
  await watcher.page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  await watcher.page.getByRole('status').filter({ hasText: /^Live$/ }).waitFor({ timeout: 10_000 });
  await watcher.page.evaluate(() => {
    window.__neverReloaded = true;
  });

  // The technician finds it in Unassigned, opens it with the keyboard, and takes it.
  const t = await newPerson(browser, server.url);
  await signInThroughForm(t.page, tech.email, tech.password);
  await t.page.waitForURL('**/console');
  await t.page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: /Unassigned/ }).click();
  await t.page.getByRole('heading', { level: 1, name: 'Unassigned' }).waitFor();
  const row = t.page.locator(`tr[data-ticket="${number}"]`);
  await row.waitFor();
  assert.match(await row.innerText(), /New/);
  await t.page.locator('body').press('j');
  await t.page.keyboard.press('Enter');
  await t.page.waitForURL(`**/console/tickets/${number}`);
  await t.page.getByRole('heading', { level: 1, name: subject }).waitFor();
  await t.page.getByRole('button', { name: 'Take it' }).click();
  await eventually(async () => (await t.page.getByLabel('Assignee').inputValue()) !== '', { what: 'the assignee to be set' });
  assert.equal(await t.page.getByLabel('Assignee').locator('option:checked').innerText(), tech.name);

  // A public reply (r) and an internal note (n).
  await t.page.locator('body').press('r');
  const replyBox = t.page.getByLabel('Reply to the customer');
  await replyBox.fill(reply);
  await t.page.getByRole('button', { name: 'Send reply' }).click();
  await t.page.locator('.message', { hasText: reply }).waitFor();
  await t.page.locator('body').press('n');
  await t.page.getByLabel(/Internal note \(only staff/).fill(note);
  await t.page.getByRole('button', { name: 'Add internal note' }).click();
  const noteArticle = t.page.getByRole('article', { name: /Internal note from Tess Tech/ });
  await noteArticle.waitFor();
  assert.match(await noteArticle.innerText(), /internal note/i);

  // The watcher's queue shows the ticket (it is now the technician's) without a reload.
  const watchedRow = watcher.page.locator(`tr[data-ticket="${number}"]`);
  await watchedRow.waitFor({ timeout: 10_000 });
  assert.match(await watchedRow.innerText(), /Open/);

  // The customer sees the reply and not the note, replies, and marks it resolved.
  await c.page.reload();
  await c.page.locator('.message', { hasText: reply }).waitFor();
  const html = await c.page.content();
  assert.ok(!html.includes(note), 'the internal note must never reach the customer');
  assert.ok(!html.includes('router firmware'), 'no part of the internal note may reach the customer');
  await c.page.getByLabel('Your reply').fill('The new profile works, thank you!');
  await c.page.getByRole('button', { name: 'Send reply' }).click();
  await c.page.locator('.message', { hasText: 'The new profile works' }).waitFor();
  await c.page.getByRole('button', { name: 'Mark as resolved' }).click();
  await c.page.getByRole('button', { name: 'Reopen' }).waitFor();
  assert.match(await c.page.locator('.badges').innerText(), /Resolved/);

  // The technician's queue changed by itself: "My tickets" holds unsolved tickets, so the
  // resolved one leaves it.
  await eventually(async () => (await watchedRow.count()) === 0, {
    timeoutMs: 10_000,
    what: 'the resolved ticket to leave My tickets without a reload',
  });
  assert.equal(await watcher.page.evaluate(() => window.__neverReloaded), true);

  // And the customer's page never offered agent controls.
  assert.equal(await c.page.getByLabel('Assignee').count(), 0);
  assert.equal(await c.page.getByText('Internal note').count(), 0);
});
