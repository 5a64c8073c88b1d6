// Issue 8: the whole app in English or 简体中文, switchable at any time from the header,
// remembered in the settings, and chosen from the browser's language on first use.
import { test, expect } from '@playwright/test';
import { newPlan, openApp, readStored } from './helpers.mjs';

const settings = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('keyplan:settings') || 'null'));

test('switch to 简体中文 on a step, keep the edits, and find Chinese still chosen after a reload', async ({ page }) => {
  const id = await newPlan(page, 'Acme Steel');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Language (语言)')).toHaveValue('en');

  // An edit still waiting for its autosave is saved before the app redraws in Chinese.
  await page.getByLabel('Industry').fill('Steel');
  await page.getByLabel('Language (语言)').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.locator('#step-heading')).toHaveText('客户组合与利润');
  await expect(page.getByRole('heading', { name: '顾客筛选矩阵' })).toBeVisible();
  await expect(page.getByLabel('行业')).toHaveValue('Steel');
  await expect(page).toHaveTitle('第 1 步（共 7 步）：客户组合与利润 — Acme Steel');
  await expect(page.getByRole('link', { name: '下一步 →' })).toBeVisible();
  const stored = await readStored(page, `keyplan:plan:${id}`);
  expect(stored.plan.header.industry).toBe('Steel');
  // Stored values keep their keys whatever the language.
  await page.getByLabel('客户级别').selectOption({ label: '全国客户' });
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存 \d\d:\d\d$/);
  await expect.poll(async () => (await readStored(page, `keyplan:plan:${id}`)).plan.header.level).toBe('national');
  await expect.poll(async () => (await settings(page))?.settings.lang).toBe('zh');

  // The portfolio in Chinese, with Chinese dates.
  await page.getByRole('link', { name: '客户组合', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的大客户' })).toBeVisible();
  await expect(page.getByTestId('plan-list')).toContainText('全国客户');
  await expect(page.getByTestId('plan-list').getByRole('columnheader', { name: /下次回顾/ })).toBeVisible();
  await expect(page.getByTestId('plan-list')).toContainText(/\d{4}年\d{1,2}月\d{1,2}日/);
  await expect(page.getByTestId('rollup')).toContainText('按级别汇总');

  // A reload keeps the choice.
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByLabel('语言（Language）')).toHaveValue('zh');
  await expect(page.getByRole('heading', { name: '我的大客户' })).toBeVisible();
  await expect(page).toHaveTitle('客户组合 — KeyPlan');

  // And back to English.
  await page.getByLabel('语言（Language）').selectOption('en');
  await expect(page.getByRole('heading', { name: 'Your key accounts' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect.poll(async () => (await settings(page))?.settings.lang).toBe('en');
});

test('the plan health check and the print view are in Chinese too', async ({ page }) => {
  const id = await newPlan(page, 'Beta Foods');
  await page.getByLabel('Language (语言)').selectOption('zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.goto(`./#/plan/${id}/check`);
  await expect(page.locator('#step-heading')).toHaveText('检查计划');
  await expect(page.getByTestId('health-issues')).toContainText('计划中没有目标。');
  await page.goto(`./#/plan/${id}/print`);
  await expect(page.getByText('大客户计划', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: '打印或另存为 PDF' })).toBeVisible();
});

test.describe('a Chinese browser', () => {
  test.use({ locale: 'zh-CN' });

  test('starts in 简体中文 on first use', async ({ page }) => {
    await openApp(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(page.getByTestId('empty-state')).toContainText('七个简短的步骤');
    await expect(page.getByRole('button', { name: '新建客户计划' })).toBeVisible();
    await expect(page.getByLabel('语言（Language）')).toHaveValue('zh');
    await expect(page).toHaveTitle('客户组合 — KeyPlan');
  });

  test('a saved choice of English wins over the browser language', async ({ page }) => {
    await openApp(page);
    await page.getByLabel('语言（Language）').selectOption('en');
    await expect(page.getByRole('button', { name: 'New account plan' })).toBeVisible();
    // Reload only once the choice is stored.
    await expect.poll(async () => (await settings(page))?.settings.lang).toBe('en');
    await page.reload();
    await expect(page.getByRole('button', { name: 'New account plan' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
