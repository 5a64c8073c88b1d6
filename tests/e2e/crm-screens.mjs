// Screenshots of the CSV import dialog (choose, mapping and preview, result) and the portfolio
// with its CSV button, at 1280x800 and 1024x768, for a person to look at.
// Usage: node tests/e2e/crm-screens.mjs http://127.0.0.1:8205/tools/keyplan/ out-dir
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { generateInPage } from './helpers.mjs';

const base = process.argv[2];
const out = process.argv[3] || 'target/crm-screens';
fs.mkdirSync(out, { recursive: true });
const fixture = (n) => fs.readFileSync(new URL(`../fixtures/crm/${n}`, import.meta.url));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
for (const [w, h] of [[1280, 800], [1024, 768]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('main');
  await generateInPage(page, 6);
  await page.evaluate(() => {
    const e = JSON.parse(localStorage.getItem('keyplan:plan:gen001'));
    e.plan.header.account_name = 'Müller Maschinenbau GmbH';
    localStorage.setItem('keyplan:plan:gen001', JSON.stringify(e));
  });
  await page.reload();
  await page.getByTestId('crm-import-open').first().click();
  await page.screenshot({ path: `${out}/crm-choose-${w}.png` });
  await page.getByLabel('CSV file').setInputFiles({ name: 'Kunden.csv', mimeType: 'text/csv', buffer: fixture('german-excel.csv') });
  await page.getByTestId('crm-summary').waitFor();
  await page.getByTestId('crm-import').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/crm-map-${w}.png` });
  await page.screenshot({ path: `${out}/crm-map-full-${w}.png`, fullPage: true });
  await page.getByLabel('CSV file').count();
  await page.getByRole('button', { name: 'Choose another file' }).click();
  await page.getByLabel('CSV file').setInputFiles({ name: 'salesforce-report.csv', mimeType: 'text/csv', buffer: fixture('salesforce-report.csv') });
  await page.getByTestId('crm-summary').waitFor();
  await page.screenshot({ path: `${out}/crm-salesforce-full-${w}.png`, fullPage: true });
  await page.getByTestId('crm-confirm').click();
  await page.getByTestId('crm-result').waitFor();
  await page.screenshot({ path: `${out}/crm-done-${w}.png` });
  await page.getByRole('button', { name: 'Close' }).click();
  await page.getByTestId('portfolio-csv').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/portfolio-csv-${w}.png` });
  await page.getByLabel('Language (语言)').selectOption('zh');
  await page.getByTestId('crm-import-open').first().click();
  await page.getByLabel('CSV 文件').setInputFiles({ name: 'chinese-excel-gbk.csv', mimeType: 'text/csv', buffer: fixture('chinese-excel-gbk.csv') });
  await page.getByTestId('crm-summary').waitFor();
  await page.screenshot({ path: `${out}/crm-zh-full-${w}.png`, fullPage: true });
  if (errors.length) console.log(w, errors);
  await page.close();
}
await browser.close();
