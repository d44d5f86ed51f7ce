// A worker's training file (职工安全教育培训档案) as PDF: who they are, the requirement of the year and the hours
// counted against it, then every activity they attended (newest first) with its kind, hours, host, score and whether it
// counts toward the year's requirement, each year with its total (the title whole, the content cut to about two lines); the pre-shift
// meetings (班前会: counted, never hours) as a count per month; signature lines at the end. Deterministic for the
// same input and `now`.
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { ActivityKind, EduLevel, RequirementRole } from '../../../../shared/education/kinds';
import type { WorkerTraining } from '../../../../shared/education/hours/types';
import { isMeetingKind } from '../../../../shared/education/activities/rules';
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

// Widths for A4 (495 pt of text at 10.5 pt): the date and the kind on one line (the level under the kind), the score
// with its verdict on two short lines, and what is left shared 2 : 1 by 名称 / 内容 (about 14 characters a line) and
// 组织 / 授课 (about 6) — so a row takes two lines, not four, and the file's closing lines stay on its last page.
const COLUMNS: TableColumn[] = [
  { header: '日期', width: 68 },
  { header: '类别', width: 76 },
  { header: '名称 / 内容', flex: 2 },
  { header: '组织 / 授课', flex: 1 },
  { header: '学时', width: 34, align: 'right' },
  { header: '成绩', width: 44, align: 'center' },
  { header: '计入\n要求', width: 34, align: 'center' },
];

/** the meetings: one row a year, the count of each month (10–12月 a little wider for their header) */
const MEETING_COLUMNS: TableColumn[] = [
  { header: '年度', width: 40, align: 'center' },
  ...Array.from({ length: 12 }, (_, i): TableColumn => ({ header: `${i + 1}月`, flex: i < 9 ? 1 : 1.3, align: 'center' })),
  { header: '合计', width: 48, align: 'center' },
];

/** about two lines of 名称 / 内容 (the title always whole, the content after it cut), two of 组织 / 授课 */
const WHAT_UNITS = 28;
const WHO_UNITS = 13;
const units = (text: string) => [...text].reduce((s, ch) => s + (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5), 0);

/** 名称：内容 — the title whole (even when long), the content cut to what is left of about two lines. */
export function whatText(title: string, content: string | null): string {
  const t = title.replace(/\s+/g, ' ').trim();
  // the content only where a few of its words fit (not “安…” alone)
  if (!content?.trim() || units(t) + 5 > WHAT_UNITS) return t;
  return clip(`${t}：${content}`, WHAT_UNITS);
}

/** The text cut to `max` units (a CJK character 1, others ½), ending in … when cut. */
export function clip(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  const unit = (ch: string) => (ch.charCodeAt(0) > 0x2e7f ? 1 : 0.5);
  if (chars.reduce((s, ch) => s + unit(ch), 0) <= max) return chars.join('');
  let used = 0;
  let out = '';
  for (const ch of chars) {
    const w = unit(ch);
    if (used + w > max - 1) return `${out}…`;
    used += w;
    out += ch;
  }
  return out;
}

function groupBy<T>(list: readonly T[], key: (v: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const v of list) {
    const k = key(v);
    const l = m.get(k);
    if (l) l.push(v);
    else m.set(k, [v]);
  }
  return m;
}

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

  // the activities that carry hours; the meetings (班前会, counted, never hours) follow as a count per month
  const meetings = t.entries.filter((e) => isMeetingKind(e.kind));
  const trainings = t.entries.filter((e) => !isMeetingKind(e.kind));
  pdf.para('三、教育培训记录（不含班前会）', { bold: true, gap: 4 });
  const table = new PdfTable(pdf, COLUMNS, { padY: 3, minRow: 22 }).begin();
  if (trainings.length === 0) table.note('尚无教育培训记录');
  for (const [y, list] of groupBy(trainings, (e) => e.date.slice(0, 4))) {
    for (const e of list) {
      const kind = e.level ? `${KIND_CN[e.kind]}\n（${LEVEL_CN[e.level]}）` : KIND_CN[e.kind];
      const what = whatText(e.title, e.content);
      const who = clip([e.unitName ?? '全厂', e.host].filter(Boolean).join(' / '), WHO_UNITS);
      // a failed score on two lines of its own (56 / 不合格), not wrapped character by character
      const score = e.score !== null ? `${num(e.score)}${e.passed === false ? '\n不合格' : ''}` : e.passed === null ? '—' : e.passed ? '合格' : '不合格';
      table.row([e.date, kind, what, who, num(e.hours), score, e.counts ? '是' : '']);
    }
    table.row(['', `${y} 年合计`, `${list.length} 项`, '', num(list.reduce((s, e) => s + e.hours, 0)), '', ''], 'total');
  }
  table.end();
  pdf.gap(10);

  // the meetings' table, the note and the signature lines close the file together: when they do not all fit under
  // the trainings, the table (with its heading) moves over with them rather than leaving them alone on a page
  const NOTE_H = 30; // the 8.5 pt note (one line at A4 width) and the space under it
  const closing = 6 + NOTE_H + signatureLinesHeight(1) + 10;
  pdf.keepWithNext(closing, () => {
    pdf.ensure(24 + 2 * 22); // the heading, the table's header and one row together
    pdf.para('四、班前会参加情况（按月计次，不计学时）', { bold: true, gap: 4 });
    const mt = new PdfTable(pdf, MEETING_COLUMNS, { padY: 3, minRow: 22 }).begin();
    if (meetings.length === 0) mt.note('尚无班前会记录');
    for (const [y, list] of groupBy(meetings, (e) => e.date.slice(0, 4))) {
      const perMonth = Array.from({ length: 12 }, (_, i) => list.filter((e) => Number(e.date.slice(5, 7)) === i + 1).length);
      mt.row([`${y}`, ...perMonth.map((n) => (n ? String(n) : '—')), `${list.length} 次`]);
    }
    mt.end();
  });
  pdf.gap(6);
  pdf.para('说明：“计入要求”指该次学时计入本档案所列年度的学时要求；班前会按次数记录，不计学时、不记成绩。', { size: 8.5, gap: 14 });
  pdf.ensure(signatureLinesHeight(1) + 10);
  signatureLines(pdf, [[{ label: '职工本人签字：' }, { label: '安全管理部门（盖章）：' }]]);
  return pdf.finish({ left: `${title} · ${h.empNo} ${h.name}`, fingerprint: ctx.fingerprint });
}
