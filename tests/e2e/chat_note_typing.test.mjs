// Focus of this file: typing an internal note is staff business — while a colleague writes an
// internal note on the ticket page of an active chat, the technician in the chat sees "… is
// writing an internal note…" in their chat panel, and the customer's widget never shows a typing
// indicator nor receives a typing frame (nor the note itself). A public reply typed in the chat
// panel still shows as typing to the customer.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  Api,
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  launchBrowser,
  newPerson,
  signInThroughForm,
  startServer,
  startWidgetChat,
  startWidgetSite,
} from './harness.mjs';

const tess = { email: 'tess@frontline.example', name: 'Tess Owner', password: 'tess-password-1' };
const tom = { email: 'tom@frontline.example', name: 'Tom Colleague', password: 'tom-password-1' };
const visitor = { name: 'Nina Visitor', email: 'nina@shop.example' };

let server;
let site;
let browser;
let tessPage;
let tomPage;
let customerPage;
let w;
let ticketNumber;
const customerFrames = []; // every frame the customer's chat socket received

before(async () => {
  site = await startWidgetSite();
  server = await startServer({ env: { FRONTLINE_CHAT_WIDGET_ORIGINS: site.url } });
  site.setHelpdesk(server.url);
  const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.createUser({ ...tess, role: 'agent' });
  await admin.createUser({ ...tom, role: 'agent' });
  browser = await launchBrowser();
  ({ page: tessPage } = await newPerson(browser, server.url));
  await signInThroughForm(tessPage, tess.email, tess.password);
  await tessPage.waitForURL('**/console');
  await tessPage.locator('.live[role="status"]').filter({ hasText: /^Live$/ }).waitFor();

  ({ page: customerPage } = await newPerson(browser, site.url, { viewport: { width: 390, height: 844 } }));
  customerPage.on('websocket', (ws) => {
    if (ws.url().includes('/socket')) ws.on('framereceived', (f) => customerFrames.push(JSON.parse(String(f.payload))));
  });
  w = await startWidgetChat(customerPage, { ...visitor, topic: 'Laptop will not charge' });
  await w.getByText(/Waiting for a technician/).waitFor();
  await tessPage.goto('/console/chats');
  await tessPage.getByRole('button', { name: `Accept the chat with ${visitor.name}` }).click();
  await tessPage.getByRole('tab', { name: visitor.name, selected: true }).waitFor();
  await w.getByRole('log', { name: 'Conversation' }).getByText(tess.name).first().waitFor();
  ticketNumber = (await admin.get('/chats?status=active')).items[0].ticket_number;

  ({ page: tomPage } = await newPerson(browser, server.url));
  await signInThroughForm(tomPage, tom.email, tom.password);
  await tomPage.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await site?.close();
});

test('a colleague writing an internal note on the chat’s ticket shows in the technician’s chat panel, never to the customer', { timeout: 60_000 }, async () => {
  const chatSocket = tomPage.waitForEvent('websocket', { predicate: (ws) => /\/api\/v1\/chats\/\d+\/socket/.test(ws.url()) });
  await tomPage.goto(`/console/tickets/${ticketNumber}`);
  await tomPage.getByRole('heading', { level: 1, name: 'Laptop will not charge' }).waitFor();
  await chatSocket; // the ticket page of an active chat opens the chat's socket
  await tomPage.getByLabel('Internal note', { exact: false }).first().check();
  const note = tomPage.getByRole('textbox', { name: 'Internal note (only staff will see it)' });
  await note.pressSequentially('Battery recall list: check the serial');

  const panel = tessPage.getByRole('tabpanel', { name: visitor.name });
  await panel.getByText(`${tom.name} is writing an internal note…`).waitFor();
  assert.equal(await panel.getByText(`${tom.name} is typing…`).count(), 0, 'the note is not shown as typing in the chat');

  await tomPage.getByRole('button', { name: 'Add internal note' }).click();
  await tomPage.getByText('Battery recall list: check the serial').first().waitFor();
  // Tess's panel heard the note typing, so the frames were sent; the widget got none of them.
  assert.equal(await w.locator('.chat-typing').innerText(), '', 'the widget shows no typing indicator');
  assert.deepEqual(customerFrames.filter((f) => f.type === 'typing'), [], 'no typing frame reached the customer');
  assert.equal(await w.getByText('Battery recall list').count(), 0, 'the note itself never reaches the chat');
});

test('a public reply typed in the chat panel still shows the customer that the technician is typing', { timeout: 60_000 }, async () => {
  await tessPage.getByRole('textbox', { name: `Message to ${visitor.name}` }).pressSequentially('Let me check');
  await w.getByText(`${tess.name} is typing…`).waitFor();
  assert.deepEqual(
    customerFrames.filter((f) => f.type === 'typing').map((f) => [f.author.name, f.internal ?? false]),
    [[tess.name, false]],
    'only the plain typing frame of the reply reached the customer',
  );
});
