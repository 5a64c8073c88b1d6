// Issue 2: the app shell from a sub-path of a plain static host: create a plan, walk the
// seven steps, reload on a step, Back and Forward.
import { test, expect } from '@playwright/test';
import { newPlan, openApp, waitSaved } from './helpers.mjs';

const STEPS = [
  'Portfolio vis-à-vis profits',
  'Understanding the customer entirely',
  'Relationship X-ray',
  'Key account plan blueprint',
  'Get into action',
  'Resource planning and audit',
  'Communicate and review',
];

test('an empty browser shows what KeyPlan is for and how to start', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('empty-state')).toContainText('seven short steps');
  await expect(page.getByRole('button', { name: 'New account plan' })).toBeVisible();
  await expect(page).toHaveTitle('Portfolio — KeyPlan');
});

test('a blank account name is refused with a message', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'New account plan' }).click();
  await page.getByRole('button', { name: 'Create plan' }).click();
  await expect(page.getByRole('alert')).toContainText("Type the account's name");
  await expect(page).toHaveURL(/tools\/keyplan\/$/);
});

test('create a plan, walk all seven steps, reload and go back and forward', async ({ page }) => {
  const id = await newPlan(page, 'Acme Steel');
  await expect(page).toHaveTitle(`Step 1 of 7: ${STEPS[0]} — Acme Steel`);
  await expect(page.locator('#step-heading')).toBeFocused();
  await page.getByLabel('Industry').fill('Steel');
  await waitSaved(page);

  for (let n = 2; n <= 7; n++) {
    await page.getByRole('link', { name: 'Next step →' }).click();
    await expect(page.locator('#step-heading')).toHaveText(STEPS[n - 1]);
    await expect(page.locator('#step-heading')).toBeFocused();
    await expect(page).toHaveTitle(`Step ${n} of 7: ${STEPS[n - 1]} — Acme Steel`);
    await expect(page).toHaveURL(new RegExp(`#/plan/${id}/${n}$`));
    const current = page.locator('.step-nav [aria-current="step"]');
    await expect(current).toHaveCount(1);
    await expect(current).toContainText(STEPS[n - 1]);
  }

  // A reload lands on the same step of the same plan, with the data kept.
  await page.reload();
  await expect(page.locator('#step-heading')).toHaveText(STEPS[6]);
  await page.goBack();
  await expect(page.locator('#step-heading')).toHaveText(STEPS[5]);
  await page.goBack();
  await expect(page.locator('#step-heading')).toHaveText(STEPS[4]);
  await page.goForward();
  await expect(page.locator('#step-heading')).toHaveText(STEPS[5]);

  await page.locator('.step-nav').getByRole('link', { name: STEPS[0] }).click();
  await expect(page.getByLabel('Industry')).toHaveValue('Steel');

  // The portfolio lists it, and a bookmark of a step opens straight there.
  await openApp(page);
  await expect(page.getByTestId('plan-list')).toContainText('Acme Steel');
  await page.goto(`./#/plan/${id}/3`);
  await expect(page.locator('#step-heading')).toHaveText(STEPS[2]);
});

test('an unknown plan link explains itself instead of failing', async ({ page }) => {
  await openApp(page, '#/plan/nosuchplan/2');
  await expect(page.getByRole('heading', { name: 'This plan is not in this browser' })).toBeVisible();
});
