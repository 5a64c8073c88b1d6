// Issue 8: the whole wizard can be completed with the keyboard alone, and focus is visible.
import { test, expect } from '@playwright/test';
import { openApp, readStored, stepShown, waitSaved } from './helpers.mjs';

/** Presses Tab until the focused element's accessible text matches `name`; fails after 80. */
async function tabTo(page, name) {
  for (let i = 0; i < 80; i++) {
    await page.keyboard.press('Tab');
    const text = await page.evaluate(() => {
      const e = document.activeElement;
      return (e?.getAttribute('aria-label') || e?.labels?.[0]?.textContent || e?.textContent || '').trim();
    });
    if (name instanceof RegExp ? name.test(text) : text === name) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

/** The focused element shows a focus ring (box-shadow or outline). */
async function focusVisible(page) {
  return page.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return s.boxShadow !== 'none' || (s.outlineStyle !== 'none' && s.outlineWidth !== '0px');
  });
}

test('a plan is created, filled in and walked through all seven steps with the keyboard alone', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await tabTo(page, 'New account plan');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Account name')).toBeFocused();
  await page.keyboard.type('Keyboard Co');
  await tabTo(page, 'Create plan');
  await page.keyboard.press('Enter');
  await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
  // Tabbing starts from the step's heading only once the app has moved focus there.
  await expect(page.locator('#step-heading')).toBeFocused();

  // A choice and a rating in step 1, by keyboard.
  await tabTo(page, /^Industry/);
  await page.keyboard.type('Chemicals');
  expect(await focusVisible(page)).toBe(true);
  for (let step = 2; step <= 7; step++) {
    await tabTo(page, 'Next step →');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(new RegExp(`/${step}$`));
    await stepShown(page, step);
    await expect(page.locator('#step-heading')).toBeFocused();
    if (step === 3) {
      // Add a contact and name them, without the mouse: type once the new row has the focus.
      await tabTo(page, 'Add contact');
      await page.keyboard.press('Enter');
      await expect(page.locator('#contacts .row-card').getByLabel('Name')).toBeFocused();
      await page.keyboard.type('Kim Lee');
      await expect(page.locator('#relationship-map')).toContainText('Kim Lee');
    }
  }
  await expect(page.locator('#step-heading')).toHaveText('Communicate and review');
  await waitSaved(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.startsWith('keyplan:plan:')));
  const stored = (await readStored(page, key)).plan;
  expect(stored.header.industry).toBe('Chemicals');
  expect(stored.relationships.contacts[0].name).toBe('Kim Lee');
});
