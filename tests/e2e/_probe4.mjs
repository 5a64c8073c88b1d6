import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
for (const lang of ['en']) {
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('http://127.0.0.1:8208/tools/keyplan/');
await page.getByRole('button', { name: 'Try an example' }).first().click();
await page.waitForSelector('#step-heading');
await page.goto(page.url().replace(/\/\d$/, '/print'));
await page.waitForSelector('.print-view');
console.log(await page.evaluate(() => {
  const out = [document.documentElement.scrollWidth];
  const clipped = (e) => { let x = e.parentElement; while (x && x !== document.body) { const o = getComputedStyle(x).overflowX; if (o === 'auto' || o === 'hidden' || o === 'scroll') return true; x = x.parentElement; } return false; };
  for (const e of document.querySelectorAll('body *')) {
    const r = e.getBoundingClientRect();
    if (r.right > 391 && !clipped(e)) out.push(`${e.tagName}.${typeof e.className === 'string' ? e.className : ''} right=${Math.round(r.right)} ${e.textContent.slice(0,40)}`);
  }
  return out.slice(0, 15).join('\n');
}));
}
await browser.close();
