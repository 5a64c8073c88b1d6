// Shared steps for the end-to-end tests: a page object for the portfolio and the plan wizard.
import { expect } from '@playwright/test';

export async function openApp(page, hash = '') {
  await page.goto(hash ? `./${hash}` : './');
  await expect(page.locator('main')).toBeVisible();
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
