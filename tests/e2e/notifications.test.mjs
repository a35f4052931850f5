// Focus of this file: the console's notifications bell. Its unread count follows the live feed
// without a reload (assigned to me by someone else, the customer replied on my ticket, mentioned
// in a colleague's note — never for mentioning oneself); the panel lists them in words, opening one
// goes to the ticket and marks it read, "Mark all read" clears the count, Esc closes the panel
// and puts focus back on the bell; it fits a phone. A customer has no bell. axe runs on the panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  axeViolations,
  eventually,
  launchBrowser,
  newPerson,
  screenshot,
  signInThroughForm,
  startServer,
} from './harness.mjs';

let server;
let browser;
let admin;
let alexApi;
let beaApi;
let carlApi;
let alex;
let bea;
const ALEX = { email: 'alex@frontline.example', name: 'Alex Agent', password: 'alex-password-1' };
const BEA = { email: 'bea@frontline.example', name: 'Bea Berg', password: 'bea-password-1' };
const CARL = { email: 'carl@acme.example', name: 'Carl Customer', password: 'carl-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  alex = await admin.createUser({ ...ALEX, role: 'agent' });
  bea = await admin.createUser({ ...BEA, role: 'agent' });
  await admin.createUser({ ...CARL, role: 'customer', organization: 'Acme' });
  alexApi = await Api.signIn(server.url, ALEX.email, ALEX.password);
  beaApi = await Api.signIn(server.url, BEA.email, BEA.password);
  carlApi = await Api.signIn(server.url, CARL.email, CARL.password);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedInAlex(viewport) {
  const p = await newPerson(browser, server.url, viewport ? { viewport } : {});
  await signInThroughForm(p.page, ALEX.email, ALEX.password);
  await p.page.waitForURL('**/console');
  return p;
}

const bellOf = (page) => page.getByRole('button', { name: /^Notifications/ });

async function readAll() {
  await alexApi.post('/notifications/read', { all: true });
}

test('a ticket assigned to me by a colleague shows on the bell live, and opening it goes to the ticket and marks it read', { timeout: 60_000 }, async () => {
  await readAll();
  const t = await carlApi.post('/tickets', { subject: 'Printer on fire', body: 'Smoke from tray 2.' });
  const { page, context } = await signedInAlex();
  const bell = bellOf(page);
  await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  await page.locator('.live-live').waitFor();

  await beaApi.patch(`/tickets/${t.number}`, { assignee_id: alex.id });
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor(); // no reload
  assert.equal(page.url().endsWith('/console'), true, 'still on the queue: the count came live');

  await bell.click();
  assert.equal(await bell.getAttribute('aria-expanded'), 'true');
  const panel = page.getByRole('region', { name: 'Notifications' });
  const item = panel.getByRole('link', { name: `Unread: Bea Berg assigned #${t.number} Printer on fire to you` });
  await item.waitFor();
  await screenshot(page, 'notifications-panel');
  assert.deepEqual(await axeViolations(page, 'notifications panel'), []);

  await item.click();
  await page.waitForURL(`**/console/tickets/${t.number}`);
  await page.getByRole('heading', { level: 1, name: 'Printer on fire' }).waitFor();
  await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  assert.equal(await panel.isVisible(), false, 'the panel closed');
  const stored = await alexApi.get('/notifications');
  assert.equal(stored.unread, 0);
  assert.equal(stored.items.find((n) => n.ticket_number === t.number && n.kind === 'assigned')?.read, true);

  // Opened again, it says the notification was read; Esc closes and focus is back on the bell.
  await bell.click();
  await panel.getByRole('link', { name: `Bea Berg assigned #${t.number} Printer on fire to you`, exact: true }).waitFor();
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  assert.equal(await bell.evaluate((b) => b === document.activeElement), true, 'focus is back on the bell');
  await context.close();
});

test('a customer reply on my ticket and a colleague’s @mention notify me; the mention’s author is not notified', { timeout: 60_000 }, async () => {
  await readAll();
  await beaApi.post('/notifications/read', { all: true });
  const t = await carlApi.post('/tickets', { subject: 'VPN drops every hour', body: 'Since Monday.' });
  await beaApi.patch(`/tickets/${t.number}`, { assignee_id: alex.id });
  await readAll(); // the assignment is not what this test is about
  const { page, context } = await signedInAlex();
  await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  await page.locator('.live-live').waitFor();

  await carlApi.post(`/tickets/${t.number}/messages`, { kind: 'public', body: 'It dropped again just now.' });
  await page.getByRole('button', { name: 'Notifications, 1 unread' }).waitFor();
  await beaApi.post(`/tickets/${t.number}/messages`, { kind: 'internal', body: '@Alex Agent can you check the tunnel logs? @bea will call them.' });
  await page.getByRole('button', { name: 'Notifications, 2 unread' }).waitFor();

  await bellOf(page).click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  const items = panel.getByRole('listitem');
  await eventually(async () => (await items.count()) >= 2, { what: 'two notifications listed' });
  // Newest first.
  assert.match(await items.nth(0).innerText(), new RegExp(`Bea Berg mentioned you on #${t.number} VPN drops every hour`));
  assert.match(await items.nth(1).innerText(), new RegExp(`The customer replied on #${t.number} VPN drops every hour`));

  const beas = await beaApi.get('/notifications');
  assert.equal(beas.items.filter((n) => n.kind === 'mentioned').length, 0, 'writing "@bea" in one’s own note notifies nobody');

  await panel.getByRole('button', { name: 'Mark all read' }).click();
  await page.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
  assert.equal((await alexApi.get('/notifications?unread=true')).unread, 0);
  assert.equal(await panel.locator('.notification.unread').count(), 0, 'nothing is marked unread any more');
  await context.close();
});

test('on a phone the bell stays in the header and its panel fits the screen', { timeout: 60_000 }, async () => {
  const t = await carlApi.post('/tickets', { subject: 'Keyboard types ß instead of ? on the meeting-room PC', body: 'Layout.' });
  await beaApi.patch(`/tickets/${t.number}`, { assignee_id: alex.id });
  const PHONE = { width: 390, height: 844 };
  const { page, context } = await signedInAlex(PHONE);
  const bell = page.getByRole('button', { name: /^Notifications, \d+ unread$/ });
  await bell.waitFor();
  assert.equal(await page.getByRole('button', { name: 'Menu' }).isVisible(), true, 'the phone layout');
  await bell.click();
  const panel = page.getByRole('region', { name: 'Notifications' });
  await panel.getByRole('link', { name: new RegExp(`#${t.number} Keyboard types`) }).waitFor();
  const box = await panel.boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width && box.y >= 0 && box.y < PHONE.height / 2, `the panel is on the screen, at its top (${box.x},${box.y} ${box.width} wide)`);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth }));
  assert.ok(scrollWidth <= innerWidth, `no sideways scrolling (page is ${scrollWidth} px wide)`);
  await screenshot(page, 'phone-notifications');
  assert.deepEqual(await axeViolations(page, 'phone notifications'), []);
  await page.keyboard.press('Escape');
  await panel.waitFor({ state: 'hidden' });
  await context.close();
});

test('a customer sees no bell and may not read notifications', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, server.url);
  await signInThroughForm(page, CARL.email, CARL.password);
  await page.waitForURL('**/portal');
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: /Notifications/ }).count(), 0, 'no bell in the portal');
  const res = await fetch(`${server.url}/api/v1/notifications`, { headers: { Cookie: carlApi.cookie, Accept: 'application/json' } });
  assert.equal(res.status, 403);
  await context.close();
});
