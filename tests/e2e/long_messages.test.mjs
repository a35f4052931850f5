// Focus of this file: long and laid-out messages in the console — a 300 KB log paste shows one
// screenful with "Show all" (and all of it after the click), and indented output keeps its
// columns in a fixed-width font; axe on the ticket page.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

function logPaste(bytes) {
  const lines = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const line = `2026-11-29T10:${String(i % 60).padStart(2, '0')}:00Z  kernel: usb 1-${i % 9}: device descriptor read/64, error -71`;
    lines.push(line);
    size += line.length + 1;
  }
  return lines.join('\n');
}

test('a 300 KB log paste is folded after a screenful, and "Show all" shows every line', { timeout: 60_000 }, async () => {
  const body = logPaste(300 * 1024);
  const ticket = await admin.post('/tickets', { subject: 'USB errors', body, requester_email: 'lee@acme.example' });
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto(`${server.url}/console/tickets/${ticket.number}`);
  const message = a.page.getByRole('article').first();
  const showAll = message.getByRole('button', { name: /Show all \([\d,]+ lines/ });
  await showAll.waitFor();
  const folded = await message.locator('.message-body').first().innerText();
  assert.ok(folded.length < 5000, `folded text is one screenful, got ${folded.length} characters`);
  assert.deepEqual(await axeViolations(a.page, 'ticket with a long message'), []);
  await showAll.click();
  await message.getByRole('button', { name: 'Show less' }).waitFor();
  const whole = await message.locator('.message-body').first().innerText();
  assert.equal(whole.split('\n').length, body.split('\n').length);
});

test('indented command output keeps its columns in a fixed-width font', { timeout: 60_000 }, async () => {
  const body = 'ipconfig says:\n  IPv4 Address. . . : 10.0.0.7\n  Subnet Mask . . . : 255.255.255.0\n  Default Gateway . : 10.0.0.1';
  const plain = 'The printer on floor 2 jams on every second page.';
  const ticket = await admin.post('/tickets', { subject: 'No network', body, requester_email: 'lee@acme.example' });
  await admin.post(`/tickets/${ticket.number}/messages`, { kind: 'public', body: plain });
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await a.page.waitForURL('**/console');
  await a.page.goto(`${server.url}/console/tickets/${ticket.number}`);
  const bodies = a.page.locator('article .message-body');
  await bodies.nth(1).waitFor();
  const fonts = await bodies.evaluateAll((els) => els.map((e) => [e.textContent, getComputedStyle(e).fontFamily, getComputedStyle(e).whiteSpace]));
  const output = fonts.find(([t]) => t.includes('Subnet Mask'));
  const sentence = fonts.find(([t]) => t.includes('printer on floor 2'));
  assert.match(output[1], /mono/i, 'laid-out text in a fixed-width font');
  assert.equal(output[2], 'pre');
  assert.doesNotMatch(sentence[1], /mono/i, 'a plain sentence stays in the text font');
});
