// Reads the first sheet of an .xlsx or a .csv (UTF-8 with or without BOM, UTF-16 with BOM, or GBK/GB18030
// as Chinese Excel writes it) into rows of trimmed strings.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { AppError } from '../../../shared/result';
import { fillMergesDown, xlsxMerges, type MergeRange } from './xlsxMerges';

export type Table = string[][];

export function decodeText(buf: Buffer): { text: string; encoding: string } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8' };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf16le'), encoding: 'utf-16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    return { text: iconv.decode(buf, 'gb18030'), encoding: 'gbk' };
  }
}

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF/LF, embedded newlines. Delimiter: comma, tab or semicolon (guessed from the first line). */
export function parseCsv(text: string): Table {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  const delim = counts.sort((a, b) => b[1] - a[1])[0]![0];
  const rows: Table = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      inQuotes = true;
      i++;
    } else if (c === delim) {
      row.push(field);
      field = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      i++;
    }
  }
  if (inQuotes) throw new AppError('BAD_FILE', 'err.file.csvQuote');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.map((r) => r.map((v) => v.trim()));
}

const pad = (n: number) => String(n).padStart(2, '0');
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  // a number of 16+ digits kept only 15 (Excel) or 17 (a JS number) of them: written as Excel shows it
  // (3.20102199001011E+17), not as a plausible-looking digit string — an ID card number read that way says so
  if (typeof v === 'number') return Math.abs(v) >= 1e15 && Number.isInteger(v) ? v.toPrecision(15).replace('e', 'E') : String(v);
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v && v.result !== undefined) return cellText(v.result as ExcelJS.CellValue);
    // a formula saved without its value (written by a program, never opened in Excel): shown as the formula
    const f = (v as { formula?: unknown; sharedFormula?: unknown }).formula ?? (v as { sharedFormula?: unknown }).sharedFormula;
    if (typeof f === 'string') return `=${f}`;
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * The first worksheet that has rows — or, given `pick`, the first that has rows and that `pick` accepts (a workbook
 * whose first tab is a cover or an explanation; the first with rows when none is accepted) — read with exceljs's
 * streaming reader (about a third faster than a full load).
 */
export async function readXlsx(buf: Buffer, merged?: MergeRange[], pick?: (t: Table) => boolean): Promise<Table> {
  let rows: Table = [];
  let sheetNo: string | number | null = null;
  let first: { rows: Table; sheetNo: string | number } | null = null;
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf), {
      sharedStrings: 'cache',
      styles: 'cache', // keeps date cells as dates
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const ws of reader) {
      for await (const r of ws as AsyncIterable<ExcelJS.Row>) {
        const values = r.values as ExcelJS.CellValue[];
        const out: string[] = [];
        for (let c = 1; c < values.length; c++) out.push(cellText(values[c] ?? null).trim());
        rows[r.number - 1] = out;
      }
      if (rows.length > 0) {
        const id = (ws as unknown as { id: string | number }).id;
        for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
        if (!pick || pick(rows)) {
          sheetNo = id;
          break;
        }
        first ??= { rows, sheetNo: id };
        rows = [];
      }
    }
    if (sheetNo === null && first) ({ rows, sheetNo } = first);
  } catch {
    // the streaming reader now and then fails on a sound file under load (seen in CI on a small generated sheet): the
    // full loader reads it again — a file that is really broken is refused there (BAD_FILE, err.file.xlsxUnreadable)
    return readXlsxWhole(buf, merged, pick);
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  // exceljs's streaming reader decodes each inflated chunk on its own, so a Chinese character that straddles two
  // chunks comes out as U+FFFD. When any appears, read the file again with the full loader (it decodes whole entries).
  if (rows.some((r) => r.some((v) => v.includes('\uFFFD')))) return readXlsxWhole(buf, merged, pick);
  if (merged && sheetNo !== null) merged.push(...xlsxMerges(buf, sheetNo));
  return rows;
}

/** The first worksheet that has rows, read with exceljs's (non-streaming) loader. */
async function readXlsxWhole(buf: Buffer, merged?: MergeRange[], pick?: (t: Table) => boolean): Promise<Table> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('BAD_FILE', 'err.file.xlsxUnreadable', { cause: (e as Error).message });
  }
  let rows: Table = [];
  const withRows = wb.worksheets.filter((ws) => ws.actualRowCount > 0);
  const tableOf = (ws: ExcelJS.Worksheet) => {
    const t: Table = [];
    ws.eachRow({ includeEmpty: false }, (r) => {
      const values = r.values as ExcelJS.CellValue[];
      const out: string[] = [];
      for (let c = 1; c < values.length; c++) out.push(cellText(values[c] ?? null).trim());
      t[r.number - 1] = out;
    });
    for (let i = 0; i < t.length; i++) if (!t[i]) t[i] = [];
    return t;
  };
  const chosen = (pick && withRows.find((ws) => pick(tableOf(ws)))) || withRows[0];
  for (const ws of chosen ? [chosen] : []) {
    rows = tableOf(ws);
    if (rows.length > 0) {
      for (const ref of (ws.model as { merges?: string[] }).merges ?? []) {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
        const col = (l: string) => [...l].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
        if (m) merged?.push({ top: Number(m[2]) - 1, left: col(m[1]!), bottom: Number(m[4]) - 1, right: col(m[3]!) });
      }
      break;
    }
  }
  for (let i = 0; i < rows.length; i++) if (!rows[i]) rows[i] = [];
  return rows;
}

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What an .xlsx may unpack to: a 20 MB workbook of real rows stays well under it; a zip bomb does not. */
export const MAX_UNPACKED_BYTES = 400 * 1024 * 1024;

/** The sizes a zip's central directory gives its entries, added up; null when the directory cannot be read. */
export function zipUnpackedBytes(buf: Buffer): number | null {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  let total = 0;
  for (let k = 0; k < count; k++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== 0x02014b50) return null;
    total += buf.readUInt32LE(p + 24); // 0xffffffff (zip64): counted as 4 GB, too large anyway
    p += 46 + buf.readUInt16LE(p + 28) + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return total;
}

/**
 * An .xlsx's cells merged down a column are read in every row they cover (see fillMergesDown); a CSV has no merges.
 * `pick`: which of the workbook's sheets is the table (see readXlsx).
 */
export async function readTable(fileName: string, buf: Buffer, pick?: (t: Table) => boolean): Promise<{ table: Table; format: string }> {
  if (buf.length === 0) throw new AppError('BAD_FILE', 'err.file.empty');
  if (buf.length > MAX_FILE_BYTES) throw new AppError('BAD_FILE', 'err.file.tooBig', { mb: 20 });
  const isZip = buf[0] === 0x50 && buf[1] === 0x4b && buf[2] === 0x03 && buf[3] === 0x04;
  const isOle = buf[0] === 0xd0 && buf[1] === 0xcf && buf[2] === 0x11 && buf[3] === 0xe0;
  if (isOle) throw new AppError('BAD_FILE', 'err.file.xls');
  if (isZip) {
    const unpacked = zipUnpackedBytes(buf);
    if (unpacked !== null && unpacked > MAX_UNPACKED_BYTES) throw new AppError('BAD_FILE', 'err.file.unpackedTooBig', { mb: Math.round(unpacked / 1024 / 1024), max: MAX_UNPACKED_BYTES / 1024 / 1024 });
    const merges: MergeRange[] = [];
    const table = await readXlsx(buf, merges, pick);
    fillMergesDown(table, merges);
    return { table, format: 'xlsx' };
  }
  if (/\.xlsx$/i.test(fileName)) throw new AppError('BAD_FILE', 'err.file.notXlsx');
  if (buf.subarray(0, 8192).includes(0) && !(buf[0] === 0xff || buf[0] === 0xfe)) {
    throw new AppError('BAD_FILE', 'err.file.notTable');
  }
  const { text, encoding } = decodeText(buf);
  return { table: parseCsv(text), format: `csv (${encoding})` };
}
