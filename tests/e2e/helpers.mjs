// Shared steps for the end-to-end tests: a page object for the portfolio and the plan wizard.
import { expect } from '@playwright/test';

export async function openApp(page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  // The app's own <main> (the static page shown while the wasm loads has none).
  await expect(page.locator('main#main')).toBeVisible();
}

/** Creates a plan from the portfolio and returns its id (from the URL). */
export async function newPlan(page, name) {
  await openApp(page);
  await page.getByRole('button', { name: 'New account plan' }).first().click();
  await page.getByLabel('Account name').fill(name);
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
  const m = page.url().match(/#\/plan\/([^/]+)\//);
  return m[1];
}

export async function waitSaved(page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^Saved \d\d:\d\d$/);
}

export const planKey = (id) => `keyplan:plan:${id}`;

export async function storedPlan(page, id) {
  return readStored(page, planKey(id));
}

export async function rawItem(page, key) {
  return page.evaluate((k) => localStorage.getItem(k), key);
}

export async function setItem(page, key, value) {
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, value]);
}

/**
 * Runs the seeded generator (generate.mjs) inside the page. Its source is evaluated over the
 * DevTools protocol: the app's CSP (rightly) refuses a `data:` module import.
 */
export async function generateInPage(page, count) {
  const fs = await import('node:fs');
  const src = fs.readFileSync(new URL('./generate.mjs', import.meta.url), 'utf8').replace(/^export /gm, '');
  return page.evaluate(`(() => { ${src}\nreturn generatePlans(${Number(count)}); })()`);
}

/**
 * A stored value as the JSON envelope it stands for, whether plain JSON (older KeyPlans) or the
 * compact form (issue 13; src/persist/compact.rs): header line, then zlib-deflated JSON packed
 * 15 bits per UTF-16 unit (+0x20), review snapshots as deltas. Decoded here independently of the
 * app, with the browser's own DecompressionStream, so the tests also check the format.
 */
export async function decodeStoredValue(raw) {
  if (raw == null) return null;
  if (!raw.startsWith('@')) return JSON.parse(raw);
  const nl = raw.indexOf('\n');
  const head = raw.slice(1, nl).split(' ');
  if (head[1] !== 'z1') throw new Error(`unknown stored format ${head[1]}`);
  const f = Object.fromEntries(head.slice(2).map((p) => [p[0], p.slice(1)]));
  const n = Number(f.n);
  const bytes = new Uint8Array(n);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = nl + 1; i < raw.length; i++) {
    acc = (acc << 15) | (raw.charCodeAt(i) - 0x20);
    bits += 15;
    while (bits >= 8) {
      bits -= 8;
      if (o < n) bytes[o++] = (acc >>> bits) & 0xff;
      acc &= (1 << bits) - 1;
    }
  }
  const text = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate'))).text();
  const v = JSON.parse(text);
  if (f.d === '1' && v.plan?.communication?.reviews) {
    const apply = (d, r) => {
      if (d.length === 0) return structuredClone(r);
      if (d[0] === 0) return d[1];
      if (d[0] === 1) {
        const out = { ...r };
        for (const k of d[2]) delete out[k];
        for (const [k, dv] of Object.entries(d[1])) out[k] = apply(dv, r[k] ?? null);
        return out;
      }
      return d[1].map((e) => (typeof e === 'number' ? structuredClone(r[e]) : Array.isArray(e) ? apply(e[1], r[e[0]]) : e['=']));
    };
    const reviews = v.plan.communication.reviews;
    v.plan.communication.reviews = [];
    let ref = structuredClone(v.plan);
    for (let i = reviews.length - 1; i >= 0; i--) {
      if (reviews[i].snapshot == null) continue;
      reviews[i].snapshot = apply(reviews[i].snapshot, ref);
      ref = reviews[i].snapshot;
    }
    v.plan.communication.reviews = reviews;
  }
  return v;
}

/** The stored value under `key`, decoded (see decodeStoredValue). */
export async function readStored(page, key) {
  return page.evaluate(decodeStoredValue, await rawItem(page, key));
}

// -- first-visit: steps that wait for the state they need (a busy CI machine must not flake) --

/** The current step of the open plan is `n` (its navigation and body are drawn together). */
export async function stepShown(page, n) {
  await expect(page.locator('.step-nav a[aria-current="step"]')).toHaveAttribute('href', new RegExp(`/${n}$`));
  await expect(page.locator('#step-heading')).toBeVisible();
}

/** Opens step `n` of plan `id` by its link and waits until that step is drawn. */
export async function openStep(page, id, n) {
  await page.goto(`./#/plan/${id}/${n}`);
  await stepShown(page, n);
}

/**
 * Clicks the "Add …" button `name` and returns the new row once it is drawn: the row count
 * must have grown by one, so a busy machine never fills an older row by mistake.
 */
export async function addRow(page, name, rows) {
  const before = await rows.count();
  await page.getByRole('button', { name, exact: true }).click();
  await expect(rows).toHaveCount(before + 1);
  return rows.nth(before);
}

/**
 * Stops the page's timers (Playwright's fake clock: call `page.clock.install()` before the app
 * loads), so a step can look at what happens before the autosave delay fires without racing
 * it on a busy machine. Advance them with `page.clock.runFor(ms)`.
 */
export async function freezeTimers(page) {
  await page.clock.pauseAt(Date.now() + 1000);
}
