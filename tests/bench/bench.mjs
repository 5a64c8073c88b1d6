// The KeyPlan benchmark (issue 9): serves the release build (dist/) on 127.0.0.1, drives headless
// Chromium with Playwright, and writes BENCHMARKS.md with the medians of several runs.
//
// Usage: node tests/bench/bench.mjs        (after scripts/build.sh; `make bench` does both)
// Env:   BENCH_RUNS (5)  runs of each measurement, each in a fresh browser context
//        BENCH_KEYS (200) keystrokes per typing run    BENCH_PORT (8282)
//        BENCH_OUT (BENCHMARKS.md)   BENCH_ONLY (comma list: bytes,startup,typing,save,transfer,capacity,lighthouse)
//        BENCH_LIGHTHOUSE_RUNS (3, at most BENCH_RUNS) Lighthouse runs
//        BENCH_DIST (dist) the build to measure   CHROMIUM (/usr/bin/chromium)
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { makePlan, storedPlan } from './generate.mjs';
import { measureGrowth, growthReport } from './capacity.mjs';
import { measureLighthouse, lighthouseReport, measureUsable } from './lighthouse.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DIST = path.resolve(ROOT, process.env.BENCH_DIST || 'dist');
// Plans the portfolio lists before "Show all" (src/pages/portfolio.rs PAGE).
const LIST_PAGE = 50;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS || 5));
const KEYS = Math.max(2, Number(process.env.BENCH_KEYS || 200));
const PORT = Number(process.env.BENCH_PORT || 8282);
const OUT = path.resolve(ROOT, process.env.BENCH_OUT || 'BENCHMARKS.md');
const ONLY = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const PREFIX = '/keyplan/';
const QUOTA = 5_000_000; // UTF-16 code units: the app's QUOTA_ESTIMATE (src/persist/storage.rs)
const WORKSPACES = [1, 100, 500];

const log = (...a) => console.log('bench:', ...a);
const fail = (msg) => { console.error(`bench: ${msg}`); process.exit(1); };
const want = (name) => !ONLY || ONLY.includes(name);

// ---------- figures ----------
const median = (xs) => {
  const s = [...xs].filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : 'n/a');
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ratio = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');

// ---------- the app and its server ----------
function checkBuilt() {
  const files = fs.existsSync(DIST) ? fs.readdirSync(DIST) : [];
  if (!files.includes('index.html') || !files.some((f) => f.endsWith('.wasm')) || !files.some((f) => f.endsWith('.js'))) {
    fail(`no release build in ${DIST} (index.html, .js and .wasm are needed). Run scripts/build.sh first, or use \`make bench\`.`);
  }
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css',
  '.json': 'application/json', '.png': 'image/png', '.svg': 'image/svg+xml', '.ico': 'image/x-icon', '.webmanifest': 'application/manifest+json' };

const GZIP = process.env.BENCH_GZIP !== '0';
const gzipped = new Map();

/** A plain static server like tests/e2e/serve.mjs, on 127.0.0.1:PORT (or a free port if taken). */
function serve() {
  const server = http.createServer((req, res) => {
    const url = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!url.startsWith(PREFIX)) { res.writeHead(404); return res.end(); }
    let file = path.join(DIST, url.slice(PREFIX.length));
    if (!file.startsWith(DIST)) { res.writeHead(403); return res.end(); }
    if (url.endsWith('/')) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404); return res.end(); }
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-cache' };
      // Compressed as a static host serves it (GitHub Pages, Netlify, S3 behind CloudFront), unless
      // BENCH_GZIP=0: what a phone downloads on a first visit (Lighthouse, time to usable).
      if (GZIP && /\bgzip\b/.test(req.headers['accept-encoding'] || '') && !/\.(png|ico)$/.test(file)) {
        const key = `${file}:${body.length}`;
        if (!gzipped.has(key)) gzipped.set(key, zlib.gzipSync(body, { level: 9 }));
        body = gzipped.get(key);
        headers['content-encoding'] = 'gzip';
        headers.vary = 'accept-encoding';
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', (e) => {
      if (e.code !== 'EADDRINUSE') return reject(e);
      log(`port ${PORT} is taken; using a free one`);
      server.listen(0, '127.0.0.1', () => resolve(server));
    });
    server.listen(PORT, '127.0.0.1', () => resolve(server));
  });
}

// ---------- in-page instrumentation (an init script in every context) ----------
// Storage calls are logged with their times and sizes (only while __bench.logStorage is set), the
// portfolio start-up is timed from navigation start to the painted list, blobs handed to
// URL.createObjectURL (exports) are kept.
const INIT = (expectRows) => `
(() => {
  const b = window.__bench = { logStorage: false, storage: [], startup: null, exported: null };
  const P = Storage.prototype;
  for (const name of ['getItem', 'setItem', 'removeItem']) {
    const orig = P[name];
    P[name] = function (...args) {
      if (!b.logStorage) return orig.apply(this, args);
      const t0 = performance.now();
      const r = orig.apply(this, args);
      b.storage.push({ op: name, key: args[0], len: name === 'setItem' ? String(args[1]).length : (name === 'getItem' && r ? r.length : 0), t0, t1: performance.now() });
      return r;
    };
  }
  const origURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) { b.exported = { t: performance.now(), blob }; return origURL.call(URL, blob); };
  // The portfolio draws its first page of plans (PAGE in src/pages/portfolio.rs) at once.
  const expectRows = Math.min(${Number(expectRows)}, ${LIST_PAGE});
  if (expectRows > 0) {
    const check = () => {
      if (b.startup) return;
      const rows = document.querySelectorAll('[data-testid=plan-list] tbody tr').length;
      if (rows < expectRows) return;
      const shown = performance.now();
      b.startup = { shown };
      obs.disconnect();
      requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => { b.startup.painted = performance.now(); }; ch.port2.postMessage(0); });
    };
    const obs = new MutationObserver(check);
    obs.observe(document, { childList: true, subtree: true });
  }
})();`;

// ---------- workspaces ----------
// Plan 1 of every workspace is a typical plan (the one edited in the save benchmark); the others
// are lean plans, because typical plans do not fit in the browser's storage by the hundred (see
// the capacity figures). The workspace is written as a browser holds it: the plan keys, and
// the index KeyPlan writes from them on its first start (its own summaries, so they are exact);
// start-up is then measured on the next load, as a rep opens the app on any later day.
const cache = new Map();
function workspace(n) {
  if (!cache.has(n)) {
    const items = [];
    for (let i = 1; i <= n; i++) {
      const plan = makePlan(i, { size: i === 1 ? 'typical' : 'lean' });
      items.push([`keyplan:plan:${plan.id}`, storedPlan(plan)]);
    }
    cache.set(n, items);
  }
  return cache.get(n);
}
const sizedPlan = (size) => {
  if (!cache.has(size)) {
    const plan = makePlan(1, { size });
    cache.set(size, [[`keyplan:plan:${plan.id}`, storedPlan(plan)]]);
  }
  return cache.get(size);
};
const largePlan = () => sizedPlan('large');

async function seed(page, items) {
  const res = await page.evaluate((list) => {
    try {
      for (const [k, v] of list) localStorage.setItem(k, v);
      return { ok: true };
    } catch (e) {
      return { ok: false, error: `${e.name}: ${e.message}`, stored: localStorage.length };
    }
  }, items);
  if (!res.ok) throw new Error(`could not store the workspace (${res.error}; ${res.stored} keys stored)`);
}

let browser;
let base;
async function context(expectRows = 0) {
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  await ctx.addInitScript({ content: INIT(expectRows) });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => log('page error:', e.message));
  return { ctx, page };
}

async function waitRows(page, n) {
  await page.waitForFunction((k) => document.querySelectorAll('[data-testid=plan-list] tbody tr').length >= k, Math.min(n, LIST_PAGE), { timeout: 120_000 });
}

// ---------- 1. bytes shipped ----------
async function measureBytes() {
  const { ctx, page } = await context();
  const loaded = new Set();
  page.on('response', (r) => { if (r.url().startsWith(base)) loaded.add(new URL(r.url()).pathname.slice(PREFIX.length) || 'index.html'); });
  await page.goto(base);
  await page.waitForSelector('main');
  await page.waitForLoadState('networkidle');
  await ctx.close();
  const byType = {};
  const files = [];
  for (const f of [...loaded].sort()) {
    const full = path.join(DIST, f);
    if (!fs.existsSync(full)) continue;
    const body = fs.readFileSync(full);
    const ext = path.extname(f).slice(1) || 'html';
    const gz = zlib.gzipSync(body, { level: 9 }).length;
    files.push({ file: f, ext, raw: body.length, gz });
    byType[ext] = byType[ext] || { raw: 0, gz: 0 };
    byType[ext].raw += body.length;
    byType[ext].gz += gz;
  }
  const total = files.reduce((a, f) => ({ raw: a.raw + f.raw, gz: a.gz + f.gz }), { raw: 0, gz: 0 });
  // The wasm modules a first visit did not fetch (scripts/split.mjs): they arrive when first
  // shown, or in the background when the service worker caches the build for offline use.
  const later = { count: 0, raw: 0, gz: 0 };
  for (const f of fs.readdirSync(DIST)) {
    if (!f.endsWith('.wasm') || loaded.has(f)) continue;
    const body = fs.readFileSync(path.join(DIST, f));
    later.count += 1;
    later.raw += body.length;
    later.gz += zlib.gzipSync(body, { level: 9 }).length;
  }
  return { files, byType, total, later };
}

// ---------- 2. start-up ----------
async function measureStartup() {
  const out = {};
  for (const n of WORKSPACES) {
    const first = [];
    const later = [];
    const shown = [];
    for (let run = 0; run < RUNS; run++) {
      const { ctx, page } = await context(n);
      await page.goto(base);
      await seed(page, workspace(n));
      // First start on this workspace: KeyPlan builds its index from the plan keys.
      await page.reload();
      await page.waitForFunction(() => window.__bench.startup?.painted, null, { timeout: 120_000 });
      first.push(await page.evaluate(() => window.__bench.startup.painted));
      const hasIndex = await page.evaluate(() => !!localStorage.getItem('keyplan:index'));
      if (!hasIndex) throw new Error('KeyPlan wrote no index');
      // Later starts: the index is read, not rebuilt.
      await page.reload();
      await page.waitForFunction(() => window.__bench.startup?.painted, null, { timeout: 120_000 });
      const s = await page.evaluate(() => window.__bench.startup);
      later.push(s.painted);
      shown.push(s.shown);
      await ctx.close();
    }
    out[n] = { first: median(first), later: median(later), shown: median(shown), samples: later };
    log(`start-up ${n} plans: ${ms(out[n].later)} (first start, index rebuilt: ${ms(out[n].first)})`);
  }
  out.ratio = out[500].later / out[1].later;
  return out;
}

// ---------- 3. typing ----------
const KEY_PROBE = () => {
  const b = window.__bench;
  b.keys = [];
  b.events = [];
  window.addEventListener('keydown', (e) => {
    const t0 = e.timeStamp;
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => b.keys.push(performance.now() - t0);
      ch.port2.postMessage(0);
    });
  }, true);
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) b.events.push({ name: e.name, duration: e.duration, id: e.interactionId, start: e.startTime });
  }).observe({ type: 'event', durationThreshold: 16, buffered: false });
};

async function typeInto(page, selector, count) {
  const el = page.locator(selector);
  await el.click();
  await page.keyboard.press('End');
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => window.__bench.keys.length);
  const since = await page.evaluate(() => performance.now());
  const text = 'abcdefghij klmnopqrstuvwxyz ';
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(text[i % text.length] === ' ' ? 'Space' : text[i % text.length]);
    await page.waitForFunction((k) => window.__bench.keys.length >= k, before + i + 1, { polling: 'raf' });
    await page.waitForTimeout(25);
  }
  // Every keystroke's event timing entries arrive after its frame; give the observer a moment.
  await page.waitForTimeout(500);
  return page.evaluate(([k, t]) => ({ keys: window.__bench.keys.slice(k), events: window.__bench.events.filter((e) => e.start >= t) }), [before, since]);
}

/** Stores a plan, opens its step 3 with the keystroke probe in place, and opens contact 1. */
async function openFirstContact(page, key, value) {
  const id = key.slice('keyplan:plan:'.length);
  await seed(page, [[key, value]]);
  await page.goto(`${base}#/plan/${id}/3`);
  await page.reload();
  await page.waitForSelector('#contacts-1 .row-toggle', { timeout: 120_000 });
  await page.evaluate(KEY_PROBE);
  await page.click('#contacts-1 .row-toggle');
}

/** Typing in the large plan (300 contacts), or with `size` 'typical' in the typical plan (25). */
async function measureTyping(size = 'large') {
  const [[key, value]] = sizedPlan(size);
  const id = key.slice('keyplan:plan:'.length);
  const direct = [];
  const perField = { contact: [], header: [] };
  let keystrokes = 0;
  let slow = 0;
  const slowDurations = [];
  for (let run = 0; run < RUNS; run++) {
    const { ctx, page } = await context();
    await page.goto(base);
    await openFirstContact(page, key, value);
    const half = Math.ceil(KEYS / 2);
    const a = await typeInto(page, '#contacts-1-name', half);
    perField.contact.push(...a.keys);
    await page.goto(`${base}#/plan/${id}/1`);
    await page.waitForSelector('#header-account_name');
    const b = await typeInto(page, '#header-account_name', KEYS - half);
    perField.header.push(...b.keys);
    const r = { keys: [...a.keys, ...b.keys], events: [...a.events, ...b.events] };
    direct.push(...r.keys);
    keystrokes += r.keys.length;
    // Event Timing: one interaction per keystroke (keydown + keypress/input + keyup share an
    // interactionId); only events of 16 ms or more are reported, so a keystroke with no
    // keydown/keypress entry took less than 16 ms to its next paint.
    const byId = new Map();
    for (const e of r.events) {
      if (!e.id || !['keydown', 'keypress', 'input', 'beforeinput'].includes(e.name)) continue;
      byId.set(e.id, Math.max(byId.get(e.id) || 0, e.duration));
    }
    slow += byId.size;
    slowDurations.push(...byId.values());
    await ctx.close();
    log(`typing (${size}) run ${run + 1}: ${r.keys.length} keystrokes, median ${ms(median(r.keys))}, ${byId.size} reported ≥ 16 ms`);
  }
  // p95 from Event Timing: keystrokes without an entry count as "< 16 ms".
  const all = [...slowDurations, ...Array(Math.max(0, keystrokes - slow)).fill(0)];
  const p95et = quantile(all, 0.95);
  return {
    keystrokes,
    runs: RUNS,
    median: median(direct),
    p95: quantile(direct, 0.95),
    max: Math.max(...direct),
    contact: { median: median(perField.contact), p95: quantile(perField.contact, 0.95) },
    header: { median: median(perField.header), p95: quantile(perField.header, 0.95) },
    slow,
    slowShare: slow / keystrokes,
    p95EventTiming: p95et,
    slowMedian: median(slowDurations),
  };
}

// ---------- 4. saving ----------
/** The storage calls of each save: from reading the plan's key to removing its backup key. */
function saves(calls, id) {
  const out = [];
  const planKey = `keyplan:plan:${id}`;
  for (let i = 0; i < calls.length; i++) {
    if (calls[i].op !== 'getItem' || calls[i].key !== planKey) continue;
    const j = calls.findIndex((c, x) => x > i && c.op === 'removeItem' && c.key === `keyplan:backup:${id}`);
    if (j < 0) break;
    const within = calls.slice(i, j + 1);
    if (!within.some((c) => c.op === 'setItem' && c.key === planKey)) continue;
    const writes = within.filter((c) => c.op === 'setItem');
    out.push({
      ms: calls[j].t1 - calls[i].t0,
      writes: writes.map((c) => ({ key: c.key, units: c.key.length + c.len })),
      units: writes.reduce((a, c) => a + c.key.length + c.len, 0),
      otherPlans: writes.filter((c) => c.key.startsWith('keyplan:plan:') && c.key !== planKey).length,
    });
    i = j;
  }
  return out;
}

async function measureSave(items, id, edits = 5) {
  const times = [];
  let last;
  for (let run = 0; run < RUNS; run++) {
    const { ctx, page } = await context(items.length);
    await page.goto(base);
    await seed(page, items);
    await page.reload();
    await waitRows(page, items.length);
    await page.goto(`${base}#/plan/${id}/1`);
    await page.waitForSelector('#header-account_name', { timeout: 120_000 });
    await page.evaluate(() => { window.__bench.storage = []; window.__bench.logStorage = true; });
    for (let e = 1; e <= edits; e++) {
      await page.click('#header-account_name');
      await page.keyboard.press('End');
      await page.keyboard.press('x');
      await page.waitForFunction(([k, n]) => window.__bench.storage.filter((c) => c.op === 'removeItem' && c.key === k).length >= n,
        [`keyplan:backup:${id}`, e], { timeout: 60_000 });
    }
    const calls = await page.evaluate(() => { window.__bench.logStorage = false; return window.__bench.storage; });
    const s = saves(calls, id);
    if (s.length < edits) throw new Error(`expected ${edits} saves, found ${s.length}`);
    times.push(...s.map((x) => x.ms));
    last = s[s.length - 1];
    const stored = await page.evaluate(() => {
      const index = localStorage.getItem('keyplan:index') || '';
      return { index: index.length, plans: Object.keys(localStorage).filter((k) => k.startsWith('keyplan:plan:')).length };
    });
    last.index = stored.index;
    last.plans = stored.plans;
    await ctx.close();
  }
  return { median: median(times), samples: times.length, ...last };
}

async function measureSaving() {
  const ws1 = workspace(1);
  const id = ws1[0][0].slice('keyplan:plan:'.length);
  const one = await measureSave(ws1, id);
  log(`save, 1 plan: ${ms(one.median)}, ${one.units} units written`);
  const many = await measureSave(workspace(500), id);
  log(`save, 500 plans: ${ms(many.median)}, ${many.units} units written`);
  const [[lk]] = largePlan();
  const large = await measureSave(largePlan(), lk.slice('keyplan:plan:'.length), 3);
  log(`save, large plan: ${ms(large.median)}`);
  return { one, many, large, ratio: many.median / one.median };
}

// ---------- 5. import and export ----------
async function measureTransfer() {
  const exportMs = [];
  const readMs = [];
  const writeMs = [];
  const parseMs = [];
  let fileText = null;
  let fileBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    // Export: "Download a backup of all plans" on the storage page of the 500-plan workspace.
    {
      const { ctx, page } = await context(500);
      await page.goto(base);
      await seed(page, workspace(500));
      await page.reload();
      await waitRows(page, 500);
      await page.goto(`${base}#/storage`);
      const btn = page.getByRole('button', { name: 'Download a backup of all plans' });
      await btn.waitFor();
      const t = await page.evaluate(async () => {
        const b = window.__bench;
        b.exported = null;
        const button = [...document.querySelectorAll('button')].find((x) => x.textContent.includes('Download a backup of all plans'));
        const t0 = performance.now();
        button.click();
        while (!b.exported) await new Promise((r) => setTimeout(r, 5));
        return b.exported.t - t0;
      });
      exportMs.push(t);
      if (!fileText) fileText = await page.evaluate(() => window.__bench.exported.blob.text());
      await ctx.close();
    }
    fileBytes = Buffer.byteLength(fileText);
    // Import into an empty workspace: choose the file, then confirm.
    {
      const { ctx, page } = await context();
      await page.goto(base);
      await page.getByRole('button', { name: 'Import a plan' }).first().click();
      await page.waitForSelector('#import-file');
      const r = await page.evaluate(async (text) => {
        const done = (test) => new Promise((resolve) => {
          const check = () => { if (test()) { obs.disconnect(); resolve(performance.now()); return true; } return false; };
          const obs = new MutationObserver(check);
          obs.observe(document.body, { childList: true, subtree: true, characterData: true });
          check();
        });
        const painted = () => new Promise((resolve) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => resolve(performance.now()); ch.port2.postMessage(0); }));
        // The bare JSON.parse of the same text in the same page (median of 5).
        const parses = [];
        for (let i = 0; i < 5; i++) { const t = performance.now(); JSON.parse(text); parses.push(performance.now() - t); }
        parses.sort((a, b) => a - b);
        const input = document.querySelector('#import-file');
        const dt = new DataTransfer();
        dt.items.add(new File([text], 'KeyPlan-backup.keyplan.json', { type: 'application/json' }));
        input.files = dt.files;
        const t0 = performance.now();
        // The review is drawn: every plan that needs a choice listed, the new ones counted (src/components/sharing.rs).
        const listed = done(() => document.querySelector('[data-testid=import-review][data-count="500"]') || document.querySelector('[data-testid=import-error]'));
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await listed;
        const t1 = await painted();
        const error = document.querySelector('[data-testid=import-error]')?.textContent;
        if (error) return { error };
        const button = [...document.querySelectorAll('.import button.primary')].find((b) => b.textContent.trim() === 'Import');
        const t2 = performance.now();
        const finished = done(() => document.querySelector('[data-testid=import-result]') || document.querySelector('[data-testid=import-error]'));
        button.click();
        await finished;
        const t3 = await painted();
        return { read: t1 - t0, write: t3 - t2, parse: parses[2],
          result: document.querySelector('[data-testid=import-result]')?.textContent || document.querySelector('[data-testid=import-error]')?.textContent,
          plans: Object.keys(localStorage).filter((k) => k.startsWith('keyplan:plan:')).length };
      }, fileText);
      if (r.error) throw new Error(`import refused the file: ${r.error}`);
      if (r.plans !== 500) throw new Error(`import stored ${r.plans} plans, not 500 (${r.result})`);
      readMs.push(r.read);
      writeMs.push(r.write);
      parseMs.push(r.parse);
      log(`import run ${run + 1}: read ${ms(r.read)}, write ${ms(r.write)}, JSON.parse ${ms(r.parse)}; export ${ms(exportMs[run])}`);
      await ctx.close();
    }
  }
  const read = median(readMs);
  const write = median(writeMs);
  const parse = median(parseMs);
  return { fileBytes, export: median(exportMs), read, write, total: median(readMs.map((x, i) => x + writeMs[i])), parse,
    ratioRead: read / parse, ratioTotal: median(readMs.map((x, i) => (x + writeMs[i]) / parseMs[i])) };
}

// ---------- 6. capacity ----------
function measureCapacity(saving) {
  // The typical plan as KeyPlan itself stored it after an edit (key + value, UTF-16 units), and
  // its share of the index, from the save benchmark's 500-plan workspace.
  const plan = saving.one.writes.find((w) => w.key.startsWith('keyplan:plan:')).units;
  const indexPerPlan = saving.many.index / 500;
  const perPlan = plan + indexPerPlan;
  const generated = storedPlan(makePlan(1)).length;
  const p = makePlan(1);
  const snapshots = JSON.stringify(p.communication.reviews.map((r) => r.snapshot)).length;
  return { plan, indexPerPlan, perPlan, fit: Math.floor(QUOTA / perPlan), snapshotShare: snapshots / generated, generated,
    large: storedPlan(makePlan(1, { size: 'large' })).length, lean: storedPlan(makePlan(2, { size: 'lean' })).length };
}

// ---------- the report ----------
function machine(chromiumVersion) {
  const cpu = (() => {
    try {
      const m = fs.readFileSync('/proc/cpuinfo', 'utf8').match(/model name\s*:\s*(.+)/);
      if (m) return m[1].trim();
    } catch { /* not Linux */ }
    return os.cpus()[0]?.model || 'unknown';
  })();
  let commit = 'unknown';
  try {
    commit = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    if (execSync('git status --porcelain --untracked-files=no', { cwd: ROOT }).toString().trim()) commit += ' (with uncommitted changes)';
  } catch { /* not a git checkout */ }
  // Which wasm toolchain path scripts/build.sh takes on this machine (scripts/wasm-env.sh).
  let toolchain = 'unknown';
  try {
    toolchain = execSync('bash -c \'source scripts/wasm-env.sh && printf %s "$KEYPLAN_TOOLCHAIN"\'', { cwd: ROOT }).toString().trim() || 'unknown';
  } catch { /* no bash */ }
  return { cpu, cores: os.cpus().length, chromium: chromiumVersion, date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), commit,
    node: process.version, os: `${os.type()} ${os.release()}`, memory: `${Math.round(os.totalmem() / 2 ** 30)} GB`, toolchain };
}

const verdict = (ok) => (ok ? '**met**' : '**missed**');

function report(m, r) {
  const L = [];
  L.push('# KeyPlan benchmarks', '');
  L.push('Written by `make bench` (`tests/bench/bench.mjs`; issue 9). Medians of '
    + `${RUNS} runs, each in a fresh browser context, on the release build served from 127.0.0.1. `
    + 'Timings are noisy on a shared machine: compare ratios taken in the same run rather than absolute times across machines.', '');
  L.push('## Machine', '', '| | |', '|---|---|',
    `| CPU | ${m.cpu} |`, `| cores | ${m.cores} |`, `| memory | ${m.memory} |`, `| Chromium | ${m.chromium} (headless, --disable-gpu) |`,
    `| Node | ${m.node} |`, `| OS | ${m.os} |`, `| date | ${m.date} |`, `| commit | ${m.commit} |`, `| wasm toolchain | ${m.toolchain} |`, '');
  const budgets = [];
  if (r.bytes) budgets.push(['First load, gzipped', '≤ 300 KB', kb(r.bytes.total.gz), r.bytes.total.gz <= 300 * 1024]);
  if (r.startup) budgets.push(['Start-up, 500 plans ÷ 1 plan', '≤ 1.3×', `${ratio(r.startup.ratio)} (${ms(r.startup[500].later)} ÷ ${ms(r.startup[1].later)})`, r.startup.ratio <= 1.3]);
  if (r.typing) budgets.push(['Typing in the large plan, p95 keystroke to next paint', '< 16 ms',
    `${ms(r.typing.p95)} measured; Event Timing: ${(r.typing.slowShare * 100).toFixed(1)}% of keystrokes ≥ 16 ms, p95 ${r.typing.p95EventTiming < 16 ? '< 16 ms' : ms(r.typing.p95EventTiming)}`,
    r.typing.p95 < 16 && r.typing.p95EventTiming < 16]);
  if (r.typingTypical) budgets.push(['Typing in the typical plan, p95 keystroke to next paint', '< 8 ms',
    `${ms(r.typingTypical.p95)} measured`, r.typingTypical.p95 < 8]);
  if (r.saving) {
    budgets.push(['One save in a 500-plan workspace writes', 'that plan + the index only',
      `${r.saving.many.writes.map((w) => (w.key.startsWith('keyplan:plan:') ? 'the plan' : w.key === 'keyplan:index' ? 'the index' : w.key === 'keyplan:index:recent' ? "the index's journal" : w.key)).join(' + ')} (${kb(r.saving.many.units * 2)} as UTF-16)`,
      r.saving.many.otherPlans === 0 && r.saving.many.writes.every((w) => w.key.startsWith('keyplan:index') || w.key.startsWith('keyplan:plan:'))]);
    budgets.push(['Save time, 500 plans ÷ 1 plan', '≤ 1.2×', `${ratio(r.saving.ratio)} (${ms(r.saving.many.median)} ÷ ${ms(r.saving.one.median)})`, r.saving.ratio <= 1.2]);
  }
  if (r.transfer) budgets.push(['Import of the 500-plan file ÷ bare JSON.parse', '≤ 4×',
    `${ratio(r.transfer.ratioTotal)} (read ${ms(r.transfer.read)} + write ${ms(r.transfer.write)}, JSON.parse ${ms(r.transfer.parse)}); reading alone ${ratio(r.transfer.ratioRead)}`,
    r.transfer.ratioTotal <= 4]);
  if (r.lighthouse) {
    const sc = r.lighthouse.scores;
    budgets.push(['Lighthouse mobile: performance / accessibility / best practices', '≥ 0.9 / 1 / 1',
      [sc.performance, sc.accessibility, sc['best-practices']].map((x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a')).join(' / '),
      sc.performance >= 0.9 && sc.accessibility >= 1 && sc['best-practices'] >= 1]);
    budgets.push(['Lighthouse largest contentful paint (simulated mobile)', '≤ 2.5 s', `${(r.lighthouse.lcp / 1000).toFixed(1)} s`, r.lighthouse.lcp <= 2500]);
  }
  if (r.capacity) budgets.push(['Typical plans in a 5 MB quota', '≥ 400', `${r.capacity.fit} (${kb(r.capacity.perPlan * 2)} each as UTF-16)`, r.capacity.fit >= 400]);
  if (r.growth) {
    budgets.push(['Typical plans with varied prose, 2 quarterly reviews, in 5,000,000 units', '≥ 400', `${r.growth.fit2}`, r.growth.fit2 >= 400]);
    budgets.push(['The same plans after 12 quarterly reviews', '≥ 200', `${r.growth.fit12}`, r.growth.fit12 >= 200]);
  }
  if (r.bytes) {
    const wasm = r.bytes.files.find((f) => f.file.endsWith('.wasm'));
    if (wasm) budgets.push(['wasm, gzipped (issue 14: smaller than before the redesign)', '< 853,495 B (main at 51566ae, this session\'s start)', `${wasm.gz.toLocaleString('en')} B`, wasm.gz < 853495]);
  }
  if (r.code) {
    const [f, n] = r.code.largest[0];
    budgets.push(['Largest file in src/ (catalogues aside)', '≤ 400 lines', `${n} (${f}); ${r.code.over400} files over 400`, n <= 400]);
    if (r.code.pairs !== null) budgets.push(['Pairs of duplicated code shapes in src/ (six or more lines alike)', '≤ 8, none of them step declarations',
      `${r.code.pairs} (${r.code.boiler} of them marked boilerplate by the tool); ${r.code.stepPairs} between step modules`, r.code.pairs <= 8 && r.code.stepPairs === 0]);
  }
  if (r.load) budgets.push(['e2e runs in a row passing with both cores busy (`make test-load`)', '3 of 3',
    `${r.load.passed} of ${r.load.runs} (${r.load.busy} busy loops, commit ${r.load.commit}, ${r.load.date}${r.load.args ? `, only ${r.load.args}` : ''})`, r.load.passed === r.load.runs && r.load.runs >= 3 && !r.load.args]);
  L.push('## Budgets', '', '| budget | target | latest | |', '|---|---|---|---|');
  for (const [name, target, got, ok] of budgets) L.push(`| ${name} | ${target} | ${got} | ${verdict(ok)} |`);
  L.push('');
  L.push('## Data', '',
    'Generated by the seeded generator `tests/bench/generate.mjs` (seed 1):', '',
    '- **typical plan**: all seven steps filled, 25 contacts, 40 actions, 8 visits, 2 reviews, each review with a snapshot of the plan as it stood then (the first with half of today\'s contacts and actions, the second with all of them)',
    '- **large plan**: the same with 300 contacts, 500 actions and 10 reviews',
    '- **lean plan**: every step filled but short (3 contacts, 6 actions, two rows of each other table, no reviews, one-sentence texts). Not one of the issue\'s shapes: it exists because 100 or 500 typical plans do not fit in a browser\'s storage (see Capacity), so the **workspaces of 1, 100 and 500 plans are plan 1 typical and the rest lean**. They fill ' + (r.capacity ? `about ${Math.round((r.capacity.plan + 499 * r.capacity.lean) / 1e4) / 100} M` : 'most of the 5 M') + ' UTF-16 units at 500 plans.',
    '- each workspace is stored as the browser would hold it: the plan keys are written, KeyPlan starts once and writes its index from them ("first start"), and start-up is measured on the following load.', '');
  if (r.bytes) {
    L.push('## 1. Bytes shipped on first load', '', 'What the page requested on a cold load, gzipped at level 9 with Node\'s zlib (as a static host would serve it; `scripts/build.sh` uses the gzip tool, a few KB apart). KB here are 1,024 bytes.', '',
      '| file | raw | gzipped |', '|---|---:|---:|');
    for (const f of r.bytes.files) L.push(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gz)} |`);
    for (const [ext, v] of Object.entries(r.bytes.byType)) L.push(`| all ${ext} | ${kb(v.raw)} | ${kb(v.gz)} |`);
    L.push(`| **total** | **${kb(r.bytes.total.raw)}** | **${kb(r.bytes.total.gz)}** |`, '');
    if (r.bytes.later?.count) L.push(`Not in the first load: ${r.bytes.later.count} wasm modules of the split build, ${kb(r.bytes.later.raw)} raw, ${kb(r.bytes.later.gz)} gzipped: a plan's screens, the storage page, import, CRM import, the portfolio's figures, the worked example, the Chinese texts (\`src/lazy.rs\`), and the code that reads and writes plans with the portfolio's list (\`src/persist/codec.rs\`: fetched at start when storage holds plans, else with the first plan). Each is fetched the first time it is needed; the service worker also fetches them after the first visit, in the background, so that everything works offline.`, '');
  }
  if (r.startup) {
    L.push('## 2. Start-up', '', `Navigation start to the portfolio listing its plans (the first ${LIST_PAGE} of a larger workspace; the rest on "Show all"), painted (next frame after the list appeared).`, '',
      '| plans stored | start-up | list in the DOM | first start (index rebuilt from plan keys) |', '|---:|---:|---:|---:|');
    for (const n of WORKSPACES) L.push(`| ${n} | ${ms(r.startup[n].later)} | ${ms(r.startup[n].shown)} | ${ms(r.startup[n].first)} |`);
    L.push('', `500 ÷ 1: **${ratio(r.startup.ratio)}**.`, '');
  }
  if (r.typing) {
    const t = r.typing;
    L.push('## 3. Typing in the large plan', '',
      `${t.keystrokes} keystrokes over ${t.runs} runs (${KEYS} a run: half into contact 1's name in step 3, half into the account name in step 1), `
      + 'each waited for until painted. "Measured" is keydown `timeStamp` to a MessageChannel task posted from the next `requestAnimationFrame`, i.e. just after that frame. '
      + 'Event Timing reports only events of 16 ms or more, so it gives the share of slow keystrokes; the others count as "< 16 ms".', '',
      '| | median | p95 |', '|---|---:|---:|',
      `| all keystrokes, measured | ${ms(t.median)} | ${ms(t.p95)} |`,
      `| contact name (step 3, 300 contacts) | ${ms(t.contact.median)} | ${ms(t.contact.p95)} |`,
      `| account name (step 1) | ${ms(t.header.median)} | ${ms(t.header.p95)} |`,
      ...(r.typingTypical ? [
        `| typical plan (25 contacts), all keystrokes | ${ms(r.typingTypical.median)} | ${ms(r.typingTypical.p95)} |`,
        `| typical plan, contact name (step 3) | ${ms(r.typingTypical.contact.median)} | ${ms(r.typingTypical.contact.p95)} |`,
        `| typical plan, account name (step 1) | ${ms(r.typingTypical.header.median)} | ${ms(r.typingTypical.header.p95)} |`,
      ] : []),
      `| Event Timing | ${(t.slowShare * 100).toFixed(1)}% of keystrokes reported (≥ 16 ms), their median ${ms(t.slowMedian)} | ${t.p95EventTiming < 16 ? '< 16 ms' : ms(t.p95EventTiming)} |`,
      '', `Slowest keystroke: ${ms(t.max)}.`, '');
  }
  if (r.saving) {
    const s = r.saving;
    const writes = (x) => x.writes.map((w) => `${w.key} ${kb(w.units * 2)}`).join(', ');
    L.push('## 4. Saving one edit', '',
      'One character typed into the account name of plan 1 (the typical plan), then the autosave (400 ms debounce). Time is the save itself: from its read of the plan\'s key to its last storage call (removing the migration backup key), taken from a wrapper around `Storage.prototype`. '
      + 'Bytes are UTF-16 (2 per character, as browsers count the quota), key + value.', '',
      '| workspace | save | writes |', '|---|---:|---|',
      `| 1 plan | ${ms(s.one.median)} | ${writes(s.one)} |`,
      `| 500 plans | ${ms(s.many.median)} | ${writes(s.many)} |`,
      `| the large plan alone | ${ms(s.large.median)} | ${writes(s.large)} |`,
      '', `500 ÷ 1: **${ratio(s.ratio)}**. Other plans written: ${s.many.otherPlans}.`, '');
  }
  if (r.transfer) {
    const t = r.transfer;
    L.push('## 5. Import and export of the 500-plan workspace', '',
      `The file is the app's own backup of the 500-plan workspace ("Download a backup of all plans"): ${kb(t.fileBytes)}. `
      + 'Export is the click to the file handed to the browser; import is choosing the file until its review is painted (every plan that needs a choice listed, the new ones counted; "read"), then "Import" until the result is painted ("write"), into an empty workspace. '
      + 'The bare `JSON.parse` of the same text is timed in the same page.', '',
      '| | time |', '|---|---:|',
      `| export (500 plans) | ${ms(t.export)} |`,
      `| import: read, check and list | ${ms(t.read)} |`,
      `| import: write all plans | ${ms(t.write)} |`,
      `| import, total | ${ms(t.total)} |`,
      `| bare JSON.parse | ${ms(t.parse)} |`,
      '', `Import ÷ JSON.parse: **${ratio(t.ratioTotal)}** in all, ${ratio(t.ratioRead)} for reading alone.`, '');
  }
  if (r.capacity) {
    const c = r.capacity;
    L.push('## 6. Capacity', '',
      '| | UTF-16 units | bytes as counted by the quota |', '|---|---:|---:|',
      `| typical plan as KeyPlan stores it (key + value) | ${c.plan} | ${kb(c.plan * 2)} |`,
      `| its entry in the index | ${Math.round(c.indexPerPlan)} | ${kb(c.indexPerPlan * 2)} |`,
      `| lean plan (generated) | ${c.lean} | ${kb(c.lean * 2)} |`,
      `| large plan (generated) | ${c.large} | ${kb(c.large * 2)} |`,
      '', `Typical plans that fit in 5 MB (5,000,000 UTF-16 units, KeyPlan's QUOTA_ESTIMATE; Chromium refuses writes past about 5.2 M): **${c.fit}**. `
      + `The two review snapshots are ${(c.snapshotShare * 100).toFixed(0)}% of a typical plan.`, '');
  }
  if (r.growth) L.push(...growthReport(r.growth));
  return L;
}

// ---------- main ----------
// ---------- code shape (issue 14): duplicated shapes and the largest file in src/ ----------
function measureCode() {
  const files = execSync('git ls-files src', { cwd: ROOT }).toString().trim().split('\n').filter((f) => f.endsWith('.rs'));
  const catalogue = (f) => /^src\/i18n\/(en|zh)\.rs$/.test(f) || /^src\/model\/example\/zh/.test(f);
  const sized = files.filter((f) => !catalogue(f)).map((f) => [f, fs.readFileSync(path.join(ROOT, f), 'utf8').split('\n').length - 1]);
  sized.sort((a, b) => b[1] - a[1]);
  let pairs = null; let boiler = null;
  try {
    const out = execSync('duplicates --repo src --most 200 --seconds 120', { cwd: ROOT }).toString();
    const m = out.match(/^(\d+) pairs of places.*?\((\d+) by shape alone, (\d+) of those marked boilerplate\)/m);
    if (m) { pairs = Number(m[1]); boiler = Number(m[3]); }
    const steps = out.split('\n').filter((l) => /^D\d+ .*steps\/step\d\.rs.*~.*steps\/step\d\.rs/.test(l)).length;
    return { largest: sized.slice(0, 3), over400: sized.filter(([, n]) => n > 400).length, pairs, boiler, stepPairs: steps };
  } catch { /* the duplicates tool is not on this machine */ }
  return { largest: sized.slice(0, 3), over400: sized.filter(([, n]) => n > 400).length, pairs, boiler, stepPairs: null };
}

function loadRecord() {
  try { return JSON.parse(fs.readFileSync(path.join(ROOT, 'target/load-result.json'), 'utf8')); } catch { return null; }
}

async function main() {
  checkBuilt();
  const server = await serve();
  base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
  log(`serving ${DIST} at ${base}`);
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const r = {};
  try {
    if (want('code')) r.code = measureCode();
    r.load = loadRecord();
    if (want('bytes')) { r.bytes = await measureBytes(); log(`first load: ${kb(r.bytes.total.gz)} gzipped, ${kb(r.bytes.total.raw)} raw`); }
    if (want('startup')) r.startup = await measureStartup();
    if (want('typing')) r.typing = await measureTyping();
    if (want('typing')) r.typingTypical = await measureTyping('typical');
    if (want('save') || want('capacity')) r.saving = await measureSaving();
    if (want('transfer')) r.transfer = await measureTransfer();
    if (want('capacity')) r.capacity = measureCapacity(r.saving);
    if (want('capacity')) r.growth = await measureGrowth({ newPage: () => context(), base, log: (...a) => log(...a) });
    if (!want('save')) delete r.saving;
    if (want('lighthouse')) {
      const runs = Math.min(RUNS, Math.max(1, Number(process.env.BENCH_LIGHTHOUSE_RUNS || 3)));
      r.lighthouse = await measureLighthouse(base, runs, log);
      r.lighthouse.usable = await measureUsable(browser, base, runs, log);
      r.lighthouse.gzip = GZIP;
    }
  } finally {
    const version = browser.version();
    await browser.close();
    server.close();
    r.version = version;
  }
  const lines = report(machine(r.version), r);
  if (r.lighthouse) lines.push(...lighthouseReport(r.lighthouse));
  extra(lines);
  fs.writeFileSync(OUT, `${lines.join('\n')}\n`);
  fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
  fs.writeFileSync(path.join(ROOT, 'target', 'bench-latest.json'), JSON.stringify(r, null, 1));
  log(`wrote ${path.relative(process.cwd(), OUT) || OUT}`);
}

/** Hand-written findings kept below the generated figures (tests/bench/FINDINGS.md). */
function extra(lines) {
  const f = path.join(ROOT, 'tests/bench/FINDINGS.md');
  if (fs.existsSync(f)) lines.push(fs.readFileSync(f, 'utf8').trim());
}

export { serve, checkBuilt, INIT, workspace, largePlan, seed, KEY_PROBE, typeInto, waitRows, openFirstContact, PREFIX };
export const setup = (b, url) => { browser = b; base = url; };

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => { console.error(e); process.exit(1); });
}
