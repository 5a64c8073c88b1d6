// Issues 4 and 5: a rep fills every step and sees the computed results: screening, customer
// profit, relationship map and warnings, assessment, force field, actions and overdue,
// resources and return, reviews with snapshots compared, and the plan health check.
import { test, expect } from '@playwright/test';
import { newPlan, waitSaved, storedPlan, openStep, addRow, stepShown } from './helpers.mjs';

const option = (scope, n) => scope.locator('label.rating-option').filter({ hasText: new RegExp(`^${n}$`) });
const rate = (page, id, n) => option(page.locator(`#${id}`), n).click();
const step = openStep;

test('step 1 scores the account and explains quadrant, strategy, grade and potential', async ({ page }) => {
  const id = await newPlan(page, 'Screen Co');
  for (const c of ['profit', 'growth', 'referencevalue', 'strategicvalue']) await rate(page, `score-${c}`, 5);
  for (const c of ['productadvantage', 'serviceadvantage', 'locationadvantage', 'competitorfocus']) await rate(page, `score-${c}`, 2);
  await page.getByLabel('Our share of their spend').fill('20');
  const result = page.getByTestId('screening-result');
  await expect(result.getByTestId('attractiveness')).toHaveText('5.0');
  await expect(result.getByTestId('ability')).toHaveText('2.0');
  await expect(result.getByTestId('quadrant')).toHaveText('Core potential');
  await expect(result.getByTestId('grade')).toHaveText('Silver');
  await expect(result.getByTestId('potential')).toHaveText('80 / 100');
  await expect(result.getByTestId('strategy')).toContainText('Invest');

  // Raising our ability to win moves the account to core: consolidate, gold.
  for (const c of ['productadvantage', 'serviceadvantage', 'locationadvantage', 'competitorfocus']) await rate(page, `score-${c}`, 4);
  await expect(result.getByTestId('quadrant')).toHaveText('Core');
  await expect(result.getByTestId('grade')).toHaveText('Gold');
  await expect(result.getByTestId('strategy')).toContainText('Consolidate');

  // A workspace weight change re-scores at once.
  await page.getByText('Weights and grade thresholds').click();
  await page.getByLabel('Gold from (mean score)').fill('4.8');
  await page.getByLabel('Gold from (mean score)').blur();
  await expect(result.getByTestId('grade')).toHaveText('Silver');
  await page.getByRole('link', { name: 'Portfolio', exact: true }).click();
  await expect(page.getByTestId('plan-list').locator('tr', { hasText: 'Screen Co' })).toContainText('Silver');
  await page.goBack();
  await stepShown(page, 1);

  // Bad input says what to type and keeps the last good value.
  await page.getByLabel("Last year's sales to them").fill('a lot');
  await expect(page.getByText('is not a number')).toBeVisible();
  await page.getByLabel("Last year's sales to them").fill('1,200,000');
  await expect(page.getByText('is not a number')).toHaveCount(0);
  await waitSaved(page);
  expect((await storedPlan(page, id)).plan.portfolio.last_year_sales).toBe(1200000);
});

test('step 2 computes customer profit and keeps the penetration grid', async ({ page }) => {
  const id = await newPlan(page, 'Customer Co');
  await step(page, id, 2);
  const product = await addRow(page, 'Add product', page.locator('#sales .row-card'));
  await product.getByLabel('Product', { exact: true }).fill('Sauce');
  await page.getByLabel('Last year', { exact: true }).fill('1000');
  await page.getByLabel('Gross margin on their purchases').fill('30');
  await page.getByLabel('Cost to serve: warehouse and delivery').fill('50');
  await page.getByLabel('Cost to serve: other').fill('25');
  await expect(page.getByTestId('profit-amount')).toHaveText('225');
  await expect(page.getByTestId('profit-pct')).toHaveText('22.5%');

  await page.getByLabel('Our products (one per line)').fill('Sauce\nFilm');
  await page.getByLabel('Customer units (one per line)').fill('North plant');
  await page.getByLabel('North plant buys Film').selectOption('could_buy');
  await waitSaved(page);
  const pen = (await storedPlan(page, id)).plan.customer.penetration;
  expect(pen.cells).toEqual([['unknown', 'could_buy']]);
});

test('step 3 draws the relationship map from reports-to and warns about the gaps', async ({ page }) => {
  const id = await newPlan(page, 'Map Co');
  await step(page, id, 3);
  const add = async (name, role, attitude, influence, boss, owner) => {
    const card = await addRow(page, 'Add contact', page.locator('#contacts .row-card'));
    await card.getByLabel('Name').fill(name);
    await card.getByLabel('Buying role').selectOption(role);
    await card.getByLabel('Attitude to us').selectOption(attitude);
    await option(card.locator('fieldset').filter({ hasText: 'Influence' }), influence).click();
    if (boss) await card.getByLabel('Reports to').selectOption({ label: boss });
    if (owner) await card.getByLabel('Relationship owner (our side)').fill(owner);
  };
  await add('Helen', 'decision_maker', 'neutral', 5, null, '');
  await add('Ben', 'gatekeeper', 'opponent', 4, 'Helen', 'Sam');
  await add('Ada', 'user', 'mentor', 3, 'Helen', 'Sam');

  const map = page.getByTestId('relationship-map');
  await expect(map.locator('g.node')).toHaveCount(3);
  await expect(map.locator('line.edge')).toHaveCount(2);
  await expect(map.locator('g.node.att-opponent')).toHaveCount(1);
  await expect(map.locator('g.node.att-mentor')).toHaveCount(1);
  // Bigger influence, bigger circle.
  const r = async (name) => Number(await map.locator('g.node', { hasText: name }).locator('circle').getAttribute('r'));
  expect(await r('Helen')).toBeGreaterThan(await r('Ada'));

  const warnings = page.getByTestId('relationship-warnings');
  await expect(warnings).toContainText('No coach or insider is mapped');
  await expect(warnings).toContainText('Helen decides, but nobody on our team owns the relationship');
  await expect(warnings).toContainText('Ben is influential and against us');
  await expect(warnings).toContainText('Nobody is mapped as technical buyer');

  // Making Ada the coach and giving Helen an owner clears those warnings.
  const contact = (name) => page.locator('.row-card').filter({ has: page.locator('.caption', { hasText: name }) });
  await contact('Ada').getByLabel('Buying role').selectOption('coach');
  // Adding a row folds the others: unfold Helen to edit her.
  await contact('Helen').locator('.row-toggle').click();
  await contact('Helen').getByLabel('Relationship owner (our side)').fill('Our MD');
  await expect(warnings).not.toContainText('No coach');
  await expect(warnings).not.toContainText('Helen decides');

  // Tapping a node opens that contact.
  await map.locator('g.node', { hasText: 'Ben' }).click();
  await expect(contact('Ben').getByLabel('Name')).toBeFocused();

  // Removing a row by mistake is undone in one click, in its old place.
  await page.getByRole('button', { name: 'Remove Ben' }).click();
  await expect(map.locator('g.node')).toHaveCount(2);
  await page.getByRole('status').filter({ hasText: 'Removed “Ben”' }).getByRole('button', { name: 'Undo' }).click();
  await expect(map.locator('g.node')).toHaveCount(3);
  await expect(page.locator('#contacts .row-card .caption')).toHaveText(['Helen', 'Ben', 'Ada']);
});

test('steps 4 to 7 and plan health: assessment, forces, overdue, return, reviews compared', async ({ page }) => {
  const id = await newPlan(page, 'Blueprint Co');
  await step(page, id, 4);
  let card = await addRow(page, 'Add objective', page.locator('#objectives .row-card'));
  await card.getByLabel('Objective', { exact: true }).fill('Grow sales');
  await expect(card.getByText('Needs a measure, target and date')).toBeVisible();
  await card.getByLabel('Measure').fill('Annual sales');
  await card.getByLabel("This year's target").fill('1500000');
  await card.getByLabel('By').fill('2027-06-30');
  await expect(card.getByText('Needs a measure, target and date')).toHaveCount(0);

  card = await addRow(page, 'Add strategy', page.locator('#strategies .row-card'));
  await card.getByLabel('Strategy', { exact: true }).fill('Launch partner');
  await expect(card.getByText('Tied to no objective')).toBeVisible();
  await card.getByLabel('Grow sales').check();
  await expect(card.getByText('Tied to no objective')).toHaveCount(0);

  for (const q of ['need', 'budget', 'urgency', 'revenue_now', 'revenue_later', 'profit', 'risk', 'strategic']) await rate(page, `assess-${q}`, 4);
  await expect(page.getByTestId('verdict')).toHaveText('Go');
  await rate(page, 'assess-budget', 1);
  await rate(page, 'assess-need', 1);
  await rate(page, 'assess-urgency', 1);
  await expect(page.getByTestId('verdict')).toHaveText('No-go');
  await expect(page.getByTestId('assessment-result')).toContainText('There is a budget');

  const addForce = async (kind, text, weight) => {
    const f = await addRow(page, 'Add force', page.locator('#forces .row-card'));
    await f.getByLabel('Kind').selectOption(kind);
    await f.getByLabel('Force', { exact: true }).fill(text);
    await option(f.locator('fieldset').filter({ hasText: 'Weight' }), weight).click();
  };
  await addForce('driving', 'Plant manager backs us', 5);
  await addForce('driving', 'New film', 3);
  await addForce('restraining', 'Their price pressure', 2);
  await expect(page.getByTestId('chance')).toHaveText('80% chance of success');
  await expect(page.getByTestId('force-balance').locator('.ff .bar')).toHaveCount(3);

  // Step 5: an action past its due date stands out.
  await step(page, id, 5);
  card = await addRow(page, 'Add action', page.locator('#actions .row-card'));
  await card.getByLabel('What').fill('Line trial');
  await card.getByLabel('Owner').fill('Priya');
  await card.getByLabel('Due').fill('2020-01-31');
  await expect(card.locator('.badge')).toHaveText('Overdue');
  await expect(page.getByTestId('timeline').locator('.tl-bar.overdue')).toHaveCount(1);

  // Step 6: totals and return on cost.
  await step(page, id, 6);
  // Each new row is filled only once it is drawn (on a busy machine the second row once came
  // late, and its cost went into the first: the total read 5,000).
  const resources = page.locator('#resources .row-card');
  card = await addRow(page, 'Add resource', resources);
  await card.getByLabel('Who').fill('Engineer');
  await card.getByLabel('Cost').fill('5000');
  card = await addRow(page, 'Add resource', resources);
  await card.getByLabel('Cost').fill('5000');
  await page.getByLabel('Expected profit from the plan').fill('40000');
  await expect(page.getByTestId('total-cost')).toHaveText('10,000');
  await expect(page.getByTestId('return')).toHaveText('4.0 ×');

  // Step 7: a review, a change, a second review, and the comparison.
  await step(page, id, 7);
  await page.getByLabel('Review date').fill('2026-01-15');
  await page.getByLabel('Who attended').fill('Sam, Priya');
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
  await expect(page.locator('.review-log li')).toHaveCount(1);
  await step(page, id, 1);
  await page.getByLabel('Industry').fill('Food');
  await step(page, id, 7);
  await page.getByLabel('Review date').fill('2026-04-15');
  await page.getByRole('button', { name: 'Save review and snapshot' }).click();
  await expect(page.locator('.review-log li')).toHaveCount(2);
  await page.getByLabel('From', { exact: true }).selectOption({ label: 'Review of 2026-01-15' });
  await page.getByLabel('To', { exact: true }).selectOption({ label: 'Review of 2026-04-15' });
  const diff = page.getByTestId('review-diff');
  // In words, under the step's name, with the step's own label; what moved the plan first.
  await expect(diff.locator('.diff-step', { hasText: 'Step 1 — Portfolio vis-à-vis profits' }).locator('li.added')).toHaveText('Industry: Food (new)');
  await expect(diff.getByTestId('diff-headline')).toContainText('Grade');
  await expect(diff).not.toContainText('header.');
  await waitSaved(page);
  const stored = await storedPlan(page, id);
  expect(stored.plan.communication.reviews).toHaveLength(2);
  expect(stored.plan.communication.reviews[1].snapshot.header.industry).toBe('Food');

  // Plan health lists what to fix, each linked to the field.
  await page.getByRole('link', { name: 'Check your plan →' }).click();
  const issues = page.getByTestId('health-issues');
  await expect(issues).toContainText('Action “Line trial” is overdue');
  await expect(issues).toContainText('Restraining force “Their price pressure” has no action to answer it');
  await expect(issues).toContainText('No coach or insider is mapped');
  await issues.getByRole('link', { name: /Their price pressure/ }).click();
  await expect(page.locator('#step-heading')).toHaveText('Key account plan blueprint');
  await expect(page.locator('#forces .row-card', { hasText: 'Their price pressure' }).locator('select').first()).toBeFocused();
});
