// Issue 6: the portfolio with a workspace of 50 generated plans: search, sort, filter, matrix,
// due soon, roll-up, ranking, duplicate, archive and restore, delete with undo.
import { test, expect } from '@playwright/test';
import { openApp, storedPlan, generateInPage } from './helpers.mjs';

let plans;

test.beforeEach(async ({ page }) => {
  await openApp(page);
  plans = await generateInPage(page, 50);
  await page.reload();
  await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(50);
});

const rows = (page) => page.getByTestId('plan-list').locator('tbody tr');
const names = async (page) => rows(page).locator('th').allInnerTexts();
/** Opens a row's "⋯" menu and picks an action. */
async function rowAction(page, label) {
  const account = label.replace(/^(Duplicate|Archive|Restore|Delete) /, '');
  await page.getByLabel(`Actions for ${account}`, { exact: true }).click();
  await page.getByRole('button', { name: label, exact: true }).click();
}

test('search, sort and filter the list', async ({ page }) => {
  await page.getByLabel('Search accounts').fill('account 1');
  await expect(rows(page)).toHaveCount(10); // 10–19
  await page.getByLabel('Search accounts').fill('');
  await expect(rows(page)).toHaveCount(50);

  // The list is read only once the sort it depends on is shown (aria-sort), then polled.
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await expect(page.locator('th[aria-sort="ascending"]')).toContainText('Account');
  await expect.poll(async () => (await names(page)).slice(0, 3)).toEqual(['Account 01', 'Account 02', 'Account 03']);
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await expect(page.locator('th[aria-sort="descending"]')).toContainText('Account');
  await expect.poll(async () => (await names(page))[0]).toBe('Account 50');

  await page.locator('#filter-level').selectOption('global');
  const globals = plans.filter((p) => p.level === 'global').length;
  await expect(rows(page)).toHaveCount(globals);
  await page.locator('#filter-level').selectOption('');
  await expect(rows(page)).toHaveCount(50);

  await page.getByLabel('Overdue only').check();
  await expect(rows(page)).toHaveCount(plans.filter((p) => p.overdue).length);
  await page.getByLabel('Overdue only').uncheck();
  await expect(rows(page)).toHaveCount(50);

  // A grade's rows are counted once no row of another grade is left in the list.
  const countGrade = async (grade, label) => {
    await page.locator('#filter-grade').selectOption(grade);
    await expect(rows(page).filter({ hasNotText: label })).toHaveCount(0);
    return rows(page).count();
  };
  const gold = await countGrade('gold', 'Gold');
  const bronze = await countGrade('bronze', 'Bronze');
  const silver = await countGrade('silver', 'Silver');
  expect(gold + silver + bronze).toBe(50);
  await page.locator('#filter-grade').selectOption('');
  await expect(rows(page)).toHaveCount(50);
  await page.locator('#filter-quadrant').selectOption('core');
  await expect.poll(async () => {
    const cells = await rows(page).locator('td:nth-child(4)').allInnerTexts();
    return cells.length > 0 && cells.length < 50 && cells.every((c) => /^Core\b/.test(c));
  }).toBe(true);
});

test('the matrix places every scored account and a point opens its plan', async ({ page }) => {
  const points = page.getByTestId('matrix').locator('[role=link]');
  await expect(points).toHaveCount(50);
  // Points that share a place are spread around it; each can be reached by keyboard.
  const point = page.getByTestId('matrix').locator('[role=link][aria-label*=". Account 07:"]');
  await point.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
  await expect(page.getByLabel('Account name')).toHaveValue('Account 07');
});

test('due soon lists overdue actions first and links to the action', async ({ page }) => {
  const due = page.getByTestId('due-soon');
  const items = due.locator('li');
  const expected = plans.filter((p) => p.overdue).length + plans.filter((p) => p.dueSoon).length;
  await expect(items).toHaveCount(10);
  await due.getByRole('button', { name: `Show all ${expected}` }).click();
  await expect(items).toHaveCount(expected);
  const overdueFlags = await items.evaluateAll((els) => els.map((e) => e.classList.contains('overdue')));
  const firstNotOverdue = overdueFlags.indexOf(false);
  expect(overdueFlags.slice(firstNotOverdue).every((f) => !f)).toBe(true);
  await due.getByRole('link', { name: 'Overdue task 5', exact: true }).click();
  await expect(page.locator('#step-heading')).toHaveText('Get into action');
  await expect(page.locator('#actions-1').getByLabel('What')).toBeFocused();
});

test('roll-up sums by level and in total; ranking is by improvement potential', async ({ page }) => {
  const fmt = (n) => Math.round(n).toLocaleString('en-US');
  const roll = page.getByTestId('rollup');
  for (const [level, label] of [['territory', 'Territory'], ['global', 'Global']]) {
    const mine = plans.filter((p) => p.level === level);
    const row = roll.locator('tr', { has: page.locator('th', { hasText: label }) });
    await expect(row.locator('td').nth(0)).toHaveText(String(mine.length));
    await expect(row.locator('td').nth(1)).toHaveText(fmt(mine.reduce((s, p) => s + p.sales, 0)));
    await expect(row.locator('td').nth(2)).toHaveText(fmt(mine.reduce((s, p) => s + p.target, 0)));
  }
  const total = roll.locator('tr.total');
  await expect(total.locator('td').nth(0)).toHaveText('50');
  await expect(total.locator('td').nth(1)).toHaveText(fmt(plans.reduce((s, p) => s + p.sales, 0)));
  await expect(total.locator('td').nth(3)).toHaveText(fmt(plans.reduce((s, p) => s + p.profit, 0)));

  await expect(page.getByTestId('ranking').locator('li .num')).toHaveCount(10);
  const scores = (await page.getByTestId('ranking').locator('li .num').allInnerTexts()).map(Number);
  expect(scores.length).toBe(10);
  expect([...scores].sort((a, b) => b - a)).toEqual(scores);
});

test('duplicate as a template, archive and restore, delete with undo', async ({ page }) => {
  await rowAction(page, 'Duplicate Account 03');
  await expect(page.getByLabel('Account name')).toHaveValue('Account 03 (2)');
  await expect(page.getByLabel('Plan period from')).toHaveValue('');
  const copyId = page.url().match(/#\/plan\/([^/]+)\//)[1];
  const copy = await storedPlan(page, copyId);
  expect(copy.plan.action.actions.every((a) => a.due === null && a.status === 'planned')).toBe(true);
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  // 51 plans: the list shows its first page of 50 (issue 13); the archived filter below shows all.
  await expect(page.getByText('Showing the first 50 of 51 plans.')).toBeVisible();

  await rowAction(page, 'Archive Account 04');
  await expect(rows(page)).toHaveCount(50);
  await page.getByLabel(/Archived/).check();
  await expect(rows(page)).toHaveCount(1);
  await rowAction(page, 'Restore Account 04');
  await expect(rows(page)).toHaveCount(0);
  await page.getByLabel(/Archived/).uncheck();
  await expect(page.getByText('Showing the first 50 of 51 plans.')).toBeVisible();

  page.once('dialog', (d) => d.accept());
  await rowAction(page, 'Delete Account 05');
  await expect(rows(page)).toHaveCount(50);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('keyplan:plan:gen005'))).toBeNull();
  await page.getByTestId('undo-delete').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByText('Showing the first 50 of 51 plans.')).toBeVisible();
  await expect.poll(async () => (await storedPlan(page, 'gen005'))?.plan.header.account_name).toBe('Account 05');

  // Dismissing the confirmation deletes nothing.
  page.once('dialog', (d) => d.dismiss());
  await rowAction(page, 'Delete Account 06');
  await expect(page.getByText('Showing the first 50 of 51 plans.')).toBeVisible();
});

test('a workspace of hundreds of plans lists the first 50 at once and the rest on request', async ({ page }) => {
  await generateInPage(page, 130);
  await page.reload();
  await expect(rows(page)).toHaveCount(50);
  await expect(page.getByText('Showing the first 50 of 130 plans.')).toBeVisible();
  // Search still looks at every plan, not just the first page.
  await page.getByLabel('Search accounts').fill('Account 125');
  await expect(rows(page)).toHaveCount(1);
  await page.getByLabel('Search accounts').fill('');
  await page.getByRole('button', { name: 'Show all 130' }).click();
  await expect(rows(page)).toHaveCount(130);
});
