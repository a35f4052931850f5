// Focus of this file: every event type of the event catalogue (docs/event_catalogue.json, which
// a C++ unit test keeps equal to the binary's catalogue) that can be recorded on a ticket has its
// own phrase in the ticket history (describe in src/components/event_text.ts), never the generic
// fallback, with or without its payload. Run by web/test.sh, which bundles event_text.ts to
// EVENT_TEXT_MODULE first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const { describe, genericText } = await import(process.env.EVENT_TEXT_MODULE);
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
