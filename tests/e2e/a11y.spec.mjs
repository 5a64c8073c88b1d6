// Issue 8: accessible to all, on every screen and size. axe-core finds no violations; nothing
// scrolls sideways at the four sizes a rep uses; every control is at least 44x44 on a tablet
// and a phone, in both languages.
import { test, expect } from '@playwright/test';
import { addExample, screens, axe } from './screens-list.mjs';

/** Null when nothing scrolls sideways; else the deepest elements past the right edge, to fix. */
function sideways(page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const over = (e) => e.getBoundingClientRect().right > doc.clientWidth + 1;
    return [...document.querySelectorAll('body *')]
      .filter((e) => over(e) && ![...e.children].some(over))
      .slice(0, 5).map((e) => `${e.tagName.toLowerCase()}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  });
}

// 390x844 is walked by the phone test above, in both languages.
const SIZES = [[1280, 800], [1024, 768], [768, 1024]];

/** Controls under 44x44 (a checkbox counts by its label); empty when every one is big enough. */
function smallTargets(page) {
  return page.evaluate(() => {
    const controls = document.querySelectorAll('button, input:not([type=hidden]), select, textarea, summary, a[href], [role=button], [role=link], [tabindex="0"]');
    // A checkbox's tap target is the label that wraps it.
    const target = (e) => (e.matches('input[type=checkbox], input[type=radio]') && e.closest('label')) || e;
    return [...controls].filter((e) => {
      const r = target(e).getBoundingClientRect();
      if (r.width === 0 && r.height === 0) return false; // not shown
      const style = getComputedStyle(e);
      if (style.visibility === 'hidden') return false;
      return r.width < 44 - 0.5 || r.height < 44 - 0.5;
    }).slice(0, 8).map((e) => {
      const r = target(e).getBoundingClientRect();
      return `${e.tagName.toLowerCase()}${e.className ? '.' + String(e.className.baseVal ?? e.className).split(' ').join('.') : ''} "${(e.textContent || e.getAttribute('aria-label') || '').trim().slice(0, 30)}" ${Math.round(r.width)}x${Math.round(r.height)}`;
    });
  });
}

for (const [lang, locale] of [['en', 'en-US'], ['zh', 'zh-CN']]) {
  test.describe(`in ${lang}`, () => {
    // A browser in that language starts KeyPlan in it.
    test.use({ locale });
    test(`axe-core finds no violations on any screen (${lang})`, async ({ page }) => {
      test.setTimeout(180_000);
      const id = await addExample(page, lang);
      for (const [name, open] of screens(id, lang)) {
        await open(page);
        expect.soft(await axe(page), `${name} (${lang})`).toEqual([]);
      }
    });
    // A phone: nothing scrolls sideways, axe finds nothing (step 5's wide timeline once
    // scrolled without a way to reach it by keyboard), every control and map point is 44x44.
    test(`on a phone: no sideways scroll, no axe violations, 44x44 targets (${lang})`, async ({ page }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width: 390, height: 844 });
      const id = await addExample(page, lang);
      for (const [name, open] of screens(id, lang)) {
        await open(page);
        expect.soft(await sideways(page), `sideways: ${name} (${lang})`).toBeNull();
        expect.soft(await axe(page), `axe: ${name} (${lang})`).toEqual([]);
        expect.soft(await smallTargets(page), `targets: ${name} (${lang})`).toEqual([]);
      }
    });
    test(`every control is at least 44x44 at tablet size (${lang})`, async ({ page }) => {
      test.setTimeout(180_000);
      await page.setViewportSize({ width: 1024, height: 768 });
      const id = await addExample(page, lang);
      for (const [name, open] of screens(id, lang)) {
        await open(page);
        expect.soft(await smallTargets(page), `${name} (${lang})`).toEqual([]);
      }
    });
  });
}

for (const [w, h] of SIZES) {
  test(`nothing scrolls sideways at ${w}x${h}`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width: w, height: h });
    const id = await addExample(page);
    for (const [name, open] of screens(id)) {
      await open(page);
      const wide = await sideways(page);
      expect.soft(wide, `${name} at ${w}x${h}`).toBeNull();
    }
  });
}
