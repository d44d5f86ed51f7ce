// The wage schemes tab (issue 9) in a real Chromium against a real browser host at 1280×800: the empty tab says how to
// start; a draft is created from the catalogue with its indicators ticked; in the editor a tier of 安全生产时长 is moved
// (the preview scores a value typed in), the weights' warning shows off 100, the draft is saved with Ctrl+S and, opened
// again, shows the edited tier — and the store holds it. The scheme's PDF downloads. Then the lifecycle: a session
// whose papers are already out is not offered (with the way out); the papers withdrawn, the draft is put to item 4
// (its text among the item's materials), the vote announced and recorded, the version put into effect, copied, and
// the tab read in English. Screenshots in test-results/e2e/wage-schemes-*.png.
import { describe, expect } from 'vitest';
import { demoUscc } from '../../electron/core/demo';
import type { SchemeVersion } from '../../shared/wage/schemes/types';
import { api, journeySteps, useE2E } from './fixtures';
import { SetupPage, Shell, label, waitText } from './pages';

const ADMIN = { empNo: 'A0001', name: '王主席', gender: '男' as const };

describe('wage schemes (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1280, height: 800 } });
  const step = journeySteps(app, 'wage-schemes-');
  const shot = (n: string) => app.shot(`wage-schemes-${n}`);
  const page = () => app.page;
  const modal = (title: string) => page().locator('.ant-modal').filter({ has: page().locator('.ant-modal-title', { hasText: title }) });
  const editor = () => page().getByTestId('scheme-editor');
  const year = new Date().getFullYear();
  const name = `${year}年度能级工资方案`;

  step('the schemes tab starts empty and says how to begin', async () => {
    const setup = new SetupPage(page());
    await setup.waitUntilVisible();
    await setup.fillEnterprise({ name: '泰兴安康化工有限公司', uscc: demoUscc(), industry: '化学原料和化学制品制造业', address: '江苏省泰兴市沿江大道 88 号', headcount: 120 });
    await setup.next();
    await setup.fillOperator(ADMIN);
    await setup.finish();
    await new Shell(page()).waitSignedIn(ADMIN.name);
    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await page().getByRole('tab', { name: '方案' }).click();
    await page().getByRole('tab', { name: '方案', selected: true }).waitFor();
    expect(page().url()).toContain('#/wage/schemes');
    await waitText(page().getByTestId('schemes-empty'), /还没有能级工资方案/);
    await shot('01-empty');
  });

  step('a draft from the catalogue: every indicator ticked, the editor opens on it', async () => {
    await page().getByRole('button', { name: label('从指标库新建方案') }).first().click();
    const d = modal('从指标库新建方案');
    await d.getByRole('checkbox', { name: '纳入 HAZARDS 隐患排查' }).waitFor();
    expect(await d.getByRole('checkbox', { name: /^纳入 / }).count()).toBe(4);
    await expect(d.getByLabel('方案名称').inputValue()).resolves.toBe(name);
    await shot('02-create');
    await d.getByRole('button', { name: label('新建草案') }).click();
    await editor().waitFor();
    await waitText(editor().getByTestId('weight-sum'), '权重合计 100%');
  });

  step('a tier of 安全生产时长 moved, previewed; the weights warn off 100; saved with Ctrl+S', async () => {
    const row = editor().locator('tr.ant-table-row').filter({ hasText: 'SAFE_TIME' });
    await row.locator('.ant-table-row-expand-icon').click();
    const rule = editor().getByTestId('rule-of-SAFE_TIME');
    await rule.getByLabel('第 2 档起点').fill('100');
    await rule.getByLabel('第 2 档分数').fill('55');
    await rule.getByLabel('试算：原始值').fill('110');
    await waitText(rule.getByTestId('rule-preview-result'), '110 小时 → 55 分');
    // a tier below the one before is told at once
    await rule.getByLabel('第 3 档起点').fill('90');
    await waitText(rule.getByTestId('rule-problems'), '各档的起点必须逐档递增');
    await shot('03-tier-problem');
    await rule.getByLabel('第 3 档起点').fill('160');
    await rule.getByTestId('rule-problems').waitFor({ state: 'detached' });
    await editor().getByLabel('SKILL 权重').fill('40');
    await waitText(editor().getByTestId('weight-warning'), '权重合计为 110%，应为 100%，否则不能保存');
    await editor().getByTestId('weight-warning').scrollIntoViewIfNeeded();
    await shot('04-weights-warning');
    await editor().getByLabel('SKILL 权重').fill('30');
    await editor().getByTestId('weight-warning').waitFor({ state: 'detached' });
    await page().keyboard.press('Control+s');
    await page().getByText(`已保存：${name}（第 1 版）`).waitFor();
    await editor().getByTestId('money-editor').scrollIntoViewIfNeeded();
    await shot('05-saved-money');
  });

  step('opened again the draft shows the edited tier, and the store holds it; the PDF downloads', async () => {
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await editor().waitFor({ state: 'detached' });
    const listRow = page().locator('.ant-table-row').filter({ hasText: name });
    await waitText(listRow, /草案/);
    await listRow.getByRole('link', { name }).click();
    const row = editor().locator('tr.ant-table-row').filter({ hasText: 'SAFE_TIME' });
    await row.locator('.ant-table-row-expand-icon').click();
    const rule = editor().getByTestId('rule-of-SAFE_TIME');
    await expect(rule.getByLabel('第 2 档起点').inputValue()).resolves.toBe('100');
    await expect(rule.getByLabel('第 2 档分数').inputValue()).resolves.toBe('55');
    await shot('06-reopened');
    const ops = await api<{ id: string }[]>(app.host, 'session.operators');
    await api(app.host, 'session.signIn', { operatorId: ops[0]!.id });
    const [v] = await api<SchemeVersion[]>(app.host, 'wage.schemes');
    const safe = v!.content.indicators.find((i) => i.code === 'SAFE_TIME')!;
    expect(safe.rule).toMatchObject({ kind: 'tiers', tiers: [{ min: 80, points: 40 }, { min: 100, points: 55 }, { min: 160, points: 80 }, { min: 174, points: 100 }] });
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await editor().waitFor({ state: 'detached' });
    await shot('07-list');
    const [download] = await Promise.all([page().waitForEvent('download'), listRow.getByRole('button', { name: label('方案文本 PDF') }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.pdf$/);
    expect(app.pageErrors).toEqual([]);
  });

  step('the catalogue lists the four built-in indicators; HAZARDS opens with its points per grade', async () => {
    await page().getByRole('button', { name: label('指标库') }).click();
    const drawer = page().getByTestId('catalogue-editor');
    await drawer.getByRole('button', { name: '编辑 HAZARDS' }).click();
    const d = modal('编辑指标 HAZARDS');
    await expect(d.getByLabel('第 2 行类别/等级').inputValue()).resolves.toBe('major');
    await d.getByLabel('试算：原始值').fill('general, major, major');
    await waitText(d.getByTestId('rule-preview-result'), '3 次 → 90 分');
    await shot('08-catalogue-hazards');
    await d.getByRole('button', { name: label('取消') }).click();
    await d.waitFor({ state: 'hidden' });
    expect(await drawer.locator('.ant-table-row').count()).toBe(4);
    await shot('09-catalogue');
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await drawer.waitFor({ state: 'detached' });
    expect(app.pageErrors).toEqual([]);
  });

  const ids: Record<string, string> = {};
  const row = () => page().locator('.ant-table-row').filter({ hasText: name });
  const tab = async (label: string) => {
    await page().getByRole('tab', { name: label }).click();
    await page().getByRole('tab', { name: label, selected: true }).waitFor();
  };

  step('a session whose papers are out is not offered, and says how to add the scheme; papers withdrawn, the draft goes to item 4', async () => {
    // a term of three representatives and a safety-themed 5+X session today, its papers issued
    const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    for (const [k, n] of ['张伟', '李娜', '王强'].entries()) {
      await api(app.host, 'workers.create', { empNo: `R0${k + 1}`, name: n, gender: k === 1 ? 'F' : 'M', orgUnitId: ws.id, isRepresentative: true });
    }
    const y = Number(today.slice(0, 4));
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 1, startDate: `${y - 1}-01-01`, endDate: `${y + 3}-12-31`, settings: { quotaPreset: 'custom', customQuota: { perMille: 200, min: 3 } } });
    await api(app.host, 'congress.importFromRoster', { termId: term.id, joinedOn: `${y - 1}-01-01` });
    const s = await api<{ id: string; agenda: { id: string; templateKey: string | null }[] }>(app.host, 'congress.sessionCreate', { termId: term.id, kind: 'safety', date: today, place: '职工活动中心' });
    ids.session = s.id;
    ids.item = s.agenda.find((i) => i.templateKey === 'wage')!.id;
    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'issue' });

    await tab('记录');
    await tab('方案');
    await row().getByRole('button', { name: label('提交职代会表决') }).click();
    let d = modal('提交职代会表决');
    const item = d.getByRole('radio', { name: /能级工资/ });
    await item.waitFor();
    expect(await item.isDisabled()).toBe(true);
    await waitText(d, /会议通知已发出：请先在“职代会”中撤回该次会议的通知/);
    await shot('10-papers-out');
    await d.getByRole('button', { name: label('取消') }).click();
    await d.waitFor({ state: 'hidden' });

    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'withdraw' });
    await row().getByRole('button', { name: label('提交职代会表决') }).click();
    d = modal('提交职代会表决');
    await d.getByRole('radio', { name: /能级工资/, checked: true }).waitFor();
    // the wage item and vote / deliberation items only: never 宣布大会开幕 / 闭幕 or 通过大会决议
    for (const procedural of [/宣布大会开幕/, /宣布大会闭幕/, /通过大会决议/, /听取安全生产和职业健康工作报告/]) expect(await d.getByRole('radio', { name: procedural }).count()).toBe(0);
    await shot('11-propose');
    await d.locator('.ant-modal-footer .ant-btn-primary').click();
    await d.waitFor({ state: 'hidden' });
    await waitText(row(), /已提交职代会/);
    const session = await api<{ agenda: { id: string; materials: { title: string }[] }[] }>(app.host, 'congress.session', { id: ids.session });
    expect(session.agenda.find((i) => i.id === ids.item)!.materials.map((m) => m.title)).toEqual([`${name}（第1版）`]);
    await shot('12-proposed');
  });

  step('the vote announced and recorded: adopted; in effect from today; copied as a new draft', async () => {
    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'issue' });
    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'open' });
    const att = await api<{ rows: { memberId: string }[] }>(app.host, 'congress.attendance', { sessionId: ids.session, q: null });
    await api(app.host, 'congress.attendanceSet', { sessionId: ids.session, memberIds: att.rows.map((r) => r.memberId), status: 'present' });
    const opened = await api<{ agenda: { id: string; votes: { id: string }[] }[] }>(app.host, 'congress.voteOpen', { itemId: ids.item });
    const vote = opened.agenda.find((i) => i.id === ids.item)!.votes.at(-1)!;
    await api(app.host, 'congress.voteCount', { id: vote.id, counts: { issued: 3, yes: 3, no: 0, abstain: 0, invalid: 0 } });
    await api(app.host, 'congress.voteAnnounce', { id: vote.id });
    await tab('记录');
    await tab('方案');
    await row().getByRole('button', { name: label('登记表决结果') }).click();
    await page().locator('.ant-modal-confirm').getByRole('button', { name: label('登记表决结果') }).click();
    await waitText(row(), /已通过/);
    await row().getByRole('button', { name: label('设定生效日期') }).click();
    const e = modal('设定生效日期');
    await shot('13-effective-dialog');
    await e.locator('.ant-modal-footer .ant-btn-primary').click();
    await e.waitFor({ state: 'hidden' });
    await waitText(row(), /执行中/);
    await row().getByRole('button', { name: label('复制为新版本') }).click();
    const c = modal('复制为新版本');
    const n = c.getByLabel('方案名称');
    await n.fill(`${year + 1}年度能级工资方案（讨论稿：按车间协商意见修改技能等级分值与隐患排查封顶）`);
    await c.locator('.ant-modal-footer .ant-btn-primary').click();
    await c.waitFor({ state: 'hidden' });
    await page().getByRole('link', { name: /讨论稿/ }).waitFor();
    await shot('14-versions');
    expect(app.pageErrors).toEqual([]);
  });

  step('a wrong effective date: typed over the filled one, refused in words on the field, then corrected — audited', async () => {
    const eff = page().locator('.ant-table-row').filter({ hasText: '执行中' });
    await eff.getByRole('button', { name: label('更正日期') }).click();
    const d = modal('更正日期');
    const date = d.getByRole('textbox', { name: '生效日期' });
    // the filled date is selected on focus: typing replaces it (no clearing first)
    await date.click();
    await page().keyboard.type(`${year}-01-01`);
    await page().keyboard.press('Enter');
    await expect(date.inputValue()).resolves.toBe(`${year}-01-01`);
    await d.getByLabel('更正原因').fill('生效日期应为年初');
    await d.locator('.ant-modal-footer .ant-btn-primary').click();
    // adopted by today's vote: it cannot take effect before — said on the field, with the date, not 「格式不正确」
    const today = new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
    await waitText(d.locator('.ant-form-item-explain-error'), `生效日期不能早于通过日期（${today}）`);
    expect(await d.getByText('格式不正确').count()).toBe(0);
    await shot('16-correct-refused');
    await d.getByRole('button', { name: label('取消') }).click();
    await d.waitFor({ state: 'hidden' });
    expect(app.pageErrors).toEqual([]);
  });

  step('at 1920 px the names and sessions stay on one line; a ticked indicator reads as ticked, not disabled', async () => {
    await page().setViewportSize({ width: 1920, height: 1080 });
    const link = page().getByRole('link', { name, exact: true });
    const h = (await link.boundingBox())!.height;
    expect(h).toBeLessThan(30);
    await shot('17-list-1920');
    await page().setViewportSize({ width: 1280, height: 800 });
    await page().getByRole('button', { name: label('从指标库新建方案') }).first().click();
    const d = modal('从指标库新建方案');
    const ticked = d.locator('tr.ant-table-row-selected td').nth(1);
    await ticked.waitFor();
    // a light tint, not the grey of a disabled row
    const bg = await ticked.evaluate((el) => el.ownerDocument.defaultView!.getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(Math.min(r!, g!, b!)).toBeGreaterThan(220);
    await shot('18-create-ticked');
    await d.getByRole('button', { name: label('取消') }).click();
    await d.waitFor({ state: 'hidden' });
  });

  step('in English', async () => {
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: 'Schemes', selected: true }).waitFor();
    await waitText(row().first(), /In effect/);
    await shot('15-english');
    // the draft's editor in English: the source names whole, the scoring kind on one line
    await page().getByRole('link', { name: /讨论稿/ }).click();
    await editor().waitFor();
    const sources = editor().locator('.ant-table-row .ant-select-content, .ant-table-row .ant-select-selection-item');
    await sources.first().waitFor();
    expect(await sources.evaluateAll((els) => els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent))).toEqual([]);
    // the name column keeps room for its input
    expect((await editor().getByLabel('SKILL name', { exact: false }).first().boundingBox())!.width).toBeGreaterThan(100);
    const kind = editor().locator('tr.ant-table-row').filter({ hasText: 'HAZARDS' }).getByText('Points per event');
    expect((await kind.boundingBox())!.height).toBeLessThan(30);
    await shot('19-english-editor');
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await editor().waitFor({ state: 'detached' });
    await page().getByRole('button', { name: 'language' }).click();
    expect(app.pageErrors).toEqual([]);
  });
});
