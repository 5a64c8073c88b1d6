// Screenshots of a held conflict (banner at the top, panel at the field) at two sizes.
import { chromium } from 'playwright-core';
const base = process.argv[2];
const out = process.argv[3] || '/tmp/nl';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'] });
for (const [w, h] of [[1280, 800], [1024, 768]]) {
  const ctx = await browser.newContext({ viewport: { width: w, height: h } });
  const a = await ctx.newPage();
  await a.goto(base);
  await a.getByRole('button', { name: 'New account plan' }).first().click();
  await a.getByLabel('Account name').fill('St Mary Hospital Group');
  await a.getByRole('button', { name: 'Create plan' }).click();
  await a.locator('#step-heading').waitFor();
  const id = a.url().match(/#\/plan\/([^/]+)\//)[1];
  await a.goto(`${base}#/plan/${id}/2`);
  const b = await ctx.newPage();
  await b.addInitScript(() => {
    const add = window.addEventListener;
    window.__holdStorage = false;
    window.addEventListener = function (type, fn, opts) {
      if (type === 'storage') {
        return add.call(this, type, (e) => { if (!window.__holdStorage) fn.call(this, e); }, opts);
      }
      return add.call(this, type, fn, opts);
    };
  });
  await b.goto(`${base}#/plan/${id}/2`);
  await b.getByLabel('Main business').waitFor();
  await b.evaluate(() => { window.__holdStorage = true; });
  await a.getByLabel('Main business').fill('Eleven public hospitals in the north; theatre kits bought centrally by the group procurement office.');
  await a.getByLabel('Size').focus();
  await a.getByTestId('save-status').filter({ hasText: /Saved/ }).waitFor();
  await b.getByLabel('Main business').fill('Hospital group: surgery, imaging and labs for 2.1 million people.');
  await b.getByLabel('Size').focus();
  await b.evaluate(() => { window.__holdStorage = false; });
  await b.getByTestId('conflict-banner').waitFor();
  await b.evaluate(() => window.scrollTo(0, 0));
  await b.screenshot({ path: `${out}/conflict-top-${w}.png` });
  await b.getByTestId('field-conflict').scrollIntoViewIfNeeded();
  await b.screenshot({ path: `${out}/conflict-field-${w}.png` });
  await ctx.close();
}
await browser.close();
