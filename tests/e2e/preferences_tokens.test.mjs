// Focus of this file: My preferences lists the signed-in technician's own API tokens (name,
// creation date and when it was last used, never anyone else's) and revokes one, after which it
// no longer works. Admin → API tokens shows when each token was last used too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let secret;
const tech = { email: 'tara@frontline.example', name: 'Tara Tokens', password: 'tara-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.post('/tokens', { name: 'admin backup script' });
  const tara = await Api.signIn(server.url, tech.email, tech.password);
  secret = (await tara.post('/tokens', { name: 'laptop sync' })).token;
  await tara.post('/tokens', { name: 'monitoring' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('My preferences lists my own API tokens and revokes one', { timeout: 60_000 }, async () => {
  const ok = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(ok.status, 200, 'the token works before it is revoked');
  // The server records uses in batches (every few seconds): wait until this one is written.
  const tara = await Api.signIn(server.url, tech.email, tech.password);
  await eventually(async () => (await tara.get('/tokens')).items.find((t) => t.name === 'laptop sync')?.last_used_at, {
    timeoutMs: 30_000,
    intervalMs: 1_000,
    what: 'the token use to be recorded',
  });

  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  await page.goto('/console/preferences');
  const table = page.getByRole('table', { name: 'My API tokens' });
  await table.getByRole('rowheader', { name: 'laptop sync' }).waitFor();
  await table.getByRole('rowheader', { name: 'monitoring' }).waitFor();
  assert.equal(await table.getByText('admin backup script').count(), 0, 'only my own tokens');
  assert.equal(await table.locator('tbody tr td:nth-of-type(1) time').count(), 2, 'each shows when it was created');
  await table.getByRole('columnheader', { name: 'Last used' }).waitFor();
  const monitoring = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'monitoring' }) });
  assert.equal(await monitoring.locator('td').nth(1).innerText(), 'Never', 'a token never used says so');
  const laptop = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'laptop sync' }) });
  assert.equal(await laptop.locator('td').nth(1).locator('time').innerText(), 'just now', 'a token used a moment ago says so');
  assert.deepEqual(await axeViolations(page, 'preferences-tokens'), []);

  await table.getByRole('button', { name: 'Revoke laptop sync' }).click();
  await page.getByRole('status').filter({ hasText: 'Revoked “laptop sync”.' }).waitFor();
  await table.getByRole('rowheader', { name: 'laptop sync' }).waitFor({ state: 'detached' });
  const after = await fetch(`${server.url}/api/v1/me`, { headers: { Authorization: `Bearer ${secret}` } });
  assert.equal(after.status, 401, 'the revoked token no longer signs in');
});

test('Admin → API tokens shows when each token was last used', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/tokens');
  await page.getByRole('heading', { level: 1, name: 'API tokens' }).waitFor();
  await page.getByRole('columnheader', { name: 'Last used' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: 'admin backup script' });
  assert.equal(await row.locator('td').nth(3).innerText(), 'Never');
  assert.deepEqual(await axeViolations(page, 'admin-tokens'), []);
});
