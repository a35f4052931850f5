// Focus of this file: what people read when something is wrong is a plain sentence with units
// people use (KB, MB) that says what to do — never the server's raw "field: …" wording or a
// byte count — and a file over the limit is refused in the browser before any upload.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let number;
const customer = { email: 'pia@acme.example', name: 'Pia Plain', password: 'pia-password-1' };
const LIMIT = 2 * 1024 * 1024; // a 2 MB attachment limit keeps the test's files small

before(async () => {
  server = await startServer({ env: { FRONTLINE_MAX_UPLOAD_BYTES: String(LIMIT) } });
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...customer, role: 'customer' });
  const pia = await Api.signIn(server.url, customer.email, customer.password);
  number = (await pia.post('/tickets', { subject: 'Scanner error', body: 'It shows E42.' })).number;
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a file over the limit is refused before uploading, in MB, saying what to do', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, customer.email, customer.password);
  await page.waitForURL('**/portal');
  await page.goto(`/portal/tickets/${number}`);
  await page.getByRole('heading', { level: 1, name: 'Scanner error' }).waitFor();
  const uploads = [];
  page.on('request', (r) => {
    if (r.method() === 'POST' && r.url().includes('/messages')) uploads.push(r.url());
  });
  await page.getByLabel('Your reply').fill('Here is the scan log.');
  await page.getByLabel('Attachments').setInputFiles({ name: 'scan.log', mimeType: 'text/plain', buffer: Buffer.alloc(3 * 1024 * 1024, 'x') });
  const message = page.getByText('“scan.log” is 3 MB; files can be at most 2 MB. Choose a smaller file, or share a link to it instead.');
  await message.waitFor();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await message.waitFor();
  assert.deepEqual(uploads, [], 'nothing was uploaded');
  assert.deepEqual(await axeViolations(page, 'portal-file-too-large'), []);
});

test('the server’s own messages are sentences with KB/MB, and keep their field names', { timeout: 60_000 }, async () => {
  const pia = await Api.signIn(server.url, customer.email, customer.password);
  const problem = async (path, body) => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method: 'POST',
      headers: { Cookie: pia.cookie, 'X-CSRF-Token': pia.csrf, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, ...(await res.json()) };
  };
  const long = await problem(`/tickets/${number}/messages`, { body: 'x'.repeat(512 * 1024 + 1) });
  assert.equal(long.status, 422);
  assert.equal(long.detail, 'The message is longer than 512 KB, the most it can be. Shorten it, or attach long text as a file.');
  assert.deepEqual(long.errors.map((e) => e.field), ['body']);

  const form = new FormData();
  form.set('body', 'the log');
  form.append('files', new Blob([Buffer.alloc(LIMIT + 1, 'y')]), 'big.log');
  const res = await fetch(`${server.url}/api/v1/tickets/${number}/messages`, {
    method: 'POST',
    headers: { Cookie: pia.cookie, 'X-CSRF-Token': pia.csrf },
    body: form,
  });
  assert.equal(res.status, 413);
  assert.equal((await res.json()).detail, 'The file "big.log" is larger than 2 MB, the most a file can be. Attach a smaller file, or share a link to it instead.');

  const staff = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const r = await fetch(`${server.url}/api/v1/reports/closed?from=2026-02-10&to=2026-02-01`, { headers: { Cookie: staff.cookie } });
  const body = await r.json();
  assert.equal(body.detail, 'The "from" date is after the "to" date. Choose a "from" date on or before the "to" date.');
  assert.deepEqual(body.errors.map((e) => e.field), ['from']);
});
