// Profiles one benchmark scenario with the Chrome DevTools Protocol (Profiler domain) and prints
// the functions with the most self time; the full profile is written to target/ for DevTools.
// Wasm functions have names only in a build that keeps them (see tests/bench/FINDINGS.md).
// Usage: node tests/bench/profile.mjs startup|typing|save|import   (env BENCH_DIST, BENCH_PORT)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { serve, checkBuilt, INIT, workspace, largePlan, seed, typeInto, waitRows, openFirstContact, PREFIX, setup } from './bench.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const what = process.argv[2] || 'startup';
checkBuilt();
const server = await serve();
const base = `http://127.0.0.1:${server.address().port}${PREFIX}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
setup(browser, base);
const rows = what === 'startup' || what === 'save' ? 500 : 0;
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
await ctx.addInitScript({ content: INIT(rows) });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await page.goto(base);
let run;
if (what === 'startup') {
  await seed(page, workspace(500));
  await page.reload();
  await waitRows(page, 500);
  run = async () => { await page.reload(); await page.waitForFunction(() => window.__bench.startup?.painted, null, { timeout: 120_000 }); };
} else if (what === 'typing') {
  const [[key, value]] = largePlan();
  await openFirstContact(page, key, value);
  run = () => typeInto(page, '#contacts-1-name', 30);
} else if (what === 'save') {
  const items = workspace(500);
  const id = items[0][0].slice('keyplan:plan:'.length);
  await seed(page, items);
  await page.reload();
  await waitRows(page, 500);
  await page.goto(`${base}#/plan/${id}/1`);
  await page.waitForSelector('#header-account_name');
  run = async () => {
    for (let i = 0; i < 5; i++) {
      await page.click('#header-account_name');
      await page.keyboard.press('x');
      await page.waitForFunction(() => /^Saved/.test(document.querySelector('[data-testid=save-status]')?.textContent || ''));
      await page.waitForTimeout(100);
    }
  };
} else if (what === 'import') {
  const text = (await import('./generate.mjs')).fileOf(workspace(500).map(([, v]) => JSON.parse(v).plan));
  await page.getByRole('button', { name: 'Import a plan' }).first().click();
  run = async () => {
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'b.keyplan.json', { type: 'application/json' }));
      const input = document.querySelector('#import-file');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, text);
    await page.waitForFunction(() => document.querySelector('[data-testid=import-review][data-count="500"]'), null, { timeout: 120_000 });
    await page.click('.import button.primary');
    await page.waitForSelector('[data-testid=import-result]', { timeout: 120_000 });
  };
} else {
  throw new Error(`unknown scenario ${what}`);
}
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
await run();
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
server.close();
fs.mkdirSync(path.join(ROOT, 'target'), { recursive: true });
const out = path.join(ROOT, 'target', `bench-${what}.cpuprofile`);
fs.writeFileSync(out, JSON.stringify(profile));
// Self time per function, from the samples.
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? path.basename(n.callFrame.url.split('?')[0]) : ''}`.trim();
  self.set(name, (self.get(name) || 0) + (dt[i] || 0) / 1000);
});
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`${what}: ${total.toFixed(0)} ms sampled; top self time:`);
for (const [name, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 25))) {
  console.log(`${t.toFixed(1).padStart(9)} ms ${(100 * t / total).toFixed(1).padStart(5)}%  ${name}`);
}
console.log(`profile: ${path.relative(process.cwd(), out)}`);
