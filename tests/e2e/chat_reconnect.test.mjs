// Focus of this file: a chat survives the help desk going away — the widget shows that it is
// reconnecting, a message written meanwhile waits as "Sending…", and once the server is back the
// widget resumes after the last line it saw: the waiting message arrives exactly once and what
// the technician said meanwhile appears, without reloading the page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

const tech = { email: 'rita@frontline.example', name: 'Rita Restart', password: 'rita-password-1' };
const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-e2e-chat-reconnect-'));
let server;
let site;
let browser;
let env;

before(async () => {
  let helpdesk = '';
  site = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title></head>
<body><main><h1>Shop</h1></main><script src="${helpdesk}/widget.js" async></script></body></html>`);
  });
  await new Promise((r) => site.listen(0, '127.0.0.1', r));
  site.url = `http://127.0.0.1:${site.address().port}`;
  env = { FRONTLINE_CHAT_WIDGET_ORIGINS: site.url };
  server = await startServer({ dataDir, env });
  helpdesk = server.url;
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => site?.close(r));
  rmSync(dataDir, { recursive: true, force: true });
});

async function startChat(page, email, topic) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Chat with support' }).click();
  const w = page.frameLocator('iframe[title="Chat with support"]');
  await w.getByLabel('Email (required)').fill(email);
  await w.getByLabel('What is it about? (required)').fill(topic);
  await w.getByRole('button', { name: 'Start chat' }).click();
  return w;
}

test('with no technician on line the widget says the chat is a ticket answered by email', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, site.url, { viewport: { width: 390, height: 844 } });
  const w = await startChat(page, 'early@shop.example', 'Before opening hours');
  const log = w.getByRole('log', { name: 'Conversation' });
  await log.getByText(/No technician is available right now\. Your chat is ticket #\d+/).waitFor();
  assert.equal(await w.getByText(/Waiting for a technician/).count(), 0, 'no queue position when nobody can answer');
  await context.close();
});

test('after the help desk restarts the widget reconnects, delivers the message written meanwhile once and shows what it missed', { timeout: 90_000 }, async () => {
  // A technician on line (their console's live feed is open), so the chat is offered.
  const { page: console_ } = await newPerson(browser, server.url);
  await signInThroughForm(console_, tech.email, tech.password);
  await console_.waitForURL('**/console');
  await console_.locator('.live[role="status"]').filter({ hasText: /^Live$/ }).waitFor();
  const { page } = await newPerson(browser, site.url, { viewport: { width: 390, height: 844 } });
  const w = await startChat(page, 'bo@shop.example', 'Scanner offline');
  await w.getByText(/Waiting for a technician/).waitFor();

  let rita = await Api.signIn(server.url, tech.email, tech.password);
  const chat = (await rita.get('/chats?status=waiting')).items.find((c) => c.email === 'bo@shop.example');
  await rita.post(`/chats/${chat.id}/accept`);
  await rita.post(`/chats/${chat.id}/messages`, { body: 'Hi, Rita here.', client_id: 'rita-1' });
  const log = w.getByRole('log', { name: 'Conversation' });
  await log.getByText('Hi, Rita here.').waitFor();
  await page.evaluate(() => {
    window.__neverReloaded = true;
  });

  const listen = server.url.replace('http://', '');
  await server.stop();
  await w.getByText('Reconnecting…').waitFor({ timeout: 20_000 });
  const box = w.getByRole('textbox', { name: 'Write a message' });
  await box.fill('Still there?');
  await box.press('Enter');
  await log.getByRole('listitem').filter({ hasText: 'Still there?' }).getByText('Sending…').waitFor();

  server = await startServer({ dataDir, listen, env });
  rita = await Api.signIn(server.url, tech.email, tech.password);
  await rita.post(`/chats/${chat.id}/messages`, { body: 'Said while you were away.', client_id: 'rita-2' });

  await log.getByText('Said while you were away.').waitFor({ timeout: 30_000 });
  await log.getByRole('listitem').filter({ hasText: 'Still there?' }).getByText('Sent', { exact: true }).waitFor();
  await w.getByText('Reconnecting…').waitFor({ state: 'detached' });
  const bodies = await eventually(async () => {
    const items = (await rita.get(`/chats/${chat.id}/messages`)).items.filter((e) => e.type === 'message').map((e) => e.body);
    return items.includes('Still there?') && items;
  });
  assert.equal(bodies.filter((b) => b === 'Still there?').length, 1, 'the message written offline arrived once');
  assert.equal(await log.getByText('Hi, Rita here.').count(), 1, 'nothing shown twice after resuming');
  assert.equal(await page.evaluate(() => window.__neverReloaded), true);
});
