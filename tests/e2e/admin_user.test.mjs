// Focus of this file: an admin creates a user in the admin screen, and that person can then
// sign in through the form and lands where their role belongs; disabling someone asks first
// (what happens, how many open tickets stay theirs), and only a yes disables.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

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

// Typing a first password is the second way to add someone (inviting by email is the first, see
// invite.test.mjs): it sits folded under the invitation form.
async function passwordForm(page) {
  const more = page.getByText('Or create the account with a password you give them');
  if (!(await page.locator('details.secondary-create').evaluate((d) => d.open))) await more.click();
  return page.getByRole('form', { name: 'Create a user with a password' });
}

async function createUser(page, { name, email, role, organization, password }) {
  const form = await passwordForm(page);
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Email').fill(email);
  await form.getByLabel('Role').selectOption(role);
  if (organization) await form.getByLabel('Organisation').fill(organization);
  await form.getByLabel('Initial password').fill(password);
  await form.getByRole('button', { name: 'Create user' }).click();
  await page.getByRole('status').filter({ hasText: `Created ${name}` }).waitFor();
  await page.getByRole('cell', { name: email, exact: true }).waitFor();
}

test('an admin creates users in the admin screen and they can sign in', { timeout: 60_000 }, async () => {
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.getByRole('link', { name: 'Admin' }).click();
  await a.page.getByRole('heading', { level: 1, name: 'Users' }).waitFor();

  await createUser(a.page, { name: 'Nina New', email: 'nina@frontline.example', role: 'agent', password: 'nina-password-1' });
  await createUser(a.page, {
    name: 'Cody Client',
    email: 'cody@umbrella.example',
    role: 'customer',
    organization: 'Umbrella',
    password: 'cody-password-1',
  });

  const nina = await newPerson(browser, server.url);
  await signInThroughForm(nina.page, 'nina@frontline.example', 'nina-password-1');
  await nina.page.waitForURL('**/console');
  await nina.page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
  assert.equal(await nina.page.getByRole('link', { name: 'Admin' }).count(), 0, 'agents see no Admin link');

  const cody = await newPerson(browser, server.url);
  await signInThroughForm(cody.page, 'cody@umbrella.example', 'wrong-password');
  await cody.page.getByRole('alert').filter({ hasText: 'do not match' }).waitFor();
  await signInThroughForm(cody.page, 'cody@umbrella.example', 'cody-password-1');
  await cody.page.waitForURL('**/portal');
  await cody.page.getByRole('heading', { level: 1, name: 'My tickets' }).waitFor();
});

test('disabling a user asks first, naming what happens and counting their open tickets; Esc keeps them enabled', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const dora = await admin.createUser({ email: 'dora@frontline.example', name: 'Dora Disabled', role: 'agent', password: 'dora-password-1' });
  // Two open tickets and one resolved one are Dora's: the question counts the two.
  for (const [subject, status] of [['Scanner jams', 'open'], ['Badge reader', 'pending'], ['Old laptop', 'resolved']]) {
    const t = await admin.post('/tickets', { subject, body: `${subject}.`, requester_email: 'olly@acme.example' });
    await admin.patch(`/tickets/${t.number}`, { assignee_id: dora.id, status });
  }
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto('/admin/users');
  await a.page.getByRole('button', { name: 'Edit Dora Disabled' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Edit Dora Disabled' });
  const disable = dialog.getByRole('button', { name: 'Disable account' });
  await disable.click();

  const ask = a.page.getByRole('alertdialog', { name: 'Disable Dora Disabled?' });
  await ask.getByText('signed out everywhere at once').waitFor();
  await ask.getByText('Their 2 open tickets stay assigned to them').waitFor();
  assert.equal(await a.page.evaluate(() => document.activeElement?.textContent), 'Cancel', 'focus starts on the safe choice');
  assert.deepEqual(await axeViolations(a.page, 'disable-user question'), []);

  await a.page.keyboard.press('Escape');
  await a.page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  assert.equal(await disable.evaluate((b) => b === document.activeElement), true, 'focus is back on the button that asked');
  assert.equal((await admin.get('/users?role=agent')).items.find((u) => u.id === dora.id).disabled, false, 'Esc changed nothing');

  await disable.click();
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await a.page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  assert.equal((await admin.get('/users?role=agent')).items.find((u) => u.id === dora.id).disabled, false, 'Cancel changed nothing');
});

test('confirming the question disables the user, who can then no longer sign in', { timeout: 60_000 }, async () => {
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto('/admin/users');
  await a.page.getByRole('button', { name: 'Edit Dora Disabled' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Edit Dora Disabled' });
  await dialog.getByRole('button', { name: 'Disable account' }).click();
  await a.page.getByRole('alertdialog', { name: 'Disable Dora Disabled?' }).getByRole('button', { name: 'Disable account' }).click();
  await dialog.getByRole('button', { name: 'Enable account' }).waitFor();
  await a.page.getByRole('status').filter({ hasText: 'Disabled Dora Disabled' }).waitFor();

  const dora = await newPerson(browser, server.url);
  await signInThroughForm(dora.page, 'dora@frontline.example', 'dora-password-1');
  await dora.page.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
  assert.match(dora.page.url(), /\/login/);
});

test('an admin resets a user’s password and the user signs in with the new one', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ email: 'rex@frontline.example', name: 'Rex Reset', role: 'agent', password: 'rex-old-password' });
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto('/admin/users');
  await a.page.getByRole('button', { name: 'Edit Rex Reset' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Edit Rex Reset' });
  await dialog.getByLabel('New password').fill('rex-new-password');
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  const done = a.page.getByRole('status').filter({ hasText: 'Set a new password for Rex Reset' });
  const refused = dialog.getByRole('alert').filter({ hasText: /\S/ });
  await done.or(refused).waitFor();
  assert.equal(await refused.count(), 0, `the reset was refused: ${await refused.allInnerTexts()}`);

  const rex = await newPerson(browser, server.url);
  await signInThroughForm(rex.page, 'rex@frontline.example', 'rex-new-password');
  await rex.page.waitForURL('**/console');
});

test('no leftover messages: an old success goes when a new error comes, a password error when the password is fixed', { timeout: 60_000 }, async () => {
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto('/admin/users');
  await createUser(a.page, { name: 'Lena Leftover', email: 'lena@frontline.example', role: 'agent', password: 'lena-password-1' });

  // The same email again: the error shows, the earlier "Created" does not stay under it.
  const form = await passwordForm(a.page);
  await form.getByLabel('Name').fill('Lena Again');
  await form.getByLabel('Email').fill('lena@frontline.example');
  await form.getByLabel('Initial password').fill('lena-password-2');
  await form.getByRole('button', { name: 'Create user' }).click();
  await form.getByRole('alert').filter({ hasText: /\S/ }).waitFor();
  assert.equal(await a.page.getByRole('status').filter({ hasText: 'Created Lena Leftover' }).count(), 0, 'the old success message is gone');

  // A too-short password: its error goes once the password is changed, and after a good save.
  await a.page.getByRole('button', { name: 'Edit Lena Leftover' }).click();
  const dialog = a.page.getByRole('dialog', { name: 'Edit Lena Leftover' });
  await dialog.getByLabel('New password').fill('short');
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  const passwordError = dialog.locator('.field-error');
  await passwordError.waitFor();
  await dialog.getByLabel('New password').fill('a-long-enough-password');
  await passwordError.waitFor({ state: 'detached' });
  assert.equal(await dialog.getByRole('alert').filter({ hasText: /\S/ }).count(), 0, 'no error left once the password is fixed');
  await dialog.getByRole('button', { name: 'Reset password' }).click();
  await dialog.getByRole('status').filter({ hasText: 'Set a new password for Lena Leftover.' }).waitFor();
  assert.deepEqual(await axeViolations(a.page, 'admin-edit-user'), []);
});
