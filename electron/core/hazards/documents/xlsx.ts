// Hazard ledger spreadsheets on the xlsx toolkit (electron/core/documents/xlsx): the 隐患台账 (one row per hazard,
// streamed to a file, so 100,000 rows stay small in memory) and the 隐患排查治理统计表 (the statistics PDF's content).
import type { Enterprise } from '../../../../shared/enterprise/types';
import { argb, RISK_STYLE } from '../../../../shared/hazards/risk';
import { RISK_COLORS, type RiskColor } from '../../../../shared/hazards/rules';
import type { HazardRow, HazardStats } from '../../../../shared/hazards/types';
import { writeXlsxFile, type CellInput, type SheetWriter, type XlsxColumn } from '../../documents/xlsx';
import {
  accidentText,
  categoryText,
  dateCn,
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

// ---------------------------------------------------------------------------------------------------------------
// 隐患台账

export const LEDGER_COLUMNS = [
  { header: '序号', width: 7, format: 'integer', align: 'center' },
  { header: '隐患编号', width: 14, format: 'id', align: 'center' },
  { header: '发现时间', width: 17, format: 'datetime' },
  { header: '发现人', width: 9, align: 'center' },
  { header: '隐患来源', width: 11, align: 'center' },
  { header: '车间/班组', width: 18, wrap: true },
  { header: '具体位置', width: 18, wrap: true },
  { header: '隐患描述', width: 42, wrap: true },
  { header: '隐患类别', width: 26, wrap: true },
  { header: '事故类型', width: 12, align: 'center' },
  { header: '隐患等级', width: 10, align: 'center' },
  { header: '风险等级 (D 值)', width: 15, align: 'center' },
  { header: '整改责任人', width: 11, align: 'center' },
  { header: '整改措施', width: 36, wrap: true },
  { header: '整改资金（元）', width: 13, format: 'money' },
  { header: '整改期限', width: 12, format: 'date' },
  { header: '状态', width: 10, align: 'center' },
  { header: '是否逾期', width: 9, align: 'center' },
  { header: '实际资金（元）', width: 13, format: 'money' },
  { header: '验收人', width: 9, align: 'center' },
  { header: '销号日期', width: 12, format: 'date' },
] as const satisfies readonly XlsxColumn[];

export const LEDGER_HEADERS = LEDGER_COLUMNS.map((c) => c.header);
const RISK_COL = LEDGER_HEADERS.indexOf('风险等级 (D 值)');

/**
 * What one ledger line needs. HazardDetail and HazardRow+ satisfy it; the export reads exactly these fields from SQL
 * (aliased to these names), so a database row is used as it comes, without mapping.
 */
export interface LedgerRecord {
  serial: string;
  foundAt: string;
  finderName: string | null;
  source: HazardRow['source'];
  workshopName: string | null;
  teamName: string | null;
  place: string | null;
  equipment: string | null;
  description: string;
  category1: string;
  category2: string | null;
  accidentType: string | null;
  grade: HazardRow['grade'];
  riskD: number | null;
  risk: RiskColor | null;
  responsibleName: string | null;
  measures: string | null;
  plannedFunds: number | null;
  deadline: string | null;
  status: HazardRow['status'];
  /** boolean, or 0/1 from SQL */
  overdue: boolean | number;
  actualFunds: number | null;
  acceptedByName: string | null;
  closedDate: string | null;
}

/** Memoises a text function of one or two keys (the labels repeat on every row; a Map hit is far cheaper). */
function memo<A extends string | null>(f: (a: A) => string): (a: A) => string {
  const m = new Map<A, string>();
  return (a) => {
    let s = m.get(a);
    if (s === undefined) m.set(a, (s = f(a)));
    return s;
  };
}

/** The text lookups of one export (memoised per export, so a language change between exports is honoured). */
function ledgerTexts() {
  const cats = new Map<string, string>();
  return {
    source: memo((s: HazardRow['source']) => sourceText(s)),
    status: memo((s: HazardRow['status']) => statusText(s)),
    grade: memo((g: HazardRow['grade']) => gradeText(g)),
    accident: memo((a: string | null) => accidentText(a)),
    risk: memo((r: RiskColor | null) => riskText(r)),
    category(c1: string, c2: string | null) {
      const k = `${c1}|${c2 ?? ''}`;
      let s = cats.get(k);
      if (s === undefined) cats.set(k, (s = categoryText(c1, c2)));
      return s;
    },
  };
}
type LedgerTexts = ReturnType<typeof ledgerTexts>;

const RISK_FILLS = Object.fromEntries(RISK_COLORS.map((r) => [r, argb(RISK_STYLE[r].fill)])) as Record<RiskColor, string>;
const riskFillRows = Object.fromEntries(
  RISK_COLORS.map((r) => {
    const fills: (string | null)[] = LEDGER_COLUMNS.map(() => null);
    fills[RISK_COL] = RISK_FILLS[r];
    return [r, { fills }];
  }),
) as Record<RiskColor, { fills: (string | null)[] }>;

/** One ledger line's cells, in LEDGER_COLUMNS order (money in fen and dates as stored: the columns convert them). */
export function ledgerValues(h: LedgerRecord, index: number, t: LedgerTexts = ledgerTexts()): CellInput[] {
  const place = h.equipment ? (h.place ? `${h.place}（${h.equipment}）` : h.equipment) : h.place;
  const risk = h.risk ? (h.riskD !== null ? `${t.risk(h.risk)}（D=${h.riskD}）` : t.risk(h.risk)) : h.riskD !== null ? `D=${h.riskD}` : t.risk(null);
  return [
    index,
    h.serial,
    h.foundAt,
    h.finderName,
    t.source(h.source),
    orgText(h.workshopName, h.teamName),
    place,
    h.description,
    t.category(h.category1, h.category2),
    t.accident(h.accidentType),
    t.grade(h.grade),
    risk,
    h.responsibleName,
    h.measures,
    h.plannedFunds,
    h.deadline,
    t.status(h.status),
    h.overdue ? '是' : '否',
    h.actualFunds,
    h.acceptedByName,
    h.closedDate,
  ];
}

export interface LedgerExportContext {
  enterprise: Enterprise;
  title?: string;
  /** the number of rows to come (for progress), when known */
  total?: number;
  /** called after every chunk of rows and once at the end (`last`); may throw (a cancelled job) — the partial file is then removed */
  progress?: (done: number, total: number | null, last: boolean) => void;
  /** printed at the left of every page's footer (a data fingerprint) */
  footer?: string;
  now?: Date;
}

const CHUNK = 500;

/**
 * 隐患台账 as .xlsx at `filePath`: a merged title row, a frozen header row with filters, one bordered row per hazard
 * (风险等级 filled in its colour), printed A4 landscape with the header repeated. Returns the number of rows.
 */
export async function writeLedgerXlsx(filePath: string, rows: Iterable<LedgerRecord>, ctx: LedgerExportContext): Promise<number> {
  let count = 0;
  await writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: '隐患台账',
        columns: LEDGER_COLUMNS,
        title: ctx.title ?? `${ctx.enterprise.name}安全隐患排查治理台账`,
        freezeColumns: 2,
        print: { ...(ctx.footer ? { footerLeft: ctx.footer } : {}), footerRight: `${ctx.enterprise.name} 隐患台账` },
      });
      const t = ledgerTexts();
      const total = ctx.total ?? null;
      for (const h of rows) {
        count++;
        sheet.addRow(ledgerValues(h, count, t), h.risk ? riskFillRows[h.risk] : undefined);
        if (count % CHUNK === 0) {
          ctx.progress?.(count, total, false);
          await sheet.drain();
        }
      }
      ctx.progress?.(count, total, true);
      sheet.commit();
    },
    { createdAt: ctx.now ?? new Date() },
  );
  return count;
}

// ---------------------------------------------------------------------------------------------------------------
// 隐患排查治理统计表

const STATS_XLSX_COLUMNS: XlsxColumn[] = STATS_COLUMNS.map((header, i) => ({
  header,
  width: [6, 22, 12, 11, 11, 10, 12, 10, 12, 16, 16][i]!,
  format: i === 1 ? 'text' : i >= 9 ? 'money' : 'integer',
  align: i === 1 ? 'left' : i >= 9 ? 'right' : 'center',
  wrap: i === 1,
}));

/**
 * Row height (pt) for `text` wrapped across columns `widths` wide (Excel character units) in the 10 pt sheet font: a
 * CJK character takes about two units, other characters one, a line 13.5 pt. Excel does not grow a merged row itself.
 */
export function wrappedRowHeight(text: string, widths: readonly number[]): number {
  const perLine = Math.max(10, widths.reduce((a, b) => a + b, 0) * 0.95);
  let lines = 0;
  for (const para of text.split('\n')) {
    let units = 0;
    for (const ch of para) units += /[\u2e80-\uffff]/.test(ch) ? 2 : 1;
    lines += Math.max(1, Math.ceil(units / perLine));
  }
  return Math.ceil(lines * 13.5 + 6);
}

function statsLine(sheet: SheetWriter, r: ReturnType<typeof statsRowsWithTotal>['total'], index: number | null, total: boolean) {
  sheet.addRow([index, r.workshop, r.found, r.general, r.major, r.ungraded, r.closed, r.rectifying, r.overdue, r.plannedFunds, r.actualFunds], total ? { total: true } : undefined);
}

/** 隐患排查治理统计表 as .xlsx at `filePath`: the same table, 合计 row, summary and signature lines as the statistics PDF. */
export async function writeStatsXlsx(filePath: string, s: HazardStats, ctx: { enterprise: Enterprise; now?: Date; fingerprint?: string }): Promise<number> {
  const now = ctx.now ?? new Date();
  const period = periodText(s.year, s.quarter);
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: '统计表',
        columns: STATS_XLSX_COLUMNS,
        title: `${ctx.enterprise.name}隐患排查治理统计表`,
        subtitle: { left: `统计期间：${period}（${dateCn(s.from)} 至 ${dateCn(s.to)}）`, right: `制表日期：${localDateCn(now)}` },
        autoFilter: false,
        headerHeight: 32,
        print: { ...(ctx.fingerprint ? { footerLeft: `数据指纹 ${ctx.fingerprint}` } : {}) },
      });
      const { rows, total } = statsRowsWithTotal(s);
      rows.forEach((r, i) => statsLine(sheet, r, i + 1, false));
      statsLine(sheet, total, null, true);
      const n = STATS_XLSX_COLUMNS.length;
      const summary = `说明：${statsSummary(s, total)}`;
      sheet.addText([{ text: summary, from: 1, to: n }], {
        height: wrappedRowHeight(
          summary,
          STATS_XLSX_COLUMNS.map((c) => c.width),
        ),
        wrap: true,
        gapBefore: 1,
      });
      sheet.addText(
        [
          { text: '填表人：', from: 1, to: 2 },
          { text: '审核人：', from: 3, to: 5 },
          { text: '主要负责人（签字）：', from: 6, to: 9 },
          { text: '日期：      年    月    日', from: 10, to: 11 },
        ],
        { height: 30, gapBefore: 1 },
      );
      sheet.commit();
    },
    { createdAt: now },
  );
}
