// Focus of this file: inviting people by email. An admin invites from Admin → Users, copies the
// link (the page says a mail goes out if outgoing mail is set up) and sees the person as
// "Invited"; a signed-out browser opens the link, sees the name and email, sets a password twice
// and lands in the console signed in. A used link, a replaced link and a made-up one show a plain
// sentence saying to ask for a new link, never the server's words. axe runs on each screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
const IVY = { email: 'ivy@frontline.example', name: 'Ivy Invited', password: 'ivy-password-1' };
const NEW_LINK = /ask the administrator who invited you for a new link/i;

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/** The link's path and query, opened on the test server whatever host the server put in it. */
const local = (link) => {
  const u = new URL(link);
  return u.pathname + u.search;
};

async function openLink(path) {
  const p = await newPerson(browser, server.url);
  await p.page.goto(path);
  return p;
}

let ivyLink;

test('an admin invites a technician and copies the link; the person shows as Invited', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, server.url);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('Name').fill(IVY.name);
  await form.getByLabel('Email').fill(IVY.email);
  await form.getByLabel('Role').selectOption('agent');
  await form.getByRole('button', { name: 'Invite' }).click();

  const sent = page.getByRole('status').filter({ hasText: 'If outgoing mail is set up, Ivy gets this link by email. You can also copy it:' });
  await sent.waitFor();
  ivyLink = await sent.getByLabel(`Invitation link for ${IVY.name}`).inputValue();
  assert.match(ivyLink, /\/welcome\?token=./);
  await sent.getByRole('button', { name: 'Copy' }).click();
  await sent.getByText('Copied.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), ivyLink, 'Copy put the link on the clipboard');

  const row = page.getByRole('row').filter({ hasText: IVY.email });
  await row.getByText('Invited', { exact: true }).waitFor();
  await row.getByRole('button', { name: `Send a new link to ${IVY.name}` }).waitFor();
  await screenshot(page, 'admin-invite');
  assert.deepEqual(await axeViolations(page, 'admin users after an invitation'), []);
  await context.close();
});

test('the invited person opens the link signed out, sets a password and lands in the console', { timeout: 60_000 }, async () => {
  const { page, context } = await openLink(local(ivyLink));
  await page.getByRole('heading', { level: 1, name: `Welcome, ${IVY.name} — set your password` }).waitFor();
  await page.getByText(IVY.email).waitFor();
  assert.deepEqual(await axeViolations(page, 'welcome page'), []);

  // Two different passwords are caught before anything is sent.
  await page.getByLabel('Password', { exact: true }).fill(IVY.password);
  await page.getByLabel('Password again').fill('something-else-1');
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await page.getByText('The two passwords differ.', { exact: false }).waitFor();

  await page.getByLabel('Password again').fill(IVY.password);
  await page.getByRole('button', { name: 'Set password and sign in' }).click();
  await page.waitForURL('**/console');
  await page.getByRole('banner').getByText(IVY.name).waitFor();
  await screenshot(page, 'welcome-landed');
  await context.close();

  // The password works from the sign-in form, and the admin list no longer says Invited.
  const ivy = await Api.signIn(server.url, IVY.email, IVY.password);
  assert.equal((await ivy.get('/me')).role, 'agent');
  const listed = (await admin.get('/users')).items.find((u) => u.email === IVY.email);
  assert.notEqual(listed.invited, true, 'accepted: no longer invited');
});

test('a used link shows a plain sentence saying to ask for a new one', { timeout: 60_000 }, async () => {
  const { page, context } = await openLink(local(ivyLink));
  await page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
  const said = await page.getByRole('alert').innerText();
  assert.match(said, NEW_LINK);
  assert.doesNotMatch(said, /404|not found|problem|detail|token/i, `no server words: ${said}`);
  assert.deepEqual(await axeViolations(page, 'used invitation'), []);
  await context.close();
});

test('a made-up token shows the same kind of sentence', { timeout: 60_000 }, async () => {
  const { page, context } = await openLink('/welcome?token=not-a-real-token');
  await page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
  assert.match(await page.getByRole('alert').innerText(), NEW_LINK);
  await context.close();
});

test('an invited customer joins the organisation named; "Send a new link" gives a fresh link and the earlier one stops working', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/users');
  const form = page.getByRole('form', { name: 'Invite a user' });
  await form.getByLabel('Name').fill('Otto Org');
  await form.getByLabel('Email').fill('otto@umbrella.example');
  await form.getByLabel('Organisation').fill('Umbrella');
  await form.getByRole('button', { name: 'Invite' }).click();
  const first = { invitation: { link: await page.getByLabel('Invitation link for Otto Org').inputValue() } };
  const ottoUser = (await admin.get('/users')).items.find((u) => u.email === 'otto@umbrella.example');
  const umbrella = (await admin.get('/organizations')).items.find((o) => o.name === 'Umbrella');
  assert.equal(ottoUser.role, 'customer');
  assert.equal(ottoUser.organization_id, umbrella.id, 'in the organisation named');

  await page.getByRole('button', { name: 'Send a new link to Otto Org' }).click();
  const sent = page.getByRole('status').filter({ hasText: 'If outgoing mail is set up, Otto gets this link by email.' });
  const fresh = await sent.getByLabel('Invitation link for Otto Org').inputValue();
  assert.notEqual(fresh, first.invitation.link);
  await context.close();

  const old = await openLink(local(first.invitation.link));
  await old.page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor();
  await old.context.close();

  // The customer lands in the portal.
  const otto = await openLink(local(fresh));
  await otto.page.getByRole('heading', { level: 1, name: 'Welcome, Otto Org — set your password' }).waitFor();
  await otto.page.getByLabel('Password', { exact: true }).fill('otto-password-1');
  await otto.page.getByLabel('Password again').fill('otto-password-1');
  await otto.page.getByRole('button', { name: 'Set password and sign in' }).click();
  await otto.page.waitForURL('**/portal');
  await otto.context.close();
});
