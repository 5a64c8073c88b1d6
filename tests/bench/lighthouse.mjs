// Lighthouse in `make bench` (issue 16): the mobile preset with its default simulated throttling
// (a mid-range phone on a slow 4G network), Debian's Chromium, offline: the app is served from
// 127.0.0.1 and nothing else is fetched. A first visit (a fresh profile, empty storage) as a rep
// opening a link for the first time. Scores are medians of the runs; LCP is simulated.
//
// Usage: import { measureLighthouse } from './lighthouse.mjs' (bench.mjs), or on its own:
//        node tests/bench/lighthouse.mjs URL [runs]
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** One Lighthouse run of `url` in a fresh headless Chromium; returns its scores and timings. */
async function runOnce(url) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM || '/usr/bin/chromium',
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const result = await lighthouse(url, {
      port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES,
    });
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const audit = (id) => lhr.audits[id]?.numericValue;
    const failed = Object.values(lhr.categories).flatMap((c) => c.auditRefs
      .filter((r) => r.weight > 0 && lhr.audits[r.id].score !== null && lhr.audits[r.id].score < 1)
      .map((r) => `${c.id}: ${r.id} (${lhr.audits[r.id].displayValue || lhr.audits[r.id].score})`));
    return {
      version: lhr.lighthouseVersion,
      scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score ?? NaN])),
      lcp: audit('largest-contentful-paint'),
      fcp: audit('first-contentful-paint'),
      tbt: audit('total-blocking-time'),
      cls: audit('cumulative-layout-shift'),
      tti: audit('interactive'),
      speedIndex: audit('speed-index'),
      lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.snippet
        ?? lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.node?.snippet ?? null,
      failed,
    };
  } finally {
    await chrome.kill();
  }
}

/** Medians of `runs` Lighthouse runs of `url`. */
export async function measureLighthouse(url, runs = 3, log = () => {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = await runOnce(url);
    log(`lighthouse run ${i + 1}/${runs}: performance ${r.scores.performance}, accessibility ${r.scores.accessibility}, `
      + `best practices ${r.scores['best-practices']}, LCP ${(r.lcp / 1000).toFixed(1)} s`);
    all.push(r);
  }
  const pick = (f) => median(all.map(f));
  return {
    runs,
    version: all[0].version,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, pick((r) => r.scores[c])])),
    lcp: pick((r) => r.lcp),
    fcp: pick((r) => r.fcp),
    tbt: pick((r) => r.tbt),
    cls: pick((r) => r.cls),
    tti: pick((r) => r.tti),
    speedIndex: pick((r) => r.speedIndex),
    lcpElement: all[0].lcpElement,
    failed: [...new Set(all.flatMap((r) => r.failed))],
  };
}

// Time until the portfolio is usable on a first visit, in a real browser throttled as Lighthouse's
// mobile preset applies it (DevTools' slow 4G: 562.5 ms round trip, 1.47 Mbit/s down, 675 kbit/s
// up; the CPU 4× slower) at a phone's size, from navigation start to: the static page's first
// contentful paint, the app started (Trunk's TrunkApplicationStarted event), and usable (a tap on
// "New account plan" has opened its form, name field focused and ready to type).
const SLOW_4G = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };

async function usableOnce(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true, serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    await page.addInitScript(() => {
      addEventListener('TrunkApplicationStarted', () => { window.__started = performance.now(); });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(url, { waitUntil: 'commit', timeout: 120_000 });
    await page.getByRole('button', { name: 'New account plan' }).first().tap({ timeout: 120_000 });
    await page.locator('#new-account-name:focus').waitFor({ timeout: 120_000 });
    const usable = await page.evaluate(() => performance.now());
    const { fcp, started } = await page.evaluate(() => ({
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      started: window.__started,
    }));
    return { fcp, started, usable };
  } finally {
    await context.close();
  }
}

/** Medians of `runs` first visits: shell painted, app started, portfolio usable (ms). */
export async function measureUsable(browser, url, runs = 3, log = () => {}) {
  const all = [];
  for (let i = 0; i < runs; i++) {
    const r = await usableOnce(browser, url);
    log(`first visit on a throttled phone ${i + 1}/${runs}: painted ${Math.round(r.fcp)} ms, app started ${Math.round(r.started)} ms, usable ${Math.round(r.usable)} ms`);
    all.push(r);
  }
  return { runs, fcp: median(all.map((r) => r.fcp)), started: median(all.map((r) => r.started)), usable: median(all.map((r) => r.usable)) };
}

/** The lines of BENCHMARKS.md for these figures. */
export function lighthouseReport(l) {
  const s = (x) => (Number.isFinite(x) ? x.toFixed(2) : 'n/a');
  const sec = (x) => (Number.isFinite(x) ? `${(x / 1000).toFixed(1)} s` : 'n/a');
  const L = ['## 7. Lighthouse (first visit on a phone)', '',
    `Lighthouse ${l.version}, mobile preset with its default simulated throttling (slow 4G, 4× CPU slowdown), `
    + `Debian's Chromium, offline against the local server${l.gzip === false ? ' (files not compressed)' : ', which gzips files as a static host does'}; `
    + `a fresh profile each run (a first visit). Medians of ${l.runs} runs.`, '',
    '| | score or time |', '|---|---:|',
    `| performance | ${s(l.scores.performance)} |`,
    `| accessibility | ${s(l.scores.accessibility)} |`,
    `| best practices | ${s(l.scores['best-practices'])} |`,
    `| largest contentful paint | ${sec(l.lcp)} |`,
    `| first contentful paint | ${sec(l.fcp)} |`,
    `| speed index | ${sec(l.speedIndex)} |`,
    `| total blocking time | ${Number.isFinite(l.tbt) ? `${Math.round(l.tbt)} ms` : 'n/a'} |`,
    `| cumulative layout shift | ${Number.isFinite(l.cls) ? l.cls.toFixed(3) : 'n/a'} |`,
    `| time to interactive (simulated) | ${sec(l.tti)} |`, ''];
  if (l.usable) {
    L.push(`Time until the portfolio is usable on a first visit (\`measureUsable\`): Chromium at a phone's size with `
      + `Lighthouse's applied throttling (DevTools slow 4G, 4× CPU slowdown), files ${l.gzip === false ? 'not compressed' : 'gzipped as a static host serves them'}; `
      + `medians of ${l.usable.runs} runs.`, '',
      '| from navigation start to | time |', '|---|---:|',
      `| the static page painted (first contentful paint) | ${sec(l.usable.fcp)} |`,
      `| the app started | ${sec(l.usable.started)} |`,
      `| usable: "New account plan" tapped and its form ready | ${sec(l.usable.usable)} |`, '');
  }
  if (l.lcpElement) L.push(`Largest contentful paint element: \`${l.lcpElement.replace(/`/g, "'").slice(0, 140)}\``, '');
  if (l.failed.length) L.push('Audits not passed in full: ' + l.failed.map((f) => `\`${f}\``).join(', ') + '.', '');
  return L;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [url, runs = '1'] = process.argv.slice(2);
  if (!url) {
    console.error('usage: node tests/bench/lighthouse.mjs URL [runs]');
    process.exit(1);
  }
  const l = await measureLighthouse(url, Number(runs), (...a) => console.log(...a));
  console.log(lighthouseReport(l).join('\n'));
}
