// Focus of this file: logging a phone call — for a new caller and for a known one — shows the
// ticket number at once and opens a ticket with channel "phone" for the right requester; the
// caller's problem is public, the technician's call notes internal, the call is in the history.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
const tech = { email: 'phil@frontline.example', name: 'Phil Phones', password: 'phil-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const phil = await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ email: 'olga@globex.example', name: 'Olga Known', role: 'customer', password: 'olga-password-1' });
  await admin.post('/teams', { name: 'Service desk', member_ids: [phil.id] });
  await admin.post('/categories', { name: 'Printing' });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function createdNumber() {
  const status = page.getByRole('status').filter({ hasText: /Ticket #\d+ created/ });
  await status.waitFor();
  return Number((await status.innerText()).match(/Ticket #(\d+) created/)[1]);
}

test('logging a call from a new caller shows the ticket number at once and opens a phone ticket', { timeout: 60_000 }, async () => {
  await page.getByRole('link', { name: 'Log a call' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log a phone call' }).waitFor();
  await page.getByLabel('Find the caller').fill('Zed Newcaller');
  await page.getByText('Nobody found').waitFor();
  await page.getByLabel('Caller’s name').fill('Zed Newcaller');
  await page.getByLabel('Caller’s email').fill('zed@initech.example');
  await page.getByLabel('Subject').fill('Laptop will not boot');
  await page.getByLabel(/The caller’s problem/).fill('Black screen after the logo; tried a hard reset.');
  await page.getByLabel('Priority').selectOption('high');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const number = await createdNumber();
  await screenshot(page, 'phone-call-created');

  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.channel, 'phone');
  assert.equal(t.subject, 'Laptop will not boot');
  assert.equal(t.priority, 'high');
  assert.equal(t.requester.email, 'zed@initech.example');
  assert.equal(t.requester.name, 'Zed Newcaller');
  await page.getByRole('link', { name: `Open ticket #${number}` }).waitFor();
});

test('logging a call from a known caller finds them by name and files the ticket under them', { timeout: 60_000 }, async () => {
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('olga');
  await page.getByRole('radio', { name: /Olga Known/ }).check();
  assert.equal(await page.getByLabel('Caller’s name').count(), 0, 'no new-caller fields once a caller is chosen');
  await page.getByLabel('Subject').fill('Password expired');
  await page.getByLabel(/The caller’s problem/).fill('Needs a reset, verified by callback.');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const number = await createdNumber();
  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.channel, 'phone');
  assert.equal(t.requester.email, 'olga@globex.example');
});

test('call notes stay internal: the customer sees the problem, not the notes, and the call is in the history', { timeout: 60_000 }, async () => {
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('olga');
  await page.getByRole('radio', { name: /Olga Known/ }).check();
  await page.getByLabel('Subject').fill('Printer offline');
  await page.getByLabel(/The caller’s problem \(the customer sees this\)/).fill('The printer on floor 2 says offline.');
  await page.getByLabel(/Your call notes \(internal/).fill('She sounded annoyed; verified her email.');
  await page.getByLabel(/Length of the call in minutes/).fill('7');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const number = await createdNumber();

  // The next call is someone else: the previous caller is no longer chosen.
  assert.equal(await page.getByRole('radio', { name: /Olga Known/ }).count(), 0, 'the previous caller is not offered as chosen');
  assert.equal(await page.getByLabel('Find the caller').inputValue(), '');
  await page.getByLabel('Caller’s name').waitFor();

  const olga = await Api.signIn(server.url, 'olga@globex.example', 'olga-password-1');
  const seen = await olga.get(`/tickets/${number}/messages`);
  const bodies = seen.items.map((m) => m.body).join('\n');
  assert.match(bodies, /floor 2 says offline/);
  assert.doesNotMatch(bodies, /annoyed/, 'the customer never sees the call notes');
  const theirEvents = await olga.get(`/tickets/${number}/events`).catch(() => ({ items: [] }));
  assert.ok(!theirEvents.items.some((e) => e.type === 'call.logged'), 'the call record is internal');

  const staffView = await admin.get(`/tickets/${number}/messages`);
  const note = staffView.items.find((m) => m.kind === 'internal');
  assert.equal(note?.body, 'She sounded annoyed; verified her email.');
  assert.equal(staffView.items.find((m) => m.kind === 'public')?.author.name, 'Olga Known', 'the problem is the caller’s words');

  await page.goto(`/console/tickets/${number}`);
  await page.getByText('Phil Phones (you) took a phone call from the requester (7 minutes)').waitFor();
  await page.getByText(/Internal note · only staff can see this/).waitFor();
});

test('customers cannot log a call: the server refuses call notes from them', { timeout: 30_000 }, async () => {
  const olga = await Api.signIn(server.url, 'olga@globex.example', 'olga-password-1');
  await assert.rejects(
    olga.post('/tickets', { subject: 'Sneaky', body: 'hello', call_notes: 'pretend staff note' }),
    /→ 403/,
  );
});

test('a logged call is assigned to whoever took it, with the chosen team and category', { timeout: 60_000 }, async () => {
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('olga');
  await page.getByRole('radio', { name: /Olga Known/ }).check();
  assert.equal(await page.getByLabel('Assign to').inputValue(), String((await admin.get('/users?role=agent')).items.find((u) => u.email === tech.email).id), 'assigned to me by default');
  await page.getByLabel('Subject').fill('Toner empty');
  await page.getByLabel(/The caller’s problem/).fill('The printer says toner empty.');
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Service desk' });
  await page.getByLabel('Category', { exact: true }).selectOption('Printing');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const number = await createdNumber();
  const t = await admin.get(`/tickets/${number}`);
  const phil = (await admin.get('/users?role=agent')).items.find((u) => u.email === tech.email);
  assert.equal(t.assignee_id, phil.id);
  assert.equal(t.category, 'Printing');
  const team = (await admin.get('/teams')).items.find((x) => x.name === 'Service desk');
  assert.equal(t.team_id, team.id);
});

test('a known caller’s open tickets are listed and the call can be added to one of them', { timeout: 60_000 }, async () => {
  const open = await admin.post('/tickets', { subject: 'Scanner jams', body: 'Jams on every page.', requester_email: 'olga@globex.example' });
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('olga');
  await page.getByRole('radio', { name: /Olga Known/ }).check();
  const choice = page.getByRole('radio', { name: new RegExp(`Add the call to #${open.number} Scanner jams`) });
  await choice.check();
  assert.equal(await page.getByLabel('Subject').count(), 0, 'no new ticket fields when adding to one');
  await page.getByLabel(/Your call notes/).fill('She quoted #' + open.number + '; still jamming after the cleaning.');
  await page.getByLabel(/Length of the call/).fill('3');
  assert.deepEqual(await axeViolations(page, 'phone-call-existing-ticket'), []);
  await page.getByRole('button', { name: `Add the call to #${open.number}` }).click();
  await page.getByRole('status').filter({ hasText: `Ticket #${open.number} updated` }).waitFor();
  const messages = await admin.get(`/tickets/${open.number}/messages`);
  assert.ok(messages.items.some((m) => m.kind === 'internal' && m.body.includes('still jamming')));
  const events = await admin.get(`/tickets/${open.number}/events`);
  const call = events.items.find((e) => e.type === 'call.logged');
  assert.equal(call?.data.minutes, 3);
});
