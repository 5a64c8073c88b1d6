// Issue 16: a first visit shows something useful before the WebAssembly runs. The static page
// (index.html, src/pwa/shell.js) names KeyPlan and says what is coming, in the rep's language,
// with their plans from the index key; the app replaces it whole when it mounts.
import { test, expect } from '@playwright/test';
import { openApp, generateInPage } from './helpers.mjs';

/** Holds the wasm download until `release()` is called: the moment before the app runs. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  return () => release();
}

test.use({ serviceWorkers: 'block' });

test('before the wasm runs the page shows KeyPlan and what is coming; the app then replaces it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  const shell = page.locator('#shell');
  await expect(shell.locator('.topbar')).toContainText('KeyPlan');
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText('Your key accounts');
  await expect(shell).toContainText('seven short steps');
  await expect(shell.getByRole('status')).toHaveText('Opening KeyPlan…');
  await expect(page.locator('main#main')).toHaveCount(0);
  release();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(shell).toHaveCount(0);
  // One header and one top-level heading: nothing of the static page is left behind.
  await expect(page.locator('header.topbar')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
});

test.describe('a Chinese browser with plans', () => {
  test.use({ locale: 'zh-CN' });
  test('sees its plans listed, in Chinese, before the wasm runs', async ({ page }) => {
    await openApp(page);
    await generateInPage(page, 14);
    await page.reload();
    await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(14);
    // The app wrote the index key the static page reads.
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('keyplan:index') || '{}').plans?.length)).toBe(14);

    const release = await holdWasm(page);
    await page.reload();
    const shell = page.locator('#shell');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(shell.getByRole('heading', { level: 1 })).toHaveText('我的大客户');
    await expect(shell.getByRole('heading', { level: 2 })).toHaveText('你的 14 份计划');
    await expect(shell.locator('#shell-plans li')).toHaveCount(13);
    await expect(shell.locator('#shell-plans li').first()).toHaveText(/^Account \d\d$/);
    await expect(shell.locator('#shell-plans li').last()).toHaveText('……还有 2 份');
    await expect(shell.getByRole('status')).toHaveText('正在打开 KeyPlan…');
    release();
    await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(14);
    await expect(shell).toHaveCount(0);
  });
});
