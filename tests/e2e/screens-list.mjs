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
  const go = (hash, ready) => async (page) => {
    await page.goto(`./${hash}`);
    await expect(page.locator(ready).first()).toBeVisible();
  };
  const list = [
    ['portfolio', go('#/', '#page-heading')],
    ['storage', go('#/storage', 'main h1')],
    ['import', async (page) => {
      await go('#/', '#page-heading')(page);
      await page.getByRole('button', { name: NAMES[lang].import }).first().click();
      await expect(page.locator('.import-panel, [data-testid=import-panel]').first()).toBeVisible();
    }],
  ];
  for (let step = 1; step <= 7; step++) list.push([`step${step}`, go(`#/plan/${id}/${step}`, '#step-heading')]);
  list.push(['health', go(`#/plan/${id}/check`, 'main h1, main h2')]);
  list.push(['print', go(`#/plan/${id}/print`, 'main h1')]);
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
