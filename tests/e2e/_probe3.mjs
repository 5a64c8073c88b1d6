import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
await page.goto('http://127.0.0.1:8208/tools/keyplan/');
await page.getByRole('button', { name: 'Try an example' }).first().click();
await page.waitForSelector('#step-heading');
await page.goto(page.url().replace(/\/\d$/, '/print'));
await page.waitForSelector('.print-view');
console.log(await page.evaluate(() => {
  const out = [];
  for (const e of document.querySelectorAll('svg, table')) {
    const r = e.getBoundingClientRect();
    if (r.right > 391) {
      let chain = []; let x = e;
      while (x && x !== document.body) { const cs = getComputedStyle(x); chain.push(`${x.tagName}.${typeof x.className === 'string' ? x.className : x.className.baseVal}#${x.id}[${Math.round(x.getBoundingClientRect().width)} ${cs.display} ${cs.overflowX}]`); x = x.parentElement; }
      out.push(chain.join(' < '));
    }
  }
  return out.join('\n');
}));
await browser.close();
