// Bench (not a test): how soon a queue of 50 tickets is on screen and usable after navigation,
// on a seeded database (default 100,000 tickets). Budget: 300 ms. Run with
//   node tests/e2e/bench_queue.mjs            (FRONTLINE_BIN defaults to build/release/frontline)
// Prints one line per case (median and worst of the runs); exits 1 when a median is over budget.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { launchBrowser, newPerson, repoRoot, signInThroughForm, startServer } from './harness.mjs';

const TICKETS = Number(process.env.BENCH_TICKETS || 100_000);
const RUNS = Number(process.env.BENCH_RUNS || 7);
const BUDGET_MS = 300;
process.env.FRONTLINE_BIN ||= path.join(repoRoot, 'build/release/frontline');

const dataDir = mkdtempSync(path.join(tmpdir(), 'frontline-bench-'));
const started = Date.now();
execFileSync(process.env.FRONTLINE_BIN, ['seed', '--data', dataDir, '--tickets', String(TICKETS)], { stdio: 'ignore' });
console.log(`seeded ${TICKETS} tickets in ${((Date.now() - started) / 1000).toFixed(1)} s`);

const server = await startServer({ dataDir });
const browser = await launchBrowser();
let failed = false;
try {
  const { page } = await newPerson(browser, server.url);
  await signInThroughForm(page, 'agent1@example.com', 'seed-password');
  await page.waitForURL('**/console');
  await page.locator('tbody tr').first().waitFor({ timeout: 30_000 });

  // In the page: time from `start` until 50 rows are rendered and the page is idle for input
  // (the next animation frame after the rows appear).
  const rowsReady = () =>
    page.evaluate(
      () =>
        new Promise((resolve) => {
          const check = () => {
            if (document.querySelectorAll('tbody tr').length >= 50) {
              requestAnimationFrame(() => resolve(performance.now()));
            } else {
              requestAnimationFrame(check);
            }
          };
          check();
        }),
    );

  const cases = [
    ['All open, in-app navigation', '/console/queues/open', 'All open', false],
    ['Unassigned, in-app navigation', '/console/queues/unassigned', 'Unassigned', false],
    ['All open, full page load', '/console/queues/open', 'All open', true],
    ['All open sorted by priority, full page load', '/console/queues/open?sort=priority&order=desc', 'All open', true],
  ];
  for (const [name, url, link, full] of cases) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      if (full) {
        await page.goto(url);
        // performance.now() counts from navigation start on a full load.
        times.push(await rowsReady());
      } else {
        await page.goto('/console/call');
        await page.getByRole('heading', { level: 1, name: 'Log a phone call' }).waitFor();
        const t0 = await page.evaluate(() => performance.now());
        await page.getByRole('navigation', { name: 'Queues' }).getByRole('link', { name: new RegExp(`^${link}`) }).click();
        times.push((await rowsReady()) - t0);
      }
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const worst = times[times.length - 1];
    const ok = median <= BUDGET_MS;
    failed ||= !ok;
    console.log(`${ok ? 'ok  ' : 'SLOW'} ${name}: median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms (budget ${BUDGET_MS} ms, ${RUNS} runs)`);
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
