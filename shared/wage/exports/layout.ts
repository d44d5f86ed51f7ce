// The payroll exports of an approved run (issue 9, "Exports and pictures"), as pure layouts the writers only draw: the
// wide sheet (工号 first, 姓名, 身份证号 masked or full, 车间, 班组, one column per component, 合计, a totals row), the
// long rows (worker, component, amount, period), the slips (工资条, one block per worker) and the monthly summary by
// workshop. Everything is integer fen taken from the run lines as they are — nothing is recomputed or rounded again —
// so every export agrees with the run, and with every other export, to the fen.
import { compareUnits } from '../runs/order';
import { maskIdCard } from '../../roster/idcard';
import type { RunLine } from '../runs/types';

export const ID_CARD_MODES = ['masked', 'full'] as const;
export type IdCardMode = (typeof ID_CARD_MODES)[number];
export const CSV_ENCODINGS = ['utf8bom', 'gbk'] as const;
export type CsvEncoding = (typeof CSV_ENCODINGS)[number];

/** A component column: the indicator's code and its name as the scheme version calls it. */
export interface ComponentHead {
  code: string;
  name: string;
}

/** Fen → 元 with two decimals, from the integer (no floating point): 123456 → '1234.56', -5 → '-0.05'. */
export function yuan(fen: number): string {
  if (!Number.isSafeInteger(fen)) throw new RangeError(`an amount in fen must be a safe integer: ${fen}`);
  const a = Math.abs(fen);
  return `${fen < 0 ? '-' : ''}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** Fen → 元 with two decimals and thousands separators, for print: 123456789 → '1,234,567.89'. */
export function yuanGrouped(fen: number): string {
  const s = yuan(fen);
  const [int, dec] = s.split('.') as [string, string];
  const neg = int.startsWith('-');
  const digits = neg ? int.slice(1) : int;
  return `${neg ? '-' : ''}${digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

/**
 * The component columns of a run: the scheme version's indicators in their order, then any code the lines carry that
 * the list lacks (named by its code), so no amount is ever left out of an export.
 */
export function componentHeads(heads: readonly ComponentHead[], lines: readonly RunLine[]): ComponentHead[] {
  const out = [...heads];
  const seen = new Set(heads.map((h) => h.code));
  for (const l of lines)
    for (const c of l.components)
      if (!seen.has(c.code)) {
        seen.add(c.code);
        out.push({ code: c.code, name: c.code });
      }
  return out;
}

/** A line's amount for each head (0 where the line has no such component). */
export function amountsByHead(line: RunLine, heads: readonly ComponentHead[]): number[] {
  return amountsAt(line, headIndex(heads), heads.length);
}

/** Each head's column by code: built once per export, not per line. */
const headIndex = (heads: readonly ComponentHead[]): Map<string, number> => new Map(heads.map((h, i) => [h.code, i]));

/** A line's amounts in the columns of `index` (a code twice on a line: the last one, as a map of the line would keep). */
function amountsAt(line: RunLine, index: ReadonlyMap<string, number>, n: number): number[] {
  const out = new Array<number>(n).fill(0);
  for (const c of line.components) {
    const i = index.get(c.code);
    if (i !== undefined) out[i] = c.fen;
  }
  return out;
}

/** The ID number as the chosen mode shows it (masked: region and last four kept). */
export function idCardText(idCard: string | null, mode: IdCardMode): string {
  if (!idCard) return '';
  return mode === 'full' ? idCard : maskIdCard(idCard);
}

// ---------------------------------------------------------------------------------------------------------
// the wide sheet

export interface WideRow {
  empNo: string;
  name: string;
  idCard: string;
  workshop: string;
  team: string;
  /** per component head, fen */
  amounts: number[];
  totalFen: number;
}

export interface WideSheet {
  /** 工号, 姓名, 身份证号, 车间, 班组, the components, 合计 */
  headers: string[];
  heads: ComponentHead[];
  rows: WideRow[];
  /** per component head, and the grand total */
  totals: { amounts: number[]; totalFen: number; workers: number };
}

export const WIDE_FIXED_HEADERS = ['工号', '姓名', '身份证号', '车间', '班组'] as const;
export const TOTAL_HEADER = '合计';

/** The wide sheet: one row per worker in the run's order, one column per component, 合计; the totals under them. */
export function wideSheet(lines: readonly RunLine[], heads: readonly ComponentHead[], mode: IdCardMode): WideSheet {
  const cols = componentHeads(heads, lines);
  const index = headIndex(cols);
  const totals = cols.map(() => 0);
  let grand = 0;
  const rows = lines.map((l) => {
    const amounts = amountsAt(l, index, cols.length);
    for (let i = 0; i < amounts.length; i++) totals[i]! += amounts[i]!;
    grand += l.totalFen;
    return { empNo: l.empNo, name: l.name, idCard: idCardText(l.idCard, mode), workshop: l.workshopName ?? '', team: l.teamName ?? '', amounts, totalFen: l.totalFen };
  });
  return { headers: [...WIDE_FIXED_HEADERS, ...cols.map((c) => c.name), TOTAL_HEADER], heads: cols, rows, totals: { amounts: totals, totalFen: grand, workers: lines.length } };
}

// ---------------------------------------------------------------------------------------------------------
// the long rows

export interface LongRow {
  empNo: string;
  name: string;
  code: string;
  component: string;
  fen: number;
  period: string;
}

export const LONG_HEADERS = ['工号', '姓名', '项目代码', '项目', '金额（元）', '期间'] as const;

/** The long rows: every worker × every component (zeros too, so each worker's rows add up to their total), in run order. */
export function longRows(lines: readonly RunLine[], heads: readonly ComponentHead[], period: string): LongRow[] {
  const cols = componentHeads(heads, lines);
  const index = headIndex(cols);
  const out: LongRow[] = [];
  for (const l of lines) {
    const amounts = amountsAt(l, index, cols.length);
    cols.forEach((c, i) => out.push({ empNo: l.empNo, name: l.name, code: c.code, component: c.name, fen: amounts[i]!, period }));
  }
  return out;
}

/** One CSV field per RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled); a leading =+-@ is
 * defused with an apostrophe so a spreadsheet does not run it as a formula — except a plain number like -0.50. */
export function csvField(v: string): string {
  let s = v;
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const CSV_HEADER_LINE = `${LONG_HEADERS.map(csvField).join(',')}\r\n`;

/** The long CSV's text: a header line and one line per row, CRLF line ends (RFC 4180), amounts in 元 with two decimals. */
export function longCsvText(rows: readonly LongRow[]): string {
  let text = CSV_HEADER_LINE;
  for (const r of rows) text += `${csvField(r.empNo)},${csvField(r.name)},${csvField(r.code)},${csvField(r.component)},${csvField(yuan(r.fen))},${csvField(r.period)}\r\n`;
  return text;
}

/**
 * The long CSV's text straight from the run lines: the same text as longCsvText(longRows(lines, heads, period)), without
 * an object per row — each head's code and name, each worker's number and name and the period quoted once, an amount
 * (always a plain number: -?digits.dd) never needing it.
 */
export function longCsv(lines: readonly RunLine[], heads: readonly ComponentHead[], period: string): string {
  const cols = componentHeads(heads, lines);
  const index = headIndex(cols);
  const n = cols.length;
  const colText = cols.map((c) => `${csvField(c.code)},${csvField(c.name)},`);
  const tail = `,${csvField(period)}\r\n`;
  let text = CSV_HEADER_LINE;
  for (const l of lines) {
    const who = `${csvField(l.empNo)},${csvField(l.name)},`;
    const amounts = amountsAt(l, index, n);
    for (let i = 0; i < n; i++) text += who + colText[i]! + yuan(amounts[i]!) + tail;
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------
// the slips

export interface SlipBlock {
  empNo: string;
  name: string;
  workshop: string;
  team: string;
  period: string;
  items: { code: string; name: string; fen: number }[];
  totalFen: number;
  /** why an amount is less than scored: 一票否决, pro rata days (Chinese, like the paper) */
  notes: string[];
}

const APPLIED_CN: Record<string, string> = { veto: '一票否决', cap: '封顶', proRata: '按出勤折算', totalCap: '总额封顶' };

/** One slip per worker: every component with its amount, the total, and the reasons an amount was reduced. */
export function slipBlocks(lines: readonly RunLine[], heads: readonly ComponentHead[], period: string): SlipBlock[] {
  const cols = componentHeads(heads, lines);
  const index = headIndex(cols);
  return lines.map((l) => {
    const amounts = amountsAt(l, index, cols.length);
    const notes: string[] = [];
    if (l.veto) notes.push('本月因事故适用一票否决，安全类项目为零');
    if (l.proRata && l.proRata.worked < l.proRata.of) notes.push(`按在册天数折算（${l.proRata.worked}/${l.proRata.of} 天）`);
    const capped = cols.filter((c) => l.components.some((x) => x.code === c.code && x.applied.some((a) => a === 'cap' || a === 'totalCap')));
    if (capped.length > 0) notes.push(`${capped.map((c) => c.name).join('、')}已封顶`);
    return {
      empNo: l.empNo,
      name: l.name,
      workshop: l.workshopName ?? '',
      team: l.teamName ?? '',
      period,
      items: cols.map((c, i) => ({ code: c.code, name: c.name, fen: amounts[i]! })),
      totalFen: l.totalFen,
      notes,
    };
  });
}

/** The words for what was applied to a component (for the explanation of a slip). */
export const appliedText = (a: string) => APPLIED_CN[a] ?? a;

// ---------------------------------------------------------------------------------------------------------
// the summary by workshop

export interface WorkshopRow {
  workshopId: string | null;
  /** '（未分车间）' for workers without one */
  workshop: string;
  workers: number;
  amounts: number[];
  totalFen: number;
  vetoes: number;
}

export interface WorkshopSummary {
  heads: ComponentHead[];
  rows: WorkshopRow[];
  totals: { workers: number; amounts: number[]; totalFen: number; vetoes: number };
}

export const NO_WORKSHOP = '（未分车间）';

/**
 * Per workshop — in the organisation's order (sort_order from `unitOrder` when given, then the natural order of the
 * names: 一车间 before 二车间 before 十车间), those without one last — workers, each component, the total, vetoes; the
 * totals row.
 */
export function workshopSummary(lines: readonly RunLine[], heads: readonly ComponentHead[], unitOrder?: ReadonlyMap<string, number>): WorkshopSummary {
  const cols = componentHeads(heads, lines);
  const index = headIndex(cols);
  const by = new Map<string, WorkshopRow>();
  for (const l of lines) {
    const key = l.workshopId ?? '';
    let row = by.get(key);
    if (!row) by.set(key, (row = { workshopId: l.workshopId, workshop: l.workshopName ?? NO_WORKSHOP, workers: 0, amounts: cols.map(() => 0), totalFen: 0, vetoes: 0 }));
    row.workers++;
    const amounts = amountsAt(l, index, cols.length);
    for (let i = 0; i < amounts.length; i++) row.amounts[i]! += amounts[i]!;
    row.totalFen += l.totalFen;
    if (l.veto) row.vetoes++;
  }
  const unit = (r: WorkshopRow) => ({ sortOrder: r.workshopId === null ? null : (unitOrder?.get(r.workshopId) ?? 0), name: r.workshopId === null ? null : r.workshop });
  const rows = [...by.values()].sort((a, b) => compareUnits(unit(a), unit(b)));
  const totals = { workers: 0, amounts: cols.map(() => 0), totalFen: 0, vetoes: 0 };
  for (const r of rows) {
    totals.workers += r.workers;
    r.amounts.forEach((a, i) => (totals.amounts[i]! += a));
    totals.totalFen += r.totalFen;
    totals.vetoes += r.vetoes;
  }
  return { heads: cols, rows, totals };
}

/** '2026-11' → '2026年11月' */
export const periodCn = (p: string) => `${p.slice(0, 4)}年${Number(p.slice(5, 7))}月`;
