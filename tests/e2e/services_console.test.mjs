// Focus of this file: the console's service directory — a technician creates a service with a
// phone contact and its call tree, finds it by name, keyword and a pasted URL, reads the call
// tree as ordered steps, edits it, sees each save in the history and restores an older one;
// verifies a contact and reports one wrong; finds a contact overdue for review on their team's
// list; an admin imports a small Backstage catalog through the list screen (and sees a malformed
// one refused with its line and column), a technician exports it. axe on the list, the service,
// the editor, the history, the overdue list and the import result.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, eventually, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let teamId;
const tech = { email: 'dora@frontline.example', name: 'Dora Directory', password: 'dora-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const dora = await admin.createUser({ ...tech, role: 'agent' });
  teamId = (await admin.post('/teams', { name: 'Database team', member_ids: [dora.id] })).id;
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function noViolations(name) {
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, name);
  assert.deepEqual((await axeViolations(page, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
  assert.equal(await page.locator('h1').count(), 1, `${name}: one h1`);
}

const serviceByName = async (name) => (await admin.get(`/services?q=${encodeURIComponent(name)}`)).items.find((s) => s.name === name);

test('a technician creates a service with a call tree and reads it back as ordered steps', { timeout: 90_000 }, async () => {
  await page.getByRole('link', { name: 'Directory' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service directory' }).waitFor();
  await page.getByText('No services yet.').waitFor();
  await noViolations('services-empty');

  await page.getByRole('link', { name: 'New service' }).click();
  await page.getByRole('heading', { level: 1, name: 'New service' }).waitFor();
  await page.getByLabel('Name').fill('Federal records database');
  await page.getByLabel('Description').fill('The records database agencies query.');
  await page.getByLabel('Web addresses').fill('https://records.example.gov/login');
  await page.getByLabel('Keywords').fill('records, FedDB');
  await page.getByLabel('Supporting team').selectOption({ label: 'Database team' });
  await page.getByLabel('Customers may see this service in the portal').check();
  await page.getByRole('button', { name: 'Add a contact' }).click();
  const contact = page.getByRole('group', { name: 'Contact 1' });
  await contact.getByLabel('Phone number').fill('+1 555 0100');
  await contact.getByRole('button', { name: /^Add a step/ }).click();
  await contact.getByLabel('Step 1: press').fill('2');
  await contact.getByLabel('Step 1: then').fill('database team');
  await contact.getByRole('button', { name: /^Add a step/ }).click();
  await contact.getByLabel('Step 2: press').fill('4');
  await contact.getByLabel('Step 2: then').fill('outages');
  await contact.getByLabel('Hours', { exact: true }).fill('Mon-Fri 8-18');
  await contact.getByLabel('Time zone of the hours').fill('America/New_York');
  await contact.getByLabel('Primary contact').check();
  await contact.getByLabel('Escalation contact').check();
  await contact.getByLabel('Notes (staff only)').fill('Ask for the on-call DBA.');
  await noViolations('service-new');
  await page.getByRole('button', { name: 'Create service' }).click();

  await page.getByRole('heading', { level: 1, name: 'Federal records database' }).waitFor();
  const tree = page.getByRole('list', { name: 'Call tree for +1 555 0100' });
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team', 'Press 4: outages']);
  await page.getByText('Hours: Mon-Fri 8-18').waitFor();
  await page.getByText('(America/New_York)').waitFor();
  await page.getByText('Notes: Ask for the on-call DBA.').waitFor();
  await page.getByText('Never verified').waitFor();
  await page.getByText('Database team', { exact: true }).waitFor();
  assert.equal(await page.getByRole('link', { name: '+1 555 0100' }).getAttribute('href'), 'tel:+15550100');
  await noViolations('service-page');

  const saved = await serviceByName('Federal records database');
  assert.equal(saved.team_id, teamId);
  assert.equal(saved.public, true);
  assert.deepEqual(saved.keywords, ['records', 'FedDB']);
  assert.deepEqual(saved.contacts[0].call_tree, [
    { press: '2', then: 'database team' },
    { press: '4', then: 'outages' },
  ]);
  assert.equal(saved.contacts[0].primary, true);
  assert.equal(saved.contacts[0].time_zone, 'America/New_York');
});

test('one search box finds a service by name, by keyword and by a URL deep inside its host', { timeout: 60_000 }, async () => {
  await admin.post('/services', { name: 'Payroll portal', keywords: ['salary'], urls: ['https://pay.example.com/'], team_id: teamId });
  for (const q of ['records datab', 'feddb', 'http://WWW.Records.example.gov:8443/deep/page?x=1']) {
    await page.goto('/console/services');
    await page.getByLabel('Find a service').fill(q);
    await page.getByRole('status').filter({ hasText: /1 found for/ }).waitFor();
    await page.getByRole('link', { name: 'Federal records database' }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Payroll portal' }).count(), 0, q);
  }
  assert.match(page.url(), /\?q=/, 'the search is kept in the address');
  await noViolations('services-search');
});

test('editing the call tree is a new revision; the history shows both and restores the first', { timeout: 90_000 }, async () => {
  const s = await serviceByName('Federal records database');
  await page.goto(`/console/services/${s.id}`);
  await page.getByRole('link', { name: 'Edit service' }).click();
  await page.getByRole('heading', { level: 1, name: 'Edit Federal records database' }).waitFor();
  const contact = page.getByRole('group', { name: 'Contact 1' });
  assert.equal(await contact.getByLabel('Step 1: press').inputValue(), '2');
  await contact.getByLabel('Step 2: then').fill('outages and maintenance');
  await contact.getByRole('button', { name: /^Add a step/ }).click();
  await contact.getByLabel('Step 3: then').fill('ask for the on-call DBA');
  await page.getByLabel('Description').fill('Records for every agency.');
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('heading', { level: 1, name: 'Federal records database' }).waitFor();
  const tree = page.getByRole('list', { name: 'Call tree for +1 555 0100' });
  // The heading shows before the saved service has loaded: wait for the new step first.
  await tree.getByText('ask for the on-call DBA').waitFor();
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team', 'Press 4: outages and maintenance', 'ask for the on-call DBA']);

  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('heading', { level: 1, name: 'History of Federal records database' }).waitFor();
  await page.getByRole('heading', { name: /Revision 2/ }).waitFor();
  await page.getByText(/changed: description, contacts/).waitFor();
  await page.getByText(/Created by Dora Directory/).waitFor();
  await noViolations('service-history');
  await page.getByRole('button', { name: 'Restore revision 1' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Restore revision 1?' });
  await dialog.getByRole('button', { name: 'Restore revision 1' }).click();
  await page.getByRole('status').filter({ hasText: 'Restored revision 1' }).waitFor();
  await page.getByRole('heading', { name: /Revision 3/ }).waitFor();
  await page.getByText(/Restored revision 1 by Dora Directory/).waitFor();

  const now = await admin.get(`/services/${s.id}`);
  assert.equal(now.description, 'The records database agencies query.');
  assert.deepEqual(now.contacts[0].call_tree.map((x) => x.then), ['database team', 'outages']);
  const revs = await admin.get(`/services/${s.id}/revisions`);
  assert.equal(revs.items.length, 3);
  assert.equal(revs.items[2].restored_from, revs.items[0].id);
});

test('a stale edit is refused with a way to reload instead of overwriting', { timeout: 60_000 }, async () => {
  const s = await serviceByName('Federal records database');
  await page.goto(`/console/services/${s.id}/edit`);
  await page.getByLabel('Description').fill('Mine');
  await admin.patch(`/services/${s.id}`, { description: 'Theirs' });
  await page.getByRole('button', { name: 'Save changes' }).click();
  await page.getByRole('alert').filter({ hasText: 'Someone else changed this service' }).waitFor();
  assert.equal((await admin.get(`/services/${s.id}`)).description, 'Theirs');
  await page.getByRole('button', { name: 'Reload' }).click();
  await page.waitForFunction(() => document.querySelector('textarea')?.value === 'Theirs');
});

test('the editor refuses a contact without a number and names the field', { timeout: 60_000 }, async () => {
  await page.goto('/console/services/new');
  await page.getByLabel('Name').fill('Half-typed service');
  await page.getByRole('button', { name: 'Add a contact' }).click();
  await page.getByRole('button', { name: 'Create service' }).click();
  await page.getByText('Enter the phone number.').waitFor();
  assert.equal(await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Phone number').getAttribute('aria-invalid'), 'true');
  await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Time zone of the hours').fill('Mars/Olympus');
  await page.getByRole('group', { name: 'Contact 1' }).getByLabel('Phone number').fill('+1 555 0111');
  await page.getByRole('button', { name: 'Create service' }).click();
  // The server's error on contacts[0].time_zone lands on that contact's input.
  const group = page.getByRole('group', { name: 'Contact 1' });
  await group.getByLabel('Time zone of the hours').and(page.locator('[aria-invalid="true"]')).waitFor();
  assert.equal(await group.getByLabel('Phone number').getAttribute('aria-invalid'), null, 'the corrected number is no longer marked');
});

test('verifying a contact records how and by whom; reporting one wrong tells its team', { timeout: 60_000 }, async () => {
  const s = await serviceByName('Federal records database');
  const ticket = await admin.post('/tickets', { subject: 'Cannot reach records', body: 'Help', requester_email: 'caller@agency.example' });
  await page.goto(`/console/services/${s.id}`);
  await page.getByRole('button', { name: 'Verify +1 555 0100' }).click();
  const dialog = page.getByRole('dialog', { name: /Verify phone \+1 555 0100/ });
  await dialog.getByLabel('How did you check it?').selectOption('called');
  await dialog.getByLabel('What happened?').selectOption('works');
  await noViolations('service-verify-dialog');
  await dialog.getByRole('button', { name: 'Record the check' }).click();
  await page.getByText('Dora Directory called: it works').waitFor();

  await page.getByRole('button', { name: 'Report this contact wrong (+1 555 0100)' }).click();
  const report = page.getByRole('dialog', { name: 'Report +1 555 0100 wrong' });
  await report.getByLabel('Ticket #').fill(String(ticket.number));
  await report.getByLabel(/What was wrong/).fill('Option 4 now plays a recording.');
  await report.getByRole('button', { name: 'Report it wrong' }).click();
  await page.getByRole('status').filter({ hasText: `Reported +1 555 0100 wrong on ticket #${ticket.number}` }).waitFor();
  const events = await admin.get(`/tickets/${ticket.number}/events`);
  assert.ok(events.items.some((e) => e.type === 'service.contact_reported_wrong'));
});

/** Runs one statement on the server's SQLite file: a state the API cannot make (months-old checks). */
function sql(statement) {
  const script = 'import sqlite3, sys\ndb = sqlite3.connect(sys.argv[1], timeout=30)\ndb.execute(sys.argv[2])\ndb.commit()';
  execFileSync('python3', ['-c', script, path.join(server.dataDir, 'frontline.db'), statement]);
}

test('a contact past its review date is listed for its team, linked from the directory', { timeout: 60_000 }, async () => {
  const s = await serviceByName('Federal records database');
  const phone = s.contacts.find((c) => c.value === '+1 555 0100');
  sql(`UPDATE service_contacts SET created_at = created_at - 400 * 86400, last_verified_at = last_verified_at - 400 * 86400 WHERE id = ${phone.id}`);
  await page.goto('/console/services');
  await page.getByRole('link', { name: 'Overdue for review' }).click();
  await page.waitForURL('**/console/services/overdue');
  await page.getByRole('heading', { level: 1, name: 'Contacts overdue for review' }).waitFor();
  assert.equal(await page.getByLabel('Team').inputValue(), String(teamId), 'the technician\'s own team first');
  await page.getByRole('status').filter({ hasText: '1 contact overdue for Database team' }).waitFor();
  const row = page.getByRole('row').filter({ hasText: '+1 555 0100' });
  await row.getByRole('link', { name: 'Federal records database' }).waitFor();
  await row.getByText('You called: it works').waitFor();
  await noViolations('services-overdue');
  await row.getByRole('link', { name: 'Federal records database' }).click();
  await page.getByRole('heading', { level: 1, name: 'Federal records database' }).waitFor();
  await page.getByText('Overdue for review').first().waitFor();
});

test('an admin imports a catalog file through the list and finds its service; a technician exports the catalog', { timeout: 90_000 }, async () => {
  const { page: adminPage } = await newPerson(browser, server.url);
  await signInThroughForm(adminPage, ADMIN_EMAIL, ADMIN_PASSWORD);
  await adminPage.waitForURL('**/console');
  await adminPage.goto('/console/services');
  const catalog = adminPage.getByRole('region', { name: 'Backstage catalog' });
  await catalog.locator('summary', { hasText: 'Import catalog' }).click();
  // Malformed YAML is refused whole, with where it went wrong.
  await catalog.getByLabel('Or paste the YAML').fill('kind: Component\nmetadata:\n  name: [unclosed\n');
  await catalog.getByRole('button', { name: 'Import catalog' }).click();
  await catalog.getByText(/Nothing was imported\. malformed YAML in document 1, line \d+, column \d+/).waitFor();

  const yaml = [
    'apiVersion: backstage.io/v1alpha1',
    'kind: Component',
    'metadata:',
    '  name: payroll',
    '  title: Payroll system',
    '  annotations:',
    '    frontline.io/support-phone: "+1 555 0300"',
    '    frontline.io/call-tree: "press 3 > payroll desk"',
    '    frontline.io/colour: blue',
    'spec:',
    '  owner: group:default/database-team',
    '---',
    'kind: Group',
    'metadata:',
    '  name: database-team',
    '',
  ].join('\n');
  await catalog.getByLabel('Catalog file').setInputFiles({ name: 'catalog-info.yaml', mimeType: 'application/yaml', buffer: Buffer.from(yaml) });
  await eventually(async () => (await catalog.getByLabel('Or paste the YAML').inputValue()).includes('Payroll system'), { what: 'the chosen file in the text box' });
  await catalog.getByRole('button', { name: 'Import catalog' }).click();
  await catalog.getByText('Imported: 1 service created, 0 updated, 1 document skipped.').waitFor();
  await catalog.getByRole('list', { name: 'Skipped documents' }).getByText(/Document 2:/).waitFor();
  await catalog.getByRole('list', { name: 'Warnings' }).getByText(/frontline\.io\/colour/).waitFor();
  await noViolationsOn(adminPage, 'services-import-result');
  // The list reloaded: the new service is there, owned by the team the catalog names.
  const row = adminPage.getByRole('row').filter({ hasText: 'Payroll system' });
  await row.getByText('Database team').waitFor();
  await row.getByText('Phone +1 555 0300').waitFor();
  await adminPage.close();

  await page.goto('/console/services');
  const mine = page.getByRole('region', { name: 'Backstage catalog' });
  assert.equal(await mine.getByText('Import catalog').count(), 0, 'importing is for admins');
  const [download] = await Promise.all([page.waitForEvent('download'), mine.getByRole('link', { name: 'Export catalog' }).click()]);
  assert.equal(download.suggestedFilename(), 'catalog-info.yaml');
  const exported = readFileSync(await download.path(), 'utf8');
  assert.match(exported, /title: "?Payroll system"?\n/);
  assert.match(exported, /title: "?Federal records database"?\n/);
});

async function noViolationsOn(p, name) {
  await p.waitForLoadState('networkidle').catch(() => {});
  await screenshot(p, name);
  assert.deepEqual((await axeViolations(p, name)).map((v) => `${v.impact} ${v.id}: ${v.help}`), [], `${name}: accessibility`);
}
