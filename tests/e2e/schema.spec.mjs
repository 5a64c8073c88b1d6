// What the plan schema gives a rep in the steps: folded rows that show what matters, a status
// changed in one tap, and a new row that folds the others.
import { test, expect } from '@playwright/test';
import { openApp, storedPlan, waitSaved } from './helpers.mjs';

async function openExample(page, step) {
  await openApp(page);
  await page.getByRole('button', { name: 'Try an example' }).first().click();
  await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
  const id = page.url().match(/#\/plan\/([^/]+)\//)[1];
  await page.goto(page.url().replace(/\/\d$/, `/${step}`));
  await expect(page.locator('#step-heading')).toBeVisible();
  return id;
}

test('a folded action shows its owner, due date and status, and its status changes in one tap', async ({ page }) => {
  const id = await openExample(page, 5);
  const row = page.locator('#actions .row-card', { hasText: 'Agree winter safety stock' });
  await expect(row).toHaveClass(/collapsed/);
  const line = row.locator('.row-summary');
  await expect(line).toContainText('Tom Okafor');
  await expect(line).toContainText('2026-11-28');
  const status = line.getByRole('combobox', { name: 'Status of Agree winter safety stock' });
  await expect(status).toHaveValue('in_progress');
  await status.selectOption({ label: 'Done' });
  await expect(row).toHaveClass(/collapsed/); // still folded
  await waitSaved(page);
  const stored = await storedPlan(page, id);
  expect(stored.plan.action.actions.find((a) => a.what === 'Agree winter safety stock').status).toBe('done');
  // A contact folded shows its buying role and attitude.
  await page.goto(page.url().replace(/\/\d$/, '/3'));
  const ben = page.locator('#contacts .row-card', { hasText: 'Ben Wu' });
  await expect(ben).toHaveClass(/collapsed/);
  await expect(ben.locator('.row-summary').getByRole('combobox', { name: 'Attitude to us of Ben Wu · Procurement manager' })).toHaveValue('opponent');
});

test('a new row folds the others', async ({ page }) => {
  await openExample(page, 6);
  const rows = page.locator('#resources .row-card');
  await expect(rows).toHaveCount(3);
  await expect(page.locator('#resources .row-card:not(.collapsed)')).toHaveCount(3);
  await page.getByRole('button', { name: 'Add resource' }).click();
  await expect(rows).toHaveCount(4);
  await expect(page.locator('#resources .row-card:not(.collapsed)')).toHaveCount(1);
  await expect(rows.last()).not.toHaveClass(/collapsed/);
  await expect(rows.last().getByLabel('Who')).toBeFocused();
});
