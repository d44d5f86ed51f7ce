// The payroll exports of an approved run and the what-if (issue 9, "Exports and pictures") through the real dispatch:
// the wide xlsx read back cell by cell with exceljs, the long CSV decoded from UTF-8 with a BOM and from GBK, the slips
// and the summary read with pdftotext — all agreeing with the run's lines to the fen; exports refused for a run not
// approved and the full ID number for a non-runner, changing nothing; the what-if of a draft against the version
// effective in each month.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { parseCsv } from '../../electron/core/documents/tabular';
import type { ChannelInput } from '../../shared/contract';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import { yuanGrouped } from '../../shared/wage/exports/layout';
import type { RunLine } from '../../shared/wage/runs/types';
import type { SchemeContent } from '../../shared/wage/schemes/types';
import { type Call, caller, openTestCore, refusal, say, tmpDir, type TestCore } from '../helpers/core';
import { periodTotals, prepare, sharedGather } from '../../electron/core/wage/exports/whatIf';
import { gatherInputs } from '../../electron/core/wage/runs/inputs';
import { runPeriod } from '../../shared/wage/run';
import type { WhatIfWorker } from '../../shared/wage/whatif';

setQuiet(true);
let tc: TestCore | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-15T10:00:00'));
});
afterEach(() => {
  tc?.close();
  tc = null;
  vi.useRealTimers();
});

function content(fenPerPoint = 1000): SchemeContent {
  return {
    indicators: DEFAULT_CATALOGUE.map((d) => ({ ...d, capFen: null })),
    money: { kind: 'pointValue', fenPerPoint },
    totalCapFen: null,
    veto: { severities: ['minor_injury', 'serious_injury', 'death'], team: false },
    proRata: true,
  };
}
let seq = 0;
/** A scheme version written straight to the table (the schemes area tests the lifecycle). */
function scheme(core: Core, c: SchemeContent, state: 'effective' | 'draft', effectiveFrom: string | null, name: string): string {
  const id = `scheme-x${++seq}`;
  const version = (core.store.db.prepare(`SELECT coalesce(max(version), 0) FROM wage_schemes`).pluck().get() as number) + 1;
  core.store.db
    .prepare(
      `INSERT INTO wage_schemes (id, name, version, state, content, adopted_on, effective_from, created_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, '王主席', 'x', 'x')`,
    )
    .run(id, name, version, state, JSON.stringify(c), effectiveFrom, effectiveFrom);
  return id;
}
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify([`SELECT * FROM wage_runs ORDER BY rid`, `SELECT * FROM wage_run_lines ORDER BY run_id, worker_id`, `SELECT * FROM audit_log ORDER BY seq`].map((q) => db.prepare(q).all()));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const jia = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const ws2 = await admin('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  const w = (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: jia.id, hireDate: '2020-03-01', ...extra });
  const second = await w('A0002', '李副主席', { roles: ['union_officer'], orgUnitId: null });
  const safety = await w('A0003', '周安全员', { roles: ['safety_officer'], orgUnitId: null });
  const other = caller(tc.core);
  await other.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: second.id })).id });
  const so = caller(tc.core);
  await so.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: safety.id })).id });
  const zhang = await w('W001', '张三', { skillGrade: 3, idCard: '320102199001011232' });
  const li = await w('W002', '李四', { skillGrade: 5, orgUnitId: ws2.id });
  const wang = await w('W003', '王五', { skillGrade: 2, hireDate: '2026-11-16' });
  await admin('wage.timekeepingSave', { workerId: zhang.id, period: '2026-11', hours: 176 });
  await admin('wage.timekeepingSave', { workerId: li.id, period: '2026-11', hours: 130 });
  await admin('wage.timekeepingSave', { workerId: wang.id, period: '2026-11', hours: 80 });
  await admin('wage.timekeepingSave', { workerId: zhang.id, period: '2026-10', hours: 170 });
  await admin('wage.behaviourCreate', { date: '2026-11-04', workerId: zhang.id, kind: 'violation', category: '未戴安全帽', points: -3 });
  await admin('wage.behaviourCreate', { date: '2026-11-05', workerId: li.id, kind: 'good_act', category: '制止违章', points: 7 });
  const adopted = scheme(tc.core, content(1000), 'effective', '2026-11-01', '2026年度能级工资方案');
  const run = await admin('wage.runCalculate', { period: '2026-11' });
  return { admin, other: other.call, so: so.call, zhang, li, wang, run, adopted };
}

async function approve(x: Awaited<ReturnType<typeof world>>) {
  await x.admin('wage.runReview', { id: x.run.id });
  await x.other('wage.runApprove', { id: x.run.id });
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const toFen = (v: unknown) => Math.round(Number(v) * 100);
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8' });

async function linesOf(admin: Call, runId: string): Promise<RunLine[]> {
  return (await admin('wage.runLines', { runId, pageSize: 500 })).rows;
}

describe('payroll exports of an approved run', () => {
  it('are refused while the run is not approved, and the full ID number for a non-runner — changing nothing', async () => {
    const x = await world();
    const before = tables(tc!.core);
    for (const p of [
      x.admin('wage.payrollXlsx', { runId: x.run.id, idCard: 'masked' }),
      x.admin('wage.payrollCsv', { runId: x.run.id, encoding: 'gbk' }),
      x.admin('wage.slipsPdf', { runId: x.run.id }),
      x.admin('wage.summaryPdf', { runId: x.run.id }),
    ]) {
      const e = await refusal(p);
      expect(e).toMatchObject({ code: 'CONFLICT', message: 'err.wage.export.notApproved' });
      expect(say(e)).toBe('第 1 次核算（2026-11）尚未审批，不能导出工资表；请先复核、审批');
    }
    await x.admin('wage.runReview', { id: x.run.id });
    expect((await refusal(x.admin('wage.slipsPdf', { runId: x.run.id }))).message).toBe('err.wage.export.notApproved');
    await x.other('wage.runApprove', { id: x.run.id });
    const approved = tables(tc!.core);
    const e = await refusal(x.so('wage.payrollXlsx', { runId: x.run.id, idCard: 'full' }));
    expect(e).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.export.fullIdRunnersOnly' });
    expect((await refusal(x.admin('wage.payrollXlsx', { runId: 'nope', idCard: 'masked' }))).code).toBe('NOT_FOUND');
    expect((await refusal(x.admin('wage.payrollCsv', { runId: x.run.id, encoding: 'latin1' as never }))).code).toBe('VALIDATION');
    expect((await refusal(x.admin('wage.slipsPdf', { runId: x.run.id, workerIds: ['nobody'] }))).message).toBe('err.wage.export.unknownWorkers');
    expect(tables(tc!.core)).toBe(approved);
    expect(before).not.toBe(approved);
  });

  it('the wide xlsx, the long CSV (UTF-8 and GBK), the slips and the summary agree with the run lines to the fen', async () => {
    const x = await world();
    await approve(x);
    const lines = await linesOf(x.admin, x.run.id);
    const run = await x.admin('wage.run', { id: x.run.id });
    const codes = run.indicators.map((i) => i.code);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    for (const l of lines) expect(sum(l.components.map((c) => c.fen))).toBe(l.totalFen);
    expect(lines.some((l) => l.totalFen !== 0)).toBe(true);

    // the wide sheet: masked by default for anyone, full for a runner
    for (const mode of ['masked', 'full'] as const) {
      const ref = await x.admin('wage.payrollXlsx', { runId: x.run.id, idCard: mode });
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(tc!.fileBytes(ref) as never);
      const ws = wb.worksheets[0]!;
      const head = 3;
      expect([1, 2, 3, 4, 5].map((c) => ws.getCell(head, c).value)).toEqual(['工号', '姓名', '身份证号', '车间', '班组']);
      expect(run.indicators.map((_, i) => ws.getCell(head, 6 + i).value)).toEqual(run.indicators.map((i) => i.name['zh-CN']));
      expect(ws.getCell(head, 6 + codes.length).value).toBe('合计');
      lines.forEach((l, k) => {
        const r = ws.getRow(head + 1 + k);
        expect(r.getCell(1).value).toBe(l.empNo);
        expect(r.getCell(2).value).toBe(l.name);
        codes.forEach((code, i) => expect(toFen(r.getCell(6 + i).value)).toBe(l.components.find((c) => c.code === code)!.fen));
        expect(toFen(r.getCell(6 + codes.length).value)).toBe(l.totalFen);
      });
      const zhangRow = ws.getRow(head + 1 + lines.findIndex((l) => l.empNo === 'W001'));
      expect(zhangRow.getCell(3).value).toBe(mode === 'full' ? '320102199001011232' : '320102********1232');
      expect(zhangRow.getCell(4).value).toBe('合成车间');
      expect(zhangRow.getCell(5).value).toBe('甲班');
      const total = ws.getRow(head + 1 + lines.length);
      expect(toFen(total.getCell(6 + codes.length).value)).toBe(run.totalFen);
      codes.forEach((code, i) => expect(toFen(total.getCell(6 + i).value)).toBe(sum(lines.map((l) => l.components.find((c) => c.code === code)!.fen))));
    }
    // a non-runner exports the masked sheet
    expect((await x.so('wage.payrollXlsx', { runId: x.run.id, idCard: 'masked' })).fileName).toContain('脱敏');

    // the long CSV in both encodings
    for (const encoding of ['utf8bom', 'gbk'] as const) {
      const ref = await x.admin('wage.payrollCsv', { runId: x.run.id, encoding });
      const bytes = tc!.fileBytes(ref);
      const text = encoding === 'gbk' ? iconv.decode(bytes, 'gbk') : bytes.subarray(3).toString('utf8');
      if (encoding === 'utf8bom') expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      else expect(bytes.includes(Buffer.from('张三', 'utf8'))).toBe(false);
      const [header, ...rows] = parseCsv(text).filter((r) => r.length > 1);
      expect(header).toEqual(['工号', '姓名', '项目代码', '项目', '金额（元）', '期间']);
      expect(rows).toHaveLength(lines.length * codes.length);
      for (const l of lines) {
        const mine = rows.filter((r) => r[0] === l.empNo);
        expect(mine.map((r) => r[2])).toEqual(codes);
        mine.forEach((r, i) => expect(toFen(r[4])).toBe(l.components[i]!.fen));
        expect(sum(mine.map((r) => toFen(r[4])))).toBe(l.totalFen);
        expect(mine.every((r) => r[5] === '2026-11' && r[1] === l.name)).toBe(true);
      }
    }

    // the slips and the summary, read back
    const dir = tmpDir('wage-pdf-');
    const pdf = async (ref: { fileId: string }, name: string) => {
      const f = path.join(dir, name);
      fs.writeFileSync(f, tc!.fileBytes(ref as never));
      return f;
    };
    const slips = await pdf(await x.admin('wage.slipsPdf', { runId: x.run.id }), 'slips.pdf');
    const slipText = sh('pdftotext', ['-raw', '-enc', 'UTF-8', slips, '-']).replace(/\s+/g, '');
    for (const l of lines) {
      expect(slipText).toContain(`工号${l.empNo}姓名${l.name}`);
      expect(slipText).toContain(l.components.map((c) => yuanGrouped(c.fen)).join('') + yuanGrouped(l.totalFen));
    }
    expect(slipText).toContain('按在册天数折算（15/30天）'); // 王五 hired on the 16th
    const one = await x.admin('wage.slipsPdf', { runId: x.run.id, workerIds: [x.li.id] });
    expect(one.fileName).toBe('2026-11 能级工资条 W002 李四.pdf');
    const oneText = sh('pdftotext', ['-raw', '-enc', 'UTF-8', await pdf(one, 'one.pdf'), '-']).replace(/\s+/g, '');
    expect(oneText).toContain('李四');
    expect(oneText).not.toContain('张三');

    const summary = await pdf(await x.admin('wage.summaryPdf', { runId: x.run.id }), 'summary.pdf');
    const sumText = sh('pdftotext', ['-raw', '-enc', 'UTF-8', summary, '-']).replace(/\s+/g, '');
    const fp = tc!.core.store.db.prepare('SELECT hash, seq FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { hash: string; seq: number };
    for (const s of ['2026年11月能级工资汇总表', '合成车间', '包装车间', '制表（签字）', '复核（签字）', '审批（签字）', '工会劳动保护监督检查委员会', '李副主席', `${fp.hash.slice(0, 4)}-${fp.hash.slice(4, 8)}-${fp.hash.slice(8, 12)}#${fp.seq}`])
      expect(sumText).toContain(s);
    expect(sumText).toContain(`合计${lines.length}`);
    expect(sumText).toContain(yuanGrouped(run.totalFen));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the what-if', () => {
  it('a draft over past months against the version effective in each; a month without one compares with 0', async () => {
    const x = await world();
    const draft = scheme(tc!.core, content(2000), 'draft', null, '2027年度能级工资方案（草案）');
    const before = tables(tc!.core);
    const r = await x.admin('wage.whatIf', { schemeId: draft, from: '2026-10', to: '2026-11' });
    expect(tables(tc!.core)).toBe(before);
    expect(r.scheme).toMatchObject({ id: draft, name: '2027年度能级工资方案（草案）' });
    expect(r.periods.map((p) => [p.period, p.baseline?.id ?? null])).toEqual([
      ['2026-10', null],
      ['2026-11', x.adopted],
    ]);
    expect(r.periods[0]!.baselineFen).toBe(0);
    // November under the effective version is exactly what the run paid; the draft pays twice the point value
    const nov = r.periods[1]!;
    expect(nov.baselineFen).toBe(x.run.totalFen);
    expect(nov.candidateFen).toBe(2 * x.run.totalFen);
    expect(r.totals.diffFen).toBe(r.totals.candidateFen - r.totals.baselineFen);
    expect(sum(r.byWorkshop.map((w) => w.diffFen))).toBe(r.totals.diffFen);
    expect(r.gainers[0]!.diffFen).toBeGreaterThanOrEqual(r.gainers.at(-1)!.diffFen);
    expect(r.gainers.map((g) => g.empNo)).toContain('W001');
    expect(sum(r.histogram.buckets.map((b) => b.candidate))).toBe(sum(r.periods.map((p) => p.workers)));

    const ref = await x.admin('wage.whatIfXlsx', { schemeId: draft, from: '2026-10', to: '2026-11' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tc!.fileBytes(ref) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['按月', '分布', '增加最多', '减少最多', '按车间']);
    const m = wb.worksheets[0]!;
    expect(m.getCell(4, 1).value).toBe('2026-10');
    expect(m.getCell(4, 2).value).toBe('（无生效方案）');
    expect(toFen(m.getCell(5, 5).value)).toBe(nov.candidateFen);
    expect(toFen(m.getCell(6, 6).value)).toBe(r.totals.diffFen);
  });

  it('one read of a month serves both versions when they read the same records — with the same totals as a read each', async () => {
    const x = await world();
    const core = tc!.core;
    // a team accident in November: the veto rule decides who it reaches
    await x.admin('wage.accidentCreate', { date: '2026-11-10', place: '罐区', severity: 'minor_injury', description: '烫伤', teamId: (await x.admin('workers.get', { id: x.zhang.id })).orgUnitId, workerIds: [x.li.id] });
    await x.admin('wage.manualSave', { workerId: x.zhang.id, period: '2026-11', code: 'SKILL', value: 4 });
    const base = content(1000);
    const variants: [string, SchemeContent, 'shared' | 'own'][] = [
      ['the same content', base, 'shared'],
      ['other weights and money', { ...content(2000), indicators: base.indicators.map((i) => ({ ...i, weightPct: 25 })) }, 'shared'],
      ['fewer indicators', { ...base, indicators: base.indicators.slice(0, 2) }, 'shared'],
      ['no pro rata', { ...base, proRata: false }, 'shared'],
      ['an indicator of its own (a manual figure)', { ...base, indicators: [...base.indicators, { ...base.indicators[0]!, code: 'EXTRA', source: 'manual' }] }, 'shared'],
      ['the veto reaching the team', { ...base, veto: { ...base.veto, team: true } }, 'own'],
      ['other veto severities', { ...base, veto: { ...base.veto, severities: ['death'] } }, 'own'],
      ['a code read from another source', { ...base, indicators: base.indicators.map((i) => (i.code === 'SKILL' ? { ...i, source: 'manual' as const } : i)) }, 'own'],
    ];
    const baseline = prepare({ id: x.adopted, name: '2026年度能级工资方案', version: 1, content: base });
    const reference = (c: SchemeContent) => {
      const g = gatherInputs(core.store, '2026-11', c, { records: false });
      return new Map(runPeriod(prepare({ id: 'r', name: 'r', version: 0, content: c }).calc, g.inputs).lines.map((l) => [l.workerId, l.totalFen]));
    };
    const expectBase = reference(base);
    const totalsSeen = new Set<number>();
    for (const [label, c, how] of variants) {
      expect(sharedGather(c, base) === null ? 'own' : 'shared', label).toBe(how);
      for (const [cand, bl] of [[c, baseline.content], [base, c]] as const) {
        const workers = new Map<string, WhatIfWorker>();
        const t = periodTotals(core.store, '2026-11', prepare({ id: 'c', name: 'c', version: 9, content: cand }), prepare({ id: 'b', name: 'b', version: 1, content: bl }), workers);
        expect(Object.fromEntries(t.candidateTotals), label).toEqual(Object.fromEntries(reference(cand)));
        expect(Object.fromEntries(t.baselineTotals), label).toEqual(Object.fromEntries(reference(bl)));
        expect([...workers.keys()].sort()).toEqual([...expectBase.keys()].sort());
      }
      totalsSeen.add([...reference(c).values()].reduce((a, b) => a + b, 0));
    }
    // the variants do pay differently (the comparison above is not trivially equal)
    expect(totalsSeen.size).toBeGreaterThanOrEqual(5);
    const none = periodTotals(core.store, '2026-11', baseline, null, new Map());
    expect(none.baselineTotals.size).toBe(0);
    expect(Object.fromEntries(none.candidateTotals)).toEqual(Object.fromEntries(expectBase));
  });

  it('refuses months to come, a range backwards or too long, an unknown version — and writes nothing', async () => {
    const x = await world();
    const before = tables(tc!.core);
    const future = await refusal(x.admin('wage.whatIf', { schemeId: x.adopted, from: '2026-11', to: '2027-01' }));
    expect(future).toMatchObject({ code: 'VALIDATION', message: 'err.wage.whatIf.future' });
    expect(say(future)).toBe('只能测算已经开始的月份（到 2026-12 为止）');
    expect((await refusal(x.admin('wage.whatIf', { schemeId: x.adopted, from: '2026-11', to: '2026-10' }))).details!.issues).toEqual([{ path: 'to', message: 'v.wage.whatIfOrder' }]);
    expect((await refusal(x.admin('wage.whatIf', { schemeId: x.adopted, from: '2024-01', to: '2026-10' }))).details!.issues).toEqual([{ path: 'to', message: 'v.wage.whatIfTooLong' }]);
    expect((await refusal(x.admin('wage.whatIf', { schemeId: 'nope', from: '2026-10', to: '2026-11' }))).code).toBe('NOT_FOUND');
    expect(tables(tc!.core)).toBe(before);
  });
});
