import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('http://127.0.0.1:8208/tools/keyplan/');
await page.getByRole('button', { name: 'Try an example' }).first().click();
await page.waitForSelector('#step-heading');
await page.goto(page.url().replace(/\/\d$/, '/print'));
await page.waitForSelector('.print-view');
console.log(await page.evaluate(() => {
  const doc = document.documentElement;
  const out = [doc.scrollWidth, doc.clientWidth];
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.width > doc.clientWidth + 1) out.push(`${e.tagName}.${e.className} w=${Math.round(r.width)}`);
  }
  return out.slice(0, 20).join('\n');
}));
await browser.close();
