// Every screen of the app, for the accessibility and screen-size tests: a name and how to get
// there from a page showing the portfolio of a workspace holding the example plan.
import { expect } from '@playwright/test';

// Button names in each language, as the catalogues (src/i18n) give them.
export const NAMES = {
  en: { example: 'Try an example', import: 'Import a plan' },
  zh: { example: '看看示例', import: '导入计划' },
};

/** Adds the example plan and returns its id. */
export async function addExample(page, lang = 'en') {
  await page.goto('./#/');
  await expect(page.locator('main')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-Hans' : 'en');
  await page.getByRole('button', { name: NAMES[lang].example }).first().click();
  await expect(page.locator('#step-heading')).toBeVisible();
  return page.url().match(/#\/plan\/([^/]+)\//)[1];
}

export function screens(id, lang = 'en') {
  // A screen counts as open when what marks that screen (not the one before: moving within
  // the app keeps some elements) is shown; every check then looks at the right screen.
  const go = (hash, mark, ...ready) => async (page) => {
    await page.goto(`./${hash}`);
    await expect(page.locator(mark).first()).toBeAttached();
    for (const r of ready) await expect(page.locator(r).first()).toBeVisible();
  };
  const portfolio = go('#/', '.topbar nav a[href="#/"][aria-current="page"]', '#page-heading', '[data-testid=plan-list], [data-testid=empty-state]');
  const list = [
    ['portfolio', portfolio],
    ['storage', go('#/storage', '.topbar nav a[href="#/storage"][aria-current="page"]', '#page-heading')],
    ['import', async (page) => {
      await portfolio(page);
      await page.getByRole('button', { name: NAMES[lang].import }).first().click();
      await expect(page.locator('.import-panel, [data-testid=import-panel]').first()).toBeVisible();
    }],
  ];
  for (let step = 1; step <= 7; step++) {
    list.push([`step${step}`, go(`#/plan/${id}/${step}`, `.step-nav a[aria-current="step"][href$="/${step}"]`, '#step-heading')]);
  }
  list.push(['health', go(`#/plan/${id}/check`, '.check-link[aria-current="page"]', '[data-testid=health-issues], main h1')]);
  list.push(['print', go(`#/plan/${id}/print`, '.print-view', 'main h1')]);
  return list;
}

/** Runs axe-core in the page (evaluated over the DevTools protocol, which the CSP allows). */
export async function axe(page) {
  const fs = await import('node:fs');
  const { createRequire } = await import('node:module');
  const src = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(src);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} :: ${n.failureSummary.replace(/\s+/g, ' ').slice(0, 200)}`) }));
  });
}
