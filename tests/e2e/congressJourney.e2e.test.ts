// The workers' congress from end to end (issue 8, "Tests and figures") in a real Chromium against a real browser host at
// 1366×768: a term made in the form with its representatives from the roster's flags → the composition green → a
// safety proposal with two co-signers, reviewed (立案) and linked to a new hazard in the ledger → a 5+X session with the
// papers (the notice PDF read back) whose item 5 counts that hazard → check-in to quorum → two votes, one passing and one
// failing for lack of an absolute majority of ALL representatives although most of those present voted yes → a
// resolution → the session closed → the minutes PDF (every item, the counts, the verdicts, the signature lines;
// fonts embedded; its pages rendered to PNG to look at), the resolutions PDF and the vote results xlsx.
// Screenshots and files in test-results/e2e/congress-journey-*.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { todayLocal } from '../../electron/core/util';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { api, journeySteps, recordVote, setUpSignedIn, SHOTS_DIR, useE2E } from './fixtures';
import { Shell, label, pickMultiple, pickSelect, waitText } from './pages';

const today = todayLocal();
const SESSION_DAY = shiftDate(today, 14);
const NAMES = ['张丽', '李强', '王芳', '赵刚', '孙梅', '周杰', '吴敏', '郑伟', '冯磊', '陈静', '褚军', '卫红', '蒋涛', '沈燕', '韩冰'];
const REPS = NAMES.length;
const X_TITLE = '审议《职工劳动防护用品发放标准》';
const WAGE_RESOLUTION = '大会审议通过安全生产“能级工资”专题协商方案，自下月起执行。';

const flat = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
/** every font of the PDF embedded (pdffonts' "emb" column), none left to the reader's system */
function expectFontsEmbedded(file: string) {
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim());
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
}

describe('the workers\' congress, end to end (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'congress-journey-');
  const shot = (n: string) => app.shot(`congress-journey-${n}`);
  const page = () => app.page;
  const dialog = () => page().getByRole('dialog').filter({ visible: true }).last();
  const modal = (title: string) => page().locator('.ant-modal').filter({ has: page().locator('.ant-modal-title', { hasText: title }) });
  const modalOk = (title: string) => modal(title).locator('.ant-modal-footer .ant-btn-primary');
  const row = (text: string) => page().locator('.ant-table-row').filter({ hasText: text });
  const check = (key: string, ok: boolean) => page().locator(`[data-testid="check-${key}"][data-ok="${ok}"]`);
  const voteCard = (position: number) => page().getByTestId(`vote-item-${position}`);
  const ids: Record<string, string> = {};
  async function download(button: string, expectedName: string, saveAs: string): Promise<string> {
    const [d] = await Promise.all([page().waitForEvent('download'), page().getByRole('button', { name: button }).click()]);
    expect(d.suggestedFilename()).toBe(expectedName);
    const file = path.join(SHOTS_DIR, saveAs);
    await d.saveAs(file);
    return file;
  }

  step('a term made in the form; its representatives from the roster\'s flags; the presidium set: the composition turns green', async () => {
    await setUpSignedIn(app);

    // the roster: 15 front-line workers flagged as representatives (8 women) and 3 other staff, in two workshops
    const ws = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
    const eq = await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: '设备部' });
    ids.eq = eq.id;
    for (const [k, name] of NAMES.entries()) {
      const w = await api<{ id: string }>(app.host, 'workers.create', {
        empNo: `R${String(k + 1).padStart(2, '0')}`,
        name,
        gender: k % 2 === 0 ? 'F' : 'M',
        orgUnitId: k < 10 ? ws.id : eq.id,
        isFrontline: true,
        isRepresentative: true,
      });
      ids[name] = w.id;
    }
    for (const [k, name] of ['钱一', '孙二', '李三'].entries()) await api(app.host, 'workers.create', { empNo: `S0${k}`, name, gender: 'M', orgUnitId: ws.id });

    await new Shell(page()).go('职代会');
    await page().getByTestId('congress-no-term').waitFor();
    await page().getByRole('button', { name: label('新建一届') }).click();
    const d = dialog();
    await d.getByLabel('自定义').check();
    await d.getByLabel('每千名职工的代表数（‰）').fill('200');
    await d.getByLabel('最少名额').fill('4');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await page().getByText(/本届还没有代表/).waitFor();

    await page().getByRole('button', { name: label('从花名册导入') }).click();
    await dialog().getByRole('button', { name: label('导入') }).click();
    await waitText(page().getByTestId('import-summary'), /新增 15 名代表，已在任 0 名，新建代表团（组）2 个/);
    await check('quota', true).waitFor();
    await check('presidiumSize', false).waitFor();
    for (const name of ['张丽', '李强', '王芳']) await page().getByRole('switch', { name: `${name} 是否进入主席团` }).click();
    await check('presidiumSize', true).waitFor();
    await check('presidiumFrontLine', true).waitFor();
    await waitText(page().getByTestId('composition-summary'), '各项均符合要求');
    for (const key of ['quota', 'frontLine', 'managers', 'women']) await check(key, true).waitFor();
    await shot('01-composition-green');
    const terms = await api<{ id: string }[]>(app.host, 'congress.terms');
    ids.term = terms[0]!.id;
  });

  step('a safety proposal with two co-signers, reviewed (立案) and linked to a new hazard in the ledger', async () => {
    await api(app.host, 'congress.proposalSettingsSave', { termId: ids.term, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: SESSION_DAY });
    await page().getByRole('tab', { name: '提案' }).click();
    await page().getByRole('button', { name: label('提交提案') }).click();
    const d = modal('提交提案');
    await d.getByLabel('案由').fill('合成车间反应釜平台护栏加高');
    await d.getByLabel('理由').fill('二楼操作平台护栏高度仅 0.9 米，低于 1.05 米的规范要求，巡检时有坠落风险。');
    await d.getByLabel('建议办法').fill('护栏加高至 1.2 米并加设踢脚板，年底检修时完成。');
    await pickSelect(page(), d.getByRole('combobox', { name: '提案人' }), /张丽/, '张丽');
    const cos = d.getByRole('combobox', { name: '附议人（至少 2 名）' });
    for (const c of ['李强', '王芳']) await pickMultiple(page(), cos, c);
    await d.getByRole('button', { name: label('提交') }).click();
    await d.waitFor({ state: 'hidden' });
    await waitText(page().getByTestId('proposal-serial'), /^TA1-\d{4}-001$/);
    const drawer = page().locator('.ant-drawer').filter({ visible: true });
    await drawer.getByRole('button', { name: label('立案') }).click();
    await modalOk('立案 · TA1').click();
    await waitText(drawer.getByTestId('proposal-actions'), /交\s*办/);
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await page().getByTestId('proposal-serial').waitFor({ state: 'detached' });
    // assigned to the equipment department (through the API), then the hazard is made from the drawer
    const rows = await api<{ id: string; title: string }[]>(app.host, 'congress.proposals', { termId: ids.term });
    ids.p = rows[0]!.id;
    await api(app.host, 'congress.proposalAssign', { id: ids.p, leadUnitId: ids.eq, dueDate: shiftDate(today, 30), note: '设备部牵头' });
    await page().reload();
    await row('合成车间反应釜平台护栏加高').getByRole('link').click();
    await drawer.getByRole('button', { name: label('生成隐患') }).click();
    const h = modal('生成隐患 · TA1');
    await h.getByLabel('具体位置').fill('合成车间二楼操作平台');
    await modalOk('生成隐患 · TA1').click();
    await h.waitFor({ state: 'hidden' });
    await waitText(drawer.getByTestId('proposal-hazards'), /YH-\d{4}-0001[\s\S]*由本提案生成/);
    await shot('02-proposal-hazard');
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
  });

  step('a 5+X session made in the UI with one X item; the papers issued; item 5 counts the new hazard; the notice PDF lists the agenda', async () => {
    await page().getByRole('tab', { name: '会议与表决' }).click();
    await page().getByText(/本届还没有会议/).waitFor();
    await page().getByRole('button', { name: label('新建会议') }).click();
    const d = dialog();
    const date = d.getByLabel('会议日期');
    await date.click();
    await date.fill(SESSION_DAY);
    await date.press('Enter');
    await d.getByLabel('开始时间').fill('08:30');
    await d.getByLabel('会议地点').fill('职工活动中心二楼会议室');
    await d.getByLabel('召集人').fill('公司工会');
    await d.getByRole('button', { name: label('保存') }).click();
    await d.waitFor({ state: 'hidden' });
    await page().getByRole('heading', { name: '第1届职工代表大会第1次会议' }).waitFor();
    await page().getByRole('button', { name: label('添加议题（X 项）') }).click();
    const x = dialog();
    await x.getByLabel('议题').fill(X_TITLE);
    await x.getByLabel('报告人/主持人').fill('李经理');
    await x.getByRole('button', { name: label('保存') }).click();
    await x.waitFor({ state: 'hidden' });
    await waitText(page().getByTestId('agenda-8'), new RegExp(`8\\. ${X_TITLE.replace(/[《》]/g, '.')}`));
    await waitText(page().getByTestId('hazard-figures'), /发现 1 项/);
    await page().getByRole('button', { name: label('发出会议通知') }).click();
    // item 5: the hazard figures and the proposals box are both frozen with the papers
    await page().getByText(/已随会议通知定格/).first().waitFor();
    expect(await page().getByText(/已随会议通知定格/).count()).toBe(2);
    await waitText(page().getByTestId('hazard-figures'), /发现 1 项/);
    await shot('03-papers-issued');
    const notice = flat(await download('会议通知 PDF', '第1届职工代表大会第1次会议会议通知.pdf', 'congress-journey-notice.pdf'));
    for (const want of ['关于召开第1届职工代表大会第1次会议的通知', '职工活动中心二楼会议室', '班组安全生产教育引领', '安全隐患提案整改落实', X_TITLE, '公司工会']) {
      expect(notice, want).toContain(want);
    }
  });

  step('the day: check-in to quorum (12 of 15; 11 needed)', async () => {
    await page().getByRole('button', { name: label('宣布开幕') }).click();
    await page().getByTestId('day-screen').waitFor();
    await page().getByText('应到 15 人，实到 0 人，须至少 11 人，未达法定人数。').waitFor();
    expect(await voteCard(6).getByRole('button', { name: label('开始表决') }).isDisabled()).toBe(true);
    await page().getByRole('checkbox', { name: '全选所列代表' }).check();
    await page().getByRole('button', { name: label('出席') }).click();
    await waitText(page().getByTestId('count-present'), String(REPS));
    await page().getByRole('radiogroup', { name: '韩冰' }).getByText('请假').click();
    await page().getByRole('radiogroup', { name: '沈燕' }).getByText('缺席').click();
    await page().getByRole('radiogroup', { name: '蒋涛' }).getByText('缺席').click();
    await waitText(page().getByTestId('count-present'), '12');
    await page().getByText('应到 15 人，实到 12 人，须至少 11 人，符合法定人数。').waitFor();
    await shot('04-quorum');
  });

  const vote = (position: number, counts: { issued: number; yes: number; no: number; abstain: number }) => recordVote(page(), voteCard(position), counts);

  step('votes: the wage item passes with 9 of 15; the X item fails with 7 yes — most of the 12 present, not more than half of all 15', async () => {
    const wage = await vote(6, { issued: 12, yes: 9, no: 2, abstain: 1 });
    await waitText(wage.getByTestId('verdict'), '应到代表 15 人，赞成 9 票，超过全体代表的半数（须至少 8 票），通过。');
    const x = await vote(8, { issued: 12, yes: 7, no: 4, abstain: 1 });
    await waitText(x.getByTestId('verdict'), '应到代表 15 人，赞成 7 票，未超过全体代表的半数（须至少 8 票），未通过。');
    await x.scrollIntoViewIfNeeded();
    await shot('05-votes');
  });

  step('the resolution for the passed item; the session closed', async () => {
    await page().getByText('议程', { exact: true }).click();
    const item = page().getByTestId('agenda-6');
    await item.getByRole('textbox', { name: '决议' }).fill(WAGE_RESOLUTION);
    await item.getByRole('button', { name: '记录 6' }).click();
    await page().getByText('已保存').first().waitFor();
    await page().getByRole('button', { name: label('宣布闭会') }).click();
    await page().locator('.ant-popconfirm').filter({ visible: true }).getByRole('button', { name: label('确定') }).click();
    await page().getByText('已闭会').first().waitFor();
    await shot('06-closed');
    expect(app.pageErrors).toEqual([]);
  });

  step('the minutes PDF: every item, the counts, the verdicts, the resolution, the signature lines; fonts embedded; pages rendered', async () => {
    const file = await download('会议纪要 PDF', '第1届职工代表大会第1次会议纪要.pdf', 'congress-journey-minutes.pdf');
    const text = flat(file);
    const s = await api<{ agenda: { title: string }[] }>(app.host, 'congress.session', { id: (await api<{ id: string }[]>(app.host, 'congress.sessions', { termId: ids.term }))[0]!.id });
    expect(s.agenda).toHaveLength(10);
    for (const want of [
      '泰兴安康化工有限公司',
      '第1届职工代表大会第1次会议',
      '会议类型：安全生产专题',
      '会议地点：职工活动中心二楼会议室',
      '应到代表15人，实到12人，请假1人，缺席2人。',
      '须至少11人；实到12人，符合法定人数，会议有效。',
      ...s.agenda.map((i) => i.title.replace(/\s+/g, '')),
      '发现隐患1项',
      '赞成9票，反对2票，弃权1票，无效0票',
      '赞成7票，反对4票，弃权1票，无效0票',
      '应到代表15人，赞成9票，超过全体代表的半数（须至少8票），通过。',
      '应到代表15人，赞成7票，未超过全体代表的半数（须至少8票），未通过。',
      `决议：${WAGE_RESOLUTION}`,
      '主持人（签字）：',
      '记录人（签字）：',
      '第1页/共',
      '数据指纹',
    ]) {
      expect(text, want).toContain(want);
    }
    expectFontsEmbedded(file);
    // the pages as images, to look at
    const prefix = path.join(SHOTS_DIR, 'congress-journey-minutes-page');
    for (const f of fs.readdirSync(SHOTS_DIR)) if (f.startsWith('congress-journey-minutes-page')) fs.rmSync(path.join(SHOTS_DIR, f));
    execFileSync('pdftoppm', ['-r', '70', '-png', file, prefix]);
    expect(fs.readdirSync(SHOTS_DIR).filter((f) => f.startsWith('congress-journey-minutes-page')).length).toBeGreaterThanOrEqual(2);
  });

  step('the resolutions PDF and the vote results xlsx', async () => {
    const file = await download('决议 PDF', '第1届职工代表大会第1次会议决议.pdf', 'congress-journey-resolutions.pdf');
    const text = flat(file);
    for (const want of ['第1届职工代表大会第1次会议决议', '应到代表15人，实到12人', `一、关于“安全生产“能级工资”专题协商”`, WAGE_RESOLUTION, '超过全体代表的半数（须至少8票），通过。', '主持人（签字）：', '记录人（签字）：', '数据指纹']) {
      expect(text, want).toContain(want);
    }
    expect(text).not.toContain(X_TITLE);
    expectFontsEmbedded(file);
    execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', file, path.join(SHOTS_DIR, 'congress-journey-resolutions')]);

    const xlsx = await download('表决结果 Excel', '第1届职工代表大会第1次会议表决结果.xlsx', 'congress-journey-votes.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const sheet = wb.getWorksheet('表决结果')!;
    const rows = [4, 5].map((r) => (sheet.getRow(r).values as unknown[]).slice(1));
    expect(rows.map((r) => [r[1], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[12], r[13]])).toEqual([
      ['安全生产“能级工资”专题协商', '无记名投票', 15, 12, 12, 9, 2, 1, 0, 8, '通过'],
      [X_TITLE, '无记名投票', 15, 12, 12, 7, 4, 1, 0, 8, '未通过'],
    ]);
    expect(rows[1]![14]).toBe('应到代表 15 人，赞成 7 票，未超过全体代表的半数（须至少 8 票），未通过。');
    expect(rows.every((r) => r[16] instanceof Date)).toBe(true);
    await shot('07-exports');
    expect(app.pageErrors).toEqual([]);
  });

  step('in English at 1366 px: the representatives\' toolbar on one line, the employee-number header whole, the check-in buttons on one line', async () => {
    await page().getByRole('button', { name: 'language' }).click();
    await page().getByRole('tab', { name: 'Terms and representatives' }).click();
    await waitText(page().getByTestId('composition-summary'), 'Every check passes');
    const tops = [];
    for (const name of ['Add representative', 'By-election', 'Add observer', 'From the roster', 'From a sheet']) {
      tops.push((await page().getByRole('button', { name, exact: true }).boundingBox())!.y);
    }
    expect(Math.max(...tops) - Math.min(...tops)).toBeLessThan(2);
    const th = page().locator('.ant-table-thead th').filter({ hasText: 'Employee no.' });
    expect(await th.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    await waitText(page().getByTestId('term-counts'), /Representatives: 15 · Observers: 0 · Constituencies: 2/);
    await shot('08-english-reps');
    // the closed session: its verdicts and exports in English
    await page().getByRole('tab', { name: 'Sessions and votes' }).click();
    await page().getByRole('button', { name: "Term 1, session 1 of the workers' congress" }).click();
    await page().getByText('The day (check-in and votes)', { exact: true }).click();
    await page().getByText('15 representatives, 12 present, at least 11 needed: quorum.').waitFor();
    await waitText(voteCard(8).getByTestId('verdict'), '15 representatives; 7 yes, not more than half of all representatives (at least 8 needed): not passed.');
    await expect(page().getByRole('button', { name: 'Resolutions (PDF)' }).isVisible()).resolves.toBe(true);
    await expect(page().getByRole('button', { name: 'Vote results (Excel)' }).isVisible()).resolves.toBe(true);
    // a second session in progress: the check-in buttons of a row stay on one line in English
    const s2 = await api<{ id: string }>(app.host, 'congress.sessionCreate', { termId: ids.term, kind: 'regular', date: shiftDate(today, 20), template: false });
    await api(app.host, 'congress.agendaAdd', { sessionId: s2.id, title: '表决安全生产责任制考核办法', kind: 'vote' });
    await api(app.host, 'congress.sessionStep', { id: s2.id, action: 'issue' });
    await api(app.host, 'congress.sessionStep', { id: s2.id, action: 'open' });
    await page().getByRole('button', { name: 'Back to the sessions' }).click();
    await page().getByRole('button', { name: "Term 1, session 2 of the workers' congress" }).click();
    await page().getByTestId('day-screen').waitFor();
    const group = page().getByRole('radiogroup', { name: '韩冰' });
    const present = (await group.getByText('Present', { exact: true }).boundingBox())!;
    const absent = (await group.getByText('Absent', { exact: true }).boundingBox())!;
    expect(Math.abs(present.y - absent.y)).toBeLessThan(2);
    await page().getByText('15 representatives, 0 present, at least 11 needed: no quorum.').waitFor();
    await shot('09-english-day');
    expect(app.pageErrors).toEqual([]);
  });
});
