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
  return page.evaluate((k) => JSON.parse(localStorage.getItem(k)), planKey(id));
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
