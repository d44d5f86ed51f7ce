// The xlsx toolkit every module's spreadsheets are built from: a streaming writer (exceljs WorkbookWriter writing
// straight to a file, memory flat at any row count), sheets with a merged title row and a subtitle (enterprise,
// period), a header row whose columns carry formats (identifiers as text '@', dates, money in yuan from integer fen,
// integers), column widths, a frozen header, an auto-filter, and print setup (A4 landscape, fit to width, header rows
// repeated on every printed page, margins, footer with page numbers and an optional fingerprint).
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { AppError } from '../../../../shared/result';

export type ColumnFormat = 'text' | 'id' | 'integer' | 'decimal' | 'money' | 'date' | 'datetime';
export type HAlign = 'left' | 'center' | 'right';

export interface XlsxColumn {
  header: string;
  /** width in characters (Excel's unit) */
  width: number;
  /**
   * how values are written:
   *  text     — as given (default)
   *  id       — text with the '@' format, so 身份证号 / 工号 / phone numbers keep leading zeros and all 18 digits
   *  integer  — number '0'; decimal — number '0.##'
   *  money    — integer fen in, yuan out: number '#,##0.00'
   *  date     — 'YYYY-MM-DD…' in, an Excel date 'yyyy-mm-dd' out
   *  datetime — 'YYYY-MM-DDTHH:mm…' (the recorded wall-clock time, offset ignored) in, 'yyyy-mm-dd hh:mm' out
   */
  format?: ColumnFormat;
  align?: HAlign;
  /** wrap long text (default: no) */
  wrap?: boolean;
}

export type CellInput = string | number | boolean | null | undefined;

export interface SheetSetup {
  /** the worksheet's tab name (≤ 31 characters; []:*?/\ are replaced) */
  name: string;
  columns: readonly XlsxColumn[];
  /** a merged, large title row across all columns */
  title?: string;
  /** a merged row under the title: text at the left (enterprise, period) and optionally at the right (制表日期) */
  subtitle?: { left: string; right?: string };
  /** columns kept visible when scrolling right (besides the frozen title and header rows); default 0 */
  freezeColumns?: number;
  /** an auto-filter on the header row (default true) */
  autoFilter?: boolean;
  /** print setup; A4 landscape fitted to the page width by default */
  print?: {
    orientation?: 'landscape' | 'portrait';
    /** shrink to one page wide (default true) */
    fitToWidth?: boolean;
    /** left part of the printed footer (e.g. a data fingerprint); the centre has the page numbers */
    footerLeft?: string;
    /** right part of the printed footer */
    footerRight?: string;
  };
  headerHeight?: number;
}

const FONT = { name: '宋体', size: 10 } as const;
const TITLE_FONT = { name: '黑体', size: 16, bold: true } as const;
const thin = { style: 'thin' as const, color: { argb: 'FF808080' } };
const BORDER: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const TOTAL_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
export const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  id: '@',
  integer: '0',
  decimal: '0.##',
  money: '#,##0.00',
  date: 'yyyy-mm-dd',
  datetime: 'yyyy-mm-dd hh:mm',
};
const DEFAULT_ALIGN: Record<ColumnFormat, HAlign> = { text: 'left', id: 'left', integer: 'right', decimal: 'right', money: 'right', date: 'center', datetime: 'center' };

/** Excel column letters: 1 → A, 27 → AA. */
export function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

const DAY_MS = 86_400_000;
const EXCEL_EPOCH = 25_569; // 1970-01-01 as an Excel serial day
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;
/** 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:mm…' → Excel serial (the written calendar date and wall-clock time); null if not a date. */
export function excelSerial(s: string, withTime: boolean): number | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS + EXCEL_EPOCH;
  if (!withTime || m[4] === undefined) return day;
  return day + (Number(m[4]) * 60 + Number(m[5])) / 1440;
}

/** A footer/header text with Excel's '&' codes escaped. */
const hf = (s: string) => s.replace(/&/g, '&&');

/** A sheet name Excel accepts. */
export function sheetName(name: string): string {
  const s = name.replace(/[[\]:*?/\\]/g, '_').slice(0, 31).trim();
  return s || 'Sheet1';
}

const MAX_PENDING = 2 * 1024 * 1024;

type Converter = (v: CellInput) => ExcelJS.CellValue;
function converter(format: ColumnFormat): Converter {
  switch (format) {
    case 'id':
    case 'text':
      return (v) => (v === null || v === undefined || v === '' ? null : typeof v === 'string' ? v : String(v));
    case 'integer':
    case 'decimal':
      return (v) => (typeof v === 'number' ? v : v === null || v === undefined || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : String(v));
    case 'money':
      return (v) => (typeof v === 'number' ? v / 100 : v === null || v === undefined || v === '' ? null : String(v));
    case 'date':
    case 'datetime':
      return (v) => (typeof v === 'string' && v ? (excelSerial(v, format === 'datetime') ?? v) : typeof v === 'number' ? v : null);
  }
}

export interface RowStyle {
  /** the bold, grey 合计 style */
  total?: boolean;
  /** per column: a fill colour ('FFRRGGBB') for that cell */
  fills?: readonly (string | null | undefined)[];
}

export class SheetWriter {
  /** the 1-based row numbers of the title rows and the header row */
  readonly headerRow: number;
  private next: number;
  private readonly convert: Converter[];
  private readonly styles: Partial<ExcelJS.Style>[];
  private readonly totalStyles: Partial<ExcelJS.Style>[];
  private readonly fillStyles = new Map<string, Partial<ExcelJS.Style>>();
  private dataRows = 0;
  private committed = false;

  constructor(
    private readonly ws: ExcelJS.Worksheet,
    readonly setup: SheetSetup,
  ) {
    const cols = setup.columns;
    if (cols.length === 0) throw new Error('a sheet needs at least one column');
    ws.columns = cols.map((c) => ({ width: c.width }));
    this.convert = cols.map((c) => converter(c.format ?? 'text'));
    this.styles = cols.map((c) => cellStyle(c, false));
    this.totalStyles = cols.map((c) => cellStyle(c, true));
    const n = cols.length;
    let r = 1;
    if (setup.title) {
      const row = ws.getRow(r);
      row.getCell(1).value = setup.title;
      row.getCell(1).style = { font: TITLE_FONT, alignment: { horizontal: 'center', vertical: 'middle' } };
      row.height = 32;
      ws.mergeCells(r, 1, r, n);
      row.commit();
      r++;
    }
    if (setup.subtitle) {
      const row = ws.getRow(r);
      const split = setup.subtitle.right && n >= 4 ? Math.ceil(n * 0.6) : n;
      row.getCell(1).value = setup.subtitle.left;
      row.getCell(1).style = { font: FONT, alignment: { vertical: 'middle', horizontal: 'left' } };
      ws.mergeCells(r, 1, r, split);
      if (split < n) {
        row.getCell(split + 1).value = setup.subtitle.right ?? '';
        row.getCell(split + 1).style = { font: FONT, alignment: { vertical: 'middle', horizontal: 'right' } };
        ws.mergeCells(r, split + 1, r, n);
      }
      row.height = 20;
      row.commit();
      r++;
    }
    this.headerRow = r;
    const head = ws.getRow(r);
    cols.forEach((c, i) => {
      const cell = head.getCell(i + 1);
      cell.value = c.header;
      cell.style = { font: { ...FONT, bold: true }, border: BORDER, fill: HEADER_FILL, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } };
    });
    head.height = setup.headerHeight ?? 30;
    head.commit();
    this.next = r + 1;
  }

  /** One data row: values in column order, converted by each column's format. */
  addRow(values: readonly CellInput[], style?: RowStyle): void {
    if (this.committed) throw new Error('sheet already committed');
    const row = this.ws.getRow(this.next++);
    const n = this.convert.length;
    const base = style?.total ? this.totalStyles : this.styles;
    const fills = style?.fills;
    for (let k = 0; k < n; k++) {
      const cell = row.getCell(k + 1);
      cell.value = this.convert[k]!(values[k]);
      const fill = fills?.[k];
      cell.style = fill ? this.filled(k, fill, base[k]!) : base[k]!;
    }
    row.commit();
    this.dataRows++;
  }

  private filled(k: number, argb: string, base: Partial<ExcelJS.Style>): Partial<ExcelJS.Style> {
    const key = `${k}|${argb}|${base === this.styles[k] ? 0 : 1}`;
    let s = this.fillStyles.get(key);
    if (!s) this.fillStyles.set(key, (s = { ...base, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb } } }));
    return s;
  }

  /** Text rows after the table (notes, summary, signature lines): merged across `from..to` columns. */
  addText(parts: readonly { text: string; from: number; to?: number; align?: HAlign }[], o: { height?: number; wrap?: boolean; gapBefore?: number } = {}): void {
    if (this.committed) throw new Error('sheet already committed');
    this.next += o.gapBefore ?? 0;
    const r = this.next++;
    const row = this.ws.getRow(r);
    for (const p of parts) {
      const cell = row.getCell(p.from);
      cell.value = p.text;
      cell.style = { font: FONT, alignment: { vertical: o.wrap ? 'top' : 'bottom', horizontal: p.align ?? 'left', wrapText: o.wrap ?? false } };
      if (p.to && p.to > p.from) this.ws.mergeCells(r, p.from, r, p.to);
    }
    if (o.height) row.height = o.height;
    row.commit();
  }

  get rowCount() {
    return this.dataRows;
  }
  /** the row the next addRow / addText writes */
  get nextRow() {
    return this.next;
  }

  /**
   * Let the zip compressor take what is written so far: resolves at once while little is pending, otherwise after it
   * drained. Call every few hundred rows: exceljs ignores back-pressure, so without it a whole uncompressed sheet can
   * pile up in memory. (Reads the pending bytes of the stream exceljs pipes the sheet into — `stream.pipes[0]`, a Node
   * stream's `writableLength` — and only waits when they are there.)
   */
  async drain(): Promise<void> {
    do await new Promise<void>((resolve) => setImmediate(resolve));
    while (this.pending() > MAX_PENDING);
  }
  private pending(): number {
    const s = (this.ws as unknown as { stream?: { pipes?: { writableLength?: number }[] } }).stream;
    return s?.pipes?.[0]?.writableLength ?? 0;
  }

  /** Ends the sheet: frozen panes, auto-filter and print setup are written with it. */
  commit(): void {
    if (this.committed) return;
    this.committed = true;
    const n = this.setup.columns.length;
    const lastData = this.headerRow + this.dataRows;
    if (this.setup.autoFilter ?? true) this.ws.autoFilter = `A${this.headerRow}:${colLetter(n)}${Math.max(this.headerRow, lastData)}`;
    this.ws.commit();
  }
}

function cellStyle(c: XlsxColumn, total: boolean): Partial<ExcelJS.Style> {
  const format = c.format ?? 'text';
  const numFmt = NUM_FMT[format];
  return {
    font: total ? { ...FONT, bold: true } : FONT,
    border: BORDER,
    ...(total ? { fill: TOTAL_FILL } : {}),
    alignment: { vertical: 'middle', horizontal: c.align ?? DEFAULT_ALIGN[format], ...(c.wrap ? { wrapText: true } : {}) },
    ...(numFmt ? { numFmt } : {}),
  };
}

/** Worksheet options for exceljs: frozen title/header rows, print setup. */
function sheetOptions(s: SheetSetup, headerRow: number): Partial<ExcelJS.AddWorksheetOptions> {
  const p = s.print ?? {};
  const fit = p.fitToWidth ?? true;
  const footer = `${p.footerLeft ? `&L${hf(p.footerLeft)}` : ''}&C第 &P 页 / 共 &N 页${p.footerRight ? `&R${hf(p.footerRight)}` : ''}`;
  return {
    views: [{ state: 'frozen', ySplit: headerRow, xSplit: s.freezeColumns ?? 0 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: p.orientation ?? 'landscape',
      ...(fit ? { fitToPage: true, fitToWidth: 1, fitToHeight: 0 } : {}),
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.7, header: 0.3, footer: 0.3 },
      printTitlesRow: `1:${headerRow}`,
    },
    headerFooter: { oddFooter: footer, evenFooter: footer },
  };
}

/** The title/subtitle/header rows a setup produces (the header row's number). */
export const headerRowOf = (s: SheetSetup) => 1 + (s.title ? 1 : 0) + (s.subtitle ? 1 : 0);

/**
 * A workbook streamed to a file. Create, add sheets, write rows (calling drain() every few hundred), commit(). On
 * failure or cancellation call abort(): the partial file is removed.
 */
export class XlsxWriter {
  private readonly out: fs.WriteStream;
  private readonly wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private outError: Error | null = null;
  private state: 'open' | 'committed' | 'aborted' = 'open';

  private constructor(
    readonly filePath: string,
    o: { createdAt?: Date },
  ) {
    this.out = fs.createWriteStream(filePath);
    this.out.on('error', (e) => {
      this.outError = e;
    });
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: this.out, useStyles: true, useSharedStrings: false });
    this.wb.creator = 'Ankang 安康';
    const at = o.createdAt ?? new Date();
    this.wb.created = at;
    this.wb.modified = at;
  }

  /** Opens `filePath` for writing (its folder must exist). */
  static toFile(filePath: string, o: { createdAt?: Date } = {}): XlsxWriter {
    if (!fs.existsSync(path.dirname(filePath))) throw new AppError('INTERNAL', 'err.internal', { reason: 'xlsx output folder missing' });
    return new XlsxWriter(filePath, o);
  }

  addSheet(setup: SheetSetup): SheetWriter {
    if (this.state !== 'open') throw new Error('workbook already finished');
    const ws = this.wb.addWorksheet(sheetName(setup.name), sheetOptions(setup, headerRowOf(setup)));
    return new SheetWriter(ws, setup);
  }

  /** Finishes every sheet and the file; resolves with the file's size in bytes. */
  async commit(): Promise<number> {
    if (this.state !== 'open') throw new Error('workbook already finished');
    await this.wb.commit();
    this.state = 'committed';
    if (this.outError) throw this.outError;
    return fs.statSync(this.filePath).size;
  }

  /** Stops writing and deletes the partial file (safe to call twice, or after commit failed). */
  async abort(): Promise<void> {
    if (this.state === 'aborted') return;
    this.state = 'aborted';
    if (!this.out.closed) {
      await new Promise<void>((resolve) => {
        this.out.once('close', () => resolve());
        this.out.destroy();
      });
    }
    await fs.promises.rm(this.filePath, { force: true });
  }
}

/**
 * Writes a workbook to `filePath` with `fill`, committing on success and removing the partial file on any error
 * (including a cancelled job's CANCELLED).
 */
export async function writeXlsxFile(filePath: string, fill: (w: XlsxWriter) => Promise<void>, o: { createdAt?: Date } = {}): Promise<number> {
  const w = XlsxWriter.toFile(filePath, o);
  try {
    await fill(w);
    return await w.commit();
  } catch (e) {
    await w.abort();
    throw e;
  }
}
