// Reading uploaded tables: CSV parsing, text decoding (UTF-8/BOM/UTF-16/GBK), .xlsx via exceljs, and refusals.
import { say } from '../helpers/core';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText, parseCsv, readTable, readXlsx } from '../../electron/core/documents/tabular';
import { AppError } from '../../shared/result';

async function expectAppError(p: Promise<unknown> | (() => unknown), code: string): Promise<AppError> {
  let err: unknown;
  try {
    await (typeof p === 'function' ? p() : p);
  } catch (e) {
    err = e;
  }
  expect(err, 'expected an AppError').toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

describe('parseCsv', () => {
  it('splits a simple comma file and trims cells', () => {
    expect(parseCsv('工号,姓名\nA1, 张三 \nA2,李四\n')).toEqual([
      ['工号', '姓名'],
      ['A1', '张三'],
      ['A2', '李四'],
    ]);
  });

  it('handles quoted fields with delimiters, doubled quotes and embedded newlines', () => {
    const text = 'a,b,c\n"x,1","he said ""hi""","line1\nline2"\n"",plain,"end"';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x,1', 'he said "hi"', 'line1\nline2'],
      ['', 'plain', 'end'],
    ]);
  });

  it('handles CRLF line endings, including a CRLF inside quotes', () => {
    expect(parseCsv('a,b\r\n1,2\r\n"3\r\n4",5\r\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3\r\n4', '5'],
    ]);
  });

  it('detects a tab delimiter from the first line (commas inside cells stay)', () => {
    expect(parseCsv('工号\t姓名\t备注\nA1\t张三\t甲,乙\n')).toEqual([
      ['工号', '姓名', '备注'],
      ['A1', '张三', '甲,乙'],
    ]);
  });

  it('detects a semicolon delimiter', () => {
    expect(parseCsv('a;b;c\n1;2,5;3')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2,5', '3'],
    ]);
  });

  it('keeps a last line without a newline and keeps blank lines as a single empty cell', () => {
    expect(parseCsv('a,b\n\n1,2')).toEqual([['a', 'b'], [''], ['1', '2']]);
    expect(parseCsv('')).toEqual([]);
    expect(parseCsv('a,b,')).toEqual([['a', 'b', '']]);
  });

  it('an unclosed quote is a BAD_FILE AppError', async () => {
    const e = await expectAppError(() => parseCsv('a,b\n"unclosed,2\n3,4'), 'BAD_FILE');
    expect(say(e)).toContain('引号');
  });
});

describe('decodeText', () => {
  const sample = '工号,姓名,车间\nA001,张三,合成一车间\n';

  it('strips a UTF-8 BOM', () => {
    const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sample, 'utf8')]);
    const r = decodeText(buf);
    expect(r).toEqual({ text: sample, encoding: 'utf-8' });
    expect(r.text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('reads plain UTF-8', () => {
    expect(decodeText(Buffer.from(sample, 'utf8'))).toEqual({ text: sample, encoding: 'utf-8' });
  });

  it('reads GBK bytes as Chinese Excel writes them', () => {
    const gbk = iconv.encode(sample, 'gbk');
    // the bytes really differ from UTF-8 (2 bytes per Han character)
    expect(gbk.equals(Buffer.from(sample, 'utf8'))).toBe(false);
    expect(gbk.length).toBeLessThan(Buffer.byteLength(sample, 'utf8'));
    const r = decodeText(gbk);
    expect(r.encoding).toBe('gbk');
    expect(r.text).toBe(sample);
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sample, 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: sample, encoding: 'utf-16le' });
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sample, 'utf16be')]);
    expect(decodeText(be)).toEqual({ text: sample, encoding: 'utf-16be' });
  });
});

async function xlsxBuffer(build: (ws: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('花名册'));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readTable', () => {
  it('reads an .xlsx with a title row above the header, a Date cell, numbers and rich text', async () => {
    const buf = await xlsxBuffer((ws) => {
      ws.addRow(['2026 年度职工花名册']);
      ws.addRow(['工号', '姓名', '入职日期', '安全技能等级', '手机号', '备注']);
      ws.addRow(['A001', '  张三 ', new Date(Date.UTC(2024, 2, 5)), 3, 13812345678, { richText: [{ text: '富' }, { text: '文本' }] }]);
      ws.addRow(['A002', '李四', '2023-01-02', null, null, { formula: '1+1', result: 2 }]);
    });
    const { table, format } = await readTable('roster.xlsx', buf);
    expect(format).toBe('xlsx');
    expect(table[0]).toEqual(['2026 年度职工花名册']);
    expect(table[1]).toEqual(['工号', '姓名', '入职日期', '安全技能等级', '手机号', '备注']);
    expect(table[2]).toEqual(['A001', '张三', '2024-03-05', '3', '13812345678', '富文本']);
    expect(table[3]!.slice(0, 3)).toEqual(['A002', '李四', '2023-01-02']);
    expect(table[3]![5]).toBe('2');
    expect(table).toHaveLength(4);
  });

  it('keeps empty rows in place so row numbers match the sheet', async () => {
    const buf = await xlsxBuffer((ws) => {
      ws.getCell('A1').value = '工号';
      ws.getCell('B1').value = '姓名';
      ws.getCell('A4').value = 'A9';
      ws.getCell('B4').value = '王五';
    });
    const table = await readXlsx(buf);
    expect(table).toHaveLength(4);
    expect(table[1]).toEqual([]);
    expect(table[2]).toEqual([]);
    expect(table[3]).toEqual(['A9', '王五']);
  });

  it('reads a GBK .csv end to end', async () => {
    const buf = iconv.encode('工号,姓名\r\nA001,张三\r\n', 'gbk');
    const r = await readTable('roster.csv', buf);
    expect(r.format).toBe('csv (gbk)');
    expect(r.table).toEqual([
      ['工号', '姓名'],
      ['A001', '张三'],
    ]);
  });

  it('reads a UTF-16 LE .csv although it contains NUL bytes', async () => {
    const buf = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('工号\t姓名\nA1\t张三\n', 'utf16le')]);
    const r = await readTable('x.csv', buf);
    expect(r.table).toEqual([
      ['工号', '姓名'],
      ['A1', '张三'],
    ]);
  });

  it('refuses an old .xls (OLE compound file) with BAD_FILE', async () => {
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]);
    const e = await expectAppError(readTable('old.xls', ole), 'BAD_FILE');
    expect(say(e)).toContain('.xls');
  });

  it('refuses an empty file', async () => {
    const e = await expectAppError(readTable('empty.csv', Buffer.alloc(0)), 'BAD_FILE');
    expect(say(e)).toContain('空');
  });

  it('refuses binary garbage', async () => {
    const garbage = Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37) % 256));
    await expectAppError(readTable('data.csv', garbage), 'BAD_FILE');
  });

  it('refuses a file called .xlsx that is not a workbook, and a zip that is not a workbook', async () => {
    await expectAppError(readTable('fake.xlsx', Buffer.from('工号,姓名\nA1,张三\n')), 'BAD_FILE');
    const notXlsx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 7)]);
    await expectAppError(readTable('broken.xlsx', notXlsx), 'BAD_FILE');
  });

  it('refuses files over 20 MB', async () => {
    await expectAppError(readTable('huge.csv', Buffer.alloc(20 * 1024 * 1024 + 1, 0x41)), 'BAD_FILE');
  });
});
