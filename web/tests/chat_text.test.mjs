// Focus of this file: chat text becomes links only for http(s) addresses, with sentence
// punctuation left out and in linear time; canned responses get their placeholders filled.
// Run by web/test.sh, which bundles src/chat/links.ts and placeholders.ts to $CHAT_MODULES first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cpuUsage } from 'node:process';

const { linkify, safeHref } = await import(`${process.env.CHAT_MODULES}/chat_links.mjs`);
const { fillPlaceholders } = await import(`${process.env.CHAT_MODULES}/chat_placeholders.mjs`);

const links = (t) => linkify(t).filter((s) => s.href).map((s) => s.href);

test('plain text stays one segment and the segments always rebuild the text', () => {
  for (const t of ['', 'hello', 'see https://a.example/x, then http://b.example.', 'x https://a.example/(y) z']) {
    assert.equal(linkify(t).map((s) => s.text).join(''), t);
  }
  assert.deepEqual(linkify('hello'), [{ text: 'hello' }]);
});

test('http and https addresses become links; the sentence’s full stop and comma do not', () => {
  assert.deepEqual(links('Try https://help.example/kb/42. Or http://x.example/a?b=c, ok'), [
    'https://help.example/kb/42',
    'http://x.example/a?b=c',
  ]);
});

test('a closing bracket stays when the address opened it, and goes when the sentence did', () => {
  assert.deepEqual(links('(see https://en.example/wiki/A_(b))'), ['https://en.example/wiki/A_(b)']);
  assert.deepEqual(links('(see https://a.example/x)'), ['https://a.example/x']);
});

test('other schemes and lookalikes are never links', () => {
  assert.deepEqual(links('javascript:alert(1) data:text/html,x ftp://a.example www.a.example'), []);
  assert.deepEqual(links('xhttps://a.example'), [], 'a scheme glued to a word');
  assert.deepEqual(links('https:// alone'), []);
  assert.equal(safeHref('javascript:alert(1)'), false);
  assert.equal(safeHref('https://ok.example'), true);
});

test('the link finder is linear: doubling hostile input about doubles the work', () => {
  const cost = (n) => {
    const inputs = ['https://a' + '.'.repeat(n) + 'b', 'http://'.repeat(n / 7), ('https://a.example/' + ')'.repeat(50) + ' ').repeat(n / 70)];
    const start = cpuUsage();
    for (const t of inputs) linkify(t);
    const u = cpuUsage(start);
    return u.user + u.system;
  };
  cost(20_000); // warm up the JIT
  const small = Math.max(cost(100_000), 1);
  const big = cost(200_000);
  assert.ok(big < small * 5, `doubling the input took ${big} µs against ${small} µs`);
});

test('a canned response gets the customer, the technician and the ticket filled in', () => {
  const v = { customer_name: 'Ann', agent_name: 'Tom', ticket_number: 42, subject: 'Printer' };
  assert.equal(fillPlaceholders('Hi {{customer_name}}, {{agent_name}} here about #{{ ticket_number }}.', v), 'Hi Ann, Tom here about #42.');
  assert.equal(fillPlaceholders('{{recipient_name}} / {{author_name}} / {{subject}}', v), 'Ann / Tom / Printer');
});

test('an unknown placeholder stays visible instead of vanishing', () => {
  assert.equal(fillPlaceholders('Hello {{nickname}}', { customer_name: 'A', agent_name: 'B', ticket_number: 1 }), 'Hello {{nickname}}');
});
