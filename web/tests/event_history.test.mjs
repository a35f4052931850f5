// Focus of this file: every event type of the event catalogue (docs/event_catalogue.json, which
// a C++ unit test keeps equal to the binary's catalogue) that can be recorded on a ticket has its
// own phrase in the ticket history (describe in src/components/event_text.ts), never the generic
// fallback, with or without its payload. Run by web/test.sh, which bundles event_text.ts to
// EVENT_TEXT_MODULE first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const { describe, genericText, serviceNamesFrom } = await import(process.env.EVENT_TEXT_MODULE);
const catalogue = JSON.parse(readFileSync(new URL('../../docs/event_catalogue.json', import.meta.url), 'utf8'));

const names = (id) => `name-of-${id}`;
const event = (type, data) => ({ id: 1, ticket_number: 7, actor_id: 2, type, data, created_at: '2026-01-01T00:00:00Z' });
const onTickets = catalogue.events.filter((e) => e.scope !== 'desk');

test('the catalogue lists types, each classified public, internal or depends', () => {
  assert.ok(catalogue.events.length > 0);
  for (const e of catalogue.events) {
    assert.ok(['public', 'internal', 'depends'].includes(e.visibility), `${e.name}: ${e.visibility}`);
    assert.ok(['ticket', 'desk', 'ticket_or_desk'].includes(e.scope), `${e.name}: ${e.scope}`);
  }
  assert.ok(onTickets.some((e) => e.name === 'ticket.created'));
});

test('every type that can be on a ticket has its own phrase in the history', () => {
  for (const { name, fields } of onTickets) {
    const full = Object.fromEntries(fields.map((f) => [f, 2]));
    for (const data of [full, {}]) {
      const text = describe(event(name, data), names, names);
      assert.equal(typeof text, 'string');
      assert.notEqual(text, genericText(name), `${name} falls back to the generic text`);
      assert.ok(text.length > 0, name);
      assert.doesNotMatch(text, /undefined|\[object/, `${name} with ${JSON.stringify(data)}: ${text}`);
    }
  }
});

test('a type the catalogue does not declare reads as its name spelled out', () => {
  assert.equal(describe(event('widget.polished', {}), names, names), 'widget polished');
  assert.ok(!catalogue.events.some((e) => e.name === 'widget.polished'));
});

test('services, teams and contacts read by name: the name the event carries, else what the page knows', () => {
  const teams = (id) => (id === 4 ? 'Tier 2' : `#${id} (no longer in the desk)`);
  const say = (type, data, known) => describe(event(type, data), names, teams, known);
  assert.equal(say('ticket.service_changed', { from: null, to: 3, from_name: '', to_name: 'Records' }), 'set the service to Records');
  assert.equal(say('ticket.service_changed', { from: 3, to: 5, from_name: 'Records', to_name: 'Billing' }), 'changed the service from Records to Billing');
  assert.equal(say('ticket.service_changed', { from: 3, to: null, from_name: 'Records', to_name: '' }), 'cleared the service (was Records)');
  // Written before events carried names: the page's knowledge, then the number as a last resort.
  assert.equal(say('ticket.service_changed', { from: null, to: 3 }, { serviceName: (id) => (id === 3 ? 'Records' : '') }), 'set the service to Records');
  assert.equal(say('ticket.service_changed', { from: null, to: 9 }, { serviceName: () => '' }), 'set the service to service #9');
  assert.equal(say('service.contact_reported_wrong', { service_id: 3, contact_id: 11, note: 'press 3 now', service_name: 'Records' }), 'reported a contact of Records as wrong: press 3 now');
  assert.equal(say('ticket.team_changed', { from: 1, to: 7, from_name: 'Desk', to_name: 'Gone team' }), 'moved it to team Gone team');
  assert.equal(say('ticket.team_changed', { from: 1, to: 4 }), 'moved it to team Tier 2');
  assert.equal(say('ticket.escalated', { escalation_id: 8, team_id: null, contact_id: 11, summary: 's' }, { escalatedTo: (id) => (id === 8 ? 'phone +1 555 0100 (Records)' : '') }), 'escalated it to phone +1 555 0100 (Records)');
  assert.equal(say('ticket.escalated', { escalation_id: 2, team_id: null, contact_id: 11, summary: 's' }, { escalatedTo: () => '' }), 'escalated it to a contact in the service directory');

  const known = serviceNamesFrom([
    event('ticket.service_changed', { from: null, to: 3, from_name: '', to_name: 'Records' }),
    event('service.contact_reported_wrong', { service_id: 5, contact_id: 1, note: '', service_name: 'Billing' }),
    event('ticket.service_changed', { from: 5, to: 6 }),
  ]);
  assert.deepEqual([...known.entries()].sort(), [
    [3, 'Records'],
    [5, 'Billing'],
  ]);
});
