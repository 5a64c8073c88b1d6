// Issue 13: storage that holds years of plans. The compact stored form, the storage meter and
// the warning, and a review that does not fit in storage, all against the real localStorage.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { newPlan, openApp, waitSaved, planKey, storedPlan, rawItem, setItem } from './helpers.mjs';

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

/** Fills the origin's real storage with filler keys until not one more character fits. */
async function fillStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 22; size >= 1; size >>= 1) {
      for (;;) {
        try {
          localStorage.setItem(`filler:${n}`, 'x'.repeat(size));
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
}

const clearFiller = (page) => page.evaluate(() => {
  for (const k of Object.keys(localStorage)) if (k.startsWith('filler:')) localStorage.removeItem(k);
});

async function recordReview(page, date, changes = '') {
  await page.fill('#review-date', date);
  await page.fill('#review-attendees', 'Account team');
  await page.fill('#review-changes', changes);
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
}

test('a plan is stored compactly, with a readable header, and an old plain-JSON plan moves to that form', async ({ page }) => {
  const id = await newPlan(page, 'Compact Co 简体 🚀');
  await page.getByLabel('Industry').fill('Steel 钢铁');
  await waitSaved(page);
  const raw = await rawItem(page, planKey(id));
  expect(raw).toMatch(/^@keyplan\.plan z1 s\d+ r\d+ n\d+ d0 h[0-9a-f]{16}\n/);
  expect((await storedPlan(page, id)).plan.header.industry).toBe('Steel 钢铁');

  // A plan as an older KeyPlan stored it (plain JSON) loads, and moves when next saved.
  const plain = JSON.stringify({ kind: 'keyplan.plan', schema_version: 2, app_version: '0.0.9', revision: 3,
    plan: { id: 'plainjson1', revision: 3, header: { account_name: 'Plain Json Co', industry: 'Paper' } } });
  await setItem(page, planKey('plainjson1'), plain);
  await setItem(page, 'keyplan:index', 'stale');
  await page.goto('./');
  await page.reload();
  await expect(page.getByTestId('plan-list')).toContainText('Plain Json Co');
  await page.getByRole('link', { name: 'Plain Json Co' }).click();
  await expect(page.getByLabel('Industry')).toHaveValue('Paper');
  await page.getByLabel('Industry').fill('Paper and pulp');
  await waitSaved(page);
  const moved = await rawItem(page, planKey('plainjson1'));
  expect(moved).toMatch(/^@keyplan\.plan z1 s\d+ r4 /);
  expect(await rawItem(page, 'keyplan:move:plainjson1')).toBeNull();
  const decoded = await storedPlan(page, 'plainjson1');
  expect(decoded.plan.header.industry).toBe('Paper and pulp');
  // Every field written in full, yet a fraction of the plain JSON of the same envelope.
  expect(moved.length * 2).toBeLessThan(JSON.stringify(decoded).length);

  // Exports stay plain, readable JSON in the documented format.
  const file = await download(page, () => page.getByRole('button', { name: 'Download this plan' }).click());
  const data = JSON.parse(file.text);
  expect(data.kind).toBe('keyplan');
  expect(data.plans[0].header.industry).toBe('Paper and pulp');
});

test('a damaged compact value: the app starts, lists the plan as damaged, keeps and offers its text', async ({ page }) => {
  const id = await newPlan(page, 'Damaged Compact Co');
  await page.getByLabel('Industry').fill('Glass');
  await waitSaved(page);
  const raw = await rawItem(page, planKey(id));
  const nl = raw.indexOf('\n');
  const damaged = raw.slice(0, nl + 1) + raw.slice(nl + 1, nl + 6).split('').reverse().join('') + raw.slice(nl + 6);
  await setItem(page, planKey(id), damaged);
  await page.goto('./');
  await page.reload();
  await page.goto(`./#/plan/${id}/1`);
  const box = page.getByTestId('damaged-plan');
  await expect(box).toContainText('altered');
  const file = await download(page, () => box.getByRole('button', { name: 'Download its text' }).click());
  expect(file.text).toBe(damaged);
  await openApp(page);
  await expect(page.getByTestId('damaged-list')).toContainText('Damaged Compact Co');
  expect(await rawItem(page, planKey(id))).toBe(damaged);
});

test('quota full while recording a review: nothing is recorded, the message says what to do, and it works once there is room', async ({ page }) => {
  const id = await newPlan(page, 'Full Review Co');
  await page.getByLabel('Industry').fill('Cement');
  await waitSaved(page);
  await page.goto(`./#/plan/${id}/7`);
  await expect(page.locator('#review-date')).toBeVisible();
  const before = await rawItem(page, planKey(id));
  expect(await fillStorage(page)).toBeGreaterThan(0);

  await recordReview(page, '2026-03-31', 'Quarter one');
  const error = page.getByTestId('review-error');
  await expect(error).toContainText('The review was not recorded');
  await expect(error).toContainText('Nothing was changed');
  await expect(page.getByRole('link', { name: 'Open Storage & backup' })).toBeVisible();
  // No half-written review: not on screen, not in storage, and no unsaved change left behind.
  await expect(page.locator('.review-log li')).toHaveCount(0);
  expect(await rawItem(page, planKey(id))).toBe(before);
  await expect(page.getByTestId('save-failed')).toHaveCount(0);
  await expect(page.locator('#review-changes')).toHaveValue('Quarter one');

  // Room is made: the same review records and is stored.
  await clearFiller(page);
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
  await expect(page.locator('.review-log li')).toHaveCount(1);
  await expect(error).toHaveCount(0);
  const stored = await storedPlan(page, id);
  expect(stored.plan.communication.reviews).toHaveLength(1);
  expect(stored.plan.communication.reviews[0].snapshot.header.industry).toBe('Cement');
  await page.reload();
  await expect(page.locator('.review-log li')).toHaveCount(1);
});

test('the meter shows what localStorage really holds, the largest plans and snapshots, and the room left', async ({ page }) => {
  const a = await newPlan(page, 'Meter Big Co');
  await page.getByLabel('Industry').fill('Shipping '.repeat(400));
  await waitSaved(page);
  await page.goto(`./#/plan/${a}/7`);
  await recordReview(page, '2026-06-30', 'First review');
  await expect(page.locator('.review-log li')).toHaveCount(1);
  await newPlan(page, 'Meter Small Co');
  await page.goto('./#/storage');
  const used = page.getByTestId('storage-used');
  await expect(used).toBeVisible();
  const truth = await page.evaluate(() => {
    const keys = Object.keys(localStorage);
    const size = (k) => k.length + localStorage.getItem(k).length;
    const all = keys.reduce((s, k) => s + size(k), 0);
    const plans = keys.filter((k) => k.startsWith('keyplan:plan:'));
    // The index and its journal (keyplan:index:recent).
    const index = keys.filter((k) => k.startsWith('keyplan:index')).reduce((s, k) => s + size(k), 0);
    const perPlan = Math.ceil((plans.reduce((s, k) => s + size(k), 0) + index) / plans.length);
    return { all, perPlan, room: Math.floor((5 * 1024 * 1024 - all) / perPlan), big: plans.map(size).sort((x, y) => y - x) };
  });
  expect(Number(await used.getAttribute('data-units'))).toBe(truth.all);
  await expect(used).toContainText(`${(truth.all * 2 / 1024).toFixed(1)} KB of about`);
  expect(Number(await page.getByTestId('storage-room').getAttribute('data-room'))).toBe(truth.room);
  await expect(page.getByTestId('storage-room')).toContainText(`Room for about ${truth.room} more plans like your average one`);
  const largest = page.getByTestId('largest-plans').locator('li');
  await expect(largest.first()).toContainText('Meter Big Co');
  expect(Number(await largest.first().getAttribute('data-units'))).toBe(truth.big[0]);
  await expect(page.getByTestId('largest-snapshots')).toContainText('Meter Big Co');

  // "Download and drop": the file holds the snapshot, the stored plan keeps the review without it.
  const file = await download(page, () => page.getByTestId('largest-snapshots').getByRole('button', { name: 'Download and drop' }).first().click());
  expect(JSON.parse(file.text).plans[0].communication.reviews[0].snapshot.header.industry).toContain('Shipping');
  await expect(page.getByTestId('drop-done')).toContainText('was dropped from Meter Big Co');
  const after = await storedPlan(page, a);
  expect(after.plan.communication.reviews).toHaveLength(1);
  expect(after.plan.communication.reviews[0].snapshot).toBeNull();
  await expect(page.getByTestId('no-snapshots')).toBeVisible();
});

test('above 80% the portfolio warns and says what to do; below, it does not', async ({ page }) => {
  await newPlan(page, 'Warned Co');
  await openApp(page);
  await expect(page.getByTestId('plan-list')).toContainText('Warned Co');
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
  await page.evaluate(() => localStorage.setItem('filler:0', 'x'.repeat(4_200_000)));
  await page.reload();
  const warning = page.getByTestId('storage-warning');
  await expect(warning).toContainText(/Storage is 8\d% full/);
  await expect(warning).toContainText('Download a backup of all plans');
  await expect(warning).toContainText('no longer key accounts');
  await expect(warning).toContainText('drop old review snapshots');
  await warning.getByRole('link', { name: 'Open Storage & backup' }).click();
  await expect(page.getByTestId('storage-percent')).toContainText(/8\d% of the space is used/);
  await clearFiller(page);
  await openApp(page);
  await page.reload();
  await expect(page.getByTestId('plan-list')).toContainText('Warned Co');
  await expect(page.getByTestId('storage-warning')).toHaveCount(0);
});

test('a plan with 12 quarterly reviews saves, reloads and compares any two of them', async ({ page }) => {
  test.setTimeout(180_000);
  const id = await newPlan(page, 'Twelve Quarters Co');
  for (let q = 1; q <= 12; q++) {
    await page.goto(`./#/plan/${id}/1`);
    await page.getByLabel('Industry').fill(`Industry in quarter ${q}`);
    await waitSaved(page);
    await page.goto(`./#/plan/${id}/7`);
    const month = String(((q - 1) % 4) * 3 + 3).padStart(2, '0');
    await recordReview(page, `${2024 + Math.floor((q - 1) / 4)}-${month}-28`, `Quarter ${q}`);
    await expect(page.locator('.review-log li')).toHaveCount(q);
  }
  await page.reload();
  await expect(page.locator('.review-log li')).toHaveCount(12);
  const raw = await rawItem(page, planKey(id));
  expect(raw).toMatch(/^@keyplan\.plan z1 s\d+ r\d+ n\d+ d1 h[0-9a-f]{16}\n/);
  const stored = await storedPlan(page, id);
  const reviews = stored.plan.communication.reviews;
  expect(reviews).toHaveLength(12);
  reviews.forEach((r, i) => expect(r.snapshot.header.industry).toBe(`Industry in quarter ${i + 1}`));
  // Twelve snapshots cost little more than the plan: far below twelve plain copies.
  expect(raw.length).toBeLessThan(JSON.stringify(stored).length / 8);

  for (const [from, to] of [[3, 9], [1, 12], [12, 2]]) {
    const fromLabel = await page.locator('#compare-from option').nth(from).textContent();
    const toLabel = await page.locator('#compare-to option').nth(to).textContent();
    await page.locator('#compare-from').selectOption({ label: fromLabel });
    await page.locator('#compare-to').selectOption({ label: toLabel });
    const diff = page.getByTestId('review-diff');
    await expect(diff).toContainText(`Industry in quarter ${from}`);
    await expect(diff).toContainText(`Industry in quarter ${to}`);
  }
});
