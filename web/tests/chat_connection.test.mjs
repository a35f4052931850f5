// Focus of this file: a chat connection loses nothing and repeats nothing — it resumes after the
// last seq it saw, resends what was not acknowledged, keeps each entry once in order, gives up a
// silent socket after 30 s without a pong, and reconnects at once when the network returns.
// A fake socket and a manual clock stand in for the browser. Run by web/test.sh, which bundles
// src/chat/connection.ts and logbook.ts to $CHAT_MODULES first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { ChatConnection } = await import(`${process.env.CHAT_MODULES}/chat_connection.mjs`);
const { LogBook, Heartbeat } = await import(`${process.env.CHAT_MODULES}/chat_logbook.mjs`);

class FakeSocket {
  constructor(url) {
    this.url = url;
    this.readyState = 1;
    this.sent = [];
    this.onopen = this.onmessage = this.onclose = this.onerror = null;
  }
  send(s) {
    this.sent.push(JSON.parse(s));
  }
  close() {
    this.readyState = 3;
  }
  frame(f) {
    this.onmessage?.({ data: JSON.stringify(f) });
  }
  drop(reason = '') {
    this.readyState = 3;
    this.onclose?.({ code: 1006, reason });
  }
}

function world() {
  let now = 0;
  let nextId = 1;
  const timers = new Map();
  const sockets = [];
  let wake = null;
  const deps = {
    open: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s;
    },
    now: () => now,
    setTimeout: (f, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, f });
      return id;
    },
    clearTimeout: (id) => timers.delete(id),
    onWake: (w) => {
      wake = w;
      return () => (wake = null);
    },
    socketBase: 'ws://desk.example',
  };
  const advance = (ms) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].f();
    }
    now = end;
  };
  return { deps, sockets, advance, wake: (why) => wake?.(why), last: () => sockets[sockets.length - 1] };
}

const chat = { id: 7, status: 'active', ticket_number: 42, queue_position: null, agent: { id: 5, name: 'Tom' } };
const message = (seq, body, role = 'agent', client_id) => ({
  type: 'message',
  seq,
  author: { role, name: role === 'agent' ? 'Tom' : 'Ann' },
  body,
  at: '2026-11-30T09:00:00Z',
  ...(client_id ? { client_id } : {}),
});

function connected(w, token) {
  const c = new ChatConnection(7, 'customer', token, w.deps);
  c.start();
  w.last().frame({ type: 'hello', chat, last_seq: 0 });
  return c;
}

test('the first connection asks for the whole log with the visitor token', () => {
  const w = world();
  connected(w, 'tok en');
  assert.equal(w.last().url, 'ws://desk.example/api/v1/chats/7/socket?visitor_token=tok+en');
});

test('after a drop it resumes after the last seq seen and shows that it is reconnecting', () => {
  const w = world();
  const c = connected(w);
  w.last().frame(message(1, 'hello'));
  w.last().frame(message(2, 'there'));
  w.last().drop();
  assert.equal(c.snapshot().state, 'reconnecting');
  w.advance(500);
  assert.equal(w.sockets.length, 2);
  assert.match(w.last().url, /\?after=2$/);
  w.last().frame({ type: 'hello', chat, last_seq: 3 });
  assert.equal(c.snapshot().state, 'live');
});

test('entries arriving twice or out of order are kept once, in seq order', () => {
  const w = world();
  const c = connected(w);
  for (const s of [1, 3, 2, 3, 1]) w.last().frame(message(s, `m${s}`));
  assert.deepEqual(c.snapshot().entries.map((e) => e.seq), [1, 2, 3]);
});

test('a message is resent on reconnect until acknowledged, with the same client_id', () => {
  const w = world();
  const c = connected(w);
  const id = c.say('my printer is on fire');
  assert.deepEqual(w.last().sent.filter((f) => f.type === 'message'), [{ type: 'message', body: 'my printer is on fire', client_id: id }]);
  assert.equal(c.snapshot().pending[0].seq, null, 'shown as sending');
  w.last().drop();
  w.advance(500);
  w.last().frame({ type: 'hello', chat, last_seq: 0 });
  assert.deepEqual(w.last().sent.filter((f) => f.type === 'message').map((f) => f.client_id), [id], 'sent again on the new socket');
  w.last().frame({ type: 'ack', client_id: id, seq: 4 });
  assert.equal(c.snapshot().pending[0].seq, 4, 'shown as sent');
  w.last().frame(message(4, 'my printer is on fire', 'customer', id));
  assert.equal(c.snapshot().pending.length, 0);
  assert.ok(c.snapshot().mine.has(id), 'its log entry is marked as sent from here');
  w.last().drop();
  w.advance(500);
  w.last().frame({ type: 'hello', chat, last_seq: 4 });
  assert.equal(w.last().sent.filter((f) => f.type === 'message').length, 0, 'never sent after the ack');
});

test('a message written while disconnected goes out once the socket is back', () => {
  const w = world();
  const c = connected(w);
  w.last().drop();
  const id = c.say('are you there?');
  w.advance(500);
  assert.equal(w.last().sent.length, 0, 'nothing before hello');
  w.last().frame({ type: 'hello', chat, last_seq: 0 });
  assert.deepEqual(w.last().sent.map((f) => f.client_id), [id]);
});

test('a ping goes out every 15 s, and 30 s without any answer gives the socket up', () => {
  const w = world();
  const c = connected(w);
  const first = w.last();
  w.advance(15_000);
  assert.ok(first.sent.some((f) => f.type === 'ping'));
  first.frame({ type: 'pong' });
  w.advance(29_000);
  assert.equal(w.sockets.length, 1, 'still trusted 29 s after the pong');
  w.advance(6_000);
  assert.equal(first.readyState, 3, 'closed after 30 s of silence');
  assert.equal(c.snapshot().state, 'reconnecting');
  w.advance(500);
  assert.equal(w.sockets.length, 2);
});

test('when the network comes back it reconnects at once instead of waiting for the backoff', () => {
  const w = world();
  connected(w);
  w.last().frame(message(1, 'x'));
  for (let i = 0; i < 5; i++) {
    w.last().drop();
    w.advance(100);
  }
  const before = w.sockets.length;
  w.wake('online');
  assert.equal(w.sockets.length, before + 1);
  assert.match(w.last().url, /after=1/);
});

test('a page made visible again reconnects a closed socket but keeps a fresh, live one', () => {
  const w = world();
  connected(w);
  w.wake('visible');
  assert.equal(w.sockets.length, 1, 'live and recently heard: kept');
  w.last().drop();
  w.wake('visible');
  assert.equal(w.sockets.length, 2);
});

test('the other side typing shows, and their message clears it; my own typing frames are throttled', () => {
  const w = world();
  const c = connected(w);
  w.last().frame({ type: 'typing', author: { role: 'agent', name: 'Tom' } });
  assert.equal(c.snapshot().typing.name, 'Tom');
  w.last().frame(message(1, 'done'));
  assert.equal(c.snapshot().typing, null);
  w.last().frame({ type: 'typing', author: { role: 'customer', name: 'Ann' } });
  assert.equal(c.snapshot().typing, null, 'my own side typing is not shown');
  c.typing();
  c.typing();
  assert.equal(w.last().sent.filter((f) => f.type === 'typing').length, 1);
});

test('a colleague writing an internal note shows to a technician apart from typing, and never on the customer side', () => {
  const w = world();
  const agent = new ChatConnection(7, 'agent', undefined, w.deps);
  agent.start();
  w.last().frame({ type: 'hello', chat, last_seq: 0 });
  w.last().frame({ type: 'typing', internal: true, author: { role: 'agent', name: 'Tom' } });
  assert.equal(agent.snapshot().noteTyping.name, 'Tom');
  assert.equal(agent.snapshot().typing, null, 'a note is not typing to the customer');
  w.advance(7_000);
  assert.equal(agent.snapshot().noteTyping, null, 'it fades after a few seconds');
  // The server relays note typing to staff only, without the mark: a colleague's typing is a note.
  w.last().frame({ type: 'typing', author: { role: 'agent', name: 'Tom' } });
  assert.equal(agent.snapshot().noteTyping.name, 'Tom');
  assert.equal(agent.snapshot().typing, null);
  w.last().frame({ type: 'typing', author: { role: 'customer', name: 'Ann' } });
  assert.equal(agent.snapshot().typing.name, 'Ann', 'the customer typing is typing');

  const w2 = world();
  const customer = connected(w2);
  w2.last().frame({ type: 'typing', internal: true, author: { role: 'agent', name: 'Tom' } });
  assert.equal(customer.snapshot().typing, null);
  assert.equal(customer.snapshot().noteTyping, null);
});

test('note typing frames carry internal:true and are throttled apart from reply typing', () => {
  const w = world();
  const c = new ChatConnection(7, 'agent', undefined, w.deps);
  c.start();
  w.last().frame({ type: 'hello', chat, last_seq: 0 });
  c.typing(true);
  c.typing(true);
  c.typing();
  const typing = () => w.last().sent.filter((f) => f.type === 'typing');
  assert.deepEqual(typing(), [{ type: 'typing', internal: true }, { type: 'typing' }]);
  w.advance(3_000);
  c.typing(true);
  assert.equal(typing().length, 3, 'one note frame every 3 s');
});

test('a client_id sent over HTTP (a file) is claimed: its entry counts as mine', () => {
  const w = world();
  const c = connected(w);
  c.claim('c-file');
  w.last().frame({ ...message(1, 'Sent a file: a.txt (3 bytes)', 'customer', 'c-file'), files: [{ id: 4, filename: 'a.txt', size: 3, content_type: 'text/plain' }] });
  assert.ok(c.snapshot().mine.has('c-file'));
  assert.equal(c.snapshot().entries[0].files[0].filename, 'a.txt');
});

test('an ended chat is not reconnected, and losing access stops retries with a sentence', () => {
  const w = world();
  const c = connected(w);
  w.last().frame({ type: 'status', seq: 1, status: 'ended', reason: 'ended', text: 'Tom ended the chat.', at: 'x' });
  assert.equal(c.snapshot().chat.status, 'ended');
  w.last().drop();
  w.advance(20_000);
  assert.equal(w.sockets.length, 1);

  const w2 = world();
  const c2 = connected(w2);
  w2.last().drop('signed out, disabled or no longer allowed');
  w2.advance(20_000);
  assert.equal(w2.sockets.length, 1);
  assert.equal(c2.snapshot().state, 'stopped');
  assert.match(c2.snapshot().problem, /no longer open/);
});

test('an error frame about a message drops it from the outbox and says why', () => {
  const w = world();
  const c = connected(w);
  const id = c.say('x'.repeat(10));
  w.last().frame({ type: 'error', detail: 'The message is too long.', client_id: id });
  assert.equal(c.snapshot().pending.length, 0);
  assert.equal(c.snapshot().problem, 'The message is too long.');
});

test('the log book tracks the highest seq and the heartbeat declares death at 30 s', () => {
  const l = new LogBook();
  assert.equal(l.add(message(5, 'a')), true);
  assert.equal(l.add(message(5, 'a')), false);
  l.add(message(2, 'b'));
  assert.equal(l.lastSeq, 5);
  const h = new Heartbeat(0);
  assert.equal(h.tick(29_999), 'ping');
  assert.equal(h.tick(30_000), 'dead');
  h.pong(30_000);
  assert.equal(h.tick(45_000), 'ping');
});
