// Hazard-ledger documents as PDF, built on the PDF toolkit (electron/core/documents/pdf):
//   安全隐患整改通知单 (renderRectificationNotice), 隐患整改验收记录 (renderAcceptanceRecord),
//   隐患排查治理统计表 (renderStatsTable, landscape).
// Deterministic for the same input and `now`.
import { riskStyle } from '../../../../shared/hazards/risk';
import { GOVERNANCE_FIELDS } from '../../../../shared/hazards/rules';
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { HazardDetail, HazardEvent, HazardStats } from '../../../../shared/hazards/types';
import {
  BLANK_DATE,
  createPdf,
  FieldGrid,
  PdfTable,
  PDF_STYLE,
  photoGrid,
  photoGridRows,
  photoRowHeight,
  runningHeader,
  signatureLines,
  signatureLinesHeight,
  sniffImage,
  titleBlock,
  type FieldExtra,
  type PdfDoc,
  type PhotoSkip,
  type TableColumn,
} from '../../documents/pdf';
import {
  accidentText,
  categoryText,
  dateCn,
  dateTimeCn,
  gradeText,
  label,
  localDateCn,
  orgText,
  periodText,
  riskColorText,
  riskText,
  STATS_COLUMNS,
  sourceText,
  statsRowsWithTotal,
  statsSummary,
  statusText,
  stopText,
  yuan,
  type StatsTableRow,
} from './text';

export interface PdfPhoto {
  phase: 'before' | 'after';
  /** JPEG or PNG bytes (WebP cannot be embedded by pdfkit: convert first, e.g. attachments.photoAsJpeg) */
  data: Buffer;
  mime: string;
  /** an after-photo's submission round (1 = the first submission for acceptance); captions say it when there were several */
  round?: number;
}

export interface HazardDocContext {
  enterprise: Enterprise;
  /**
   * the operator printing the document (打印人 of the acceptance record). Not the notice's 签发人: that is whoever
   * assigned the hazard (see noticeIssue), so a reprint by someone else says the same.
   */
  issuedBy: string;
  /** the document date and the PDF CreationDate; default: now */
  now?: Date;
  photos?: PdfPhoto[];
  /** a data fingerprint for the foot of every page (documents/fingerprint.ts) */
  fingerprint?: string;
}

export interface StatsDocContext {
  enterprise: Enterprise;
  now?: Date;
  /** a data fingerprint for the foot of every page (documents/fingerprint.ts) */
  fingerprint?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// pieces shared by the notice and the acceptance record

function lecText(h: HazardDetail): string {
  if (!h.lec) return riskText(null);
  const d = h.riskD ?? Math.round(h.lec.l * h.lec.e * h.lec.c * 100) / 100;
  return `L = ${h.lec.l}\u3000E = ${h.lec.e}\u3000C = ${h.lec.c}\nD = L × E × C = ${d}`;
}
function riskCell(h: HazardDetail): { text: string; extra: FieldExtra } {
  if (!h.risk) return { text: h.riskD === null ? riskText(null) : `D = ${h.riskD}`, extra: {} };
  return { text: `${riskColorText(h.risk)} · ${riskText(h.risk)}`, extra: { swatch: riskStyle(h.risk).hex } };
}
const funds = (fen: number | null) => (fen === null ? '' : `${yuan(fen)} 元`);

/** The note under a photo block for the photos that could not be embedded ('' when all were). */
function skippedNote(photos: readonly PdfPhoto[], skipped: readonly PhotoSkip[]): string {
  return skipped
    .map((s) =>
      s.reason === 'webp' || (s.reason === 'unsupported' && /webp/i.test(photos[s.index]!.mime))
        ? `照片 ${s.index + 1} 为 WebP 格式，PDF 中无法嵌入，请在系统中查看原图。`
        : s.reason === 'unreadable'
          ? `照片 ${s.index + 1} 无法读取，未嵌入。`
          : `照片 ${s.index + 1} 不是 JPEG 或 PNG 图片，未嵌入。`,
    )
    .join('\n');
}

/** '（第 1 次提交，未通过）' under an after-photo when the photos come from more than one submission round. */
function roundCaption(p: PdfPhoto, all: readonly PdfPhoto[]): string {
  const rounds = new Set(all.map((x) => x.round ?? 1));
  if (p.round === undefined || rounds.size < 2) return '';
  const latest = Math.max(...rounds);
  return p.round < latest ? `（第 ${p.round} 次提交，未通过）` : `（第 ${p.round} 次提交）`;
}

/**
 * A titled block of photos, two per row; images that cannot be embedded become a note under them. `keep`: the height
 * of what follows the block (closing text, signature lines), kept on the page of the block's last row, so the
 * signatures never stand alone on a page.
 */
function photoBlock(pdf: PdfDoc, g: FieldGrid, title: string, photos: PdfPhoto[], keep: number): void {
  if (photos.length === 0) return;
  const grid = photos.map((p, i) => ({ data: p.data, caption: `照片 ${i + 1}${roundCaption(p, photos)}` }));
  // the note for the photos that are not JPEG or PNG is known from their bytes before drawing (one that pdfkit
  // still cannot read is added to it afterwards)
  const notEmbeddable: PhotoSkip[] = [];
  grid.forEach((p, index) => {
    const kind = sniffImage(p.data);
    if (kind !== 'jpeg' && kind !== 'png') notEmbeddable.push({ index, reason: kind === 'webp' ? 'webp' : 'unsupported' });
  });
  const expectedNote = skippedNote(photos, notEmbeddable);
  const noteH = expectedNote ? g.fullHeight('说明', expectedNote) : 0;
  const rows = photoGridRows(grid);
  const heading = `${title}（${photos.length} 张）`;
  // the heading stays with the first row; when that row is the last one, with the note and `keep` too
  pdf.keepWithNext(rows <= 1 ? noteH + keep : 0, () => pdf.ensure(g.sectionHeight(heading) + (rows > 0 ? photoRowHeight() : noteH)));
  g.section(heading);
  const { skipped } = photoGrid(pdf, grid, { keepWithNext: noteH + keep });
  const note = skippedNote(photos, skipped);
  if (note) pdf.keepWithNext(keep, () => g.full('说明', note));
}

/**
 * Who issued the 整改通知单 and when: the notice is issued with the 五落实 (责任人, 措施, 资金, 期限, 预案), i.e. by the
 * hazard's 'assign' event — the latest one, since a re-assignment revises what the notice says. Null before the
 * hazard is assigned: the notice is then a draft whose issuer signs and dates it by hand (the reporter or the
 * confirmer did not issue anything). Taken from the record, never from the operator printing it, so every reprint
 * shows the same issuer and date.
 */
export function noticeIssue(h: HazardDetail): { name: string; date: string } | null {
  const e = events(h, 'assign').at(-1);
  if (!e) return null;
  return { name: e.actorName.trim(), date: dateCn(e.at) };
}

function events(h: HazardDetail, action: string): HazardEvent[] {
  return h.events.filter((e) => e.action === action).sort((a, b) => a.seq - b.seq);
}

function hazardPdf(h: HazardDetail, ctx: HazardDocContext, title: string) {
  const now = ctx.now ?? new Date();
  const pdf = createPdf({ title: `${title} ${h.serial}`, subject: `${ctx.enterprise.name} ${title}`, keywords: h.serial, createdAt: now });
  return { pdf, now, g: new FieldGrid(pdf), org: orgText(h.workshopName, h.teamName) };
}

// ---------------------------------------------------------------------------------------------------------------
// 安全隐患整改通知单

/**
 * 安全隐患整改通知单 (A4 portrait). Before-photos from ctx.photos are embedded when JPEG or PNG. Nothing on it depends
 * on who prints it or when (签发人 and 签发日期 come from the assignment: noticeIssue), so a reprint reads the same.
 */
export async function renderRectificationNotice(h: HazardDetail, ctx: HazardDocContext): Promise<Buffer> {
  const title = '安全隐患整改通知单';
  const { pdf, g, org } = hazardPdf(h, ctx, title);

  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `致：${org || '（未指定车间/班组）'}`, right: `编号：${h.serial}` });
  pdf.para(
    '经排查，你单位（部门）存在下列安全隐患。根据《中华人民共和国安全生产法》和本单位事故隐患排查治理制度，' +
      '现予通知，请立即落实临时管控措施，并按“五落实”要求限期整改。',
    { gap: 8 },
  );
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `编号：${h.serial}`);

  const risk = riskCell(h);
  g.section('一、隐患情况')
    .pair('发现时间', dateTimeCn(h.foundAt), '发现人', h.finderName)
    .pair('隐患来源', sourceText(h.source), '车间/班组', org)
    .pair('具体位置', h.place, '涉及设备设施', h.equipment)
    .full('隐患描述', h.description)
    .full('隐患类别', `${categoryText(h.category1, h.category2)}（GB/T 13861）`)
    .pair('事故类型', accidentText(h.accidentType) || '—', '隐患等级', gradeText(h.grade))
    .pair('LEC 评价', lecText(h), '风险等级', risk.text, risk.extra)
    .pair('停产停业', stopText(h.productionStop), '当前状态', statusText(h.status))
    .full('临时管控措施', h.interimMeasures || '—');

  g.section('二、整改要求（五落实：责任、措施、资金、期限、预案）')
    .pair('整改责任人', h.responsibleName, '整改期限', dateCn(h.deadline))
    .full('整改措施', h.measures)
    .full('整改资金', funds(h.plannedFunds));

  const deadline = h.deadline ? `于 ${dateCn(h.deadline)} 前` : '在规定期限内';
  const closing =
    `请接到本通知后立即落实临时管控措施，按上述要求${deadline}完成整改；整改完成后如实填写整改情况，连同整改后照片报安全管理部门验收销号。` +
    '不能按期完成整改的，应在期限届满前书面说明原因并采取有效的防范措施。';
  const footNote = '注：本通知单一式两份，签发部门和接收单位（部门）各执一份。';
  const signH = signatureLinesHeight(2);
  // what the closing paragraph and the signatures take: kept on the page of the last rows above them
  const tailH = 10 + pdf.paraHeight(closing) + 14 + signH + 6 + pdf.paraHeight(footNote, { size: PDF_STYLE.small });
  const before = (ctx.photos ?? []).filter((p) => p.phase === 'before');
  // the last row before the closing text keeps it on its page (the photos do, when there are some)
  const keepLast = before.length ? 0 : tailH;
  const major = h.grade === 'major';
  pdf.keepWithNext(major ? 0 : keepLast, () => g.full('应急预案', h.emergencyPlan));

  if (major) {
    g.section('三、重大隐患治理方案');
    GOVERNANCE_FIELDS.forEach((f, i) =>
      pdf.keepWithNext(i === GOVERNANCE_FIELDS.length - 1 ? keepLast : 0, () => g.full(label(`hazard.gov.${f}`, f), h.governancePlan?.[f] ?? '')),
    );
  }

  photoBlock(pdf, g, '整改前照片', before, tailH);

  pdf.gap(10);
  // the closing paragraph stays on the page of the signatures
  pdf.ensure(pdf.paraHeight(closing) + 14 + signH);
  pdf.para(closing, { gap: 14 });
  const issue = noticeIssue(h);
  signatureLines(pdf, [
    [
      { label: '签发人：', ...(issue?.name ? { value: issue.name } : {}) },
      { label: '签发日期：', value: issue?.date ?? BLANK_DATE },
    ],
    [{ label: '接收人签字：' }, { label: '接收日期：', value: BLANK_DATE }],
  ]);
  pdf.gap(6);
  pdf.para(footNote, { size: PDF_STYLE.small, color: PDF_STYLE.muted });
  return pdf.finish({ left: h.serial, ...(ctx.fingerprint ? { fingerprint: ctx.fingerprint } : {}) });
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患整改验收记录

/** 隐患整改验收记录 (A4 portrait): the rectification, the rejection history and the acceptance; after-photos when given. */
export async function renderAcceptanceRecord(h: HazardDetail, ctx: HazardDocContext): Promise<Buffer> {
  const title = '隐患整改验收记录';
  const { pdf, now, g, org } = hazardPdf(h, ctx, title);

  titleBlock(pdf, { enterprise: ctx.enterprise.name, title, left: `整改单位：${org || '—'}`, right: `编号：${h.serial}` });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `编号：${h.serial}`);

  const risk = riskCell(h);
  g.section('一、隐患情况')
    .pair('发现时间', dateTimeCn(h.foundAt), '发现人', h.finderName)
    .pair('具体位置', h.place, '涉及设备设施', h.equipment)
    .full('隐患描述', h.description)
    .pair('隐患等级', gradeText(h.grade), '风险等级', risk.text, risk.extra);

  g.section('二、整改情况')
    .pair('整改责任人', h.responsibleName, '整改期限', dateCn(h.deadline))
    .full('整改措施', h.measures)
    .full('整改情况', h.rectificationNote)
    .pair('计划整改资金', funds(h.plannedFunds), '实际投入资金', funds(h.actualFunds))
    .pair('提交人', h.submittedByName, '提交时间', dateTimeCn(h.submittedAt));

  // a 重大隐患: its report to the authority, 挂牌督办 and the evaluation of its governance (the acceptance rests on them)
  const m = h.grade === 'major' ? h.major : null;
  if (h.grade === 'major') {
    g.section('重大隐患报告及治理评估')
      .pair('报告监管部门', m?.reportedDate ? `${dateCn(m.reportedDate)}\u3000${m.reportBody ?? ''}` : '未报告', '报告文号', m?.reportDocNo ?? '')
      .pair('挂牌督办', m?.supervised ? `${dateCn(m.supervisionDate)}\u3000${m.supervisionBody ?? ''}` : '否', '督办文号', m?.supervisionDocNo ?? '')
      .pair(
        '治理效果评估',
        m?.evaluationDate ? `${dateCn(m.evaluationDate)}\u3000${m.evaluatorKind === 'third_party' ? '第三方机构' : '本单位专家'}：${m.evaluator ?? ''}` : '未评估',
        '评估结果',
        m?.evaluationPassed === null || m?.evaluationPassed === undefined ? '' : m.evaluationPassed ? '符合安全生产条件' : '不符合，需继续治理',
      )
      .full('评估结论', m?.evaluationConclusion ?? '');
  }

  g.section('三、验收情况');
  const rejects = events(h, 'reject');
  rejects.forEach((e, i) => {
    g.full(`第 ${i + 1} 次验收`, `${dateTimeCn(e.at)}\u3000验收人：${e.actorName}\u3000结论：不合格，退回继续整改\n意见：${e.comment?.trim() || '（未填写）'}`);
  });
  const accepted = h.status === 'closed';
  const rejectedNow = !accepted && rejects.length > 0 && h.status === 'rectifying';
  const box = (on: boolean) => (on ? '■' : '□');
  g.full(
    rejects.length ? `第 ${rejects.length + 1} 次验收结论` : '验收结论',
    `${box(accepted)} 合格，同意销号\u3000\u3000\u3000${box(rejectedNow)} 不合格，退回继续整改` + (accepted ? '' : rejectedNow ? '（见上次验收意见）' : ''),
  );
  const acceptEvent = events(h, 'accept').at(-1);
  g.full('验收意见', acceptEvent?.comment?.trim() || (accepted ? '整改措施已落实，隐患已消除。' : ''));

  const printed = `打印人：${ctx.issuedBy}\u3000打印日期：${localDateCn(now)}`;
  // the signature lines and the print line: kept on the page of the last rows above them
  const tailH = 16 + signatureLinesHeight(2, { spacing: 8 }) + 6 + pdf.paraHeight(printed, { size: PDF_STYLE.small });
  const after = (ctx.photos ?? []).filter((p) => p.phase === 'after');
  const keepLast = after.length ? 0 : tailH;
  const closedRow = h.status === 'closed' && !!h.closedDate;
  pdf.keepWithNext(closedRow ? 0 : keepLast, () => g.pair('验收人', h.acceptedByName, '验收时间', dateTimeCn(h.acceptedAt)));
  if (closedRow) pdf.keepWithNext(keepLast, () => g.pair('销号日期', dateCn(h.closedDate), '当前状态', statusText(h.status)));

  photoBlock(pdf, g, '整改后照片', after, tailH);

  pdf.gap(16);
  signatureLines(
    pdf,
    [
      [{ label: '整改责任人（签字）：' }, { label: '日期：', value: BLANK_DATE }],
      [{ label: '验收人（签字）：' }, { label: '日期：', value: BLANK_DATE }],
    ],
    { spacing: 8 },
  );
  pdf.gap(6);
  pdf.para(printed, { size: PDF_STYLE.small, color: PDF_STYLE.muted });
  return pdf.finish({ left: h.serial, ...(ctx.fingerprint ? { fingerprint: ctx.fingerprint } : {}) });
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患排查治理统计表

const STATS_TABLE_COLUMNS: TableColumn[] = STATS_COLUMNS.map((header, i) => ({
  header,
  ...(i === 1 ? { flex: 1 } : { width: [36, 0, 54, 54, 54, 54, 66, 54, 66, 88, 88][i]! }),
  align: i === 1 ? 'left' : i >= 9 ? 'right' : 'center',
  // the 序号 of a row continued on the next page repeats there
  ...(i === 0 ? { onSplit: 'repeat' as const } : {}),
}));

function statsRowValues(r: StatsTableRow, index: number | null): string[] {
  return [
    index === null ? '' : String(index),
    r.workshop,
    String(r.found),
    String(r.general),
    String(r.major),
    String(r.ungraded),
    String(r.closed),
    String(r.rectifying),
    String(r.overdue),
    yuan(r.plannedFunds),
    yuan(r.actualFunds),
  ];
}

/** 隐患排查治理统计表 for a quarter or a year (A4 landscape), with 合计, summary figures and signature lines. */
export async function renderStatsTable(s: HazardStats, ctx: StatsDocContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = '隐患排查治理统计表';
  const period = periodText(s.year, s.quarter);
  const pdf = createPdf({ title: `${title} ${period}`, subject: `${ctx.enterprise.name} ${title}`, landscape: true, createdAt: now });

  titleBlock(pdf, {
    enterprise: ctx.enterprise.name,
    title,
    left: `统计期间：${period}（${dateCn(s.from)} 至 ${dateCn(s.to)}）`,
    right: `制表日期：${localDateCn(now)}`,
  });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `统计期间：${period}`);
  const table = new PdfTable(pdf, STATS_TABLE_COLUMNS, { minRow: 18, padY: 2 }).begin();
  const { rows, total } = statsRowsWithTotal(s);
  const totalValues = statsRowValues(total, null).map((t, i) => (i === 1 ? { text: t, align: 'center' as const } : t));
  const summary = `说明：${statsSummary(s, total)}`;
  const summaryH = pdf.paraHeight(summary);
  const signH = signatureLinesHeight(1);
  // the summary and the signature line stay on the page of the 合计 row and the last workshop row
  const tailH = 10 + summaryH + 12 + signH;
  const withTotal = table.rowHeight(totalValues, 'total') + tailH;
  if (rows.length === 0) pdf.keepWithNext(withTotal, () => table.note('本期无隐患记录'));
  rows.forEach((r, i) => pdf.keepWithNext(i === rows.length - 1 ? withTotal : 0, () => table.row(statsRowValues(r, i + 1))));
  pdf.keepWithNext(tailH, () => table.row(totalValues, 'total'));
  table.end();

  pdf.gap(10);
  pdf.ensure(Math.min(summaryH, 120) + 12 + signH);
  pdf.para(summary, { gap: 12 });
  signatureLines(pdf, [[{ label: '填表人：' }, { label: '审核人：' }, { label: '主要负责人（签字）：' }, { label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: `${period} ${title}`, ...(ctx.fingerprint ? { fingerprint: ctx.fingerprint } : {}) });
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患排查治理台账 (the ledger, as printed: the current filter)

export interface LedgerPdfContext {
  enterprise: Enterprise;
  now?: Date;
  /** how many rows will come (for the progress report) */
  total: number;
  /** the filter in words, printed under the title (e.g. 状态：未销号；搜索：灭火器) */
  filterText?: string;
  progress?: (done: number, total: number, last: boolean) => void;
  fingerprint?: string;
}

const LEDGER_PDF_COLUMNS: TableColumn[] = [
  { header: '序号', width: 28, align: 'center' },
  { header: '隐患编号', width: 80, onSplit: 'repeat' },
  { header: '发现日期', width: 66, align: 'center' },
  { header: '车间/班组', width: 84 },
  { header: '隐患描述', flex: 1 },
  { header: '隐患\n等级', width: 44, align: 'center' },
  { header: '风险\n等级', width: 58, align: 'center' },
  { header: '整改\n责任人', width: 50, align: 'center' },
  { header: '整改期限', width: 66, align: 'center' },
  { header: '状态', width: 56, align: 'center' },
  { header: '销号日期', width: 66, align: 'center' },
];

/** One row of the printed ledger (a LedgerRecord of ./xlsx, the same rows the xlsx export reads). */
export interface LedgerPdfRow {
  serial: string;
  foundAt: string;
  workshopName: string | null;
  teamName: string | null;
  place: string | null;
  description: string;
  grade: HazardDetail['grade'];
  risk: HazardDetail['risk'];
  responsibleName: string | null;
  deadline: string | null;
  status: HazardDetail['status'];
  overdue: boolean | number;
  closedDate: string | null;
}

/** The yield between chunks: a long ledger reports progress and lets the core answer other calls meanwhile. */
const LEDGER_PDF_CHUNK = 200;
const tick = () => new Promise<void>((r) => setImmediate(r));

/** 隐患排查治理台账 (A4 landscape): the hazards of the current filter, one row each, with the filter and a count. */
export async function renderLedgerPdf(rows: Iterable<LedgerPdfRow>, ctx: LedgerPdfContext): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const title = '安全隐患排查治理台账';
  const pdf = createPdf({ title: `${ctx.enterprise.name} ${title}`, subject: `${ctx.enterprise.name} ${title}`, landscape: true, createdAt: now, margins: { left: 36, right: 36 } });
  titleBlock(pdf, {
    enterprise: ctx.enterprise.name,
    title,
    left: ctx.filterText ? `筛选条件：${ctx.filterText}` : '筛选条件：全部',
    right: `共 ${ctx.total} 条\u3000打印日期：${localDateCn(now)}`,
  });
  runningHeader(pdf, `${ctx.enterprise.name}  ${title}（续）`, `共 ${ctx.total} 条`);
  const table = new PdfTable(pdf, LEDGER_PDF_COLUMNS, { minRow: 18, padY: 3, padX: 4 }).begin();
  let n = 0;
  for (const h of rows) {
    n++;
    const place = [orgText(h.workshopName, h.teamName), h.place].filter(Boolean).join('\n');
    table.row([
      String(n),
      h.serial,
      dateShort(h.foundAt),
      place,
      h.description,
      h.grade ? gradeText(h.grade).replace('隐患', '') : '未定级',
      h.risk ? { text: riskColorText(h.risk), swatch: riskStyle(h.risk).hex } : '—',
      h.responsibleName ?? '',
      h.deadline ?? '',
      statusText(h.status) + (h.overdue ? '\n（逾期）' : ''),
      h.closedDate ?? '',
    ]);
    if (n % LEDGER_PDF_CHUNK === 0) {
      ctx.progress?.(n, ctx.total, false);
      await tick();
    }
  }
  if (n === 0) table.note('没有符合筛选条件的隐患');
  table.end();
  ctx.progress?.(n, ctx.total, true);
  pdf.gap(12);
  signatureLines(pdf, [[{ label: '制表人：' }, { label: '审核人：' }, { label: '日期：', value: BLANK_DATE }]], { gap: 20 });
  return pdf.finish({ left: `${ctx.enterprise.name} 隐患台账`, ...(ctx.fingerprint ? { fingerprint: ctx.fingerprint } : {}) });
}

const dateShort = (s: string) => s.slice(0, 10);
