// Focus of this file: Admin → Categories deletes an unused category at once, and asks before
// deleting one that tickets use, naming how many (a name with a space is counted too); Cancel
// keeps it, the confirm button deletes it and the tickets keep their category; after a delete,
// focus is on the next Delete button (or the heading when none is left), not lost to the page.
// axe runs on the question.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
const used = [];

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  await admin.post('/categories', { name: 'Printers and scanners' });
  await admin.post('/categories', { name: 'Printers' });
  await admin.post('/categories', { name: 'Unused' });
  for (const subject of ['Toner empty', 'Scanner offline']) {
    used.push(await admin.post('/tickets', { subject, body: `${subject}.`, requester_email: 'olly@acme.example', category: 'Printers and scanners' }));
  }
  // One ticket in a category whose name begins the same way: it is not counted.
  await admin.post('/tickets', { subject: 'Paper jam', body: 'Jammed.', requester_email: 'olly@acme.example', category: 'Printers' });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, ADMIN_EMAIL, ADMIN_PASSWORD);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const names = async () => (await admin.get('/categories')).items.map((c) => c.name).sort();

test('an unused category is deleted at once, without a question', { timeout: 60_000 }, async () => {
  await page.goto('/admin/categories');
  await page.getByRole('heading', { level: 1, name: 'Categories' }).waitFor();
  await page.getByRole('button', { name: 'Delete category Unused', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted Unused.' }).waitFor();
  assert.equal(await page.getByRole('alertdialog').count(), 0, 'no question for an unused category');
  assert.deepEqual(await names(), ['Printers', 'Printers and scanners']);
});

test('a category tickets use asks first with the count; Cancel keeps it, confirming deletes it', { timeout: 60_000 }, async () => {
  await page.goto('/admin/categories');
  const del = page.getByRole('button', { name: 'Delete category Printers and scanners', exact: true });
  await del.click();
  const ask = page.getByRole('alertdialog', { name: 'Delete Printers and scanners?' });
  await ask.getByText('2 tickets use Printers and scanners.').waitFor();
  assert.deepEqual(await axeViolations(page, 'delete-category question'), []);
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  assert.equal(await del.evaluate((b) => b === document.activeElement), true, 'focus is back on the Delete button');
  assert.deepEqual(await names(), ['Printers', 'Printers and scanners'], 'Cancel deleted nothing');

  await del.click();
  await ask.getByRole('button', { name: 'Delete category' }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted Printers and scanners.' }).waitFor();
  assert.deepEqual(await names(), ['Printers']);
  const next = page.getByRole('button', { name: 'Delete category Printers', exact: true });
  await eventually(() => next.evaluate((b) => b === document.activeElement), { what: 'focus on the remaining Delete button' });
  for (const t of used) assert.equal((await admin.get(`/tickets/${t.number}`)).category, 'Printers and scanners', 'the tickets keep their category');
});

test('the question for a category one ticket uses says "1 ticket"', { timeout: 60_000 }, async () => {
  await page.goto('/admin/categories');
  await page.getByRole('button', { name: 'Delete category Printers', exact: true }).click();
  const ask = page.getByRole('alertdialog', { name: 'Delete Printers?' });
  await ask.getByText('1 ticket uses Printers.').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('alertdialog').waitFor({ state: 'hidden' });
  assert.deepEqual(await names(), ['Printers'], 'Esc deleted nothing');
});

test('deleting the last category puts focus on the heading', { timeout: 60_000 }, async () => {
  await admin.post('/categories', { name: 'Temporary' });
  await page.goto('/admin/categories');
  const list = page.getByRole('list', { name: 'Categories' });
  await list.getByText('Temporary').waitFor();
  for (const c of await admin.get('/categories').then((l) => l.items.filter((x) => x.name !== 'Temporary'))) {
    await admin.call('DELETE', `/categories/${c.id}`);
  }
  await page.reload();
  await page.getByRole('button', { name: 'Delete category Temporary', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'Deleted Temporary.' }).waitFor();
  const heading = page.getByRole('heading', { level: 1, name: 'Categories' });
  await eventually(() => heading.evaluate((h) => h === document.activeElement), { what: 'focus on the heading' });
});
