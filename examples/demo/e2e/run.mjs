// Runs the browser suite: starts the demo WAR on Payara Micro at a free port, runs the tests in
// headless Chromium (Debian's /usr/bin/chromium, driven by playwright-core), and stops the server.
//
//   node run.mjs --payara ../target/payara-micro.jar --war ../target/demo.war --out ../target/e2e
//
// Without a browser the suite says how to install one and skips, unless CI=true, where a missing
// browser fails the run. Screenshots and traces of failed tests land in --out.

import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CHROMIUM } from './browser.mjs';

const { values: args } = parseArgs({
  options: {
    payara: { type: 'string' },
    war: { type: 'string' },
    out: { type: 'string', default: 'target/e2e' },
    base: { type: 'string' }, // a server already running: skips starting one
  },
});

if (!existsSync(CHROMIUM)) {
  const message = `No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM to a browser.`;
  if (process.env.CI === 'true') {
    console.error(`e2e: ${message}`);
    process.exit(1);
  }
  console.warn(`e2e: skipped. ${message}`);
  process.exit(0);
}

const out = resolve(args.out);
mkdirSync(out, { recursive: true });

let server = null;
let base = args.base;
let purges = null; // the file the CDN stand-in writes what it receives to, when this run starts the server
const stop = () => {
  if (server && server.exitCode === null) server.kill('SIGTERM');
};
process.on('exit', stop);
process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));

if (!base) {
  if (!args.payara || !args.war) {
    console.error('e2e: --payara and --war are required unless --base names a running server');
    process.exit(2);
  }
  const port = await freePort();
  base = `http://localhost:${port}`;
  purges = resolve(out, 'purges.jsonl');
  const purgeUrl = await startCdnStandIn(purges);
  const log = openSync(resolve(out, 'payara.log'), 'w');
  server = spawn(
    'java',
    [
      '-Dhazelcast.phone.home.enabled=false',
      // as behind a CDN: context answers carry their tags, and CdnPurge tells the CDN what to purge
      '-Dmizan.cache-tags.enabled=true',
      `-Ddemo.cdn.purge-url=${purgeUrl}`,
      '-jar',
      resolve(args.payara),
      '--nocluster',
      '--disablephonehome',
      '--port',
      String(port),
      '--contextroot',
      '/',
      '--deploy',
      resolve(args.war),
    ],
    { stdio: ['ignore', log, log] },
  );
  console.log(`e2e: starting the demo on Payara Micro at ${base} (log: ${resolve(out, 'payara.log')})`);
  await waitUntilReady(base, server, resolve(out, 'payara.log'), 240_000);
}

const tests = spawn(process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=spec', 'demo.test.mjs'], {
  stdio: 'inherit',
  env: { ...process.env, DEMO_BASE: base, E2E_OUT: out, ...(purges ? { DEMO_PURGES: purges } : {}) },
});
const code = await new Promise((done) => tests.on('exit', (c) => done(c ?? 1)));
stop();
process.exit(code);

/**
 * A stand-in for a CDN's purge endpoint, for the demo's CdnPurge: it writes each request it gets as a
 * line of JSON to the file, and refuses the first delivery of each body (503), so that the observer's
 * retry is exercised too.
 */
async function startCdnStandIn(file) {
  writeFileSync(file, '');
  const seen = new Set();
  const stand = createHttpServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const first = !seen.has(body);
      seen.add(body);
      appendFileSync(file, JSON.stringify({ at: Date.now(), status: first ? 503 : 204, body }) + '\n');
      response.writeHead(first ? 503 : 204).end();
    });
  });
  await new Promise((ready) => stand.listen(0, '127.0.0.1', ready));
  stand.unref();
  return `http://127.0.0.1:${stand.address().port}/purge`;
}

function freePort() {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
}

/** Ready when MicroProfile Health says so (the demo's readiness check asks the database). */
async function waitUntilReady(base, child, log, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Payara Micro exited with ${child.exitCode}; see ${log}`);
    // a failed deployment leaves the server running without the app: stop waiting at once
    if (/Startup of context .*failed|Exception while (loading|deploying)/.test(readFileSync(log, 'utf8'))) {
      throw new Error(`the demo failed to deploy; see ${log}`);
    }
    try {
      const response = await fetch(`${base}/health/ready`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`the demo was not ready within ${timeoutMs / 1000} s; see ${log}`);
}
