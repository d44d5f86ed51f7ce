// The skill-level wage's monthly runs (issue 9, "The monthly run") through the real dispatch: a month with every
// source (roster, timekeeping, behaviour of the worker and of the team, hazards by the month they were confirmed,
// accidents → vetoes, manual figures), the period's boundaries, pro rata, caps; versions (a recalculation replaces an
// unapproved version, an approved one stays locked); review and approval by different runners; the explanation with
// the records behind each amount; a hazard cancelled after a run changes the next version, not the locked one; the
// difference worker by worker; the dashboard. Every refusal leaves the tables unchanged.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { gatherInputs } from '../../electron/core/wage/runs/inputs';
import type { ChannelInput } from '../../shared/contract';
import { DEFAULT_CATALOGUE } from '../../shared/wage/catalogue';
import type { RunLine } from '../../shared/wage/runs/types';
import type { SchemeContent } from '../../shared/wage/schemes/types';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

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

/** Runs `fn` with the clock at a local time (hazard confirmations and status changes take their date from it). */
async function at<T>(local: string, fn: () => Promise<T>): Promise<T> {
  const saved = new Date();
  vi.setSystemTime(new Date(local));
  try {
    return await fn();
  } finally {
    vi.setSystemTime(saved);
  }
}

/** The default catalogue as a scheme version: 10 元 a point, hazards capped at 100 元, vetoes by injury for the team. */
function content(over: Partial<SchemeContent> = {}): SchemeContent {
  return {
    indicators: DEFAULT_CATALOGUE.map((d) => ({ ...d, capFen: d.code === 'HAZARDS' ? 10_000 : null })),
    money: { kind: 'pointValue', fenPerPoint: 1000 },
    totalCapFen: null,
    veto: { severities: ['minor_injury', 'serious_injury', 'death'], team: true },
    proRata: true,
    ...over,
  };
}

let schemeSeq = 0;
/** An adopted scheme version in effect from a date, written straight to the table (the schemes area tests the lifecycle). */
function effectiveScheme(core: Core, c: SchemeContent, effectiveFrom = '2026-01-01', name = '2026年度能级工资方案'): string {
  const id = `scheme-${++schemeSeq}`;
  const version = (core.store.db.prepare(`SELECT coalesce(max(version), 0) FROM wage_schemes`).pluck().get() as number) + 1;
  core.store.db
    .prepare(
      `INSERT INTO wage_schemes (id, name, version, state, content, adopted_on, effective_from, created_by_name, created_at, updated_at)
       VALUES (?, ?, ?, 'effective', ?, ?, ?, '王主席', 'x', 'x')`,
    )
    .run(id, name, version, JSON.stringify(c), effectiveFrom, effectiveFrom);
  return id;
}

/** A snapshot of the runs' tables and the audit log, to prove a refusal changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(
    [`SELECT * FROM wage_runs ORDER BY rid`, `SELECT * FROM wage_run_lines ORDER BY run_id, worker_id`, `SELECT * FROM audit_log ORDER BY seq`].map((q) => db.prepare(q).all()),
  );
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const jia = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const yi = await admin('org.create', { kind: 'team', parentId: ws.id, name: '乙班' });
  const w = (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: jia.id, hireDate: '2020-03-01', ...extra });
  const leave = async (id: string, on: string) =>
    at(`${on}T16:00:00`, async () => {
      const x = await admin('workers.get', { id });
      return admin('workers.update', { id, data: { empNo: x.empNo, name: x.name, gender: x.gender, orgUnitId: x.teamId ?? x.workshopId, hireDate: x.hireDate, skillGrade: x.skillGrade, status: 'left' } });
    });
  // a second runner (union officer) and a safety officer who records but does not run the wage
  const second = await w('A0002', '李副主席', { roles: ['union_officer'], orgUnitId: null });
  const safety = await w('A0003', '周安全员', { roles: ['safety_officer'], orgUnitId: null });
  const secondOp = await admin('operators.add', { workerId: second.id });
  const safetyOp = await admin('operators.add', { workerId: safety.id });
  const other = caller(tc.core);
  await other.call('session.signIn', { operatorId: secondOp.id });
  const so = caller(tc.core);
  await so.call('session.signIn', { operatorId: safetyOp.id });
  return { admin, other: other.call, so: so.call, ws, jia, yi, w, leave };
}

/** A hazard found by `finderId`, reported and confirmed at local times (the month it counts is the confirmation's). */
async function hazard(admin: Call, finderId: string, orgUnitId: string, reportedAt: string, confirmedAt: string, grade: 'general' | 'major', description = '法兰垫片渗漏') {
  const h = await at(reportedAt, () => admin('hazards.report', { foundAt: reportedAt.slice(0, 16), source: 'worker_report', category1: 'material', description, orgUnitId, finderId }));
  await at(confirmedAt, () => admin('hazards.confirm', { id: h.id, grade, lec: { l: 3, e: 6, c: 7 } }));
  return h;
}

const fen = (l: RunLine, code: string) => l.components.find((c) => c.code === code)!.fen;
const comp = (l: RunLine, code: string) => l.components.find((c) => c.code === code)!;

/** November 2026 with every source: four workers in the run, two out of it. */
async function november() {
  const x = await world();
  const { admin, w, jia, yi, leave } = x;
  effectiveScheme(tc!.core, content());
  // the runners themselves are on the roster too (but not in the wage run's checks below — they have no records)
  const zhang = await w('W001', '张三', { skillGrade: 3 });
  const li = await w('W002', '李四', { skillGrade: 5 });
  const wang = await w('W003', '王五', { skillGrade: 2, orgUnitId: yi.id, hireDate: '2026-11-16' });
  const zhao = await w('W004', '赵六', { skillGrade: 1, orgUnitId: yi.id });
  const qian = await w('W005', '钱七', { skillGrade: 4 });
  const sun = await w('W006', '孙八', { skillGrade: 4, hireDate: '2026-12-01' });
  await leave(zhao.id, '2026-11-20');
  await leave(qian.id, '2026-10-20');

  await admin('wage.timekeepingSave', { workerId: zhang.id, period: '2026-11', hours: 176 });
  await admin('wage.timekeepingSave', { workerId: li.id, period: '2026-11', shifts: 20 });
  await admin('wage.timekeepingSave', { workerId: wang.id, period: '2026-11', hours: 80 });
  await admin('wage.timekeepingSave', { workerId: zhao.id, period: '2026-11', hours: 60 });
  await admin('wage.timekeepingSave', { workerId: zhang.id, period: '2026-10', hours: 20 });

  const good = await admin('wage.behaviourCreate', { date: '2026-11-03', workerId: zhang.id, kind: 'good_act', category: '制止违章', points: 5 });
  const bad = await admin('wage.behaviourCreate', { date: '2026-11-04', workerId: zhang.id, kind: 'violation', category: '未戴安全帽', points: -3 });
  const teamGood = await admin('wage.behaviourCreate', { date: '2026-11-10', teamId: jia.id, kind: 'good_act', category: '采纳安全建议', points: 4 });
  const gone = await admin('wage.behaviourCreate', { date: '2026-11-11', workerId: li.id, kind: 'violation', category: '违章动火', points: -2 });
  await admin('wage.behaviourDelete', { id: gone.id });
  await admin('wage.behaviourCreate', { date: '2026-10-30', workerId: li.id, kind: 'violation', category: '脱岗睡岗', points: -5 });
  const zhaoGood = await admin('wage.behaviourCreate', { date: '2026-11-05', workerId: zhao.id, kind: 'good_act', category: '制止违章', points: 5 });

  const h1 = await hazard(admin, zhang.id, jia.id, '2026-11-05T09:00', '2026-11-06T10:00', 'general', '泵房地面油污');
  const h2 = await hazard(admin, zhang.id, jia.id, '2026-11-07T09:00', '2026-11-08T10:00', 'major', '储罐呼吸阀失效');
  // reported in October, confirmed in November: counts in November
  const h3 = await hazard(admin, zhang.id, jia.id, '2026-10-28T09:00', '2026-11-02T10:00', 'general', '护栏松动');
  // confirmed in October: counts in October, not November
  const h4 = await hazard(admin, zhang.id, jia.id, '2026-10-10T09:00', '2026-10-12T10:00', 'general', '照明不足');
  // confirmed in November, cancelled before the run: never counts
  const h5 = await hazard(admin, li.id, jia.id, '2026-11-09T09:00', '2026-11-10T10:00', 'major', '疑似可燃气体泄漏');
  await at('2026-11-20T10:00', () => admin('hazards.cancel', { id: h5.id, kind: 'invalid', reason: '复查为误报' }));

  // an injury in 乙班 involving 王五 vetoes 王五 and (team veto) 赵六; a near miss in 甲班 vetoes nobody
  const injury = await admin('wage.accidentCreate', { date: '2026-11-12', place: '合成装置二层平台', severity: 'minor_injury', description: '扭伤脚踝', teamId: yi.id, workerIds: [wang.id] });
  await admin('wage.accidentCreate', { date: '2026-11-13', place: '泵房', severity: 'near_miss', description: '险些滑倒', teamId: jia.id, workerIds: [li.id] });

  return { ...x, zhang, li, wang, zhao, qian, sun, good, bad, teamGood, zhaoGood, h1, h2, h3, h4, h5, injury };
}

describe('a month with every source', () => {
  it('pays each worker by the scheme: grade, hours (shifts × 8), behaviour of the worker and the team, hazards by confirmation month, vetoes, cap, pro rata', async () => {
    const n = await november();
    const { admin } = n;
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    expect(run).toMatchObject({ period: '2026-11', version: 1, state: 'calculated', schemeName: '2026年度能级工资方案', calculatedBy: '王主席', reviewedBy: null, approvedBy: null, budget: null });
    const page = await admin('wage.runLines', { runId: run.id, pageSize: 100 });
    const by = Object.fromEntries(page.rows.map((l) => [l.empNo, l]));
    // in the run: on the roster on any day of November (the three runners, unplaced and without records, too); 钱七 left in
    // October, 孙八 came in December
    expect(Object.keys(by).sort()).toEqual(['A0001', 'A0002', 'A0003', 'W001', 'W002', 'W003', 'W004']);

    // 张三: grade 3 → 60 × 30% = 18 points = 180 元; 176 h → 100 × 30% = 300 元; behaviour 5 − 3 + 4 (team) = 6 × 20% = 12 元;
    // hazards general + major + general (October's report confirmed in November) = 60 × 20% = 120 元, held to the 100 元 cap
    const z = by.W001!;
    expect(z.components.map((c) => [c.code, c.raw, c.points, c.weighted, c.fen, c.applied])).toEqual([
      ['SKILL', '3', 6000, 1800, 18000, []],
      ['SAFE_TIME', 176, 10000, 3000, 30000, []],
      ['BEHAVIOUR', 6, 600, 120, 1200, []],
      ['HAZARDS', 3, 6000, 1200, 10000, ['cap']],
    ]);
    expect(z).toMatchObject({ totalFen: 59200, veto: false, proRata: null, workshopName: '合成车间', teamName: '甲班' });
    // 李四: grade 5 (五级, the lowest) → 20 × 30% = 60 元; 20 shifts = 160 h → 80 × 30% = 240 元; the team's +4 = 8 元 (his deleted and October records do not count);
    // his cancelled major hazard never counts; the near miss vetoes nothing
    expect([fen(by.W002!, 'SKILL'), fen(by.W002!, 'SAFE_TIME'), fen(by.W002!, 'BEHAVIOUR'), fen(by.W002!, 'HAZARDS')]).toEqual([6000, 24000, 800, 0]);
    expect(comp(by.W002!, 'SAFE_TIME').raw).toBe(160);
    expect(by.W002!.totalFen).toBe(30800);
    // 王五: hired 16 November → 15 of 30 days; his own injury vetoes the safety components
    expect(by.W003!).toMatchObject({ veto: true, proRata: { worked: 15, of: 30 }, totalFen: 12000 });
    expect(comp(by.W003!, 'SKILL')).toMatchObject({ fen: 12000, applied: ['proRata'] }); // 二级 80 × 30% = 240 元 × 15/30
    expect(comp(by.W003!, 'SAFE_TIME')).toMatchObject({ points: 4000, fen: 0, applied: ['veto'] });
    // 赵六: left on 20 November → 20 of 30 days; the injury in his team (while he was on the roster) vetoes his good act
    expect(by.W004!).toMatchObject({ veto: true, proRata: { worked: 20, of: 30 }, totalFen: 20000 }); // 一级 100 × 30% = 300 元 × 20/30
    expect(comp(by.W004!, 'BEHAVIOUR')).toMatchObject({ raw: 5, fen: 0, applied: ['veto'] });
    // every line adds up; the run's totals are the lines'
    for (const l of page.rows) expect(l.components.reduce((s, c) => s + c.fen, 0)).toBe(l.totalFen);
    expect(run.totalFen).toBe(page.rows.reduce((s, l) => s + l.totalFen, 0));
    expect(run).toMatchObject({ workers: 7, vetoes: 2, safetyPaid: 2 });

    // the group totals by team and by workshop
    const teams = await admin('wage.runGroups', { runId: run.id, by: 'team' });
    expect(teams.map((g) => [g.name, g.workshopName, g.workers, g.totalFen, g.vetoes])).toEqual([
      ['甲班', '合成车间', 2, 90000, 0],
      ['乙班', '合成车间', 2, 32000, 2],
      [null, null, 3, 0, 0],
    ]);
    expect(teams[0]!.components.find((c) => c.code === 'HAZARDS')!.fen).toBe(10000);
    const shops = await admin('wage.runGroups', { runId: run.id, by: 'workshop' });
    expect(shops.map((g) => [g.name, g.workers, g.totalFen])).toEqual([
      ['合成车间', 4, 122000],
      [null, 3, 0],
    ]);

    // the run remembers its scheme's components (the lines' columns) and the period's versions
    const detail = await admin('wage.run', { id: run.id });
    expect(detail.indicators.map((i) => [i.code, i.weightPct, i.safety, i.capFen])).toEqual([
      ['SKILL', 30, false, null],
      ['SAFE_TIME', 30, true, null],
      ['BEHAVIOUR', 20, true, null],
      ['HAZARDS', 20, true, 10000],
    ]);
    expect(detail.versions.map((v) => [v.version, v.state])).toEqual([[1, 'calculated']]);

    // audited
    const log = tc!.core.store.db.prepare(`SELECT action, actor_name, after FROM audit_log WHERE entity = 'wage_run' ORDER BY seq`).all() as { action: string; actor_name: string; after: string }[];
    expect(log.map((e) => [e.action, e.actor_name])).toEqual([['calculate', '王主席']]);
    expect(JSON.parse(log[0]!.after)).toMatchObject({ id: run.id, totalFen: run.totalFen, workers: 7 });
  });

  it('explains each amount with the records behind it (ids to click through) and the reasons: veto by which accident, cap, pro rata', async () => {
    const n = await november();
    const { admin } = n;
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const z = await admin('wage.runExplain', { runId: run.id, workerId: n.zhang.id });
    const part = (code: string) => z.components.find((c) => c.code === code)!;
    expect(part('HAZARDS').records.map((r) => [r.kind, r.id, r.value])).toEqual([
      ['hazard', n.h3.id, 'general'],
      ['hazard', n.h1.id, 'general'],
      ['hazard', n.h2.id, 'major'],
    ]);
    expect(part('HAZARDS').records[1]!.label).toContain('泵房地面油污');
    expect(part('HAZARDS').reasons).toEqual([{ key: 'wage.run.reason.cap', params: { cap: '100.00' } }]);
    expect(say({ message: 'wage.run.reason.cap', details: { cap: '100.00' } })).toBe('超过本项封顶 100.00 元，按封顶计发');
    expect(part('BEHAVIOUR').records.map((r) => [r.id, r.value])).toEqual([
      [n.good.id, 5],
      [n.bad.id, -3],
      [n.teamGood.id, 4],
    ]);
    expect(part('BEHAVIOUR').records[2]!.label).toBe('采纳安全建议（甲班）');
    expect(part('SAFE_TIME').records).toMatchObject([{ kind: 'timekeeping', value: 176 }]);
    expect(part('SKILL').records).toMatchObject([{ kind: 'roster', id: n.zhang.id, value: 3 }]);

    const wang = await admin('wage.runExplain', { runId: run.id, workerId: n.wang.id });
    const safe = wang.components.find((c) => c.code === 'SAFE_TIME')!;
    expect(safe.reasons).toEqual([{ key: 'wage.run.reason.veto', params: { date: '2026-11-12', place: '合成装置二层平台', severity: '@wage.severity.minor_injury' } }]);
    expect(safe.records.map((r) => [r.kind, r.id])).toEqual([
      ['timekeeping', expect.any(String)],
      ['accident', n.injury.id],
    ]);
    expect(say({ message: 'wage.run.reason.veto', details: safe.reasons[0]!.params })).toBe('一票否决：2026-11-12 合成装置二层平台 发生轻伤事故，安全类项目本月清零');
    expect(wang.components.find((c) => c.code === 'SKILL')!.reasons).toEqual([{ key: 'wage.run.reason.proRata', params: { worked: 15, of: 30 } }]);
    expect(wang.components.find((c) => c.code === 'BEHAVIOUR')!.reasons).toEqual([{ key: 'wage.run.reason.noRecord' }]);
    // 赵六's veto came through his team
    const zhao = await admin('wage.runExplain', { runId: run.id, workerId: n.zhao.id });
    expect(zhao.components.find((c) => c.code === 'BEHAVIOUR')!.reasons[0]).toMatchObject({ key: 'wage.run.reason.veto', params: { place: '合成装置二层平台（乙班）' } });

    const before = tables(tc!.core);
    expect(await refusal(admin('wage.runExplain', { runId: run.id, workerId: n.qian.id }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.run.lineNotFound' });
    expect(await refusal(admin('wage.runExplain', { runId: 'nope', workerId: n.zhang.id }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.run.notFound' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('pages, searches, filters and sorts the lines', async () => {
    const n = await november();
    const { admin } = n;
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const all = await admin('wage.runLines', { runId: run.id });
    expect(all.total).toBe(7);
    expect(all.rows.map((l) => l.empNo)).toEqual(['A0001', 'A0002', 'A0003', 'W001', 'W002', 'W003', 'W004']);
    expect((await admin('wage.runLines', { runId: run.id, search: '张' })).rows.map((l) => l.name)).toEqual(['张三']);
    expect((await admin('wage.runLines', { runId: run.id, search: 'w00' })).total).toBe(4);
    expect((await admin('wage.runLines', { runId: run.id, teamId: n.yi.id })).rows.map((l) => l.empNo)).toEqual(['W003', 'W004']);
    expect((await admin('wage.runLines', { runId: run.id, workshopId: n.ws.id })).total).toBe(4);
    expect((await admin('wage.runLines', { runId: run.id, vetoOnly: true })).rows.map((l) => l.empNo)).toEqual(['W003', 'W004']);
    const top = await admin('wage.runLines', { runId: run.id, sortField: 'total', sortDir: 'desc', pageSize: 2, page: 1 });
    expect(top.rows.map((l) => [l.empNo, l.totalFen])).toEqual([
      ['W001', 59200],
      ['W002', 30800],
    ]);
    expect(top.total).toBe(7);
    expect((await admin('wage.runLines', { runId: run.id, sortField: 'total', sortDir: 'desc', pageSize: 2, page: 2 })).rows.map((l) => l.empNo)).toEqual(['W004', 'W003']);
    expect(await refusal(admin('wage.runLines', { runId: run.id, pageSize: 0 }))).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('the period and its boundaries', () => {
  it('counts records dated on the first and last day, not the days either side; hired on the last day or left on the first is in for one day', async () => {
    const x = await world();
    const { admin, w, jia, leave } = x;
    effectiveScheme(tc!.core, content({ proRata: true }));
    const a = await w('B001', '边界甲', { skillGrade: 5 });
    await w('B002', '月末入职', { skillGrade: 5, hireDate: '2026-11-30' });
    const early = await w('B003', '月初离职', { skillGrade: 5 });
    const before = await w('B004', '上月末离职', { skillGrade: 5 });
    await leave(early.id, '2026-11-01');
    await leave(before.id, '2026-10-31');
    for (const date of ['2026-10-31', '2026-11-01', '2026-11-30', '2026-12-01']) {
      await admin('wage.behaviourCreate', { date, workerId: a.id, kind: 'good_act', category: '制止违章', points: date.startsWith('2026-11') ? 1 : 10 });
    }
    // confirmed one minute before November, at its first minute, at its last minute, one minute after
    await hazard(admin, a.id, jia.id, '2026-10-31T08:00', '2026-10-31T23:59', 'major');
    await hazard(admin, a.id, jia.id, '2026-10-31T08:00', '2026-11-01T00:00', 'general');
    await hazard(admin, a.id, jia.id, '2026-11-30T08:00', '2026-11-30T23:59', 'general');
    await hazard(admin, a.id, jia.id, '2026-11-30T08:00', '2026-12-01T00:00', 'major');
    // an injury on 31 October vetoes October, not November
    await admin('wage.accidentCreate', { date: '2026-10-31', place: '罐区', severity: 'serious_injury', description: '烫伤', teamId: jia.id, workerIds: [a.id] });
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const lines = (await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows;
    const by = Object.fromEntries(lines.map((l) => [l.empNo, l]));
    expect(by.B004).toBeUndefined();
    expect(comp(by.B001!, 'BEHAVIOUR').raw).toBe(2);
    expect(comp(by.B001!, 'HAZARDS').raw).toBe(2);
    expect(comp(by.B001!, 'HAZARDS').points).toBe(2000);
    expect(by.B001!.veto).toBe(false);
    expect(by.B002!.proRata).toEqual({ worked: 1, of: 30 });
    expect(by.B003!.proRata).toEqual({ worked: 1, of: 30 });
    // 五级: 60 元 of skill for one day in thirty = 2 元
    expect(fen(by.B002!, 'SKILL')).toBe(200);
    // October sees the other side of each boundary
    const oct = await admin('wage.runCalculate', { period: '2026-10' });
    const octBy = Object.fromEntries((await admin('wage.runLines', { runId: oct.id, pageSize: 100 })).rows.map((l) => [l.empNo, l]));
    expect(Object.keys(octBy)).toContain('B004');
    expect(octBy.B002).toBeUndefined();
    expect(octBy.B001!).toMatchObject({ veto: true });
    expect(comp(octBy.B001!, 'HAZARDS').raw).toBe(1);
    expect(comp(octBy.B001!, 'BEHAVIOUR').raw).toBe(10);
  });

  it('without pro rata a worker who left mid-month is paid the full month; a veto of the worker only spares the team', async () => {
    const x = await world();
    const { admin, w, yi, leave } = x;
    effectiveScheme(tc!.core, content({ proRata: false, veto: { severities: ['death', 'serious_injury', 'minor_injury'], team: false } }));
    const hurt = await w('C001', '受伤者', { skillGrade: 3, orgUnitId: yi.id });
    const mate = await w('C002', '同班组', { skillGrade: 3, orgUnitId: yi.id });
    await leave(mate.id, '2026-11-05');
    for (const id of [hurt.id, mate.id]) await admin('wage.timekeepingSave', { workerId: id, period: '2026-11', hours: 176 });
    await admin('wage.accidentCreate', { date: '2026-11-12', place: '二层平台', severity: 'minor_injury', description: '扭伤', teamId: yi.id, workerIds: [hurt.id] });
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const by = Object.fromEntries((await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows.map((l) => [l.empNo, l]));
    expect(by.C001!).toMatchObject({ veto: true, totalFen: 18000 });
    expect(by.C002!).toMatchObject({ veto: false, proRata: null, totalFen: 48000 });
    expect(run.vetoes).toBe(1);
  });
});

describe('team records and team vetoes', () => {
  it('count only for the team’s workers on the roster on the day: not before a worker joined, not after they left', async () => {
    const x = await world();
    const { admin, w, yi, leave } = x;
    effectiveScheme(tc!.core, content({ proRata: true, veto: { severities: ['minor_injury', 'serious_injury', 'death'], team: true } }));
    const stays = await w('T001', '全月在岗', { skillGrade: 3, orgUnitId: yi.id });
    const joins = await w('T002', '月中入职', { skillGrade: 3, orgUnitId: yi.id, hireDate: '2026-11-11' });
    const goes = await w('T003', '月中离职', { skillGrade: 3, orgUnitId: yi.id });
    await leave(goes.id, '2026-11-14');
    for (const id of [stays.id, joins.id, goes.id]) await admin('wage.timekeepingSave', { workerId: id, period: '2026-11', hours: 176 });
    // a team good act on the 10th (before 月中入职 joined), another on the 20th (after 月中离职 left); all three on the 13th
    await admin('wage.behaviourCreate', { date: '2026-11-10', teamId: yi.id, kind: 'good_act', category: '采纳安全建议', points: 4 });
    await admin('wage.behaviourCreate', { date: '2026-11-20', teamId: yi.id, kind: 'good_act', category: '制止违章', points: 2 });
    await admin('wage.behaviourCreate', { date: '2026-11-13', teamId: yi.id, kind: 'good_act', category: '隐患排查', points: 1 });
    // an injury in the team on the 10th (before 月中入职 joined): the team's veto reaches those on the roster that day
    const injury = await admin('wage.accidentCreate', { date: '2026-11-10', place: '二层平台', severity: 'minor_injury', description: '扭伤', teamId: yi.id, workerIds: [] });
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const by = Object.fromEntries((await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows.map((l) => [l.empNo, l]));
    expect(comp(by.T001!, 'BEHAVIOUR').raw).toBe(7);
    expect(comp(by.T002!, 'BEHAVIOUR').raw).toBe(3);
    expect(comp(by.T003!, 'BEHAVIOUR').raw).toBe(5);
    expect([by.T001!.veto, by.T002!.veto, by.T003!.veto]).toEqual([true, false, true]);
    expect(run.vetoes).toBe(2);
    // 月中入职: 20 of 30 days; not vetoed: 176 h → 100 × 30% × 10 元 = 300 元 → 200 元
    expect(comp(by.T002!, 'SAFE_TIME')).toMatchObject({ fen: 20000, applied: ['proRata'] });
    const ex = await admin('wage.runExplain', { runId: run.id, workerId: joins.id });
    expect(ex.components.find((c) => c.code === 'BEHAVIOUR')!.records.map((r) => r.date)).toEqual(['2026-11-13', '2026-11-20']);
    expect(ex.components.flatMap((c) => c.records).map((r) => r.id)).not.toContain(injury.id);
  });
});

describe('manual figures', () => {
  it('an indicator entered by hand reads the period’s figure of the worker and the code; none is no figure', async () => {
    const x = await world();
    const { admin, w } = x;
    const contest = { code: 'CONTEST', name: { 'zh-CN': '技能竞赛', en: 'Skills contest' }, unit: { 'zh-CN': '分', en: 'points' }, source: 'manual' as const, rule: { kind: 'linear' as const, perUnit: 1, floor: 0, cap: 100 }, weightPct: 10, safety: false, capFen: null };
    effectiveScheme(tc!.core, content({ indicators: [contest] }));
    const a = await w('M001', '竞赛者');
    const b = await w('M002', '未参赛');
    const fig = await admin('wage.manualSave', { workerId: a.id, period: '2026-11', code: 'CONTEST', value: 85.5 });
    await admin('wage.manualSave', { workerId: a.id, period: '2026-10', code: 'CONTEST', value: 10 });
    await admin('wage.manualSave', { workerId: b.id, period: '2026-11', code: 'OTHER', value: 99 });
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const by = Object.fromEntries((await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows.map((l) => [l.empNo, l]));
    // 85.5 points × 10% = 8.55 points = 85.50 元
    expect(comp(by.M001!, 'CONTEST')).toMatchObject({ raw: 85.5, points: 8550, weighted: 855, fen: 8550 });
    expect(comp(by.M002!, 'CONTEST')).toMatchObject({ raw: null, fen: 0 });
    const ex = await admin('wage.runExplain', { runId: run.id, workerId: a.id });
    expect(ex.components[0]!.records).toEqual([{ kind: 'manual', id: fig.id, date: '2026-11', label: 'CONTEST', value: 85.5 }]);
  });
});

describe('rounding', () => {
  it('rounds each component half up to the fen (a deduction half away from zero) and the total is the sum of the rounded components', async () => {
    const x = await world();
    const { admin, w } = x;
    const ind = (code: string) => ({ code, name: { 'zh-CN': code, en: code }, unit: { 'zh-CN': '分', en: 'points' }, source: 'manual' as const, rule: { kind: 'linear' as const, perUnit: 1, floor: -100, cap: 100 }, weightPct: 100, safety: false, capFen: null });
    // 0.5 元 a point: 0.01 point is half a fen
    effectiveScheme(tc!.core, content({ indicators: [ind('A'), ind('B')], money: { kind: 'pointValue', fenPerPoint: 50 } }));
    const up = await w('R001', '半分进位');
    const down = await w('R002', '半分扣减');
    for (const code of ['A', 'B']) {
      await admin('wage.manualSave', { workerId: up.id, period: '2026-11', code, value: 0.01 });
      await admin('wage.manualSave', { workerId: down.id, period: '2026-11', code, value: code === 'A' ? -0.01 : 0.03 });
    }
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const by = Object.fromEntries((await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows.map((l) => [l.empNo, l]));
    // 0.5 fen + 0.5 fen: each rounds to 1 fen, the total is 2 fen (not the 1 fen of rounding the sum)
    expect(by.R001!.components.map((c) => [c.weighted, c.fen])).toEqual([
      [1, 1],
      [1, 1],
    ]);
    expect(by.R001!.totalFen).toBe(2);
    // −0.5 fen → −1 fen; 1.5 fen → 2 fen; total 1
    expect(by.R002!.components.map((c) => c.fen)).toEqual([-1, 2]);
    expect(by.R002!.totalFen).toBe(1);
    expect(run.totalFen).toBe(3);
  });
});

describe('a budget spread over the points', () => {
  it('点值 = 奖金总额 ÷ 总分: each worker’s share of the budget by points, rounded per component; the run reports what it used', async () => {
    const x = await world();
    const { admin, w } = x;
    const skill = { ...DEFAULT_CATALOGUE.find((d) => d.code === 'SKILL')!, weightPct: 100, capFen: null };
    effectiveScheme(tc!.core, content({ indicators: [skill], money: { kind: 'budget', budgetFen: 100_000 } }));
    for (const [n, grade] of [[1, 1], [2, 2], [3, 3]] as const) await w(`G00${n}`, `等级${grade}`, { skillGrade: grade });
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    const by = Object.fromEntries((await admin('wage.runLines', { runId: run.id, pageSize: 100 })).rows.map((l) => [l.empNo, l.totalFen]));
    // 一级 100 + 二级 80 + 三级 60 = 240 points (the runners have no grade): 1,000 元 ÷ 240 = 4.1666… 元 a point
    expect([by.G001, by.G002, by.G003, by.A0001]).toEqual([41667, 33333, 25000, 0]);
    expect(run.budget).toEqual({ budgetFen: 100_000, usedFen: 100_000 });
    expect(run.totalFen).toBe(100_000);
  });
});

describe('versions, review and approval', () => {
  it('review then approval by another runner; the same operator, a wrong state, a non-runner are refused changing nothing; approved is locked', async () => {
    const n = await november();
    const { admin, other, so } = n;
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    let snap = tables(tc!.core);
    // approval before review, a safety officer (records, does not run the wage)
    expect(await refusal(other('wage.runApprove', { id: run.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.notReviewed' });
    expect(await refusal(so('wage.runReview', { id: run.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.run.runnersOnly' });
    expect(await refusal(so('wage.runCalculate', { period: '2026-11' }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.run.runnersOnly' });
    expect(await refusal(admin('wage.runReview', { id: 'nope' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.run.notFound' });
    expect(tables(tc!.core)).toBe(snap);

    const reviewed = await admin('wage.runReview', { id: run.id });
    expect(reviewed).toMatchObject({ state: 'reviewed', reviewedBy: '王主席' });
    snap = tables(tc!.core);
    const same = await refusal(admin('wage.runApprove', { id: run.id }));
    expect(same).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.sameOperator' });
    expect(say(same)).toBe('复核人（王主席）不能再审批同一版本，请由另一位操作员审批');
    expect(await refusal(other('wage.runReview', { id: run.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.notCalculated' });
    expect(tables(tc!.core)).toBe(snap);

    const approved = await other('wage.runApprove', { id: run.id });
    expect(approved).toMatchObject({ state: 'approved', reviewedBy: '王主席', approvedBy: '李副主席' });
    snap = tables(tc!.core);
    const again = await refusal(admin('wage.runReview', { id: run.id }));
    expect(again).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.notCalculated' });
    expect(say(again)).toBe('只有“已核算”的版本可以复核（当前：已审批）');
    expect(await refusal(other('wage.runApprove', { id: run.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.notReviewed' });
    expect(tables(tc!.core)).toBe(snap);
    // the database itself refuses to touch an approved run or its lines
    const db = tc!.core.store.db;
    expect(() => db.prepare(`UPDATE wage_runs SET total_fen = 0 WHERE id = ?`).run(run.id)).toThrow(/locked/);
    expect(() => db.prepare(`UPDATE wage_run_lines SET total_fen = 0 WHERE run_id = ?`).run(run.id)).toThrow(/locked/);
    expect(() => db.prepare(`DELETE FROM wage_run_lines WHERE run_id = ?`).run(run.id)).toThrow(/locked/);
    expect(() => db.prepare(`DELETE FROM wage_runs WHERE id = ?`).run(run.id)).toThrow(/locked/);
    expect(tables(tc!.core)).toBe(snap);

    const log = db.prepare(`SELECT action, actor_name FROM audit_log WHERE entity = 'wage_run' ORDER BY seq`).all();
    expect(log).toEqual([
      { action: 'calculate', actor_name: '王主席' },
      { action: 'review', actor_name: '王主席' },
      { action: 'approve', actor_name: '李副主席' },
    ]);
  });

  it('a recalculation replaces an unapproved version and leaves an approved one locked; the new version needs its own review and approval', async () => {
    const n = await november();
    const { admin, other } = n;
    const v1 = await admin('wage.runCalculate', { period: '2026-11' });
    const v2 = await admin('wage.runCalculate', { period: '2026-11' });
    expect(v2).toMatchObject({ version: 2, state: 'calculated' });
    await admin('wage.runReview', { id: v2.id });
    const v3 = await admin('wage.runCalculate', { period: '2026-11' });
    expect((await admin('wage.runs', { period: '2026-11' })).map((r) => [r.version, r.state])).toEqual([
      [3, 'calculated'],
      [2, 'replaced'],
      [1, 'replaced'],
    ]);
    expect(await refusal(admin('wage.runReview', { id: v1.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.notCalculated' });
    await admin('wage.runReview', { id: v3.id });
    await other('wage.runApprove', { id: v3.id });
    const lockedLines = JSON.stringify((await admin('wage.runLines', { runId: v3.id, pageSize: 100 })).rows);
    const v4 = await admin('wage.runCalculate', { period: '2026-11' });
    expect((await admin('wage.runs', { period: '2026-11', current: true })).map((r) => [r.version, r.state])).toEqual([
      [4, 'calculated'],
      [3, 'approved'],
    ]);
    expect(JSON.stringify((await admin('wage.runLines', { runId: v3.id, pageSize: 100 })).rows)).toBe(lockedLines);
    expect((await admin('wage.run', { id: v4.id })).versions.map((v) => [v.version, v.state])).toEqual([
      [4, 'calculated'],
      [3, 'approved'],
      [2, 'replaced'],
      [1, 'replaced'],
    ]);
    const replaced = tc!.core.store.db.prepare(`SELECT entity_id FROM audit_log WHERE entity = 'wage_run' AND action = 'replace' ORDER BY seq`).pluck().all();
    expect(replaced).toEqual([v1.id, v2.id]);
  });

  it('a hazard cancelled after an approved run changes the next version, not the locked one; the diff shows it worker by worker', async () => {
    const n = await november();
    const { admin, other } = n;
    const v1 = await admin('wage.runCalculate', { period: '2026-11' });
    await admin('wage.runReview', { id: v1.id });
    await other('wage.runApprove', { id: v1.id });
    // the major hazard turns out to be a duplicate; a timekeeping correction for 李四 too
    await at('2026-12-10T10:00', () => admin('hazards.cancel', { id: n.h2.id, kind: 'invalid', reason: '与其他隐患重复' }));
    await admin('wage.timekeepingSave', { workerId: n.li.id, period: '2026-11', hours: 176 });
    const v2 = await admin('wage.runCalculate', { period: '2026-11' });
    const line = async (runId: string, workerId: string) => (await admin('wage.runExplain', { runId, workerId })).line;
    // the locked version still pays and explains the hazard
    expect(comp(await line(v1.id, n.zhang.id), 'HAZARDS')).toMatchObject({ raw: 3, fen: 10000 });
    expect((await admin('wage.runExplain', { runId: v1.id, workerId: n.zhang.id })).components.find((c) => c.code === 'HAZARDS')!.records.map((r) => r.id)).toContain(n.h2.id);
    // the next version does not: general + general = 20 × 20% = 40 元
    expect(comp(await line(v2.id, n.zhang.id), 'HAZARDS')).toMatchObject({ raw: 2, fen: 4000, applied: [] });
    expect((await admin('wage.runExplain', { runId: v2.id, workerId: n.zhang.id })).components.find((c) => c.code === 'HAZARDS')!.records.map((r) => r.id)).not.toContain(n.h2.id);

    const d = await admin('wage.runDiff', { fromId: v1.id, toId: v2.id });
    expect(d).toMatchObject({ added: 0, removed: 0, changed: 2, from: { id: v1.id, version: 1 }, to: { id: v2.id, version: 2 } });
    expect(d.rows.map((r) => [r.empNo, r.fromTotalFen, r.toTotalFen])).toEqual([
      ['W001', 59200, 53200],
      ['W002', 30800, 36800],
    ]);
    expect(d.rows[0]!.components.filter((c) => c.fromFen !== c.toFen)).toEqual([{ code: 'HAZARDS', fromFen: 10000, toFen: 4000 }]);
    expect(d.rows[1]!.components.filter((c) => c.fromFen !== c.toFen)).toEqual([{ code: 'SAFE_TIME', fromFen: 24000, toFen: 30000 }]);
    // a worker who joins the roster shows as added (11 of 30 days: 二级 skill 240 元 → 88 元; the team's good act of 10 November
    // was before he joined: not his)
    const newcomer = await n.w('W009', '新同事', { skillGrade: 2, hireDate: '2026-11-20' });
    const v3 = await admin('wage.runCalculate', { period: '2026-11' });
    const d2 = await admin('wage.runDiff', { fromId: v2.id, toId: v3.id });
    expect(d2).toMatchObject({ added: 1, removed: 0, changed: 0 });
    expect(d2.rows).toEqual([
      expect.objectContaining({ workerId: newcomer.id, fromTotalFen: null, toTotalFen: 8800, components: expect.arrayContaining([{ code: 'SKILL', fromFen: null, toFen: 8800 }, { code: 'BEHAVIOUR', fromFen: null, toFen: 0 }]) }),
    ]);
  });
});

describe('refusals and the dashboard', () => {
  it('reports progress by the lines written, and a cancelled calculation writes nothing', async () => {
    await november();
    const progress: { done: number; total: number | null }[] = [];
    const r = await tc!.core.dispatch('wage.runCalculate', { period: '2026-11' }, tc!.session, { progress: (p) => progress.push(p) });
    expect(r.ok).toBe(true);
    expect(progress[0]).toMatchObject({ done: 0, total: 7 });
    expect(progress.at(-1)).toMatchObject({ done: 7, total: 7 });
    const snap = tables(tc!.core);
    const ac = new AbortController();
    ac.abort();
    const cancelled = await tc!.core.dispatch('wage.runCalculate', { period: '2026-11' }, tc!.session, { progress: () => {}, signal: ac.signal });
    expect(cancelled).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(tables(tc!.core)).toBe(snap);
  });


  it('refuses a month with no scheme in effect, a month not begun, a bad month — changing nothing', async () => {
    const x = await world();
    const { admin } = x;
    let snap = tables(tc!.core);
    const none = await refusal(admin('wage.runCalculate', { period: '2026-11' }));
    expect(none).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.noScheme' });
    expect(say(none)).toBe('2026-11 没有生效的能级工资方案：请先经职代会通过方案并设定生效日期');
    effectiveScheme(tc!.core, content(), '2026-06-01');
    snap = tables(tc!.core);
    expect(await refusal(admin('wage.runCalculate', { period: '2026-05' }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.run.noScheme' });
    expect(await refusal(admin('wage.runCalculate', { period: '2027-01' }))).toMatchObject({ code: 'VALIDATION', message: 'err.wage.run.futurePeriod' });
    expect((await refusal(admin('wage.runCalculate', { period: '2026-13' }))).details!.issues).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    expect(await refusal(admin('wage.runDiff', { fromId: 'a', toId: 'b' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.run.notFound' });
    expect(tables(tc!.core)).toBe(snap);
    // the month the scheme took effect is calculated
    expect(await admin('wage.runCalculate', { period: '2026-06' })).toMatchObject({ period: '2026-06', version: 1 });
  });

  it('the dashboard is about the pay month (last month): its run, the last approved one, the share paid a safety component and the vetoes', async () => {
    const n = await november();
    const { admin, other } = n;
    // on 15 December the month calculated and paid is November
    expect(await admin('wage.dashboard')).toEqual({ period: '2026-11', run: null, lastApproved: null, shown: null });
    const nov = await admin('wage.runCalculate', { period: '2026-11' });
    let dash = await admin('wage.dashboard');
    expect(dash).toMatchObject({ period: '2026-11', run: { id: nov.id, state: 'calculated' }, lastApproved: null, shown: { period: '2026-11', state: 'calculated' } });
    await admin('wage.runReview', { id: nov.id });
    await other('wage.runApprove', { id: nov.id });
    dash = await admin('wage.dashboard');
    expect(dash).toMatchObject({ period: '2026-11', run: { id: nov.id, state: 'approved' }, lastApproved: { id: nov.id }, shown: { period: '2026-11', state: 'approved', totalFen: 122000, workers: 7, vetoes: 2 } });
    expect(dash.shown!.safetyShare).toBeCloseTo(2 / 7);
    // December's run (this month's, calculated early) is not the card's business
    await admin('wage.runCalculate', { period: '2026-12' });
    expect(await admin('wage.dashboard')).toMatchObject({ period: '2026-11', run: { id: nov.id } });
    // on 1 January the pay month is December
    const jan = await at('2027-01-01T08:00', () => admin('wage.dashboard'));
    expect(jan).toMatchObject({ period: '2026-12', run: { state: 'calculated' }, lastApproved: { id: nov.id } });
  });
});

describe('group totals in the organisation’s order', () => {
  it('workshops and teams by sort_order then naturally (一 before 二, 甲 before 丙), by team the workshop first; the unplaced last', async () => {
    const x = await world();
    const { admin, w } = x;
    effectiveScheme(tc!.core, content());
    const two = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成二车间' });
    const one = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成一车间' });
    const bing = await admin('org.create', { kind: 'team', parentId: one.id, name: '丙班' });
    const jia1 = await admin('org.create', { kind: 'team', parentId: one.id, name: '甲班' });
    const jia2 = await admin('org.create', { kind: 'team', parentId: two.id, name: '甲班' });
    for (const [n, unit] of [[1, bing], [2, jia1], [3, jia2], [4, x.jia]] as const) await w(`G00${n}`, `职工${n}`, { skillGrade: 1, orgUnitId: unit.id });
    // units created one after another get increasing sort_order (the org editor's): the same order here, so the names decide
    tc!.core.store.db.prepare(`UPDATE org_units SET sort_order = 0`).run();
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    // a numbered name before the plain 合成车间; the runners are in no unit
    expect((await admin('wage.runGroups', { runId: run.id, by: 'workshop' })).map((g) => g.name)).toEqual(['合成一车间', '合成二车间', '合成车间', null]);
    expect((await admin('wage.runGroups', { runId: run.id, by: 'team' })).map((g) => `${g.workshopName}·${g.name}`)).toEqual(['合成一车间·甲班', '合成一车间·丙班', '合成二车间·甲班', '合成车间·甲班', 'null·null']);
    // the organisation's own order comes first
    tc!.core.store.db.prepare(`UPDATE org_units SET sort_order = -1 WHERE id = ?`).run(two.id);
    expect((await admin('wage.runGroups', { runId: run.id, by: 'workshop' })).map((g) => g.name)).toEqual(['合成二车间', '合成一车间', '合成车间', null]);
  });
});

describe('one approved version a month', () => {
  it('approving a newer version replaces the approved one (locked lines, audited); the exports refuse it; the new one is settled against it', async () => {
    const n = await november();
    const { admin, other } = n;
    const v1 = await admin('wage.runCalculate', { period: '2026-11' });
    await admin('wage.runReview', { id: v1.id });
    await other('wage.runApprove', { id: v1.id });
    const v1Lines = JSON.stringify((await admin('wage.runLines', { runId: v1.id, pageSize: 100 })).rows);
    await admin('wage.timekeepingSave', { workerId: n.li.id, period: '2026-11', hours: 176 });
    const v2 = await admin('wage.runCalculate', { period: '2026-11' });
    // until the new version is approved the old one is what was paid
    expect((await admin('wage.runs', { period: '2026-11' })).map((r) => [r.version, r.state])).toEqual([
      [2, 'calculated'],
      [1, 'approved'],
    ]);
    expect((await admin('wage.run', { id: v2.id })).previousApproved).toEqual({ id: v1.id, version: 1, totalFen: v1.totalFen, state: 'approved' });
    await other('wage.runReview', { id: v2.id });
    const approved = await admin('wage.runApprove', { id: v2.id });
    expect(approved).toMatchObject({ state: 'approved', reviewedById: expect.any(String), approvedById: expect.any(String) });
    const runs = await admin('wage.runs', { period: '2026-11' });
    expect(runs.map((r) => [r.version, r.state])).toEqual([
      [2, 'approved'],
      [1, 'replaced'],
    ]);
    expect(runs.filter((r) => r.state === 'approved')).toHaveLength(1);
    expect(runs[1]).toMatchObject({ approvedBy: '李副主席', replacedAt: expect.any(String) });
    expect(JSON.stringify((await admin('wage.runLines', { runId: v1.id, pageSize: 100 })).rows)).toBe(v1Lines);
    const detail = await admin('wage.run', { id: v2.id });
    expect(detail.previousApproved).toEqual({ id: v1.id, version: 1, totalFen: v1.totalFen, state: 'replaced' });
    expect((await admin('wage.runDiff', { fromId: v1.id, toId: v2.id })).rows.map((r) => [r.empNo, (r.toTotalFen ?? 0) - (r.fromTotalFen ?? 0)])).toEqual([['W002', 6000]]);
    const log = tc!.core.store.db.prepare(`SELECT action, entity_id FROM audit_log WHERE entity = 'wage_run' AND action = 'replaceApproved'`).all();
    expect(log).toEqual([{ action: 'replaceApproved', entity_id: v1.id }]);
    // the payroll exports refuse the replaced version
    const snap = tables(tc!.core);
    expect(await refusal(admin('wage.payrollCsv', { runId: v1.id, encoding: 'utf8bom' }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.export.notApproved' });
    expect(tables(tc!.core)).toBe(snap);
    // the database: a replaced approved run, its lines are locked; approved → replaced changes nothing else
    const db = tc!.core.store.db;
    expect(() => db.prepare(`UPDATE wage_runs SET state = 'approved', replaced_at = NULL WHERE id = ?`).run(v1.id)).toThrow(/locked/);
    expect(() => db.prepare(`UPDATE wage_run_lines SET total_fen = 0 WHERE run_id = ?`).run(v1.id)).toThrow(/locked/);
    expect(() => db.prepare(`DELETE FROM wage_runs WHERE id = ?`).run(v1.id)).toThrow(/locked/);
    expect(() => db.prepare(`UPDATE wage_runs SET state = 'replaced', replaced_at = 'x', total_fen = 0 WHERE id = ?`).run(v2.id)).toThrow(/locked/);
    expect(tables(tc!.core)).toBe(snap);
  });
});

describe('records changed since a run was calculated', () => {
  it('a run says which records of its period changed after it was calculated; other months do not; a recalculation takes them in', async () => {
    const n = await november();
    const { admin, other } = n;
    const v1 = await admin('wage.runCalculate', { period: '2026-11' });
    await admin('wage.runReview', { id: v1.id });
    await other('wage.runApprove', { id: v1.id });
    expect((await admin('wage.runs', { period: '2026-11' }))[0]).toMatchObject({ state: 'approved', stale: null });
    // October's records and December's do not touch November
    await admin('wage.timekeepingSave', { workerId: n.zhang.id, period: '2026-10', hours: 30 });
    await admin('wage.behaviourCreate', { date: '2026-12-01', workerId: n.zhang.id, kind: 'good_act', category: '制止违章', points: 2 });
    expect((await admin('wage.run', { id: v1.id })).stale).toBeNull();
    // an August-style correction of the approved month
    await admin('wage.timekeepingSave', { workerId: n.li.id, period: '2026-11', hours: 100 });
    expect((await admin('wage.runs', { period: '2026-11' }))[0]).toMatchObject({ state: 'approved', stale: { kinds: ['timekeeping'] } });
    await admin('wage.behaviourDelete', { id: n.bad.id });
    await admin('wage.accidentCreate', { date: '2026-11-28', place: '罐区', severity: 'near_miss', description: '险些绊倒', teamId: n.jia.id, workerIds: [n.zhang.id] });
    await at('2026-12-10T10:00', () => admin('hazards.cancel', { id: n.h1.id, kind: 'invalid', reason: '重复' }));
    expect((await admin('wage.run', { id: v1.id })).stale).toEqual({ kinds: ['timekeeping', 'behaviour', 'accident', 'hazard'] });
    // a roster change (this month and last) — a grade corrected
    const z = await admin('workers.get', { id: n.zhao.id });
    await admin('workers.update', { id: z.id, data: { empNo: z.empNo, name: z.name, gender: z.gender, orgUnitId: z.teamId ?? z.workshopId, hireDate: z.hireDate, skillGrade: 2, status: z.status } });
    expect((await admin('wage.run', { id: v1.id })).stale!.kinds).toContain('roster');
    const v2 = await admin('wage.runCalculate', { period: '2026-11' });
    expect(v2.stale).toBeNull();
    expect((await admin('wage.run', { id: v1.id })).stale).not.toBeNull();
    // a hazard confirmed in November after the recalculation
    await hazard(admin, n.li.id, n.jia.id, '2026-11-28T09:00', '2026-11-29T10:00', 'general', '阀门手轮缺失');
    expect((await admin('wage.run', { id: v2.id })).stale).toEqual({ kinds: ['hazard'] });
    expect(await admin('wage.dashboard')).toMatchObject({ run: { id: v2.id, stale: { kinds: ['hazard'] } }, lastApproved: { id: v1.id, stale: { kinds: expect.arrayContaining(['timekeeping']) } } });
  });
});

describe('the input gathering', () => {
  it('reads each source once per period: 2,000 workers × 12 months with records in well under a second per month', async () => {
    const x = await world();
    const db = tc!.core.store.db;
    const c = content();
    const now = '2026-01-01T00:00:00.000+08:00';
    db.transaction(() => {
      const ins = db.prepare(`INSERT INTO workers (id, emp_no, name, gender, workshop_id, team_id, hire_date, skill_grade, status, created_at, updated_at) VALUES (?, ?, ?, 'M', ?, ?, '2020-01-01', ?, 'active', ?, ?)`);
      const tk = db.prepare(`INSERT INTO wage_timekeeping (id, worker_id, period, hours, source, created_at, updated_at) VALUES (?, ?, ?, ?, 'import', ?, ?)`);
      const bh = db.prepare(`INSERT INTO wage_behaviour (id, date, worker_id, kind, category, points, entered_by_name, created_at, updated_at) VALUES (?, ?, ?, 'good_act', '制止违章', 2, 'x', ?, ?)`);
      for (let i = 0; i < 2000; i++) {
        ins.run(`pw${i}`, `P${String(i).padStart(5, '0')}`, `职工${i}`, x.ws.id, x.jia.id, (i % 5) + 1, now, now);
        for (let m = 1; m <= 12; m++) {
          const p = `2026-${String(m).padStart(2, '0')}`;
          tk.run(`tk${i}-${m}`, `pw${i}`, p, 150 + (i % 30), now, now);
          if (i % 3 === 0) bh.run(`bh${i}-${m}`, `${p}-15`, `pw${i}`, now, now);
        }
      }
    })();
    const t = performance.now();
    let count = 0;
    for (let m = 1; m <= 12; m++) count += gatherInputs(tc!.core.store, `2026-${String(m).padStart(2, '0')}`, c).inputs.length;
    const ms = performance.now() - t;
    expect(count).toBe(12 * 2003);
    expect(ms).toBeLessThan(6000);
    const one = gatherInputs(tc!.core.store, '2026-03', c).inputs.find((i) => i.workerId === 'pw3')!;
    expect(one.raw).toEqual({ SKILL: '4', SAFE_TIME: 153, BEHAVIOUR: 2, HAZARDS: [] });
  });
});
