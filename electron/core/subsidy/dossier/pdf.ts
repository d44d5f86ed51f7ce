// The subsidy dossier as one PDF (安全赋能奖补资金申报书): the application (the enterprise's details, its safety
// leadership, the accidents of the last three years, the summary of work and results, the amount requested, the
// sealed opinions), the readiness self-assessment (the five criteria with their lights and reasons), the evidence annex
// built from the records (tables and bar charts drawn in the PDF, the chosen photos) and the nominees with their record
// of the year. Every page carries the audit-chain fingerprint.
import type { ActivityKind } from '../../../../shared/education/kinds';
import type { CertCategory, Conclusion } from '../../../../shared/health/kinds';
import { term } from '../../../../shared/glossary';
import { formatYuan } from '../../../../shared/kernel/money';
import { localToday } from '../../../../shared/kernel/schemas';
import type { Dossier } from '../../../../shared/subsidy/dossier/types';
import { figureText } from '../../../../shared/subsidy/scorecard/format';
import type { Scorecard, ScoreInputs } from '../../../../shared/subsidy/scorecard/types';
import type { Light } from '../../../../shared/subsidy/kinds';
import {
  createPdf,
  FieldGrid,
  PDF_STYLE,
  PdfTable,
  photoGrid,
  photoRowHeight,
  runningHeader,
  signatureBoxes,
  titleBlock,
  type GridPhoto,
  type PdfDoc,
} from '../../documents/pdf';
import { barChart, barChartHeight, type Bar } from './charts';

export interface WageMonth {
  period: string;
  workers: number;
  safetyPaid: number;
  totalFen: number;
}

export interface DossierDoc {
  dossier: Dossier;
  scorecard: Scorecard;
  inputs: ScoreInputs;
  wageMonths: WageMonth[];
  photos: GridPhoto[];
  fingerprint: string;
  now?: Date;
}

const zh = (key: string, vars?: Record<string, string | number>) => term(key, 'zh-CN', vars);
const LIGHT_COLOR: Record<Light, string> = { green: '#389E0D', amber: '#D48806', red: '#CF1322', none: '#8C8C8C' };
/** accidents listed in section 三, one row each (the rest counted) */
const ACCIDENT_ROWS = 20;
const ACTIVITY_LABEL: Record<ActivityKind, string> = {
  three_level: '三级教育',
  post_change: '转岗复岗教育',
  retraining: '年度再培训',
  pre_shift: '班前会',
  drill: '应急演练',
  ankang_cup: '安康杯活动',
  special: '专项培训',
  manager: '管理人员培训',
};
const CONCLUSION_LABEL: Record<Conclusion, string> = { normal: '目前未见异常', recheck: '复查', suspected: '疑似职业病', contraindication: '职业禁忌证', other: '其他疾病或异常' };
const CERT_LABEL: Record<CertCategory, string> = {
  electrician: '电工作业',
  welding: '焊接与热切割作业',
  height: '高处作业',
  refrigeration: '制冷与空调作业',
  coal_mine: '煤矿安全作业',
  metal_mine: '金属非金属矿山安全作业',
  oil_gas: '石油天然气安全作业',
  metallurgy: '冶金（有色）生产安全作业',
  hazardous_chemicals: '危险化学品安全作业',
  fireworks: '烟花爆竹安全作业',
};
const yuan = (fen: number | null) => (fen === null ? '' : `${formatYuan(fen)} 元`);

function heading(pdf: PdfDoc, text: string, keep = 60): void {
  pdf.ensure(28 + keep);
  pdf.gap(6);
  pdf.font(true, 13);
  pdf.doc.fillColor(PDF_STYLE.text);
  pdf.line(text, pdf.left, pdf.y, { width: pdf.width });
  pdf.gap(22);
}

function application(pdf: PdfDoc, d: DossierDoc): void {
  const { dossier } = d;
  const e = dossier.enterprise;
  const f = dossier.fields;
  const g = new FieldGrid(pdf, { labelWidth: 96, minRow: 20, padY: 3, padX: 4 });
  g.section('一、申报单位基本情况');
  g.pair('单位名称', e.name, '统一社会信用代码', e.uscc);
  g.pair('单位地址', e.address, '所属行业', e.industry);
  g.pair('职工人数', `${e.headcount} 人`, '在册职工', `${d.inputs.roster.active} 人`);
  g.pair('联系人', f.contactName, '联系电话', f.contactPhone);
  g.section('二、安全生产领导机构');
  g.full('领导机构及负责人', f.leadership ?? '（未填写）');
  g.section('三、近三年生产安全事故情况');
  const a = dossier.accidents;
  const counts = (['death', 'serious_injury', 'minor_injury', 'near_miss'] as const).map((s) => `${zh(`wage.severity.${s}`)} ${a.bySeverity[s]} 起`).join('，');
  g.full('统计期间', `${a.from} 至 ${a.to}`);
  g.full('事故情况', a.total === 0 ? '统计期间内未记录生产安全事故及未遂事件。' : `共 ${a.total} 起：${counts}。`);
  // the detail inside its section: one row per accident (date and severity; place and what happened)
  for (const x of a.list.slice(0, ACCIDENT_ROWS)) g.full(`事故 ${x.date}`, `${zh(`wage.severity.${x.severity}`)}｜${x.place}：${x.description}`);
  if (a.list.length > ACCIDENT_ROWS) g.full('其余事故', `另有 ${a.list.length - ACCIDENT_ROWS} 起未列出，详见系统事故记录。`);
  g.section('四、安全生产工作开展情况及成效');
  g.full('工作总结', f.summary ?? '（未填写）');
  g.section('五、申请奖补金额');
  g.full('申请金额', f.amountFen === null ? '（未填写）' : yuan(f.amountFen));
  g.full('奖补对象', `拟奖励人员 ${dossier.nominees.length} 名（见附件二）`);
  heading(pdf, '六、审核意见', 22 + OPINION_HEIGHT);
  signatureBoxes(pdf, ['企业工会意见（盖章）', '企业意见（盖章）', '主管部门意见（盖章）'], { height: OPINION_HEIGHT });
}

/** the opinion boxes' height: room for a seal and a signature */
const OPINION_HEIGHT = 96;

/** follows the opinions on their page (a page of its own only when little room is left) */
function scorecardSection(pdf: PdfDoc, d: DossierDoc): void {
  pdf.gap(10);
  // kept with the table's header and its first criterion (a row of six figures)
  heading(pdf, `七、${d.scorecard.year} 年度准备度自评（截至 ${d.scorecard.asOf}，${d.scorecard.green} 项达标）`, 150);
  const t = new PdfTable(
    pdf,
    [
      { header: '标准', width: 110 },
      { header: '结果', width: 74, align: 'center' },
      { header: '主要数据', flex: 2 },
      { header: '说明', flex: 1.6 },
    ],
    { minRow: 20, padY: 3, padX: 4 },
  ).begin();
  for (const c of d.scorecard.criteria) {
    const figs = c.figures.map((f) => `${zh(f.key)}：${figureText(f)}`).join('\n');
    const why = c.reasons.map((r) => zh(r.key, r.params)).join('；\n');
    t.row([zh(`subsidy.criterion.${c.criterion}`), { text: zh(`subsidy.light.${c.light}`), swatch: LIGHT_COLOR[c.light], align: 'center' }, figs || '—', why || '各项均达标']);
  }
  t.end();
  pdf.gap(6);
  pdf.para('说明：达标、待完善、未达标的判断标准见本系统“奖补申报 › 准备度”，数据取自本系统的日常记录；“无数据”表示该项没有可评价的记录（如无接害职工），不计为达标。', { size: PDF_STYLE.small, color: PDF_STYLE.muted });
}

function annex(pdf: PdfDoc, d: DossierDoc): void {
  const { inputs } = d;
  // follows the self-assessment (a new page only when the first chart would not fit): no page left nearly blank
  pdf.gap(10);
  heading(pdf, '附件一：证据材料（取自系统记录）', 200);
  const e = inputs.education;
  if (e) {
    const bars: Bar[] = Object.entries(e.byKind)
      .filter(([, n]) => (n ?? 0) > 0)
      .map(([k, n]) => ({ label: ACTIVITY_LABEL[k as ActivityKind] ?? k, value: n ?? 0, text: `${n} 次` }));
    barChart(pdf, `图 1  ${inputs.year} 年安全教育活动（按类型，共 ${e.activities} 次，${Math.round(e.personHours * 10) / 10} 人·学时）`, bars);
    barChart(
      pdf,
      '图 2  学时达标与文化墙',
      [
        { label: '应达标职工', value: e.workersRequired, text: `${e.workersRequired} 人` },
        { label: '已达标职工', value: e.workersMeeting, text: `${e.workersMeeting} 人` },
        { label: '新职工', value: e.newWorkers, text: `${e.newWorkers} 人` },
        { label: '三级教育完成', value: e.newWorkersComplete, text: `${e.newWorkersComplete} 人` },
        { label: '车间班组', value: e.walls.units, text: `${e.walls.units} 个` },
        { label: '按期更新文化墙', value: e.walls.current, text: `${e.walls.current} 个` },
      ],
      '#70AD47',
    );
  } else pdf.para('教育培训数据暂不可用。', { size: PDF_STYLE.small });
  const h = inputs.health;
  if (h) {
    pdf.ensure(barChartHeight(Array(5)) + 10);
    barChart(
      pdf,
      `图 3  ${inputs.year} 年职业健康检查结论（应检 ${h.examsDue} 人次，按期 ${h.examsOnTime}，逾期 ${h.examsLate}，未检 ${h.examsMissing}）`,
      (Object.keys(CONCLUSION_LABEL) as Conclusion[]).map((k) => ({ label: CONCLUSION_LABEL[k], value: h.conclusions[k], text: `${h.conclusions[k]} 人次` })),
      '#ED7D31',
    );
    const cats = Object.entries(h.certificates.byCategory).filter(([, n]) => (n ?? 0) > 0);
    const c = h.certificates;
    heading(pdf, '特种作业证', 60);
    pdf.para(
      `共 ${c.total} 本：有效 ${c.current} 本，复审期内（待复审）${c.reviewDue - c.reviewOverdue} 本，已失效 ${c.expired + c.reviewOverdue} 本（已过期 ${c.expired} 本，逾期未复审 ${c.reviewOverdue} 本；逾期未复审的证书失效）。`,
      { size: PDF_STYLE.small, gap: 4 },
    );
    const t = new PdfTable(pdf, [{ header: '作业类别', flex: 2 }, { header: '证书（本）', width: 90, align: 'right' }], { minRow: 18, padY: 2, padX: 3 }).begin();
    if (cats.length === 0) t.note('无特种作业证记录。');
    for (const [k, n] of cats) t.row([CERT_LABEL[k as CertCategory] ?? k, n ?? 0]);
    t.end();
  } else pdf.para('职业健康数据暂不可用。', { size: PDF_STYLE.small });

  const w = inputs.wage;
  heading(pdf, '能级工资执行情况', 100);
  pdf.para(`执行方案：${w.scheme ? `${w.scheme.name}（第 ${w.scheme.version} 版，${w.scheme.effectiveFrom ?? w.scheme.adoptedOn ?? ''} 起）` : '无'}`, { size: PDF_STYLE.small, gap: 4 });
  const t = new PdfTable(
    pdf,
    [
      { header: '月份', width: 70 },
      { header: '核算人数', flex: 1, align: 'right' },
      { header: '获安全类项目', flex: 1, align: 'right' },
      { header: '占比', flex: 1, align: 'right' },
      { header: '发放合计（元）', flex: 1.4, align: 'right' },
    ],
    { minRow: 18, padY: 2, padX: 3 },
  ).begin();
  if (d.wageMonths.length === 0) t.note('本年度没有已审批的月度核算。');
  for (const m of d.wageMonths) t.row([m.period, m.workers, m.safetyPaid, m.workers > 0 ? `${((m.safetyPaid / m.workers) * 100).toFixed(1)}%` : '—', formatYuan(m.totalFen)]);
  if (d.wageMonths.length > 0) t.row(['合计', w.workerMonths, w.safetyPaidMonths, w.workerMonths > 0 ? `${((w.safetyPaidMonths / w.workerMonths) * 100).toFixed(1)}%` : '—', formatYuan(w.totalFen)], 'total');
  t.end();
  if (d.wageMonths.length > 0)
    barChart(
      pdf,
      '图 4  各月获安全类项目的职工占比',
      d.wageMonths.map((m) => {
        const p = m.workers > 0 ? (m.safetyPaid / m.workers) * 100 : 0;
        return { label: m.period, value: p, text: `${p.toFixed(1)}%` };
      }),
      '#5B9BD5',
    );

  heading(pdf, '职工代表大会召开情况', 60);
  const s = new PdfTable(pdf, [{ header: '会议', flex: 2 }, { header: '日期', width: 80 }, { header: '状态', width: 120 }], { minRow: 18, padY: 2, padX: 3 }).begin();
  if (inputs.congress.sessions.length === 0) s.note('本年度没有职代会会议记录。');
  const STATUS: Record<string, string> = { preparing: '筹备中', issued: '已发通知', in_session: '会议中', closed: '已闭幕（有会议纪要）' };
  for (const x of inputs.congress.sessions) s.row([x.name, x.date, STATUS[x.status] ?? x.status]);
  s.end();

  if (d.photos.length > 0) {
    pdf.ensure(40 + photoRowHeight(150));
    heading(pdf, `活动照片（${d.photos.length} 张）`, photoRowHeight(150));
    const { skipped } = photoGrid(pdf, d.photos, { imageHeight: 150 });
    if (skipped.length > 0) pdf.para(`有 ${skipped.length} 张照片无法嵌入。`, { size: PDF_STYLE.small });
  }
}

function nominees(pdf: PdfDoc, d: DossierDoc): void {
  pdf.newPage();
  heading(pdf, `附件二：拟奖励人员（${d.dossier.nominees.length} 名）`);
  // name over 工号 and workshop over team: the widths go to the reason (about 13 characters a line); every cell
  // centred in its row
  const t = new PdfTable(
    pdf,
    [
      { header: '姓名\n工号', width: 58 },
      { header: '车间\n班组', width: 60 },
      { header: '推荐身份', width: 60 },
      { header: '发现\n隐患', width: 28, align: 'right' },
      { header: '培训\n次数', width: 28, align: 'right' },
      { header: '培训\n学时', width: 30, align: 'right' },
      { header: '提案', width: 28, align: 'right' },
      { header: '能级工资\n（元）', width: 56, align: 'right' },
      { header: '推荐理由', flex: 1 },
    ],
    { minRow: 30, padY: 3, padX: 3, valign: 'center' },
  ).begin();
  if (d.dossier.nominees.length === 0) t.note('尚未推荐人员。');
  for (const n of d.dossier.nominees) {
    const r = n.record;
    const unit = [n.workshopName, n.teamName].filter(Boolean).join('\n');
    t.row([`${n.name}\n${n.empNo}`, unit, zh(`role.${n.role}`), r.hazardsFound, r.trainings, r.trainingHours, r.proposals, formatYuan(r.wageFen), n.reason ?? '']);
  }
  t.end();
  pdf.gap(6);
  pdf.para(`说明：发现隐患、培训、提案、能级工资均为 ${d.dossier.year} 年度系统记录；培训次数不含班前会。`, { size: PDF_STYLE.small, color: PDF_STYLE.muted });
}

export async function renderDossier(d: DossierDoc): Promise<Buffer> {
  const title = `${d.dossier.year}年度安全赋能奖补资金申报书`;
  const pdf = createPdf({ title, subject: `${d.dossier.enterprise.name} ${title}`, createdAt: d.now ?? new Date() });
  titleBlock(pdf, { enterprise: d.dossier.enterprise.name, title, left: `申报年度：${d.dossier.year} 年`, right: `填报日期：${localToday(d.now ?? new Date())}` });
  runningHeader(pdf, `${title}（续）`, d.dossier.enterprise.name);
  application(pdf, d);
  scorecardSection(pdf, d);
  annex(pdf, d);
  nominees(pdf, d);
  return pdf.finish({ left: title, fingerprint: d.fingerprint });
}
