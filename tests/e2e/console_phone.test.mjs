// Focus of this file: the technician's console on a phone (390 px wide). The queue, a ticket page
// and the chats screen never scroll sideways; the header's links and the queue list fold behind
// a "Menu" button that opens and is used with the keyboard (Esc closes it); the ticket page stacks
// its columns and its "On this page" links reach the reply box and the properties; the queue's
// bulk-action bar shows only its heading until a ticket is picked, then two fields to a line;
// the admin tables (users, organisations, API tokens) become cards that fit. axe runs on each
// screen at this width.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let page;
let ticket;
const PHONE = { width: 390, height: 844 };
const agent = { email: 'pia@frontline.example', name: 'Pia Phone', password: 'pia-password-1' };
const customer = { email: 'carl@acme.example', name: 'Carl Customer', password: 'carl-password-1' };
const longWord = 'C:\\Users\\carl\\AppData\\Local\\Microsoft\\Outlook\\RoamingCache\\carl@acme.example.ost';

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const pia = await admin.createUser({ ...agent, role: 'agent' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  await admin.post('/teams', { name: 'Network', member_ids: [pia.id] });
  ticket = await admin.post('/tickets', {
    subject: 'Outlook keeps asking for the password after the mailbox moved to the new server',
    body: `The data file is ${longWord} and it will not open.`,
    requester_email: customer.email,
  });
  await admin.patch(`/tickets/${ticket.number}`, { assignee_id: pia.id, priority: 'high', tags: ['outlook', 'mailbox-migration'] });
  for (let i = 1; i <= 3; i++) {
    await admin.post('/tickets', { subject: `Printer ${i} offline on the third floor`, body: 'Offline.', requester_email: customer.email });
  }
  // A chat Pia has accepted, with a long line from the customer.
  const carl = await Api.signIn(server.url, customer.email, customer.password);
  const chat = await carl.post('/chats', { name: customer.name, topic: 'Mailbox full' });
  const piaApi = await Api.signIn(server.url, agent.email, agent.password);
  await piaApi.post(`/chats/${chat.id}/accept`, {});
  await carl.post(`/chats/${chat.id}/messages`, { body: `It says ${longWord} is full.`, client_id: 'c1' });

  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url, { viewport: PHONE }));
  await signInThroughForm(page, agent.email, agent.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noSidewaysScroll(name) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `${name}: no sideways scrolling at ${PHONE.width} px (page is ${scrollWidth} px wide)`);
}

async function noAxe(name) {
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}

test('the queue fits a phone and its list of queues opens from the Menu button with the keyboard', { timeout: 60_000 }, async () => {
  await page.goto('/console/queues/unassigned');
  await page.getByRole('heading', { level: 1, name: 'Unassigned' }).waitFor();
  await page.locator('tr[data-ticket]').first().waitFor();
  await noSidewaysScroll('queue');
  const queues = page.getByRole('navigation', { name: 'Queues' });
  assert.equal(await queues.isVisible(), false, 'the queue list is folded away');
  await noAxe('phone-queue');

  const menu = page.getByRole('button', { name: 'Menu' });
  await menu.focus();
  await page.keyboard.press('Enter');
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  await queues.waitFor();
  assert.equal(await page.getByRole('navigation', { name: 'Main' }).isVisible(), true, 'the header links are in the menu too');
  await noSidewaysScroll('queue with the menu open');
  await noAxe('phone-queue-menu');

  // Esc closes it and leaves focus on the button.
  await queues.getByRole('link', { name: /My tickets/ }).focus();
  await page.keyboard.press('Escape');
  await queues.waitFor({ state: 'hidden' });
  assert.equal(await menu.evaluate((b) => b === document.activeElement), true, 'focus is back on Menu');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');

  // Open it again with Space, Tab to a queue and follow it: the page shows, the menu folds.
  await page.keyboard.press('Space');
  await queues.waitFor();
  const myTickets = queues.getByRole('link', { name: /My tickets/ });
  for (let i = 0; i < 30 && !(await myTickets.evaluate((a) => a === document.activeElement)); i++) await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  await queues.waitFor({ state: 'hidden' });
  await page.locator(`tr[data-ticket="${ticket.number}"]`).waitFor();
  await noSidewaysScroll('my tickets');
});

test('the ticket page stacks its columns, and the reply box and properties are reached from "On this page"', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await page.getByRole('heading', { level: 1, name: /Outlook keeps asking/ }).waitFor();
  await page.getByText(longWord).first().waitFor();
  await noSidewaysScroll('ticket page');
  const conversation = await page.getByRole('heading', { name: 'Conversation' }).boundingBox();
  const properties = await page.getByRole('heading', { name: 'Properties' }).boundingBox();
  assert.ok(properties.y > conversation.y, 'the properties come below the conversation, not beside it');
  assert.ok(properties.x + properties.width <= PHONE.width, 'the properties are inside the screen');

  const jump = page.getByRole('navigation', { name: 'On this page' });
  await jump.getByRole('link', { name: 'Properties' }).click();
  const status = page.getByLabel('Status', { exact: true });
  await status.selectOption('pending');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('status').filter({ hasText: /Saved/ }).waitFor();

  await jump.getByRole('link', { name: 'Reply' }).click();
  const reply = page.getByLabel('Reply to the customer');
  await reply.fill('Please restart Outlook once more.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.locator('.conversation').getByText('Please restart Outlook once more.').waitFor();
  await noSidewaysScroll('ticket page after the reply');
  await noAxe('phone-ticket');
});

test('the chats screen fits a phone with a chat open', { timeout: 60_000 }, async () => {
  await page.goto('/console/chats');
  await page.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
  await page.getByRole('tab', { name: customer.name }).waitFor();
  await page.getByText(`It says ${longWord} is full.`).waitFor();
  await noSidewaysScroll('chats');
  await noAxe('phone-chats');
});

test('the bulk-action bar is compact on a phone: only its heading until a ticket is picked, then two fields to a line', { timeout: 60_000 }, async () => {
  await page.goto('/console/queues/unassigned');
  await page.getByRole('heading', { level: 1, name: 'Unassigned' }).waitFor();
  const bar = page.locator('.bulk-bar');
  await bar.waitFor();
  const idle = await bar.boundingBox();
  assert.ok(idle.height < 120, `idle, the bar is about its heading (${idle.height} px)`);
  assert.equal(await bar.getByLabel('Assign to').isVisible(), false, 'no fields before a ticket is picked');

  const first = page.locator('tr[data-ticket]').first();
  await first.getByRole('checkbox').check();
  await bar.getByRole('heading', { name: '1 ticket selected' }).waitFor();
  const assign = await bar.getByLabel('Assign to').boundingBox();
  const status = await bar.getByLabel('Status').boundingBox();
  assert.ok(Math.abs(assign.y - status.y) < 4 && status.x > assign.x, 'Assign to and Status share a line');
  const picked = await bar.boundingBox();
  assert.ok(picked.height < 420, `with a ticket picked the bar stays short (${picked.height} px)`);
  await bar.getByLabel('Priority').selectOption('high');
  await bar.getByRole('button', { name: 'Apply to 1 ticket' }).click();
  await bar.getByText('Done for 1 of 1 tickets.').waitFor();
  await noSidewaysScroll('queue with the bulk bar');
  await noAxe('phone-bulk-bar');
});

test('the admin tables become cards that fit a phone', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.post('/tokens', { name: 'nightly export to the data warehouse', email: agent.email });
  const a = await newPerson(browser, server.url, { viewport: PHONE });
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  for (const [path, heading, text] of [
    ['/admin/users', 'Users', customer.email],
    ['/admin/organizations', 'Organisations', 'Acme'],
    ['/admin/tokens', 'API tokens', 'nightly export to the data warehouse'],
  ]) {
    await a.page.goto(path);
    await a.page.getByRole('heading', { level: 1, name: heading }).waitFor();
    const cell = a.page.locator('table').getByText(text, { exact: true }).first();
    await cell.waitFor();
    const box = await cell.boundingBox();
    assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, `${path}: "${text}" is on the screen`);
    const wrap = await a.page.locator('.table-wrap').first().evaluate((w) => ({ scroll: w.scrollWidth, client: w.clientWidth }));
    assert.ok(wrap.scroll <= wrap.client + 1, `${path}: the table does not scroll sideways (${wrap.scroll} > ${wrap.client})`);
    const { scrollWidth, innerWidth } = await a.page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
    assert.ok(scrollWidth <= innerWidth, `${path}: no sideways scrolling (page is ${scrollWidth} px wide)`);
    await screenshot(a.page, `phone-admin-${heading.toLowerCase().replace(/\W+/g, '-')}`);
    assert.deepEqual((await axeViolations(a.page, path)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${path}: accessibility`);
  }
  await a.context.close();
});
