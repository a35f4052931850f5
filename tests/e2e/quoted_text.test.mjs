// Focus of this file: messages that arrive with the previous mail quoted and a signature show
// only the new words; the quoted text and the signature stay one keyboard step away, in the
// console and in the portal, and the stored text is untouched.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let agent;
const tech = { email: 'quinn@frontline.example', name: 'Quinn Queue', password: 'quinn-password-1' };
const customer = { email: 'ann@acme.example', name: 'Ann Acme', password: 'ann-password-1' };
const BODY = 'New info\n\nOn Mon, Ann wrote:\n> old line 1\n> old line 2';

before(async () => {
  server = await startServer();
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ ...customer, role: 'customer', organization: 'Acme' });
  agent = await Api.signIn(server.url, tech.email, tech.password);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('quoted text is folded away until "Show quoted text", in the console and the portal', { timeout: 60_000 }, async () => {
  const t = await agent.post('/tickets', { subject: 'Scanner sends blank pages', body: BODY, requester_email: customer.email });
  const stored = await agent.get(`/tickets/${t.number}/messages`);
  assert.equal(stored.items[0].body, BODY, 'the stored text stays whole');

  const q = await newPerson(browser, server.url);
  await signInThroughForm(q.page, tech.email, tech.password);
  await q.page.waitForURL('**/console');
  await q.page.goto(`/console/tickets/${t.number}`);
  await q.page.getByRole('heading', { level: 1, name: 'Scanner sends blank pages' }).waitFor();
  const a = await newPerson(browser, server.url);
  await signInThroughForm(a.page, customer.email, customer.password);
  await a.page.waitForURL('**/portal');
  await a.page.goto(`/portal/tickets/${t.number}`);
  await a.page.getByRole('heading', { level: 1, name: 'Scanner sends blank pages' }).waitFor();

  for (const page of [q.page, a.page]) {
    const message = page.getByRole('article', { name: /^Message from/ });
    await message.getByText('New info').waitFor();
    const quoted = message.getByText('old line 1');
    assert.equal(await quoted.isVisible(), false, 'quoted lines hidden at first');
    assert.equal(await message.getByText('On Mon, Ann wrote:').isVisible(), false, 'the attribution line is folded too');
    // Keyboard: focus the summary and press Enter.
    const summary = message.getByText('Show quoted text');
    await summary.focus();
    await page.keyboard.press('Enter');
    await quoted.waitFor({ state: 'visible' });
    assert.ok(await message.getByText('old line 2').isVisible());
  }
});

test('mail with a signature and an Outlook original shows the new words and folds both', { timeout: 60_000 }, async () => {
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const { token } = await admin.post('/tokens', { name: 'mail gateway', email: tech.email });
  const mail = [
    `From: Ann Acme <${customer.email}>`,
    'To: help@frontline.example',
    'Subject: Badge reader at door 2',
    'Message-ID: <badge-1@acme.example>',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'The reader beeps red for everyone since this morning.',
    '',
    '-- ',
    'Ann Acme, Facilities',
    '',
    '-----Original Message-----',
    'From: Facilities <facilities@acme.example>',
    'Sent: Monday 09:00',
    'Subject: Door 2',
    '',
    'Please report problems to the help desk.',
    '',
  ].join('\r\n');
  const res = await fetch(`${server.url}/api/v1/mail/inbound`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'message/rfc822' },
    body: mail,
  });
  assert.equal(res.status < 300, true, `inbound mail refused: ${res.status} ${await res.clone().text()}`);
  const { ticket_number: number } = await res.json();
  assert.ok(number, 'the mail opened a ticket');

  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  await page.goto(`/console/tickets/${number}`);
  await page.getByRole('heading', { level: 1, name: 'Badge reader at door 2' }).waitFor();
  const message = page.getByRole('article', { name: /^Message from/ });
  await message.getByText('The reader beeps red').waitFor();
  await screenshot(page, 'ticket-email-folded');
  const signature = message.getByText('Ann Acme, Facilities');
  const original = message.getByText('Please report problems');
  assert.equal(await signature.isVisible(), false, 'signature folded');
  assert.equal(await original.isVisible(), false, 'original message folded');
  await message.getByText('Show signature').click();
  await signature.waitFor({ state: 'visible' });
  assert.equal(await original.isVisible(), false, 'opening the signature leaves the quote folded');
  await message.getByText('Show quoted text').click();
  await original.waitFor({ state: 'visible' });
  await screenshot(page, 'ticket-email-unfolded');
});
