// The payroll's wide sheet (能级工资发放表) as xlsx on the shared toolkit: 工号 first, 姓名, 身份证号 (masked or full, as
// text so all 18 digits survive), 车间, 班组, one money column per component (元 from integer fen), 合计; a totals row
// under the workers; the run's version, state and approver in the subtitle and the audit-chain fingerprint in the
// printed footer. Streamed: memory flat at any number of workers.
import type { Enterprise } from '../../../../shared/enterprise/types';
import { periodCn, type WideSheet } from '../../../../shared/wage/exports/layout';
import type { RunSummary } from '../../../../shared/wage/runs/types';
import { writeXlsxFile, type XlsxColumn } from '../../documents/xlsx';

export interface PayrollDocCtx {
  enterprise: Enterprise;
  run: RunSummary;
  fingerprint: string;
  now?: Date;
}

export function payrollColumns(sheet: WideSheet): XlsxColumn[] {
  return [
    { header: '工号', width: 12, format: 'id' },
    { header: '姓名', width: 10 },
    { header: '身份证号', width: 21, format: 'id' },
    { header: '车间', width: 14 },
    { header: '班组', width: 14 },
    ...sheet.heads.map((h): XlsxColumn => ({ header: h.name, width: Math.max(10, Math.min(18, h.name.length * 2 + 2)), format: 'money' })),
    { header: '合计', width: 12, format: 'money' },
  ];
}

export const payrollTitle = (ctx: Pick<PayrollDocCtx, 'enterprise' | 'run'>) => `${ctx.enterprise.name}${periodCn(ctx.run.period)}能级工资发放表`;

/** Writes the wide sheet; resolves with the file's size. */
export async function writePayrollXlsx(filePath: string, sheet: WideSheet, ctx: PayrollDocCtx): Promise<number> {
  const cols = payrollColumns(sheet);
  const r = ctx.run;
  return writeXlsxFile(
    filePath,
    async (w) => {
      const s = w.addSheet({
        name: `${r.period} 能级工资`,
        columns: cols,
        title: payrollTitle(ctx),
        subtitle: {
          left: `期间：${periodCn(r.period)}\u3000方案：${r.schemeName}（第 ${r.schemeVersion} 版）\u3000核算：第 ${r.version} 次`,
          right: `审批：${r.approvedBy ?? ''} ${r.approvedAt?.slice(0, 10) ?? ''}\u3000单位：元`,
        },
        freezeColumns: 2,
        // the totals row sits under the workers: a filter's sort would move it among them
        autoFilter: false,
        print: { footerLeft: `数据指纹 ${ctx.fingerprint}` },
      });
      // one cell array reused for every row (addRow converts the values at once and keeps none of them)
      const m = sheet.heads.length;
      const cells: (string | number)[] = new Array(m + 6);
      let k = 0;
      for (const row of sheet.rows) {
        cells[0] = row.empNo;
        cells[1] = row.name;
        cells[2] = row.idCard;
        cells[3] = row.workshop;
        cells[4] = row.team;
        for (let i = 0; i < m; i++) cells[5 + i] = row.amounts[i]!;
        cells[5 + m] = row.totalFen;
        s.addRow(cells);
        if (++k % 500 === 0) await s.drain();
      }
      s.addRow([`合计（${sheet.totals.workers} 人）`, '', '', '', '', ...sheet.totals.amounts, sheet.totals.totalFen], { total: true });
      s.commit();
    },
    { createdAt: ctx.now ?? new Date() },
  );
}
