// The merged cells of one worksheet of an .xlsx. exceljs's streaming reader skips <mergeCells>, so the sheet's XML
// is taken from the zip (its central directory, then one inflate) and only its tail, where <mergeCells> sits after
// the rows, is decoded.
import zlib from 'node:zlib';

/** A merged range, 0-based and inclusive. */
export interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The bytes of one zip entry, or null when there is no such entry (or the zip is one this reader does not know). */
export function zipEntry(buf: Buffer, name: string): Buffer | null {
  const EOCD = 0x06054b50;
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = 0; k < count && p + 46 <= buf.length; k++) {
    if (buf.readUInt32LE(p) !== 0x02014b50) return null;
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const entryName = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (entryName === name) {
      if (local + 30 > buf.length || buf.readUInt32LE(local) !== 0x04034b50) return null;
      const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
      const data = buf.subarray(start, start + size);
      if (method === 0) return data;
      if (method === 8) return zlib.inflateRawSync(data);
      return null;
    }
    p += 46 + nameLen + extraLen + commentLen;
  }
  return null;
}

const colNumber = (letters: string) => [...letters].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0);

/** Parses the <mergeCell ref="A3:A9"/> elements of a worksheet's XML. */
export function parseMerges(xml: Buffer): MergeRange[] {
  // <mergeCells> follows </sheetData>: decode only what comes after the rows
  if (xml.lastIndexOf('mergeCell') < 0) return [];
  const rowsEnd = xml.lastIndexOf('sheetData>');
  const tail = xml.toString('utf8', rowsEnd < 0 ? 0 : rowsEnd);
  const out: MergeRange[] = [];
  for (const m of tail.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?"/g)) {
    const left = colNumber(m[1]!) - 1;
    const top = Number(m[2]) - 1;
    const right = m[3] ? colNumber(m[3]) - 1 : left;
    const bottom = m[4] ? Number(m[4]) - 1 : top;
    out.push({ top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) });
  }
  return out;
}

/** The merged ranges of xl/worksheets/sheet{sheetNo}.xml; [] when the file has none or cannot be read this way. */
export function xlsxMerges(buf: Buffer, sheetNo: number | string): MergeRange[] {
  try {
    const xml = zipEntry(buf, `xl/worksheets/sheet${sheetNo}.xml`);
    return xml ? parseMerges(xml) : [];
  } catch {
    return [];
  }
}

/**
 * A cell merged down a column is read in every row it covers, as a person reads the sheet (车间 merged over all its
 * workers, 工号 merged over two header rows). Only down the merge's first column: a title merged across a row stays
 * in its first cell.
 */
export function fillMergesDown(table: string[][], merges: readonly MergeRange[]): void {
  for (const m of merges) {
    if (m.bottom <= m.top) continue;
    const v = table[m.top]?.[m.left] ?? '';
    if (v === '') continue;
    for (let r = m.top + 1; r <= m.bottom && r < table.length; r++) {
      const row = table[r]!;
      while (row.length <= m.left) row.push('');
      if (row[m.left] === '') row[m.left] = v;
    }
  }
}
