// Focus of this file: the service directory's pure helpers — call-tree steps read as "Press 2:
// database team" and come back from the editor's rows without blanks, contact values become
// links only when safe (never javascript:), verification and orphan reasons read as sentences,
// escalation contacts come in their order, the server's "contacts[2].time_zone" errors land on
// the right contact, the editor's form round-trips a service into the body a PATCH takes,
// contacts are offered for an escalation in the order to try them, the overdue list's team
// defaults to the user's, a catalog import's result reads as one line, and the promise report's
// kept-in-time share.
// Run by web/test.sh, which bundles src/service_text.ts and src/service_form.ts to
// $SERVICE_MODULES first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const text = await import(`${process.env.SERVICE_MODULES}/service_text.mjs`);
const form = await import(`${process.env.SERVICE_MODULES}/service_form.mjs`);

test('a call-tree step reads as what to press and where it leads; plain text stays as it is', () => {
  assert.equal(text.stepText({ press: '2', then: 'database team' }), 'Press 2: database team');
  assert.equal(text.stepText({ press: ' 4 ', then: '' }), 'Press 4');
  assert.equal(text.stepText({ press: '', then: 'Ask for the on-call DBA' }), 'Ask for the on-call DBA');
  assert.equal(
    text.callTreeLine([
      { press: '2', then: 'database team' },
      { press: '', then: '' },
      { press: '4', then: 'outages' },
    ]),
    'Press 2: database team → Press 4: outages',
  );
  assert.equal(text.callTreeLine([]), '');
});

test('the editor’s step rows are trimmed and empty rows dropped, keeping the order', () => {
  assert.deepEqual(
    text.stepsFromRows([
      { press: ' 2', then: 'database team ' },
      { press: '', then: '  ' },
      { press: '#', then: '' },
    ]),
    [
      { press: '2', then: 'database team' },
      { press: '#', then: '' },
    ],
  );
});

test('URL lines and keywords lose blanks; keywords lose repeats ignoring case', () => {
  assert.deepEqual(text.lines(' https://a.example/ \r\n\n https://b.example/x '), ['https://a.example/', 'https://b.example/x']);
  assert.deepEqual(text.commaList('records, FedDB, ,feddb,  tax '), ['records', 'FedDB', 'tax']);
});

test('contact values become tel:, mailto: or http(s) links, and anything else stays text', () => {
  assert.equal(text.contactHref('phone', '+1 (555) 0100'), 'tel:+15550100');
  assert.equal(text.contactHref('phone', 'ask at the desk'), null);
  assert.equal(text.contactHref('email', 'dba@records.example.gov'), 'mailto:dba@records.example.gov');
  assert.equal(text.contactHref('email', 'javascript:alert(1)@x'), null);
  assert.equal(text.contactHref('web', 'https://records.example.gov/support'), 'https://records.example.gov/support');
  assert.equal(text.contactHref('web', 'javascript:alert(1)'), null);
  assert.equal(text.contactHref('web', 'JAVASCRIPT:alert(1)//https://x'), null);
  assert.equal(text.contactHref('web', ''), null);
});

test('a verification reads as who did what and the result', () => {
  const names = (id) => (id === 5 ? 'Ann Lee' : `user #${id}`);
  assert.equal(text.verificationText({ last_verified_at: null }, names), 'Never verified');
  assert.equal(
    text.verificationText({ last_verified_at: '2026-11-30T09:30:00Z', verified_by: 5, verified_how: 'called', verified_result: 'works' }, names),
    'Ann Lee called: it works',
  );
  assert.equal(
    text.verificationText({ last_verified_at: '2026-11-30T09:30:00Z', verified_by: 7, verified_how: 'web_form', verified_result: 'no_answer' }, names),
    'user #7 used the web form: no answer',
  );
});

test('orphan reasons read as sentences, unknown ones as their words', () => {
  assert.equal(text.orphanReasonText('no_active_contact'), 'No active contact');
  assert.equal(text.orphanReasonText('all_contacts_overdue'), 'Every contact is overdue for review');
  assert.equal(text.orphanReasonText('gone_fishing'), 'gone fishing');
});

test('escalation contacts come by their order, then as listed; the others are left out', () => {
  const c = (id, escalation, escalation_order) => ({ id, escalation, escalation_order });
  const order = text.escalationOrder([c(1, true, 2), c(2, false, null), c(3, true, 1), c(4, true, null), c(5, true, null)]);
  assert.deepEqual(order.map((x) => x.id), [3, 1, 4, 5]);
});

test('the server’s field errors split into the service’s own and each contact’s', () => {
  const split = text.splitFieldErrors({
    name: 'is taken',
    contacts: 'two primary contacts',
    'contacts[2].time_zone': 'unknown time zone',
    'contacts[0].call_tree[1].press': 'too long',
    'contacts[0]': 'bad contact',
  });
  assert.deepEqual(split.service, { name: 'is taken', contacts: 'two primary contacts' });
  assert.deepEqual(split.contacts[2], { time_zone: 'unknown time zone' });
  assert.deepEqual(split.contacts[0], { call_tree: 'too long', contact: 'bad contact' });
});

const service = {
  id: 3,
  name: 'Federal records database',
  description: 'The records database agencies query.',
  urls: ['https://records.example.gov/login'],
  keywords: ['records', 'FedDB'],
  team_id: 2,
  public: true,
  version: 4,
  contacts: [
    {
      id: 11, kind: 'phone', value: '+1 555 0100',
      call_tree: [{ press: '2', then: 'database team' }, { press: '4', then: 'outages' }],
      hours: 'Mon-Fri 8-18', time_zone: 'America/New_York', public: true, escalation: true, escalation_order: 1,
      primary: true, active: true, notes: 'Ask for the on-call DBA.', review_interval_days: 90,
      last_verified_at: '2026-11-30T09:30:00Z', verified_by: 5, overdue: false,
    },
    { id: 12, kind: 'email', value: 'dba@example.gov', call_tree: [], hours: '', time_zone: '', public: false, escalation: false, escalation_order: null, primary: false, active: false, notes: '', review_interval_days: 180 },
  ],
};

test('a service read into the form and sent back is the PATCH body that changes nothing', () => {
  const body = form.serviceBody(form.formFromService(service));
  assert.deepEqual(body, {
    name: service.name,
    description: service.description,
    urls: service.urls,
    keywords: service.keywords,
    team_id: 2,
    public: true,
    contacts: [
      {
        id: 11, kind: 'phone', value: '+1 555 0100', call_tree: service.contacts[0].call_tree, hours: 'Mon-Fri 8-18',
        time_zone: 'America/New_York', public: true, escalation: true, escalation_order: 1, primary: true, active: true,
        notes: 'Ask for the on-call DBA.', review_interval_days: 90,
      },
      {
        id: 12, kind: 'email', value: 'dba@example.gov', call_tree: [], hours: '', time_zone: '', public: false,
        escalation: false, primary: false, active: false, notes: '', review_interval_days: 180,
      },
    ],
  });
  assert.deepEqual(form.serviceBody(form.formFromService()).contacts, []);
  assert.equal(form.serviceBody(form.formFromService()).team_id, null);
});

test('the form’s problems use the server’s field names; a blank row needs its value', () => {
  const f = form.formFromService();
  assert.deepEqual(form.formProblems(f), { name: 'Enter the service’s name.' });
  f.name = 'Payroll';
  f.contacts = [form.newContactRow('email'), { ...form.newContactRow(), value: '1', review_interval_days: '0', escalation: true, escalation_order: 'first' }];
  assert.deepEqual(Object.keys(form.formProblems(f)).sort(), ['contacts[0].value', 'contacts[1].escalation_order', 'contacts[1].review_interval_days']);
  assert.match(form.formProblems(f)['contacts[0].value'], /email address/);
});

test('one contact at most is primary: marking one clears the others', () => {
  const rows = [form.newContactRow(), form.newContactRow(), form.newContactRow()];
  const once = form.makePrimary(rows, rows[0].key, true);
  const twice = form.makePrimary(once, rows[2].key, true);
  assert.deepEqual(twice.map((r) => r.primary), [false, false, true]);
  assert.deepEqual(form.makePrimary(twice, rows[2].key, false).map((r) => r.primary), [false, false, false]);
  const f = { ...form.formFromService(), name: 'x', contacts: twice.map((r) => ({ ...r, value: '1', primary: true })) };
  assert.match(form.formProblems(f).contacts, /Only one/);
});

test('a revision’s changes are named against the one before it', () => {
  const snap = form.serviceBody(form.formFromService(service));
  assert.deepEqual(form.changedParts(snap, snap), []);
  assert.deepEqual(form.changedParts(snap, { ...snap, description: 'new', contacts: [] }), ['description', 'contacts']);
  assert.deepEqual(form.changedParts(null, snap), []);
});

test('contacts are offered for an escalation in their escalation order, then as listed, inactive ones last', () => {
  const c = (id, escalation, order, active = true) => ({ id, escalation, escalation_order: order, active });
  const offered = text.contactsToOffer([c(1, false, null), c(2, true, 2), c(3, false, null, false), c(4, true, 1), c(5, true, 3, false)]);
  assert.deepEqual(
    offered.map((x) => x.id),
    [4, 2, 1, 5, 3],
  );
});

test('the overdue list shows the team asked for, else the user’s first team, else the first team', () => {
  const teams = [
    { id: 1, name: 'Desk', member_ids: [7] },
    { id: 2, name: 'DBA', member_ids: [5, 9] },
  ];
  assert.equal(text.defaultTeam(teams, 9, null).id, 2);
  assert.equal(text.defaultTeam(teams, 9, '1').id, 1);
  assert.equal(text.defaultTeam(teams, 9, '77').id, 2, 'an unknown team in the address falls back to the user’s');
  assert.equal(text.defaultTeam(teams, 42, null).id, 1);
  assert.equal(text.defaultTeam([], 9, null), null);
});

test('a catalog import’s result reads as one line', () => {
  assert.equal(text.importSummaryLine({ created: 1, updated: 0, skipped: [{}] }), '1 service created, 0 updated, 1 document skipped.');
  assert.equal(text.importSummaryLine({ created: 3, updated: 2, skipped: [] }), '3 services created, 2 updated.');
});

test('the promise report’s kept-in-time share counts due promises only', async () => {
  const { keptShare } = await import(`${process.env.SERVICE_MODULES}/promise_text.mjs`);
  assert.equal(keptShare({ kept: 3, kept_late: 1, broken: 0, open: 9 }), '75%');
  assert.equal(keptShare({ kept: 0, kept_late: 0, broken: 0, open: 2 }), '—');
  assert.equal(keptShare({ kept: 1, kept_late: 1, broken: 1 }), '33%');
});
