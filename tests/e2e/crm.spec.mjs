// Issue 17: accounts from a CRM or spreadsheet CSV (map, preview, confirm, undo; a refresh that
// changes figures and never words, shown in the review comparison; a GBK file; bad files), and
// the portfolio back out as CSV.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { openApp, generateInPage, storedPlan, newPlan, waitSaved, decodeStoredValue } from './helpers.mjs';
import { axe } from './screens-list.mjs';

const FIXTURES = new URL('../fixtures/crm/', import.meta.url);
const pad = (i) => String(i).padStart(2, '0');

/** Every plan key and its plan, with the bookkeeping of saves left out. */
const plansInStorage = async (page) => {
  const raws = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('keyplan:plan:')).sort()
    .map((k) => [k, localStorage.getItem(k)]));
  const out = {};
  for (const [k, raw] of raws) {
    const p = (await decodeStoredValue(raw)).plan; // plain JSON or the compact stored form
    delete p.revision;
    delete p.updated_at;
    out[k] = p;
  }
  return out;
};

/** Whether every value in `a` is in `b` (b may hold defaults a file written by hand leaves out). */
function within(a, b, path = '') {
  if (a === null || typeof a !== 'object') {
    expect(b, path).toEqual(a);
    return;
  }
  for (const k of Object.keys(a)) within(a[k], b?.[k], `${path}.${k}`);
}
const everything = (page) => page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.startsWith('keyplan:first-use')).sort()));

async function openCrm(page) {
  await page.getByTestId('crm-import-open').first().click();
  return page.getByTestId('crm-import');
}

async function choose(dialog, name, buffer, mimeType = 'text/csv') {
  await dialog.getByLabel('CSV file').setInputFiles({ name, mimeType, buffer });
}

/** 200 accounts: the first 50 are already in the workspace (names in another case), 150 new. */
function accountsCsv() {
  const lines = ['Account Name,Industry,Sales 2025,Share of Wallet %,Level,Next Review Date'];
  for (let i = 1; i <= 200; i++) {
    const name = i <= 50 ? `ACCOUNT  ${pad(i)}` : `New Customer ${i}`;
    const sales = i === 14 ? '12.5k' : `"${(i * 1500).toLocaleString('en-US')}.50"`;
    const industry = i === 20 ? '"=HYPERLINK(""http://evil.example"",""x"")"' : 'Chemicals';
    lines.push(`${name},${industry},${sales},${i % 90}%,National,2027-03-${pad(1 + (i % 28))}`);
  }
  return Buffer.from(lines.join('\r\n') + '\r\n');
}

test('200 accounts into a workspace with plans: preview, nothing written before confirm, create and update, words kept, one Undo', async ({ page }) => {
  await openApp(page);
  await generateInPage(page, 50);
  // Words a rep wrote in one of the plans the file will refresh.
  await page.evaluate(() => {
    const k = 'keyplan:plan:gen005';
    const e = JSON.parse(localStorage.getItem(k));
    e.plan.customer = { strategy: 'Expand in Asia' };
    e.plan.portfolio.profit.note = 'Margins squeezed by the new plant';
    localStorage.setItem(k, JSON.stringify(e));
  });
  await page.reload();
  await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(50);
  const before = await plansInStorage(page);
  const untouched = await everything(page);

  const dialog = await openCrm(page);
  await choose(dialog, 'accounts.csv', accountsCsv());
  await expect(dialog.getByTestId('crm-file-line')).toHaveText('accounts.csv: 200 rows, 6 columns, separated by commas, read as UTF-8.');
  // Guessed from the headings.
  await expect(dialog.getByLabel('Sales 2025')).toHaveValue('last_year_sales');
  await expect(dialog.getByLabel('Next Review Date')).toHaveValue('next_review');
  await expect(dialog.getByTestId('crm-summary')).toHaveText('New plans: 150 · Updated: 50 · Already up to date: 0 · Rows skipped: 0');
  const problems = dialog.getByTestId('crm-problems');
  await expect(problems).toContainText('Row 15, “Sales 2025”: “12.5k” is not a number. That value is left out.');
  await expect(problems).toContainText('Row 21, “Industry”: “=HYPERLINK("http://evil.example","x")” is a spreadsheet formula, not a value. That value is left out.');
  await expect(dialog.getByTestId('crm-updates')).toContainText('Account 05');
  await expect(dialog.getByTestId('crm-updates')).toContainText('Last year\'s sales: 5000 → 7500.5');
  // Only the first rows are drawn; the counts are whole.
  await expect(dialog.getByTestId('crm-creates').locator('li')).toHaveCount(50);
  await expect(dialog.getByTestId('crm-creates')).toContainText('… and 100 more.');
  expect(await everything(page)).toBe(untouched);

  // Unmapping the name column: nothing can be imported.
  await dialog.getByLabel('Account Name').selectOption('');
  await expect(dialog.getByTestId('crm-need-name')).toBeVisible();
  await expect(dialog.getByTestId('crm-confirm')).toBeDisabled();
  await dialog.getByLabel('Account Name').selectOption('account_name');

  await dialog.getByRole('button', { name: 'Import: 150 new, 50 updated' }).click();
  await expect(dialog.getByTestId('crm-result')).toHaveText('Imported. New plans: 150. Updated: 50.');
  await expect(page.getByText('Showing the first 50 of 200 plans.')).toBeVisible();

  const p5 = (await storedPlan(page, 'gen005')).plan;
  expect(p5.header.account_name).toBe('Account 05');
  expect(p5.header.industry).toBe('Generated');
  expect(p5.customer.strategy).toBe('Expand in Asia');
  expect(p5.portfolio.profit.note).toBe('Margins squeezed by the new plant');
  expect(p5.portfolio.last_year_sales).toBe(7500.5);
  expect(p5.portfolio.share_of_spend).toBe(5);
  expect(p5.header.level).toBe('national');
  expect(p5.header.next_review).toBe('2027-03-06');
  const refresh = p5.communication.reviews.at(-1);
  expect(refresh.refresh).toBe(true);
  // The stored plan holds the file's name; the interface words it ("Figures refreshed from …").
  expect(refresh.changes).toBe('accounts.csv');
  expect(refresh.snapshot.portfolio.last_year_sales).toBe(5000);
  // Row 14's bad sales figure was left out: the plan keeps its own.
  expect((await storedPlan(page, 'gen014')).plan.portfolio.last_year_sales).toBe(14000);
  const created = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('keyplan:plan:') && !k.startsWith('keyplan:plan:gen')));
  expect(created).toHaveLength(150);
  const createdPlans = await Promise.all(created.map(async (k) => (await decodeStoredValue(await page.evaluate((key) => localStorage.getItem(key), k))).plan));
  const p120 = createdPlans.find((p) => p.header.account_name === 'New Customer 120');
  expect([p120.header.industry, p120.portfolio.last_year_sales, p120.header.level]).toEqual(['Chemicals', 180000.5, 'national']);

  // One Undo: the workspace is as it was.
  await dialog.getByTestId('crm-undo').click();
  await expect(dialog.getByTestId('crm-result')).toHaveText('The import was undone: your plans are as they were before it.');
  const after = await plansInStorage(page);
  expect(Object.keys(after)).toEqual(Object.keys(before));
  for (const k of Object.keys(before)) within(before[k], after[k], k);
  expect(after['keyplan:plan:gen005'].communication.reviews).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(50);
  await page.reload();
  await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(50);
});

test('a refresh changes figures, leaves words, and the plan comparison shows what it changed', async ({ page }) => {
  const id = await newPlan(page, 'Acme Steel');
  await page.getByLabel('Industry').fill('Steel, as the rep wrote it');
  await waitSaved(page);
  await openApp(page);
  const dialog = await openCrm(page);
  await choose(dialog, 'q1-report.csv', Buffer.from('Account;Industry;Umsatz Vorjahr;Profit potential;Owner\r\n acme steel ;Metals;1.234.567,89;4;Jo Rep\r\n'));
  await expect(dialog.getByTestId('crm-summary')).toHaveText('New plans: 0 · Updated: 1 · Already up to date: 0 · Rows skipped: 0');
  await expect(dialog.getByTestId('crm-updates')).toContainText('Last year\'s sales: (empty) → 1,234,567.89');
  await expect(dialog.getByTestId('crm-updates')).not.toContainText('Metals');
  await dialog.getByTestId('crm-confirm').click();
  await expect(dialog.getByTestId('crm-result')).toHaveText('Imported. New plans: 0. Updated: 1.');

  await page.goto(`./#/plan/${id}/1`);
  await expect(page.getByLabel('Industry')).toHaveValue('Steel, as the rep wrote it');
  await page.goto(`./#/plan/${id}/7`);
  const today = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`; });
  await page.getByLabel('From', { exact: true }).selectOption({ label: `Before the import of ${today}` });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'The plan now' });
  const diff = page.getByTestId('review-diff');
  // In words, under step 1, with the step's own labels: exactly what the refresh changed.
  const changes = diff.locator('.diff-step li');
  await expect(changes).toHaveText([
    'Prepared by: Jo Rep (new)',
    'Profit from the customer: 4 of 5 (new)',
    "Last year's sales to them: 1,234,567.89 (new)",
  ]);
  await expect(diff).not.toContainText('Industry');
});

test('a Chinese Excel CSV in GBK is decoded and imported', async ({ page }) => {
  await openApp(page);
  const dialog = await openCrm(page);
  await choose(dialog, 'chinese-excel-gbk.csv', fs.readFileSync(new URL('chinese-excel-gbk.csv', FIXTURES)));
  await expect(dialog.getByTestId('crm-file-line')).toContainText('read as GB18030');
  await expect(dialog.getByLabel('客户名称')).toHaveValue('account_name');
  await expect(dialog.getByTestId('crm-summary')).toHaveText('New plans: 3 · Updated: 0 · Already up to date: 0 · Rows skipped: 0');
  await expect(dialog.getByTestId('crm-creates')).toContainText('上海汽车零部件有限公司');
  await expect(dialog.getByTestId('crm-creates')).toContainText('Last year\'s sales: 1,280,000');
  await dialog.getByTestId('crm-confirm').click();
  await expect(page.getByTestId('plan-list')).toContainText('广州电子科技股份有限公司');
});

const BAD = [
  ['an empty file', () => Buffer.alloc(0), 'The file is empty.'],
  ['a binary file', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), 'This file is not text'],
  ['an Excel workbook', () => Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(100, 1)]), 'This is an Excel workbook, not a CSV file.'],
  ['mismatched quotes', () => Buffer.from('Account,Sales\r\n"Acme,100\r\nBeta,200\r\n'), 'Row 2 opens a quote (") that is never closed'],
  ['100,000 rows', () => Buffer.from('Account,Sales\n' + Array.from({ length: 100000 }, (_, i) => `Account ${i},${i}`).join('\n')), 'The file has 100000 rows; KeyPlan imports at most 2000 accounts at a time.'],
  ['a 20 MB file', () => Buffer.alloc(20 * 1024 * 1024, 'a'), 'The file is 20.0 MB; KeyPlan reads CSV files up to 8 MB.'],
];

test('bad files are refused with a clear message and change nothing', async ({ page }) => {
  await openApp(page);
  await generateInPage(page, 3);
  await page.reload();
  // KeyPlan has started (and brought its list up to date) before the storage is taken as the reference.
  await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(3);
  const untouched = await everything(page);
  const dialog = await openCrm(page);
  for (const [what, make, message] of BAD) {
    // From a file on disk: a 20 MB buffer sent over the protocol is slow on a busy machine.
    const path = test.info().outputPath(`${what.replace(/\W+/g, '-')}.csv`);
    fs.writeFileSync(path, make());
    await dialog.getByLabel('CSV file').setInputFiles(path);
    await expect(dialog.getByTestId('crm-error'), what).toContainText(message);
    await expect(dialog.getByTestId('crm-error')).toContainText('Nothing has been changed.');
    expect(await everything(page), what).toBe(untouched);
  }
  // The page still works: a good file reads after all of them.
  await choose(dialog, 'ok.csv', Buffer.from('Account,Sales\r\nFine Co,10\r\n'));
  await expect(dialog.getByTestId('crm-summary')).toHaveText('New plans: 1 · Updated: 0 · Already up to date: 0 · Rows skipped: 0');
  await expect(dialog.getByTestId('crm-error')).toHaveCount(0);
});

test('the portfolio as CSV: one row per plan, opens in Excel, formulas escaped, read back', async ({ page }) => {
  await openApp(page);
  await generateInPage(page, 12);
  await page.evaluate(() => {
    const k = 'keyplan:plan:gen001';
    const e = JSON.parse(localStorage.getItem(k));
    e.plan.header.account_name = '=HYPERLINK("http://evil.example","Account 01")';
    localStorage.setItem(k, JSON.stringify(e));
  });
  await page.reload();
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-csv').click()]);
  expect(dl.suggestedFilename()).toMatch(/^KeyPlan-portfolio-\d{4}-\d\d-\d\d\.csv$/);
  const bytes = fs.readFileSync(await dl.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  const lines = text.slice(0, -2).split('\r\n');
  expect(lines[0]).toBe('Account,Level,Grade,Quadrant,Customer attractiveness (1-5),Our ability to win (1-5),Improvement potential,Completeness (%),Next review,Overdue actions');
  expect(lines).toHaveLength(13);
  expect(text).toContain('"\'=HYPERLINK(""http://evil.example"",""Account 01"")"');
  const row = lines.find((l) => l.startsWith('Account 11,'));
  const cells = row.split(',');
  expect(cells).toHaveLength(10);
  const stored = (await storedPlan(page, 'gen011')).plan;
  expect(cells[1]).toBe({ territory: 'Territory', regional: 'Regional', national: 'National', global: 'Global' }[stored.header.level]);
  for (const i of [4, 5, 6]) expect(cells[i]).toMatch(/^\d+(\.\d+)?$/);
  expect(cells[7]).toMatch(/^\d+$/);
  expect(cells[8]).toMatch(/^\d{4}-\d\d-\d\d$/);
  expect(cells[9]).toBe('0');
  // Overdue actions as the list counts them.
  const overdue = lines.find((l) => l.startsWith('Account 05,')).split(',')[9];
  expect(overdue).toBe('1');

  // In Chinese the headings follow the interface language.
  await page.getByLabel('Language (语言)').selectOption('zh');
  const [zh] = await Promise.all([page.waitForEvent('download'), page.getByTestId('portfolio-csv').click()]);
  const zhText = fs.readFileSync(await zh.path(), 'utf8');
  expect(zhText.split('\r\n')[0]).toBe('\uFEFF客户,级别,等级,象限,客户吸引力（1-5）,我方赢单能力（1-5）,改进潜力,完成度（%）,下次回顾,逾期行动');
});

test('the import dialog passes axe-core and fits a phone without sideways scrolling', async ({ page }) => {
  await openApp(page);
  await generateInPage(page, 3);
  await page.reload();
  let dialog = await openCrm(page);
  expect(await axe(page), 'choose').toEqual([]);
  await choose(dialog, 'salesforce-report.csv', fs.readFileSync(new URL('salesforce-report.csv', FIXTURES)));
  await expect(dialog.getByTestId('crm-problems')).toBeVisible();
  expect(await axe(page), 'mapping and preview').toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  const sideways = () => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);
  expect(await sideways(), 'mapping and preview on a phone').toBe(true);
  await dialog.getByTestId('crm-confirm').click();
  await expect(dialog.getByTestId('crm-result')).toBeVisible();
  await expect(page.locator('#crm-import-h')).toBeFocused();
  expect(await axe(page), 'result').toEqual([]);
  expect(await sideways(), 'result on a phone').toBe(true);
});
