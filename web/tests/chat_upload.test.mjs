// Focus of this file: a file sent into a chat is tried again only when that can help (the network
// failed, the server was briefly unavailable), never after a refusal, always by calling the same
// send (so the same client_id goes out and the server keeps the file once); a refusal is
// explained in plain words; and a file over the limit is refused before uploading, in words with
// KB/MB. Run by web/test.sh, which bundles src/chat/upload.ts and src/limits.ts to
// $CHAT_MODULES first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { refusalText, sendWithRetries, worthRetrying, RETRY_DELAYS_MS } = await import(`${process.env.CHAT_MODULES}/chat_upload.mjs`);
const { oversizedText } = await import(`${process.env.CHAT_MODULES}/limits.mjs`);

// What api.ts throws: an error carrying the HTTP status (0 when nothing answered).
const apiError = (status) => Object.assign(new Error(`status ${status}`), { status });

function failing(statuses, answer = { seq: 9 }) {
  const calls = [];
  const send = async () => {
    calls.push(calls.length);
    const status = statuses[calls.length - 1];
    if (status === undefined) return answer;
    throw apiError(status);
  };
  return { send, calls };
}

const noWait = () => {
  const waited = [];
  return { sleep: async (ms) => void waited.push(ms), waited };
};

test('a network failure or a busy server is tried again after 1, 3 and 8 s, then succeeds', async () => {
  const { send, calls } = failing([0, 503, 502]);
  const { sleep, waited } = noWait();
  assert.deepEqual(await sendWithRetries(send, sleep), { seq: 9 });
  assert.equal(calls.length, 4);
  assert.deepEqual(waited, RETRY_DELAYS_MS);
});

test('a refusal (too large, not allowed, the chat ended) is final: no second attempt', async () => {
  for (const status of [400, 403, 404, 409, 413, 422]) {
    const { send, calls } = failing([status]);
    const { sleep, waited } = noWait();
    await assert.rejects(sendWithRetries(send, sleep), (e) => e.status === status);
    assert.equal(calls.length, 1, `status ${status} is not retried`);
    assert.deepEqual(waited, []);
    assert.equal(worthRetrying(apiError(status)), false);
  }
});

test('after the last retry the last failure is reported, and something that is not an API error is never retried', async () => {
  const { send, calls } = failing([0, 0, 0, 0, 0]);
  await assert.rejects(sendWithRetries(send, noWait().sleep), (e) => e.status === 0);
  assert.equal(calls.length, RETRY_DELAYS_MS.length + 1);
  assert.equal(worthRetrying(new Error('bug')), false);
});

test('a file over the limit is named with its size and the limit in KB or MB; files that fit give no sentence', () => {
  assert.equal(oversizedText([{ name: 'small.txt', size: 2048 }], 2048), '');
  assert.equal(
    oversizedText([{ name: 'ok.txt', size: 10 }, { name: 'big.log', size: 3000 }], 2048),
    '“big.log” is 2.9 KB; files can be at most 2 KB. Choose a smaller file, or share a link to it instead.',
  );
  assert.match(oversizedText([{ name: 'video.mp4', size: 31 * 1024 * 1024 }], 25 * 1024 * 1024), /is 31 MB; files can be at most 25 MB/);
});

test('a refused upload is explained in plain words: the server’s sentence, a file far over the limit named with its size', () => {
  const serverSays = Object.assign(new Error('The file "a.png" is larger than 2 KB, the most a file can be.'), { status: 413 });
  assert.equal(refusalText(serverSays, { name: 'a.png', size: 3000 }), serverSays.message);
  const transport = Object.assign(new Error('request body is larger than 1050624 bytes'), { status: 413 });
  assert.equal(
    refusalText(transport, { name: 'movie.mp4', size: 5 * 1024 * 1024 }),
    '“movie.mp4” (5 MB) is larger than the help desk accepts. Choose a smaller file, or share a link to it instead.',
  );
  const ended = Object.assign(new Error('The chat has ended.'), { status: 409 });
  assert.equal(refusalText(ended, { name: 'a.txt', size: 3 }), '“a.txt” was not sent. The chat has ended.');
});
