// Focus of this file: splitMessage (src/components/quoting.ts) folds as documented and its time
// grows linearly with hostile bodies (long whitespace runs, endless lines) — a ratio, not a wall
// time. Run by web/test.sh, which bundles quoting.ts to QUOTING_MODULE first.
import assert from 'node:assert/strict';
import { test } from 'node:test';

const { splitMessage } = await import(process.env.QUOTING_MODULE);

function cpuMs(fn) {
  const t0 = process.cpuUsage();
  fn();
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / 1000;
}

// Doubles n until one run takes 50 ms (past the sizes where V8 grows its heap in steps), then
// compares the best of five runs at n and 2n.
function growth(make) {
  const best = (n) => {
    const body = make(n);
    let b = Infinity;
    for (let i = 0; i < 5; i++) b = Math.min(b, cpuMs(() => splitMessage(body)));
    return b;
  };
  let n = 1024;
  while (cpuMs(() => splitMessage(make(n))) < 50 && n < 1 << 26) n *= 2;
  const tn = best(n);
  const t2n = best(2 * n);
  return { n, tn, t2n, ratio: t2n / tn };
}

function expectLinear(what, make) {
  // A quadratic routine shows about 4x on every measurement. A linear one can show past 3x once
  // on a busy machine (process CPU time includes V8's garbage collector on its helper threads;
  // CI saw 3.22x once), but not twice in a row: measure again before deciding.
  let g = growth(make);
  if (g.ratio >= 3) g = growth(make);
  console.log(`  ${what}: n=${g.n}: ${g.tn.toFixed(1)} ms, 2n: ${g.t2n.toFixed(1)} ms, ratio ${g.ratio.toFixed(2)}`);
  assert.ok(g.ratio < 3, `${what}: time grew ${g.ratio.toFixed(2)}× when the input doubled`);
}

test('folds the signature and the trailing quote', () => {
  const parts = splitMessage('Thanks!\n\n-- \nAnna\n\nOn Mon, Bob wrote:\n> hi\n');
  assert.equal(parts.text, 'Thanks!');
  assert.equal(parts.signature, 'Anna');
  assert.equal(parts.quoted, 'On Mon, Bob wrote:\n> hi');
  assert.deepEqual(splitMessage('just text   \n\n'), { text: 'just text   \n\n', signature: '', quoted: '' });
});

test('time grows linearly with long whitespace runs', () => {
  expectLinear('spaces inside the text', (n) => 'a' + ' '.repeat(n) + 'b\n-- \nsig');
  expectLinear('blank lines inside the text', (n) => 'a' + '\n'.repeat(n) + 'b\n-- \nsig');
  expectLinear('tabs inside the quote', (n) => 'a\n> q' + '\t'.repeat(n) + 'q\n');
});

test('time grows linearly with endless lines', () => {
  expectLinear('attribution line', (n) => 'a\nOn x wrote:' + ' '.repeat(n) + 'x\n> q\n');
  expectLinear('dashes', (n) => 'a\n' + '-'.repeat(n) + ' \nb');
  expectLinear('underscores', (n) => 'a\n' + '_'.repeat(n) + ' '.repeat(n) + 'x\nFrom: b');
  expectLinear('many From lines', (n) => 'a\n' + 'From: x\n'.repeat(n / 8));
  expectLinear('many quote lines', (n) => 'a\n' + '> q\n\n'.repeat(n / 5));
});
