// The exam import's companion files: an empty sheet to fill in (with a sheet explaining each column) and the rows an
// import refuses (the file's own cells and the reasons).
import { term } from '../../../../shared/glossary';
import type { FileRef } from '../../../../shared/files';
import { EXAM_IMPORT_FIELDS, type ExamImportField } from '../../../../shared/health/exams/types';
import { writeOutputFile } from '../../documents/output';
import { writeXlsxFile, type ColumnFormat, type XlsxColumn } from '../../documents/xlsx';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import { examFieldLabel } from './importHeaders';
import { rejectedExamRows, type ExamSession } from './imports';

type Locale = 'zh-CN' | 'en';
const WIDTH: Partial<Record<ExamImportField, number>> = { empNo: 12, idCard: 22, name: 10, date: 12, institution: 24, kind: 10, factors: 20, conclusion: 36, recheckItems: 20, recheckDue: 12, detail: 30, screening: 10 };
const FORMAT: Partial<Record<ExamImportField, ColumnFormat>> = { empNo: 'id', idCard: 'id', date: 'date', recheckDue: 'date' };

export const problemText = (p: { field: string; message: string; params?: Record<string, string | number> }, locale: Locale = 'zh-CN') =>
  `${examFieldLabel(p.field, locale)}${term('import.fieldSep', locale)}${term(p.message, locale, p.params)}`;

export async function writeExamTemplate(filePath: string, locale: Locale = 'zh-CN', now = new Date()): Promise<number> {
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: term('health.exam.import.tpl.sheet', locale),
        columns: EXAM_IMPORT_FIELDS.map((f) => ({ header: examFieldLabel(f, locale), width: WIDTH[f] ?? 12, format: FORMAT[f] ?? 'text' })),
        freezeColumns: 3,
        headerHeight: 20,
      });
      sheet.commit();
      const help = w.addSheet({
        name: term('import.tpl.helpSheet', locale),
        columns: [
          { header: term('import.tpl.column', locale), width: 16 },
          { header: term('import.tpl.required', locale), width: 8, align: 'center' },
          { header: term('import.tpl.accepts', locale), width: 90, wrap: true },
        ],
        autoFilter: false,
      });
      for (const f of EXAM_IMPORT_FIELDS) help.addRow([examFieldLabel(f, locale), f === 'conclusion' ? term('import.tpl.yes', locale) : '', term(`health.exam.import.tpl.help.${f}`, locale)]);
      help.addRow([term('health.exam.import.tpl.repeat', locale), '', term('health.exam.import.tpl.repeatHelp', locale)]);
      help.commit();
    },
    { createdAt: now },
  );
}

export async function examTemplateFile(ctx: Ctx, locale: Locale = 'zh-CN'): Promise<FileRef> {
  return writeOutputFile(ctx.env.files, `${term('health.exam.import.tpl.fileName', locale)}.xlsx`, XLSX_MIME, (p) => writeExamTemplate(p, locale));
}

export async function examRejectedFile(ctx: Ctx, s: ExamSession, locale: Locale = 'zh-CN'): Promise<FileRef> {
  const rejected = rejectedExamRows(ctx.store, s);
  const base = s.fileName.replace(/\.[^.]+$/, '');
  const width = Math.max(rejected.header.length, ...rejected.rows.map((r) => r.cells.length));
  const columns: XlsxColumn[] = [
    { header: term('import.row', locale), width: 8, format: 'integer', align: 'center' },
    ...Array.from({ length: width }, (_, i) => {
      const h = rejected.header[i] || `#${i + 1}`;
      return { header: h, width: Math.min(30, Math.max(8, [...h].length * 2 + 2)), format: 'id' as const };
    }),
    { header: term('import.problems', locale), width: 60, wrap: true },
  ];
  return writeOutputFile(ctx.env.files, `${base}-${term('import.rejected.suffix', locale)}.xlsx`, XLSX_MIME, (p) =>
    writeXlsxFile(p, async (w) => {
      const sheet = w.addSheet({ name: term('import.rejected.sheet', locale), columns, freezeColumns: 1, headerHeight: 20 });
      for (const r of rejected.rows) {
        sheet.addRow([r.rowNumber, ...Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), r.problems.map((x) => problemText(x, locale)).join(term('import.listSep', locale))]);
      }
      sheet.commit();
    }),
  );
}
