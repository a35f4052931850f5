// Focus of this file: live chat end to end — a customer on another site chats through the
// embedded widget with a technician in the console: the pre-chat answers reach the technician
// (the technician flag and the steps already tried highlighted), messages and typing go both
// ways, a reload resumes the chat, a form sent by the technician is filled in inside the chat,
// and after the end the customer downloads the transcript, rates the chat and gets the
// transcript by email (a real SMTP dialogue with a sink on loopback). Also axe-core on the widget
// (at 390 px) and the console's Chats screen.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';
import { startSmtpSink } from './smtp_sink.mjs';

const PHONE = { width: 390, height: 844 };
const tech = { email: 'tess@frontline.example', name: 'Tess Tech', password: 'tess-password-1' };
const ann = { name: 'Ann Example', email: 'ann@customer.example' };

let server;
let site; // the customer's own web site, on another origin
let siteUrl;
let smtp;
let browser;
let admin;
let techPage;
let customerPage;
let chatId;
let ticketNumber;

// The customer's site: one page that includes the widget with the documented script tag.
async function startSite() {
  let helpdesk = '';
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Acme printers</title></head><body><main><h1>Acme printers</h1><p>Our printers print.</p></main>
<script src="${helpdesk}/widget.js" async></script></body></html>`);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return { s, url: `http://127.0.0.1:${s.address().port}`, setHelpdesk: (u) => (helpdesk = u) };
}

before(async () => {
  smtp = await startSmtpSink();
  site = await startSite();
  siteUrl = site.url;
  server = await startServer({
    env: {
      FRONTLINE_CHAT_WIDGET_ORIGINS: siteUrl,
      FRONTLINE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      FRONTLINE_MAIL_RETRY_SECONDS: '1',
    },
  });
  site.setHelpdesk(server.url);
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.post('/chat-forms', {
    title: 'Replacement',
    fields: [
      { name: 'address', label: 'Shipping address', type: 'multiline', required: true },
      { name: 'express', label: 'Express delivery', type: 'yes_no', required: false },
    ],
  });
  await admin.post('/macros', {
    name: 'Greeting',
    scope: 'shared',
    changes: {},
    reply: 'Hello {{customer_name}}, {{agent_name}} here about ticket #{{ticket_number}}.',
    reply_kind: 'public',
  });
  browser = await launchBrowser();
  ({ page: techPage } = await newPerson(browser, server.url));
  ({ page: customerPage } = await newPerson(browser, siteUrl, { viewport: PHONE }));
  await signInThroughForm(techPage, tech.email, tech.password);
  await techPage.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((r) => site?.s.close(r));
  await smtp?.close();
});

const widget = () => customerPage.frameLocator('iframe[title="Chat with support"]');
const widgetFrame = () => customerPage.frames().find((f) => f.url().endsWith('/widget.html'));

async function noSeriousAxeViolations(frameOrPage, name) {
  const bad = await axeViolations(frameOrPage, name);
  assert.deepEqual(bad.map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: serious or critical accessibility violations`);
}

test('the widget on another site opens the chat in a frame of the help desk, fits 390 px and passes axe', { timeout: 60_000 }, async () => {
  await customerPage.goto('/');
  const button = customerPage.getByRole('button', { name: 'Chat with support' });
  await button.click();
  await widget().getByRole('heading', { name: 'Chat with support' }).waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const frame = widgetFrame();
  assert.equal(new URL(frame.url()).origin, server.url, 'the chat page comes from the help desk, not the site');
  const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling in the widget at 390 px (overflow ${overflow}px)`);
  const box = await customerPage.locator('iframe[title="Chat with support"]').boundingBox();
  assert.ok(box.x >= 0 && box.x + box.width <= PHONE.width, 'the frame fits the phone screen');
  await screenshot(customerPage, 'chat-widget-prechat');
  await noSeriousAxeViolations(frame, 'chat widget pre-chat form');
});

test('the pre-chat form needs email and topic, then starts a chat that waits in the queue with the answers', { timeout: 60_000 }, async () => {
  const w = widget();
  await w.getByRole('button', { name: 'Start chat' }).click();
  await w.getByText('Tell us in a few words what it is about.').waitFor();
  await w.getByText('Enter your email address').waitFor();
  assert.equal((await admin.get('/chats?status=waiting')).items.length, 0, 'nothing started while fields were missing');

  await w.getByLabel('Your name').fill(ann.name);
  await w.getByLabel('Email (required)').fill(ann.email);
  await w.getByLabel('What is it about? (required)').fill('Printer shows E04');
  await w.getByLabel('I am a technical support technician').check();
  await w.getByLabel('Restarted the device').check();
  await w.getByLabel('Updated drivers or firmware').check();
  await w.getByLabel('Something else').check();
  await w.getByLabel('What else did you try?').fill('Swapped the toner');
  await w.getByLabel('Serial number (optional)').fill('SN-4711');
  await w.getByLabel('Machine type (optional)').fill('LaserJet 4000');
  await w.getByRole('button', { name: 'Start chat' }).click();
  await w.getByText(/Waiting for a technician\. You are next in the queue\./).waitFor();

  const waiting = (await admin.get('/chats?status=waiting')).items;
  assert.equal(waiting.length, 1);
  const c = waiting[0];
  chatId = c.id;
  ticketNumber = c.ticket_number;
  assert.equal(c.technician, true);
  assert.deepEqual([...c.steps_done].sort(), ['restarted', 'updated_drivers']);
  assert.equal(c.steps_other, 'Swapped the toner');
  assert.equal(c.serial_number, 'SN-4711');
  assert.equal(c.email, ann.email);
  const stored = await widgetFrame().evaluate(() => JSON.parse(sessionStorage.getItem('frontline.chat')));
  assert.equal(stored.id, chatId);
  assert.ok(stored.token, 'the visitor token is kept for a reload');
  await noSeriousAxeViolations(widgetFrame(), 'chat widget waiting');
});

test('the technician is told a chat waits, sees the technician flag and the steps tried, and accepts it', { timeout: 60_000 }, async () => {
  const chatsLink = techPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Chats/ });
  await eventually(async () => /1\s*waiting/.test(await chatsLink.textContent()), { what: 'the waiting count on the Chats link' });
  await chatsLink.click();
  await techPage.getByRole('heading', { level: 1, name: 'Chats' }).waitFor();
  const card = techPage.getByRole('listitem', { name: `${ann.name}: Printer shows E04` });
  await card.getByText('Technician — skip the basics').waitFor();
  const tried = card.getByRole('list', { name: 'Already tried' });
  assert.deepEqual(await tried.getByRole('listitem').allInnerTexts(), ['Restarted the device', 'Updated drivers or firmware', 'Swapped the toner']);
  await card.getByText('SN-4711').waitFor();
  await screenshot(techPage, 'chat-console-waiting');
  await noSeriousAxeViolations(techPage, 'console chats, waiting');

  await card.getByRole('button', { name: `Accept the chat with ${ann.name}` }).click();
  await techPage.getByRole('tab', { name: ann.name, selected: true }).waitFor();
  await techPage.getByRole('log', { name: `Conversation with ${ann.name}` }).waitFor();
  // The customer's widget hears about it from the server's status line.
  await widget().getByRole('log', { name: 'Conversation' }).getByText(tech.name).first().waitFor();
  await widget().getByText('Waiting for a technician').waitFor({ state: 'detached' });
  assert.equal((await admin.get(`/chats/${chatId}`)).status, 'active');
});

test('messages go both ways with typing shown, links are safe, and a reload resumes the chat', { timeout: 90_000 }, async () => {
  const w = widget();
  const techLog = techPage.getByRole('log', { name: `Conversation with ${ann.name}` });
  const customerLog = w.getByRole('log', { name: 'Conversation' });

  const customerBox = w.getByRole('textbox', { name: 'Write a message' });
  await customerBox.pressSequentially('It still says E0');
  await techPage.getByText(`${ann.name} is typing…`).waitFor();
  await customerBox.pressSequentially('4');
  await customerBox.press('Enter');
  await techLog.getByText('It still says E04').waitFor();
  await customerLog.getByRole('listitem').filter({ hasText: 'It still says E04' }).getByText('Sent', { exact: true }).waitFor();
  await techPage.getByText(`${ann.name} is typing…`).waitFor({ state: 'detached' });

  // A canned response with its placeholders filled, then a line of the technician's own.
  await techPage.getByLabel('Canned response').selectOption({ label: 'Greeting' });
  await techPage.getByRole('button', { name: 'Insert' }).click();
  const techBox = techPage.getByRole('textbox', { name: `Message to ${ann.name}` });
  assert.equal(await techBox.inputValue(), `Hello ${ann.name}, ${tech.name} here about ticket #${ticketNumber}.`);
  await techBox.press('Shift+Enter');
  await techBox.pressSequentially('See https://help.example/e04. And javascript:alert(1)');
  await w.getByText(`${tech.name} is typing…`).waitFor();
  await techBox.press('Enter');
  await customerLog.getByText(`Hello ${ann.name}`).waitFor();
  assert.equal(await techBox.inputValue(), '', 'the composer is empty after sending');
  const link = customerLog.getByRole('link', { name: 'https://help.example/e04' });
  assert.equal(await link.getAttribute('href'), 'https://help.example/e04');
  assert.match(await link.getAttribute('rel'), /noopener/);
  assert.equal(await customerLog.getByRole('link').count(), 1, 'javascript: is never a link');

  // A reload of the customer's page reopens the widget and resumes the same chat.
  await customerPage.reload();
  await widget().getByRole('log', { name: 'Conversation' }).getByText('It still says E04').waitFor();
  await widget().getByRole('log', { name: 'Conversation' }).getByText(`Hello ${ann.name}`).waitFor();
  assert.equal((await admin.get('/chats?status=active')).items.length, 1, 'no second chat');
  await widget().getByRole('textbox', { name: 'Write a message' }).fill('Back again');
  await widget().getByRole('textbox', { name: 'Write a message' }).press('Enter');
  await techLog.getByText('Back again').waitFor();
  const messages = (await admin.get(`/chats/${chatId}/messages`)).items.filter((e) => e.type === 'message');
  assert.deepEqual(
    messages.map((m) => m.body.split('\n')[0]),
    // The topic opens the log as the customer's first message.
    ['Printer shows E04', 'It still says E04', `Hello ${ann.name}, ${tech.name} here about ticket #${ticketNumber}.`, 'Back again'],
    'each message once, in order',
  );
  await screenshot(customerPage, 'chat-widget-conversation');
  await noSeriousAxeViolations(widgetFrame(), 'chat widget conversation');
});

test('a form the technician sends is filled in inside the chat, required fields enforced, and the technician sees the answers', { timeout: 60_000 }, async () => {
  await techPage.getByLabel('Form', { exact: true }).selectOption({ label: 'Replacement' });
  await techPage.getByRole('button', { name: 'Send form' }).click();
  const form = widget().getByRole('form', { name: 'Replacement' });
  await form.waitFor();
  await form.getByRole('button', { name: 'Send answers' }).click();
  await form.getByText('Please fill in shipping address.').waitFor();
  assert.equal(await form.getByLabel('Shipping address (required)').getAttribute('aria-invalid'), 'true');
  await form.getByLabel('Shipping address (required)').fill('1 Main St\nSpringfield');
  await form.getByLabel('Yes').check();
  await form.getByRole('button', { name: 'Send answers' }).click();
  const answered = widget().getByRole('region', { name: 'Replacement' });
  await answered.getByText('1 Main St').waitFor();

  const techAnswers = techPage.getByRole('log', { name: `Conversation with ${ann.name}` }).getByRole('region', { name: 'Replacement' });
  await techAnswers.getByText('1 Main St').waitFor();
  await techAnswers.getByText('Yes', { exact: true }).waitFor();
  const submitted = (await admin.get(`/chats/${chatId}/messages`)).items.find((e) => e.type === 'form' && e.action === 'submitted');
  assert.equal(submitted.values.address, '1 Main St\nSpringfield');
  assert.equal(submitted.values.express, 'yes');
  await screenshot(techPage, 'chat-console-active');
  await noSeriousAxeViolations(techPage, 'console chats, active chat');
});

test('the technician ends the chat and resolves the ticket; the customer downloads the transcript and rates it', { timeout: 60_000 }, async () => {
  await techPage.getByRole('button', { name: 'End chat…' }).click();
  const dialog = techPage.getByRole('dialog', { name: `End the chat with ${ann.name}` });
  await dialog.getByLabel('Resolve the ticket').check();
  await dialog.getByRole('button', { name: 'End chat' }).click();
  await techPage.getByText('This chat has ended.').waitFor();

  const w = widget();
  await w.getByRole('heading', { name: 'The chat has ended' }).waitFor();
  assert.equal(await w.getByRole('textbox', { name: 'Write a message' }).count(), 0, 'no composer after the end');
  const [download] = await Promise.all([customerPage.waitForEvent('download'), w.getByRole('button', { name: 'Download transcript' }).click()]);
  const transcript = readFileSync(await download.path(), 'utf8');
  assert.match(transcript, /It still says E04/);
  assert.match(transcript, /Back again/);

  await w.getByLabel('5 – excellent').check();
  await w.getByRole('button', { name: 'Send rating' }).click();
  await w.getByText('Thank you for your rating.').waitFor();
  const c = await admin.get(`/chats/${chatId}`);
  assert.equal(c.status, 'ended');
  assert.equal(c.rating, 5);
  assert.equal((await admin.get(`/tickets/${ticketNumber}`)).status, 'resolved');
  await screenshot(customerPage, 'chat-widget-ended');
  await noSeriousAxeViolations(widgetFrame(), 'chat widget after the end');
});

// The body of a captured message as text, whatever transfer encoding the sender chose.
function bodyText(raw) {
  const parts = raw.split(/\r?\n\r?\n/);
  const headers = parts[0];
  let body = parts.slice(1).join('\n\n');
  if (/content-transfer-encoding:\s*base64/i.test(raw) && !/multipart/i.test(headers)) {
    body = Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  } else if (/content-transfer-encoding:\s*quoted-printable/i.test(raw)) {
    body = Buffer.from(body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, (_, h) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
  }
  return body;
}

test('the customer gets the transcript by email', { timeout: 60_000 }, async () => {
  const mail = await eventually(() => smtp.messages.find((m) => m.to.includes(ann.email) && /Transcript/i.test(m.data)), {
    timeoutMs: 30_000,
    what: 'the transcript mail at the SMTP sink',
  });
  assert.match(mail.data, new RegExp(`Subject:.*#${ticketNumber}`));
  assert.match(bodyText(mail.data), /It still says E04/);
});

test('an admin builds a chat form with ordered fields on the Chat forms screen', { timeout: 60_000 }, async () => {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.goto('/admin/chat-forms');
  await page.getByRole('heading', { level: 1, name: 'Chat forms' }).waitFor();
  await page.getByRole('list', { name: 'Chat forms' }).getByText('Replacement').waitFor();
  const editor = page.getByRole('form', { name: 'New chat form' });
  await editor.getByLabel('Title').fill('Callback');
  await editor.getByLabel('Label (what the customer reads)').fill('Best time to call');
  await editor.getByLabel('Name (the answer’s key)').fill('when');
  await editor.getByLabel('Type').selectOption('choice');
  await editor.getByLabel('Options, one per line').fill('Morning\nAfternoon');
  await editor.getByRole('button', { name: 'Add a field' }).click();
  await editor.getByLabel('Label (what the customer reads)').nth(1).fill('Phone number');
  await editor.getByLabel('Name (the answer’s key)').nth(1).fill('phone');
  await editor.getByLabel('Type').nth(1).selectOption('phone');
  await editor.getByLabel('Required').nth(1).check();
  await editor.getByRole('button', { name: 'Move up field 2' }).click();
  await screenshot(page, 'chat-admin-forms');
  await noSeriousAxeViolations(page, 'admin chat forms');
  await editor.getByRole('button', { name: 'Add form' }).click();
  await page.getByRole('status').getByText('Added Callback.').waitFor();
  const forms = await admin.get('/chat-forms');
  const callback = (forms.items ?? forms).find((f) => f.title === 'Callback');
  assert.deepEqual(
    callback.fields.map((f) => [f.name, f.type, f.required, f.options ?? []]),
    [
      ['phone', 'phone', true, []],
      ['when', 'choice', false, ['Morning', 'Afternoon']],
    ],
  );
  await page.context().close();
});

test('a signed-in customer chats from the portal with their email filled in, and can end the chat themselves', { timeout: 60_000 }, async () => {
  const olga = { email: 'olga@customer.example', name: 'Olga Portal', password: 'olga-password-1' };
  await admin.createUser({ ...olga, role: 'customer' });
  const { page, context } = await newPerson(browser, server.url, { viewport: PHONE });
  await signInThroughForm(page, olga.email, olga.password);
  await page.waitForURL('**/portal');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat with us' }).click();
  await page.getByRole('heading', { level: 1, name: 'Chat with us' }).waitFor();
  assert.equal(await page.getByLabel('Email (required)').inputValue(), olga.email);
  await noSeriousAxeViolations(page, 'portal chat on a phone');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling in the portal chat at 390 px (overflow ${overflow}px)`);
  assert.equal(await page.getByLabel('Your name').inputValue(), olga.name);
  await page.getByLabel('What is it about? (required)').fill('Toner order');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.getByText(/Waiting for a technician/).waitFor();
  await page.getByRole('textbox', { name: 'Write a message' }).fill('Anyone there?');
  await page.getByRole('textbox', { name: 'Write a message' }).press('Enter');
  await page.getByRole('log', { name: 'Conversation' }).getByText('Sent', { exact: true }).waitFor();
  const mine = (await admin.get('/chats?status=waiting')).items.find((c) => c.email === olga.email);
  assert.ok(mine, 'the chat waits under her own address');

  // A reload finds her open chat again (no second one).
  await page.reload();
  await page.getByRole('log', { name: 'Conversation' }).getByText('Anyone there?').waitFor();
  await page.getByRole('button', { name: 'End chat' }).click();
  await page.getByRole('heading', { name: 'The chat has ended' }).waitFor();
  assert.equal((await admin.get(`/chats/${mine.id}`)).status, 'ended');
  await screenshot(page, 'chat-portal-ended');
  await context.close();
});

test('a technician transfers a chat to a colleague with a note; it leaves their tabs and becomes the colleague’s', { timeout: 60_000 }, async () => {
  const tom = await admin.createUser({ email: 'tom@frontline.example', name: 'Tom Colleague', role: 'agent', password: 'tom-password-1' });
  const res = await fetch(`${server.url}/api/v1/chats`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name: 'Cy Visitor', email: 'cy@customer.example', topic: 'Monitor flickers' }),
  });
  assert.equal(res.status, 201);
  const started = await res.json();
  await techPage.goto('/console/chats');
  const card = techPage.getByRole('listitem', { name: 'Cy Visitor: Monitor flickers' });
  await card.getByRole('button', { name: 'Accept the chat with Cy Visitor' }).click();
  await techPage.getByRole('tab', { name: 'Cy Visitor', selected: true }).waitFor();
  await techPage.getByRole('tabpanel', { name: 'Cy Visitor' }).getByRole('button', { name: 'Transfer…' }).click();
  const dialog = techPage.getByRole('dialog', { name: 'Transfer the chat with Cy Visitor' });
  await dialog.getByLabel('Technician', { exact: true }).selectOption({ label: 'Tom Colleague' });
  await dialog.getByLabel(/Note for them/).fill('Knows this monitor model.');
  await dialog.getByRole('button', { name: 'Transfer' }).click();
  await techPage.getByRole('tab', { name: 'Cy Visitor' }).waitFor({ state: 'detached' });
  const c = await admin.get(`/chats/${started.id}`);
  assert.equal(c.agent?.id, tom.id);
  await techPage.getByRole('region', { name: 'Other technicians’ chats' }).getByText('Tom Colleague').waitFor();
});
