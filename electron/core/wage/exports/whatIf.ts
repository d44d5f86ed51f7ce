// The what-if (issue 9, "What-if"): a scheme version — a draft under negotiation, or any other — applied to past months
// with the records as they are now (gatherInputs, the same reader as the runs) and runPeriod, compared with the version
// effective in each month run on the same records (the rule of effectiveSchemeFor). Nothing is written: a read over the
// months in one (deferred) transaction, so every month sees the same state. A month with no effective version compares
// with 0. Speed (5,000 workers × 12 months): each version's content is prepared once per call, and a month's records
// are read once for both versions whenever they read the same records (sharedGather) — the usual case of a draft copied
// from the version in force.
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { runPeriod, type SchemeVersionCalc, type WorkerInputs } from '../../../../shared/wage/run';
import type { SchemeContent, SchemeIndicatorDef } from '../../../../shared/wage/schemes/types';
import { compareWhatIf, periodRange, type SchemeRef, type WhatIfPeriodInput, type WhatIfResult, type WhatIfWorker } from '../../../../shared/wage/whatif';
import type { WhatIfInput } from '../../../../shared/wage/exports/schemas';
import { chainHead } from '../../auditChain';
import type { Store } from '../../db/store';
import { writeOutputFile } from '../../documents/output';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import { todayLocal } from '../../util';
import { gatherInputs, type Gathered } from '../runs/inputs';
import { effectiveSchemeFor, getScheme } from '../schemes/service';

const calcOf = (c: SchemeContent): SchemeVersionCalc => ({
  indicators: c.indicators.map((x) => ({ code: x.code, rule: x.rule, weightPct: x.weightPct, safety: x.safety, capFen: x.capFen })),
  money: c.money,
  totalCapFen: c.totalCapFen,
});

const sameSet = <T>(a: readonly T[], b: readonly T[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};

/**
 * The content ONE gatherInputs can serve both versions from, or null when each needs its own read. What gatherInputs
 * reads depends only on each indicator's code and source, the veto rule and pro rata: so with the same veto rule (who is
 * vetoed), and no code read from two different sources, the union of both versions' indicators gathers every raw value
 * either needs (runPeriod reads only the codes of the version it runs). Pro rata is gathered on and dropped again for
 * a version without it (withProRata).
 */
export function sharedGather(a: SchemeContent, b: SchemeContent): SchemeContent | null {
  if (a === b) return a;
  if (a.veto.team !== b.veto.team || !sameSet(a.veto.severities, b.veto.severities)) return null;
  const sourceOf = new Map(a.indicators.map((i) => [i.code, i.source]));
  const extra: SchemeIndicatorDef[] = [];
  for (const i of b.indicators) {
    const s = sourceOf.get(i.code);
    if (s === undefined) extra.push(i);
    else if (s !== i.source) return null;
  }
  const proRata = a.proRata || b.proRata;
  return extra.length === 0 && proRata === a.proRata ? a : { ...a, indicators: extra.length ? [...a.indicators, ...extra] : a.indicators, proRata };
}

/** The gathered inputs as a version with or without pro rata sees them (gathered with it: drop it where it is off). */
const withProRata = (inputs: readonly WorkerInputs[], gatheredWith: boolean, proRata: boolean): readonly WorkerInputs[] =>
  gatheredWith === proRata ? inputs : inputs.map((w) => (w.proRata ? { ...w, proRata: null } : w));

/** A version as one what-if call uses it: its content parsed once and its calculation built once (not per month). */
export interface Prepared {
  ref: SchemeRef;
  content: SchemeContent;
  calc: SchemeVersionCalc;
}
export const prepare = (v: { id: string; name: string; version: number; content: SchemeContent }): Prepared => ({
  ref: { id: v.id, name: v.name, version: v.version },
  content: v.content,
  calc: calcOf(v.content),
});

/** Each worker's total under a version (workerId → fen), in the gathered order. */
function totalsOf(calc: SchemeVersionCalc, inputs: readonly WorkerInputs[]): Map<string, number> {
  const lines = runPeriod(calc, inputs).lines;
  const out = new Map<string, number>();
  for (let k = 0; k < lines.length; k++) out.set(lines[k]!.workerId, lines[k]!.totalFen);
  return out;
}

function noteWorkers(g: Gathered, workers: Map<string, WhatIfWorker>): void {
  for (const w of g.workers)
    if (!workers.has(w.workerId)) workers.set(w.workerId, { workerId: w.workerId, empNo: w.empNo, name: w.name, workshopId: w.workshopId, workshopName: w.workshopName });
}

/**
 * One month: each worker's total under the candidate and under the baseline (none: an empty map), from ONE read of the
 * records when the two versions allow it (sharedGather), else one read each.
 */
export function periodTotals(
  store: Store,
  period: string,
  candidate: Prepared,
  baseline: Prepared | null,
  workers: Map<string, WhatIfWorker>,
): { candidateTotals: Map<string, number>; baselineTotals: Map<string, number> } {
  const shared = baseline ? sharedGather(candidate.content, baseline.content) : candidate.content;
  const g = gatherInputs(store, period, shared ?? candidate.content, { records: false });
  noteWorkers(g, workers);
  const gatheredWith = (shared ?? candidate.content).proRata;
  const candidateTotals = totalsOf(candidate.calc, withProRata(g.inputs, gatheredWith, candidate.content.proRata));
  if (!baseline) return { candidateTotals, baselineTotals: new Map() };
  if (shared) return { candidateTotals, baselineTotals: totalsOf(baseline.calc, withProRata(g.inputs, gatheredWith, baseline.content.proRata)) };
  // the effective version reads other records (another veto rule, a code from another source): gathered on its own
  const b = gatherInputs(store, period, baseline.content, { records: false });
  noteWorkers(b, workers);
  return { candidateTotals, baselineTotals: totalsOf(baseline.calc, b.inputs) };
}

/** The comparison over the months from … to (past or this month only: a month to come has no records yet). */
export function whatIf(store: Store, i: WhatIfInput): WhatIfResult {
  const thisMonth = todayLocal().slice(0, 7);
  if (i.to > thisMonth) throw new AppError('VALIDATION', 'err.wage.whatIf.future', { month: thisMonth, issues: [{ path: 'to', message: 'err.wage.whatIf.future' }] });
  // a read snapshot (deferred: no write lock is taken) so every month sees the same records
  return store.db.transaction(() => {
    const scheme = getScheme(store, i.schemeId);
    const candidate = prepare(scheme);
    // each effective version prepared once for the whole range (the candidate itself when it is the one in force)
    const prepared = new Map<string, Prepared>([[scheme.id, candidate]]);
    const workers = new Map<string, WhatIfWorker>();
    const periods: WhatIfPeriodInput[] = periodRange(i.from, i.to).map((period) => {
      const eff = effectiveSchemeFor(store, period);
      let baseline: Prepared | null = null;
      if (eff) {
        baseline = prepared.get(eff.id) ?? null;
        if (!baseline) prepared.set(eff.id, (baseline = prepare(eff)));
      }
      const t = periodTotals(store, period, candidate, baseline, workers);
      return { period, baseline: baseline ? baseline.ref : null, ...t };
    });
    return { scheme: candidate.ref, from: i.from, to: i.to, ...compareWhatIf(periods, [...workers.values()]) };
  }).deferred();
}

export async function whatIfXlsx(ctx: Ctx, i: WhatIfInput): Promise<FileRef> {
  const r = whatIf(ctx.store, i);
  const { writeWhatIfXlsx } = await import('./whatIfXlsx');
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  return writeOutputFile(ctx.env.files, `能级工资测算 ${r.scheme.name} 第${r.scheme.version}版 ${r.from}至${r.to}.xlsx`, XLSX_MIME, (p) => writeWhatIfXlsx(p, r, doc));
}
