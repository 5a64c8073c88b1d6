// Issue 7 (in part): export a plan as a file, import it back, each bad input refused with a
// clear message and storage untouched, duplicates handled by the rep's choice, text kept as text.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { newPlan, openApp, waitSaved, readStored } from './helpers.mjs';

const snapshot = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.startsWith('keyplan:first-use')).sort()));

async function exportPlan(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this plan' }).click()]);
  return { name: dl.suggestedFilename(), path: await dl.path() };
}

async function openImport(page) {
  await openApp(page);
  await page.getByRole('button', { name: 'Import a plan' }).first().click();
  return page.getByTestId('import-panel');
}

test('export, clear storage, import: the same plan comes back', async ({ page }) => {
  const id = await newPlan(page, 'Round Trip Co');
  await page.getByLabel('Industry').fill('Glass');
  await page.getByRole('link', { name: 'Next step →' }).click();
  await page.getByLabel('Main business').fill('Bottles');
  await waitSaved(page);
  const file = await exportPlan(page);
  expect(file.name).toMatch(/^Round-Trip-Co-\d{4}-\d\d-\d\d\.keyplan\.json$/);
  const exported = JSON.parse(fs.readFileSync(file.path, 'utf8'));
  expect(exported.kind).toBe('keyplan');

  await page.evaluate(() => localStorage.clear());
  const panel = await openImport(page);
  await panel.getByLabel('Choose a KeyPlan file').setInputFiles(file.path);
  await expect(panel.getByText('Round Trip Co')).toBeVisible();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toHaveText('Import finished: 1 created, 0 replaced, 0 kept both, 0 skipped.');
  await expect(page.getByTestId('plan-list')).toContainText('Round Trip Co');
  await page.goto(`./#/plan/${id}/2`);
  await expect(page.getByLabel('Main business')).toHaveValue('Bottles');
  const again = await exportPlan(page);
  const back = JSON.parse(fs.readFileSync(again.path, 'utf8'));
  // Equal but for the bookkeeping of saves.
  const strip = (f) => f.plans.map((p) => ({ ...p, revision: 0, updated_at: null }));
  expect(strip(back)).toEqual(strip(exported));
});

const BAD = [
  ['an empty file', '', 'The file is empty'],
  ['text that is not JSON', '{\n  "kind": "keyplan",\n  oops\n}', 'not valid JSON: key must be a string at line 3, column 3'],
  ['JSON that is not a KeyPlan file', '{"name": "holiday photos"}', 'not a KeyPlan file'],
  ['a newer format', '{"kind":"keyplan","schema_version":7,"plans":[]}', 'made by a newer KeyPlan (format 7'],
  ['a wrong-typed field', '{"kind":"keyplan","schema_version":2,"plans":[{"id":"a","portfolio":{"last_year_sales":"lots"}}]}', 'damaged at plans[0].portfolio.last_year_sales'],
  ['a missing field', '{"kind":"keyplan","schema_version":2}', 'damaged at plans: it is missing'],
  ['nesting deeper than the format allows', '['.repeat(200), 'nests data deeper'],
];

for (const [what, text, message] of BAD) {
  test(`pasting ${what} is refused with a clear message and changes nothing`, async ({ page }) => {
    await newPlan(page, 'Keep Me');
    const panel = await openImport(page);
    const before = await snapshot(page);
    await panel.getByLabel("Or paste the file's text").fill(text);
    await panel.getByRole('button', { name: 'Read pasted text' }).click();
    await expect(panel.getByTestId('import-error')).toContainText(message);
    expect(await snapshot(page)).toBe(before);
  });
}

test('a file over 10 MB is refused before it is read', async ({ page }) => {
  test.setTimeout(180_000);
  const panel = await openImport(page);
  const before = await snapshot(page);
  await panel.getByLabel('Choose a KeyPlan file').setInputFiles({ name: 'big.keyplan.json', mimeType: 'application/json', buffer: Buffer.alloc(11 * 1024 * 1024, 32) },
    // Handing 11 MB to the browser took over 15 s on a busy 2-core machine (tests/load.sh).
    { timeout: 120_000 });
  await expect(panel.getByTestId('import-error')).toContainText('up to 10 MB');
  expect(await snapshot(page)).toBe(before);
});

test('a plan already here: replace, keep both, or skip', async ({ page }) => {
  const id = await newPlan(page, 'Twin Co');
  await page.getByLabel('Industry').fill('Original');
  await waitSaved(page);
  const file = await exportPlan(page);
  const text = fs.readFileSync(file.path, 'utf8').replace('"Original"', '"From file"');

  const importAs = async (choice) => {
    const panel = await openImport(page);
    await panel.getByLabel("Or paste the file's text").fill(text);
    await panel.getByRole('button', { name: 'Read pasted text' }).click();
    await expect(panel).toContainText('Already here as “Twin Co”');
    await panel.getByLabel('What to do with Twin Co').selectOption(choice);
    await panel.getByRole('button', { name: 'Import', exact: true }).click();
    return panel.getByTestId('import-result');
  };

  await expect(await importAs('skip')).toContainText('1 skipped');
  expect((await readStored(page, `keyplan:plan:${id}`)).plan.header.industry).toBe('Original');

  await expect(await importAs('both')).toContainText('1 kept both');
  await expect(page.getByTestId('plan-list')).toContainText('Twin Co (2)');
  expect((await readStored(page, `keyplan:plan:${id}`)).plan.header.industry).toBe('Original');

  await expect(await importAs('replace')).toContainText('1 replaced');
  expect((await readStored(page, `keyplan:plan:${id}`)).plan.header.industry).toBe('From file');
});

test('text in an imported file is shown as text, never run as HTML', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  const evil = '<img src=x onerror=alert(1)>';
  const file = JSON.stringify({ kind: 'keyplan', schema_version: 2, plans: [{ id: 'xss1', header: { account_name: evil, industry: evil } }] });
  const panel = await openImport(page);
  await panel.getByLabel("Or paste the file's text").fill(file);
  await panel.getByRole('button', { name: 'Read pasted text' }).click();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByTestId('plan-list').getByRole('link', { name: evil })).toBeVisible();
  await page.getByTestId('plan-list').getByRole('link', { name: evil }).click();
  await expect(page.getByLabel('Industry')).toHaveValue(evil);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toBe(0);
});

test('print view, actions as CSV and dates as a calendar file', async ({ page }) => {
  await openApp(page);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await expect(page.locator('#step-heading')).toBeVisible();
  const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Actions as CSV' }).click()]);
  expect(csv.suggestedFilename()).toMatch(/-actions\.csv$/);
  const csvText = fs.readFileSync(await csv.path(), 'utf8');
  expect(csvText.split('\r\n')[0]).toBe('\uFEFFAccount,Action,Objective,Owner,Start,Due,Status,Goal,Result,Next step');
  expect(csvText).toContain('Line trial at the new plant');
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Dates to calendar (.ics)' }).click()]);
  const icsText = fs.readFileSync(await ics.path(), 'utf8');
  expect(icsText).toContain('BEGIN:VCALENDAR');
  expect(icsText.match(/BEGIN:VEVENT/g).length).toBe(5); // four open actions and the next review

  await page.getByRole('link', { name: 'Print or save as PDF' }).click();
  const view = page.locator('.print-view');
  await expect(view.locator('h1')).toHaveText('Northwind Foods (example)');
  await expect(view).toContainText('Win the new plant');
  await expect(view).toContainText('Ben Wu');
  await expect(view).toContainText('Competitor A offers 5% lower prices');
  // Every step in order, each read in the step's own order and labels.
  await expect(view.locator('.print-step > h2')).toHaveCount(7);
  await expect(view.locator('.print-step > h2').nth(4)).toHaveText('Step 5 — Get into action');
  const agree = view.locator('.print-row', { hasText: 'Agree winter safety stock' });
  await expect(agree).toContainText('For objective');
  await expect(agree).toContainText('Restore delivery reliability'); // the objective by name, not its row id
  await expect(view.locator('.print-row', { has: page.locator('h4', { hasText: 'Ben Wu' }) }).locator('.print-pair', { hasText: 'Reports to' })).toContainText('Laura Gomez');
  await expect(view.locator('#timeline')).toBeVisible();
  await expect(view.locator('.review-log li')).toHaveCount(2);
  const objectiveHeads = await view.locator('.print-step table', { hasText: 'Grow sales' }).first().locator('th').allInnerTexts();
  expect(objectiveHeads.map((h) => h.toLowerCase())).toEqual(['objective', 'measure', "last year's result", "this year's target", 'by']);
  await expect(view.getByTestId('relationship-map').locator('g.node')).toHaveCount(12);
  await expect(page).toHaveTitle('Northwind Foods (example) — key account plan');
});

test('a file dropped on the import panel is read like a chosen one', async ({ page }) => {
  const panel = await openImport(page);
  const text = JSON.stringify({ kind: 'keyplan', schema_version: 2, plans: [{ id: 'drop1', header: { account_name: 'Dropped Co' } }] });
  const dt = await page.evaluateHandle((t) => {
    const d = new DataTransfer();
    d.items.add(new File([t], 'dropped.keyplan.json', { type: 'application/json' }));
    return d;
  }, text);
  await panel.dispatchEvent('dragover', { dataTransfer: dt });
  await panel.dispatchEvent('drop', { dataTransfer: dt });
  await expect(panel.getByText('Dropped Co')).toBeVisible();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 created');
});
