// Issue 18, items 3, 4, 5 and 7: nothing leaked, figures that agree, damage found at start-up,
// exports that say what they left out. Each test drives the release build as a rep would.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { newPlan, openApp, waitSaved, planKey, storedPlan, rawItem, setItem } from './helpers.mjs';

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), text: fs.readFileSync(await dl.path(), 'utf8') };
}

const step = (page, id, n) => page.goto(`./#/plan/${id}/${n}`);
const MARKER = 'ZEBRA-PRIVATE-4711';

test('3. private notes left out of every file, every snapshot in them, CSV, .ics and the print view', async ({ page }) => {
  const id = await newPlan(page, 'Private Co');
  await page.getByLabel('Industry').fill('Glass');
  await step(page, id, 5);
  await page.getByRole('button', { name: 'Add action' }).click();
  const card = page.locator('#actions .row-card').last();
  await card.getByLabel('What').fill('Plant visit');
  await card.getByLabel('Due').fill('2030-01-31');
  // A private note, then a review: its snapshot carries the note too.
  await step(page, id, 7);
  await page.locator('details.more', { has: page.locator('#communication-private_notes') }).locator('summary').click();
  await page.getByLabel('Private notes', { exact: true }).fill(`Buyer is leaving ${MARKER} in March`);
  await page.getByLabel('Review date').fill('2026-01-15');
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
  await expect(page.locator('.review-log li')).toHaveCount(1);
  await waitSaved(page);
  const stored = await storedPlan(page, id);
  expect(JSON.stringify(stored.plan.communication.reviews[0].snapshot)).toContain(MARKER);

  // One plan: without the box the note goes with it (it is the rep's own copy) ...
  const sidebar = page.locator('.step-nav-wrap');
  const mine = await download(page, () => sidebar.getByRole('button', { name: 'Download this plan' }).click());
  expect(mine.text).toContain(MARKER);
  // ... with the box ticked, not one byte of it, in the plan or in the review's snapshot.
  await sidebar.getByLabel('Leave out private notes').check();
  const one = await download(page, () => sidebar.getByRole('button', { name: 'Download this plan' }).click());
  expect(one.text).not.toContain(MARKER);
  const file = JSON.parse(one.text);
  expect(file.plans[0].communication.reviews).toHaveLength(1);
  expect(file.plans[0].header.industry).toBe('Glass');

  // CSV and calendar never carry it.
  const csv = await download(page, () => page.getByRole('button', { name: 'Actions as CSV' }).click());
  expect(csv.text).toContain('Plant visit');
  expect(csv.text).not.toContain(MARKER);
  const ics = await download(page, () => page.getByRole('button', { name: 'Dates to calendar (.ics)' }).click());
  expect(ics.text).toContain('BEGIN:VCALENDAR');
  expect(ics.text).not.toContain(MARKER);

  // The print view leaves them out unless the rep asks, and then marks them as private.
  await page.goto(`./#/plan/${id}/print`);
  const print = page.locator('.print-view');
  await expect(print).toContainText('Private Co');
  await expect(print).toContainText('Glass');
  expect(await page.locator('main').innerHTML()).not.toContain(MARKER);
  await page.getByLabel('Print my private notes').check();
  const notes = page.getByTestId('print-private-notes');
  await expect(notes).toContainText(MARKER);
  await expect(notes).toContainText('Private: for the account manager only');
  await page.getByLabel('Print my private notes').uncheck();
  await expect(notes).toHaveCount(0);
  expect(await page.locator('main').innerHTML()).not.toContain(MARKER);

  // The plans shown, from the portfolio.
  await openApp(page);
  await page.getByLabel('Leave out private notes').check();
  const shown = await download(page, () => page.getByRole('button', { name: 'Export the plans shown' }).click());
  expect(shown.text).toContain('Private Co');
  expect(shown.text).not.toContain(MARKER);

  // A backup, when the rep chooses so (and only then).
  await page.getByRole('link', { name: 'Storage & backup' }).click();
  const full = await download(page, () => page.getByRole('button', { name: 'Download a backup of all plans' }).click());
  expect(full.text).toContain(MARKER);
  await page.getByLabel('Leave out private notes').check();
  const lean = await download(page, () => page.getByRole('button', { name: 'Download a backup of all plans' }).click());
  expect(lean.text).toContain('Private Co');
  expect(lean.text).not.toContain(MARKER);
  await expect(page.getByRole('status').filter({ hasText: 'Backup of 1 plan downloaded' })).toBeVisible();
});

test('4a. a plan\'s health is one figure: the portfolio and the check page agree, and it stays current', async ({ page }) => {
  const id = await newPlan(page, 'Health Co');
  await step(page, id, 5);
  await page.getByRole('button', { name: 'Add action' }).click();
  const card = page.locator('#actions .row-card').last();
  await card.getByLabel('What').fill('Send samples');
  await card.getByLabel('Owner').fill('Ana');
  const soon = new Date(Date.now() + 5 * 86400000).toISOString().slice(0, 10);
  await card.getByLabel('Due').fill(soon);
  await waitSaved(page);

  const portfolioHealth = async () => {
    await openApp(page);
    const cell = page.getByTestId('plan-list').locator('tr', { hasText: 'Health Co' }).locator('a.health');
    return Number((await cell.innerText()).replace('%', '').trim());
  };
  const checkHealth = async () => {
    await page.goto(`./#/plan/${id}/check`);
    return Number((await page.getByTestId('health-pct').innerText()).replace('%', '').trim());
  };
  const today = await portfolioHealth();
  expect(today).toBe(await checkHealth());
  // A mostly empty plan is not healthy.
  expect(today).toBeLessThan(30);

  // Twenty days on, nothing saved since: the action is overdue; both show the same lower figure.
  await page.clock.setFixedTime(new Date(Date.now() + 20 * 86400000));
  await page.reload();
  const later = await portfolioHealth();
  expect(later).toBeLessThan(today);
  expect(later).toBe(await checkHealth());
});

test('4b. the example plan is kept out of every portfolio figure and shown apart', async ({ page }) => {
  const id = await newPlan(page, 'Real Co');
  await page.getByLabel("Last year's sales to them").fill('1000');
  await page.getByRole('radio', { name: '4' }).first().check();
  await page.getByRole('radio', { name: '3' }).nth(4).check();
  await page.getByLabel('Our share of their spend').fill('20');
  await waitSaved(page);
  await openApp(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Portfolio vis-à-vis profits');
  await openApp(page);
  // The list lists it, marked as the example.
  await expect(page.getByTestId('plan-list')).toContainText('Northwind Foods (example)');
  // Roll-up: the total counts the real plan only; the example has its own row, apart.
  const total = page.getByTestId('rollup').locator('tr.total');
  await expect(total.locator('td').nth(0)).toHaveText('1');
  await expect(total.locator('td').nth(1)).toHaveText('1000');
  const apart = page.getByTestId('rollup-example');
  await expect(apart).toContainText('Example plan (not in the total)');
  await expect(apart.locator('td').nth(1)).toHaveText('1,200,000');
  // Ranking and due list: the real plan only, and a word that the example is not counted.
  await expect(page.getByTestId('ranking')).toContainText('Real Co');
  await expect(page.getByTestId('ranking').locator('ol')).not.toContainText('Northwind');
  await expect(page.getByTestId('due-soon')).not.toContainText('Northwind');
  await expect(page.getByTestId('example-apart')).toHaveText('The example plan is not counted in these figures: they are your own plans only.');
  // Matrix: the example still demonstrates it, drawn apart and labelled.
  await expect(page.getByTestId('matrix').locator('circle.pt.example')).toHaveCount(1);
  await expect(page.getByTestId('matrix').getByRole('link', { name: /Northwind.*the example plan/ })).toHaveCount(1);
  expect(id).toBeTruthy();
});

test('4c. step 1\'s profit and step 2\'s computed profit never disagree without a word', async ({ page }) => {
  const id = await newPlan(page, 'Profit Co');
  await page.getByLabel("Last year's sales to them").fill('2,000,000');
  await page.getByLabel("Last year's profit from them").fill('410,000');
  await expect(page.getByTestId('profit-check')).toHaveCount(0);
  await step(page, id, 2);
  await page.getByLabel('Gross margin on their purchases').fill('30');
  await page.getByLabel('Cost to serve: other').fill('100000');
  await expect(page.getByTestId('profit-amount')).toHaveText('500,000');
  const two = page.getByTestId('profit-check');
  await expect(two).toContainText("Step 1 says last year's profit was 410,000: 90,000 apart");
  await step(page, id, 1);
  const one = page.getByTestId('profit-check');
  await expect(one).toContainText('Step 2 computes last year\'s profit after cost to serve as 500,000');
  await expect(one).toContainText('The profit entered here is 410,000: 90,000 apart');
  await one.getByRole('button', { name: 'Use 500,000 as last year\'s profit' }).click();
  await expect(page.getByLabel("Last year's profit from them")).toHaveValue('500,000');
  await expect(one).toHaveCount(0);
  await waitSaved(page);
  expect((await storedPlan(page, id)).plan.portfolio.last_year_profit).toBe(500000);
});

test('4d. the account team is kept once, shown in step 1 and step 6; old plans and files keep theirs', async ({ page }) => {
  await openApp(page);
  // A plan stored by the previous KeyPlan, with the team typed in step 1's header.
  const old = JSON.stringify({ kind: 'keyplan.plan', schema_version: 2, revision: 2, plan: { id: 'team1', revision: 2,
    header: { account_name: 'Team Co', team: 'Ann Lee (KAM), Bo Chen (technical)' },
    resources: { team: [{ id: 1, name: 'Bo Chen', function: 'Engineering', role: 'Trials' }] } } });
  await setItem(page, planKey('team1'), old);
  await page.reload();
  await page.getByRole('link', { name: 'Team Co' }).first().click();
  const summary = page.getByTestId('team-summary');
  await expect(summary).toContainText('Ann Lee (KAM)');
  await expect(summary).toContainText('Bo Chen (Engineering, Trials)');
  // Entered in one place only: step 1 has no team box of its own.
  await expect(page.getByLabel('Key account team')).toHaveCount(0);
  await summary.getByRole('link', { name: 'Edit the account team in step 6' }).click();
  await expect(page.locator('#step-heading')).toHaveText('Resource planning and audit');
  const rows = page.locator('#team .row-card');
  await expect(rows).toHaveCount(2);
  await page.getByRole('button', { name: 'Add team member' }).click();
  await rows.last().getByLabel('Name').fill('Cy Park');
  await waitSaved(page);
  await step(page, 'team1', 1);
  await expect(page.getByTestId('team-summary')).toContainText('Cy Park');
  const stored = await storedPlan(page, 'team1');
  expect(stored.schema_version).toBe(4);
  expect(stored.plan.header.team).toBeUndefined();
  expect(stored.plan.resources.team.map((m) => m.name)).toEqual(['Bo Chen', 'Ann Lee', 'Cy Park']);

  // An old file keeps its team on import too.
  await openApp(page);
  await page.getByRole('button', { name: 'Import a plan' }).first().click();
  await page.getByLabel("Or paste the file's text").fill(JSON.stringify({ kind: 'keyplan', schema_version: 2,
    plans: [{ id: 'team2', header: { account_name: 'File Team Co', team: 'Dee Ray' } }] }));
  await page.getByRole('button', { name: 'Read pasted text' }).click();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('import-result')).toBeVisible();
  expect((await storedPlan(page, 'team2')).plan.resources.team.map((m) => m.name)).toEqual(['Dee Ray']);
});

test('4e. a percentage outside 0-100 gets a message at the field and is not stored', async ({ page }) => {
  const id = await newPlan(page, 'Percent Co');
  const share = page.getByLabel('Our share of their spend');
  await share.fill('35');
  await waitSaved(page);
  await share.fill('140');
  const err = page.locator('#portfolio-share_of_spend-error');
  await expect(err).toHaveText('140 is not a percentage from 0 to 100. Type a number from 0 to 100, for example 35.');
  await expect(share).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel('Industry').fill('Paper');
  await waitSaved(page);
  expect((await storedPlan(page, id)).plan.portfolio.share_of_spend).toBe(35);

  await step(page, id, 2);
  await page.getByLabel('Gross margin on their purchases').fill('140');
  await expect(page.locator('#customer-gross_margin_pct-error')).toContainText('not a percentage from 0 to 100');
  await page.getByLabel('Orders delivered on time').fill('101');
  await expect(page.locator('#customer-on_time_pct-error')).toContainText('not a percentage from 0 to 100');
  await page.getByRole('button', { name: 'Add supplier' }).click();
  const wallet = page.locator('#wallet .row-card').last();
  await wallet.getByLabel('Share').fill('140');
  await expect(wallet.locator('.error')).toContainText('not a percentage from 0 to 100');
  await wallet.getByRole('textbox', { name: 'Supplier' }).fill('Us');
  await waitSaved(page);
  const c = (await storedPlan(page, id)).plan.customer;
  expect(c.gross_margin_pct).toBeNull();
  expect(c.on_time_pct).toBeNull();
  expect(c.wallet[0].share_pct).toBeNull();
  expect(c.wallet[0].supplier).toBe('Us');
});

test('5. a plan cut in half is listed as damaged from the first screen, its text untouched and downloadable', async ({ page }) => {
  await newPlan(page, 'Whole Co');
  const bad = await newPlan(page, 'Half Co');
  await page.getByLabel('Industry').fill('Mining');
  await waitSaved(page);
  await openApp(page);
  const raw = await rawItem(page, planKey(bad));
  const half = raw.slice(0, Math.floor(raw.length / 2));
  await setItem(page, planKey(bad), half);
  await page.reload();
  const damaged = page.getByTestId('damaged-list');
  await expect(damaged).toContainText('Plans that need attention');
  await expect(damaged).toContainText('Half Co');
  await expect(page.getByTestId('plan-list')).toContainText('Whole Co');
  await expect(page.getByTestId('plan-list')).not.toContainText('Half Co');
  const file = await download(page, () => damaged.getByRole('button', { name: 'Download the stored text of Half Co' }).click());
  expect(file.text).toBe(half);
  expect(await rawItem(page, planKey(bad))).toBe(half);
  await page.reload();
  await expect(page.getByTestId('damaged-list')).toContainText('Half Co');
  expect(await rawItem(page, planKey(bad))).toBe(half);
});

test('7. every export says which plans it left out and why, and offers their stored text', async ({ page }) => {
  const a = await newPlan(page, 'Alpha Co');
  const b = await newPlan(page, 'Broken Co');
  const c = await newPlan(page, 'Future Co');
  await openApp(page);
  await expect(page.getByTestId('plan-list')).toContainText('Future Co');
  // While KeyPlan runs, one plan's text is damaged and another is saved by a newer KeyPlan.
  const garbage = (await rawItem(page, planKey(b))).slice(0, 40);
  await setItem(page, planKey(b), garbage);
  const future = JSON.stringify({ kind: 'keyplan.plan', schema_version: 99, revision: 9, plan: { id: c, header: { account_name: 'Future Co' } } });
  await setItem(page, planKey(c), future);

  const shown = await download(page, () => page.getByRole('button', { name: 'Export the plans shown' }).click());
  expect(JSON.parse(shown.text).plans.map((p) => p.header.account_name)).toEqual(['Alpha Co']);
  const report = page.getByTestId('left-out');
  await expect(report).toContainText('2 plans could not be included in the file');
  await expect(report.locator('li', { hasText: 'Broken Co' })).toContainText(/not valid JSON|damaged/);
  await expect(report.locator('li', { hasText: 'Future Co' })).toContainText('newer KeyPlan');
  const rawB = await download(page, () => report.getByRole('button', { name: 'Download the stored text of Broken Co' }).click());
  expect(rawB.text).toBe(garbage);
  const rawC = await download(page, () => report.getByRole('button', { name: 'Download the stored text of Future Co' }).click());
  expect(rawC.text).toBe(future);

  // The backup says the same, through the same report.
  await page.getByRole('link', { name: 'Storage & backup' }).click();
  const backup = await download(page, () => page.getByRole('button', { name: 'Download a backup of all plans' }).click());
  expect(JSON.parse(backup.text).plans.map((p) => p.id)).toEqual([a]);
  await expect(page.getByTestId('left-out')).toContainText('2 plans could not be included');
  // Nothing was changed by exporting.
  expect(await rawItem(page, planKey(b))).toBe(garbage);
  expect(await rawItem(page, planKey(c))).toBe(future);
});

test('7b. storage use reads in sensible units, never above the total; a rebuilt index is told', async ({ page }) => {
  await newPlan(page, 'Space Co');
  await openApp(page);
  // Fill storage close to Chromium's limit (5 Mi UTF-16 units).
  await page.evaluate(() => {
    let n = 4_900_000;
    while (n > 0) {
      try { localStorage.setItem('filler', 'x'.repeat(n)); return; } catch { n -= 100_000; }
    }
  });
  await page.getByRole('link', { name: 'Storage & backup' }).click();
  const use = page.getByTestId('storage-use').locator('.big-figure');
  const text = await use.innerText();
  const m = text.match(/^(\d+(?:\.\d)?) (bytes|KB|MB) of about (\d+(?:\.\d)?) (KB|MB)$/);
  expect(m, text).not.toBeNull();
  const bytes = (n, unit) => Number(n) * { bytes: 1, KB: 1024, MB: 1048576 }[unit];
  expect(bytes(m[1], m[2])).toBeLessThanOrEqual(bytes(m[3], m[4]));
  expect(text).toMatch(/of about 10 MB$/);
  await page.evaluate(() => localStorage.removeItem('filler'));

  // The index is lost: KeyPlan rebuilds it and says so.
  await openApp(page);
  await expect(page.getByTestId('index-rebuilt')).toHaveCount(0);
  // The index and its journal (issue 13) both gone: the list is rebuilt from the plans.
  await page.evaluate(() => { localStorage.removeItem('keyplan:index'); localStorage.removeItem('keyplan:index:recent'); });
  await page.reload();
  await expect(page.getByTestId('index-rebuilt')).toContainText('KeyPlan rebuilt its list of plans');
  await expect(page.getByTestId('plan-list')).toContainText('Space Co');
  await page.reload();
  await expect(page.getByTestId('plan-list')).toContainText('Space Co');
  await expect(page.getByTestId('index-rebuilt')).toHaveCount(0);
});
