// Focus of this file: live updates survive a lost connection — the console shows that it is
// reconnecting, reconnects by itself when the server is back, and catches up on what happened.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-e2e-live-'));

before(async () => {
  server = await startServer({ dataDir });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

test('after the server restarts the console reconnects and shows tickets opened meanwhile without a reload', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/console/queues/unassigned');
  await page.getByRole('heading', { level: 1, name: 'Unassigned' }).waitFor();
  const live = page.locator('.live[role="status"]');
  await live.filter({ hasText: /^Live$/ }).waitFor({ timeout: 10_000 });
  await page.evaluate(() => {
    window.__neverReloaded = true;
  });

  const listen = server.url.replace('http://', '');
  await server.stop();
  await live.filter({ hasText: 'Reconnecting' }).waitFor({ timeout: 10_000 });

  server = await startServer({ dataDir, listen });
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const t = await admin.post('/tickets', {
    subject: 'Opened while the console was away',
    body: 'Hello?',
    requester_email: 'lena@acme.example',
  });

  await live.filter({ hasText: /^Live$/ }).waitFor({ timeout: 20_000 });
  await page.locator(`tr[data-ticket="${t.number}"]`).waitFor({ timeout: 10_000 });
  assert.equal(await page.evaluate(() => window.__neverReloaded), true);
});
