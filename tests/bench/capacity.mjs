// Capacity over time (issue 13): what a typical plan costs in storage after 0, 2, 4, 8 and 12
// quarterly reviews, and how many such plans fit in 5,000,000 UTF-16 units.
//
// The plan is the generator's typical plan (tests/bench/generate.mjs) with every prose field
// rewritten in varied English built from the seed documents (tests/bench/prose.txt, a word-pair
// chain), so it compresses the way a rep's texts do, not like a 100-word vocabulary. Each quarter
// some texts change, contacts and actions are added and removed, visits are added; then a review
// is recorded in the real app (step 7, "Save review and snapshot"), which takes the snapshot and
// saves the plan with the app's own encoder. The stored units are read from localStorage.
//
// Between quarters the plan is taken from the app's own "Download this plan" file (which holds
// the reviews and snapshots the app made), changed, and written back as plain JSON, the form an
// older KeyPlan stored: each review's save therefore also goes through the move to the compact form.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makePlan, rng, storedPlan } from './generate.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const QUOTA = 5_000_000;
export const CHECKPOINTS = [0, 2, 4, 8, 12];

// ---------- varied prose ----------
function chain() {
  const text = fs.readFileSync(path.join(HERE, 'prose.txt'), 'utf8')
    .split('\n').filter((l) => l && !l.startsWith('#')).join(' ');
  const words = text.split(/\s+/).filter(Boolean);
  const next = new Map();
  for (let i = 0; i + 1 < words.length; i++) {
    const k = words[i].toLowerCase();
    if (!next.has(k)) next.set(k, []);
    next.get(k).push(words[i + 1]);
  }
  const starts = words.filter((w, i) => i > 0 && /[.?!]$/.test(words[i - 1]) && /^[A-Z]/.test(w));
  return { next, starts };
}

export function proseMaker(seed) {
  const r = rng(seed);
  const { next, starts } = chain();
  const pick = (list) => list[Math.floor(r() * list.length)];
  /** About `n` characters of sentences. */
  return (n) => {
    const out = [];
    let len = 0;
    while (len < n) {
      let w = pick(starts);
      const sentence = [w];
      for (let i = 0; i < 40; i++) {
        const opts = next.get(w.toLowerCase());
        if (!opts) break;
        w = pick(opts);
        sentence.push(w);
        if (/[.?!]$/.test(w) && sentence.length > 5) break;
      }
      let s = sentence.join(' ');
      if (!/[.?!]$/.test(s)) s += '.';
      out.push(s);
      len += s.length + 1;
    }
    // Cut to about n characters at a word, as a field's text has the length a rep gives it.
    let text = out.join(' ');
    if (text.length > n) {
      const cut = text.lastIndexOf(' ', n);
      text = `${text.slice(0, cut > 0 ? cut : n).replace(/[,;:]$/, '')}.`;
    }
    return text;
  };
}

// Fields whose strings are prose a rep writes (the rest are names, codes, dates and choices).
const PROSE = new Set(['strategy', 'culture', 'industry_situation', 'pain_points', 'regulatory_pressures', 'financial_trend', 'kpis',
  'needs_application', 'needs_relationship', 'needs_personal', 'technology', 'main_business', 'note', 'background', 'interests',
  'decision_process', 'stated_criteria', 'unstated_criteria', 'who_wants_us_to_win', 'senior_meetings', 'opportunities', 'threats',
  'strengths', 'weaknesses', 'unique_value', 'value_measure', 'position', 'text', 'reason', 'what', 'goal', 'result', 'next_step',
  'discussed', 'next_action', 'activity', 'problem', 'issue_competition', 'issue_service', 'issue_growth', 'issue_internal',
  'lose_order_not_customer', 'private_notes', 'title', 'measure']);

/** Every prose field of `obj`, as [object, key] pairs. */
function proseFields(obj, out = []) {
  if (Array.isArray(obj)) obj.forEach((x) => proseFields(x, out));
  else if (obj && typeof obj === 'object') {
    for (const [k, v] of Object.entries(obj)) {
      if (k === 'reviews' || k === 'penetration') continue;
      if (typeof v === 'string' && v && PROSE.has(k)) out.push([obj, k]);
      else if (v && typeof v === 'object') proseFields(v, out);
    }
  }
  return out;
}

/** The typical plan, without reviews, its texts rewritten in varied prose of the same length. */
export function typicalProsePlan(prose) {
  const plan = makePlan(1, { size: 'typical' });
  plan.id = 'capacity-typical';
  plan.communication.reviews = [];
  for (const [o, k] of proseFields(plan)) o[k] = prose(Math.max(20, Math.round(o[k].length)));
  return plan;
}

const iso = (d) => d.toISOString().slice(0, 10);

/** One quarter of a rep's work: some texts rewritten, contacts and actions added and removed. */
export function quarter(plan, q, prose, r) {
  const fields = proseFields(plan);
  for (const [o, k] of fields) if (r() < 0.15) o[k] = prose(Math.max(20, Math.round(o[k].length * (0.8 + r() * 0.5))));
  const nextId = (rows) => rows.reduce((m, x) => Math.max(m, x.id), 0) + 1;
  const contacts = plan.relationships.contacts;
  for (let i = 0; i < 2; i++) if (contacts.length > 3) contacts.splice(1 + Math.floor(r() * (contacts.length - 1)), 1);
  for (let i = 0; i < 3; i++) {
    const id = nextId(contacts);
    contacts.push({ ...contacts[0], id, name: `New contact ${q}.${i}`, reports_to: contacts[0].id, background: prose(90), interests: prose(30) });
  }
  const actions = plan.action.actions;
  for (let i = 0; i < 4; i++) if (actions.length > 5) actions.splice(Math.floor(r() * actions.length), 1);
  for (const a of actions) if (a.status === 'in_progress' && r() < 0.3) { a.status = 'done'; a.result = prose(60); a.next_step = ''; }
  const due = new Date(Date.UTC(2024, 0, 1) + q * 91 * 86400000);
  for (let i = 0; i < 6; i++) {
    actions.push({ ...actions[0], id: nextId(actions), what: prose(40), status: 'planned', start: iso(due), due: iso(new Date(due.getTime() + 30 * 86400000)),
      goal: prose(50), result: '', next_step: prose(40) });
  }
  const visits = plan.action.visits;
  visits.push({ id: nextId(visits), date: iso(due), contact: contacts[0].id, discussed: prose(90), result: prose(60), next_action: prose(40) });
  // Forces may point at an action that was removed: point them at one that exists.
  const ids = new Set(actions.map((a) => a.id));
  for (const f of plan.blueprint.forces) if (f.action != null && !ids.has(f.action)) f.action = actions[0].id;
}

/**
 * Runs the quarters in the real app. `newPage()` gives a fresh page with the bench's init script
 * (which keeps the blob of every download), `base` the app's URL.
 */
export async function measureGrowth({ newPage, base, log = () => {} }) {
  const prose = proseMaker(20261);
  const r = rng(4242);
  const plan = typicalProsePlan(prose);
  const key = `keyplan:plan:${plan.id}`;
  const { ctx, page } = await newPage();
  const stored = () => page.evaluate((k) => {
    const v = localStorage.getItem(k) || '';
    const index = localStorage.getItem('keyplan:index') || '';
    return { units: k.length + v.length, compact: v.startsWith('@'), head: v.slice(0, 60), index: 'keyplan:index'.length + index.length };
  }, key);
  const waitSaved = (before) => page.waitForFunction(([k, b]) => {
    const v = localStorage.getItem(k);
    return v && v !== b && v.startsWith('@');
  }, [key, before], { timeout: 120_000 });
  const out = { points: [], plainJson: [] };
  try {
    await page.goto(base);
    let current = plan;
    for (let q = 0; q <= 12; q++) {
      if (q > 0) {
        // The plan as the app holds it, from its own "Download this plan" file.
        await page.goto(`${base}#/plan/${plan.id}/7`);
        await page.waitForSelector('#review-date', { timeout: 120_000 });
        await page.evaluate(() => { window.__bench.exported = null; });
        await page.getByRole('button', { name: 'Download this plan' }).click();
        await page.waitForFunction(() => window.__bench.exported, null, { timeout: 60_000 });
        const file = JSON.parse(await page.evaluate(() => window.__bench.exported.blob.text()));
        current = file.plans[0];
        if (current.communication.reviews.length !== q - 1) throw new Error(`expected ${q - 1} reviews, the file has ${current.communication.reviews.length}`);
        quarter(current, q, prose, r);
      }
      // Written as an older KeyPlan stored it; the app moves it to its compact form on save.
      const json = storedPlan(current);
      out.plainJson.push(key.length + json.length);
      await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, json]);
      const before = json;
      if (q === 0) {
        await page.goto(`${base}#/plan/${plan.id}/1`);
        await page.reload();
        await page.waitForSelector('#header-account_name', { timeout: 120_000 });
        await page.click('#header-account_name');
        await page.keyboard.press('End');
        await page.keyboard.press('Space');
      } else {
        await page.goto(`${base}#/plan/${plan.id}/7`);
        await page.reload();
        await page.waitForSelector('#review-date', { timeout: 120_000 });
        const day = iso(new Date(Date.UTC(2024, 0, 1) + (q - 1) * 91 * 86400000 + 80 * 86400000));
        await page.fill('#review-date', day);
        await page.fill('#review-attendees', `Account team, quarter ${q}`);
        await page.fill('#review-changes', prose(120));
        await page.getByRole('button', { name: 'Save review and snapshot' }).click();
      }
      await waitSaved(before);
      const s = await stored();
      if (CHECKPOINTS.includes(q)) {
        out.points.push({ reviews: q, units: s.units, index: s.index, plain: key.length + json.length });
        log(`capacity: ${q} reviews: ${s.units} units stored (plain JSON before the save: ${key.length + json.length}); ${s.head.split('\n')[0]}`);
      }
    }
  } finally {
    await ctx.close();
  }
  const at = (n) => out.points.find((p) => p.reviews === n);
  // Each plan costs its key and its entry in the index (here the index of a one-plan workspace).
  out.fit = (n) => Math.floor(QUOTA / (at(n).units + at(n).index));
  out.fit2 = out.fit(2);
  out.fit12 = out.fit(12);
  delete out.fit;
  return out;
}

/** The report rows (appended to BENCHMARKS.md by bench.mjs). */
export function growthReport(g) {
  const kb = (u) => `${((u * 2) / 1024).toFixed(1)} KB`;
  const L = ['## 7. Capacity over time', '',
    'A typical plan (25 contacts, 40 actions, every step filled) with its texts in varied English prose built from the seed documents '
    + '(`tests/bench/prose.txt`), reviewed every quarter in the real app: each quarter about 15% of the texts change, 2 contacts and 4 actions '
    + 'are removed, 3 contacts, 6 actions and a visit are added, then "Save review and snapshot" on step 7 records the review. '
    + 'Units are UTF-16 code units of the plan\'s key + value as the app stored it; "plain JSON" is the same plan in the form older KeyPlans stored.', '',
    '| reviews | stored units | as bytes | plain JSON units | index entry |', '|---:|---:|---:|---:|---:|'];
  for (const p of g.points) L.push(`| ${p.reviews} | ${p.units} | ${kb(p.units)} | ${p.plain} | ${p.index} |`);
  L.push('', `Plans that fit in 5,000,000 units: **${g.fit2}** with 2 reviews, **${g.fit12}** with 12 reviews (plan key + index entry each).`, '');
  return L;
}
