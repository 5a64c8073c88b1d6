// Issue 8: installable and offline. The app's files come from its service worker's cache after
// one visit; a new build waits until the rep asks for it; the CSP allows only the app's own files.
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openApp, newPlan, waitSaved, storedPlan, openStep } from './helpers.mjs';

const here = path.dirname(new URL(import.meta.url).pathname);
const dist = path.resolve(here, '../../dist');
const repo = path.resolve(here, '../..');

/** Resolves once a service worker controls the page (the first visit finished caching). */
async function offlineReady(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
    }
  });
}

test('after one visit the app starts and works with no network', async ({ page, context }) => {
  await openApp(page);
  await offlineReady(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your key accounts' })).toBeVisible();
  const id = await newPlan(page, 'Offline Foods');
  await page.getByLabel('Industry').fill('Frozen food');
  await waitSaved(page);
  await page.reload();
  await expect(page.getByLabel('Industry')).toHaveValue('Frozen food');
  expect((await storedPlan(page, id)).plan.header.industry).toBe('Frozen food');
  // The plan's screens and the Chinese texts are modules the first visit never fetched
  // (tests/e2e/split.spec.mjs): the service worker cached them all the same.
  await page.getByLabel('Language (语言)').selectOption('zh');
  await expect(page.getByLabel('语言（Language）')).toHaveValue('zh');
  await expect(page.getByLabel('行业')).toHaveValue('Frozen food');
});

test('the manifest makes the app installable', async ({ page, request }) => {
  await openApp(page);
  const href = await page.locator('link[rel=manifest]').getAttribute('href');
  const manifest = await (await request.get(href)).json();
  expect(manifest.display).toBe('standalone');
  expect(manifest.short_name).toBe('KeyPlan');
  expect(manifest.start_url).toBe('./');
  const sizes = manifest.icons.map((i) => `${i.sizes} ${i.purpose}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.ok(), icon.src).toBeTruthy();
    expect(res.headers()['content-type']).toBe('image/png');
  }
});

test('a strict CSP is in force, nothing violates it, and no request leaves the app', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const foreign = [];
  const cspErrors = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['blob:', 'data:'].includes(url.protocol) && url.origin !== origin) {
      foreign.push(r.url());
    }
  });
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) cspErrors.push(m.text()); });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openApp(page);
  const csp = await page.locator('meta[http-equiv=Content-Security-Policy]').getAttribute('content');
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).not.toContain('unsafe-inline');
  expect(csp).not.toMatch(/'unsafe-eval'/);
  expect(await page.locator('script:not([src])').count()).toBe(0);
  // Walk the screens that draw bars, maps and dialogs.
  await page.getByRole('button', { name: 'Try an example' }).first().click();
  await expect(page.locator('#step-heading')).toBeVisible();
  const plan = page.url().match(/#\/plan\/([^/]+)\//)[1];
  for (const step of [2, 3, 4, 5, 6, 7]) {
    await openStep(page, plan, step);
  }
  await page.goto(`./#/plan/${plan}/check`);
  // Bar widths are set through the CSSOM, which a strict style-src allows.
  await expect(page.locator('.progress > span').first()).toHaveCSS('width', '160px');
  await page.goto(`./#/plan/${plan}/print`);
  await expect(page.locator('svg').first()).toBeVisible();
  await page.goto('./#/');
  await expect(page.locator('.ranking .bar > span').first()).not.toHaveCSS('width', '0px');
  expect(await page.evaluate(() => window.__csp)).toEqual([]);
  expect(cspErrors).toEqual([]);
  expect(foreign).toEqual([]);
});

test('a new build waits for "Reload", then replaces the old one whole', async ({ browser }) => {
  // A site of our own whose files we can swap, as a deploy does.
  const site = mkdtempSync(path.join(tmpdir(), 'keyplan-deploy-'));
  cpSync(dist, site, { recursive: true });
  // On a free port (test runs side by side must not share one), known once it listens.
  const server = spawn('node', [path.join(here, 'serve.mjs'), site, '0', '/app/'], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const base = await new Promise((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d) => {
        out += d;
        const m = out.match(/at (http:\/\/\S+)/);
        if (m) resolve(m[1]);
      });
      server.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(base);
    await expect(page.locator('main')).toBeVisible();
    await offlineReady(page);
    const oldCaches = await page.evaluate(() => caches.keys());
    expect(oldCaches).toHaveLength(1);

    // Deploy build B: a changed index.html, so a changed file list and cache name.
    const marked = readFileSync(path.join(site, 'index.html'), 'utf8')
      .replace('<title>', '<meta name="keyplan-build" content="B" /><title>');
    writeFileSync(path.join(site, 'index.html'), marked);
    const out = spawn('node', [path.join(repo, 'scripts/pwa.mjs'), site]);
    await new Promise((r) => out.on('exit', r));

    // The open page finds the new build, keeps running the old one and says so.
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
    await expect(page.getByTestId('update-ready')).toBeVisible();
    await expect(page.getByTestId('update-ready')).toContainText('A new version of KeyPlan is ready');
    // A plain reload still gets the old build whole: nothing new is mixed in.
    await page.reload();
    await expect(page.locator('main')).toBeVisible();
    expect(await page.locator('meta[name=keyplan-build]').count()).toBe(0);
    await expect(page.getByTestId('update-ready')).toBeVisible();

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name=keyplan-build]')).toHaveAttribute('content', 'B');
    await expect(page.locator('main')).toBeVisible();
    await expect(page.getByTestId('update-ready')).toHaveCount(0);
    const caches = await page.evaluate(() => caches.keys());
    expect(caches).toHaveLength(1);
    expect(caches[0]).not.toBe(oldCaches[0]);
    // Every file the page loaded belongs to build B's cache.
    const files = await page.evaluate(async (name) => {
      const cache = await caches.open(name);
      const cached = new Set((await cache.keys()).map((r) => r.url));
      return performance.getEntriesByType('resource').map((e) => e.name)
        .filter((u) => u.startsWith(location.origin) && !u.endsWith('sw.js'))
        .map((u) => [u, cached.has(u)]);
    }, caches[0]);
    expect(files.length).toBeGreaterThan(2);
    for (const [url, cached] of files) expect(cached, url).toBe(true);
    await context.close();
  } finally {
    server.kill();
    rmSync(site, { recursive: true, force: true });
  }
});

test('on an iPad in Safari, a hint explains how to install and why', async ({ browser }) => {
  const context = await browser.newContext({
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15',
    viewport: { width: 1024, height: 768 },
    hasTouch: true,
  });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'maxTouchPoints', { get: () => 5 });
    Object.defineProperty(navigator, 'standalone', { get: () => false });
  });
  const page = await context.newPage();
  await openApp(page);
  const hint = page.getByTestId('install-hint');
  await expect(hint).toContainText('Add to Home Screen');
  await expect(hint).toContainText('keeps its own storage');
  await hint.getByRole('button', { name: 'Got it' }).click();
  await expect(hint).toHaveCount(0);
  await page.reload();
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByTestId('install-hint')).toHaveCount(0);
  await context.close();
});

test('no install hint on a desktop browser', async ({ page }) => {
  await openApp(page);
  await expect(page.getByRole('heading', { name: 'Your key accounts' })).toBeVisible();
  await expect(page.getByTestId('install-hint')).toHaveCount(0);
});

test('a crash in the app says what was kept and what to do', async ({ page }) => {
  await openApp(page);
  await expect(page.locator('.crash')).toHaveCount(0);
  // What the browser reports when the release wasm aborts on a bug.
  await page.evaluate(() => window.dispatchEvent(new ErrorEvent('error', { error: new WebAssembly.RuntimeError('unreachable') })));
  await expect(page.getByRole('alert')).toContainText('Everything up to your last “Saved” is kept');
  await expect(page.getByRole('alert')).toContainText('Reload the page');
});
