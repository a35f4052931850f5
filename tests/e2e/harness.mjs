// End-to-end harness: starts the real `frontline serve` on an ephemeral port with a fresh data
// folder, talks to its API as the admin, drives Debian's Chromium through playwright-core, and
// writes screenshots and axe-core reports. Focus: what a person sees and can do in a browser.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '../..');
const require = createRequire(import.meta.url);

export const ADMIN_EMAIL = 'admin@example.com';
export const ADMIN_PASSWORD = 'e2e-admin-password';
export const SCREENSHOT_DIR = path.join(repoRoot, 'build', 'e2e-screenshots');

const fromRoot = (p) => (path.isAbsolute(p) ? p : path.join(repoRoot, p));

/**
 * Starts a server with a fresh data folder (or `options.dataDir`, which is then left in place)
 * on an ephemeral port (or `options.listen`), with `options.env` added to its environment (e.g.
 * an SMTP relay); resolves once it prints where it listens.
 */
export async function startServer(options = {}) {
  const bin = fromRoot(process.env.FRONTLINE_BIN || 'build/asan/frontline');
  const webRoot = fromRoot(process.env.FRONTLINE_WEB_ROOT || 'web/dist');
  if (!existsSync(bin)) throw new Error(`server binary not found: ${bin} (set FRONTLINE_BIN)`);
  if (!existsSync(path.join(webRoot, 'index.html'))) {
    throw new Error(`no built web app in ${webRoot} (run web/build.sh or set FRONTLINE_WEB_ROOT)`);
  }
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'frontline-e2e-'));
  const child = spawn(bin, ['serve', '--data', dataDir, '--listen', options.listen ?? '127.0.0.1:0', '--web-root', webRoot], {
    env: {
      ...process.env,
      FRONTLINE_ADMIN_EMAIL: ADMIN_EMAIL,
      FRONTLINE_ADMIN_PASSWORD: ADMIN_PASSWORD,
      FRONTLINE_ACCESS_LOG: '0',
      ASAN_OPTIONS: process.env.ASAN_OPTIONS || 'detect_leaks=0',
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => {
    stderr += d;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start in 30 s\n${out}\n${stderr}`)), 30_000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/Frontline is listening on (http:\/\/[^\s/]+)\//);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code ?? signal}) before listening\n${out}\n${stderr}`));
    });
  });
  child.stdout.resume();
  return {
    url,
    dataDir,
    stderr: () => stderr,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      if (!options.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A cookie-session API client (what the web app itself uses), for test setup and checks. */
export class Api {
  constructor(base) {
    this.base = base;
    this.cookie = '';
    this.csrf = '';
  }

  static async signIn(base, email, password) {
    const api = new Api(base);
    const res = await fetch(`${base}/api/v1/session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
    api.cookie = (res.headers.get('set-cookie') || '').split(';')[0];
    api.csrf = (await res.json()).csrf_token;
    return api;
  }

  async call(method, p, body, headers = {}) {
    const h = { Cookie: this.cookie, Accept: 'application/json', ...headers };
    if (method !== 'GET') h['X-CSRF-Token'] = this.csrf;
    if (body !== undefined) h['Content-Type'] = 'application/json';
    const res = await fetch(`${this.base}/api/v1${p}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const data = text ? JSON.parse(text) : undefined;
    if (!res.ok) throw new Error(`${method} ${p} → ${res.status}: ${text}`);
    return data;
  }

  get(p) {
    return this.call('GET', p);
  }
  post(p, body) {
    return this.call('POST', p, body);
  }
  patch(p, body, headers) {
    return this.call('PATCH', p, body, headers);
  }
  put(p, body) {
    return this.call('PUT', p, body);
  }

  createUser({ email, name, role, password, organization }) {
    const body = { email, name, role, password };
    if (organization) body.organization = organization;
    return this.post('/users', body);
  }
}

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, timeout: 60_000 });
}

/** A separate browser context (own cookies) for one person, with short default timeouts. */
export async function newPerson(browser, baseURL, options = {}) {
  const context = await browser.newContext({ baseURL, viewport: options.viewport ?? { width: 1280, height: 860 } });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error(`[browser page error] ${e.message}`));
  return { context, page };
}

/** Signs in through the form, as a person would. */
export async function signInThroughForm(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core on the page; returns the serious and critical violations, printed readably. */
export async function axeViolations(page, screen) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  // The app's Content-Security-Policy (script-src 'self') refuses an inline <script> such as
  // addScriptTag({content}) would add; evaluating through the DevTools protocol is not subject
  // to it, so the page keeps its real policy during the scan.
  if (!has) await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(0, 3).join(' ')}`),
    }));
  });
  const bad = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  for (const v of bad) {
    console.error(`[axe] ${screen}: ${v.impact} ${v.id} — ${v.help}\n    ${v.nodes.join('\n    ')}`);
  }
  return bad;
}

/** Polls fn until it returns a truthy value (or throws after timeoutMs). */
export async function eventually(fn, { timeoutMs = 15_000, intervalMs = 200, what = 'condition' } = {}) {
  const end = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/**
 * A customer's own web site on another origin: one page that includes the chat widget with the
 * documented script tag. Call setHelpdesk(server.url) once the help desk listens.
 */
export async function startWidgetSite() {
  let helpdesk = '';
  const s = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shop</title></head><body><main><h1>Shop</h1></main><script src="${helpdesk}/widget.js" async></script></body></html>`);
  });
  await new Promise((r) => s.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${s.address().port}`,
    setHelpdesk: (u) => (helpdesk = u),
    close: () => new Promise((r) => s.close(r)),
  };
}

/** Opens the widget on the site's page and starts a chat; returns the widget's frame locator. */
export async function startWidgetChat(page, { name = '', email, topic }) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Chat with support' }).click();
  const w = page.frameLocator('iframe[title="Chat with support"]');
  if (name) await w.getByLabel('Your name').fill(name);
  await w.getByLabel('Email (required)').fill(email);
  await w.getByLabel('What is it about? (required)').fill(topic);
  await w.getByRole('button', { name: 'Start chat' }).click();
  return w;
}

/** Chooses a file through the page's file picker, opened by clicking `button`. */
export async function chooseFile(page, button, file) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), button.click()]);
  await chooser.setFiles(file);
}
