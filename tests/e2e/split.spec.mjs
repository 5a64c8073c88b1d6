// Issue 16: the release wasm is split (src/lazy.rs, scripts/split.mjs). A first visit fetches
// the start-up module only; a plan's screens, the import, the figures, the worked example and the
// Chinese texts arrive when first needed. A module that cannot be fetched is said so, never a crash.
import { test, expect } from '@playwright/test';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { openApp } from './helpers.mjs';

const dist = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../dist');
const wasmFiles = () => readdirSync(dist).filter((f) => f.endsWith('.wasm'));
const size = (f) => statSync(path.join(dist, f)).size;

/** The wasm files the page asks for, by name, as they are answered. */
function watchWasm(page) {
  const seen = new Set();
  page.on('response', (r) => {
    const name = new URL(r.url()).pathname.split('/').pop();
    if (name.endsWith('.wasm') && r.ok()) seen.add(name);
  });
  return seen;
}

async function createPlan(page, name) {
  await page.getByRole('button', { name: 'New account plan' }).first().click();
  await page.getByLabel('Account name').fill(name);
  await page.getByRole('button', { name: 'Create plan' }).click();
}

test.describe('with no service worker (every module comes from the network)', () => {
  test.use({ serviceWorkers: 'block' });

  test('a first visit fetches the start-up code only; a plan\'s screens arrive when it is opened', async ({ page }) => {
    const all = wasmFiles();
    expect(all.filter((f) => f.startsWith('part-')).length, 'the build is split into modules').toBeGreaterThan(3);
    const seen = watchWasm(page);
    await openApp(page);
    await expect(page.getByRole('button', { name: 'New account plan' }).first()).toBeVisible();
    const first = [...seen];
    expect(first.some((f) => /^keyplan-[0-9a-f]+_bg\.wasm$/.test(f)), 'the start-up module').toBe(true);
    expect(first.filter((f) => f.startsWith('part-')), 'no other module on an empty first visit').toEqual([]);
    const firstBytes = first.reduce((n, f) => n + size(f), 0);
    const allBytes = all.reduce((n, f) => n + size(f), 0);
    expect(firstBytes, `first visit fetched ${first.join(', ')}`).toBeLessThan(allBytes * 0.7);

    await createPlan(page, 'Split Foods');
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    const later = [...seen].filter((f) => !first.includes(f));
    expect(later.length, 'opening a plan fetched its modules').toBeGreaterThan(0);
    expect(later.every((f) => f.startsWith('part-'))).toBe(true);
  });

  test('a module that cannot be fetched says so, keeps the plan, and loads on "Try again"', async ({ page }) => {
    const crashes = [];
    page.on('pageerror', (e) => crashes.push(e.message));
    await openApp(page);
    await createPlan(page, 'Patchy Network Ltd');
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    const id = page.url().match(/#\/plan\/([^/]+)\//)[1];
    // A new visit: the portfolio and its plans come, then the network goes before the plan is
    // opened, so its screens cannot come.
    let blocked = false;
    await page.route(/\/part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.goto('./#/');
    await page.reload();
    await expect(page.getByRole('link', { name: 'Patchy Network Ltd' })).toBeVisible();
    blocked = true;
    await page.getByRole('link', { name: 'Patchy Network Ltd' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(alert).toContainText('Your plans are safe');
    expect(await page.evaluate((k) => localStorage.getItem(k) !== null, `keyplan:plan:${id}`)).toBe(true);

    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    await expect(page.getByLabel('Account name')).toHaveValue('Patchy Network Ltd');
    expect(crashes).toEqual([]);
  });

  test('the first plan waits for the code that saves plans; if it cannot come, the form says so and keeps the name', async ({ page }) => {
    const seen = watchWasm(page);
    let blocked = true;
    await page.route(/\/part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await openApp(page);
    expect([...seen].some((f) => f.startsWith('part-')), 'an empty workspace starts without the plan code').toBe(false);
    await createPlan(page, 'First Light Ltd');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toContainText('Your plans are safe');
    await expect(page.getByLabel('Account name')).toHaveValue('First Light Ltd');
    expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('keyplan:plan:')).length)).toBe(0);

    blocked = false;
    await page.getByRole('button', { name: 'Create plan' }).click();
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    await expect(page.getByLabel('Account name')).toHaveValue('First Light Ltd');
  });

  test('a returning rep\'s plans wait for the code that reads them; if it cannot come, the page says so and starts on "Try again"', async ({ page }) => {
    await openApp(page);
    await createPlan(page, 'Returning Rep GmbH');
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    await page.goto('./#/');
    await expect(page.getByRole('link', { name: 'Returning Rep GmbH' })).toBeVisible();

    let blocked = true;
    await page.route(/\/part-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort('internetdisconnected') : route.continue()));
    await page.reload();
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(alert).toContainText('Your plans are safe');
    blocked = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('link', { name: 'Returning Rep GmbH' })).toBeVisible();
  });

  test('Chinese texts are fetched on a switch to 简体中文, and an English reader never fetches them', async ({ page }) => {
    const seen = watchWasm(page);
    await openApp(page);
    await createPlan(page, 'Lingua Trading');
    await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
    const english = new Set(seen);
    await page.getByLabel('Language (语言)').selectOption('zh');
    await expect(page.getByLabel('语言（Language）')).toHaveValue('zh');
    await expect(page.locator('#step-heading')).not.toHaveText('Portfolio vis-à-vis profits');
    const fetched = [...seen].filter((f) => !english.has(f));
    expect(fetched.length, 'the switch fetched the Chinese texts').toBeGreaterThan(0);
  });
});
