// The imports' companion files: an empty sheet per kind to fill in (with a sheet explaining each column) and the rows
// an import refuses (the file's own cells and the reasons).
import { term } from '../../../../shared/glossary';
import type { FileRef } from '../../../../shared/files';
import { WAGE_IMPORT_COLUMNS, WAGE_IMPORT_REQUIRED, type WageImportField, type WageImportKind } from '../../../../shared/wage/imports/types';
import { writeOutputFile } from '../../documents/output';
import { writeXlsxFile, type ColumnFormat, type XlsxColumn } from '../../documents/xlsx';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import { wageFieldLabel } from './headers';
import { rejectedRows, type WageSession } from './service';

type Locale = 'zh-CN' | 'en';
const WIDTH: Partial<Record<WageImportField, number>> = { empNo: 12, name: 10, workshop: 14, team: 12, period: 10, date: 12, category: 22, place: 20, workers: 30, description: 50, note: 24 };
const FORMAT: Partial<Record<WageImportField, ColumnFormat>> = { empNo: 'id', period: 'id', date: 'date', hours: 'decimal', shifts: 'integer', points: 'decimal' };

/** A problem as a sentence: 工号：花名册中没有工号 W009. */
export const problemText = (p: { field: string; message: string; params?: Record<string, string | number> }, locale: Locale = 'zh-CN') =>
  `${wageFieldLabel(p.field, locale)}${term('import.fieldSep', locale)}${term(p.message, locale, p.params)}`;

/** An empty sheet of the kind with the importer's columns, and a sheet that explains each. */
export async function writeWageTemplate(filePath: string, kind: WageImportKind, locale: Locale = 'zh-CN', now = new Date()): Promise<number> {
  const fields = WAGE_IMPORT_COLUMNS[kind];
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: term(`wage.import.kind.${kind}`, locale),
        columns: fields.map((f) => ({ header: wageFieldLabel(f, locale), width: WIDTH[f] ?? 10, format: FORMAT[f] ?? 'text' })),
        freezeColumns: 2,
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
      const required = new Set<string>(WAGE_IMPORT_REQUIRED[kind]);
      for (const f of fields) help.addRow([wageFieldLabel(f, locale), required.has(f) ? term('import.tpl.yes', locale) : '', term(`wage.import.tpl.help.${f}`, locale)]);
      help.addRow([term('wage.import.tpl.repeat', locale), '', term(`wage.import.tpl.help.same.${kind}`, locale)]);
      help.addRow([term('import.tpl.footer', locale), '', term('import.tpl.footerHelp', locale)]);
      help.commit();
    },
    { createdAt: now },
  );
}

export const wageTemplateFileName = (kind: WageImportKind, locale: Locale = 'zh-CN') => `${term(`wage.import.tpl.fileName.${kind}`, locale)}.xlsx`;

export async function wageTemplateFile(ctx: Ctx, kind: WageImportKind, locale: Locale = 'zh-CN'): Promise<FileRef> {
  return writeOutputFile(ctx.env.files, wageTemplateFileName(kind, locale), XLSX_MIME, (p) => writeWageTemplate(p, kind, locale));
}

export async function wageRejectedFile(ctx: Ctx, s: WageSession, locale: Locale = 'zh-CN'): Promise<FileRef> {
  const rejected = rejectedRows(ctx.store, s);
  const base = s.fileName.replace(/\.[^.]+$/, '');
  return writeOutputFile(ctx.env.files, `${base}-${term('import.rejected.suffix', locale)}.xlsx`, XLSX_MIME, (p) => writeWageRejectedXlsx(p, rejected, s.mapping, locale));
}

/** a cell that is a plain number (22, -3, 176.5) */
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * The refused rows as the file had them, then the reasons. The columns read as numbers (工时, 班次, 分值) are written as
 * numbers where the cell is one ("22" → 22), so the sheet can be corrected and imported again; every other column —
 * 工号 (00123 keeps its zeros), dates as typed — stays text.
 */
async function writeWageRejectedXlsx(filePath: string, rejected: ReturnType<typeof rejectedRows>, mapping: WageSession['mapping'], locale: Locale, now = new Date()): Promise<number> {
  const numeric = new Set<number>();
  for (const [field, col] of Object.entries(mapping)) {
    const f = FORMAT[field as WageImportField];
    if (typeof col === 'number' && (f === 'decimal' || f === 'integer')) numeric.add(col);
  }
  const width = Math.max(rejected.header.length, ...rejected.rows.map((r) => r.cells.length));
  const columns: XlsxColumn[] = [
    { header: term('import.row', locale), width: 8, format: 'integer', align: 'center' },
    ...Array.from({ length: width }, (_, i) => {
      const h = rejected.header[i] || `#${i + 1}`;
      return { header: h, width: Math.min(30, Math.max(8, [...h].length * 2 + 2)), format: numeric.has(i) ? ('decimal' as const) : ('id' as const) };
    }),
    { header: term('import.problems', locale), width: 60, wrap: true },
  ];
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({ name: term('import.rejected.sheet', locale), columns, freezeColumns: 1, headerHeight: 20 });
      let n = 0;
      for (const r of rejected.rows) {
        const cells = Array.from({ length: width }, (_, i) => {
          const v = (r.cells[i] ?? '').trim();
          return numeric.has(i) && PLAIN_NUMBER.test(v) ? Number(v) : (r.cells[i] ?? '');
        });
        sheet.addRow([r.rowNumber, ...cells, r.problems.map((p) => problemText(p, locale)).join(term('import.listSep', locale))]);
        if (++n % 500 === 0) await sheet.drain();
      }
      sheet.commit();
    },
    { createdAt: now },
  );
}
