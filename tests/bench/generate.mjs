// A seeded generator of realistic KeyPlan plans for the benchmark (tests/bench/bench.mjs).
//
// A "typical" plan has all seven steps filled: header, 8 screening criteria with notes, the
// customer file with sales, wallet and penetration, 25 contacts in a reporting tree, objectives,
// strategies, competitors, the assessment and forces, 40 actions and some visits, resources, team
// and scorecard, the communication plan and 2 reviews. A "large" plan has 300 contacts,
// 500 actions and 10 reviews. Each review carries a snapshot of the plan as it stood then
// (the app's `model::snapshot`: the plan without reviews and without id/revision/dates), taken
// when the plan had a share of today's rows, as a rep's plan grows between reviews.
//
// Every object is written with every field the app writes (serde writes defaults too), so the
// bytes here are close to what the app itself stores; the benchmark measures the stored bytes
// after a real save anyway.

export function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Frank', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Karin', 'Luis', 'Maya', 'Nils',
  'Olga', 'Paul', 'Rosa', 'Stefan', 'Tara', 'Umar', 'Vera', 'Walter', 'Yusuf', 'Zoe', 'Priya', 'Mei', 'Tom', 'Sam'];
const LAST = ['Berg', 'Costa', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Huber', 'Ito', 'Jansen', 'Kowalski', 'Lindqvist', 'Moreau',
  'Novak', 'Okafor', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Varga', 'Weber', 'Young', 'Zimmer'];
const TITLES = ['Head of Purchasing', 'Plant Manager', 'Category Buyer', 'CFO', 'Technical Director', 'Quality Lead', 'Operations Manager',
  'R&D Manager', 'Logistics Coordinator', 'CEO', 'Production Engineer', 'Procurement Analyst', 'Maintenance Lead', 'Sales Director'];
const DEPTS = ['Purchasing', 'Production', 'Finance', 'R&D', 'Quality', 'Logistics', 'Management', 'Engineering', 'Maintenance'];
const ROLES = ['decision_maker', 'economic_buyer', 'technical_buyer', 'user', 'influencer', 'gatekeeper', 'coach', 'unknown'];
const ATTITUDES = ['enemy', 'opponent', 'neutral', 'supporter', 'mentor'];
const STATUS = ['planned', 'in_progress', 'done', 'dropped'];
const LEVELS = ['territory', 'regional', 'national', 'global'];
const FREQ = ['monthly', 'quarterly', 'half_yearly', 'yearly'];
const CRITERIA = ['profit', 'growth', 'reference_value', 'strategic_value', 'product_advantage', 'service_advantage', 'location_advantage', 'competitor_focus'];
const ASSESS = ['need', 'budget', 'urgency', 'revenue_now', 'revenue_later', 'profit', 'risk', 'strategic', 'criteria', 'fit', 'relationship',
  'insider', 'culture', 'hidden', 'trust'];
const INDUSTRIES = ['Food processing', 'Automotive parts', 'Chemicals', 'Packaging', 'Pharmaceuticals', 'Steel', 'Retail', 'Logistics'];
const PRODUCTS = ['Sauce bases', 'Thickeners', 'Packaging film', 'Cleaning agents', 'Spare parts', 'Service contract', 'Sensors', 'Software licences'];
const WORDS = ('line trial quote tender price volume plant visit meeting contract renewal proposal demo sample audit forecast '
  + 'budget approval specification delivery service training workshop roadmap quality savings margin capacity rollout pilot '
  + 'feedback reference escalation discount logistics warehouse packaging energy sustainability compliance timeline '
  + 'engineers buyers management board site upgrade review target growth share competitor risk support').split(' ');
const VERBS = ['Prepare', 'Present', 'Agree', 'Schedule', 'Send', 'Review', 'Confirm', 'Follow up on', 'Run', 'Negotiate', 'Update', 'Plan'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

function words(r, n) {
  const out = [];
  for (let i = 0; i < n; i++) out.push(pick(r, WORDS));
  return out.join(' ');
}
function sentence(r, lo = 6, hi = 14) {
  const s = words(r, int(r, lo, hi));
  return s[0].toUpperCase() + s.slice(1) + '.';
}
let SHORT = false; // set while a lean plan is made: one short sentence per text field
function text(r, sentences) {
  if (SHORT) return sentence(r, 2, 5);
  const out = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(r));
  return out.join(' ');
}
const person = (r) => `${pick(r, FIRST)} ${pick(r, LAST)}`;

function contact(r, id, today) {
  return {
    id,
    name: person(r),
    title: pick(r, TITLES),
    department: pick(r, DEPTS),
    reports_to: id === 1 ? null : int(r, 1, Math.max(1, Math.min(id - 1, 1 + Math.floor(id / 3)))),
    role: pick(r, ROLES),
    influence: int(r, 1, 5),
    attitude: pick(r, ATTITUDES),
    strength_now: int(r, 1, 5),
    strength_target: int(r, 2, 5),
    owner: pick(r, FIRST),
    contact_details: `${pick(r, FIRST).toLowerCase()}@customer.example, +49 30 ${int(r, 1000000, 9999999)}`,
    background: sentence(r, 5, 10),
    interests: words(r, 3),
    last_contact: iso(addDays(today, -int(r, 1, 120))),
  };
}

function action(r, id, objectives, today) {
  const status = pick(r, STATUS);
  const start = addDays(today, int(r, -120, 30));
  return {
    id,
    what: `${pick(r, VERBS)} ${words(r, int(r, 2, 5))}`,
    objective: objectives > 0 ? int(r, 1, objectives) : null,
    owner: pick(r, FIRST),
    start: iso(start),
    due: iso(addDays(start, int(r, 7, 60))),
    status,
    goal: sentence(r, 4, 8),
    result: status === 'done' ? sentence(r, 3, 7) : '',
    next_step: status === 'done' ? '' : sentence(r, 3, 6),
  };
}

/** The plan without reviews, with `rows` of today's contacts and actions (0..1): a review snapshot. */
function snapshotOf(plan, share) {
  const p = JSON.parse(JSON.stringify(plan));
  p.communication.reviews = [];
  p.relationships.contacts = p.relationships.contacts.slice(0, Math.max(1, Math.round(p.relationships.contacts.length * share)));
  p.action.actions = p.action.actions.slice(0, Math.max(1, Math.round(p.action.actions.length * share)));
  for (const k of ['revision', 'updated_at', 'created_at', 'id', 'archived', 'example']) delete p[k];
  return p;
}

/**
 * One plan of a shape in SIZES (typical, large or lean);
 * `n` numbers it (id `bench-<size>-<n>`, name "Account <n>").
 */
export function makePlan(n, { size = 'typical', seed = 1, today = new Date('2026-11-22T10:00:00Z') } = {}) {
  const r = rng(seed * 7919 + n);
  const dims = SIZES[size];
  SHORT = size === 'lean';
  try {
    const plan = build(r, n, size, dims, today);
    if (size === 'lean') trim(plan);
    return plan;
  } finally {
    SHORT = false;
  }
}

/**
 * Plan shapes. `lean` is not one of the issue's shapes: a filled-in but short plan (every step,
 * 3 contacts, 6 actions, no reviews, one-sentence texts) used to make 100- and 500-plan
 * workspaces that fit in the browser's storage at all; two rows of each other table,
 * no screening notes or contact backgrounds (typical plans do not, see BENCHMARKS.md).
 */
export const SIZES = {
  typical: { contacts: 25, actions: 40, reviews: 2 },
  large: { contacts: 300, actions: 500, reviews: 10 },
  lean: { contacts: 3, actions: 6, reviews: 0 }, // and two rows of every other table
};

/** Keeps two rows of every small table of a lean plan, with references to kept rows only. */
function trim(p) {
  const two = (list) => list.slice(0, 2);
  p.customer.sales = two(p.customer.sales);
  p.customer.wallet = two(p.customer.wallet);
  for (const k of ['objectives', 'strategies', 'competitors', 'forces']) p.blueprint[k] = two(p.blueprint[k]);
  p.blueprint.strategies.forEach((s) => { s.objectives = [1]; });
  p.action.actions.forEach((a) => { if (a.objective > 2) a.objective = 1; });
  p.action.visits = two(p.action.visits);
  for (const k of ['resources', 'team', 'scorecard']) p.resources[k] = two(p.resources[k]);
  p.communication.plan = two(p.communication.plan);
  p.communication.report_card = two(p.communication.report_card);
  const pen = p.customer.penetration;
  p.customer.penetration = { products: pen.products.slice(0, 3), units: two(pen.units), cells: two(pen.cells).map((row) => row.slice(0, 3)) };
  for (const v of Object.values(p.portfolio)) if (v && typeof v === 'object') v.note = '';
  p.relationships.contacts.forEach((c) => { c.background = ''; });
}

function build(r, n, size, dims, today) {
  const sales = int(r, 200, 5000) * 1000;
  const portfolio = {};
  for (const c of CRITERIA) portfolio[c] = { score: int(r, 1, 5), note: r() < 0.5 ? sentence(r, 3, 8) : '' };
  Object.assign(portfolio, { last_year_sales: sales, last_year_profit: Math.round(sales * 0.12), share_of_spend: int(r, 5, 80) });
  const products = PRODUCTS.slice(0, 6);
  const units = ['North plant', 'South plant', 'Head office', 'New plant'];
  const UPTAKE = ['unknown', 'buys', 'could_buy', 'not_relevant'];
  const customer = {
    size: `${int(r, 200, 20000)} employees, ${int(r, 2, 12)} sites`,
    main_business: sentence(r), address: `${int(r, 1, 200)} Industriestrasse, ${int(r, 10000, 99999)} Berlin`,
    website: `https://customer-${n}.example`, strategy: text(r, 2), culture: text(r, 1), industry_situation: text(r, 2),
    pain_points: text(r, 2), regulatory_pressures: text(r, 1), financial_trend: text(r, 1), kpis: text(r, 1),
    needs_application: text(r, 1), needs_relationship: text(r, 1), needs_personal: text(r, 1), technology: text(r, 1),
    sales: products.slice(0, 5).map((product, i) => ({ id: i + 1, product, year_before: int(r, 10, 900) * 1000, last_year: int(r, 10, 900) * 1000, this_year: int(r, 10, 900) * 1000 })),
    gross_margin_pct: int(r, 15, 45), cost_promotion: int(r, 1, 50) * 1000, cost_sales_staff: int(r, 20, 120) * 1000,
    cost_logistics: int(r, 5, 80) * 1000, cost_other: int(r, 1, 20) * 1000,
    wallet: ['Us', 'Competitor A', 'Competitor B', 'Others'].map((supplier, i) => ({ id: i + 1, supplier, share_pct: int(r, 5, 50), note: r() < 0.5 ? words(r, 3) : '' })),
    on_time_pct: int(r, 80, 99), stock_outs: int(r, 0, 9), invoice_accuracy_pct: int(r, 90, 100),
    penetration: { products, units, cells: units.map(() => products.map(() => pick(r, UPTAKE))) },
  };
  const contacts = [];
  for (let i = 1; i <= dims.contacts; i++) contacts.push(contact(r, i, today));
  const objectives = [];
  for (let i = 1; i <= 4; i++) {
    objectives.push({ id: i, title: `${pick(r, VERBS)} ${words(r, 3)}`, measure: words(r, 3), last_year: int(r, 10, 500) * 1000,
      target: int(r, 10, 700) * 1000, due: iso(addDays(today, int(r, 30, 365))) });
  }
  const actions = [];
  for (let i = 1; i <= dims.actions; i++) actions.push(action(r, i, objectives.length, today));
  const assessment = {};
  for (const k of ASSESS) assessment[k] = int(r, 1, 5);
  const plan = {
    id: `bench-${size}-${String(n).padStart(3, '0')}`,
    revision: 1,
    created_at: addDays(today, -200).toISOString(),
    updated_at: new Date(today.getTime() - n * 60000).toISOString(),
    example: false,
    archived: false,
    header: { account_name: `${{ large: 'Large account', typical: 'Account', lean: 'Small account' }[size]} ${String(n).padStart(3, '0')}`, level: LEVELS[n % 4],
      industry: pick(r, INDUSTRIES), period_start: iso(addDays(today, -60)), period_end: iso(addDays(today, 305)),
      prepared_by: person(r), team: `${person(r)}, ${person(r)}`, review_frequency: pick(r, FREQ) },
    portfolio,
    customer,
    relationships: { contacts, decision_process: text(r, 2), stated_criteria: text(r, 1), unstated_criteria: text(r, 1),
      who_wants_us_to_win: text(r, 1), senior_meetings: text(r, 1) },
    blueprint: {
      opportunities: text(r, 2), threats: text(r, 2), strengths: text(r, 2), weaknesses: text(r, 2), objectives,
      strategies: [1, 2, 3].map((id) => ({ id, title: `${pick(r, VERBS)} ${words(r, 3)}`, reason: sentence(r), objectives: [int(r, 1, 4)] })),
      unique_value: text(r, 1), value_measure: sentence(r),
      competitors: ['Competitor A', 'Competitor B', 'Competitor C'].map((name, i) => ({ id: i + 1, name, position: sentence(r, 4, 9) })),
      assessment,
      forces: [1, 2, 3, 4, 5, 6].map((id) => ({ id, kind: id % 2 ? 'driving' : 'restraining', text: sentence(r, 4, 9), weight: int(r, 1, 5),
        action: id % 2 ? null : int(r, 1, dims.actions) })),
    },
    action: {
      actions,
      visits: [1, 2, 3, 4, 5, 6, 7, 8].map((id) => ({ id, date: iso(addDays(today, -int(r, 1, 150))), contact: int(r, 1, dims.contacts),
        discussed: sentence(r), result: sentence(r, 3, 8), next_action: sentence(r, 3, 6) })),
    },
    resources: {
      resources: [1, 2, 3, 4, 5].map((id) => ({ id, who: person(r), days: int(r, 1, 20), activity: words(r, 4), cost: int(r, 1, 30) * 1000 })),
      expected_revenue: Math.round(sales * 1.15), expected_profit: Math.round(sales * 0.14),
      team: [1, 2, 3, 4, 5].map((id) => ({ id, name: person(r), function: pick(r, DEPTS), role: words(r, 2) })),
      scorecard: [['Financial', 'Revenue'], ['Financial', 'Margin'], ['Customer', 'On-time delivery'], ['Customer', 'Complaints'],
        ['Process', 'Quote turnaround'], ['Learning', 'Trained users']].map(([perspective, name], i) => ({ id: i + 1, perspective, name, target: int(r, 50, 100), actual: int(r, 30, 100) })),
    },
    communication: {
      plan: [1, 2, 3, 4, 5, 6].map((id) => ({ id, stakeholder: pick(r, TITLES), internal: id % 3 === 0, what: words(r, 4), channel: pick(r, ['Email', 'Meeting', 'Call', 'Report']),
        frequency: pick(r, ['Weekly', 'Monthly', 'Quarterly']), owner: pick(r, FIRST) })),
      reviews: [],
      report_card: ['Relationships', 'Delivery', 'Quality', 'Price', 'Innovation'].map((area, i) => ({ id: i + 1, area, score: int(r, 1, 5), problem: r() < 0.5 ? sentence(r, 3, 8) : '' })),
      issue_competition: text(r, 1), issue_service: text(r, 1), issue_growth: text(r, 1), issue_internal: text(r, 1),
      lose_order_not_customer: text(r, 1), private_notes: text(r, 1),
    },
  };
  const reviews = [];
  for (let i = 1; i <= dims.reviews; i++) {
    const share = i / dims.reviews; // the last review is of today's rows, earlier ones of fewer
    reviews.push({ id: i, date: iso(addDays(today, -10 - (dims.reviews - i) * 90)), attendees: `${person(r)}, ${person(r)}, ${person(r)}`,
      changes: sentence(r), snapshot: snapshotOf(plan, share) });
  }
  plan.communication.reviews = reviews;
  return plan;
}

/** The stored value of a plan, as `keyplan:plan:<id>` holds it (src/persist/envelope.rs). */
export function storedPlan(plan, savedAt = '2026-11-22T10:00:00Z') {
  return JSON.stringify({ kind: 'keyplan.plan', schema_version: 2, app_version: 'bench', saved_at: savedAt, revision: plan.revision, plan });
}

/** A KeyPlan file (docs/FORMAT.md) with `plans`, pretty-printed like the app's export. */
export function fileOf(plans) {
  return JSON.stringify({ kind: 'keyplan', schema_version: 2, app_version: 'bench', exported_at: '2026-11-22T10:00:00Z', plans }, null, 2);
}

/** `count` typical plans, numbered 1..count. */
export function typicalPlans(count, seed = 1) {
  const out = [];
  for (let i = 1; i <= count; i++) out.push(makePlan(i, { size: 'typical', seed }));
  return out;
}
