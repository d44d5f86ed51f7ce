// The what-if (issue 9, "What-if"): a scheme version — a draft under negotiation, or any other — applied to past months
// with the records as they are now (gatherInputs, the same reader as the runs) and runPeriod, compared with the version
// effective in each month run on the same records (the rule of effectiveSchemeFor). Nothing is written: a read over the
// months in one (deferred) transaction, so every month sees the same state. A month with no effective version compares
// with 0.
import type { FileRef } from '../../../../shared/files';
import { AppError } from '../../../../shared/result';
import { runPeriod, type SchemeVersionCalc } from '../../../../shared/wage/run';
import type { SchemeContent } from '../../../../shared/wage/schemes/types';
import { compareWhatIf, periodRange, type WhatIfPeriodInput, type WhatIfResult, type WhatIfWorker } from '../../../../shared/wage/whatif';
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

function totals(g: Gathered, c: SchemeContent, workers: Map<string, WhatIfWorker>): Map<string, number> {
  const r = runPeriod(calcOf(c), g.inputs);
  const out = new Map<string, number>();
  r.lines.forEach((l, n) => {
    out.set(l.workerId, l.totalFen);
    const w = g.workers[n]!;
    if (!workers.has(w.workerId)) workers.set(w.workerId, { workerId: w.workerId, empNo: w.empNo, name: w.name, workshopId: w.workshopId, workshopName: w.workshopName });
  });
  return out;
}

/** The comparison over the months from … to (past or this month only: a month to come has no records yet). */
export function whatIf(store: Store, i: WhatIfInput): WhatIfResult {
  const thisMonth = todayLocal().slice(0, 7);
  if (i.to > thisMonth) throw new AppError('VALIDATION', 'err.wage.whatIf.future', { month: thisMonth, issues: [{ path: 'to', message: 'err.wage.whatIf.future' }] });
  // a read snapshot (deferred: no write lock is taken) so every month sees the same records
  return store.db.transaction(() => {
    const scheme = getScheme(store, i.schemeId);
    const workers = new Map<string, WhatIfWorker>();
    const periods: WhatIfPeriodInput[] = periodRange(i.from, i.to).map((period) => {
      const g = gatherInputs(store, period, scheme.content, { records: false });
      const candidateTotals = totals(g, scheme.content, workers);
      const eff = effectiveSchemeFor(store, period);
      // the effective version reads its own sources and veto rule: gathered again unless it is the candidate itself
      const baselineTotals = eff ? totals(eff.id === scheme.id ? g : gatherInputs(store, period, eff.content, { records: false }), eff.content, workers) : new Map<string, number>();
      return { period, baseline: eff ? { id: eff.id, name: eff.name, version: eff.version } : null, baselineTotals, candidateTotals };
    });
    return { scheme: { id: scheme.id, name: scheme.name, version: scheme.version }, from: i.from, to: i.to, ...compareWhatIf(periods, [...workers.values()]) };
  }).deferred();
}

export async function whatIfXlsx(ctx: Ctx, i: WhatIfInput): Promise<FileRef> {
  const r = whatIf(ctx.store, i);
  const { writeWhatIfXlsx } = await import('./whatIfXlsx');
  const doc = { enterprise: getEnterprise(ctx.store), fingerprint: chainHead(ctx.store).fingerprint };
  return writeOutputFile(ctx.env.files, `能级工资测算 ${r.scheme.name} 第${r.scheme.version}版 ${r.from}至${r.to}.xlsx`, XLSX_MIME, (p) => writeWhatIfXlsx(p, r, doc));
}
