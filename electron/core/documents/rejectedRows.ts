// The rows an import refuses, as a sheet to correct and import again: the file's row number, the file's own cells under
// its own header, and the reasons (shared by the roster import and the wage records' imports).
import { term } from '../../../shared/glossary';
import { writeXlsxFile, type XlsxColumn } from './xlsx';

type Locale = 'zh-CN' | 'en';
export interface RejectedRows {
  header: string[];
  rows: { rowNumber: number; cells: string[]; problems: { field: string; message: string; params?: Record<string, string | number> }[] }[];
}

/** Writes the refused rows; `problemText` says one problem as a sentence (身份证号：校验位不正确). */
export async function writeRejectedRowsXlsx(
  filePath: string,
  rejected: RejectedRows,
  problemText: (p: RejectedRows['rows'][number]['problems'][number], locale: Locale) => string,
  locale: Locale = 'zh-CN',
  now = new Date(),
): Promise<number> {
  const width = Math.max(rejected.header.length, ...rejected.rows.map((r) => r.cells.length));
  const columns: XlsxColumn[] = [
    { header: term('import.row', locale), width: 8, format: 'integer', align: 'center' },
    ...Array.from({ length: width }, (_, i) => {
      const h = rejected.header[i] || `#${i + 1}`;
      return { header: h, width: Math.min(30, Math.max(8, [...h].length * 2 + 2)), format: 'id' as const };
    }),
    { header: term('import.problems', locale), width: 60, wrap: true },
  ];
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({ name: term('import.rejected.sheet', locale), columns, freezeColumns: 1, headerHeight: 20 });
      let n = 0;
      for (const r of rejected.rows) {
        const cells = Array.from({ length: width }, (_, i) => r.cells[i] ?? '');
        sheet.addRow([r.rowNumber, ...cells, r.problems.map((p) => problemText(p, locale)).join(term('import.listSep', locale))]);
        if (++n % 500 === 0) await sheet.drain();
      }
      sheet.commit();
    },
    { createdAt: now },
  );
}
