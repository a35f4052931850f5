// Focus of this file: files in a live chat — a visitor sends a file from the widget and the
// technician downloads the same bytes from the console's chat; the technician sends one back and
// the visitor downloads it in the widget (fetched with the visitor's token); a file over the
// server's limit (FRONTLINE_MAX_UPLOAD_BYTES=2048 here) is refused in the console before any
// upload, in words with KB; the widget, which cannot know the limit, shows the help desk's
// refusal in plain words; an upload whose answer is lost is tried again under the same
// client_id and kept once; and a signed-in customer's portal chat checks the limit and sends too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  Api,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  axeViolations,
  chooseFile,
  launchBrowser,
  newPerson,
  screenshot,
  signInThroughForm,
  startServer,
  startWidgetChat,
  startWidgetSite,
} from './harness.mjs';

const tech = { email: 'fred@frontline.example', name: 'Fred Files', password: 'fred-password-1' };
const visitor = { name: 'Vera Visitor', email: 'vera@shop.example' };
const LIMIT = 2048;

let server;
let site;
let browser;
let admin;
let techPage;
let customerPage;
let w; // the widget's frame
let chatId;

// Bytes no text conversion survives unchanged: every byte value, twice (512 bytes).
const binary = Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256));

before(async () => {
  site = await startWidgetSite();
  server = await startServer({ env: { FRONTLINE_CHAT_WIDGET_ORIGINS: site.url, FRONTLINE_MAX_UPLOAD_BYTES: String(LIMIT) } });
  site.setHelpdesk(server.url);
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  browser = await launchBrowser();
  ({ page: techPage } = await newPerson(browser, server.url));
  await signInThroughForm(techPage, tech.email, tech.password);
  await techPage.waitForURL('**/console');
  await techPage.locator('.live[role="status"]').filter({ hasText: /^Live$/ }).waitFor();
  ({ page: customerPage } = await newPerson(browser, site.url, { viewport: { width: 390, height: 844 } }));
  w = await startWidgetChat(customerPage, { ...visitor, topic: 'Printer error log' });
  await w.getByText(/Waiting for a technician/).waitFor();
  chatId = (await admin.get('/chats?status=waiting')).items.find((c) => c.email === visitor.email).id;
  await techPage.goto('/console/chats');
  await techPage.getByRole('button', { name: `Accept the chat with ${visitor.name}` }).click();
  await techPage.getByRole('tab', { name: visitor.name, selected: true }).waitFor();
  await w.getByRole('log', { name: 'Conversation' }).getByText(tech.name).first().waitFor();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await site?.close();
});

const techLog = () => techPage.getByRole('log', { name: `Conversation with ${visitor.name}` });
const customerLog = () => w.getByRole('log', { name: 'Conversation' });
const fileEntries = async () => (await admin.get(`/chats/${chatId}/messages`)).items.filter((e) => e.files?.length);

async function downloaded(page, link) {
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

test('a visitor sends a file from the widget and the technician downloads the same bytes from the console chat', { timeout: 60_000 }, async () => {
  await chooseFile(customerPage, w.getByRole('button', { name: 'Attach a file' }), { name: 'printer-log.bin', mimeType: 'application/octet-stream', buffer: binary });
  const mine = customerLog().getByRole('listitem').filter({ hasText: 'printer-log.bin' });
  await mine.getByText('Sent', { exact: true }).waitFor();
  await mine.getByText('(512 bytes)').waitFor();

  const link = techLog().getByRole('link', { name: 'printer-log.bin' });
  await link.waitFor();
  await techLog().getByText('(512 bytes)').waitFor();
  const got = await downloaded(techPage, link);
  assert.equal(got.name, 'printer-log.bin');
  assert.deepEqual(got.bytes, binary, 'the technician gets exactly the bytes the visitor sent');

  const entries = await fileEntries();
  assert.equal(entries.length, 1);
  assert.equal(entries[0].author.role, 'customer');
  assert.deepEqual(entries[0].files.map((f) => [f.filename, f.size]), [['printer-log.bin', 512]]);
  await screenshot(customerPage, 'chat-widget-file-sent');
});

test('the technician sends a file from the chat panel and the visitor downloads the same bytes in the widget', { timeout: 60_000 }, async () => {
  const manual = Buffer.from('Step 1: open the tray.\nStep 2: remove the jammed sheet.\n', 'utf8');
  const panel = techPage.getByRole('tabpanel', { name: visitor.name });
  await chooseFile(techPage, panel.getByRole('button', { name: 'Attach a file' }), { name: 'jam-steps.txt', mimeType: 'text/plain', buffer: manual });
  await techLog().getByRole('link', { name: 'jam-steps.txt' }).waitFor();

  // The visitor has no session: the widget fetches the file with its Visitor token.
  const auth = [];
  customerPage.on('request', (r) => {
    if (r.url().includes(`/api/v1/chats/${chatId}/files/`)) auth.push(r.headers().authorization ?? '');
  });
  const link = customerLog().getByRole('link', { name: 'jam-steps.txt' });
  await link.waitFor();
  const got = await downloaded(customerPage, link);
  assert.equal(got.name, 'jam-steps.txt');
  assert.deepEqual(got.bytes, manual, 'the visitor gets exactly the bytes the technician sent');
  assert.ok(auth.length >= 1 && auth.every((a) => a.startsWith('Visitor ')), 'the download proves the chat with the visitor token');
  assert.deepEqual((await fileEntries()).map((e) => e.author.role), ['customer', 'agent']);
  const bad = await axeViolations(customerPage.frames().find((f) => f.url().endsWith('/widget.html')), 'widget with files');
  assert.deepEqual(bad.map((v) => v.id), [], 'the widget with file entries passes axe');
});

test('a file over the server’s limit is refused in the console before any upload, in words with KB', { timeout: 60_000 }, async () => {
  const posts = [];
  const watch = (r) => r.method() === 'POST' && r.url().includes('/files') && posts.push(r.url());
  techPage.on('request', watch);
  const panel = techPage.getByRole('tabpanel', { name: visitor.name });
  await chooseFile(techPage, panel.getByRole('button', { name: 'Attach a file' }), { name: 'big.log', mimeType: 'text/plain', buffer: Buffer.alloc(3000, 'x') });
  await panel
    .getByRole('alert')
    .filter({ hasText: '“big.log” is 2.9 KB; files can be at most 2 KB. Choose a smaller file, or share a link to it instead.' })
    .waitFor();
  techPage.off('request', watch);
  assert.deepEqual(posts, [], 'nothing was uploaded');
  assert.equal((await fileEntries()).length, 2, 'no file entry was added');
  await screenshot(techPage, 'chat-console-file-too-large');
});

test('in the widget, which cannot know the limit, the help desk’s refusal of a large file is shown in plain words', { timeout: 60_000 }, async () => {
  await chooseFile(customerPage, w.getByRole('button', { name: 'Attach a file' }), { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.alloc(3000, 1) });
  await w.getByRole('alert').filter({ hasText: 'The file "photo.jpg" is larger than 2 KB, the most a file can be.' }).waitFor();
  assert.equal(await w.getByRole('button', { name: 'Try sending the file again' }).count(), 0, 'a refusal is not offered again');
  assert.equal((await fileEntries()).length, 2, 'no file entry was added');
});

test('an upload whose answer is lost is tried again with the same client_id and kept once', { timeout: 60_000 }, async () => {
  // The first upload reaches the server, but its answer never reaches the page.
  const sent = [];
  let lost = false;
  await techPage.route(`**/api/v1/chats/${chatId}/files`, async (route) => {
    sent.push(route.request().postDataBuffer().toString('latin1'));
    if (lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  const panel = techPage.getByRole('tabpanel', { name: visitor.name });
  await chooseFile(techPage, panel.getByRole('button', { name: 'Attach a file' }), { name: 'driver.zip', mimeType: 'application/zip', buffer: Buffer.alloc(700, 7) });
  // "Uploading …" lasts until the page has the server's answer: only the retry brings one.
  const uploading = panel.getByRole('status').filter({ hasText: 'Uploading “driver.zip” (700 bytes)…' });
  await uploading.waitFor();
  await uploading.waitFor({ state: 'detached' });
  await techLog().getByRole('link', { name: 'driver.zip' }).waitFor();
  await customerLog().getByRole('link', { name: 'driver.zip' }).waitFor();
  await techPage.unroute(`**/api/v1/chats/${chatId}/files`);

  assert.ok(sent.length >= 2, `the upload was tried again (${sent.length} attempts)`);
  const ids = sent.map((body) => /name="client_id"\r\n\r\n([^\r]+)\r\n/.exec(body)?.[1]);
  assert.ok(ids[0], 'the upload carries a client_id');
  assert.ok(ids.every((id) => id === ids[0]), 'every attempt carries the same client_id');
  const zips = (await fileEntries()).filter((e) => e.files[0].filename === 'driver.zip');
  assert.equal(zips.length, 1, 'the file is in the chat once');
  assert.equal(await techLog().getByRole('link', { name: 'driver.zip' }).count(), 1);
  assert.equal(await customerLog().getByRole('link', { name: 'driver.zip' }).count(), 1);
});

test('a signed-in customer in the portal chat is refused a too-large file before upload, and sends one that fits', { timeout: 60_000 }, async () => {
  const olga = { email: 'olga@customer.example', name: 'Olga Portal', password: 'olga-password-1' };
  await admin.createUser({ ...olga, role: 'customer' });
  const { page, context } = await newPerson(browser, server.url, { viewport: { width: 390, height: 844 } });
  await signInThroughForm(page, olga.email, olga.password);
  await page.waitForURL('**/portal');
  await page.goto('/portal/chat');
  await page.getByLabel('What is it about? (required)').fill('Invoice copy');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.getByText(/Waiting for a technician/).waitFor();
  const olgaChat = (await admin.get('/chats?status=waiting')).items.find((c) => c.email === olga.email);
  await admin.post(`/chats/${olgaChat.id}/accept`);

  const posts = [];
  page.on('request', (r) => r.method() === 'POST' && r.url().includes('/files') && posts.push(r.url()));
  await chooseFile(page, page.getByRole('button', { name: 'Attach a file' }), { name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(4096, 2) });
  await page.getByRole('alert').filter({ hasText: '“scan.pdf” is 4 KB; files can be at most 2 KB.' }).waitFor();
  assert.deepEqual(posts, [], 'the too-large file was not uploaded');

  const invoice = Buffer.from('%PDF-1.4 invoice 2026-117\n', 'latin1');
  await chooseFile(page, page.getByRole('button', { name: 'Attach a file' }), { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: invoice });
  const link = page.getByRole('log', { name: 'Conversation' }).getByRole('link', { name: 'invoice.pdf' });
  await link.waitFor();
  assert.equal(await page.getByRole('alert').filter({ hasText: 'scan.pdf' }).count(), 0, 'the earlier refusal is gone once a file is sent');
  const got = await downloaded(page, link);
  assert.deepEqual(got.bytes, invoice, 'her own file downloads with her session');
  const entries = (await admin.get(`/chats/${olgaChat.id}/messages`)).items.filter((e) => e.files?.length);
  assert.deepEqual(entries.map((e) => e.files[0].filename), ['invoice.pdf']);
  await context.close();
});
