// Screenshots of the main screens in 简体中文 at 1280x800, for a person to look at.
// Usage: node tests/e2e/screens-zh.mjs http://127.0.0.1:8097/tools/keyplan/ out-dir
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const base = process.argv[2];
const out = process.argv[3] || 'target/screens-zh';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 } });
const page = await context.newPage();
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(String(e)));
await page.goto(base);
await page.waitForSelector('main');
await page.screenshot({ path: `${out}/portfolio-empty.png` });
await page.getByRole('button', { name: '看看示例' }).first().click();
await page.waitForSelector('#step-heading');
const full = process.env.FULL !== '0';
for (let s = 1; s <= 7; s++) {
  await page.goto(page.url().replace(/\/\d$/, `/${s}`));
  await page.waitForSelector(`.step-nav a[aria-current="step"][href$="/${s}"]`, { state: 'attached' });
  await page.screenshot({ path: `${out}/step${s}.png`, fullPage: full });
}
await page.goto(page.url().replace(/\/\d$/, '/check'));
await page.waitForSelector('#step-heading');
await page.screenshot({ path: `${out}/check.png`, fullPage: full });
await page.goto(page.url().replace(/\/check$/, '/print'));
await page.waitForSelector('#step-heading');
await page.screenshot({ path: `${out}/print.png`, fullPage: full });
await page.goto(base);
await page.waitForSelector('table.plans');
await page.screenshot({ path: `${out}/portfolio.png`, fullPage: full });
await page.goto(base + '#/storage');
await page.waitForSelector('h1');
await page.screenshot({ path: `${out}/storage.png` });
if (errors.length) console.log('errors:', errors);
await browser.close();
