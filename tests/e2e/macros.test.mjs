// Focus of this file: macros in the browser — an admin adds a shared macro under Admin → Macros,
// a technician adds a personal one under My macros, and applies one from the ticket page with
// the keyboard: the fields change and the reply appears with its placeholders filled. axe runs
// on both macro screens and on the ticket page with the picker.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let ticket;
const agent = { email: 'mac@frontline.example', name: 'Mac Agent', password: 'mac-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...agent, role: 'agent' });
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
  await form.getByLabel('Assign to whoever applies it').check();
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
