// Focus of this file: the Reports page (leaderboard, closed tickets by day and channel, the CSV
// download, a reopen taking a close back), a technician's own preferences (morning report, time
// zone, away days), and the admin's boards and organisation work weeks — each screen also
// without serious or critical axe-core violations.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let ana; // Ana's own cookie session: she resolves and reopens her tickets through the API
let anaUser;
let bobUser;
let page; // Ana's browser
let adminPage;
let today; // the server's today for Ana (her time zone decides the day)
const anaTickets = [];
const tech = { email: 'ana@frontline.example', name: 'Ana Agent', password: 'ana-password-1' };
const other = { email: 'bob@frontline.example', name: 'Bob Builder', password: 'bob-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  anaUser = await admin.createUser({ ...tech, role: 'agent' });
  bobUser = await admin.createUser({ ...other, role: 'agent' });
  await admin.post('/teams', { name: 'Help desk', member_ids: [anaUser.id] });
  await admin.post('/organizations', { name: 'Acme', share_tickets: false });
  const open = (subject) =>
    admin.post('/tickets', { subject, body: `${subject}, please help.`, requester_email: 'rita@acme.example', requester_name: 'Rita Requester' });
  ana = await Api.signIn(server.url, tech.email, tech.password);
  const bob = await Api.signIn(server.url, other.email, other.password);
  for (const subject of ['Printer jams', 'Password expired']) {
    const t = await open(subject);
    await admin.patch(`/tickets/${t.number}`, { assignee_id: anaUser.id });
    await ana.patch(`/tickets/${t.number}`, { status: 'resolved' });
    anaTickets.push(t.number);
  }
  const t = await open('Monitor flickers');
  await admin.patch(`/tickets/${t.number}`, { assignee_id: bobUser.id });
  await bob.patch(`/tickets/${t.number}`, { status: 'resolved' });
  today = (await ana.get('/reports/closed?group_by=day')).to;

  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
  ({ page: adminPage } = await newPerson(browser, server.url));
  await signInThroughForm(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  await adminPage.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const leaderboard = (name = /^Company:/) => page.getByRole('table', { name });
const closedTable = (by) => page.getByRole('table', { name: new RegExp(`^Closed by ${by},`) });
/** A table row's cells as text: [rank, technician, team, closed, working days, average]. */
const cells = (row) => row.locator('th, td').allInnerTexts();
const fetchInPage = (href) => page.evaluate(async (h) => (await fetch(h)).text(), href);

async function check(p, name) {
  await p.waitForLoadState('networkidle').catch(() => {});
  await screenshot(p, name);
  const bad = await axeViolations(p, name);
  assert.deepEqual(
    bad.map((v) => `${v.impact} ${v.id}: ${v.help}`),
    [],
    `${name}: serious or critical accessibility violations`,
  );
  assert.equal(await p.locator('h1').count(), 1, `${name}: one h1`);
}

test('a technician sees their closes on the leaderboard, by day and by channel, and downloads the CSV', { timeout: 60_000 }, async () => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
  await page.waitForURL('**/console/reports');
  await page.getByRole('heading', { level: 1, name: 'Reports' }).waitFor();

  // Ranked first with her two closes, her row marked as hers; Bob below her (admins are unranked).
  const mine = leaderboard().locator('tbody tr', { hasText: tech.name });
  await mine.waitFor();
  const [rank, name, team, closed, workingDays, average] = await cells(mine);
  // Her first day, whatever weekday it is, had closes: it counts as worked.
  assert.equal(workingDays, '1');
  assert.equal(average, '2.00');
  assert.equal(rank, '1');
  assert.match(name, /Ana Agent\s*You/);
  assert.equal(team, 'Help desk');
  assert.equal(closed, '2');
  assert.match(await mine.getAttribute('class'), /\bmine\b/);
  assert.deepEqual(await cells(leaderboard().locator('tbody tr', { hasText: other.name })).then((c) => [c[0], c[3]]), ['2', '1']);
  assert.equal(await page.getByLabel('Up to and including').inputValue(), today, 'the date defaults to today');

  // Closed by day, the default: the three closes on today, the quiet days as 0.
  const byDay = closedTable('day');
  await byDay.waitFor();
  assert.deepEqual(await cells(byDay.locator(`tr[data-key="${today}"]`)).then((c) => c.slice(1)), ['3']);
  assert.equal(await byDay.locator('tbody tr').count(), 14, 'all 14 days of the default range');
  assert.deepEqual((await cells(byDay.locator('tfoot tr'))).map((s) => s.trim()), ['Total', '3']);
  await page.getByRole('img', { name: /Bar chart of closed tickets by day.*3 in total/ }).waitFor();
  const csvDay = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  assert.match(csvDay, /group_by=day/);
  assert.match(csvDay, /format=csv/);
  const dayCsv = await fetchInPage(csvDay);
  assert.ok(dayCsv.startsWith('day,key,closed'), `CSV starts with its header: ${JSON.stringify(dayCsv.slice(0, 40))}`);
  assert.match(dayCsv, new RegExp(`${today},${today},3`));

  // By channel: the tickets came in through the web API.
  await page.getByLabel('Group by').selectOption('channel');
  const byChannel = closedTable('channel');
  await byChannel.waitFor();
  const web = byChannel.locator('tbody tr[data-key="web"]');
  await web.waitFor();
  assert.deepEqual(await cells(web), ['web', '3']);
  await page.getByRole('img', { name: /Bar chart of closed tickets by channel/ }).waitFor();
  const csvChannel = await page.getByRole('link', { name: 'Download CSV' }).getAttribute('href');
  assert.ok((await fetchInPage(csvChannel)).startsWith('channel,key,closed'));
  await screenshot(page, 'reports-by-channel');
});

test('typing a date in Reports loads once, on the complete date, and keeps what was typed, To and the CSV link', { timeout: 60_000 }, async () => {
  await page.goto('/console/reports');
  await closedTable('day').waitFor();
  const from = page.getByRole('region', { name: 'Closed tickets' }).getByLabel('From', { exact: true });
  const to = page.getByRole('region', { name: 'Closed tickets' }).getByLabel('To', { exact: true });
  assert.equal(await to.inputValue(), today);
  const requests = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/v1/reports/closed')) requests.push(r.url());
  });
  const day = new Date(Date.parse(`${today}T00:00:00Z`) - 5 * 86_400_000).toISOString().slice(0, 10);
  const [y, m, d] = day.split('-');
  await from.focus();
  await page.keyboard.type(`${m}${d}${y}`, { delay: 30 });
  await eventually(() => requests.some((u) => u.includes(`from=${day}`)), { what: 'the report for the typed range' });
  await page.waitForLoadState('networkidle').catch(() => {});
  assert.equal(requests.length, 1, `one load for the complete date, not one per keystroke: ${requests.join(' ')}`);
  assert.equal(await from.inputValue(), day, 'what was typed stays');
  assert.equal(await to.inputValue(), today, '“To” is not cleared');
  await page.getByRole('link', { name: 'Download CSV' }).waitFor();
  assert.equal(await closedTable('day').locator('tbody tr').count(), 6);

  // A From after To: a plain sentence, nothing loaded, the last report and its CSV stay.
  const later = new Date(Date.parse(`${today}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
  const [y2, m2, d2] = later.split('-');
  requests.length = 0;
  await from.click({ position: { x: 14, y: 12 } }); // on the month, where typing a date starts
  await page.keyboard.type(`${m2}${d2}${y2}`, { delay: 30 });
  await page.getByRole('alert').filter({ hasText: 'The “From” date is after the “To” date.' }).waitFor();
  assert.equal(requests.length, 0);
  assert.equal(await page.getByRole('alert').filter({ hasText: /from: must/ }).count(), 0, 'no raw server wording');
  await page.getByRole('link', { name: 'Download CSV' }).waitFor();
  assert.deepEqual(await axeViolations(page, 'reports-date-typed'), []);
});

test('a reopen takes the close back once the page is reloaded', { timeout: 60_000 }, async () => {
  await ana.patch(`/tickets/${anaTickets[0]}`, { status: 'open' });
  await page.goto('/console/reports');
  const mine = leaderboard().locator('tbody tr', { hasText: tech.name });
  await mine.waitFor();
  assert.equal((await cells(mine))[3], '1');
  const todayRow = closedTable('day').locator(`tr[data-key="${today}"]`);
  await todayRow.waitFor();
  assert.equal((await cells(todayRow))[1], '2');
});

test('a technician turns the morning report off, is told about a bad time zone, and adds an away day', { timeout: 60_000 }, async () => {
  await page.getByRole('link', { name: 'Preferences' }).click();
  await page.getByRole('heading', { level: 1, name: 'My preferences' }).waitFor();
  const zone = page.getByLabel('Time zone', { exact: true });
  await eventually(async () => (await zone.inputValue()) === 'UTC', { what: 'the time zone to be filled in' });
  const morning = page.getByRole('checkbox', { name: 'Send me the morning report' });
  assert.equal(await morning.isChecked(), true);

  await morning.uncheck();
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved your preferences.' }).waitFor();
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'My preferences' }).waitFor();
  await eventually(async () => (await zone.inputValue()) === 'UTC', { what: 'the preferences to load again' });
  assert.equal(await morning.isChecked(), false, 'the morning report stays off after a reload');
  const stored = (await ana.get(`/users?role=agent&q=${encodeURIComponent(tech.email)}`)).items.find((u) => u.id === anaUser.id);
  assert.equal(stored.morning_report, false);

  // The server's own words appear next to the field.
  await zone.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  const zoneError = page.locator('.field', { has: zone }).locator('.field-error');
  await zoneError.waitFor();
  assert.match(await zoneError.innerText(), /must be a time zone name like Europe\/Berlin/);
  assert.equal(await zone.getAttribute('aria-invalid'), 'true');
  const describedBy = await zone.getAttribute('aria-describedby');
  assert.ok(describedBy.split(' ').includes(await zoneError.getAttribute('id')), 'the error describes the field');
  await zone.fill('Europe/Berlin');
  await page.getByRole('button', { name: 'Save preferences' }).click();
  await page.getByRole('status').filter({ hasText: 'Saved your preferences.' }).waitFor();
  await zoneError.waitFor({ state: 'detached' });

  // An away day is listed, and can be taken back.
  const awayDay = '2026-12-24';
  await page.getByLabel('Add an away day').fill(awayDay);
  await page.getByRole('button', { name: 'Add away day' }).click();
  const listed = page.getByRole('list', { name: 'Away days' }).locator(`time[datetime="${awayDay}"]`);
  await listed.waitFor();
  assert.deepEqual((await ana.get(`/users/${anaUser.id}/away`)).days, [awayDay]);
  await check(page, 'preferences');
  await page.getByRole('button', { name: /^Remove away day/ }).click();
  await listed.waitFor({ state: 'detached' });
  await page.getByText('No away days.').waitFor();
});

test('an admin creates a board with one technician, and the board ranks only them', { timeout: 60_000 }, async () => {
  await adminPage.goto('/admin/users');
  await adminPage.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'Boards' }).click();
  await adminPage.getByRole('heading', { level: 1, name: 'Boards' }).waitFor();
  await adminPage.getByText('No boards yet.').waitFor();
  const form = adminPage.getByRole('form', { name: 'New board' });
  await form.getByLabel('Board name').fill('Field');
  await form.getByRole('checkbox', { name: other.name }).check();
  await form.getByRole('button', { name: 'Create board' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'Created board Field.' }).waitFor();
  const card = adminPage.getByRole('form', { name: 'Field' });
  await card.waitFor();
  assert.equal(await card.getByRole('checkbox', { name: other.name }).isChecked(), true);
  assert.equal(await card.getByRole('checkbox', { name: tech.name }).isChecked(), false);
  assert.deepEqual((await admin.get('/boards')).items.map((b) => [b.name, b.member_ids]), [['Field', [bobUser.id]]]);

  await page.goto('/console/reports');
  await leaderboard().waitFor();
  await page.getByLabel('Board', { exact: true }).selectOption('Field');
  const board = leaderboard(/^Field:/);
  await board.waitFor();
  const rows = board.locator('tbody tr');
  assert.equal(await rows.count(), 1, 'only the board’s member is ranked');
  const [rank, name] = await cells(rows.first());
  assert.equal(rank, '1');
  assert.equal(name, other.name);

  // Members can be changed, and a board deleted.
  await card.getByRole('checkbox', { name: tech.name }).check();
  await card.getByRole('button', { name: 'Save board' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'Saved board Field.' }).waitFor();
  const field = (await admin.get('/boards')).items.find((b) => b.name === 'Field');
  assert.deepEqual([...field.member_ids].sort(), [anaUser.id, bobUser.id].sort());
  await adminPage.getByRole('form', { name: 'New board' }).getByLabel('Board name').fill('Night shift');
  await adminPage.getByRole('form', { name: 'New board' }).getByRole('button', { name: 'Create board' }).click();
  await adminPage.getByRole('form', { name: 'Night shift' }).waitFor();
  await check(adminPage, 'admin-boards');
  await adminPage.getByRole('button', { name: 'Delete board Night shift' }).click();
  await adminPage.getByRole('status').filter({ hasText: 'Deleted board Night shift.' }).waitFor();
  await adminPage.getByRole('form', { name: 'Night shift' }).waitFor({ state: 'detached' });
  assert.deepEqual((await admin.get('/boards')).items.map((b) => b.name), ['Field']);
});

test('technicians are ranked by default, admins not, and an admin takes a technician off the board', { timeout: 60_000 }, async () => {
  await page.goto('/console/reports');
  const names = async () => {
    await leaderboard().locator('tbody tr').first().waitFor();
    return leaderboard().locator('tbody tr th').allInnerTexts(); // the technician cells
  };
  const before = await names();
  assert.ok(!before.some((n) => n.includes('Administrator')), `admins start unranked: ${before.join(', ')}`);
  assert.ok(before.some((n) => n.includes(other.name)), 'technicians start ranked');
  await adminPage.goto('/admin/users');
  await adminPage.getByRole('button', { name: `Edit ${other.name}` }).click();
  const dialog = adminPage.getByRole('dialog', { name: `Edit ${other.name}` });
  await dialog.getByRole('checkbox', { name: 'On the company leaderboard' }).uncheck();
  await dialog.getByRole('button', { name: 'Save', exact: true }).click();
  await adminPage.getByRole('status').filter({ hasText: `Saved ${other.name}.` }).waitFor();
  await page.reload();
  const after = await names();
  assert.ok(!after.some((n) => n.includes(other.name)), after.join(', '));
  assert.ok(after.some((n) => n.includes(tech.name)));
});

test('an admin gives an organisation a Saturday in its work week', { timeout: 60_000 }, async () => {
  await adminPage.goto('/admin/organizations');
  await adminPage.getByRole('heading', { level: 1, name: 'Organisations' }).waitFor();
  const week = adminPage.getByRole('group', { name: 'Work week of Acme' });
  await week.waitFor();
  assert.equal(await week.getByRole('checkbox', { name: 'Mon' }).isChecked(), true);
  assert.equal(await week.getByRole('checkbox', { name: 'Sat' }).isChecked(), false);
  await week.getByRole('checkbox', { name: 'Sat' }).check();
  await adminPage.getByRole('status').filter({ hasText: 'Acme now works Mon, Tue, Wed, Thu, Fri, Sat.' }).waitFor();
  const acme = (await admin.get('/organizations')).items.find((o) => o.name === 'Acme');
  assert.deepEqual(acme.work_week, ['mon', 'tue', 'wed', 'thu', 'fri', 'sat']);
  await check(adminPage, 'admin-organizations-work-week');
});

test('the Reports page has no serious or critical accessibility violations', { timeout: 60_000 }, async () => {
  await page.goto('/console/reports');
  await leaderboard().locator('tbody tr').first().waitFor();
  await closedTable('day').waitFor();
  await check(page, 'reports');
});
