/**
 * Web benchmark: the production build's initial JavaScript (gzipped, as the browser downloads it)
 * and the time to first meaningful content on localhost in headless Chromium, cold cache.
 *
 * Peers, side by side: for size, the smallest React 19 app (a root rendering one heading) built by
 * the same Vite configuration — the floor any React front end pays; for time, the same pages
 * pre-rendered to static HTML with the same stylesheet and no JavaScript, served by the same kind
 * of server — the floor of browser, network and server.
 *
 *   npm run bench:web [-- --runs 15]
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { serve } from '@hono/node-server';
import { build } from 'vite';
import { chromium, type Browser } from 'playwright-core';
import { readConfig } from '../src/app/config.js';
import { loadReferenceData } from '../src/app/load-reference-data.js';
import { openApp } from '../src/app/upskill-app.js';
import { createApi } from '../src/api/create-api.js';
import { WEB_ROOT } from '../src/api/web-app.js';
import { openDatabase } from '../src/store/database.js';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    data: { type: 'string', default: new URL('../../shared/data/', import.meta.url).pathname },
  },
});
const runs = Number(values.runs);
const BUDGET_KB = 250;

/** The scripts index.html makes the browser fetch before anything renders: the entry and its module preloads. */
function initialScripts(root: string): string[] {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  return [
    ...html.matchAll(/<(?:script[^>]*type="module"[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/([^"]+)"/g),
  ].map((m) => m[1]!);
}
const gzipKb = (root: string, files: string[]) =>
  files.reduce((sum, file) => sum + gzipSync(readFileSync(join(root, file)), { level: 6 }).length, 0) / 1024;

// --- size -------------------------------------------------------------------------------------
const appScripts = initialScripts(WEB_ROOT);
const appKb = gzipKb(WEB_ROOT, appScripts);
const peerDir = mkdtempSync(join(tmpdir(), 'upskill-bench-react-'));
writeFileSync(
  join(peerDir, 'index.html'),
  '<!doctype html><div id="root"></div><script type="module" src="/main.jsx"></script>',
);
writeFileSync(
  join(peerDir, 'main.jsx'),
  "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<h1>Hello</h1>);\n",
);
await build({
  configFile: false,
  root: peerDir,
  logLevel: 'silent',
  resolve: {
    alias: {
      react: join(process.cwd(), 'node_modules/react'),
      'react-dom': join(process.cwd(), 'node_modules/react-dom'),
    },
  },
  build: { outDir: join(peerDir, 'dist'), target: 'es2022' },
});
const peerKb = gzipKb(join(peerDir, 'dist'), initialScripts(join(peerDir, 'dist')));
rmSync(peerDir, { recursive: true, force: true });

// --- time -------------------------------------------------------------------------------------
process.stderr.write('Loading the public data into a fresh in-memory store…\n');
const db = await openDatabase({ kind: 'embedded-memory' });
const app = await openApp({ ...readConfig({}), home: '/nonexistent' }, db);
await loadReferenceData(db, app.config, { from: values.data, onlyIn: [] });
await app.titleIndex();
const listen = (fetch: (request: Request) => Response | Promise<Response>) =>
  new Promise<{ origin: string; close: () => void }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ origin: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
const upskill = await listen(createApi(app).fetch);

/** Milliseconds from navigation start until `selector` is in the page, seen by a MutationObserver installed before any script. */
async function timeTo(browser: Browser, url: string, selector: string): Promise<{ meaningful: number; fcp: number }> {
  // bypassCSP lets the probe run; the page's own resources are the same either way.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  await context.addInitScript(`(() => {
    const seen = () => {
      if (!window.__meaningful && document.querySelector(${JSON.stringify(selector)}))
        window.__meaningful = performance.now();
    };
    new MutationObserver(seen).observe(document, { childList: true, subtree: true });
    document.addEventListener('DOMContentLoaded', seen);
  })()`);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction('window.__meaningful !== undefined');
  await page.waitForFunction("performance.getEntriesByName('first-contentful-paint').length > 0");
  const result = await page.evaluate<{ meaningful: number; fcp: number }>(
    "({ meaningful: window.__meaningful, fcp: performance.getEntriesByName('first-contentful-paint')[0].startTime })",
  );
  await context.close();
  return result;
}

const PAGES = [
  { name: 'Start', path: '/', selector: 'main h1' },
  { name: 'Your job & AI (13-1161.00, 13 tasks)', path: '/job?code=13-1161.00', selector: '.task-list li' },
];
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// The peer: each page as rendered by the app, saved as static HTML with its stylesheet and no scripts.
const staticRoot = mkdtempSync(join(tmpdir(), 'upskill-bench-static-'));
mkdirSync(join(staticRoot, 'assets'));
for (const file of readFileSync(join(WEB_ROOT, 'index.html'), 'utf8').match(/assets\/[^"]+\.css/g) ?? [])
  writeFileSync(join(staticRoot, file), readFileSync(join(WEB_ROOT, file)));
const staticPages = new Map<string, string>();
{
  const page = await browser.newPage();
  for (const p of PAGES) {
    await page.goto(`${upskill.origin}${p.path}`);
    await page.waitForSelector(p.selector);
    await page.waitForLoadState('networkidle');
    staticPages.set(
      p.path,
      (await page.content()).replace(/<script[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, ''),
    );
  }
  await page.close();
}
const peer = await listen((request) => {
  const url = new URL(request.url);
  const css = url.pathname.startsWith('/assets/') ? readFileSync(join(staticRoot, url.pathname)) : null;
  if (css) return new Response(css, { headers: { 'content-type': 'text/css' } });
  return new Response(staticPages.get(url.pathname + url.search) ?? 'not found', {
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
});

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.9))]!;
const rows: string[] = [];
for (const p of PAGES) {
  const ours: { meaningful: number; fcp: number }[] = [];
  const theirs: { meaningful: number; fcp: number }[] = [];
  await timeTo(browser, `${upskill.origin}${p.path}`, p.selector); // warm the server, not the browser (each run is a new context)
  for (let i = 0; i < runs; i++) {
    ours.push(await timeTo(browser, `${upskill.origin}${p.path}`, p.selector));
    theirs.push(await timeTo(browser, `${peer.origin}${p.path}`, p.selector));
  }
  const m = median(ours.map((r) => r.meaningful));
  const pm = median(theirs.map((r) => r.meaningful));
  rows.push(
    `| ${p.name} | Upskill (React, cold cache) | ${m.toFixed(0)} | ${p90(ours.map((r) => r.meaningful)).toFixed(0)} ` +
      `| ${median(ours.map((r) => r.fcp)).toFixed(0)} |`,
  );
  rows.push(
    `| ${p.name} | static HTML peer (no JS) | ${pm.toFixed(0)} | ${p90(theirs.map((r) => r.meaningful)).toFixed(0)} ` +
      `| ${median(theirs.map((r) => r.fcp)).toFixed(0)} |`,
  );
  rows.push(`| ${p.name} | ratio | ${(m / pm).toFixed(1)}× | | |`);
}
await browser.close();
upskill.close();
peer.close();
await app.close();
rmSync(staticRoot, { recursive: true, force: true });

console.log(`\nInitial JavaScript (gzip -6 of ${appScripts.join(', ')}):`);
console.log(`| build | initial JS gz KB | budget |`);
console.log(`|---|---|---|`);
console.log(`| Upskill web app | ${appKb.toFixed(1)} | ${BUDGET_KB} KB ${appKb < BUDGET_KB ? '✓' : '✗'} |`);
console.log(`| smallest React 19 app (peer) | ${peerKb.toFixed(1)} | |`);
console.log(`Upskill is ${(appKb / peerKb).toFixed(2)}× the bare React floor.\n`);
console.log(
  `Time to first meaningful content on localhost, ${runs} runs each, new browser context per run (ms from navigation start):`,
);
console.log('| page | what | median ms | p90 ms | first contentful paint ms |');
console.log('|---|---|---|---|---|');
for (const row of rows) console.log(row);
if (appKb >= BUDGET_KB) process.exitCode = 1;
