// Issue 15, item 3: a plan travels to a manager and comes back with comments and a verdict.
// Two browser contexts pass real downloaded files: the rep works in English, the manager in
// 简体中文. Every step waits for the state it needs (the row, the comment, the status), never
// for time.
import { test, expect } from '@playwright/test';
import fs from 'node:fs';
import { newPlan, openApp, waitSaved, addRow, openStep, stepShown, readStored, planKey } from './helpers.mjs';
import { axe } from './screens-list.mjs';

const ROW_COMMENT = 'Who is her boss? <b>not bold</b>';
const FIELD_COMMENT = '主营业务写得太笼统，请具体说明。';
const VERDICT_NOTE = '请补充决策链。';

async function download(page, click) {
  const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: dl.suggestedFilename(), path: await dl.path() };
}

test('a manager in Chinese reviews a rep\'s plan; the rep sees, answers and resolves the comments', async ({ browser }) => {
  const rep = await (await browser.newContext({ locale: 'en-US', acceptDownloads: true })).newPage();
  const boss = await (await browser.newContext({ locale: 'zh-CN', acceptDownloads: true })).newPage();

  // The rep writes a plan with a contact and a main business, and exports it.
  const id = await newPlan(rep, 'Review Loop Co');
  await openStep(rep, id, 3);
  const card = await addRow(rep, 'Add contact', rep.locator('#contacts .row-card'));
  await card.getByLabel('Name').fill('Ann Lee');
  await openStep(rep, id, 2);
  await rep.getByLabel('Main business').fill('Valves');
  await waitSaved(rep);
  const sent = await download(rep, () => rep.getByRole('button', { name: 'Download this plan' }).click());
  expect(JSON.parse(fs.readFileSync(sent.path, 'utf8')).schema_version).toBe(4);

  // The manager imports it and opens step 3 in review mode.
  await openApp(boss);
  await expect(boss.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await boss.getByRole('button', { name: '导入计划' }).first().click();
  const panel = boss.getByTestId('import-panel');
  await panel.getByLabel('选择 KeyPlan 文件').setInputFiles(sent.path);
  await expect(panel.getByText('Review Loop Co')).toBeVisible();
  await panel.getByRole('button', { name: '导入', exact: true }).click();
  await expect(panel.getByTestId('import-result')).toBeVisible();
  await openStep(boss, id, 3);
  // Outside review mode there is nothing to comment with.
  await expect(boss.getByTestId('add-comment')).toHaveCount(0);
  await boss.getByTestId('review-this-plan').click();
  const bar = boss.getByTestId('review-bar');
  await expect(bar.getByRole('heading', { name: '正在审阅此计划' })).toBeVisible();
  await bar.getByLabel('您的姓名（显示在您的评论旁）').fill('王经理');
  await bar.getByLabel('您的姓名（显示在您的评论旁）').press('Tab');
  await expect.poll(async () => (await readStored(boss, 'keyplan:settings'))?.settings?.reviewer_name).toBe('王经理');

  // A comment on the contact row…
  const row = boss.locator('#contacts-1');
  await row.getByTestId('add-comment').click();
  await row.getByLabel('您的评论', { exact: true }).fill(ROW_COMMENT);
  await row.getByRole('button', { name: '添加评论' }).click();
  await expect(row.getByTestId('comment')).toContainText(ROW_COMMENT);
  await expect(row.getByTestId('comment')).toContainText('王经理');

  // …and one on a field of step 2; an empty one is refused with what to do.
  await openStep(boss, id, 2);
  await boss.getByRole('button', { name: '评论“主营业务”' }).click();
  await boss.getByRole('button', { name: '添加评论' }).click();
  await expect(boss.getByRole('alert').filter({ hasText: '请先填写内容' })).toBeVisible();
  await boss.getByLabel('您的评论', { exact: true }).fill(FIELD_COMMENT);
  await boss.getByRole('button', { name: '添加评论' }).click();
  const fieldComment = boss.getByTestId('comment').filter({ hasText: FIELD_COMMENT });
  await expect(fieldComment).toBeVisible();
  // The reviewer did not have to edit the plan: the field still says what the rep wrote.
  await expect(boss.getByRole('textbox', { name: '主营业务', exact: true })).toHaveValue('Valves');
  // Review mode with a comment open is accessible (axe-core, in Chinese).
  expect(await axe(boss)).toEqual([]);

  // The verdict, then Send back.
  await boss.getByLabel('需要修改').check();
  await boss.getByLabel('备注（可选）').fill(VERDICT_NOTE);
  await boss.getByRole('button', { name: '给出结论' }).click();
  await expect(boss.getByTestId('verdict-given')).toContainText('需要修改');
  const back = await download(boss, () => boss.getByTestId('send-back').click());
  expect(back.name).toMatch(/^Review-Loop-Co-\d{4}-\d\d-\d\d\.keyplan\.json$/);
  const file = JSON.parse(fs.readFileSync(back.path, 'utf8'));
  expect(file.schema_version).toBe(4);
  const filed = file.plans[0];
  expect(filed.comments.map((c) => c.at)).toEqual([{ row: { table: 'relationships.contacts', id: 1 } }, { field: 'customer.main_business' }]);
  expect(filed.verdicts).toEqual([expect.objectContaining({ kind: 'changes_requested', reviewer: '王经理', note: VERDICT_NOTE })]);

  // The rep imports the file that came back: only the manager's copy changed since it was sent,
  // so the import takes theirs (issue 15's merge), comments and verdict included.
  await openApp(rep);
  await rep.getByRole('button', { name: 'Import a plan' }).first().click();
  const repPanel = rep.getByTestId('import-panel');
  await repPanel.getByLabel('Choose a KeyPlan file').setInputFiles(back.path);
  await expect(repPanel.getByText('Review Loop Co', { exact: true })).toBeVisible();
  await expect(repPanel.getByTestId('merge')).toHaveAttribute('data-kind', 'OnlyTheirs');
  await repPanel.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(repPanel.getByTestId('import-result')).toBeVisible();

  // Both comments show at their places, as text.
  await openStep(rep, id, 3);
  const repRow = rep.locator('#contacts-1');
  await expect(repRow.getByTestId('comment')).toContainText(ROW_COMMENT);
  await expect(repRow.locator('.comment-text b')).toHaveCount(0);
  await openStep(rep, id, 2);
  const atField = rep.locator('.field').filter({ has: rep.getByLabel('Main business') }).getByTestId('comment');
  await expect(atField).toContainText(FIELD_COMMENT);

  // …and in Check your plan, each linked to its place.
  await rep.getByRole('link', { name: '✓ Check your plan' }).click();
  const open = rep.getByTestId('open-comments');
  await expect(open.getByRole('link')).toHaveCount(2);
  await expect(open).toContainText(ROW_COMMENT);
  await open.getByRole('link', { name: new RegExp(FIELD_COMMENT) }).click();
  await stepShown(rep, 2);
  const thread = rep.getByTestId('comment').filter({ hasText: FIELD_COMMENT });
  await expect(thread).toBeVisible();

  // The rep answers it (giving their name once) and resolves it.
  await thread.getByRole('button', { name: 'Answer 王经理\'s comment' }).click();
  await thread.getByLabel('Your name (shown with your comments)').fill('Sam Rep');
  await thread.getByLabel('Your name (shown with your comments)').press('Tab');
  await thread.getByLabel('Your answer').fill('Valves and pumps for water utilities.');
  await thread.getByRole('button', { name: 'Add answer' }).click();
  await expect(thread.locator('.reply')).toContainText('Sam Rep');
  await expect(thread.locator('.reply')).toContainText('Valves and pumps for water utilities.');
  await thread.getByRole('button', { name: 'Resolve' }).click();
  await expect(thread).toContainText('Resolved');
  await waitSaved(rep);
  const stored = (await readStored(rep, planKey(id))).plan;
  const saved = stored.comments.find((c) => c.text === FIELD_COMMENT);
  expect(saved.resolved).toBe(true);
  expect(saved.replies[0]).toEqual(expect.objectContaining({ author: 'Sam Rep', text: 'Valves and pumps for water utilities.' }));
  await rep.getByRole('link', { name: '✓ Check your plan' }).click();
  await expect(rep.getByTestId('open-comments').getByRole('link')).toHaveCount(1);

  // The verdict is in step 7's review log, once.
  await openStep(rep, id, 7);
  const log = rep.locator('#reviews .review-log li');
  await expect(log.filter({ has: rep.getByTestId('verdict-badge') })).toHaveCount(1);
  await expect(log.first()).toContainText('Verdict: Changes requested');
  await expect(log.first()).toContainText('王经理');
  await expect(log.first()).toContainText(VERDICT_NOTE);

  // The customer-facing print has no comment, answer or verdict.
  await rep.goto(`./#/plan/${id}/print`);
  await expect(rep.locator('main')).toContainText('Valves');
  const printed = await rep.locator('main').innerText();
  for (const text of [ROW_COMMENT, FIELD_COMMENT, VERDICT_NOTE, 'Valves and pumps for water utilities.', '王经理', 'Review this plan']) {
    expect(printed).not.toContain(text);
  }
});
