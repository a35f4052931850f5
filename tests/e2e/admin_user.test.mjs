// Focus of this file: an admin creates a user in the admin screen, and that person can then
// sign in through the form and lands where their role belongs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

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

async function createUser(page, { name, email, role, organization, password }) {
  const form = page.getByRole('form', { name: 'Invite a user' });
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
