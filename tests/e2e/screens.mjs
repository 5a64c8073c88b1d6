// Takes screenshots of the main screens at desktop and tablet sizes, for a person to look at.
// Usage: node tests/e2e/screens.mjs http://127.0.0.1:8099/tools/keyplan/ out-dir
// (SIZES=390x844,768x1024 for other sizes)
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import { generateInPage } from './helpers.mjs';

const base = process.argv[2];
const out = process.argv[3] || 'target/screens';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const sizes = (process.env.SIZES || '1280x800,1024x768').split(',').map((s) => s.split('x').map(Number));
for (const [w, h] of sizes) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(base);
  await page.waitForSelector('main');
  await page.screenshot({ path: `${out}/portfolio-empty-${w}.png` });
  await page.getByRole('button', { name: 'New account plan' }).first().click();
  await page.getByLabel('Account name').fill('Acme Steel');
  await page.getByRole('button', { name: 'Create plan' }).click();
  await page.waitForSelector('#step-heading');
  for (let s = 1; s <= 7; s++) {
    await page.goto(page.url().replace(/\/\d$/, `/${s}`));
    await page.waitForSelector('#step-heading');
    await page.screenshot({ path: `${out}/step${s}-${w}.png`, fullPage: process.env.FULL === '1' });
  }
  await page.goto(base);
  await page.getByRole('button', { name: 'Try an example' }).click();
  await page.waitForSelector('#step-heading');
  for (let s = 1; s <= 7; s++) {
    await page.goto(page.url().replace(/\/\d$/, `/${s}`));
    await page.waitForSelector('#step-heading');
    await page.screenshot({ path: `${out}/example-step${s}-${w}.png`, fullPage: true });
  }
  await page.goto(page.url().replace(/\/\d$/, '/check'));
  await page.waitForSelector('#step-heading');
  await page.screenshot({ path: `${out}/example-check-${w}.png`, fullPage: true });
  await page.goto(base);
  await page.waitForSelector('table.plans');
  await page.screenshot({ path: `${out}/portfolio-${w}.png` });
  if (errors.length) console.log(`errors at ${w}:`, errors);
  await page.close();
}
await browser.close();

// The portfolio with 50 generated plans.
{
  const { generatePlans } = await import('./generate.mjs');
  const browser2 = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  for (const [w, h] of [[1280, 800], [1024, 768]]) {
    const page = await browser2.newPage({ viewport: { width: w, height: h } });
    await page.goto(base);
    await generateInPage(page, 50);
    await page.reload();
    await page.waitForSelector('table.plans tbody tr');
    await page.screenshot({ path: `${out}/portfolio50-${w}.png`, fullPage: true });
    await page.close();
  }
  await browser2.close();
  void generatePlans;
}
