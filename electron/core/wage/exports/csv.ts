// The long CSV's bytes: UTF-8 with a BOM (Excel then reads it as UTF-8) or GBK (what Chinese Excel and most payroll
// systems in China read without asking), via iconv-lite. GBK has every character of the common names; a character it
// lacks (a rare name character) is refused with the row named, not written as '?'.
import iconv from 'iconv-lite';
import { AppError } from '../../../../shared/result';
import type { CsvEncoding } from '../../../../shared/wage/exports/layout';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf8bom') {
    // written once into a buffer of the right size (no second copy to put the BOM in front)
    const out = Buffer.allocUnsafe(BOM.length + Buffer.byteLength(text, 'utf8'));
    BOM.copy(out, 0);
    out.write(text, BOM.length, 'utf8');
    return out;
  }
  const bytes = iconv.encode(text, 'gbk');
  // iconv-lite writes '?' for a character GBK lacks: find the first one that did not survive the round trip
  if (bytes.includes(0x3f) || text.includes('?')) {
    const back = iconv.decode(bytes, 'gbk');
    if (back !== text) {
      const lines = text.split('\r\n');
      const backLines = back.split('\r\n');
      const i = lines.findIndex((l, k) => l !== backLines[k]);
      const line = lines[i] ?? '';
      const ch = [...line].find((c) => iconv.decode(iconv.encode(c, 'gbk'), 'gbk') !== c) ?? '';
      throw new AppError('CONFLICT', 'err.wage.export.notGbk', { line: i + 1, char: ch });
    }
  }
  return bytes;
}
