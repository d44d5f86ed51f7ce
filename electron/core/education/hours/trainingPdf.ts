// A worker's training file (职工安全教育培训档案) as PDF: who they are, the requirement of the year and the hours
// counted against it, then every activity they attended (newest first) with its kind, hours, host, score and whether it
// counts toward the year's requirement, each year with its total; signature lines at the end. Deterministic for the
// same input and `now`.
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { ActivityKind, EduLevel, RequirementRole } from '../../../../shared/education/kinds';
import type { WorkerTraining } from '../../../../shared/education/hours/types';
import { createPdf, FieldGrid, PdfTable, runningHeader, signatureLines, signatureLinesHeight, titleBlock, type TableColumn } from '../../documents/pdf';

export const KIND_CN: Readonly<Record<ActivityKind, string>> = {
  three_level: '三级教育',
  post_change: '转岗复岗教育',
  retraining: '年度再培训',
  pre_shift: '班前会',
  drill: '应急演练',
  ankang_cup: '安康杯活动',
  special: '专项培训',
  manager: '管理人员培训',
};
export const LEVEL_CN: Readonly<Record<EduLevel, string>> = { company: '厂级', workshop: '车间级', team: '班组级' };
export const ROLE_CN: Readonly<Record<RequirementRole, string>> = {
  new_worker: '新职工三级教育',
  worker_yearly: '职工年度再培训',
  manager_first: '管理人员初次培训',
  manager_yearly: '管理人员年度再培训',
};

const num = (v: number) => String(Math.round(v * 10) / 10);

export interface TrainingPdfCtx {
  enterprise: Enterprise;
  fingerprint: string;
  now?: Date;
}

const COLUMNS: TableColumn[] = [
  { header: '日期', width: 70 },
  { header: '类别', width: 96 },
  { header: '名称 / 内容', flex: 3 },
  { header: '组织 / 授课', flex: 1.4 },
  { header: '学时', width: 34, align: 'right' },
  { header: '成绩', width: 40, align: 'center' },
  { header: '计入\n要求', width: 34, align: 'center' },
];

export async function renderTrainingFile(t: WorkerTraining, ctx: TrainingPdfCtx): Promise<Buffer> {
  const h = t.hours;
  const title = '职工安全教育培训档案';
  const now = ctx.now ?? new Date();
  const pdf = createPdf({ title: `${title} ${h.empNo} ${h.name}`, subject: `${ctx.enterprise.name} ${title}`, createdAt: now });
  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `工号：${h.empNo}`, right: `${t.year} 年度` });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `${h.empNo} ${h.name}`);

  const g = new FieldGrid(pdf);
  g.section('一、职工信息')
    .pair('姓名', h.name, '工号', h.empNo)
    .pair('车间', h.workshopName ?? '—', '班组', h.teamName ?? '—')
    .pair('入职日期', h.hireDate ?? '—', '管理人员', h.isManager ? '是' : '否');
  g.section(`二、${t.year} 年度学时要求`)
    .pair('适用要求', ROLE_CN[h.role], '要求学时', h.applies ? `${num(h.required)} 学时` : '无固定要求')
    .pair('已计入学时', `${num(h.counted)} 学时`, '差距', h.applies ? (h.meets ? '已达到要求' : `尚差 ${num(h.gap)} 学时`) : '—')
    .pair('本年培训学时', `${num(h.yearHours)} 学时（不含班前会）`, '班前会', `${h.meetings} 次`);
  pdf.gap(10);

  pdf.para('三、教育培训记录', { bold: true, gap: 4 });
  const table = new PdfTable(pdf, COLUMNS).begin();
  if (t.entries.length === 0) table.note('尚无教育培训记录');
  const byYear = new Map<string, typeof t.entries>();
  for (const e of t.entries) {
    const y = e.date.slice(0, 4);
    const list = byYear.get(y);
    if (list) list.push(e);
    else byYear.set(y, [e]);
  }
  for (const [y, list] of byYear) {
    for (const e of list) {
      const kind = e.level ? `${KIND_CN[e.kind]}（${LEVEL_CN[e.level]}）` : KIND_CN[e.kind];
      const what = e.content ? `${e.title}：${e.content}` : e.title;
      const who = [e.unitName, e.host].filter(Boolean).join(' / ');
      const score = e.score !== null ? `${num(e.score)}${e.passed === false ? '（不合格）' : ''}` : e.passed === null ? '—' : e.passed ? '合格' : '不合格';
      table.row([e.date, kind, what, who || '—', e.kind === 'pre_shift' ? '—' : num(e.hours), score, e.counts ? '是' : '']);
    }
    const total = list.filter((e) => e.kind !== 'pre_shift').reduce((s, e) => s + e.hours, 0);
    const meetings = list.filter((e) => e.kind === 'pre_shift').length;
    table.row(['', `${y} 年合计`, meetings > 0 ? `班前会 ${meetings} 次` : '', '', num(total), '', ''], 'total');
  }
  table.end();
  pdf.gap(6);
  pdf.para('说明：“计入要求”指该次学时计入本档案所列年度的学时要求；班前会按次数记录，不计学时。', { size: 8.5, gap: 14 });
  pdf.ensure(signatureLinesHeight(1) + 10);
  signatureLines(pdf, [[{ label: '职工本人签字：' }, { label: '安全管理部门（盖章）：' }]]);
  return pdf.finish({ left: `${title} · ${h.empNo} ${h.name}`, fingerprint: ctx.fingerprint });
}
