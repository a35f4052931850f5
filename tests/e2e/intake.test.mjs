// Focus of this file: intake questions in the browser — a customer choosing a category in the
// portal is asked its questions; a required one left empty is pointed out at that question; the
// answers (an error message kept with its line breaks, a choice, yes/no) show at the top of the
// ticket for the customer and for the technician; a technician logging a phone call about a
// service is asked the service's questions; a visitor starting a chat in the widget picks the
// category and answers its questions, which the technician reads on the chat's ticket; staff
// count tickets by an answer on the Reports page; an admin adds, reorders and deletes questions
// on the admin screen (an error shown at its field) and the portal's form asks the new one. axe
// on the form with its questions, both ticket pages, the widget's pre-form, the Reports page and
// the admin screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let customerPage;
let techPage;
let serialQuestion;
let vpn;
const customer = { email: 'ines@agency.example', name: 'Ines Intake', password: 'ines-password-1' };
const tech = { email: 'tom@frontline.example', name: 'Tom Tech', password: 'tom-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...customer, role: 'customer' });
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.post('/categories', { name: 'Hardware' });
  await admin.post('/intake-questions', { category: 'Hardware', kind: 'error_message', required: true, label: 'What exactly does the error say?', help: 'Paste it as it appears.' });
  await admin.post('/intake-questions', { category: 'Hardware', kind: 'choice', required: true, label: 'Machine type', choices: ['Laptop', 'Desktop'] });
  await admin.post('/intake-questions', { category: 'Hardware', kind: 'yes_no', key: 'others', label: 'Does anyone else in your organisation see it?' });
  serialQuestion = await admin.post('/intake-questions', { category: 'Hardware', kind: 'serial', key: 'serial', label: 'Serial number' });
  vpn = await admin.post('/services', { name: 'Agency VPN', public: true });
  await admin.post('/intake-questions', { service_id: vpn.id, kind: 'text', required: true, label: 'What happened right before?' });
  browser = await launchBrowser();
  ({ page: customerPage } = await newPerson(browser, server.url));
  await signInThroughForm(customerPage, customer.email, customer.password);
  await customerPage.waitForURL('**/portal');
  ({ page: techPage } = await newPerson(browser, server.url));
  await signInThroughForm(techPage, tech.email, tech.password);
  await techPage.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function accessible(page, name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}

test('a customer answers the category’s questions and sees the answers at the top of the ticket', { timeout: 90_000 }, async () => {
  const page = customerPage;
  await page.goto('/portal/new');
  await page.getByLabel('Subject').fill('Laptop will not start');
  await page.getByLabel('Description').fill('It stops at a black screen.');
  assert.equal(await page.getByTestId('intake-questions').count(), 0, 'no questions before a category is chosen');
  await page.getByLabel('Category').selectOption('Hardware');
  await page.getByLabel(/What exactly does the error say\?/).waitFor();
  await accessible(page, 'intake-portal-form');

  // A required question left empty is pointed out at that question, and nothing is sent.
  await page.getByLabel(/Machine type/).selectOption('Laptop');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await page.getByText('Please answer this question.').waitFor();
  const errorBox = page.getByLabel(/What exactly does the error say\?/);
  assert.equal(await errorBox.getAttribute('aria-invalid'), 'true');
  await accessible(page, 'intake-portal-form-errors');

  await errorBox.fill('STOP 0x0000007B\n  INACCESSIBLE_BOOT_DEVICE');
  await page.getByRole('radio', { name: 'No' }).check();
  await page.getByLabel(/Serial number/).fill('SN-ABC123');
  await page.getByRole('button', { name: 'Open ticket' }).click();
  await page.waitForURL(/\/portal\/tickets\/\d+/);
  const number = Number(page.url().match(/tickets\/(\d+)/)[1]);
  const answers = page.getByTestId('ticket-fields');
  await answers.waitFor();
  assert.match(await answers.innerText(), /Machine type\s+Laptop/);
  assert.match(await answers.innerText(), /Does anyone else in your organisation see it\?\s+No/);
  assert.equal(await answers.locator('pre').innerText(), 'STOP 0x0000007B\n  INACCESSIBLE_BOOT_DEVICE');
  await accessible(page, 'intake-portal-ticket');

  const t = await admin.get(`/tickets/${number}`);
  assert.deepEqual(t.fields.map((f) => [f.kind, f.value]), [
    ['error_message', 'STOP 0x0000007B\n  INACCESSIBLE_BOOT_DEVICE'],
    ['choice', 'Laptop'],
    ['yes_no', false],
    ['serial', 'SN-ABC123'],
  ]);
  const found = await admin.get(`/tickets?q=${encodeURIComponent('field:serial=sn-abc123')}`);
  assert.deepEqual(found.items.map((x) => x.number), [number]);

  // The technician sees the same answers at the top of the console's ticket page.
  await techPage.goto(`/console/tickets/${number}`);
  const staffAnswers = techPage.getByTestId('ticket-fields');
  await staffAnswers.waitFor();
  assert.match(await staffAnswers.innerText(), /Serial number\s+SN-ABC123/);
  await accessible(techPage, 'intake-console-ticket');
  assert.ok(serialQuestion.id > 0);
});

test('a technician logging a call about a service is asked the service’s questions', { timeout: 90_000 }, async () => {
  const page = techPage;
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('Ines');
  await page.getByRole('radio', { name: /Ines Intake/ }).check();
  await page.getByLabel('Find the service').fill('Agency VPN');
  await page.getByRole('radio', { name: /Agency VPN/ }).check();
  const question = page.getByLabel(/What happened right before\?/);
  await question.waitFor();
  await page.getByLabel('Subject').fill('VPN drops every hour');
  await page.getByLabel(/The caller’s problem/).fill('The VPN disconnects every hour.');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await page.getByText('Please answer this question.').waitFor();
  assert.equal(await question.getAttribute('aria-invalid'), 'true', 'the unanswered required question is marked');
  await question.fill('Installed the new client');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const status = page.getByRole('status').filter({ hasText: /Ticket #\d+ created/ });
  await status.waitFor();
  const number = Number((await status.innerText()).match(/Ticket #(\d+) created/)[1]);
  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.service_id, vpn.id);
  assert.deepEqual(t.fields.map((f) => f.value), ['Installed the new client']);
});

test('a visitor’s widget chat answers the category’s questions; the technician reads them on its ticket', { timeout: 90_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await page.goto('/widget.html');
  await page.getByLabel('Email (required)').fill('walk-in@visitor.example');
  await page.getByLabel('What is it about? (required)').fill('Desktop beeps three times');
  await page.getByLabel('Category (optional)').selectOption('Hardware');
  const machine = page.getByLabel('Machine type (required)');
  await machine.waitFor();
  assert.equal(await page.getByLabel('Machine type (optional)').count(), 0, 'the category asks for the machine type: the form’s own box is gone');
  assert.equal(await page.getByLabel(/^Serial number/).count(), 1, 'one serial number box: the category’s question');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.getByText('Please answer this question.').first().waitFor();
  assert.equal(await machine.getAttribute('aria-invalid'), 'true', 'the unanswered required question is marked');
  await accessible(page, 'intake-widget-prechat');
  await page.getByLabel(/What exactly does the error say\?/).fill('Three beeps, then nothing');
  await machine.selectOption('Desktop');
  await page.getByRole('button', { name: 'Start chat' }).click();
  const chat = await eventually(async () => (await admin.get('/chats?status=waiting')).items.find((c) => c.email === 'walk-in@visitor.example'), { what: 'the visitor’s chat' });

  await techPage.goto(`/console/tickets/${chat.ticket_number}`);
  const answers = techPage.getByTestId('ticket-fields');
  await answers.waitFor();
  assert.match(await answers.innerText(), /Machine type\s+Desktop/);
  assert.equal(await answers.locator('pre').innerText(), 'Three beeps, then nothing');
  await page.context().close();

  // Staff count tickets by that answer on the Reports page.
  await techPage.goto('/console/reports');
  const panel = techPage.getByRole('region', { name: 'Tickets by answer' });
  await panel.getByLabel('Question', { exact: true }).selectOption('machine_type');
  const row = (value) => panel.locator(`tr[data-value="${value}"]`);
  await row('Desktop').waitFor();
  assert.deepEqual(await row('Desktop').locator('td').allInnerTexts(), ['1', '1']);
  assert.deepEqual(await row('Laptop').locator('td').allInnerTexts(), ['1', '1']);
  await accessible(techPage, 'intake-reports');
});

test('an admin adds, reorders and deletes questions; the portal form asks the new one', { timeout: 90_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.getByRole('link', { name: 'Admin', exact: true }).click();
  await page.getByRole('link', { name: 'Intake questions' }).click();
  await page.waitForURL('**/admin/intake-questions');
  await page.getByLabel('Form', { exact: true }).selectOption({ label: 'Category: Hardware (4)' });
  const list = page.getByRole('list', { name: 'Questions of Category: Hardware' });
  await list.getByText('Serial number').waitFor();

  // A key the server refuses is shown at the key field.
  await page.getByLabel('Question (what the customer reads)').fill('Which office are you in?');
  await page.getByRole('textbox', { name: /^Key/ }).fill('Office Key!');
  await page.getByLabel('Kind of answer').selectOption('choice');
  await page.getByLabel('Choices, one per line').fill('Berlin\nParis');
  await page.getByLabel('Required', { exact: true }).check();
  await page.getByRole('button', { name: 'Add question' }).click();
  const key = page.getByRole('textbox', { name: /^Key/ });
  await page.locator('input[aria-invalid="true"]').first().waitFor();
  assert.equal(await key.getAttribute('aria-invalid'), 'true', 'the refused key is marked');
  await accessible(page, 'intake-admin-error');
  await key.fill('office');
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByRole('status').filter({ hasText: 'Added Which office are you in?.' }).waitFor();
  assert.equal(await page.getByLabel('Question (what the customer reads)').inputValue(), '', 'the editor starts blank again');

  // Moving it up puts it before the serial number.
  await page.getByRole('button', { name: 'Move up Which office are you in?' }).click();
  await page.getByRole('status').filter({ hasText: 'Moved Which office are you in? up.' }).waitFor();
  const form = await admin.get(`/intake-questions?category=Hardware`);
  assert.deepEqual(form.items.map((q) => q.key).slice(-2), ['office', 'serial']);

  // Editing changes what it names; clearing "Asked on new tickets" stops asking it.
  await page.getByRole('button', { name: 'Edit Does anyone else in your organisation see it?' }).click();
  await page.getByLabel('Help (optional)').fill('Ask a colleague nearby.');
  await page.getByLabel('Asked on new tickets').uncheck();
  await page.getByRole('button', { name: 'Save question' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved Does anyone else in your organisation see it?.' }).waitFor();
  await list.getByText(/key others, not asked/).waitFor();

  // Deleting asks first.
  await page.getByRole('button', { name: 'Delete Serial number' }).click();
  const dialog = page.getByRole('alertdialog', { name: /Delete “Serial number”\?/ });
  await dialog.waitFor();
  await accessible(page, 'intake-admin-confirm');
  await dialog.getByRole('button', { name: 'Delete question' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted Serial number.' }).waitFor();
  assert.equal(await list.getByText('Serial number').count(), 0);
  await page.context().close();

  await customerPage.goto('/portal/new');
  await customerPage.getByLabel('Category').selectOption('Hardware');
  await customerPage.getByLabel('Which office are you in? (required)').waitFor();
  assert.equal(await customerPage.getByLabel(/Serial number/).count(), 0, 'the deleted question is no longer asked');
  assert.equal(await customerPage.getByText('Does anyone else in your organisation see it?').count(), 0, 'the inactive question is no longer asked');
});
