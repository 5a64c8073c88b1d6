// Issue 15, items 1 and 2: a plan that travels and comes back. Two browser contexts, a rep
// (English) and a manager (简体中文), pass real downloaded files. Every exported plan records
// where it came from; the import merges what each side changed by field and row, shows a
// conflict side by side with its label and step, writes nothing until the rep confirms, and
// can be undone as a whole.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { newPlan, openApp, openStep, addRow, waitSaved, readStored } from './helpers.mjs';

const FP = /^fnv1a64:[0-9a-f]{16}$/;

async function waitSavedZh(page) {
  await expect(page.getByTestId('save-status')).toHaveText(/^已保存 \d\d:\d\d$/);
}

async function download(page, button) {
  const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await dl.path();
  return { path, json: JSON.parse(fs.readFileSync(path, 'utf8')) };
}

async function openImport(page, button = 'Import a plan') {
  await openApp(page);
  await page.getByRole('button', { name: button }).first().click();
  return page.getByTestId('import-panel');
}

/** The row card of the only objective, unfolded. */
async function objectiveCard(page) {
  const card = page.locator('#objectives .row-card').first();
  await expect(card).toBeVisible();
  if (await card.evaluate((e) => e.classList.contains('collapsed'))) {
    await card.locator('.row-toggle').click();
    await expect(card).not.toHaveClass(/collapsed/);
  }
  return card;
}

/** The rep's plan with one objective and private notes, sent with private notes left out. */
async function repSends(rep) {
  const id = await newPlan(rep, 'Acme Steel');
  await openStep(rep, id, 4);
  const card = await addRow(rep, 'Add objective', rep.locator('#objectives .row-card'));
  await card.getByLabel('Objective', { exact: true }).fill('Grow valves 10%');
  await waitSaved(rep);
  await openStep(rep, id, 7);
  await rep.locator('details.more', { has: rep.locator('#communication-private_notes') }).locator('summary').click();
  await rep.getByLabel('Private notes', { exact: true }).fill('Buyer leaves in March');
  await waitSaved(rep);
  await rep.getByLabel('Leave out private notes').check();
  const sent = await download(rep, 'Download this plan');
  return { id, sent };
}

/** The manager (Chinese interface) imports the rep's file as a new plan. */
async function managerReceives(manager, file) {
  const panel = await openImport(manager, '导入计划');
  await panel.getByLabel('选择 KeyPlan 文件').setInputFiles(file.path);
  await panel.getByRole('button', { name: '导入', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('新建 1 份');
}

async function managerEditsObjective(manager, id, text) {
  await openStep(manager, id, 4);
  const card = await objectiveCard(manager);
  await card.getByLabel('目标', { exact: true }).fill(text);
  await waitSavedZh(manager);
}

async function setup(browser, baseURL) {
  const repCtx = await browser.newContext({ baseURL, locale: 'en-GB' });
  const mgrCtx = await browser.newContext({ baseURL, locale: 'zh-CN' });
  return { repCtx, mgrCtx, rep: await repCtx.newPage(), manager: await mgrCtx.newPage() };
}

test('the manager edits an objective while the rep adds actions: the rep ends with both', async ({ browser, baseURL }) => {
  const { repCtx, mgrCtx, rep, manager } = await setup(browser, baseURL);
  const { id, sent } = await repSends(rep);
  // Item 1: the file records where the plan came from; no private notes travel.
  const p1 = sent.json.provenance[id];
  expect(p1.fingerprint).toMatch(FP);
  expect(p1.revision).toBe(sent.json.plans[0].revision);
  expect(p1.base_fingerprint).toBeUndefined();
  expect(JSON.stringify(sent.json)).not.toContain('Buyer leaves in March');
  // The rep keeps what was sent as the merge base, compactly, without private notes.
  const base1 = await readStored(rep, `keyplan:base:${id}`);
  expect(base1.fingerprint).toBe(p1.fingerprint);
  expect(base1.plan.communication.private_notes ?? '').toBe('');

  await managerReceives(manager, sent);
  await expect(manager.getByLabel('语言（Language）')).toHaveValue('zh');
  await managerEditsObjective(manager, id, 'Grow valves 15%');
  const back = await download(manager, '下载此计划');
  const p2 = back.json.provenance[id];
  expect(p2.fingerprint).toMatch(FP);
  expect(p2.fingerprint).not.toBe(p1.fingerprint);
  expect(p2.base_fingerprint).toBe(p1.fingerprint); // the manager's base: what the rep sent

  // Meanwhile the rep adds two actions.
  await openStep(rep, id, 5);
  const actions = rep.locator('#actions .row-card');
  let card = await addRow(rep, 'Add action', actions);
  await card.getByLabel('What').fill('Call Tom');
  card = await addRow(rep, 'Add action', actions);
  await card.getByLabel('What').fill('Plant visit');
  await waitSaved(rep);
  const before = await readStored(rep, `keyplan:plan:${id}`);

  const panel = await openImport(rep);
  await panel.getByLabel('Choose a KeyPlan file').setInputFiles(back.path);
  const merge = panel.getByTestId('merge');
  await expect(merge).toHaveAttribute('data-kind', 'Both');
  await expect(panel.getByTestId('merge-note')).toContainText('Both copies changed, in different places');
  // What changed since the rep sent it, step by step, in words.
  const changes = panel.getByTestId('merge-changes');
  await expect(changes).toContainText('Step 4');
  await expect(changes).toContainText('Grow valves 10% → Grow valves 15%');
  await expect(panel.getByTestId('merge-conflict')).toHaveCount(0);
  // Nothing is written before the rep confirms.
  expect(await readStored(rep, `keyplan:plan:${id}`)).toEqual(before);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toHaveText('Import finished: 0 created, 1 merged, 0 replaced, 0 kept both, 0 skipped.');

  const merged = (await readStored(rep, `keyplan:plan:${id}`)).plan;
  expect(merged.blueprint.objectives.map((o) => o.title)).toEqual(['Grow valves 15%']);
  expect(merged.action.actions.map((a) => a.what)).toEqual(['Call Tom', 'Plant visit']);
  expect(merged.communication.private_notes).toBe('Buyer leaves in March');
  expect(merged.revision).toBe(before.plan.revision + 1);
  // What was received is the new merge base.
  const base2 = await readStored(rep, `keyplan:base:${id}`);
  expect(base2.fingerprint).toBe(p2.fingerprint);
  expect(base2.plan.action.actions).toEqual([]);
  // And the rep sees it in the step.
  await openStep(rep, id, 4);
  await expect((await objectiveCard(rep)).getByLabel('Objective', { exact: true })).toHaveValue('Grow valves 15%');

  // Importing the same file again: nothing to take, and it says so.
  const again = await openImport(rep);
  await again.getByLabel('Choose a KeyPlan file').setInputFiles(back.path);
  await expect(again.getByTestId('merge')).toHaveAttribute('data-kind', 'OnlyOurs');
  await expect(again.getByTestId('merge-note')).toContainText('Nothing to take');

  // The rep sends it back (private notes not left out this time): the manager, in Chinese, is
  // told only the rep's copy changed, takes the actions, and never receives the private notes.
  await openStep(rep, id, 5);
  const third = await download(rep, 'Download this plan');
  expect(third.json.provenance[id].base_fingerprint).toBe(p2.fingerprint);
  expect(JSON.stringify(third.json)).toContain('Buyer leaves in March');
  const mPanel = await openImport(manager, '导入计划');
  await mPanel.getByLabel('选择 KeyPlan 文件').setInputFiles(third.path);
  await expect(mPanel.getByTestId('merge')).toHaveAttribute('data-kind', 'OnlyTheirs');
  await expect(mPanel.getByTestId('merge-note')).toContainText('只有对方的副本有改动');
  await expect(mPanel.getByTestId('merge-changes')).toContainText('第 5 步');
  await expect(mPanel.getByTestId('merge-changes')).not.toContainText('Buyer leaves in March');
  if (process.env.SHOTS_DIR) {
    await manager.setViewportSize({ width: 1024, height: 768 });
    await manager.screenshot({ path: `${process.env.SHOTS_DIR}/merge-zh-1024x768.png`, fullPage: true });
  }
  await mPanel.getByRole('button', { name: '导入', exact: true }).click();
  await expect(mPanel.getByTestId('import-result')).toContainText('合并 1 份');
  const managers = (await readStored(manager, `keyplan:plan:${id}`)).plan;
  expect(managers.action.actions.map((a) => a.what)).toEqual(['Call Tom', 'Plant visit']);
  expect(managers.blueprint.objectives.map((o) => o.title)).toEqual(['Grow valves 15%']);
  expect(managers.communication.private_notes ?? '').toBe('');
  await repCtx.close();
  await mgrCtx.close();
});

test('both edit the same objective: the conflict shows its label and step, is resolved both ways, and the import can be undone', async ({ browser, baseURL }) => {
  const { repCtx, mgrCtx, rep, manager } = await setup(browser, baseURL);
  const { id, sent } = await repSends(rep);
  await managerReceives(manager, sent);
  await managerEditsObjective(manager, id, 'Theirs: grow 20%');
  await openStep(manager, id, 2);
  await manager.getByLabel('主营业务').fill('Steel mills');
  await waitSavedZh(manager);
  const back = await download(manager, '下载此计划');

  await openStep(rep, id, 4);
  await (await objectiveCard(rep)).getByLabel('Objective', { exact: true }).fill('Mine: grow 12%');
  await waitSaved(rep);
  const before = await readStored(rep, `keyplan:plan:${id}`);
  const stored = async () => (await readStored(rep, `keyplan:plan:${id}`)).plan;

  const importBack = async () => {
    const panel = await openImport(rep);
    await panel.getByLabel('Choose a KeyPlan file').setInputFiles(back.path);
    await expect(panel.getByTestId('merge')).toHaveAttribute('data-kind', 'Both');
    const conflict = panel.getByTestId('merge-conflict');
    await expect(conflict).toHaveCount(1);
    await expect(conflict).toContainText('— Objective');
    await expect(conflict).toContainText('Step 4 · Key account plan blueprint');
    await expect(conflict.getByTestId('merge-mine')).toHaveText('Mine: grow 12%');
    await expect(conflict.getByTestId('merge-theirs')).toHaveText('Theirs: grow 20%');
    return { panel, conflict };
  };

  // Nothing is imported until the conflict has the rep's choice.
  let { panel, conflict } = await importBack();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-error')).toContainText('1 change made on both sides still needs your choice');
  expect(await readStored(rep, `keyplan:plan:${id}`)).toEqual(before);

  // Theirs.
  await conflict.getByLabel('Take theirs').check();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 merged');
  let plan = await stored();
  expect(plan.blueprint.objectives[0].title).toBe('Theirs: grow 20%');
  expect(plan.customer.main_business).toBe('Steel mills');
  expect(plan.communication.private_notes).toBe('Buyer leaves in March');

  // Undo import puts the local plan back as it was.
  await panel.getByTestId('undo-import').click();
  await expect(panel.getByTestId('import-result')).toHaveText('Import undone: your plans are as they were before it.');
  plan = await stored();
  expect(plan.blueprint.objectives[0].title).toBe('Mine: grow 12%');
  expect(plan.customer.main_business).toBe('');
  expect(plan.communication.private_notes).toBe('Buyer leaves in March');
  // The merge base is back too: the same file conflicts again.
  expect((await readStored(rep, `keyplan:base:${id}`)).fingerprint).toBe(sent.json.provenance[id].fingerprint);

  // Mine: the manager's other change is still taken.
  ({ panel, conflict } = await importBack());
  if (process.env.SHOTS_DIR) {
    for (const [w, h] of [[1024, 768], [390, 844]]) {
      await rep.setViewportSize({ width: w, height: h });
      await conflict.scrollIntoViewIfNeeded();
      await rep.screenshot({ path: `${process.env.SHOTS_DIR}/merge-conflict-${w}x${h}.png`, fullPage: true });
    }
    await rep.setViewportSize({ width: 1280, height: 800 });
  }
  await conflict.getByLabel('Keep mine').check();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 merged');
  plan = await stored();
  expect(plan.blueprint.objectives[0].title).toBe('Mine: grow 12%');
  expect(plan.customer.main_business).toBe('Steel mills');

  // Or their own words: undo, import again and write the objective anew.
  await panel.getByTestId('undo-import').click();
  await expect(panel.getByTestId('import-result')).toHaveText('Import undone: your plans are as they were before it.');
  ({ panel, conflict } = await importBack());
  await conflict.getByLabel('Write my own').check();
  const own = conflict.getByTestId('merge-own');
  await expect(own).toHaveValue('Theirs: grow 20%');
  await own.fill('Agreed: grow 15');
  await own.pressSequentially('% by June'); // typed key by key: the box stays while typing
  await expect(own).toBeFocused();
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 merged');
  plan = await stored();
  expect(plan.blueprint.objectives[0].title).toBe('Agreed: grow 15% by June');
  expect(plan.customer.main_business).toBe('Steel mills');
  await openStep(rep, id, 2);
  await expect(rep.getByLabel('Main business')).toHaveValue('Steel mills');
  await repCtx.close();
  await mgrCtx.close();
});

test('a plan with no known base keeps the choices, and newer work here is not replaced by default', async ({ page }) => {
  const id = await newPlan(page, 'Solo Co');
  await page.getByLabel('Industry').fill('Local work');
  await waitSaved(page);
  const here = (await readStored(page, `keyplan:plan:${id}`)).plan;
  // A colleague's older copy of the same plan: never sent from here, so no merge base.
  const older = { ...here, header: { ...here.header, industry: 'Older copy' }, updated_at: '2020-01-01T00:00:00Z' };
  const panel = await openImport(page);
  await panel.getByLabel("Or paste the file's text").fill(JSON.stringify({ kind: 'keyplan', schema_version: 3, plans: [older] }));
  await panel.getByRole('button', { name: 'Read pasted text' }).click();
  await expect(panel).toContainText('the copy here was changed more recently');
  await expect(panel.getByTestId('merge')).toHaveCount(0);
  const choice = panel.getByLabel('What to do with Solo Co');
  await expect(choice).toHaveValue('skip');
  await expect(choice.locator('option')).toHaveText(['Replace the one here', 'Keep both', 'Skip']);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 skipped');
  expect((await readStored(page, `keyplan:plan:${id}`)).plan.header.industry).toBe('Local work');
  expect(await page.evaluate((k) => localStorage.getItem(k), `keyplan:base:${id}`)).toBeNull();
});

// The whole loop in one: the manager comments on a contact (review mode) and edits an
// objective while the rep adds actions; the rep's import merges, and the rep ends with all three.
test('the manager comments on a contact and edits an objective while the rep adds actions: the rep ends with all three', async ({ browser, baseURL }) => {
  const { rep, manager } = await setup(browser, baseURL);
  const id = await newPlan(rep, 'Loop Works');
  await openStep(rep, id, 3);
  const contact = await addRow(rep, 'Add contact', rep.locator('#contacts .row-card'));
  await contact.getByLabel('Name').fill('Ann Lee');
  await openStep(rep, id, 4);
  const obj = await addRow(rep, 'Add objective', rep.locator('#objectives .row-card'));
  await obj.getByLabel('Objective', { exact: true }).fill('Grow pumps 5%');
  await waitSaved(rep);
  const sent = await download(rep, 'Download this plan');

  await managerReceives(manager, sent);
  await managerEditsObjective(manager, id, 'Grow pumps 8%');
  await openStep(manager, id, 3);
  await manager.getByTestId('review-this-plan').click();
  const bar = manager.getByTestId('review-bar');
  await bar.getByLabel('您的姓名（显示在您的评论旁）').fill('王经理');
  await bar.getByLabel('您的姓名（显示在您的评论旁）').press('Tab');
  const row = manager.locator('#contacts-1');
  await row.getByTestId('add-comment').click();
  await row.getByLabel('您的评论', { exact: true }).fill('她的上级是谁？');
  await row.getByRole('button', { name: '添加评论' }).click();
  await expect(row.getByTestId('comment')).toContainText('她的上级是谁？');
  const [dl] = await Promise.all([manager.waitForEvent('download'), manager.getByTestId('send-back').click()]);
  const backPath = await dl.path();

  // Meanwhile the rep adds an action.
  await openStep(rep, id, 5);
  const card = await addRow(rep, 'Add action', rep.locator('#actions .row-card'));
  await card.getByLabel('What').fill('Book the plant visit');
  await waitSaved(rep);

  const panel = await openImport(rep);
  await panel.getByLabel('Choose a KeyPlan file').setInputFiles(backPath);
  await expect(panel.getByTestId('merge')).toHaveAttribute('data-kind', 'Both');
  await expect(panel.getByTestId('merge-conflict')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toContainText('1 merged');

  const merged = (await readStored(rep, `keyplan:plan:${id}`)).plan;
  expect(merged.blueprint.objectives.map((o) => o.title)).toEqual(['Grow pumps 8%']);
  expect(merged.action.actions.map((a) => a.what)).toEqual(['Book the plant visit']);
  expect(merged.comments.map((c) => [c.text, c.at])).toEqual([['她的上级是谁？', { row: { table: 'relationships.contacts', id: 1 } }]]);
  // The comment shows at the contact for the rep.
  await openStep(rep, id, 3);
  await expect(rep.locator('#contacts-1').getByTestId('comment')).toContainText('她的上级是谁？');
});
