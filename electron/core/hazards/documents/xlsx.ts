// Hazard ledger exports to .xlsx: the 隐患台账 (one row per hazard, streamed so 100,000 rows stay small in memory)
// and the 隐患排查治理统计表 (the same content as the statistics PDF).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RiskColor } from '../../../../shared/hazards/rules';
import type { Enterprise } from '../../../../shared/enterprise/types';
import type { HazardDetail, HazardStats } from '../../../../shared/hazards/types';
import {
  accidentText,
  categoryText,
  dateCn,
  dateTimeShort,
  gradeText,
  localDateCn,
  orgText,
  periodText,
  riskText,
  sourceText,
  STATS_COLUMNS,
  statsRowsWithTotal,
  statsSummary,
  statusText,
} from './text';

export const LEDGER_HEADERS = [
  '序号',
  '隐患编号',
  '发现时间',
  '发现人',
  '隐患来源',
  '车间/班组',
  '具体位置',
  '隐患描述',
  '隐患类别',
  '事故类型',
  '隐患等级',
  '风险等级 (D 值)',
  '整改责任人',
  '整改措施',
  '整改资金（元）',
  '整改期限',
  '状态',
  '是否逾期',
  '实际资金（元）',
  '验收人',
  '销号日期',
] as const;

const LEDGER_WIDTHS = [6, 14, 17, 9, 11, 18, 18, 42, 26, 12, 10, 15, 11, 36, 13, 12, 10, 9, 13, 9, 12];
const RISK_COL = LEDGER_HEADERS.indexOf('风险等级 (D 值)') + 1;
const MONEY_COLS = [LEDGER_HEADERS.indexOf('整改资金（元）') + 1, LEDGER_HEADERS.indexOf('实际资金（元）') + 1];
const WRAP_COLS = new Set(['车间/班组', '具体位置', '隐患描述', '隐患类别', '整改措施'].map((h) => LEDGER_HEADERS.indexOf(h as (typeof LEDGER_HEADERS)[number]) + 1));

/** light fills for the 风险等级 cell (ARGB) */
export const RISK_FILL: Record<RiskColor, string> = { red: 'FFFFC7CE', orange: 'FFFCE4D6', yellow: 'FFFFF2CC', blue: 'FFDDEBF7' };

const FONT = { name: '宋体', size: 10 };
const YIELD_EVERY = 200;
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const riskFills = Object.fromEntries(
  Object.entries(RISK_FILL).map(([k, argb]) => [k, { type: 'pattern', pattern: 'solid', fgColor: { argb } } satisfies ExcelJS.Fill]),
) as Record<RiskColor, ExcelJS.Fill>;

// shared style objects: exceljs keys its style table by content, re-using one object per kind keeps that cheap
const styleText: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'middle' } };
const styleWrap: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'middle', wrapText: true } };
const styleCenter: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'middle', horizontal: 'center' } };
const styleMoney: Partial<ExcelJS.Style> = { font: FONT, border: BORDER, alignment: { vertical: 'middle' }, numFmt: '#,##0.00' };
const styleRisk = Object.fromEntries(
  Object.entries(riskFills).map(([k, fill]) => [k, { ...styleCenter, fill } satisfies Partial<ExcelJS.Style>]),
) as Record<RiskColor, Partial<ExcelJS.Style>>;
const CENTER_COLS = new Set([1, 3, 4, 5, 10, 11, 12, 13, 16, 17, 18, 20, 21]);

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const money = (fen: number | null): number | null => (fen === null || fen === undefined ? null : fen / 100);

function ledgerValues(h: HazardDetail, index: number): (string | number | null)[] {
  const place = h.equipment ? (h.place ? `${h.place}（${h.equipment}）` : h.equipment) : h.place;
  const risk = h.risk ? `${riskText(h.risk)}${h.riskD !== null ? `（D=${h.riskD}）` : ''}` : h.riskD !== null ? `D=${h.riskD}` : '未评价';
  return [
    index,
    h.serial,
    dateTimeShort(h.foundAt),
    h.finderName,
    sourceText(h.source),
    orgText(h.workshopName, h.teamName),
    place,
    h.description,
    categoryText(h.category1, h.category2),
    accidentText(h.accidentType),
    gradeText(h.grade),
    risk,
    h.responsibleName,
    h.measures,
    money(h.plannedFunds),
    h.deadline,
    statusText(h.status),
    h.overdue ? '是' : '否',
    money(h.actualFunds),
    h.acceptedByName,
    h.closedDate,
  ];
}

const MAX_PENDING = 2 * 1024 * 1024;
/**
 * Sheet XML written but not yet taken by the zip compressor. exceljs ignores back-pressure: its sheet stream is piped
 * into a PassThrough that the zip entry reads, so without waiting the whole uncompressed sheet can pile up in memory.
 * Reads exceljs/archiver internals defensively; 0 when they are not where expected (then only the yielding remains).
 */
function pendingBytes(ws: ExcelJS.Worksheet): number {
  type Piped = { writableLength?: number; _writableState?: { length?: number } };
  const p = (ws as unknown as { _stream?: { pipes?: Piped[] } })._stream?.pipes?.[0];
  return p?.writableLength ?? p?._writableState?.length ?? 0;
}

/** Collect a streaming workbook into one Buffer. */
function streamingWorkbook(): { wb: ExcelJS.stream.xlsx.WorkbookWriter; done: Promise<Buffer> } {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    out.on('data', (c: Buffer) => chunks.push(c));
    out.on('end', () => resolve(Buffer.concat(chunks)));
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Ankang 安康';
  return { wb, done };
}

/**
 * 隐患台账 as .xlsx: a merged title row, a frozen header row and one bordered row per hazard, the 风险等级 cell
 * filled in its risk colour. Rows are streamed (exceljs WorkbookWriter), so memory stays flat for large ledgers.
 */
export async function exportLedgerXlsx(rows: Iterable<HazardDetail>, ctx: { enterprise: Enterprise; title?: string }): Promise<Buffer> {
  const { wb, done } = streamingWorkbook();
  const ws = wb.addWorksheet('隐患台账', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = LEDGER_WIDTHS.map((width) => ({ width }));
  const n = LEDGER_HEADERS.length;

  const title = ctx.title ?? `${ctx.enterprise.name}安全隐患排查治理台账`;
  const t = ws.getRow(1);
  t.getCell(1).value = title;
  t.getCell(1).style = { font: { name: '黑体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  t.height = 32;
  ws.mergeCells(1, 1, 1, n);
  t.commit();

  const head = ws.getRow(2);
  LEDGER_HEADERS.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.style = { font: { ...FONT, bold: true }, border: BORDER, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  head.height = 30;
  head.commit();

  let i = 0;
  for (const h of rows) {
    i++;
    const r = ws.getRow(i + 2);
    const vals = ledgerValues(h, i);
    for (let k = 1; k <= n; k++) {
      const c = r.getCell(k);
      c.value = vals[k - 1] ?? null;
      c.style =
        k === RISK_COL && h.risk ? styleRisk[h.risk] : MONEY_COLS.includes(k) ? styleMoney : WRAP_COLS.has(k) ? styleWrap : CENTER_COLS.has(k) ? styleCenter : styleText;
    }
    r.commit();
    // let the zip stream drain and compress what is written so far (memory stays flat), and let the host's event loop
    // (the core runs in the Electron main process) breathe during a long export
    if (i % YIELD_EVERY === 0) {
      do await new Promise<void>((resolve) => setImmediate(resolve));
      while (pendingBytes(ws) > MAX_PENDING);
    }
  }
  ws.autoFilter = `A2:${colLetter(n)}${Math.max(2, i + 2)}`;
  ws.commit();
  await wb.commit();
  return done;
}

/** 隐患排查治理统计表 as .xlsx: the same table, 合计 row, summary and signature lines as the statistics PDF. */
export async function exportStatsXlsx(s: HazardStats, ctx: { enterprise: Enterprise; now?: Date }): Promise<Buffer> {
  const now = ctx.now ?? new Date();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Ankang 安康';
  wb.created = now;
  const period = periodText(s.year, s.quarter);
  const ws = wb.addWorksheet('统计表', {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true },
  });
  const n = STATS_COLUMNS.length;
  ws.columns = [6, 22, 12, 11, 11, 12, 10, 12, 16, 16].map((width) => ({ width }));

  ws.mergeCells(1, 1, 1, n);
  const t = ws.getCell(1, 1);
  t.value = `${ctx.enterprise.name}隐患排查治理统计表`;
  t.style = { font: { name: '黑体', size: 16, bold: true }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 32;

  ws.mergeCells(2, 1, 2, 7);
  ws.getCell(2, 1).value = `统计期间：${period}（${dateCn(s.from)} 至 ${dateCn(s.to)}）`;
  ws.mergeCells(2, 8, 2, n);
  ws.getCell(2, 8).value = `制表日期：${localDateCn(now)}`;
  ws.getCell(2, 1).style = { font: FONT, alignment: { vertical: 'middle' } };
  ws.getCell(2, 8).style = { font: FONT, alignment: { vertical: 'middle', horizontal: 'right' } };

  const head = ws.getRow(3);
  STATS_COLUMNS.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.style = { font: { ...FONT, bold: true }, border: BORDER, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
  });
  head.height = 32;

  const { rows, total } = statsRowsWithTotal(s);
  const line = (r: (typeof rows)[number], index: number | null, isTotal: boolean) => {
    const row = ws.addRow([
      index,
      r.workshop,
      r.found,
      r.general,
      r.major,
      r.closed,
      r.rectifying,
      r.overdue,
      r.plannedFunds / 100,
      r.actualFunds / 100,
    ]);
    row.eachCell({ includeEmpty: true }, (c, col) => {
      c.style = {
        font: { ...FONT, bold: isTotal },
        border: BORDER,
        ...(isTotal ? { fill: TOTAL_FILL } : {}),
        alignment: { vertical: 'middle', horizontal: col === 2 ? (isTotal ? 'center' : 'left') : col >= 9 ? 'right' : 'center', wrapText: col === 2 },
        ...(col >= 9 ? { numFmt: '#,##0.00' } : {}),
      };
    });
    row.height = 20;
  };
  rows.forEach((r, i) => line(r, i + 1, false));
  line(total, null, true);

  const sumRow = ws.rowCount + 2;
  ws.mergeCells(sumRow, 1, sumRow, n);
  const sum = ws.getCell(sumRow, 1);
  sum.value = `说明：${statsSummary(s, total)}`;
  sum.style = { font: FONT, alignment: { wrapText: true, vertical: 'top' } };
  ws.getRow(sumRow).height = 48;

  const sigRow = sumRow + 2;
  const sig = ws.getRow(sigRow);
  sig.getCell(1).value = '填表人：';
  sig.getCell(4).value = '审核人：';
  sig.getCell(6).value = '主要负责人（签字）：';
  sig.getCell(9).value = '日期：      年    月    日';
  ws.mergeCells(sigRow, 1, sigRow, 2);
  ws.mergeCells(sigRow, 6, sigRow, 7);
  ws.mergeCells(sigRow, 9, sigRow, 10);
  sig.eachCell((c) => (c.style = { font: FONT, alignment: { vertical: 'bottom' } }));
  sig.height = 30;

  return Buffer.from(await wb.xlsx.writeBuffer());
}
