// The xlsx of the quarter's exam plan (本季度体检计划, ./quarterPlan.ts says what is in it): sheet 体检计划 — the exams
// to book, overdue ones marked — and sheet 需调岗 — contraindications while still exposed (readers of exam results only).
import type { FileRef } from '../../../../shared/files';
import { quarterOf } from '../../../../shared/health/plan/rules';
import { localToday } from '../../../../shared/kernel/schemas';
import { writeOutputFile } from '../../documents/output';
import { writeXlsxFile } from '../../documents/xlsx';
import { getEnterprise } from '../../enterprise/service';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import type { DueAccess } from './due';
import { BOOK_KIND_CN, quarterPlan, type PlanLine, type PostChangeLine } from './quarterPlan';

export async function writePlanXlsx(
  filePath: string,
  plan: { lines: readonly PlanLine[]; postChanges: readonly PostChangeLine[] },
  title: string,
  subtitle: string,
  withPostChanges: boolean,
): Promise<number> {
  return writeXlsxFile(filePath, async (w) => {
    const s = w.addSheet({
      name: '体检计划',
      columns: [
        { header: '序号', width: 6, format: 'integer' },
        { header: '工号', width: 12, format: 'id' },
        { header: '姓名', width: 10 },
        { header: '车间', width: 14 },
        { header: '班组', width: 14 },
        { header: '岗位', width: 14 },
        { header: '体检类别', width: 10 },
        { header: '危害因素', width: 24, wrap: true },
        { header: '应检日期', width: 12, format: 'date' },
        { header: '状态', width: 14 },
        { header: '上次体检', width: 12, format: 'date' },
        { header: '说明', width: 26, wrap: true },
      ],
      title,
      subtitle: { left: subtitle },
      freezeColumns: 3,
      print: { orientation: 'landscape' },
    });
    let k = 0;
    for (const r of plan.lines) {
      const state = r.overdueDays > 0 ? `已逾期 ${r.overdueDays} 天` : '本季度应检';
      s.addRow([++k, r.empNo, r.name, r.workshopName ?? '', r.teamName ?? '', r.post ?? '', BOOK_KIND_CN[r.kind], r.factors, r.dueDate, state, r.lastDate, r.note]);
      if (k % 500 === 0) await s.drain();
    }
    if (plan.lines.length === 0) s.addText([{ text: '本季度无应检项目', from: 1, to: 12 }]);
    s.commit();
    if (!withPostChanges) return;
    const c = w.addSheet({
      name: '需调岗',
      columns: [
        { header: '序号', width: 6, format: 'integer' },
        { header: '工号', width: 12, format: 'id' },
        { header: '姓名', width: 10 },
        { header: '车间', width: 14 },
        { header: '班组', width: 14 },
        { header: '岗位', width: 14 },
        { header: '危害因素', width: 20 },
        { header: '职业禁忌证', width: 20 },
        { header: '体检日期', width: 12, format: 'date' },
      ],
      title: `${title}——职业禁忌证仍在岗（需调离接触岗位）`,
      subtitle: { left: '这些职工查出职业禁忌证后仍在接触该因素的岗位上：请调离原岗位，而不是安排体检。' },
      freezeColumns: 3,
      print: { orientation: 'landscape' },
    });
    let n = 0;
    for (const r of plan.postChanges) c.addRow([++n, r.empNo, r.name, r.workshopName ?? '', r.teamName ?? '', r.post ?? '', r.factor, r.contraindication, r.examDate]);
    if (plan.postChanges.length === 0) c.addText([{ text: '无职业禁忌证仍在岗的职工', from: 1, to: 9 }]);
    c.commit();
  });
}

export async function dueQuarterXlsx(ctx: Ctx, f: { workshopId?: string | undefined; teamId?: string | undefined }, today = localToday(), access: DueAccess = { conclusions: true }): Promise<FileRef> {
  const q = quarterOf(today);
  const plan = quarterPlan(ctx.store, f, q.to, today, access);
  // for those who do not read exam results the rechecks and contraindications are left out (shared/health/privacy.ts)
  const scope = access.conclusions ? '' : '（不含复查与职业禁忌证）';
  const e = getEnterprise(ctx.store);
  const title = `${e.name}${q.label}职业健康检查计划`;
  const overdue = plan.lines.filter((l) => l.overdueDays > 0).length;
  const subtitle = `在岗职工截至 ${q.to} 应检（含已逾期 ${overdue} 项）${scope}，生成于 ${today}，共 ${plan.lines.length} 项`;
  return writeOutputFile(ctx.env.files, `${q.label}体检计划.xlsx`, XLSX_MIME, (p) => writePlanXlsx(p, plan, title, subtitle, access.conclusions));
}
