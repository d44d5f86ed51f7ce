// The clinic's exam sheet imported like the wage records: the file read once into a session; a plan reads every row
// (who by 工号, 身份证号 or a name that is unique; date, institution and kind from their columns or the dialog's
// defaults; the factors against the interval table; the conclusion with its fields) and writes nothing; the commit
// writes the plan's rows in one transaction through the exams service (same checks, same audit), so a failure anywhere
// — or a cancel — leaves the store as it was. The same batch (date + institution + kind) imported again updates its
// exams instead of adding them twice.
import { examInput, MIN_EXAM_DATE, needsFactor } from '../../../../shared/health/exams/schemas';
import { matchFactor, parseConclusion, parseExamKind, parseYesNo, splitList, type FactorKey } from '../../../../shared/health/exams/parse';
import { EXAM_IMPORT_FIELDS, MAX_EXAM_IMPORT_ROWS, type ExamImportDefaults, type ExamImportField, type ExamImportMapping, type ExamImportParsed, type ExamImportPreview, type ExamImportResult, type ExamImportRowReport } from '../../../../shared/health/exams/types';
import type { ExamKind } from '../../../../shared/health/kinds';
import { localToday } from '../../../../shared/kernel/schemas';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { halfWidth, normalizeName, parseLooseDate } from '../../../../shared/roster/normalize';
import type { Actor } from '../../audit';
import type { Store } from '../../db/store';
import { footerOf, HEADER_SCAN_ROWS } from '../../documents/importHeaders';
import type { Table } from '../../documents/tabular';
import type { ProgressReporter } from '../../kernel/jobs';
import { lookups, same, schemaProblems, type Problem } from '../../wage/imports/lookups';
import { clean } from '../../wage/imports/rows';
import { examFieldLabel, EXAM_MATCHER } from './importHeaders';
import { assertHealthWriter, createBatch, sameBatch, saveExams } from './service';

export interface ExamSession {
  id: string;
  fileName: string;
  table: Table;
  headerRow: number; // 0-based
  header: string[];
  mapping: ExamImportMapping;
  defaults: ExamImportDefaults;
  createdAt: number;
}

export class ExamImportSessions {
  private sessions = new Map<string, ExamSession>();
  static readonly TTL_MS = 60 * 60 * 1000;

  open(id: string, fileName: string, table: Table, opts: { mapping?: ExamImportMapping; defaults?: ExamImportDefaults }): ExamSession {
    this.expire();
    const headerRow = EXAM_MATCHER.findHeaderRow(table);
    if (headerRow < 0) throw new AppError('BAD_FILE', 'err.health.exam.import.noHeader');
    let rows = 0;
    for (let r = headerRow + 1; r < table.length; r++) if (table[r]!.some((c) => c !== '')) rows++;
    if (rows > MAX_EXAM_IMPORT_ROWS) throw new AppError('BAD_FILE', 'err.health.exam.import.tooManyRows', { rows, max: MAX_EXAM_IMPORT_ROWS });
    const header = EXAM_MATCHER.headerCells(table, headerRow);
    const s: ExamSession = { id, fileName, table, headerRow, header, mapping: opts.mapping ?? EXAM_MATCHER.autoMapping(header), defaults: opts.defaults ?? {}, createdAt: Date.now() };
    this.sessions.set(id, s);
    while (this.sessions.size > 5) this.sessions.delete(this.sessions.keys().next().value!);
    return s;
  }
  get(id: string): ExamSession {
    this.expire();
    const s = this.sessions.get(id);
    if (!s) throw new AppError('NOT_FOUND', 'err.import.expired');
    return s;
  }
  setHeaderRow(s: ExamSession, row: number, mapping?: ExamImportMapping): void {
    if (row < 1 || row > s.table.length) throw new AppError('VALIDATION', 'err.import.badHeaderRow', { row, rows: s.table.length });
    s.headerRow = row - 1;
    s.header = EXAM_MATCHER.headerCells(s.table, s.headerRow);
    s.mapping = mapping ?? EXAM_MATCHER.autoMapping(s.header);
  }
  cancel(id: string): boolean {
    return this.sessions.delete(id);
  }
  private expire() {
    const now = Date.now();
    for (const [k, s] of this.sessions) if (now - s.createdAt > ExamImportSessions.TTL_MS) this.sessions.delete(k);
  }
}

interface PlannedExam {
  rowNumber: number;
  report: ExamImportRowReport;
  write: { batch: { date: string; institution: string; kind: ExamKind }; exam: ReturnType<typeof examInput.parse> } | null;
}
interface Plan {
  preview: ExamImportPreview;
  rows: PlannedExam[];
}

const has = (s: ExamSession, f: ExamImportField) => s.mapping[f] !== undefined && s.mapping[f] !== null;
function missingColumns(s: ExamSession): ExamImportField[] {
  const out: ExamImportField[] = [];
  if (!has(s, 'empNo') && !has(s, 'idCard') && !has(s, 'name')) out.push('empNo');
  if (!has(s, 'date') && !s.defaults.date) out.push('date');
  if (!has(s, 'institution') && !s.defaults.institution) out.push('institution');
  if (!has(s, 'kind') && !s.defaults.kind) out.push('kind');
  if (!has(s, 'conclusion')) out.push('conclusion');
  return out;
}

const batchKey = (b: { date: string; institution: string; kind: string }) => JSON.stringify([b.date, b.institution, b.kind]);

export function planExamImport(store: Store, s: ExamSession): Plan {
  for (const [f, i] of Object.entries(s.mapping)) {
    if (i !== null && i !== undefined && i >= s.header.length) throw new AppError('VALIDATION', 'err.import.badMapping', { field: examFieldLabel(f), column: i + 1 });
  }
  const look = lookups(store);
  const byIdCard = new Map(store.all<{ id: string; id_card: string; emp_no: string; name: string }>(`SELECT id, id_card, emp_no, name FROM workers WHERE id_card IS NOT NULL AND deleted_at IS NULL`).map((w) => [w.id_card.toUpperCase(), { id: w.id, empNo: w.emp_no, name: w.name }]));
  const factors: FactorKey[] = store
    .all<{ id: string; code: string; name: string; level_note: string | null; synonyms: string }>(`SELECT id, code, name, level_note, synonyms FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order, rid`)
    .map((f) => ({ id: f.id, code: f.code, name: f.name, levelNote: f.level_note, synonyms: JSON.parse(f.synonyms) as string[] }));
  const batches = new Map<string, string>();
  for (const b of store.all<{ id: string; date: string; institution: string; kind: string }>(`SELECT id, date, institution, kind FROM health_exam_batches WHERE deleted_at IS NULL`)) batches.set(batchKey(b), b.id);
  const existing = new Map<string, { factorIds: string[]; conclusion: string; recheckItems: string | null; recheckDue: string | null; contraindication: string | null; detail: string | null; screening: boolean; deleted: boolean }>();
  for (const e of store.all<{ batch_id: string; worker_id: string; factor_ids: string; conclusion: string; recheck_items: string | null; recheck_due: string | null; contraindication: string | null; detail: string | null; screening: number; deleted_at: string | null }>(
    `SELECT e.batch_id, e.worker_id, e.factor_ids, e.conclusion, e.recheck_items, e.recheck_due, e.contraindication, e.detail, e.screening, e.deleted_at
     FROM health_exams e JOIN health_exam_batches b ON b.id = e.batch_id WHERE b.deleted_at IS NULL`,
  )) {
    existing.set(`${e.batch_id}\u0000${e.worker_id}`, { factorIds: JSON.parse(e.factor_ids) as string[], conclusion: e.conclusion, recheckItems: e.recheck_items, recheckDue: e.recheck_due, contraindication: e.contraindication, detail: e.detail, screening: e.screening === 1, deleted: e.deleted_at !== null });
  }
  const today = localToday();
  const skippedRows: ExamImportPreview['skippedRows'] = [];
  const seen = new Map<string, number>();
  const rows: PlannedExam[] = [];
  const keyCol = s.mapping.empNo ?? s.mapping.idCard ?? s.mapping.name ?? -1;
  for (let r = s.headerRow + 1; r < s.table.length; r++) {
    const cells = s.table[r]!;
    if (cells.every((c) => c === '')) continue;
    const rowNumber = r + 1;
    const keyCell = keyCol >= 0 ? (cells[keyCol] ?? '') : '';
    if (keyCol >= 0 && keyCell === s.header[keyCol]) {
      skippedRows.push({ rowNumber, reason: 'header', text: cells.filter(Boolean).join(' ').slice(0, 80) });
      continue;
    }
    const footer = footerOf(cells, keyCell);
    if (footer !== null) {
      skippedRows.push({ rowNumber, reason: 'footer', text: footer.slice(0, 80) });
      continue;
    }
    const get = (f: ExamImportField) => {
      const i = s.mapping[f];
      return i === undefined || i === null ? '' : clean(cells[i] ?? '');
    };
    const problems: Problem[] = [];
    // who: 工号 first, then 身份证号, then a name the roster has once
    const empNo = halfWidth(get('empNo')).trim();
    const idCard = halfWidth(get('idCard')).trim().toUpperCase();
    const name = normalizeName(get('name'));
    let w: { id: string; empNo: string; name: string } | null = null;
    if (empNo) w = look.workerOf(empNo, name, 'empNo', problems);
    else if (idCard) {
      w = byIdCard.get(idCard) ?? null;
      if (!w) problems.push({ field: 'idCard', message: 'v.health.exam.import.unknownIdCard', params: { idCard: `${idCard.slice(0, 6)}…${idCard.slice(-4)}` } });
      else if (name && name !== w.name) {
        problems.push({ field: 'name', message: 'v.health.exam.import.idCardName', params: { name: w.name } });
        w = null;
      }
    } else if (name) w = look.workerOf('', name, 'name', problems);
    else problems.push({ field: 'empNo', message: 'v.health.exam.import.noWho' });

    const rawDate = get('date');
    const d = rawDate ? parseLooseDate(rawDate) : (s.defaults.date ?? null);
    if (d === 'bad') problems.push({ field: 'date', message: 'v.date' });
    else if (d === null) problems.push({ field: 'date', message: 'v.required' });
    else if (d > today) problems.push({ field: 'date', message: 'v.futureDate' });
    else if (d < MIN_EXAM_DATE) problems.push({ field: 'date', message: 'v.health.exam.dateTooOld' });
    const institution = normalizeName(get('institution')) || s.defaults.institution || '';
    if (!institution) problems.push({ field: 'institution', message: 'v.required' });
    const rawKind = get('kind');
    const k = rawKind ? parseExamKind(rawKind) : (s.defaults.kind ?? null);
    if (k === 'bad') problems.push({ field: 'kind', message: 'v.health.exam.import.kind' });
    else if (k === null) problems.push({ field: 'kind', message: 'v.required' });
    const factorIds: string[] = [];
    const factorLabels: string[] = [];
    const unknown: string[] = [];
    for (const word of splitList(get('factors'))) {
      if (/^(无|没有|none|-)$/i.test(word)) continue;
      const f = matchFactor(word, factors);
      if (!f) unknown.push(word);
      else if (!factorIds.includes(f.id)) {
        factorIds.push(f.id);
        factorLabels.push(f.levelNote ? `${f.name}（${f.levelNote}）` : f.name);
      }
    }
    if (unknown.length) problems.push({ field: 'factors', message: 'v.health.exam.import.unknownFactor', params: { names: unknown.join('、') } });
    else if (factorIds.length === 0 && k && k !== 'bad' && needsFactor(k)) problems.push({ field: 'factors', message: 'v.health.exam.needFactor' });
    const c = parseConclusion(get('conclusion'));
    if (c === 'bad') problems.push({ field: 'conclusion', message: 'v.health.exam.import.conclusion' });
    else if (c === null) problems.push({ field: 'conclusion', message: 'v.required' });
    const detailCol = get('detail') || null;
    const itemsCol = get('recheckItems') || null;
    const dueRaw = get('recheckDue');
    let dueCol: string | null = null;
    if (dueRaw) {
      const p = parseLooseDate(dueRaw);
      if (p === 'bad') problems.push({ field: 'recheckDue', message: 'v.date' });
      else dueCol = p;
    }
    const scr = parseYesNo(get('screening'));
    if (scr === 'bad') problems.push({ field: 'screening', message: 'v.health.exam.import.yesNo' });
    const conclusion = c && c !== 'bad' ? c : null;
    const data = {
      workerId: w?.id ?? '',
      factorIds,
      conclusion: conclusion?.conclusion ?? ('' as never),
      recheckItems: conclusion?.recheckItems ?? itemsCol,
      recheckDue: conclusion?.recheckDue ?? dueCol,
      contraindication: conclusion?.contraindication ?? (conclusion?.conclusion === 'contraindication' ? detailCol : null),
      detail: conclusion?.detail && conclusion.conclusion !== 'other' ? conclusion.detail : (detailCol ?? conclusion?.detail ?? null),
      screening: scr === true && k === 'women',
    };
    let exam: ReturnType<typeof examInput.parse> | null = null;
    if (problems.length === 0) {
      const p = examInput.safeParse(data);
      if (p.success) exam = p.data;
      else schemaProblems(p.error, problems);
    }
    const date = d && d !== 'bad' ? d : '';
    const kind = k && k !== 'bad' ? k : null;
    if (exam && exam.recheckDue && exam.recheckDue < date) problems.push({ field: 'recheckDue', message: 'v.health.exam.recheckBeforeExam', params: { date } });
    const batch = kind ? { date, institution, kind } : null;
    const batchId = batch ? batches.get(batchKey(batch)) : undefined;
    if (w && batch) {
      const key = `${batchKey(batch)}\u0000${w.id}`;
      const prev = seen.get(key);
      if (prev) problems.push({ field: 'empNo', message: 'v.health.exam.import.dupRow', params: { row: prev } });
      else seen.set(key, rowNumber);
    }
    const before = batchId && w ? existing.get(`${batchId}\u0000${w.id}`) : undefined;
    const changes: string[] = [];
    if (before && exam) {
      if (before.deleted) changes.push('deleted');
      for (const f of ['factorIds', 'conclusion', 'recheckItems', 'recheckDue', 'contraindication', 'detail', 'screening'] as const) if (!same(before[f], exam[f])) changes.push(f);
    }
    const parsed: ExamImportParsed = { date: date || undefined, institution: institution || undefined, kind: kind ?? undefined, factors: factorLabels };
    if (conclusion) Object.assign(parsed, { conclusion: conclusion.conclusion, recheckItems: data.recheckItems, recheckDue: data.recheckDue, contraindication: data.contraindication, detail: data.detail });
    if (k === 'women') parsed.screening = data.screening;
    const action: ExamImportRowReport['action'] = problems.length ? 'invalid' : !before ? 'create' : changes.length ? 'update' : 'unchanged';
    const who = w ? `${w.empNo} ${w.name}` : [empNo, name].filter(Boolean).join(' ') || (idCard ? `${idCard.slice(0, 6)}…` : '');
    const report: ExamImportRowReport = { rowNumber, who, action, problems, parsed };
    if (before && action !== 'invalid') report.changes = changes;
    rows.push({ rowNumber, report, write: (action === 'create' || action === 'update') && batch && exam ? { batch, exam } : null });
  }
  const counts = { total: rows.length, create: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of rows) counts[r.report.action]++;
  const byBatch = new Map<string, ExamImportPreview['batches'][number]>();
  for (const r of rows) {
    const p = r.report.parsed;
    if (r.report.action === 'invalid' || !p?.date || !p.institution || !p.kind) continue;
    const b = { date: p.date, institution: p.institution, kind: p.kind };
    const key = batchKey(b);
    const x = byBatch.get(key) ?? { ...b, rows: 0, existing: batches.has(key) };
    x.rows++;
    byBatch.set(key, x);
  }
  const headerCandidates: ExamImportPreview['headerCandidates'] = [];
  for (let i = 0; i < Math.min(s.table.length, HEADER_SCAN_ROWS); i++) {
    const cells = (s.table[i] ?? []).filter((c) => c !== '');
    if (cells.length > 0) headerCandidates.push({ row: i + 1, cells: cells.slice(0, 8).map((c) => c.slice(0, 20)), matches: EXAM_MATCHER.rowMatches(s.table[i]) });
  }
  return {
    rows,
    preview: {
      importId: s.id,
      fileName: s.fileName,
      headerRow: s.headerRow + 1,
      columns: s.header.map((header, index) => ({ index, header })),
      mapping: s.mapping,
      fields: [...EXAM_IMPORT_FIELDS],
      missingRequired: missingColumns(s),
      defaults: s.defaults,
      rows: rows.map((r) => r.report),
      counts,
      batches: [...byBatch.values()],
      headerCandidates,
      skippedRows,
    },
  };
}

/** The rows the plan refuses, with the file's own cells, for the rejected-rows sheet. */
export function rejectedExamRows(store: Store, s: ExamSession): { header: string[]; rows: { rowNumber: number; cells: string[]; problems: Problem[] }[] } {
  const { rows } = planExamImport(store, s);
  return { header: s.header, rows: rows.filter((r) => r.report.action === 'invalid').map((r) => ({ rowNumber: r.rowNumber, cells: s.table[r.rowNumber - 1] ?? [], problems: r.report.problems })) };
}

/** Every planned row in one transaction: a batch found or made for each date + institution + kind, its exams saved. */
export function commitExamImport(store: Store, op: Operator, actor: Actor, s: ExamSession, opts: { skipInvalid: boolean; job?: ProgressReporter }): ExamImportResult {
  assertHealthWriter(op);
  return store.tx(() => {
    const { preview, rows } = planExamImport(store, s);
    if (preview.missingRequired.length) {
      throw new AppError('VALIDATION', 'err.health.exam.import.missingColumns', { columns: preview.missingRequired.map((f) => examFieldLabel(f)).join('、'), missing: preview.missingRequired });
    }
    if (preview.counts.invalid > 0 && !opts.skipInvalid) {
      throw new AppError('VALIDATION', 'err.health.exam.import.invalidRows', { count: preview.counts.invalid, invalidRows: preview.rows.filter((r) => r.action === 'invalid').map((r) => r.rowNumber).slice(0, 100) });
    }
    const groups = new Map<string, { batch: { date: string; institution: string; kind: ExamKind }; rows: PlannedExam[] }>();
    for (const r of rows) {
      if (!r.write) continue;
      const k = batchKey(r.write.batch);
      const g = groups.get(k) ?? { batch: r.write.batch, rows: [] };
      g.rows.push(r);
      groups.set(k, g);
    }
    let created = 0;
    let updated = 0;
    let done = 0;
    const total = rows.length;
    const batchIds: string[] = [];
    for (const g of groups.values()) {
      const batchId = sameBatch(store, g.batch)?.id ?? createBatch(store, op, actor, { ...g.batch, reportId: null, note: null }, { source: 'import', fileName: s.fileName }).id;
      batchIds.push(batchId);
      for (let i = 0; i < g.rows.length; i += 200) {
        const part = g.rows.slice(i, i + 200);
        // a cancel throws here, inside the transaction: nothing is written
        opts.job?.report(done, total, 'job.writing');
        try {
          saveExams(store, op, actor, { batchId, exams: part.map((r) => r.write!.exam) });
        } catch (e) {
          if (e instanceof AppError) throw new AppError(e.code, e.message, { ...e.details, rowNumber: part[0]!.rowNumber });
          throw e;
        }
        done += part.length;
        for (const r of part) {
          if (r.report.action === 'update') updated++;
          else created++;
        }
      }
    }
    return { created, updated, unchanged: preview.counts.unchanged, skipped: preview.counts.invalid, batchIds };
  });
}
