// Focus of this file: an admin rewords the acknowledgement mail in the Mail templates screen —
// the server's field error for a subject that lost [#{{ticket_number}}] shows at the subject,
// the preview fills in sample values, saving marks it customised (and stores it), and resetting
// brings back the built-in text.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const acknowledgement = async (api) => (await api.get('/mail/templates')).items.find((t) => t.kind === 'acknowledgement');

test('an admin previews, saves and resets the acknowledgement template', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const builtIn = await acknowledgement(admin);
  assert.equal(builtIn.customised, false);

  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.getByRole('link', { name: 'Admin' }).click();
  await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Mail templates' }).click();
  await page.getByRole('heading', { level: 1, name: 'Mail templates' }).waitFor();
  const section = page.getByRole('region', { name: /^Acknowledgement to the requester/ });
  const subject = section.getByLabel('Subject');
  const body = section.getByLabel('Body');
  assert.equal(await subject.inputValue(), builtIn.subject);
  assert.equal(await section.getByText('Customised').count(), 0);
  await section.getByText('{{recipient_name}}', { exact: true }).waitFor();

  // A subject without the ticket tag: the server's reason shows at the subject field.
  await subject.fill('We got your request: {{subject}}');
  await section.getByRole('button', { name: 'Preview' }).click();
  await section.locator('.field-error').filter({ hasText: '[#{{ticket_number}}]' }).waitFor();
  assert.equal(await subject.getAttribute('aria-invalid'), 'true');
  assert.equal(await section.getByRole('region', { name: 'Preview with sample values' }).count(), 0);

  // A valid one previews with the sample values filled in.
  await subject.fill('[#{{ticket_number}}] We got it: {{subject}}');
  await body.fill('Hello {{recipient_name}},\n\nticket {{ticket_number}} is ours now.');
  const html = section.getByLabel('HTML version (optional)');
  await html.fill('<p>Hello <b>{{recipient_name}}</b></p>');
  await section.getByRole('button', { name: 'Preview' }).click();
  const preview = section.getByRole('region', { name: 'Preview with sample values' });
  await preview.waitFor();
  const shown = await preview.innerText();
  assert.match(shown, /Subject: \[#\d+\] We got it: \S/);
  assert.match(shown, /Hello \S+/);
  assert.ok(!shown.includes('{{'), `no placeholder left in the preview: ${shown}`);
  // The HTML version is shown as source (never rendered), values filled in.
  assert.match(shown, /<p>Hello <b>[^<{]+<\/b><\/p>/);
  assert.equal(await preview.locator('b').count(), 0, 'the HTML preview is not rendered as markup');
  await screenshot(page, 'admin-mail-templates-preview');
  assert.equal(await subject.getAttribute('aria-invalid'), null, 'the field error is gone');
  // Editing again makes the preview stale, so it goes.
  await body.fill('Hello {{recipient_name}},\n\nticket #{{ticket_number}} is ours now.');
  await preview.waitFor({ state: 'detached' });

  // Save: the badge appears and the server has it.
  await section.getByRole('button', { name: 'Save' }).click();
  await section.getByText('Customised', { exact: true }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Saved the acknowledgement to the requester' }).waitFor();
  const stored = await acknowledgement(admin);
  assert.equal(stored.customised, true);
  assert.equal(stored.subject, '[#{{ticket_number}}] We got it: {{subject}}');
  assert.equal(stored.body, 'Hello {{recipient_name}},\n\nticket #{{ticket_number}} is ours now.');
  assert.equal(stored.html, '<p>Hello <b>{{recipient_name}}</b></p>');

  // Still there after a reload.
  await page.reload();
  await section.getByText('Customised', { exact: true }).waitFor();
  assert.equal(await subject.inputValue(), stored.subject);

  // Reset asks first, then brings back the built-in text.
  await section.getByRole('button', { name: 'Reset to the built-in text' }).click();
  await section.getByRole('button', { name: 'Keep it' }).click();
  assert.equal(await subject.inputValue(), stored.subject, 'nothing reset without confirming');
  await section.getByRole('button', { name: 'Reset to the built-in text' }).click();
  await section.getByRole('button', { name: 'Confirm: discard this wording' }).click();
  await section.getByRole('button', { name: 'Reset to the built-in text' }).waitFor({ state: 'detached' });
  assert.equal(await section.getByText('Customised', { exact: true }).count(), 0);
  assert.equal(await subject.inputValue(), builtIn.subject);
  assert.equal(await body.inputValue(), builtIn.body);
  const reset = await acknowledgement(admin);
  assert.equal(reset.customised, false);
  assert.equal(reset.subject, builtIn.subject);
});

test('agents do not get the Mail templates screen', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ email: 'abe@frontline.example', name: 'Abe Agent', role: 'agent', password: 'abe-password-1' });
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, 'abe@frontline.example', 'abe-password-1');
  await page.waitForURL('**/console');
  await page.goto('/admin/mail-templates');
  await page.getByRole('heading', { level: 1, name: 'Admins only' }).waitFor();
  assert.equal(await page.getByLabel('Subject').count(), 0);
});
