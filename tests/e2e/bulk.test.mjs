// Focus of this file: bulk actions on a queue selection in the browser — tick rows (by mouse and
// with x on the current row), set priority, assignee and a tag on all of them at once, see a
// ticket someone changed meanwhile named and left alone, remove tags from a selection only, and
// merge a selection into one ticket. axe runs on the queue with the bulk bar.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let me;
const tickets = [];
const agent = { email: 'bea@frontline.example', name: 'Bea Bulk', password: 'bea-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  me = await admin.createUser({ ...agent, role: 'agent' });
  for (const subject of ['Mail down in Leeds', 'Mail down in York', 'Mail down in Hull']) {
    tickets.push(
      await admin.post('/tickets', { subject, body: `${subject}.`, requester_email: 'olly@acme.example', requester_name: 'Olly Office' }),
    );
  }
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, agent.email, agent.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('tick rows with the mouse and x, then set priority, assignee and a tag on all of them', { timeout: 90_000 }, async () => {
  await page.goto('/console/queues/unassigned');
  await page.getByRole('heading', { level: 1, name: 'Unassigned' }).waitFor();
  await page.getByRole('heading', { name: /tick tickets, or press x/ }).waitFor();
  const [leeds, york, hull] = tickets;
  await page.getByLabel(`Select ticket #${leeds.number}`).check();
  // x ticks the row j moved to.
  await page.evaluate(() => document.activeElement?.blur());  // keys go to the list, not the checkbox
  await eventually(async () => {
    await page.keyboard.press('j');
    const current = await page.evaluate(() => document.activeElement?.closest('tr')?.dataset.ticket);
    return current === String(york.number);
  }, { what: 'the York row to be current' });
  await page.keyboard.press('x');
  assert.equal(await page.getByLabel(`Select ticket #${york.number}`).isChecked(), true);
  assert.equal(await page.getByLabel(`Select ticket #${hull.number}`).isChecked(), false);
  await page.getByRole('heading', { name: '2 tickets selected' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'queue with bulk bar'), []);

  // Someone else changes York after the queue showed it: York is named and left alone.
  await admin.patch(`/tickets/${york.number}`, { priority: 'low' });
  const bar = page.getByRole('form', { name: 'Change the selected tickets' });
  await bar.getByLabel('Priority').selectOption('high');
  await bar.getByLabel('Add tags').fill('mail-outage');
  await bar.getByRole('button', { name: 'Apply to 2 tickets' }).click();
  await page.getByRole('status').filter({ hasText: 'Done for 1 of 2 tickets.' }).waitFor();
  await page.getByRole('alert').filter({ hasText: `#${york.number}: someone else changed it meanwhile` }).waitFor();
  const l = await admin.get(`/tickets/${leeds.number}`);
  assert.equal(l.priority, 'high');
  assert.deepEqual(l.tags, ['mail-outage']);
  assert.equal((await admin.get(`/tickets/${york.number}`)).priority, 'low');

  // The queue refreshed York's version: the same selection now applies to both.
  await bar.getByLabel('Assign to').selectOption({ label: 'Me' });
  await bar.getByRole('button', { name: 'Apply to 2 tickets' }).click();
  await page.getByRole('status').filter({ hasText: 'Done for 2 of 2 tickets.' }).waitFor();
  for (const t of [leeds, york]) assert.equal((await admin.get(`/tickets/${t.number}`)).assignee_id, me.id);
});

test('remove tags from the selected tickets only', { timeout: 90_000 }, async () => {
  const made = [];
  for (const subject of ['Printer A offline', 'Printer B offline', 'Printer C offline']) {
    const t = await admin.post('/tickets', { subject, body: `${subject}.`, requester_email: 'olly@acme.example' });
    await admin.patch(`/tickets/${t.number}`, { tags: ['printer', 'vip', 'floor-2'] });
    made.push(t);
  }
  const [a, b, c] = made;
  await page.goto('/console/queues/unassigned');
  await page.locator(`tr[data-ticket="${c.number}"]`).waitFor();
  await page.getByLabel(`Select ticket #${a.number}`).check();
  await page.getByLabel(`Select ticket #${b.number}`).check();
  const bar = page.getByRole('form', { name: 'Change the selected tickets' });
  await bar.getByLabel('Remove tags').fill('vip, floor-2');
  await bar.getByRole('button', { name: 'Apply to 2 tickets' }).click();
  await page.getByRole('status').filter({ hasText: 'Done for 2 of 2 tickets.' }).waitFor();
  for (const t of [a, b]) assert.deepEqual((await admin.get(`/tickets/${t.number}`)).tags, ['printer'], `#${t.number} lost the two tags`);
  assert.deepEqual((await admin.get(`/tickets/${c.number}`)).tags.sort(), ['floor-2', 'printer', 'vip'], 'the unselected ticket keeps its tags');
  assert.equal(await bar.getByLabel('Remove tags').inputValue(), '', 'the field is emptied once applied');
});

test('merge a selection into one of its tickets', { timeout: 90_000 }, async () => {
  await page.goto('/console/queues/open');
  await page.getByRole('heading', { level: 1, name: 'All open' }).waitFor();
  const [leeds, york, hull] = tickets;
  await page.getByLabel(`Select ticket #${york.number}`).check();
  await page.getByLabel(`Select ticket #${hull.number}`).check();
  const merge = page.getByRole('form', { name: 'Merge the selected tickets' });
  await merge.getByLabel('Merge all into').selectOption(String(york.number));
  await merge.getByRole('button', { name: 'Merge' }).click();
  await page.getByRole('status').filter({ hasText: 'Done for 2 of 2 tickets.' }).waitFor();
  const h = await admin.get(`/tickets/${hull.number}`);
  assert.equal(h.merged_into, york.number);
  assert.equal(h.status, 'closed');
  assert.equal((await admin.get(`/tickets/${leeds.number}`)).merged_into, null);
});
