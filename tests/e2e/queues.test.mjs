// Focus of this file: the console's queues — counts, team queue, sortable columns, keyboard
// moves, the search box and saved filters written in the search language.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let page;
const agent = { email: 'quinn@frontline.example', name: 'Quinn Queue', password: 'quinn-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const me = await admin.createUser({ ...agent, role: 'agent' });
  const team = await admin.post('/teams', { name: 'Network', member_ids: [me.id] });
  const open = (subject, priority) =>
    admin.post('/tickets', { subject, body: `${subject}, please help.`, priority, requester_email: 'rita@acme.example', requester_name: 'Rita Requester' });
  await open('Printer on floor 2 jams', 'low');
  const wifi = await open('Wi-Fi keeps dropping', 'urgent');
  await open('Printer toner empty', 'normal');
  await admin.patch(`/tickets/${wifi.number}`, { assignee_id: me.id, team_id: team.id, status: 'open' });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, agent.email, agent.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const nav = () => page.getByRole('navigation', { name: 'Queues' });
const rowNumbers = async () => page.locator('tbody tr').evaluateAll((rows) => rows.map((r) => Number(r.dataset.ticket)));

test('queues show counts, including the technician’s team queue', { timeout: 60_000 }, async () => {
  await page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  await nav().getByLabel('2 tickets').waitFor();
  assert.match(await nav().getByRole('link', { name: /Unassigned/ }).innerText(), /2/);
  assert.match(await nav().getByRole('link', { name: /My tickets/ }).innerText(), /1/);
  await nav().getByRole('link', { name: /Team Network/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Team Network' }).waitFor();
  // "My tickets" showed #2 as well: wait until the team queue's own list is in.
  await page.getByText('1 ticket', { exact: true }).waitFor();
  await eventually(async () => JSON.stringify(await rowNumbers()) === '[2]', { what: 'the team queue to list #2 only' });
});

test('columns sort both ways and j/k move through the rows', { timeout: 60_000 }, async () => {
  await nav().getByRole('link', { name: /All open/ }).click();
  await page.getByRole('heading', { level: 1, name: 'All open' }).waitFor();
  const numberHeader = page.getByRole('columnheader', { name: '#' });
  await numberHeader.getByRole('link').click();
  await page.waitForURL(/sort=number&order=asc/);
  assert.equal(await numberHeader.getAttribute('aria-sort'), 'ascending');
  await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-ticket') === '1');
  assert.deepEqual(await rowNumbers(), [1, 2, 3]);
  await numberHeader.getByRole('link').click();
  await page.waitForURL(/order=desc/);
  assert.equal(await numberHeader.getAttribute('aria-sort'), 'descending');
  await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-ticket') === '3');
  const priorityHeader = page.getByRole('columnheader', { name: 'Priority' });
  await priorityHeader.getByRole('link').click();
  await page.waitForURL(/sort=priority/);
  await page.waitForFunction(() => document.querySelector('tbody tr')?.getAttribute('data-ticket') === '2');

  await page.locator('body').press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('k');
  await page.keyboard.press('j');
  const focused = await page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-ticket'));
  assert.equal(focused, String((await rowNumbers())[1]));
});

test('a search in the search language can be saved as a filter, run again and deleted', { timeout: 60_000 }, async () => {
  await page.locator('body').press('/');
  const box = page.getByRole('searchbox', { name: 'Search tickets' });
  assert.equal(await box.evaluate((el) => el === document.activeElement), true, '"/" focuses the search box');
  await box.fill('printer status:new');
  await box.press('Enter');
  await page.getByRole('heading', { level: 1, name: 'Search: printer status:new' }).waitFor();
  // The previous queue showed these tickets too: wait for the search's own rows.
  await eventually(async () => JSON.stringify((await rowNumbers()).sort()) === '[1,3]', { what: 'the search results #1 and #3' });

  await page.getByRole('button', { name: 'Save this search as a filter' }).click();
  await page.getByLabel('Filter name').fill('New printer tickets');
  await page.getByRole('button', { name: 'Save filter' }).click();
  const saved = nav().getByRole('link', { name: 'New printer tickets' });
  await saved.waitFor();

  await nav().getByRole('link', { name: /My tickets/ }).click();
  await page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  await saved.click();
  await page.getByRole('heading', { level: 1, name: 'Search: printer status:new' }).waitFor();
  await page.getByRole('link', { name: 'Printer on floor 2 jams' }).waitFor();

  await nav().getByRole('button', { name: 'Delete filter New printer tickets' }).click();
  await saved.waitFor({ state: 'detached' });
});

async function search(text) {
  const box = page.getByRole('searchbox', { name: 'Search tickets' });
  await box.fill(text);
  await box.press('Enter');
  await page.getByRole('heading', { level: 1, name: `Search: ${text}` }).waitFor();
}

test('an invalid search names what is wrong, stops “Loading…” and offers no saving', { timeout: 60_000 }, async () => {
  await search('printer status:bogus');
  const alert = page.getByRole('alert').filter({ hasText: 'This search cannot run.' });
  await alert.waitFor();
  assert.match(await alert.innerText(), /There is no status 'bogus'; use one of new, open/);
  assert.equal(await page.getByText('Loading…').count(), 0, 'the count does not wait forever');
  assert.equal(await page.getByRole('button', { name: 'Save this search as a filter' }).count(), 0);
  assert.equal(await page.getByText('No tickets here. Nice work.').count(), 0);
  assert.deepEqual(await axeViolations(page, 'search-invalid'), []);
});

test('category:Name finds the tickets of an existing category, and an unknown one is named', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.post('/categories', { name: 'Hardware' });
  await admin.patch('/tickets/3', { category: 'Hardware' });
  await search('category:hardware');
  await eventually(async () => JSON.stringify(await rowNumbers()) === '[3]', { what: 'ticket #3 of category Hardware' });
  await page.getByText('1 ticket', { exact: true }).waitFor();
  await search('category:Hardwear');
  await page.getByRole('alert').filter({ hasText: 'There is no category named "Hardwear".' }).waitFor();
});

test('“My tickets” counts my unsolved tickets only, not the resolved ones', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const me = (await admin.get('/users?role=agent')).items.find((u) => u.email === agent.email);
  const t = await admin.post('/tickets', { subject: 'Done already', body: 'Fixed.', requester_email: 'rita@acme.example' });
  await admin.patch(`/tickets/${t.number}`, { assignee_id: me.id });
  await admin.patch(`/tickets/${t.number}`, { status: 'resolved' });
  await page.goto('/console');
  await page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  await eventually(async () => JSON.stringify(await rowNumbers()) === '[2]', { what: 'only the open ticket #2 in My tickets' });
  assert.match(await nav().getByRole('link', { name: /My tickets/ }).innerText(), /\b1\b/);
});

test('“#2” in the search box opens ticket #2', { timeout: 60_000 }, async () => {
  await page.goto('/console');
  const box = page.getByRole('searchbox', { name: 'Search tickets' });
  await box.fill('#2');
  await box.press('Enter');
  await page.waitForURL('**/console/tickets/2');
  await page.getByRole('heading', { level: 1, name: 'Wi-Fi keeps dropping' }).waitFor();
});
