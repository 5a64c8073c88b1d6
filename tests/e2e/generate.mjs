// A seeded generator of realistic plans, written straight into localStorage as a browser
// would hold them (no index: KeyPlan rebuilds it from the plan keys on start).
const LEVELS = ['territory', 'regional', 'national', 'global'];
const CRITERIA = ['profit', 'growth', 'reference_value', 'strategic_value', 'product_advantage', 'service_advantage', 'location_advantage', 'competitor_focus'];

function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

const iso = (d) => d.toISOString().slice(0, 10);
const addDays = (d, n) => new Date(d.getTime() + n * 86400000);

/** `count` plans; returns [{ id, name, level, sales, target, profit, overdue, dueSoon }]. */
export function generatePlans(count, today = new Date(), seed = 42) {
  const r = rng(seed);
  const out = [];
  for (let i = 1; i <= count; i++) {
    const id = `gen${String(i).padStart(3, '0')}`;
    const name = `Account ${String(i).padStart(2, '0')}`;
    const level = LEVELS[i % 4];
    const portfolio = {};
    CRITERIA.forEach((c) => { portfolio[c] = { score: 1 + Math.floor(r() * 5), note: '' }; });
    const sales = 1000 * i;
    portfolio.last_year_sales = sales;
    portfolio.share_of_spend = Math.floor(r() * 90);
    const actions = [
      { id: 1, what: `Overdue task ${i}`, owner: 'Sam', due: iso(addDays(today, -(1 + (i % 9)))), status: i % 5 === 0 ? 'planned' : 'done' },
      { id: 2, what: `Soon task ${i}`, owner: 'Sam', due: iso(addDays(today, 3 + (i % 7))), status: i % 7 === 0 ? 'in_progress' : 'done' },
    ];
    const plan = {
      id, revision: 1, updated_at: new Date(today.getTime() - i * 60000).toISOString(),
      header: { account_name: name, level, industry: 'Generated', period_start: iso(addDays(today, -30)), review_frequency: 'quarterly' },
      portfolio,
      action: { actions },
      resources: { expected_revenue: sales * 1.2, expected_profit: sales * 0.15 },
    };
    localStorage.setItem(`keyplan:plan:${id}`, JSON.stringify({ kind: 'keyplan.plan', schema_version: 2, app_version: 'test', revision: 1, plan }));
    out.push({ id, name, level, sales, target: sales * 1.2, profit: sales * 0.15, overdue: i % 5 === 0, dueSoon: i % 7 === 0 });
  }
  return out;
}
