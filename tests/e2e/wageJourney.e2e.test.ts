// The skill-level wage from end to end (issue 9, "Tests and figures") in a real Chromium against a real browser host at
// 1366×768: the month's timekeeping sheet and behaviour records imported from xlsx (preview, confirm) → a scheme drafted
// from the catalogue → put to the congress (item 4 of a 5+X session, 能级工资) and adopted by the announced vote, in
// effect from the month → the month calculated → a worker's explanation read (the violation behind the points) →
// reviewed by the chair and approved by a second union officer → both payroll files checked cell by cell against the
// run's lines (the wide xlsx and the long CSV) and the slips PDF read back (pdftotext) → a second draft (other weights)
// measured against the month in the what-if. Screenshots and files in test-results/e2e/wage-journey-*.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect } from 'vitest';
import { todayLocal } from '../../electron/core/util';
import { idCardCheckChar, maskIdCard } from '../../shared/roster/idcard';
import type { RunDetail, RunLine } from '../../shared/wage/runs/types';
import type { SchemeVersion } from '../../shared/wage/schemes/types';
import { api, CHAIR, journeySteps, setUpSignedIn, SHOTS_DIR, useE2E } from './fixtures';
import { Shell, label, waitText } from './pages';

const REVIEWER = '李副主席';
const today = todayLocal();
/** the month run: the one before this */
const P = (() => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
})();
/** the session that adopts the scheme: the 10th of the month before P (so the scheme is in effect for all of P) */
const SESSION_DAY = (() => {
  const [y, m] = P.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12-10` : `${y}-${String(m - 1).padStart(2, '0')}-10`;
})();
const [PY, PM] = P.split('-').map(Number) as [number, number];

/** the roster: two workshops, 8 workers (grades 1–5), one who joined mid-month */
const WORKERS = [
  { empNo: 'W01', name: '张伟', ws: '合成车间', team: '甲班', grade: 5, hours: 176 },
  { empNo: 'W02', name: '刘芳', ws: '合成车间', team: '甲班', grade: 4, hours: 174 },
  { empNo: 'W03', name: '陈刚', ws: '合成车间', team: '甲班', grade: 3, hours: 168 },
  { empNo: 'W04', name: '杨敏', ws: '合成车间', team: '乙班', grade: 2, hours: 150.5 },
  { empNo: 'W05', name: '赵磊', ws: '机修车间', team: '维修班', grade: 4, hours: 180 },
  { empNo: 'W06', name: '黄丽', ws: '机修车间', team: '维修班', grade: 3, hours: 172 },
  { empNo: 'W07', name: '周杰', ws: '机修车间', team: '维修班', grade: 1, hours: 96 },
  { empNo: 'W08', name: '吴静', ws: '机修车间', team: '维修班', grade: 2, hours: 174 },
] as const;

/** a valid ID number: born 1980+k, a man's or a woman's by k */
const idCard = (k: number) => {
  const first17 = `321202${1980 + k}0${(k % 9) + 1}1${k}01${k % 2 === 0 ? 1 : 2}`;
  return first17 + idCardCheckChar(first17);
};
const flat = (file: string) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
const yuan = (fen: number) => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

describe('the skill-level wage, end to end (browser host + Chromium)', () => {
  const app = useE2E({ viewport: { width: 1366, height: 768 } });
  const step = journeySteps(app, 'wage-journey-', 60_000);
  const shot = (n: string) => app.shot(`wage-journey-${n}`);
  const page = () => app.page;
  const modal = (title: string | RegExp) => page().locator('.ant-modal').filter({ has: page().locator('.ant-modal-title', { hasText: title }) });
  const popOk = () => page().locator('.ant-popconfirm').filter({ visible: true }).getByRole('button', { name: label('确定') });
  const ids: Record<string, string> = {};
  const tab = async (name: string) => {
    await page().getByRole('tab', { name }).click();
    await page().getByRole('tab', { name, selected: true }).waitFor();
  };
  async function download(click: () => Promise<void>, saveAs: string, name?: RegExp): Promise<string> {
    const [d] = await Promise.all([page().waitForEvent('download'), click()]);
    if (name) expect(d.suggestedFilename()).toMatch(name);
    const file = path.join(SHOTS_DIR, saveAs);
    await d.saveAs(file);
    return file;
  }
  async function sheet(rows: (string | number | null)[][], file: string): Promise<string> {
    const wb = new ExcelJS.Workbook();
    const s = wb.addWorksheet('Sheet1');
    for (const r of rows) s.addRow(r);
    const out = path.join(SHOTS_DIR, file);
    await wb.xlsx.writeFile(out);
    return out;
  }
  async function importFile(button: string, file: string, rows: number) {
    await page().getByRole('button', { name: label(button) }).click();
    const d = page().getByRole('dialog').filter({ visible: true }).last();
    await d.locator('input[type=file]').setInputFiles(file);
    await d.getByTestId('wage-import-summary').waitFor();
    return {
      d,
      commit: async () => {
        await d.getByRole('button', { name: label(`导入 ${rows} 行`) }).click();
        await d.waitFor({ state: 'hidden' });
      },
    };
  }

  step('set up: the enterprise, 8 workers in two workshops, a second union officer, a congress term with a 5+X session', async () => {
    await setUpSignedIn(app);

    const units: Record<string, string> = {};
    for (const w of WORKERS) {
      units[w.ws] ??= (await api<{ id: string }>(app.host, 'org.create', { kind: 'workshop', parentId: null, name: w.ws })).id;
      units[`${w.ws}/${w.team}`] ??= (await api<{ id: string }>(app.host, 'org.create', { kind: 'team', parentId: units[w.ws], name: w.team })).id;
    }
    for (const [k, w] of WORKERS.entries()) {
      const made = await api<{ id: string }>(app.host, 'workers.create', {
        empNo: w.empNo,
        name: w.name,
        gender: k % 2 === 0 ? 'M' : 'F',
        idCard: idCard(k),
        orgUnitId: units[`${w.ws}/${w.team}`],
        hireDate: w.empNo === 'W07' ? `${P}-15` : '2018-03-01',
        skillGrade: w.grade,
        isFrontline: true,
        isRepresentative: true,
      });
      ids[w.empNo] = made.id;
    }
    ids.team甲 = units['合成车间/甲班']!;
    // the second union officer, who approves what the chair reviewed
    const li = await api<{ id: string }>(app.host, 'workers.create', { empNo: 'U02', name: REVIEWER, gender: 'M', orgUnitId: units['合成车间'], roles: ['union_officer'], isRepresentative: true });
    await api(app.host, 'operators.add', { workerId: li.id, isAdmin: false });
    // the congress: a term since last year, its representatives from the roster, a 5+X session on SESSION_DAY
    const [ty] = today.split('-').map(Number) as [number];
    const term = await api<{ id: string }>(app.host, 'congress.termCreate', { number: 1, startDate: `${ty - 1}-01-01`, endDate: `${ty + 3}-12-31`, settings: { quotaPreset: 'custom', customQuota: { perMille: 200, min: 4 } } });
    await api(app.host, 'congress.importFromRoster', { termId: term.id, joinedOn: `${ty - 1}-01-01` });
    const s = await api<{ id: string; agenda: { id: string; templateKey: string | null; position: number }[] }>(app.host, 'congress.sessionCreate', {
      termId: term.id,
      kind: 'safety',
      date: SESSION_DAY,
      time: '08:30',
      place: '职工活动中心二楼会议室',
      convenor: '公司工会',
    });
    ids.session = s.id;
    ids.wageItem = s.agenda.find((i) => i.templateKey === 'wage')!.id;

    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await page().getByTestId('wage-section-timekeeping').waitFor();
    expect(page().url()).toContain('#/wage');
  });

  step('the month\'s timekeeping sheet imported: preview, confirm, the hours on the records tab', async () => {
    const file = await sheet(
      [
        [`${PY}年${PM}月考勤表`],
        ['工号', '姓名', '车间', '班组', '月份', '工时', '出勤天数'],
        ...WORKERS.map((w) => [w.empNo, w.name, w.ws, w.team, P, w.hours, Math.round(w.hours / 8)]),
        ['合计：8 人'],
      ],
      'wage-journey-timekeeping.xlsx',
    );
    const imp = await importFile('导入考勤表', file, WORKERS.length);
    await waitText(imp.d.getByTestId('wage-import-summary'), /8/);
    await shot('01-timekeeping-preview');
    await imp.commit();
    // the month of the sheet
    const month = page().getByLabel('月份').first();
    for (let k = 0; k < 3 && (await month.inputValue()) !== P; k++) await page().getByRole('button', { name: '上个月' }).click();
    await expect(month.inputValue()).resolves.toBe(P);
    const row = page().locator('.ant-table-row').filter({ hasText: '杨敏' });
    await waitText(row, /150\.5/);
    await shot('02-timekeeping');
    const rows = await api<{ empNo: string; hours: number; source: string }[]>(app.host, 'wage.timekeeping', { period: P });
    expect(rows.map((r) => [r.empNo, r.hours, r.source])).toEqual(WORKERS.map((w) => [w.empNo, w.hours, 'import']));
  });

  step('behaviour records imported: a violation, a good act, a team\'s record', async () => {
    await page().getByTestId('wage-section-behaviour').click();
    const file = await sheet(
      [
        ['日期', '工号', '姓名', '班组', '类别', '事项', '分值', '备注'],
        [`${P}-12`, 'W03', '陈刚', '', '违章', '未系安全带', -5, '二层平台高处作业未系安全带'],
        [`${P}-18`, 'W05', '赵磊', '', '表扬', '采纳安全建议', 3, '提出改进巡检路线的建议被采纳'],
        [`${P}-20`, '', '', '甲班', '表扬', '参与应急处置', 2, '班组成功处置物料泄漏险情'],
      ],
      'wage-journey-behaviour.xlsx',
    );
    const imp = await importFile('导入行为记录', file, 3);
    await shot('03-behaviour-preview');
    await imp.commit();
    await page().locator('.ant-table-row').filter({ hasText: '未系安全带' }).waitFor();
    await shot('04-behaviour');
    const recs = await api<{ empNo: string | null; teamName: string | null; kind: string; points: number }[]>(app.host, 'wage.behaviour', { period: P });
    expect(recs.map((r) => [r.empNo, r.teamName, r.kind, r.points]).sort()).toEqual(
      [
        ['W03', null, 'violation', -5],
        ['W05', null, 'good_act', 3],
        [null, '甲班', 'good_act', 2],
      ].sort(),
    );
  });

  step('a scheme drafted from the catalogue', async () => {
    await tab('方案');
    await page().getByRole('button', { name: label('从指标库新建方案') }).first().click();
    const d = modal('从指标库新建方案');
    await d.getByRole('checkbox', { name: /^纳入 HAZARDS/ }).waitFor();
    await d.getByLabel('方案名称').fill(`${PY}年度能级工资方案`);
    await d.getByRole('button', { name: label('新建草案') }).click();
    const editor = page().getByTestId('scheme-editor');
    await editor.waitFor();
    await waitText(editor.getByTestId('weight-sum'), '权重合计 100%');
    await shot('05-draft');
    await page().locator('.ant-drawer-close').filter({ visible: true }).click();
    await editor.waitFor({ state: 'detached' });
    const [v] = await api<SchemeVersion[]>(app.host, 'wage.schemes');
    ids.scheme = v!.id;
    expect(v).toMatchObject({ state: 'draft', version: 1 });
  });

  step('put to the congress as item 4 (能级工资); the vote passes and is announced; the vote recorded: adopted; in effect from the month', async () => {
    const row = page().locator('.ant-table-row').filter({ hasText: `${PY}年度能级工资方案` });
    await row.getByRole('button', { name: label('提交职代会表决') }).click();
    const d = modal(/提交职代会表决/);
    const item = d.getByRole('radio', { name: /能级工资/ });
    await item.check();
    await shot('06-propose');
    await d.locator('.ant-modal-footer .ant-btn-primary').click();
    await d.waitFor({ state: 'hidden' });
    await waitText(row, /已提交|表决中|提交/);
    // the session: papers issued (the scheme's text among the item's materials), opened, everyone present, the vote
    const s0 = await api<{ agenda: { id: string; materials?: { title: string }[] }[] }>(app.host, 'congress.session', { id: ids.session });
    const materials = s0.agenda.find((i) => i.id === ids.wageItem)!.materials ?? [];
    expect(materials.map((m) => m.title).join()).toContain(`${PY}年度能级工资方案`);
    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'issue' });
    await api(app.host, 'congress.sessionStep', { id: ids.session, action: 'open' });
    const att = await api<{ rows: { memberId: string }[] }>(app.host, 'congress.attendance', { sessionId: ids.session, q: null });
    await api(app.host, 'congress.attendanceSet', { sessionId: ids.session, memberIds: att.rows.map((r) => r.memberId), status: 'present' });
    const n = att.rows.length;
    const opened = await api<{ agenda: { id: string; votes: { id: string }[] }[] }>(app.host, 'congress.voteOpen', { itemId: ids.wageItem });
    const vote = opened.agenda.find((i) => i.id === ids.wageItem)!.votes.at(-1)!;
    await api(app.host, 'congress.voteCount', { id: vote.id, counts: { issued: n, yes: n - 1, no: 1, abstain: 0, invalid: 0 } });
    await api(app.host, 'congress.voteAnnounce', { id: vote.id });

    // the tab shown again reads the list afresh (the tabs are destroyed when hidden)
    await tab('记录');
    await tab('方案');
    await row.getByRole('button', { name: label('登记表决结果') }).click();
    await page().locator('.ant-modal-confirm').getByRole('button', { name: label('登记表决结果') }).click();
    await waitText(row, /已通过|通过/);
    await row.getByRole('button', { name: label('设定生效日期') }).click();
    const e = modal(/设定生效日期/);
    const date = e.getByLabel('生效日期');
    await date.click();
    await date.fill(`${P}-01`);
    await date.press('Enter');
    await e.locator('.ant-modal-footer .ant-btn-primary').click();
    await e.waitFor({ state: 'hidden' });
    await waitText(row, new RegExp(`${P}-01`));
    await shot('07-effective');
    const v = await api<SchemeVersion>(app.host, 'wage.scheme', { id: ids.scheme });
    expect(v).toMatchObject({ state: 'effective', voteId: vote.id, verdict: 'passed', adoptedOn: SESSION_DAY, effectiveFrom: `${P}-01` });
  });

  step('the month calculated: every worker with a line, the lines adding up to the total', async () => {
    await tab('月度核算');
    const month = page().getByLabel('核算月份');
    for (let k = 0; k < 3 && (await month.inputValue()) !== P; k++) await page().getByRole('button', { name: '上个月' }).click();
    await expect(month.inputValue()).resolves.toBe(P);
    await page().getByTestId('run-calculate').click();
    await page().getByTestId('run-header').waitFor();
    await page().getByTestId('run-lines').locator('.ant-table-row').first().waitFor();
    await shot('08-run');
    const [run] = await api<{ id: string; workers: number; totalFen: number; state: string }[]>(app.host, 'wage.runs', { period: P });
    ids.run = run!.id;
    // the eight, the chair and the second union officer: everyone on the roster in the month
    expect(run).toMatchObject({ state: 'calculated', workers: WORKERS.length + 2 });
    const lines = (await api<{ rows: RunLine[] }>(app.host, 'wage.runLines', { runId: run!.id, pageSize: 500 })).rows;
    expect(lines.reduce((a, l) => a + l.totalFen, 0)).toBe(run!.totalFen);
    for (const l of lines) expect(l.components.reduce((a, c) => a + c.fen, 0)).toBe(l.totalFen);
    // the one who joined on the 15th is paid pro rata
    expect(lines.find((l) => l.empNo === 'W07')!.proRata).not.toBeNull();
  });

  step('a worker\'s explanation: the violation behind the behaviour points', async () => {
    await page().getByRole('button', { name: '查看 陈刚 的核算说明' }).or(page().getByRole('link', { name: '查看 陈刚 的核算说明' })).first().click();
    await waitText(page().getByTestId('explain-title'), new RegExp(`W03 陈刚 · ${P}`));
    const behaviour = page().getByTestId('explain-BEHAVIOUR');
    await waitText(behaviour, /未系安全带/);
    await waitText(behaviour, /-5/);
    await page().getByTestId('explain-total').waitFor();
    await shot('09-explanation');
    await page().keyboard.press('Escape');
    await page().getByTestId('explain-title').waitFor({ state: 'detached' });
  });

  step('reviewed by the chair; approved by the second union officer (the chair may not approve own review)', async () => {
    await page().getByTestId('run-review').click();
    await popOk().click();
    await page().getByTestId('run-own-review').waitFor();
    await shot('10-reviewed');
    await new Shell(page()).switchOperator(REVIEWER);
    await page().getByRole('menuitem', { name: '能级工资' }).click();
    await tab('月度核算');
    const month = page().getByLabel('核算月份');
    for (let k = 0; k < 3 && (await month.inputValue()) !== P; k++) await page().getByRole('button', { name: '上个月' }).click();
    await page().getByTestId('run-approve').click();
    await popOk().click();
    await page().getByTestId('run-exports').getByRole('button', { name: /工资表（xlsx）/ }).and(page().locator(':not([disabled])')).waitFor();
    await shot('11-approved');
    const r = await api<RunDetail>(app.host, 'wage.run', { id: ids.run });
    expect(r).toMatchObject({ state: 'approved', reviewedBy: CHAIR.name, approvedBy: REVIEWER });
  });

  step('the payroll: the wide xlsx and the long CSV checked cell by cell against the run, the slips PDF read back', async () => {
    const run = await api<RunDetail>(app.host, 'wage.run', { id: ids.run });
    const lines = (await api<{ rows: RunLine[] }>(app.host, 'wage.runLines', { runId: ids.run, pageSize: 500 })).rows;
    const heads = run.indicators.map((i) => ({ code: i.code, name: i.name['zh-CN'] }));
    const exportsBox = page().getByTestId('run-exports');

    // the wide sheet: 工号, 姓名, masked ID, 车间, 班组, a column per component, 合计; the totals row under the workers
    const xlsx = await download(() => exportsBox.getByRole('button', { name: /工资表（xlsx）/ }).click(), 'wage-journey-payroll.xlsx', /\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    const ws = wb.worksheets[0]!;
    const cells = (r: number) => (ws.getRow(r).values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v));
    let head = 0;
    for (let r = 1; r <= 10 && !head; r++) if (cells(r)[0] === '工号') head = r;
    expect(head).toBeGreaterThan(0);
    expect(cells(head)).toEqual(['工号', '姓名', '身份证号', '车间', '班组', ...heads.map((h) => h.name), '合计']);
    const money = (v: unknown) => Math.round(Number(v) * 100);
    lines.forEach((l, k) => {
      const c = cells(head + 1 + k);
      expect(c.slice(0, 5), l.empNo).toEqual([l.empNo, l.name, l.idCard ? maskIdCard(l.idCard) : undefined, l.workshopName ?? undefined, l.teamName ?? undefined].map((x) => x ?? undefined));
      const by = new Map(l.components.map((x) => [x.code, x.fen]));
      expect(c.slice(5, 5 + heads.length).map(money), l.empNo).toEqual(heads.map((h) => by.get(h.code) ?? 0));
      expect(money(c[5 + heads.length]), l.empNo).toBe(l.totalFen);
    });
    const totals = cells(head + 1 + lines.length);
    expect(String(totals[0])).toContain(`${lines.length} 人`);
    expect(money(totals[5 + heads.length])).toBe(run.totalFen);
    heads.forEach((h, i) => expect(money(totals[5 + i])).toBe(lines.reduce((a, l) => a + (l.components.find((x) => x.code === h.code)?.fen ?? 0), 0)));

    // the long CSV (UTF-8 with BOM): a row per worker and component, the amounts in 元 to the fen
    const csvFile = await download(() => exportsBox.getByRole('button', { name: /明细（CSV）/ }).click(), 'wage-journey-payroll.csv', /\.csv$/);
    const bytes = fs.readFileSync(csvFile);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n');
    expect(csv[0]).toBe('工号,姓名,项目代码,项目,金额（元）,期间');
    expect(csv.slice(1)).toEqual(lines.flatMap((l) => heads.map((h) => [l.empNo, l.name, h.code, h.name, yuan(l.components.find((x) => x.code === h.code)?.fen ?? 0), P].join(','))));

    // the slips: every worker with each component and the total
    const slips = flat(await download(() => exportsBox.getByRole('button', { name: /工资条（PDF）/ }).click(), 'wage-journey-slips.pdf', /\.pdf$/));
    for (const l of lines) {
      expect(slips, l.name).toContain(l.name);
      expect(slips, `${l.name} total`).toContain(yuan(l.totalFen));
    }
    execFileSync('pdftoppm', ['-r', '70', '-png', '-singlefile', path.join(SHOTS_DIR, 'wage-journey-slips.pdf'), path.join(SHOTS_DIR, 'wage-journey-slips')]);
    await shot('12-exports');
  });

  step('the what-if of a second draft (other weights) over the month', async () => {
    await tab('方案');
    const row = page().locator('.ant-table-row').filter({ hasText: `${PY}年度能级工资方案` }).first();
    await row.getByRole('button', { name: label('复制为新版本') }).click();
    const c = modal('复制为新版本');
    await c.getByLabel('方案名称').fill(`${PY + 1}年度能级工资方案（讨论稿）`);
    await c.locator('.ant-modal-footer .ant-btn-primary').click();
    await c.waitFor({ state: 'hidden' });
    const drafts = (await api<SchemeVersion[]>(app.host, 'wage.schemes')).filter((s) => s.state === 'draft');
    expect(drafts).toHaveLength(1);
    const draft = drafts[0]!;
    const weights: Record<string, number> = { SKILL: 10, SAFE_TIME: 20, BEHAVIOUR: 50, HAZARDS: 20 };
    await api(app.host, 'wage.schemeUpdate', {
      id: draft.id,
      name: draft.name,
      note: null,
      content: { ...draft.content, indicators: draft.content.indicators.map((i) => ({ ...i, weightPct: weights[i.code] ?? i.weightPct })) },
    });
    await tab('测算');
    const pick = page().getByTestId('whatif-scheme');
    await pick.click();
    await page().locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option').filter({ hasText: '讨论稿' }).first().click();
    for (const [labelText, v] of [['起始月份', P], ['截止月份', P]] as const) {
      const f = page().getByLabel(labelText);
      await f.click();
      await f.fill(v);
      await f.press('Enter');
    }
    await page().getByRole('button', { name: label('测算') }).last().click();
    await page().getByTestId('whatif-result').waitFor();
    await page().getByTestId('whatif-periods').locator('.ant-table-row').filter({ hasText: P }).waitFor();
    await shot('13-whatif');
    const w = await api<{ periods: { period: string; baselineFen: number; candidateFen: number }[] }>(app.host, 'wage.whatIf', { schemeId: draft.id, from: P, to: P });
    const run = await api<RunDetail>(app.host, 'wage.run', { id: ids.run });
    expect(w.periods).toHaveLength(1);
    expect(w.periods[0]!.baselineFen).toBe(run.totalFen);
    expect(w.periods[0]!.candidateFen).not.toBe(run.totalFen);
    expect(app.pageErrors).toEqual([]);
  });
});
