// Focus of this file: a mail that came with an HTML part. Its text shows first; "Show as sent"
// shows the sender's HTML only inside <iframe sandbox=""> (no scripts, no same-origin), in the
// console and in the portal, and "Show as text" goes back. A <script> in the mail never runs,
// neither in the frame nor in the page. axe runs with the HTML showing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let number;
const tech = { email: 'hana@frontline.example', name: 'Hana Html', password: 'hana-password-1' };
const customer = { email: 'ann@acme.example', name: 'Ann Acme', password: 'ann-password-1' };

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  const { token } = await admin.post('/tokens', { name: 'mail gateway', email: tech.email });
  const mail = [
    `From: Ann Acme <${customer.email}>`,
    'To: help@frontline.example',
    'Subject: Invoice layout broken',
    'Message-ID: <invoice-html-1@acme.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The totals column is cut off on page 2.',
    '',
    '--b1',
    'Content-Type: text/html; charset=utf-8',
    '',
    '<html><body><p>The <b>totals column</b> is cut off on page 2.</p>',
    '<table border="1"><tr><td>Net</td><td>1,200.00</td></tr><tr><td>VAT</td><td>228.00</td></tr></table>',
    '<script>document.body.innerHTML = "SCRIPT RAN"; parent.document.title = "SCRIPT RAN";</script>',
    '<p onclick="parent.document.title=\'SCRIPT RAN\'">Regards, Ann</p></body></html>',
    '',
    '--b1--',
    '',
  ].join('\r\n');
  const res = await fetch(`${server.url}/api/v1/mail/inbound`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'message/rfc822' },
    body: mail,
  });
  assert.equal(res.status < 300, true, `inbound mail refused: ${res.status} ${await res.clone().text()}`);
  number = (await res.json()).ticket_number;
  const stored = await admin.get(`/tickets/${number}/messages`);
  assert.ok(stored.items[0].html, 'the message has its HTML');
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function checkShowAsSent(page, name) {
  const message = page.getByRole('article', { name: /^Message from/ }).first();
  await message.getByText('The totals column is cut off on page 2.').waitFor();
  assert.equal(await message.locator('iframe').count(), 0, 'text is the default view');

  const toggle = message.getByRole('button', { name: 'Show as sent' });
  await toggle.click();
  const frame = message.locator('iframe');
  await frame.waitFor();
  assert.equal(await frame.getAttribute('sandbox'), '', 'sandbox="" (no scripts, no same-origin)');
  assert.ok(await frame.getAttribute('title'), 'the frame is named');
  const inside = message.frameLocator('iframe');
  await inside.getByText('totals column').waitFor();
  await inside.getByText('1,200.00').waitFor();
  assert.equal(await inside.getByText('SCRIPT RAN').count(), 0, 'no script ran inside the frame');
  assert.doesNotMatch(await page.title(), /SCRIPT RAN/, 'nor reached the page');
  const box = await frame.boundingBox();
  assert.ok(box.height >= 100 && box.height <= 600, `a sensible height (${box.height})`);
  await screenshot(page, name);
  assert.deepEqual(await axeViolations(page, name), []);

  await message.getByRole('button', { name: 'Show as text' }).click();
  await frame.waitFor({ state: 'detached' });
  await message.getByText('The totals column is cut off on page 2.').waitFor();
}

test('the console shows a mail as sent in a sandboxed frame on request, and its script does not run', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, server.url);
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  await page.goto(`/console/tickets/${number}`);
  await page.getByRole('heading', { level: 1, name: 'Invoice layout broken' }).waitFor();
  await checkShowAsSent(page, 'html-message-console');
  await context.close();
});

test('the portal offers the customer the same "Show as sent"', { timeout: 60_000 }, async () => {
  const { page, context } = await newPerson(browser, server.url);
  await signInThroughForm(page, customer.email, customer.password);
  await page.waitForURL('**/portal');
  await page.goto(`/portal/tickets/${number}`);
  await page.getByRole('heading', { level: 1, name: 'Invoice layout broken' }).waitFor();
  await checkShowAsSent(page, 'html-message-portal');
  await context.close();
});

test('a message without HTML has no "Show as sent"', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const t = await admin.post('/tickets', { subject: 'Plain text only', body: 'Nothing fancy.', requester_email: customer.email });
  const { page, context } = await newPerson(browser, server.url);
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  await page.goto(`/console/tickets/${t.number}`);
  await page.getByText('Nothing fancy.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Show as sent' }).count(), 0);
  await context.close();
});
