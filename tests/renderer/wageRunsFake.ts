// The wage runs' channels for the renderer tests' FakeBackend: runs, lines, group totals, explanations, review and
// approval, the diff and the dashboard, in memory. Tests seed `be.wageRuns` (seedWageRun) and read what the UI did.
// Inputs arrive parsed by the real schemas; the rules kept here are the backend's: review then approval by another
// operator, an approved run locked, a recalculation replaces an unapproved version and leaves an approved one.
import type { ChannelName, ChannelParsed } from '../../shared/contract';
import type { Operator } from '../../shared/operators/types';
import type { RunDetail, RunDiffRow, RunExplanation, RunGroupTotalDetail, RunLine, RunSummary, WageDashboard } from '../../shared/wage/runs/types';
import { compareGroups } from '../../shared/wage/runs/order';
import { FakeError } from './fakeBackend';

export interface WageRunsState {
  runs: RunDetail[];
  /** lines by run id */
  lines: Map<string, RunLine[]>;
  /** explanations by `${runId}:${workerId}` (missing: an explanation with no records) */
  explanations: Map<string, RunExplanation>;
  /** what the next wage.runCalculate produces (default: the newest version's lines of the period, unchanged) */
  nextLines: RunLine[] | null;
  /** wage.runCalculate refuses like the backend when no scheme version is effective for the period */
  noScheme: boolean;
  /** who reviewed each run (operator id): the approver must be another */
  reviewers: Map<string, string>;
  /** what changed since each run was calculated (by run id; absent: nothing) — the backend's wage_period_changes */
  stale: Map<string, RunSummary['stale']>;
}

export function newWageRunsState(): WageRunsState {
  return { runs: [], lines: new Map(), explanations: new Map(), nextLines: null, noScheme: false, reviewers: new Map(), stale: new Map() };
}

let seq = 0;
const nid = (p: string) => `${p}-${++seq}`;
const NOW = '2026-05-01T08:00:00.000Z';
/** the month before this one: the pay month the dashboard is about */
const payMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() - 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** A run line for tests: components as { code: fen }. */
export function makeRunLine(p: Partial<RunLine> & { workerId: string; empNo: string; name: string; fen?: Record<string, number> }): RunLine {
  const { fen = {}, ...rest } = p;
  const components = Object.entries(fen).map(([code, f]) => ({ code, raw: null, points: 0, weighted: 0, fen: f, applied: [] as RunLine['components'][number]['applied'] }));
  return {
    idCard: null,
    workshopId: null,
    workshopName: null,
    teamId: null,
    teamName: null,
    veto: false,
    proRata: null,
    components,
    totalFen: components.reduce((s, c) => s + c.fen, 0),
    ...rest,
  };
}

const SAFETY = new Set(['SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
type Stored = Omit<RunDetail, 'versions' | 'previousApproved' | 'stale'>;
function summarize(r: Omit<Stored, 'workers' | 'totalFen' | 'safetyPaid' | 'vetoes'>, lines: RunLine[]): Stored {
  const safety = new Set(r.indicators.filter((i) => i.safety).map((i) => i.code));
  const isSafety = (code: string) => (safety.size ? safety.has(code) : SAFETY.has(code));
  return {
    ...r,
    workers: lines.length,
    totalFen: lines.reduce((s, l) => s + l.totalFen, 0),
    safetyPaid: lines.filter((l) => l.components.filter((c) => isSafety(c.code)).reduce((s, c) => s + c.fen, 0) > 0).length,
    vetoes: lines.filter((l) => l.veto).length,
  };
}

/** Adds a run (with its lines) to the fake; returns it. */
export function seedWageRun(
  st: WageRunsState,
  p: Partial<Omit<Stored, 'workers' | 'totalFen' | 'safetyPaid' | 'vetoes'>> & { period: string },
  lines: RunLine[],
): RunDetail {
  const version = p.version ?? st.runs.filter((r) => r.period === p.period).length + 1;
  const base = summarize(
    {
      id: nid('run'),
      version,
      state: 'calculated',
      schemeId: 'scheme-1',
      schemeName: '能级工资方案',
      schemeVersion: 1,
      budget: null,
      calculatedAt: NOW,
      calculatedBy: '张三',
      calculatedById: 'op-zhang',
      reviewedAt: null,
      reviewedBy: null,
      reviewedById: null,
      approvedAt: null,
      approvedBy: null,
      approvedById: null,
      replacedAt: null,
      indicators: [
        { code: 'SKILL', name: { 'zh-CN': '安全技能等级', en: 'Safety skill grade' }, unit: { 'zh-CN': '级', en: 'grade' }, source: 'roster.skillGrade', weightPct: 30, safety: false, capFen: null },
        { code: 'SAFE_TIME', name: { 'zh-CN': '安全生产时长', en: 'Safe production time' }, unit: { 'zh-CN': '小时', en: 'hours' }, source: 'timekeeping.hours', weightPct: 30, safety: true, capFen: null },
        { code: 'BEHAVIOUR', name: { 'zh-CN': '安全行为', en: 'Safe behaviour' }, unit: { 'zh-CN': '分', en: 'points' }, source: 'behaviour.points', weightPct: 20, safety: true, capFen: null },
        { code: 'HAZARDS', name: { 'zh-CN': '隐患排查', en: 'Hazards found' }, unit: { 'zh-CN': '项', en: 'hazards' }, source: 'hazards.found', weightPct: 20, safety: true, capFen: null },
      ],
      totalCapFen: null,
      proRata: true,
      ...p,
      period: p.period,
    },
    lines,
  );
  const run: RunDetail = { ...base, stale: null, previousApproved: null, versions: [] };
  st.runs.push(run);
  st.lines.set(run.id, lines);
  return run;
}

interface Be {
  wageRuns: WageRunsState;
  currentOperator: Operator | null;
}

type H = { [K in Extract<ChannelName, `wage.run${string}` | 'wage.dashboard'>]?: (i: ChannelParsed<K>) => unknown };

export function wageRunsHandlers(be: Be) {
  const st = () => be.wageRuns;
  const run = (id: string) => {
    const r = st().runs.find((x) => x.id === id);
    if (!r) throw new FakeError('NOT_FOUND', 'err.wage.run.notFound', { id });
    return r;
  };
  const summary = (r: RunDetail): RunSummary => {
    const { indicators: _i, totalCapFen: _t, proRata: _p, versions: _v, previousApproved: _a, ...s } = r;
    return { ...s, stale: r.state === 'replaced' ? null : (st().stale.get(r.id) ?? null) };
  };
  const detail = (r: RunDetail): RunDetail => {
    const versions = st()
      .runs.filter((x) => x.period === r.period)
      .sort((a, b) => b.version - a.version)
      .map((x) => ({ id: x.id, version: x.version, state: x.state, totalFen: x.totalFen, calculatedAt: x.calculatedAt, approvedAt: x.approvedAt }));
    const prev = r.state === 'replaced' && !r.approvedAt ? undefined : versions.find((v) => v.version < r.version && v.approvedAt !== null);
    return { ...r, ...summary(r), versions, previousApproved: prev ? { id: prev.id, version: prev.version, totalFen: prev.totalFen, state: prev.state } : null };
  };
  const runner = () => {
    const me = be.currentOperator;
    if (!me || !(me.isAdmin || me.roles.includes('union_officer'))) throw new FakeError('FORBIDDEN', 'err.wage.run.runnersOnly');
    return me;
  };
  const groups = (lines: RunLine[], by: 'workshop' | 'team'): RunGroupTotalDetail[] => {
    const m = new Map<string, RunGroupTotalDetail>();
    for (const l of lines) {
      const id = by === 'workshop' ? l.workshopId : l.teamId;
      const key = id ?? '';
      let g = m.get(key);
      if (!g) {
        g = {
          id,
          name: by === 'workshop' ? l.workshopName : l.teamName,
          workshopName: by === 'team' ? l.workshopName : null,
          workshopId: by === 'team' ? l.workshopId : null,
          sortOrder: null,
          workshopSortOrder: null,
          workers: 0,
          totalFen: 0,
          components: [],
          vetoes: 0,
        };
        m.set(key, g);
      }
      g.workers += 1;
      g.totalFen += l.totalFen;
      if (l.veto) g.vetoes += 1;
      for (const c of l.components) {
        const gc = g.components.find((x) => x.code === c.code);
        if (gc) gc.fen += c.fen;
        else g.components.push({ code: c.code, fen: c.fen });
      }
    }
    const key = (g: RunGroupTotalDetail) => ({
      unit: { sortOrder: g.sortOrder, name: g.id === null ? null : (g.name ?? '') },
      workshop: by === 'team' ? { sortOrder: g.workshopSortOrder, name: g.workshopId === null ? null : (g.workshopName ?? '') } : null,
    });
    return [...m.values()].sort((a, b) => compareGroups(key(a), key(b)));
  };

  const h: H = {
    'wage.runs': (q) =>
      st()
        .runs.filter((r) => (!q.period || r.period === q.period) && (!q.current || r.state !== 'replaced'))
        .sort((a, b) => b.period.localeCompare(a.period) || b.version - a.version)
        .map(summary),
    'wage.run': (i) => detail(run(i.id)),
    'wage.runLines': (q) => {
      run(q.runId);
      let rows = st().lines.get(q.runId) ?? [];
      if (q.search) {
        const s = q.search.toLowerCase();
        rows = rows.filter((l) => l.empNo.toLowerCase().includes(s) || l.name.toLowerCase().includes(s));
      }
      if (q.workshopId) rows = rows.filter((l) => l.workshopId === q.workshopId);
      if (q.teamId) rows = rows.filter((l) => l.teamId === q.teamId);
      if (q.vetoOnly) rows = rows.filter((l) => l.veto);
      const key = (l: RunLine): string | number =>
        q.sortField === 'total' ? l.totalFen : q.sortField === 'name' ? l.name : q.sortField === 'workshop' ? (l.workshopName ?? '') : q.sortField === 'team' ? (l.teamName ?? '') : l.empNo;
      const dir = q.sortDir === 'desc' ? -1 : 1;
      rows = [...rows].sort((a, b) => {
        const av = key(a);
        const bv = key(b);
        return (av < bv ? -1 : av > bv ? 1 : a.empNo < b.empNo ? -1 : a.empNo > b.empNo ? 1 : 0) * dir;
      });
      const start = (q.page - 1) * q.pageSize;
      return { rows: rows.slice(start, start + q.pageSize), total: rows.length, page: q.page, pageSize: q.pageSize };
    },
    'wage.runGroups': (q) => {
      run(q.runId);
      return groups(st().lines.get(q.runId) ?? [], q.by);
    },
    'wage.runExplain': (q) => {
      run(q.runId);
      const line = (st().lines.get(q.runId) ?? []).find((l) => l.workerId === q.workerId);
      if (!line) throw new FakeError('NOT_FOUND', 'err.wage.run.lineNotFound', { workerId: q.workerId });
      return st().explanations.get(`${q.runId}:${q.workerId}`) ?? { line, components: line.components.map((c) => ({ code: c.code, records: [], reasons: [] })) };
    },
    'wage.runCalculate': (i) => {
      const me = runner();
      if (st().noScheme) throw new FakeError('CONFLICT', 'err.wage.run.noScheme', { period: i.period });
      const prev = st()
        .runs.filter((r) => r.period === i.period)
        .sort((a, b) => b.version - a.version);
      for (const r of prev) if (r.state === 'calculated' || r.state === 'reviewed') r.state = 'replaced';
      const lines = st().nextLines ?? (prev[0] ? structuredClone(st().lines.get(prev[0].id) ?? []) : []);
      st().nextLines = null;
      return summary(seedWageRun(st(), { period: i.period, version: (prev[0]?.version ?? 0) + 1, calculatedBy: me.name, calculatedById: me.id, calculatedAt: new Date().toISOString() }, lines));
    },
    'wage.runReview': (i) => {
      const me = runner();
      const r = run(i.id);
      if (r.state !== 'calculated') throw new FakeError('CONFLICT', 'err.wage.run.notCalculated', { state: `@wage.run.state.${r.state}` });
      Object.assign(r, { state: 'reviewed', reviewedBy: me.name, reviewedById: me.id, reviewedAt: new Date().toISOString() });
      st().reviewers.set(r.id, me.id);
      return summary(r);
    },
    'wage.runApprove': (i) => {
      const me = runner();
      const r = run(i.id);
      if (r.state !== 'reviewed') throw new FakeError('CONFLICT', 'err.wage.run.notReviewed', { state: `@wage.run.state.${r.state}` });
      if ((st().reviewers.get(r.id) ?? r.reviewedById) === me.id) throw new FakeError('CONFLICT', 'err.wage.run.sameOperator', { reviewer: r.reviewedBy ?? '' });
      const now = new Date().toISOString();
      // one approved version a month: an earlier approved one becomes replaced
      for (const x of st().runs) if (x.period === r.period && x.id !== r.id && x.state === 'approved') Object.assign(x, { state: 'replaced', replacedAt: now });
      Object.assign(r, { state: 'approved', approvedBy: me.name, approvedById: me.id, approvedAt: now });
      return summary(r);
    },
    'wage.runDiff': (q) => {
      const from = run(q.fromId);
      const to = run(q.toId);
      const a = new Map((st().lines.get(from.id) ?? []).map((l) => [l.workerId, l]));
      const b = new Map((st().lines.get(to.id) ?? []).map((l) => [l.workerId, l]));
      const rows: RunDiffRow[] = [];
      let added = 0;
      let removed = 0;
      let changed = 0;
      for (const id of new Set([...a.keys(), ...b.keys()])) {
        const x = a.get(id);
        const y = b.get(id);
        const codes = [...new Set([...(x?.components ?? []), ...(y?.components ?? [])].map((c) => c.code))];
        const components = codes.map((code) => ({ code, fromFen: x?.components.find((c) => c.code === code)?.fen ?? null, toFen: y?.components.find((c) => c.code === code)?.fen ?? null }));
        const same = x && y && x.totalFen === y.totalFen && components.every((c) => c.fromFen === c.toFen);
        if (same) continue;
        if (!x) added += 1;
        else if (!y) removed += 1;
        else changed += 1;
        const l = (y ?? x)!;
        rows.push({ workerId: id, empNo: l.empNo, name: l.name, workshopName: l.workshopName, teamName: l.teamName, fromTotalFen: x?.totalFen ?? null, toTotalFen: y?.totalFen ?? null, components });
      }
      rows.sort((p, q2) => p.empNo.localeCompare(q2.empNo));
      return { from: summary(from), to: summary(to), rows, added, removed, changed };
    },
    'wage.dashboard': (): WageDashboard => {
      const period = payMonth();
      const cur = st()
        .runs.filter((r) => r.period === period && r.state !== 'replaced')
        .sort((a, b) => b.version - a.version)[0];
      const approved = st()
        .runs.filter((r) => r.state === 'approved')
        .sort((a, b) => b.period.localeCompare(a.period) || b.version - a.version)[0];
      const shown = cur ?? approved;
      return {
        period,
        run: cur ? summary(cur) : null,
        lastApproved: approved ? summary(approved) : null,
        shown: shown
          ? { period: shown.period, state: shown.state, totalFen: shown.totalFen, workers: shown.workers, safetyShare: shown.workers ? shown.safetyPaid / shown.workers : 0, vetoes: shown.vetoes }
          : null,
      };
    },
  };
  return h;
}
