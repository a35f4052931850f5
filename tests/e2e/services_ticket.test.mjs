// Focus of this file: a service on the ticket page — the technician chooses the ticket's service
// by searching as they type, reads its contacts and call tree there, reports a contact wrong in
// one click (recorded on the ticket), and with "I found the right contact" adds a contact and
// corrects one, saved to the directory as revisions in their name. axe on the panel and dialog.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let service;
let ticket;
let tina;
const tech = { email: 'tina@frontline.example', name: 'Tina Ticket', password: 'tina-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  tina = await admin.createUser({ ...tech, role: 'agent' });
  const owner = await admin.createUser({ email: 'owen@frontline.example', name: 'Owen Owner', role: 'agent', password: 'owen-password-1' });
  const team = await admin.post('/teams', { name: 'Records team', member_ids: [owner.id] });
  service = await admin.post('/services', {
    name: 'Federal records database',
    keywords: ['FedDB'],
    urls: ['https://records.example.gov/'],
    team_id: team.id,
    contacts: [{ kind: 'phone', value: '+1 555 0100', primary: true, call_tree: [{ press: '2', then: 'database team' }, { press: '4', then: 'outages' }], hours: 'Mon-Fri 8-18', time_zone: 'America/New_York' }],
  });
  await admin.post('/services', { name: 'Payroll portal', keywords: ['salary'] });
  ticket = await admin.post('/tickets', { subject: 'Cannot reach the records database', body: 'For two weeks now.', requester_email: 'caller@agency.example' });
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
}

const panel = () => page.getByRole('region', { name: 'Service' });

test('a technician chooses the ticket’s service as they type and reads its call tree there', { timeout: 90_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await page.getByRole('heading', { level: 1, name: 'Cannot reach the records database' }).waitFor();
  await panel().getByText('No service chosen').waitFor();
  await panel().getByRole('button', { name: 'Choose a service' }).click();
  await panel().getByLabel('Find the service').fill('feddb');
  await panel().getByRole('radio', { name: /Federal records database/ }).check();
  await panel().getByRole('button', { name: 'Use this service' }).click();
  await panel().getByRole('link', { name: 'Federal records database' }).waitFor();
  const tree = panel().getByRole('list', { name: 'Call tree for +1 555 0100' });
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team', 'Press 4: outages']);
  await panel().getByText('Hours: Mon-Fri 8-18').waitFor();
  assert.equal((await admin.get(`/tickets/${ticket.number}`)).service_id, service.id);
  await page.getByText('set the service to Federal records database').waitFor();
  await noViolations('ticket-service');
});

test('“report this contact wrong” is one click, recorded on the ticket', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await panel().getByRole('button', { name: 'Report this contact wrong (+1 555 0100)' }).click();
  await panel().getByRole('status').filter({ hasText: 'Reported +1 555 0100 wrong' }).waitFor();
  const events = await admin.get(`/tickets/${ticket.number}/events`);
  const report = events.items.find((e) => e.type === 'service.contact_reported_wrong');
  assert.equal(report?.actor_id, tina.id);
});

test('“I found the right contact” adds a contact and corrects one, as revisions by the technician', { timeout: 90_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await panel().getByRole('button', { name: 'I found the right contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a contact to Federal records database' });
  await dialog.getByLabel('Kind').selectOption('email');
  await dialog.getByLabel('Email address').fill('dba@records.example.gov');
  await dialog.getByLabel('Notes (staff only)').fill('Answers within the hour.');
  await noViolations('ticket-found-contact');
  await dialog.getByRole('button', { name: 'Save to the directory' }).click();
  await panel().getByRole('status').filter({ hasText: 'Saved dba@records.example.gov to Federal records database' }).waitFor();
  await panel().getByRole('link', { name: 'dba@records.example.gov' }).waitFor();

  await panel().getByRole('button', { name: 'Correct it (+1 555 0100)' }).click();
  const correct = page.getByRole('dialog', { name: 'Correct +1 555 0100' });
  await correct.getByLabel('Step 2: then').fill('outages, then ask for the DBA');
  await correct.getByLabel('Phone number').fill('+1 555 0199');
  await correct.getByRole('button', { name: 'Save to the directory' }).click();
  await panel().getByRole('status').filter({ hasText: 'Saved +1 555 0199' }).waitFor();
  const tree = panel().getByRole('list', { name: 'Call tree for +1 555 0199' });
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team', 'Press 4: outages, then ask for the DBA']);

  const now = await admin.get(`/services/${service.id}`);
  assert.equal(now.contacts.length, 2);
  assert.equal(now.contacts[0].id, service.contacts[0].id, 'the corrected contact keeps its id');
  assert.equal(now.contacts[0].value, '+1 555 0199');
  assert.equal(now.contacts[0].primary, true);
  assert.equal(now.contacts[1].value, 'dba@records.example.gov');
  const revs = await admin.get(`/services/${service.id}/revisions`);
  assert.equal(revs.items.length, 3);
  assert.deepEqual(revs.items.slice(1).map((r) => r.author.id), [tina.id, tina.id]);
});

test('a contact found on a ticket is refused without its value, at the field', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await panel().getByRole('button', { name: 'I found the right contact' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a contact to Federal records database' });
  await dialog.getByRole('button', { name: 'Save to the directory' }).click();
  await dialog.getByText('Enter the phone number.').waitFor();
  assert.equal(await dialog.getByLabel('Phone number').getAttribute('aria-invalid'), 'true');
  await dialog.getByRole('button', { name: 'Close' }).click();
  assert.equal((await admin.get(`/services/${service.id}`)).contacts.length, 2);
});

test('the service can be changed and removed', { timeout: 60_000 }, async () => {
  await page.goto(`/console/tickets/${ticket.number}`);
  await panel().getByRole('button', { name: 'Change service' }).click();
  await panel().getByLabel('Find the service').fill('salary');
  await panel().getByRole('radio', { name: /Payroll portal/ }).check();
  await panel().getByRole('button', { name: 'Use this service' }).click();
  await panel().getByRole('link', { name: 'Payroll portal' }).waitFor();
  await panel().getByText('No contacts yet').waitFor();
  await panel().getByRole('button', { name: 'Change service' }).click();
  await panel().getByRole('button', { name: 'Remove the service' }).click();
  await panel().getByText('No service chosen').waitFor();
  assert.equal((await admin.get(`/tickets/${ticket.number}`)).service_id, null);
});
