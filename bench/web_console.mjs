// Browser benchmark for the console: how long after navigation a queue of 50 tickets is on
// screen and answers the keyboard, in Debian's Chromium (playwright-core from tests/e2e).
// Usage: node bench/web_console.mjs URL EMAIL PASSWORD [RUNS]   — prints one JSON line.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, '../tests/e2e/package.json'));
const { chromium } = require('playwright-core');

const [url, email, password, runsArg] = process.argv.slice(2);
const runs = Number(runsArg || 15);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext();
  const signIn = await context.request.post(`${url}/api/v1/session`, { data: { email, password } });
  if (!signIn.ok()) throw new Error(`sign-in failed: ${signIn.status()}`);
  const page = await context.newPage();
  const samples = [];
  // The first visit fills the browser cache with the hashed assets, as a technician's
  // second visit of the day would find it; it is not counted.
  for (let i = 0; i <= runs; i++) {
    await page.goto('about:blank');
    await page.goto(`${url}/console/queues/open`);
    // Rows on screen, then the keyboard works: "j" moves the selection to the second row.
    await page.waitForFunction(() => document.querySelectorAll('tbody tr[data-ticket]').length >= 50,
      null, { timeout: 10_000, polling: 'raf' });
    await page.keyboard.press('j');
    await page.waitForFunction(() => document.querySelector('tbody tr.selected') !== null,
      null, { timeout: 10_000, polling: 'raf' });
    const ms = await page.evaluate(() => performance.now());  // since navigation start
    if (i > 0) samples.push(ms);
  }
  samples.sort((a, b) => a - b);
  const pick = (q) => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))];
  console.log(JSON.stringify({ runs: samples.length, median_ms: pick(0.5), p90_ms: pick(0.9),
    max_ms: samples[samples.length - 1] }));
} finally {
  await browser.close();
}
