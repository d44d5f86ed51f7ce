// The sign-in sheet's companion files: an empty sheet to fill in (with a sheet explaining each column) and the rows an
// import refuses (the file's own cells and the reasons).
import { SIGNIN_FIELDS, type SigninField } from '../../../../shared/education/activities/signin';
import type { FileRef } from '../../../../shared/files';
import { term } from '../../../../shared/glossary';
import { writeOutputFile } from '../../documents/output';
import { writeXlsxFile, type XlsxColumn } from '../../documents/xlsx';
import type { Ctx } from '../../kernel/handlers';
import { XLSX_MIME } from '../../kernel/mime';
import { rejectedSigninRows, signinFieldLabel, type SigninSession } from './signin';

type Locale = 'zh-CN' | 'en';
const WIDTH: Record<SigninField, number> = { empNo: 12, name: 10, workshop: 14, team: 12, signed: 10, hours: 8, score: 8, note: 24 };

export async function writeSigninTemplate(filePath: string, locale: Locale = 'zh-CN', now = new Date()): Promise<number> {
  return writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({
        name: term('edu.signin.tpl.sheet', locale),
        columns: SIGNIN_FIELDS.map((f) => ({ header: signinFieldLabel(f, locale), width: WIDTH[f], format: f === 'empNo' ? ('id' as const) : f === 'hours' || f === 'score' ? ('decimal' as const) : ('text' as const) })),
        freezeColumns: 2,
        headerHeight: 20,
      });
      sheet.commit();
      const help = w.addSheet({
        name: term('import.tpl.helpSheet', locale),
        columns: [
          { header: term('import.tpl.column', locale), width: 16 },
          { header: term('import.tpl.accepts', locale), width: 90, wrap: true },
        ],
        autoFilter: false,
      });
      for (const f of SIGNIN_FIELDS) help.addRow([signinFieldLabel(f, locale), term(`edu.signin.tpl.help.${f}`, locale)]);
      help.commit();
    },
    { createdAt: now },
  );
}

export function signinTemplateFile(ctx: Ctx, locale: Locale = 'zh-CN'): Promise<FileRef> {
  return writeOutputFile(ctx.env.files, `${term('edu.signin.tpl.fileName', locale)}.xlsx`, XLSX_MIME, (p) => writeSigninTemplate(p, locale));
}

const problemText = (p: { field: string; message: string; params?: Record<string, string | number> }, locale: Locale) =>
  `${signinFieldLabel(p.field, locale)}${term('import.fieldSep', locale)}${term(p.message, locale, p.params)}`;

export function signinRejectedFile(ctx: Ctx, s: SigninSession, locale: Locale = 'zh-CN'): Promise<FileRef> {
  const rejected = rejectedSigninRows(ctx.store, s);
  const base = s.fileName.replace(/\.[^.]+$/, '');
  const width = Math.max(rejected.header.length, ...rejected.rows.map((r) => r.cells.length));
  const columns: XlsxColumn[] = [
    { header: term('import.row', locale), width: 8, format: 'integer', align: 'center' },
    ...Array.from({ length: width }, (_, i) => ({ header: rejected.header[i] || `#${i + 1}`, width: 12, format: 'id' as const })),
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
