import { chromium } from 'playwright-core';
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu'] });
for (const [w,h] of [[1280,800],[1024,768],[390,844]]) {
  const ctx = await b.newContext({ viewport: { width: w, height: h }, serviceWorkers: 'block' });
  const p = await ctx.newPage();
  let mode = 'block';
  await p.route(/part-[0-9a-f]+\.wasm$/, async (r) => { if (mode === 'block') return r.abort(); if (mode === 'slow') { await new Promise(res => setTimeout(res, 4000)); } return r.continue(); });
  await p.goto('http://127.0.0.1:8393/');
  await p.getByRole('button', { name: 'New account plan' }).first().click();
  await p.getByLabel('Account name').fill('Patchy Network Ltd');
  await p.getByRole('button', { name: 'Create plan' }).click();
  await p.getByRole('alert').filter({ hasText: 'could not' }).waitFor();
  await p.screenshot({ path: `/tmp/shot-failed-${w}.png` });
  mode = 'slow';
  await p.getByRole('button', { name: 'Try again' }).click();
  await p.waitForTimeout(500);
  await p.screenshot({ path: `/tmp/shot-loading-${w}.png` });
  await ctx.close();
}
await b.close();
