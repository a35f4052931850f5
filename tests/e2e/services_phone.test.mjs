// Focus of this file: the phone-call form's service lookup — a technician on a call pastes a URL
// deep inside a service's host, finds the service, reads its call tree as ordered steps, logs
// the call with the service attached and its intake question answered (a new ticket, or a call
// added to an open one), then, on the new ticket, escalates to tier 2 and records a promise: the
// whole call as issue 15 tells it. axe on the form with the service's contacts shown.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Api, ADMIN_EMAIL, ADMIN_PASSWORD, axeViolations, launchBrowser, newPerson, screenshot, signInThroughForm, startServer } from './harness.mjs';

let server;
let browser;
let admin;
let page;
let service;
const tech = { email: 'phil@frontline.example', name: 'Phil Phones', password: 'phil-password-1' };

before(async () => {
  server = await startServer();
  admin = await Api.signIn(server.url, ADMIN_EMAIL, ADMIN_PASSWORD);
  const phil = await admin.createUser({ ...tech, role: 'agent' });
  await admin.createUser({ email: 'olga@agency.example', name: 'Olga Known', role: 'customer', password: 'olga-password-1' });
  const team = await admin.post('/teams', { name: 'Records team', member_ids: [phil.id] });
  service = await admin.post('/services', {
    name: 'Federal records database',
    urls: ['https://records.example.gov/'],
    team_id: team.id,
    contacts: [
      {
        kind: 'phone', value: '+1 555 0100', primary: true, escalation: true,
        call_tree: [{ press: '2', then: 'database team' }, { press: '4', then: 'outages' }],
        hours: 'Mon-Fri 8-18', time_zone: 'America/New_York', notes: 'Ask for the on-call DBA.',
      },
      { kind: 'email', value: 'dba@records.example.gov', escalation: true },
    ],
  });
  await admin.post('/services', { name: 'Records archive', urls: ['https://archive.records.example.gov/'] });
  await admin.post('/intake-questions', { service_id: service.id, kind: 'serial', key: 'terminal', label: 'Terminal serial number', required: true });
  await admin.post('/teams', { name: 'Tier 2', member_ids: [] });
  browser = await launchBrowser();
  ({ page } = await newPerson(browser, server.url));
  await signInThroughForm(page, tech.email, tech.password);
  await page.waitForURL('**/console');
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function findByPastedUrl() {
  const url = 'http://WWW.Records.example.gov:8443/search/very/deep/page?id=42#results';
  await page.getByLabel('Find the service').fill(url);
  await page.getByRole('status').filter({ hasText: '1 service found.' }).waitFor();
  assert.equal(await page.getByRole('radio', { name: /Records archive/ }).count(), 0, 'a subdomain is another host');
  await page.getByRole('radio', { name: /Federal records database/ }).check();
}

test('on a call, a pasted URL deep inside the service’s host finds it, shows the call tree, the ticket gets the service and the answer, and is escalated with a promise', { timeout: 90_000 }, async () => {
  await page.getByRole('link', { name: 'Log a call' }).click();
  await page.getByRole('heading', { level: 1, name: 'Log a phone call' }).waitFor();
  await page.getByLabel('Find the caller').fill('Zed Newcaller');
  await page.getByLabel('Caller’s name').fill('Zed Newcaller');
  await page.getByLabel('Caller’s email').fill('zed@agency.example');
  await findByPastedUrl();

  const support = page.getByRole('region', { name: 'Who supports Federal records database' });
  const tree = support.getByRole('list', { name: 'Call tree for +1 555 0100' });
  assert.deepEqual(await tree.getByRole('listitem').allInnerTexts(), ['Press 2: database team', 'Press 4: outages']);
  await support.getByText('Hours: Mon-Fri 8-18').waitFor();
  await support.getByText('Notes: Ask for the on-call DBA.').waitFor();
  assert.deepEqual(await support.getByRole('list', { name: 'Escalation order' }).getByRole('listitem').allInnerTexts(), ['Phone +1 555 0100', 'Email dba@records.example.gov']);
  await page.waitForLoadState('networkidle').catch(() => {});
  await screenshot(page, 'phone-call-service');
  assert.deepEqual((await axeViolations(page, 'phone-call-service')).map((v) => v.id), []);

  await page.getByLabel('Subject').fill('Cannot reach the records database');
  await page.getByLabel(/The caller’s problem/).fill('Nobody answers at the agency; two weeks now.');
  await page.getByLabel(/Your call notes/).fill('Called +1 555 0100, pressed 2 then 4: DBA will call back.');
  await page.getByLabel(/Terminal serial number/).fill('TRM-0042');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  const status = page.getByRole('status').filter({ hasText: /Ticket #\d+ created/ });
  await status.waitFor();
  const number = Number((await status.innerText()).match(/Ticket #(\d+) created/)[1]);

  const t = await admin.get(`/tickets/${number}`);
  assert.equal(t.service_id, service.id);
  assert.equal(t.channel, 'phone');
  assert.deepEqual(t.fields.map((f) => [f.key, f.value]), [['terminal', 'TRM-0042']], 'the call logged the intake answer');
  // The next call starts without a service.
  assert.equal(await page.getByLabel('Find the service').inputValue(), '');
  assert.equal(await page.getByRole('region', { name: /Who supports/ }).count(), 0);

  await page.getByRole('link', { name: `Open ticket #${number}` }).click();
  await page.getByRole('region', { name: 'Service' }).getByRole('link', { name: 'Federal records database' }).waitFor();
  await page.getByText('TRM-0042').first().waitFor();

  // The DBA line is down too: tier 2 takes it, and the caller is promised a call back.
  const escalation = page.getByRole('region', { name: 'Escalation' });
  await escalation.getByLabel('Team', { exact: true }).selectOption({ label: 'Tier 2' });
  await escalation.getByLabel('Summary').fill('DBA line rings out; call tree checked (2, then 4)');
  await escalation.getByRole('button', { name: 'Escalate' }).click();
  await escalation.getByText('Escalated to team Tier 2').first().waitFor();
  const promises = page.getByRole('region', { name: 'Promises' });
  const due = await page.evaluate(() => {
    const d = new Date(Date.now() + 86_400_000);
    const p = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T15:00`;
  });
  await promises.getByLabel('Due').fill(due);
  await promises.getByLabel('Promise').fill('I will call Zed back once tier 2 has reached the DBA');
  await promises.getByRole('button', { name: 'Record the promise' }).click();
  await promises.getByRole('list', { name: 'Promises on this ticket' }).getByText('I will call Zed back once tier 2 has reached the DBA', { exact: true }).waitFor();
  const after = await admin.get(`/tickets/${number}`);
  assert.equal(after.escalation?.summary, 'DBA line rings out; call tree checked (2, then 4)');
  assert.equal(after.promises.length, 1);
  assert.equal(after.service_id, service.id, 'escalating keeps the service');
});

test('a call added to a caller’s open ticket sets that ticket’s service', { timeout: 90_000 }, async () => {
  const open = await admin.post('/tickets', { subject: 'Records login fails', body: 'Error 500.', requester_email: 'olga@agency.example' });
  await page.goto('/console/call');
  await page.getByLabel('Find the caller').fill('olga');
  await page.getByRole('radio', { name: /Olga Known/ }).check();
  await page.getByRole('radio', { name: new RegExp(`Add the call to #${open.number}`) }).check();
  await findByPastedUrl();
  await page.getByLabel(/Your call notes/).fill('Same problem; gave her the DBA line.');
  await page.getByRole('button', { name: `Add the call to #${open.number}` }).click();
  await page.getByRole('status').filter({ hasText: `Ticket #${open.number} updated` }).waitFor();
  assert.equal((await admin.get(`/tickets/${open.number}`)).service_id, service.id);
});
