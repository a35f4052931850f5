// Focus of this file: escalation and promises in the console (docs/escalation.md) — a technician
// escalates a ticket to another team with a summary from the ticket page (the panel shows it on
// top, the ticket moves to that team's queue), a missing summary is refused at its field, they
// record a promise, find it on /console/promises (and not under "Broken"), and mark it kept there;
// they escalate to a contact of the ticket's service (its call tree and hours shown to choose it)
// and then to another service's contact found by search, and the panel and the history name them.
// axe on the ticket page with both panels, with the contact chooser open, and on /console/promises.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let ticket;
let tina;
let desk;
let tier2;
let records;
let billing;
const tech = { email: 'tina@frontline.example', name: 'Tina Ticket', password: 'tina-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  tina = await admin.createUser({ ...tech, role: 'agent' });
  const tom = await admin.createUser({ email: 'tom@frontline.example', name: 'Tom Tier', role: 'agent', password: 'tom-password-1' });
  desk = await admin.post('/teams', { name: 'Service desk', member_ids: [tina.id] });
  tier2 = await admin.post('/teams', { name: 'Tier 2', member_ids: [tom.id] });
  const created = await admin.post('/tickets', { subject: 'VPN drops every hour', body: 'Since Monday.', requester_email: 'caller@agency.example' });
  records = await admin.post('/services', {
    name: 'Federal records database',
    team_id: tier2.id,
    contacts: [
      { kind: 'email', value: 'records-help@agency.example' },
      { kind: 'phone', value: '+1 555 0100', call_tree: [{ press: '2', then: 'database team' }, { press: '4', then: 'outages' }], hours: 'Mon-Fri 8-18', time_zone: 'America/New_York', escalation: true },
    ],
  });
  billing = await admin.post('/services', { name: 'Billing portal', keywords: ['invoices'], contacts: [{ kind: 'phone', value: '+1 555 0200', call_tree: [{ press: '9', then: 'billing on call' }] }] });
  ticket = await admin.patch(`/tickets/${created.number}`, { team_id: desk.id, assignee_id: tina.id, status: 'open', service_id: records.id }, { 'If-Match': `"${created.version}"` });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}

const escalation = () => page.getByRole('region', { name: 'Escalation' });
const promises = () => page.getByRole('region', { name: 'Promises' });

test('a summary is required to escalate, refused at its field', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await page.getByRole('heading', { level: 1, name: 'VPN drops every hour' }).waitFor();
  await escalation().getByText('Not escalated.').waitFor();
  await escalation().getByLabel('Team', { exact: true }).selectOption({ label: 'Tier 2' });
  await escalation().getByRole('button', { name: 'Escalate' }).click();
  await escalation().getByText('Write a summary for the team').waitFor();
  assert.equal(await escalation().getByLabel('Summary').getAttribute('aria-invalid'), 'true');
  assert.equal((await admin.get(`/tickets/${ticket.number}`)).escalation, null);
});

test('a technician escalates the ticket to another team with a summary', { timeout: 90_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await escalation().getByText('Not escalated.').waitFor();
  // The team the ticket is in is not offered.
  const offered = await escalation().getByLabel('Team', { exact: true }).locator('option').allInnerTexts();
  assert.deepEqual(offered, ['Choose a team…', 'Tier 2']);
  await escalation().getByLabel('Team', { exact: true }).selectOption({ label: 'Tier 2' });
  await escalation().getByLabel('Summary').fill('VPN client reinstalled; logs show certificate errors');
  await escalation().getByRole('button', { name: 'Escalate' }).click();
  await escalation().getByText('Escalated to team Tier 2').first().waitFor();
  await escalation().getByText('VPN client reinstalled; logs show certificate errors').waitFor();
  await escalation().getByText('By Tina Ticket').waitFor();
  await escalation().getByRole('button', { name: 'De-escalate' }).waitFor();
  const now = await admin.get(`/tickets/${ticket.number}`);
  assert.equal(now.team_id, tier2.id, 'the ticket moved to the team escalated to');
  assert.equal(now.escalation?.team_id, tier2.id);
  assert.equal(now.escalation?.by?.id, tina.id);
  assert.equal(now.escalation?.summary, 'VPN client reinstalled; logs show certificate errors');
  await page.getByText('escalated it to team Tier 2').waitFor();
});

test('a technician records a promise on the ticket', { timeout: 90_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await promises().getByText('No promises on this ticket.').waitFor();
  // Two days ahead at 15:00 in the browser's time zone, as the datetime-local input takes it.
  const { local, utc } = await page.evaluate(() => {
    const d = new Date();
    d.setDate(d.getDate() + 2);
    d.setHours(15, 0, 0, 0);
    const p = (n) => String(n).padStart(2, '0');
    return { local: `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T15:00`, utc: d.toISOString().replace(/\.\d{3}Z$/, 'Z') };
  });
  await promises().getByRole('button', { name: 'Record the promise' }).click();
  await promises().getByText('Enter when it is due.').waitFor();
  await promises().getByLabel('Due').fill(local);
  await promises().getByLabel('Promise').fill('I will call you back once Tier 2 has looked at the logs');
  await promises().getByRole('button', { name: 'Record the promise' }).click();
  const list = promises().getByRole('list', { name: 'Promises on this ticket' });
  await list.getByText('I will call you back once Tier 2 has looked at the logs', { exact: true }).waitFor();
  await list.getByText('Open', { exact: true }).waitFor();
  await list.getByRole('button', { name: 'Kept (I will call you back once Tier 2 has looked at the logs)' }).waitFor();
  const saved = await admin.get(`/tickets/${ticket.number}/promises`);
  assert.equal(saved.items.length, 1);
  assert.equal(saved.items[0].due_at, utc);
  assert.equal(saved.items[0].owner.id, tina.id);
  await noViolations('ticket-escalation-promises');
});

test('the promise is on /console/promises, not under Broken, and is marked kept there', { timeout: 90_000 }, async () => {
  await page.goto('/console');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Promises' }).click();
  await page.waitForURL('**/console/promises');
  await page.getByRole('heading', { level: 1, name: 'Promises due' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'I will call you back' });
  await row.getByRole('link', { name: `#${ticket.number}` }).waitFor();
  await row.getByText('Tina Ticket').waitFor();
  await noViolations('console-promises');

  await page.getByRole('navigation', { name: 'Promises' }).getByRole('link', { name: 'Broken' }).click();
  await page.getByRole('heading', { level: 1, name: 'Broken promises' }).waitFor();
  await page.getByText('No broken promises.').waitFor();
  await page.getByRole('navigation', { name: 'Promises' }).getByRole('link', { name: 'Due' }).click();

  await row.getByRole('button', { name: /^Kept/ }).click();
  await page.getByText('No promises due.').waitFor();
  const [kept] = (await admin.get(`/tickets/${ticket.number}/promises`)).items;
  assert.equal(kept.state, 'kept');
  assert.equal(kept.kept_by, tina.id);

  await row.waitFor({ state: 'detached' });
  await page.goto(`/console/tickets/${ticket.number}`);
  await promises().getByText('Kept', { exact: true }).waitFor();
  assert.equal(await promises().getByRole('button', { name: /^Kept/ }).count(), 0);
});

test('the Reports screen counts the kept promise for its technician', { timeout: 60_000 }, async () => {
  await page.goto('/console/reports');
  const section = page.getByRole('region', { name: 'Promises kept and broken' });
  // The inputs are filled when the server's answer (its default range) has come.
  const from = await eventually(() => section.getByLabel('Due from').inputValue(), { what: 'the default range' });
  assert.match(from, /^\d{4}-\d{2}-\d{2}$/, 'the server\'s default range fills the inputs');
  // The promise is due in two days: widen the range to take it in.
  const later = await page.evaluate(() => new Date(Date.now() + 4 * 86400_000).toISOString().slice(0, 10));
  await section.getByLabel('Due to').fill(later);
  const row = section.getByRole('row').filter({ hasText: 'Tina Ticket' });
  await row.waitFor();
  assert.deepEqual(await row.locator('td').allInnerTexts(), ['1', '0', '0', '0', '100%']);
  await noViolations('reports-promises');
});

test('de-escalating returns the ticket to the team it came from', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await escalation().getByRole('button', { name: 'De-escalate' }).click();
  await escalation().getByText('Not escalated.').waitFor();
  const now = await admin.get(`/tickets/${ticket.number}`);
  assert.equal(now.escalation, null);
  assert.equal(now.team_id, desk.id);
});

test('a technician escalates to a contact of the ticket\'s service, then to another service\'s contact found by search', { timeout: 90_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await escalation().getByText('Not escalated.').waitFor();
  // The history names the service, not its number.
  await page.getByText('set the service to Federal records database').waitFor();
  await escalation().getByLabel('A contact in the service directory').check();
  const own = escalation().getByRole('radiogroup', { name: 'Contacts of Federal records database' });
  // The escalation contact comes first, with its call tree and hours to choose by. (The list
  // fills in when the directory's answer comes: wait for it before reading all of it.)
  await own.locator('label').nth(1).waitFor();
  const labels = await own.locator('label').allInnerTexts();
  assert.match(labels[0], /^Phone \+1 555 0100/);
  assert.match(labels[1], /^Email records-help@agency\.example/);
  await own.getByRole('list', { name: 'Call tree for +1 555 0100' }).getByText('Press 2: database team').waitFor();
  await own.getByText('Hours: Mon-Fri 8-18 (America/New_York)').waitFor();
  await escalation().getByRole('button', { name: 'Escalate', exact: true }).click();
  await escalation().getByText('Choose the contact to escalate to.').waitFor();
  await noViolations('ticket-escalate-to-contact');

  await own.getByLabel(/^Phone \+1 555 0100/).check();
  await escalation().getByLabel('Summary').fill('Records lookups time out; the agency sees it too');
  await escalation().getByRole('button', { name: 'Escalate', exact: true }).click();
  const current = escalation().locator('.escalation-current');
  await current.getByText('Escalated to phone +1 555 0100 (Federal records database)').waitFor();
  await current.getByRole('link', { name: 'Federal records database' }).waitFor();
  await current.getByRole('list', { name: 'Call tree for +1 555 0100' }).getByText('Press 4: outages').waitFor();
  await current.getByText('Hours: Mon-Fri 8-18').waitFor();
  let now = await admin.get(`/tickets/${ticket.number}`);
  assert.equal(now.escalation?.contact_id, records.contacts.find((c) => c.kind === 'phone').id);
  assert.equal(now.team_id, desk.id, 'a contact escalation leaves the ticket in its team');
  await page.getByText('escalated it to phone +1 555 0100 (Federal records database)').waitFor();

  // Further, to another service's contact found by a keyword.
  await escalation().getByLabel('A contact in the service directory').check();
  await escalation().getByLabel('Or another service').fill('invoices');
  await escalation().getByRole('radiogroup', { name: 'Matching services' }).getByLabel(/^Billing portal/).check();
  await escalation().getByRole('radiogroup', { name: 'Contacts of Billing portal' }).getByLabel(/^Phone \+1 555 0200/).check();
  await escalation().getByLabel('Summary').fill('Invoices for the lookups fail as well');
  await escalation().getByRole('button', { name: 'Escalate', exact: true }).click();
  await current.getByText('Escalated to phone +1 555 0200 (Billing portal)').waitFor();
  now = await admin.get(`/tickets/${ticket.number}`);
  assert.equal(now.escalation?.service_id, billing.id);
  await escalation().getByRole('button', { name: 'De-escalate' }).click();
  await current.getByText('Escalated to phone +1 555 0100 (Federal records database)').waitFor();
});
