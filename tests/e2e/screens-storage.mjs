// Screenshots of the storage page and the portfolio's storage warning (issue 13), at desktop and
// tablet sizes, for a person to look at.
// Usage: node tests/e2e/screens-storage.mjs http://127.0.0.1:8203/tools/keyplan/ out-dir
import { chromium } from 'playwright-core';
import fs from 'node:fs';

const base = process.argv[2];
const out = process.argv[3] || 'target/screens';
fs.mkdirSync(out, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
for (const [w, h] of [[1280, 800], [1024, 768]]) {
  const page = await browser.newPage({ viewport: { width: w, height: h } });
  page.on('pageerror', (e) => console.error(String(e)));
  await page.goto(base);
  await page.waitForSelector('main');
  // Two example plans, one with three reviews.
  for (let i = 0; i < 2; i++) {
    await page.goto(base);
    await page.getByRole('button', { name: 'Try an example' }).first().click();
    await page.waitForSelector('#step-heading');
  }
  const id = page.url().match(/#\/plan\/([^/]+)\//)[1];
  await page.goto(`${base}#/plan/${id}/7`);
  for (const d of ['2026-03-31', '2026-06-30', '2026-09-30']) {
    await page.fill('#review-date', d);
    await page.fill('#review-attendees', 'Account team');
    const n = await page.locator('.review-log li').count();
    await page.getByRole('button', { name: 'Save review and snapshot' }).click();
    await page.waitForFunction((k) => document.querySelectorAll('.review-log li').length > k, n);
  }
  await page.goto(`${base}#/storage`);
  await page.waitForSelector('[data-testid=storage-room]');
  await page.screenshot({ path: `${out}/storage-${w}.png`, fullPage: true });
  await page.evaluate(() => localStorage.setItem('filler:0', 'x'.repeat(4_300_000)));
  await page.goto(base);
  await page.reload();
  await page.waitForSelector('[data-testid=storage-warning]');
  await page.screenshot({ path: `${out}/portfolio-warning-${w}.png` });
  await page.goto(`${base}#/storage`);
  await page.waitForSelector('[data-testid=storage-room]');
  await page.screenshot({ path: `${out}/storage-full-${w}.png` });
  // A review that does not fit.
  await page.evaluate(() => { for (let s = 1 << 20; s >= 1; s >>= 1) { for (let i = 0; ; i++) { try { localStorage.setItem(`filler:${s}:${i}`, 'x'.repeat(s)); } catch { break; } } } });
  await page.goto(`${base}#/plan/${id}/7`);
  await page.fill('#review-date', '2026-12-15');
  // Notes that do not compress, so the plan surely grows past the space left.
  await page.fill('#review-changes', Array.from({ length: 300 }, (_, i) => (i * 7919 % 10007).toString(36)).join(' '));
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
  await page.waitForSelector('[data-testid=review-error]');
  await page.locator('[data-testid=review-error]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${out}/review-full-${w}.png` });
  await page.close();
}
await browser.close();
