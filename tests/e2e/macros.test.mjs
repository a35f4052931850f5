// Focus of this file: macros in the browser — an admin adds a shared macro under Admin → Macros,
// a technician adds a personal one under My macros, and applies one from the ticket page with
// the keyboard: the fields change and the reply appears with its placeholders filled; a macro
// that sets a team, a category and an assignee (or clears them) does so when applied. axe runs
// on both macro screens and on the ticket page with the picker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let ticket;
let mac;
const agent = { email: 'mac@frontline.example', name: 'Mac Agent', password: 'mac-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  mac = await admin.createUser({ ...agent, role: 'agent' });
  await admin.post('/teams', { name: 'Network', member_ids: [mac.id] });
  await admin.post('/categories', { name: 'Remote access' });
  ticket = await admin.post('/tickets', {
    subject: 'VPN drops every hour',
    body: 'It drops again.',
    requester_email: 'vera@acme.example',
    requester_name: 'Vera Requester',
  });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('an admin adds a shared macro under Admin → Macros', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/macros');
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Macros' }).waitFor();
  await page.getByRole('heading', { level: 1, name: 'Shared macros' }).waitFor();
  const form = page.getByRole('form', { name: 'New macro' });
  await form.getByLabel('Name').fill('Escalate to urgent');
  await form.getByLabel('Set priority').selectOption('urgent');
  await form.getByLabel('Add tags').fill('escalated');
  await form.getByRole('button', { name: 'Add macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Added Escalate to urgent' }).waitFor();
  await page.getByRole('list', { name: 'Shared macros' }).getByText('priority Urgent').waitFor();
  assert.deepEqual(await axeViolations(page, 'admin macros'), []);
  const shared = (await admin.get('/macros')).items;
  assert.equal(shared.length, 1);
  assert.equal(shared[0].scope, 'shared');
});

test('a technician adds a personal macro and applies it from the ticket page by keyboard', { timeout: 90_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, agent.email, agent.password);
  await page.waitForURL('**/console');
  await page.getByRole('link', { name: 'My macros' }).click();
  await page.getByRole('heading', { level: 1, name: 'My macros' }).waitFor();
  const form = page.getByRole('form', { name: 'New macro' });
  await form.getByLabel('Name').fill('Waiting on customer');
  await form.getByLabel('Set status').selectOption('pending');
  await form.getByLabel('Assign to', { exact: true }).selectOption({ label: 'Whoever applies it' });
  await form.getByLabel('Reply text').fill('Hello {{recipient_name}}, could you send the log for #{{ticket_number}}? — {{author_name}}');
  await form.getByRole('button', { name: 'Add macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Added Waiting on customer' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'my macros'), []);

  await page.goto(`/console/tickets/${ticket.number}`);
  await page.getByRole('heading', { level: 1, name: /VPN drops every hour/ }).waitFor();
  const picker = page.getByLabel('Macro', { exact: true });
  await picker.waitFor();
  // Keyboard only: focus the picker, choose with the arrow keys, Tab to the button, Enter.
  await picker.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.equal(await picker.evaluate((s) => s.options[s.selectedIndex].text), 'Waiting on customer (mine)');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Apply macro');
  await page.keyboard.press('Enter');
  await page.getByRole('status').filter({ hasText: 'Applied Waiting on customer' }).waitFor();
  await page.getByText(`Hello Vera Requester, could you send the log for #${ticket.number}? — Mac Agent`).waitFor();
  assert.deepEqual(await axeViolations(page, 'ticket page with macro picker'), []);

  const t = await admin.get(`/tickets/${ticket.number}`);
  const me = (await admin.get('/users?role=agent')).items.find((u) => u.email === agent.email);
  assert.equal(t.status, 'pending');
  assert.equal(t.assignee_id, me.id);
  // A personal macro is the technician's alone.
  assert.deepEqual((await admin.get('/macros')).items.map((m) => m.name), ['Escalate to urgent']);
});

test('a macro sets team, category and assignee when applied, and another clears them', { timeout: 90_000 }, async () => {
  const t = await admin.post('/tickets', { subject: 'Cannot reach the VPN portal', body: 'Timeout.', requester_email: 'vera@acme.example' });
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/macros');
  const form = page.getByRole('form', { name: 'New macro' });
  await form.getByLabel('Name').fill('Hand to network');
  await form.getByLabel('Assign to', { exact: true }).selectOption({ label: 'Mac Agent' });
  await form.getByLabel('Set team').selectOption({ label: 'Network' });
  await form.getByLabel('Set category').selectOption({ label: 'Remote access' });
  await form.getByRole('button', { name: 'Add macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Added Hand to network' }).waitFor();
  const list = page.getByRole('list', { name: 'Shared macros' });
  await list.getByText('assign to Mac Agent; team Network; category Remote access').waitFor();

  await form.getByLabel('Name').fill('Back to the pool');
  await form.getByLabel('Assign to', { exact: true }).selectOption({ label: 'Nobody (unassign)' });
  await form.getByLabel('Set team').selectOption({ label: 'No team (clear it)' });
  await form.getByLabel('Set category').selectOption({ label: 'No category (clear it)' });
  await form.getByRole('button', { name: 'Add macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Added Back to the pool' }).waitFor();
  await list.getByText('unassign; no team; no category').waitFor();
  assert.deepEqual(await axeViolations(page, 'admin macros with team, category and assignee'), []);
  const pool = (await admin.get('/macros')).items.find((m) => m.name === 'Back to the pool');
  assert.deepEqual(pool.changes, { assignee_id: null, team_id: null, category: '' }, 'clearing is sent as null ids and an empty category');

  // Editing shows what the macro sets.
  await page.getByRole('button', { name: 'Edit macro Hand to network' }).click();
  const edit = page.getByRole('form', { name: 'Edit macro Hand to network' });
  assert.equal(await edit.getByLabel('Set team').evaluate((s) => s.options[s.selectedIndex].text), 'Network');
  assert.equal(await edit.getByLabel('Set category').evaluate((s) => s.options[s.selectedIndex].text), 'Remote access');
  assert.equal(await edit.getByLabel('Assign to', { exact: true }).evaluate((s) => s.options[s.selectedIndex].text), 'Mac Agent');
  await edit.getByRole('button', { name: 'Cancel' }).click();

  await page.goto(`/console/tickets/${t.number}`);
  await page.getByRole('heading', { level: 1, name: /Cannot reach the VPN portal/ }).waitFor();
  const picker = page.getByLabel('Macro', { exact: true });
  await picker.selectOption({ label: 'Hand to network' });
  await page.getByText('assign to Mac Agent; team Network; category Remote access').waitFor();
  await page.getByRole('button', { name: 'Apply macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Applied Hand to network' }).waitFor();
  const team = (await admin.get('/teams')).items.find((x) => x.name === 'Network');
  let after = await admin.get(`/tickets/${t.number}`);
  assert.equal(after.assignee_id, mac.id);
  assert.equal(after.team_id, team.id);
  assert.equal(after.category, 'Remote access');

  await picker.selectOption({ label: 'Back to the pool' });
  await page.getByRole('button', { name: 'Apply macro' }).click();
  await page.getByRole('status').filter({ hasText: 'Applied Back to the pool' }).waitFor();
  after = await admin.get(`/tickets/${t.number}`);
  assert.equal(after.assignee_id, null);
  assert.equal(after.team_id, null);
  assert.equal(after.category, '');
});
