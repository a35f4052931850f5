// Focus of this file: what the chat has said but the server has not confirmed is sent again on
// every reconnect and after a while, until an ack or its log entry comes back, and never after.
// Run by web/test.sh, which bundles src/chat/outbox.ts to $CHAT_MODULES/chat_outbox.mjs first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { Outbox, newClientId } = await import(`${process.env.CHAT_MODULES}/chat_outbox.mjs`);
const msg = (id, body = 'hi') => ({ type: 'message', body, client_id: id });

test('a new message is due at once, then not again before the resend interval', () => {
  const o = new Outbox(10_000);
  o.add(msg('a'));
  assert.deepEqual(o.due(0).map((f) => f.client_id), ['a']);
  assert.deepEqual(o.due(9_999), []);
  assert.deepEqual(o.due(10_000).map((f) => f.client_id), ['a'], 'unconfirmed after 10 s: sent again');
});

test('a reconnect makes every unconfirmed item due again, in the order they were said', () => {
  const o = new Outbox();
  o.add(msg('a'));
  o.add(msg('b'));
  o.due(0);
  o.reconnected();
  assert.deepEqual(o.due(1).map((f) => f.client_id), ['a', 'b']);
});

test('an acknowledged message is never sent again but stays listed until its entry arrives', () => {
  const o = new Outbox(10);
  o.add(msg('a'));
  o.due(0);
  assert.equal(o.acknowledge('a', 7), true);
  o.reconnected();
  assert.deepEqual(o.due(1_000), []);
  assert.equal(o.list().length, 1);
  assert.equal(o.list()[0].seq, 7);
  o.settle({ type: 'message', seq: 7, client_id: 'a' });
  assert.equal(o.list().length, 0);
});

test('an ack for a client_id that is not ours is ignored', () => {
  const o = new Outbox();
  o.add(msg('a'));
  assert.equal(o.acknowledge('zzz', 3), false);
  assert.equal(o.list()[0].seq, null);
});

test('the log entry alone settles a message whose ack was lost', () => {
  const o = new Outbox();
  o.add(msg('a'));
  o.add(msg('b'));
  o.settle({ type: 'message', seq: 4, client_id: 'a' });
  assert.deepEqual(o.list().map((p) => p.frame.client_id), ['b']);
});

test('a form answer is settled by the submitted entry for the same request, even without client_id', () => {
  const o = new Outbox();
  o.add({ type: 'form', action: 'submit', request_seq: 5, values: { a: '1' }, client_id: 'f' });
  o.settle({ type: 'form', action: 'submitted', seq: 9, request_seq: 6 });
  assert.equal(o.list().length, 1, 'an answer to another request does not settle it');
  o.settle({ type: 'form', action: 'submitted', seq: 10, request_seq: 5 });
  assert.equal(o.list().length, 0);
});

test('client ids differ from call to call', () => {
  const ids = new Set(Array.from({ length: 1000 }, () => newClientId()));
  assert.equal(ids.size, 1000);
  assert.ok([...ids].every((id) => /^c-[0-9a-z]+-[0-9a-z]+$/.test(id)));
});
