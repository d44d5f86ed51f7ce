// The what-if as a workbook for the negotiation (能级工资方案测算): per period the cost under the version effective then
// and under the candidate; the distribution of a worker's monthly amount; who gains and who loses most; by workshop.
// Money in 元 from integer fen.
import type { Enterprise } from '../../../../shared/enterprise/types';
import { periodCn, yuan } from '../../../../shared/wage/exports/layout';
import type { WhatIfResult, WhatIfWorkerDiff } from '../../../../shared/wage/whatif';
import { writeXlsxFile, type XlsxColumn, type XlsxWriter } from '../../documents/xlsx';

export interface WhatIfDocCtx {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const money = (header: string): XlsxColumn => ({ header, width: 14, format: 'money' });

export const whatIfTitle = (r: Pick<WhatIfResult, 'scheme' | 'from' | 'to'>) =>
  `${r.scheme.name}（第 ${r.scheme.version} 版）测算：${periodCn(r.from)}${r.from === r.to ? '' : `至${periodCn(r.to)}`}`;

function workersSheet(w: XlsxWriter, name: string, rows: readonly WhatIfWorkerDiff[], ctx: WhatIfDocCtx, subtitle: string) {
  const s = w.addSheet({
    name,
    columns: [{ header: '工号', width: 12, format: 'id' }, { header: '姓名', width: 10 }, { header: '车间', width: 14 }, money('现行方案（元）'), money('测算方案（元）'), money('差额（元）')],
    title: name,
    subtitle: { left: subtitle },
    print: { orientation: 'portrait', footerLeft: `数据指纹 ${ctx.fingerprint}` },
  });
  for (const d of rows) s.addRow([d.empNo, d.name, d.workshop ?? '', d.baselineFen, d.candidateFen, d.diffFen]);
  if (rows.length === 0) s.addText([{ text: '无', from: 1, to: 6 }]);
  s.commit();
}

export async function writeWhatIfXlsx(filePath: string, r: WhatIfResult, ctx: WhatIfDocCtx): Promise<number> {
  const sub = `${ctx.enterprise.name}\u3000${whatIfTitle(r)}`;
  const print = { orientation: 'portrait' as const, footerLeft: `数据指纹 ${ctx.fingerprint}` };
  return writeXlsxFile(
    filePath,
    async (w) => {
      const p = w.addSheet({
        name: '按月',
        columns: [{ header: '期间', width: 10, format: 'id' }, { header: '现行方案', width: 28 }, { header: '人数', width: 8, format: 'integer' }, money('现行方案（元）'), money('测算方案（元）'), money('差额（元）')],
        title: '按月成本对比',
        subtitle: { left: sub },
        autoFilter: false,
        print,
      });
      for (const x of r.periods) p.addRow([x.period, x.baseline ? `${x.baseline.name}（第 ${x.baseline.version} 版）` : '（无生效方案）', x.workers, x.baselineFen, x.candidateFen, x.diffFen]);
      p.addRow(['合计', '', r.totals.workers, r.totals.baselineFen, r.totals.candidateFen, r.totals.diffFen], { total: true });
      p.commit();

      const h = w.addSheet({
        name: '分布',
        columns: [{ header: '月金额区间（元）', width: 24 }, { header: '现行方案（人·月）', width: 16, format: 'integer' }, { header: '测算方案（人·月）', width: 16, format: 'integer' }],
        title: '职工月金额分布',
        subtitle: { left: sub },
        autoFilter: false,
        print,
      });
      for (const b of r.histogram.buckets) h.addRow([`${yuan(b.fromFen)} – ${yuan(b.toFen)}`, b.baseline, b.candidate]);
      h.commit();

      workersSheet(w, '增加最多', r.gainers, ctx, sub);
      workersSheet(w, '减少最多', r.losers, ctx, sub);

      const s = w.addSheet({
        name: '按车间',
        columns: [{ header: '车间', width: 18 }, { header: '人数', width: 8, format: 'integer' }, money('现行方案（元）'), money('测算方案（元）'), money('差额（元）')],
        title: '按车间对比',
        subtitle: { left: sub },
        autoFilter: false,
        print,
      });
      for (const x of r.byWorkshop) s.addRow([x.workshop ?? '（未分车间）', x.workers, x.baselineFen, x.candidateFen, x.diffFen]);
      s.addRow(['合计', r.totals.workers, r.totals.baselineFen, r.totals.candidateFen, r.totals.diffFen], { total: true });
      s.commit();
    },
    { createdAt: ctx.now ?? new Date() },
  );
}
