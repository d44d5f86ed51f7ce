// The skill-level wage's monthly runs (issue 9, "The monthly run"). A calculation reads the period's records
// (inputs.ts), runs the scheme version effective for the period (shared/wage/run.ts runPeriod) and stores a new
// version of the period's run with every worker's line and the records behind it. Then 复核 (review) and 审批
// (approval) by a different operator; an approved run is locked (the database refuses changes too). Recalculating makes
// the next version: an unapproved previous version becomes 'replaced'; an approved one stays approved and locked (the
// record of what was paid) and the new version needs its own review and approval. Writes: one transaction → read before
// → change → read after → audit; a refusal throws before anything is written.
import type { z } from 'zod';
import type { Page } from '../../../../shared/kernel/types';
import type { Operator } from '../../../../shared/operators/types';
import { maskIdCard } from '../../../../shared/roster/idcard';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { runPeriod } from '../../../../shared/wage/run';
import type { runDiffQuery, runExplainQuery, runGroupsQuery, runLinesQuery, runsQuery } from '../../../../shared/wage/runs/schemas';
import type {
  RunDetail,
  RunDiff,
  RunDiffRow,
  RunExplanation,
  RunGroupTotalDetail,
  RunIndicator,
  RunLine,
  RunState,
  RunSummary,
  WageDashboard,
  RunChangeKind,
} from '../../../../shared/wage/runs/types';
import { RUN_CHANGE_KINDS } from '../../../../shared/wage/runs/types';
import { compareGroups } from '../../../../shared/wage/runs/order';
import { WAGE_RUNNERS } from '../../../../shared/wage/scheme';
import type { SchemeContent } from '../../../../shared/wage/schemes/types';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import type { ProgressReporter } from '../../kernel/jobs';
import { nowIso, todayLocal, uuidv7 } from '../../util';
import { gatherInputs } from './inputs';
import { decodeComponents, decodeSources, encodeComponents, encodeSources } from './lines';
import { schemeForPeriod } from './scheme';

/** Union officers and administrators calculate, review and approve runs. */
export function assertRunner(op: Operator): void {
  if (!holdsAnyRole(op, WAGE_RUNNERS)) throw new AppError('FORBIDDEN', 'err.wage.run.runnersOnly');
}

// ---------------------------------------------------------------------------------------------------------
// Reading runs

interface RunRow {
  id: string;
  period: string;
  version: number;
  state: RunState;
  scheme_id: string;
  scheme_name: string;
  scheme_version: number;
  scheme_content: string;
  workers: number;
  total_fen: number;
  safety_paid: number;
  vetoes: number;
  budget_fen: number | null;
  budget_used_fen: number | null;
  calculated_at: string;
  calculated_by_id: string | null;
  calculated_by_name: string;
  reviewed_at: string | null;
  reviewed_by_id: string | null;
  reviewed_by_name: string | null;
  approved_at: string | null;
  approved_by_id: string | null;
  approved_by_name: string | null;
  replaced_at: string | null;
  inputs_seq: number;
}

/**
 * What changed in a run's period since it was calculated (wage_period_changes, written by the triggers of migration
 * 013/014): a read of a few rows by the period's primary key. A replaced version is not said to be stale.
 */
function staleOf(store: Store, r: RunRow): RunSummary['stale'] {
  if (r.state === 'replaced') return null;
  const kinds = store.all<{ kind: RunChangeKind }>(`SELECT kind FROM wage_period_changes WHERE period = ? AND seq > ? ORDER BY kind`, [r.period, r.inputs_seq]).map((k) => k.kind);
  return kinds.length ? { kinds: RUN_CHANGE_KINDS.filter((k) => kinds.includes(k)) } : null;
}

const toSummary = (r: RunRow, stale: RunSummary['stale'] = null): RunSummary => ({
  id: r.id,
  period: r.period,
  version: r.version,
  state: r.state,
  schemeId: r.scheme_id,
  schemeName: r.scheme_name,
  schemeVersion: r.scheme_version,
  workers: r.workers,
  totalFen: r.total_fen,
  safetyPaid: r.safety_paid,
  vetoes: r.vetoes,
  budget: r.budget_fen === null ? null : { budgetFen: r.budget_fen, usedFen: r.budget_used_fen ?? 0 },
  calculatedAt: r.calculated_at,
  calculatedBy: r.calculated_by_name,
  calculatedById: r.calculated_by_id,
  reviewedAt: r.reviewed_at,
  reviewedBy: r.reviewed_by_name,
  reviewedById: r.reviewed_by_id,
  approvedAt: r.approved_at,
  approvedBy: r.approved_by_name,
  approvedById: r.approved_by_id,
  replacedAt: r.replaced_at,
  stale,
});
const summaryOf = (store: Store, r: RunRow): RunSummary => toSummary(r, staleOf(store, r));

function runRow(store: Store, id: string): RunRow {
  const r = store.get<RunRow>(`SELECT * FROM wage_runs WHERE id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.wage.run.notFound', { id });
  return r;
}

export function getRunSummary(store: Store, id: string): RunSummary {
  return summaryOf(store, runRow(store, id));
}

export function listRuns(store: Store, q: z.output<typeof runsQuery>): RunSummary[] {
  const where: string[] = [];
  const params: unknown[] = [];
  if (q.period) {
    where.push('period = ?');
    params.push(q.period);
  }
  if (q.current) where.push(`state <> 'replaced'`);
  return store
    .all<RunRow>(`SELECT * FROM wage_runs ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY period DESC, version DESC`, params as never)
    .map((r) => summaryOf(store, r));
}

const indicatorsOf = (content: SchemeContent): RunIndicator[] =>
  content.indicators.map((i) => ({ code: i.code, name: i.name, unit: i.unit, source: i.source, weightPct: i.weightPct, safety: i.safety, capFen: i.capFen }));

export function getRun(store: Store, id: string): RunDetail {
  const r = runRow(store, id);
  const content = JSON.parse(r.scheme_content) as SchemeContent;
  const versions = store
    .all<{ id: string; version: number; state: RunState; total_fen: number; calculated_at: string; approved_at: string | null }>(
      `SELECT id, version, state, total_fen, calculated_at, approved_at FROM wage_runs WHERE period = ? ORDER BY version DESC`,
      [r.period],
    )
    .map((v) => ({ id: v.id, version: v.version, state: v.state, totalFen: v.total_fen, calculatedAt: v.calculated_at, approvedAt: v.approved_at }));
  // settled against the latest earlier version that was approved (none for a replaced unapproved version)
  const prev = r.state === 'replaced' && !r.approved_at ? undefined : versions.find((v) => v.version < r.version && v.approvedAt !== null);
  return {
    ...summaryOf(store, r),
    indicators: indicatorsOf(content),
    totalCapFen: content.totalCapFen,
    proRata: content.proRata,
    previousApproved: prev ? { id: prev.id, version: prev.version, totalFen: prev.totalFen, state: prev.state } : null,
    versions,
  };
}

interface LineRow {
  run_id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_id: string | null;
  workshop_name: string | null;
  team_id: string | null;
  team_name: string | null;
  total_fen: number;
  veto: number;
  pro_rata_worked: number | null;
  pro_rata_of: number | null;
  components: string;
  /** only read by the explanation */
  sources?: string | null;
  id_card: string | null;
}

/** The indicator codes of a run's scheme content, in order: the stored lines' components follow it. */
const codesOf = (run: RunRow): string[] => (JSON.parse(run.scheme_content) as SchemeContent).indicators.map((i) => i.code);

const toLine = (r: LineRow, codes: readonly string[], idCard: 'masked' | 'full'): RunLine => ({
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  idCard: r.id_card ? (idCard === 'full' ? r.id_card : maskIdCard(r.id_card)) : null,
  workshopId: r.workshop_id,
  workshopName: r.workshop_name,
  teamId: r.team_id,
  teamName: r.team_name,
  components: decodeComponents(r.components, codes),
  totalFen: r.total_fen,
  veto: r.veto === 1,
  proRata: r.pro_rata_worked === null || r.pro_rata_of === null ? null : { worked: r.pro_rata_worked, of: r.pro_rata_of },
});

const LINE_COLUMNS = `l.worker_id, l.emp_no, l.name, l.workshop_id, l.workshop_name, l.team_id, l.team_name, l.total_fen, l.veto, l.pro_rata_worked, l.pro_rata_of, l.components`;
const LINE_SELECT = `SELECT ${LINE_COLUMNS}, w.id_card FROM wage_run_lines l LEFT JOIN workers w ON w.id = l.worker_id`;
const SORT_SQL: Record<z.output<typeof runLinesQuery>['sortField'], string> = {
  empNo: 'l.emp_no',
  name: 'l.name',
  workshop: `coalesce(l.workshop_name, '')`,
  team: `coalesce(l.team_name, '')`,
  total: 'l.total_fen',
};

/** A run's lines, a page at a time: search by number or name, by workshop or team, vetoed only; ID numbers masked. */
export function runLines(store: Store, q: z.output<typeof runLinesQuery>): Page<RunLine> {
  const codes = codesOf(runRow(store, q.runId));
  const where = ['l.run_id = ?'];
  const params: unknown[] = [q.runId];
  const s = q.search.trim().toLowerCase();
  if (s) {
    where.push('(instr(lower(l.emp_no), ?) > 0 OR instr(lower(l.name), ?) > 0)');
    params.push(s, s);
  }
  if (q.workshopId) {
    where.push('l.workshop_id = ?');
    params.push(q.workshopId);
  }
  if (q.teamId) {
    where.push('l.team_id = ?');
    params.push(q.teamId);
  }
  if (q.vetoOnly) where.push('l.veto = 1');
  const dir = q.sortDir === 'desc' ? 'DESC' : 'ASC';
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM wage_run_lines l WHERE ${where.join(' AND ')}`, params as never)!.n;
  const rows = store.all<LineRow>(
    `${LINE_SELECT} WHERE ${where.join(' AND ')} ORDER BY ${SORT_SQL[q.sortField]} ${dir}, l.emp_no ${dir} LIMIT ? OFFSET ?`,
    [...params, q.pageSize, (q.page - 1) * q.pageSize] as never,
  );
  return { rows: rows.map((r) => toLine(r, codes, 'masked')), total, page: q.page, pageSize: q.pageSize };
}

/** Every line of a run in employee-number order (the exports: `full` ID numbers only where the operator chose them). */
export function allRunLines(store: Store, runId: string, idCard: 'masked' | 'full' = 'masked'): RunLine[] {
  const codes = codesOf(runRow(store, runId));
  return store.all<LineRow>(`${LINE_SELECT} WHERE l.run_id = ? ORDER BY l.emp_no`, [runId]).map((r) => toLine(r, codes, idCard));
}

/** Every line of a run without the ID numbers (group totals, the difference between versions: no roster read). */
function linesWithoutIdCards(store: Store, run: RunRow): RunLine[] {
  const codes = codesOf(run);
  return store.all<LineRow>(`SELECT ${LINE_COLUMNS}, NULL AS id_card FROM wage_run_lines l WHERE l.run_id = ? ORDER BY l.emp_no`, [run.id]).map((r) => toLine(r, codes, 'masked'));
}

/**
 * Totals by workshop or by team (workers, amount, each component, vetoes), in the organisation's order
 * (shared/wage/runs/order.ts compareGroups); the unplaced last.
 */
export function runGroups(store: Store, q: z.output<typeof runGroupsQuery>): RunGroupTotalDetail[] {
  const run = runRow(store, q.runId);
  const codes = codesOf(run);
  const order = new Map(store.all<{ id: string; sort_order: number }>(`SELECT id, sort_order FROM org_units`).map((u) => [u.id, u.sort_order]));
  const groups = new Map<string, RunGroupTotalDetail>();
  for (const l of linesWithoutIdCards(store, run)) {
    const id = q.by === 'workshop' ? l.workshopId : l.teamId;
    const key = id ?? '';
    let g = groups.get(key);
    if (!g) {
      g = {
        id,
        name: q.by === 'workshop' ? l.workshopName : l.teamName,
        workshopName: q.by === 'team' ? l.workshopName : null,
        workshopId: q.by === 'team' ? l.workshopId : null,
        sortOrder: id ? (order.get(id) ?? null) : null,
        workshopSortOrder: q.by === 'team' && l.workshopId ? (order.get(l.workshopId) ?? null) : null,
        workers: 0,
        totalFen: 0,
        components: codes.map((code) => ({ code, fen: 0 })),
        vetoes: 0,
      };
      groups.set(key, g);
    }
    g.workers += 1;
    g.totalFen += l.totalFen;
    if (l.veto) g.vetoes += 1;
    for (const c of l.components) {
      const gc = g.components.find((x) => x.code === c.code);
      if (gc) gc.fen += c.fen;
    }
  }
  // the organisation's order, then natural (一二三…, 甲乙丙丁, digits by value); by team, the workshop first
  const key = (g: RunGroupTotalDetail) => ({
    unit: { sortOrder: g.sortOrder, name: g.id === null ? null : (g.name ?? '') },
    workshop: q.by === 'team' ? { sortOrder: g.workshopSortOrder, name: g.workshopId === null ? null : (g.workshopName ?? '') } : null,
  });
  return [...groups.values()].sort((a, b) => compareGroups(key(a), key(b)));
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * One worker's line with the records behind each component (hazards, behaviour records, timekeeping, the grade, manual
 * figures — ids to click through) and why an amount differs from its points: a veto (by which accidents), the
 * component's cap, pro rata days, the total cap; a component without any record says so.
 */
export function explain(store: Store, q: z.output<typeof runExplainQuery>): RunExplanation {
  const run = runRow(store, q.runId);
  const r = store.get<LineRow>(
    `SELECT ${LINE_COLUMNS}, l.sources, w.id_card FROM wage_run_lines l LEFT JOIN workers w ON w.id = l.worker_id WHERE l.run_id = ? AND l.worker_id = ?`,
    [q.runId, q.workerId],
  );
  if (!r) throw new AppError('NOT_FOUND', 'err.wage.run.lineNotFound', { workerId: q.workerId });
  const content = JSON.parse(run.scheme_content) as SchemeContent;
  const line = toLine(r, content.indicators.map((i) => i.code), 'masked');
  const src = decodeSources(r.sources ?? null, line, new Set(content.indicators.filter((i) => i.source === 'roster.skillGrade').map((i) => i.code)));
  return {
    line,
    components: line.components.map((c) => {
      const ind = content.indicators.find((i) => i.code === c.code);
      const records = [...(src.records[c.code] ?? [])];
      const reasons: RunExplanation['components'][number]['reasons'] = [];
      if (records.length === 0) reasons.push({ key: 'wage.run.reason.noRecord' });
      for (const a of c.applied) {
        if (a === 'veto') {
          for (const v of src.vetoBy) reasons.push({ key: 'wage.run.reason.veto', params: { date: v.date ?? '', place: v.label, severity: `@wage.severity.${String(v.value)}` } });
          records.push(...src.vetoBy.filter((v) => !records.some((x) => x.id === v.id)));
        } else if (a === 'cap') reasons.push({ key: 'wage.run.reason.cap', params: { cap: yuan(ind?.capFen ?? 0) } });
        else if (a === 'proRata') reasons.push({ key: 'wage.run.reason.proRata', params: { worked: line.proRata?.worked ?? 0, of: line.proRata?.of ?? 0 } });
        else reasons.push({ key: 'wage.run.reason.totalCap', params: { cap: yuan(content.totalCapFen ?? 0) } });
      }
      return { code: c.code, records, reasons };
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Calculating, reviewing, approving

/**
 * Calculates a period with the scheme version effective for it and stores the next version of the period's run.
 * Refuses: not a runner, a month not yet begun, no version effective for the period, nobody on the roster in it.
 * Reports progress by the lines written (`job`); cancelling rolls everything back.
 */
export function calculate(store: Store, op: Operator, actor: Actor, i: { period: string }, job?: ProgressReporter): RunSummary {
  assertRunner(op);
  if (i.period > todayLocal().slice(0, 7)) throw new AppError('VALIDATION', 'err.wage.run.futurePeriod', { period: i.period, issues: [{ path: 'period', message: 'err.wage.run.futurePeriod' }] });
  return store.tx(() => {
    const scheme = schemeForPeriod(store, i.period);
    if (!scheme) throw new AppError('CONFLICT', 'err.wage.run.noScheme', { period: i.period });
    const g = gatherInputs(store, i.period, scheme.content);
    if (g.inputs.length === 0) throw new AppError('CONFLICT', 'err.wage.run.noWorkers', { period: i.period });
    job?.report(0, g.inputs.length, undefined, true);
    const result = runPeriod(
      {
        indicators: scheme.content.indicators.map((x) => ({ code: x.code, rule: x.rule, weightPct: x.weightPct, safety: x.safety, capFen: x.capFen })),
        money: scheme.content.money,
        totalCapFen: scheme.content.totalCapFen,
      },
      g.inputs,
    );
    const now = nowIso();
    const prev = store.all<RunRow>(`SELECT * FROM wage_runs WHERE period = ? ORDER BY version DESC`, [i.period]);
    for (const p of prev.filter((x) => x.state === 'calculated' || x.state === 'reviewed')) {
      store.run(`UPDATE wage_runs SET state = 'replaced', replaced_at = ? WHERE id = ?`, [now, p.id]);
      writeAudit(store, actor, { entity: 'wage_run', entityId: p.id, action: 'replace', before: toSummary(p), after: getRunSummary(store, p.id) }, now);
    }
    const safetyCodes = new Set(scheme.content.indicators.filter((x) => x.safety).map((x) => x.code));
    const safetyPaid = result.lines.filter((l) => l.indicators.filter((c) => safetyCodes.has(c.code)).reduce((s, c) => s + c.fen, 0) > 0).length;
    const id = uuidv7();
    // the records read are those up to this change number: a later change of the period makes the run stale
    const seq = store.get<{ n: number }>(`SELECT coalesce(max(seq), 0) AS n FROM wage_period_changes`)!.n;
    store.run(
      `INSERT INTO wage_runs (id, period, version, state, scheme_id, scheme_name, scheme_version, scheme_content, workers, total_fen, safety_paid, vetoes,
         budget_fen, budget_used_fen, calculated_at, calculated_by_id, calculated_by_name, inputs_seq)
       VALUES (?, ?, ?, 'calculated', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        i.period,
        (prev[0]?.version ?? 0) + 1,
        scheme.id,
        scheme.name,
        scheme.version,
        JSON.stringify(scheme.content),
        result.lines.length,
        result.totalFen,
        safetyPaid,
        result.vetoes,
        result.budget?.budgetFen ?? null,
        result.budget?.usedFen ?? null,
        now,
        op.id,
        actor.name,
        seq,
      ],
    );
    const insert = store.stmt(
      `INSERT INTO wage_run_lines (run_id, worker_id, emp_no, name, workshop_id, workshop_name, team_id, team_name, total_fen, veto, pro_rata_worked, pro_rata_of, components, sources)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // one prepared statement, the lines compact (lines.ts); the transaction commits them together
    result.lines.forEach((l, n) => {
      const w = g.workers[n]!;
      const input = g.inputs[n]!;
      insert.run(
        id,
        w.workerId,
        w.empNo,
        w.name,
        w.workshopId,
        w.workshopName,
        w.teamId,
        w.teamName,
        l.totalFen,
        input.veto ? 1 : 0,
        input.proRata?.worked ?? null,
        input.proRata?.of ?? null,
        encodeComponents(l.indicators, w.raw),
        encodeSources(w.records, w.vetoBy),
      );
      job?.report(n + 1, result.lines.length, undefined, n + 1 === result.lines.length);
    });
    const after = getRunSummary(store, id);
    writeAudit(store, actor, { entity: 'wage_run', entityId: id, action: 'calculate', after }, now);
    return after;
  });
}

/** 复核: a calculated version is reviewed by a runner. */
export function review(store: Store, op: Operator, actor: Actor, id: string): RunSummary {
  assertRunner(op);
  return store.tx(() => {
    const before = runRow(store, id);
    if (before.state !== 'calculated') throw new AppError('CONFLICT', 'err.wage.run.notCalculated', { state: `@wage.run.state.${before.state}` });
    const now = nowIso();
    store.run(`UPDATE wage_runs SET state = 'reviewed', reviewed_at = ?, reviewed_by_id = ?, reviewed_by_name = ? WHERE id = ?`, [now, op.id, actor.name, id]);
    const after = getRunSummary(store, id);
    writeAudit(store, actor, { entity: 'wage_run', entityId: id, action: 'review', before: toSummary(before), after }, now);
    return after;
  });
}

/**
 * 审批: a reviewed version is approved by another runner than its reviewer; approved, it is locked. An earlier version
 * of the period approved before becomes 'replaced' (still locked; its lines unchanged): one approved version a month.
 */
export function approve(store: Store, op: Operator, actor: Actor, id: string): RunSummary {
  assertRunner(op);
  return store.tx(() => {
    const before = runRow(store, id);
    if (before.state !== 'reviewed') throw new AppError('CONFLICT', 'err.wage.run.notReviewed', { state: `@wage.run.state.${before.state}` });
    if (before.reviewed_by_id === op.id) throw new AppError('CONFLICT', 'err.wage.run.sameOperator', { reviewer: before.reviewed_by_name ?? '' });
    const now = nowIso();
    for (const p of store.all<RunRow>(`SELECT * FROM wage_runs WHERE period = ? AND state = 'approved' AND id <> ?`, [before.period, id])) {
      store.run(`UPDATE wage_runs SET state = 'replaced', replaced_at = ? WHERE id = ?`, [now, p.id]);
      writeAudit(store, actor, { entity: 'wage_run', entityId: p.id, action: 'replaceApproved', before: toSummary(p), after: getRunSummary(store, p.id) }, now);
    }
    store.run(`UPDATE wage_runs SET state = 'approved', approved_at = ?, approved_by_id = ?, approved_by_name = ? WHERE id = ?`, [now, op.id, actor.name, id]);
    const after = getRunSummary(store, id);
    writeAudit(store, actor, { entity: 'wage_run', entityId: id, action: 'approve', before: toSummary(before), after }, now);
    return after;
  });
}

// ---------------------------------------------------------------------------------------------------------
// The difference between two versions, the dashboard

/** Worker by worker, the workers whose total or any component differs (or who are in one version only). */
export function diff(store: Store, q: z.output<typeof runDiffQuery>): RunDiff {
  const from = runRow(store, q.fromId);
  const to = runRow(store, q.toId);
  const a = new Map(linesWithoutIdCards(store, from).map((l) => [l.workerId, l]));
  const b = new Map(linesWithoutIdCards(store, to).map((l) => [l.workerId, l]));
  const codes = [...new Set([...(JSON.parse(from.scheme_content) as SchemeContent).indicators, ...(JSON.parse(to.scheme_content) as SchemeContent).indicators].map((i) => i.code))];
  const rows: RunDiffRow[] = [];
  let added = 0;
  let removed = 0;
  let changed = 0;
  for (const id of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(id);
    const y = b.get(id);
    const components = codes.map((code) => ({ code, fromFen: x?.components.find((c) => c.code === code)?.fen ?? null, toFen: y?.components.find((c) => c.code === code)?.fen ?? null }));
    if (x && y && x.totalFen === y.totalFen && components.every((c) => c.fromFen === c.toFen)) continue;
    if (!x) added += 1;
    else if (!y) removed += 1;
    else changed += 1;
    const l = (y ?? x)!;
    rows.push({ workerId: id, empNo: l.empNo, name: l.name, workshopName: l.workshopName, teamName: l.teamName, fromTotalFen: x?.totalFen ?? null, toTotalFen: y?.totalFen ?? null, components });
  }
  rows.sort((p, r) => (p.empNo < r.empNo ? -1 : p.empNo > r.empNo ? 1 : 0));
  return { from: summaryOf(store, from), to: summaryOf(store, to), rows, added, removed, changed };
}

/** The pay month: the month before today's (local clock) — calculated, approved and paid in this one. */
export function payMonth(today = todayLocal()): string {
  const y = Number(today.slice(0, 4));
  const m = Number(today.slice(5, 7));
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/**
 * The dashboard's cards: the pay month's (last month's) current version (the newest not replaced), the last approved run of any period,
 * and the figures of the one shown (the pay month's if there is one, else the last approved).
 */
export function dashboard(store: Store): WageDashboard {
  const period = payMonth();
  const cur = store.get<RunRow>(`SELECT * FROM wage_runs WHERE period = ? AND state <> 'replaced' ORDER BY version DESC LIMIT 1`, [period]);
  const approved = store.get<RunRow>(`SELECT * FROM wage_runs WHERE state = 'approved' ORDER BY period DESC, version DESC LIMIT 1`);
  const shown = cur ?? approved;
  return {
    period,
    run: cur ? summaryOf(store, cur) : null,
    lastApproved: approved ? summaryOf(store, approved) : null,
    shown: shown
      ? {
          period: shown.period,
          state: shown.state,
          totalFen: shown.total_fen,
          workers: shown.workers,
          safetyShare: shown.workers > 0 ? shown.safety_paid / shown.workers : 0,
          vetoes: shown.vetoes,
        }
      : null,
  };
}
