// Issue 16: a first visit shows something useful before the WebAssembly runs. The static page
// (index.html, src/pwa/shell.js) names KeyPlan and says what is coming, in the rep's language,
// with their plans from the index key; the app replaces it whole when it mounts.
import { test, expect } from '@playwright/test';
import { openApp, generateInPage, openStep } from './helpers.mjs';
import { addExample } from './screens-list.mjs';

/** Holds the wasm download until `release()` is called: the moment before the app runs. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(/\.wasm$/, async (route) => { await held; await route.continue(); });
  return () => release();
}

test.use({ serviceWorkers: 'block' });

test('before the wasm runs the page shows KeyPlan and what is coming; the app then replaces it', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./');
  const shell = page.locator('#shell');
  await expect(shell.locator('.topbar')).toContainText('KeyPlan');
  await expect(shell.getByRole('heading', { level: 1 })).toHaveText('Your key accounts');
  await expect(shell).toContainText('seven short steps');
  await expect(shell.getByRole('status')).toHaveText('Opening KeyPlan…');
  await expect(page.locator('main#main')).toHaveCount(0);
  release();
  await expect(page.getByTestId('empty-state')).toBeVisible();
  await expect(shell).toHaveCount(0);
  // One header and one top-level heading: nothing of the static page is left behind.
  await expect(page.locator('header.topbar')).toHaveCount(1);
  await expect(page.locator('h1')).toHaveCount(1);
});

test.describe('a Chinese browser with plans', () => {
  test.use({ locale: 'zh-CN' });
  test('sees its plans listed, in Chinese, before the wasm runs', async ({ page }) => {
    await openApp(page);
    await generateInPage(page, 14);
    await page.reload();
    await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(14);
    // The app wrote the index key the static page reads.
    await expect.poll(() => page.evaluate(() => JSON.parse(localStorage.getItem('keyplan:index') || '{}').plans?.length)).toBe(14);

    const release = await holdWasm(page);
    await page.reload();
    const shell = page.locator('#shell');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await expect(shell.getByRole('heading', { level: 1 })).toHaveText('我的大客户');
    await expect(shell.getByRole('heading', { level: 2 })).toHaveText('你的 14 份计划');
    await expect(shell.locator('#shell-plans li')).toHaveCount(13);
    await expect(shell.locator('#shell-plans li').first()).toHaveText(/^Account \d\d$/);
    await expect(shell.locator('#shell-plans li').last()).toHaveText('……还有 2 份');
    await expect(shell.getByRole('status')).toHaveText('正在打开 KeyPlan…');
    release();
    await expect(page.getByTestId('plan-list').locator('tbody tr')).toHaveCount(14);
    await expect(shell).toHaveCount(0);
  });
});

// Issue 16, layout found trying KeyPlan as a rep.

/** Short words and numbers (no space inside, at most 24 characters) drawn over two lines. */
function brokenWords(page) {
  return page.evaluate(() => {
    const out = [];
    const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      for (const m of n.textContent.matchAll(/\S+/g)) {
        if (m[0].length > 24) continue;
        const r = document.createRange();
        r.setStart(n, m.index);
        r.setEnd(n, m.index + m[0].length);
        const lines = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
        if (lines.size > 1) out.push(m[0]);
      }
    }
    return out.slice(0, 10);
  });
}

/** Pairs of boxes that overlap, as "a / b" texts. */
function overlaps(page, aSel, bSel) {
  return page.evaluate(([a, b]) => {
    const boxes = (s) => [...document.querySelectorAll(s)].map((e) => [e, e.getBoundingClientRect()]);
    const hit = (p, q) => p.left < q.right - 0.5 && q.left < p.right - 0.5 && p.top < q.bottom - 0.5 && q.top < p.bottom - 0.5;
    const out = [];
    for (const [ea, ra] of boxes(a)) for (const [eb, rb] of boxes(b)) if (ea !== eb && hit(ra, rb)) out.push(`${ea.textContent.trim()} / ${eb.getAttribute('class')}`);
    return out.slice(0, 10);
  }, [aSel, bSel]);
}

test('on a phone the step starts near the top, and the plan files and export follow it', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const id = await addExample(page);
  await openStep(page, id, 2);
  const header = await page.locator('header.topbar').boundingBox();
  expect(header.height).toBeLessThanOrEqual(104);
  expect((await page.locator('#step-heading').boundingBox()).y).toBeLessThan(300);
  const pager = await page.locator('.step-pager').boundingBox();
  const tools = await page.locator('.plan-tools').boundingBox();
  expect(tools.y).toBeGreaterThan(pager.y);
  await expect(page.locator('.plan-tools').getByRole('button', { name: 'Download this plan' })).toBeVisible();
  // Row titles are not cut short.
  await openStep(page, id, 3);
  const caption = page.locator('#contacts .row-card .caption').first();
  expect(await caption.evaluate((e) => e.scrollWidth <= e.clientWidth + 1)).toBe(true);
  // On a wide screen the tools are beside the steps again.
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(page.locator('.step-nav-wrap .plan-tools')).toBeVisible();
  await expect(page.locator('.plan-tools')).toHaveCount(1);
});

test('at 1280 wide no short word or number breaks inside, and chart names never cover their bars', async ({ page }) => {
  const id = await addExample(page);
  await openStep(page, id, 4);
  await expect(page.locator('.ff .bar')).not.toHaveCount(0);
  expect(await brokenWords(page), 'step 4').toEqual([]);
  expect(await overlaps(page, '.ff-label', '.ff .bar')).toEqual([]);
  // Names are whole, not cut to fit.
  await expect(page.locator('.ff-label', { hasText: "Last winter's late deliveries" })).toBeVisible();

  await openStep(page, id, 5);
  await expect(page.getByTestId('timeline').locator('.tl-bar')).not.toHaveCount(0);
  expect(await brokenWords(page), 'step 5').toEqual([]);
  expect(await overlaps(page, '.tl-name', '.tl-bar')).toEqual([]);
  expect(await overlaps(page, '.tl-month', '.tl-month')).toEqual([]);

  await page.goto('./#/');
  await expect(page.getByTestId('rollup').locator('tr.total')).toBeVisible();
  expect(await brokenWords(page), 'portfolio').toEqual([]);
});

test('the screening matrix names its points beside it and keeps the quadrant names clear', async ({ page }) => {
  await openApp(page);
  await generateInPage(page, 30);
  await page.reload();
  const matrix = page.getByTestId('matrix');
  await expect(matrix.locator('[role=link]')).toHaveCount(30);
  // Every point carries a number, and the key beside the chart names each number.
  const key = page.locator('.matrix-key li');
  await expect(key).toHaveCount(30);
  const point = matrix.locator('[role=link][aria-label*=". Account 07:"]');
  const n = await point.locator('.pt-no').textContent();
  await expect(key.nth(Number(n) - 1)).toContainText('Account 07');
  await expect(page.locator('.matrix-key')).toBeVisible();
  // No point covers a quadrant's name.
  expect(await overlaps(page, '[data-testid=matrix] .ql, [data-testid=matrix] .qs', '[data-testid=matrix] circle.pt')).toEqual([]);
});

// Issue 16, largest contentful paint: the static page is painted before the app starts (the start
// script waits for its frame), and the app then draws nothing larger, so a phone's largest
// contentful paint is the static page's text, not the app's mount after the whole wasm.
for (const [locale, lang] of [['en-US', 'English'], ['zh-CN', 'Chinese']]) {
  test.describe(`a first visit on a phone in ${lang}`, () => {
    test.use({ locale, viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true });
    test('paints the static page first, and it stays the largest contentful paint', async ({ page }) => {
      await page.addInitScript(() => {
        window.__lcp = [];
        new PerformanceObserver((list) => {
          // `id` is the painted element's id when it was painted (the element itself may be gone).
          for (const e of list.getEntries()) window.__lcp.push({ id: e.id, size: e.size, time: Math.round(e.startTime) });
        }).observe({ type: 'largest-contentful-paint', buffered: true });
      });
      await page.goto('./');
      await expect(page.getByTestId('empty-state')).toBeVisible();
      await expect(page.locator('#shell')).toHaveCount(0);
      await expect(page.locator('main h2')).toHaveText(locale === 'zh-CN' ? '为最重要的客户做好计划' : 'Plan the accounts that matter most');
      // Three more frames after the app's: a candidate of the app's would have been reported.
      await page.evaluate(() => new Promise((r) => {
        const frames = (n) => (n ? requestAnimationFrame(() => frames(n - 1)) : r());
        frames(3);
      }));
      await expect.poll(() => page.evaluate(() => window.__lcp.length), { message: 'a largest contentful paint was reported' }).toBeGreaterThan(0);
      const lcp = await page.evaluate(() => window.__lcp);
      // The static page's text was painted (before the app removed it), and nothing the app drew
      // afterwards was larger: the last candidate is still the static page's introduction.
      expect(lcp.at(-1).id, JSON.stringify(lcp)).toBe('shell-intro');
    });
  });
}
