// The browser and page helpers the suite shares: Debian's Chromium driven by playwright-core (its own
// browser download does not work everywhere), each test in fresh browser contexts with a trace, and
// the trace and a screenshot of every page kept when the test fails.

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Headless Chromium with no sandbox (root in CI) and no background traffic to the internet. */
export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Runs a scenario with a helper that opens browser contexts (each a separate visitor with its own
 * cookies); closes them after, keeping a trace and a screenshot of each when the scenario fails.
 */
export async function scenario(browser, name, body) {
  const opened = [];
  const out = process.env.E2E_OUT ?? 'target/e2e';
  /**
   * A new visitor: a browser context, its first page, and the API requests that page makes; `options` are the
   * context's (a `timezoneId`, say).
   */
  const visitor = async (label = `visitor${opened.length + 1}`, options = {}) => {
    const context = await browser.newContext({ baseURL: process.env.DEMO_BASE, ...options });
    context.setDefaultTimeout(15_000);
    await context.tracing.start({ screenshots: true, snapshots: true });
    const page = await context.newPage();
    const requests = trackApiRequests(page);
    opened.push({ label, context });
    return { context, page, requests };
  };
  try {
    await body(visitor);
  } catch (error) {
    const dir = join(out, 'failures', slug(name));
    mkdirSync(dir, { recursive: true });
    for (const { label, context } of opened) {
      for (const [i, page] of context.pages().entries()) {
        await page.screenshot({ path: join(dir, `${label}-page${i + 1}.png`), fullPage: true }).catch(() => {});
      }
      await context.tracing.stop({ path: join(dir, `${label}-trace.zip`) }).catch(() => {});
    }
    console.error(`e2e: screenshots and traces of "${name}" in ${dir} (open a trace with npx playwright show-trace)`);
    throw error;
  } finally {
    for (const { context } of opened) await context.close().catch(() => {});
  }
}

/**
 * The API requests of a page, as "GET /api/mizan/ctx/notes?board=general", in order. A batch
 * ("POST /api/mizan/batch") is followed by what each of its entries would be alone, so that a test
 * counts reads and calls however the runtime sent them.
 */
export function trackApiRequests(page) {
  const requests = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/')) return;
    requests.push(`${request.method()} ${url.pathname}${url.search}`);
    if (request.method() === 'POST' && url.pathname.endsWith('/mizan/batch')) {
      const base = url.pathname.slice(0, -'/batch'.length);
      for (const entry of JSON.parse(request.postData() ?? '{"batch":[]}').batch) {
        if (entry.call) requests.push(`POST ${base}/call/${entry.call}`);
        else {
          const query = new URLSearchParams(entry.params ?? {}).toString();
          requests.push(`GET ${base}/ctx/${entry.ctx}${query ? '?' + query : ''}`);
        }
      }
    }
  });
  return requests;
}

/** Waits until the check returns something truthy, polling; fails with the message after the timeout. */
export async function eventually(check, message, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    try {
      last = await check();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`${message} (last: ${last instanceof Error ? last.message : String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the locator's text contains the expected text. */
export function textOf(locator, expected, timeoutMs) {
  return eventually(
    async () => ((await locator.textContent()) ?? '').includes(expected),
    `expected "${expected}" in ${locator}`,
    timeoutMs,
  );
}

function slug(text) {
  return text.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
}
