// The roster export (职工花名册 .xlsx) on the xlsx toolkit: streamed into a file chunk by chunk, with progress and
// cancellation. The header is in row 1 and values are written the way the importer reads them, so an export
// re-imports cleanly (identifiers as text, dates as Excel dates).
import { term } from '../../../shared/glossary';
import type { FileRef } from '../../../shared/files';
import { COMMITTEE_ROLES, type CommitteeRole } from '../../../shared/roster/roles';
import type { WorkerQuery } from '../../../shared/roster/schemas';
import { IMPORT_FIELDS, type ImportField } from '../../../shared/roster/types';
import type { Store } from '../db/store';
import { writeOutputFile } from '../documents/output';
import { writeRejectedRowsXlsx } from '../documents/rejectedRows';
import { writeXlsxFile, type CellInput, type ColumnFormat, type XlsxColumn } from '../documents/xlsx';
import type { Ctx } from '../kernel/handlers';
import type { ProgressReporter } from '../kernel/jobs';
import { XLSX_MIME } from '../kernel/mime';
import { stamp } from '../util';
import { fieldLabel, rejectedRows, targetLabel, type Session } from './import';
import { buildWorkerQuery } from './workers';

const WIDTH: Partial<Record<ImportField, number>> = { idCard: 22, workshop: 14, team: 14, roles: 22, hazardFactors: 22, phone: 14, hireDate: 12, certExpiry: 12, certNo: 20, post: 14 };
/** identifiers stay text ('@'): leading zeros, 18-digit ID numbers and long phone numbers survive Excel */
const FORMAT: Partial<Record<ImportField, ColumnFormat>> = {
  empNo: 'id',
  idCard: 'id',
  phone: 'id',
  certNo: 'id',
  hireDate: 'date',
  certExpiry: 'date',
  skillGrade: 'integer',
};

export const ROSTER_COLUMNS: XlsxColumn[] = IMPORT_FIELDS.map((f) => ({
  header: fieldLabel(f),
  width: WIDTH[f] ?? 10,
  format: FORMAT[f] ?? 'text',
  ...(f === 'gender' || f === 'status' || f === 'isRepresentative' || f === 'isFrontline' || f === 'isManager' || f === 'skillGrade' ? { align: 'center' as const } : {}),
}));

/** the columns the export reads, in IMPORT_FIELDS order (raw rows: arrays, no objects) */
const COLUMN_SQL: Record<ImportField, string> = {
  empNo: 'w.emp_no',
  name: 'w.name',
  gender: 'w.gender',
  idCard: 'w.id_card',
  phone: 'w.phone',
  workshop: 'ws.name',
  team: 't.name',
  post: 'w.post',
  hireDate: 'w.hire_date',
  skillGrade: 'w.skill_grade',
  status: 'w.status',
  roles: 'w.roles',
  isRepresentative: 'w.is_representative',
  isFrontline: 'w.is_frontline',
  isManager: 'w.is_manager',
  certType: 'w.cert_type',
  certNo: 'w.cert_no',
  certExpiry: 'w.cert_expiry',
  hazardFactors: 'w.hazard_factors',
};
const ROWS_SQL = `SELECT ${IMPORT_FIELDS.map((f) => COLUMN_SQL[f]).join(', ')}
  FROM json_each(?) j JOIN workers w ON w.rid = j.value
  LEFT JOIN org_units ws ON ws.id = w.workshop_id LEFT JOIN org_units t ON t.id = w.team_id
  ORDER BY j.key`;
const CHUNK = 1000;

const at = Object.fromEntries(IMPORT_FIELDS.map((f, i) => [f, i])) as Record<ImportField, number>;

/** Turns a raw row (columns in IMPORT_FIELDS order) into the cells, in place, the way the importer reads them. */
function toCells(r: unknown[], t: { yes: string; no: string; gender: Record<string, string>; status: Record<string, string>; role: Record<string, string> }): CellInput[] {
  const yn = (v: unknown) => (v === 1 ? t.yes : t.no);
  r[at.gender] = t.gender[r[at.gender] as string] ?? (r[at.gender] as string);
  r[at.status] = t.status[r[at.status] as string] ?? (r[at.status] as string);
  const roles = JSON.parse((r[at.roles] as string) || '[]') as CommitteeRole[];
  r[at.roles] = roles.map((x) => t.role[x] ?? x).join('、');
  r[at.isRepresentative] = yn(r[at.isRepresentative]);
  r[at.isFrontline] = yn(r[at.isFrontline]);
  r[at.isManager] = yn(r[at.isManager]);
  r[at.hazardFactors] = (JSON.parse((r[at.hazardFactors] as string) || '[]') as string[]).join('、');
  return r as CellInput[];
}

export interface RosterExportOptions {
  /** progress and cancellation (a cancelled job throws CANCELLED between chunks; the partial file is removed) */
  job?: Pick<ProgressReporter, 'report'>;
  now?: Date;
}

/** Writes the workers matching `q` to `filePath` as .xlsx; returns how many. */
export async function writeRosterXlsx(store: Store, q: Omit<WorkerQuery, 'page' | 'pageSize'>, filePath: string, o: RosterExportOptions = {}): Promise<number> {
  const b = buildWorkerQuery(store, q);
  const rids = store.db.prepare(`SELECT w.rid FROM workers w WHERE ${b.where} ORDER BY ${b.order}`).pluck().all(b.params) as number[];
  const stmt = store.stmt(ROWS_SQL);
  const texts = {
    // the importer reads 是/否 (and the Chinese terms) whatever the interface language
    yes: '是',
    no: '否',
    gender: { M: term('gender.M'), F: term('gender.F') } as Record<string, string>,
    status: { active: term('status.active'), left: term('status.left') } as Record<string, string>,
    role: Object.fromEntries(COMMITTEE_ROLES.map((r) => [r, term(`role.${r}`)])) as Record<string, string>,
  };
  const total = rids.length;
  o.job?.report(0, total, undefined, true);
  await writeXlsxFile(
    filePath,
    async (w) => {
      const sheet = w.addSheet({ name: '职工花名册', columns: ROSTER_COLUMNS, freezeColumns: 2, headerHeight: 20, print: { footerRight: '职工花名册' } });
      for (let i = 0; i < total; i += CHUNK) {
        const rows = stmt.raw(true).all(JSON.stringify(rids.slice(i, i + CHUNK))) as unknown[][];
        for (const r of rows) sheet.addRow(toCells(r, texts));
        o.job?.report(Math.min(total, i + CHUNK), total);
        await sheet.drain();
      }
      o.job?.report(total, total, undefined, true);
      sheet.commit();
    },
    { createdAt: o.now ?? new Date() },
  );
  return total;
}

export const rosterFileName = (d = new Date()) => `职工花名册-${stamp(d)}.xlsx`;

/** The roster export as an output file for the host to deliver (the roster.export channel). */
export async function rosterExportFile(ctx: Ctx, q: Omit<WorkerQuery, 'page' | 'pageSize'>): Promise<FileRef> {
  return writeOutputFile(ctx.env.files, rosterFileName(), XLSX_MIME, (p) => writeRosterXlsx(ctx.store, q, p, { job: ctx.job }));
}

/**
 * The export as a Buffer (through a temporary file). Kept for callers that still want bytes (roster/handlers.ts and
 * the CLI today); new code should use rosterExportFile / writeRosterXlsx, which never hold the file in memory.
 */

// ---- the import's companions: a template to fill in, and the rows an import refuses ----

type Locale = 'zh-CN' | 'en';
const REQUIRED_FIELDS: readonly ImportField[] = ['empNo', 'name', 'gender'];

/** An empty roster with the importer's columns (identifiers as text, dates as dates) and a sheet explaining each. */
export async function writeImportTemplate(filePath: string, locale: Locale = 'zh-CN', now = new Date()): Promise<number> {
  return writeXlsxFile(
    filePath,
    async (w) => {
      const columns = IMPORT_FIELDS.map((f, i) => ({ ...ROSTER_COLUMNS[i]!, header: targetLabel(f, locale) }));
      const sheet = w.addSheet({ name: term('import.tpl.sheet', locale), columns, freezeColumns: 2, headerHeight: 20 });
      sheet.commit();
      const help = w.addSheet({
        name: term('import.tpl.helpSheet', locale),
        columns: [
          { header: term('import.tpl.column', locale), width: 22 },
          { header: term('import.tpl.required', locale), width: 8, align: 'center' },
          { header: term('import.tpl.accepts', locale), width: 90, wrap: true },
        ],
        autoFilter: false,
      });
      for (const f of IMPORT_FIELDS) {
        help.addRow([targetLabel(f, locale), REQUIRED_FIELDS.includes(f) ? term('import.tpl.yes', locale) : '', term(`import.tpl.${f}`, locale)]);
      }
      help.addRow([term('import.tpl.flags', locale), '', term('import.tpl.flagsHelp', locale)]);
      help.addRow([term('import.tpl.footer', locale), '', term('import.tpl.footerHelp', locale)]);
      help.commit();
    },
    { createdAt: now },
  );
}

export const templateFileName = (locale: Locale = 'zh-CN') => `${term('import.tpl.fileName', locale)}.xlsx`;

export async function importTemplateFile(ctx: Ctx, locale: Locale = 'zh-CN'): Promise<FileRef> {
  return writeOutputFile(ctx.env.files, templateFileName(locale), XLSX_MIME, (p) => writeImportTemplate(p, locale));
}

/** A problem as a sentence: 身份证号：身份证号校验位不正确. */
export function problemText(p: { field: string; message: string; params?: Record<string, string | number> }, locale: Locale = 'zh-CN'): string {
  return `${targetLabel(p.field, locale)}${term('import.fieldSep', locale)}${term(p.message, locale, p.params)}`;
}

/** The refused rows as a sheet: the file's row number, the file's own cells under its own header, and the reasons. */
export async function writeRejectedRows(
  filePath: string,
  rejected: ReturnType<typeof rejectedRows>,
  locale: Locale = 'zh-CN',
  now = new Date(),
): Promise<number> {
  return writeRejectedRowsXlsx(filePath, rejected, problemText, locale, now);
}

export async function rejectedRowsFile(ctx: Ctx, s: Session, locale: Locale = 'zh-CN'): Promise<FileRef> {
  const rejected = rejectedRows(ctx.store, s);
  const base = s.fileName.replace(/\.[^.]+$/, '');
  return writeOutputFile(ctx.env.files, `${base}-${term('import.rejected.suffix', locale)}.xlsx`, XLSX_MIME, (p) => writeRejectedRows(p, rejected, locale));
}
