// Focus of this file: a technician's own account in My preferences — changing the password
// (wrong current password named, then back to the sign-in form and in with the new one) and
// signing out everywhere (another browser's session ends too), with axe on the screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ email: 'pat@frontline.example', name: 'Pat Tech', role: 'agent', password: 'pat-password-1' });
  await admin.createUser({ email: 'sam@frontline.example', name: 'Sam Tech', role: 'agent', password: 'sam-password-1' });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openPreferences(page) {
  await page.getByRole('link', { name: 'Preferences' }).click();
  await page.getByRole('heading', { level: 1, name: 'My preferences' }).waitFor();
  return page.getByRole('region', { name: 'Password and sign-in' });
}

test('a technician changes their own password and signs in with the new one', { timeout: 60_000 }, async () => {
  const pat = await newPerson(browser, server.url);
  await signInThroughForm(pat.page, 'pat@frontline.example', 'pat-password-1');
  await pat.page.waitForURL('**/console');
  const security = await openPreferences(pat.page);
  assert.deepEqual(await axeViolations(pat.page, 'preferences with password'), []);

  await security.getByLabel('Current password').fill('not-my-password');
  await security.getByLabel('New password').fill('pat-password-2');
  await security.getByRole('button', { name: 'Change password' }).click();
  await security.getByText('is not your current password').waitFor();

  await security.getByLabel('Current password').fill('pat-password-1');
  await security.getByRole('button', { name: 'Change password' }).click();
  await pat.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await signInThroughForm(pat.page, 'pat@frontline.example', 'pat-password-2');
  await pat.page.waitForURL('**/console');
});

test('sign out everywhere asks first, then ends every session of the person', { timeout: 60_000 }, async () => {
  const phone = await Api.signIn(server.url, 'sam@frontline.example', 'sam-password-1');
  const sam = await newPerson(browser, server.url);
  await signInThroughForm(sam.page, 'sam@frontline.example', 'sam-password-1');
  await sam.page.waitForURL('**/console');
  const security = await openPreferences(sam.page);
  await security.getByRole('button', { name: 'Sign out everywhere' }).click();
  const dialog = sam.page.getByRole('dialog', { name: 'Sign out everywhere?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  assert.ok(await phone.get('/me'), 'cancel leaves sessions alone');

  await security.getByRole('button', { name: 'Sign out everywhere' }).click();
  await dialog.getByRole('button', { name: 'Sign out everywhere' }).click();
  await sam.page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await assert.rejects(phone.get('/me'), /401/, 'the other session ended too');
});
