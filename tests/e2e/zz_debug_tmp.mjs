import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';
const server = await startServer();
const admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
const browser = await launchBrowser();
try {
  const { page } = await newPerson(browser, server.url);
  page.on('console', (m) => console.log('[console]', m.text()));
  page.on('websocket', (ws) => { ws.on('framereceived', (f) => console.log('[ws in]', ws.url().slice(-40), String(f.payload).slice(0, 300))); });
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
  await page.waitForTimeout(1000);
  const r = await fetch(`${server.url}/api/v1/chats`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ email: 'a@b.example', topic: 'x', technician: true, steps_done: ['restarted'] }) });
  console.log('POST', r.status, await r.text());
  await page.waitForTimeout(1500);
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /^Chats/ });
  console.log('link text', JSON.stringify(await link.innerText()));
  console.log(JSON.stringify(await admin.get('/chats?status=waiting')));
  await page.goto('/console/chats');
  await page.waitForTimeout(1500);
  console.log(await page.locator('main').innerText());
} finally {
  await browser.close();
  await server.stop();
}
