// The xlsx of what is due this quarter (本季度体检计划): everything alerted today and every periodic, recheck, women's and
// pre-job exam falling due by the quarter's end, by due date — for the clinic's booking and the workshops' notice.
import type { FileRef } from '../../../../shared/files';
import { quarterOf } from '../../../../shared/health/plan/rules';
import type { AlertKind, DueRow } from '../../../../shared/health/plan/types';
import { localToday } from '../../../../shared/kernel/schemas';
import { term } from '../../../../shared/glossary';
import { writeOutputFile } from '../../documents/output';
import { writeXlsxFile } from '../../documents/xlsx';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import { dueUntil } from './due';

const alertCn = (a: AlertKind) => term(`health.alert.${a}`, 'zh-CN');

export async function writeDueXlsx(filePath: string, rows: readonly DueRow[], title: string, subtitle: string): Promise<number> {
  return writeXlsxFile(filePath, async (w) => {
    const s = w.addSheet({
      name: '体检计划',
      columns: [
        { header: '工号', width: 12, format: 'id' },
        { header: '姓名', width: 10 },
        { header: '车间', width: 14 },
        { header: '班组', width: 14 },
        { header: '岗位', width: 14 },
        { header: '提醒', width: 16 },
        { header: '危害因素', width: 18 },
        { header: '应检日期', width: 12, format: 'date' },
        { header: '上次体检', width: 12, format: 'date' },
        { header: '说明', width: 24, wrap: true },
      ],
      title,
      subtitle: { left: subtitle },
      freezeColumns: 2,
      print: { orientation: 'landscape' },
    });
    let k = 0;
    for (const r of rows) {
      const note = [r.detail, r.screening ? '含乳腺癌、宫颈癌筛查' : null].filter(Boolean).join('；');
      s.addRow([r.empNo, r.name, r.workshopName ?? '', r.teamName ?? '', r.post ?? '', alertCn(r.alert), r.factorName ?? '', r.dueDate, r.lastDate, note]);
      if (++k % 500 === 0) await s.drain();
    }
    if (rows.length === 0) s.addText([{ text: '本季度无应检项目', from: 1, to: 10 }]);
    s.commit();
  });
}

export async function dueQuarterXlsx(ctx: Ctx, f: { workshopId?: string | undefined; teamId?: string | undefined }, today = localToday()): Promise<FileRef> {
  const q = quarterOf(today);
  const rows = dueUntil(ctx.store, f, q.to, today);
  const e = getEnterprise(ctx.store);
  const title = `${e.name}${q.label}职业健康检查计划`;
  return writeOutputFile(ctx.env.files, `${q.label}体检计划.xlsx`, XLSX_MIME, (p) => writeDueXlsx(p, rows, title, `截至 ${q.to}（含已逾期），生成于 ${today}，共 ${rows.length} 项`));
}
