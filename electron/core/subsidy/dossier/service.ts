// The subsidy dossier of a year: read (the saved fields, photos and nominees with their record, the enterprise's own
// details, the accidents of the last three years, the photos to choose from), saved by the writers (one transaction:
// the dossier row and its nominees replaced, audited before → after; a refusal writes nothing), the role holders to
// nominate, and the PDF.
import { ACCIDENT_SEVERITIES, type AccidentSeverity } from '../../../../shared/wage/records/types';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { COMMITTEE_ROLES, holdsAnyRole } from '../../../../shared/roster/roles';
import { localToday } from '../../../../shared/kernel/schemas';
import type { DossierSave } from '../../../../shared/subsidy/dossier/schemas';
import { EMPTY_FIELDS, photoOtherYear, type AccidentLine, type Dossier, type DossierFields, type Nominee, type NomineeCandidate, type NomineeRole } from '../../../../shared/subsidy/dossier/types';
import { SUBSIDY_WRITERS } from '../../../../shared/subsidy/kinds';
import { getImage } from '../../attachments/service';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { getEnterprise } from '../../enterprise/service';
import { nowIso, uuidv7 } from '../../util';
import { nomineeRecords, photoSources, rolesOf, toCandidate, WORKER_SELECT, yearPhotoIds, type WorkerRow } from './records';

interface DossierRow {
  id: string;
  year: number;
  fields: string;
  photo_ids: string;
  updated_at: string;
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** accidents of the year and the two before it, newest first */
export function accidentsOf(store: Store, year: number): Dossier['accidents'] {
  const from = `${year - 2}-01-01`;
  const to = `${year}-12-31`;
  const list = store.all<AccidentLine>(
    `SELECT date, place, severity, description FROM wage_accidents WHERE deleted_at IS NULL AND date BETWEEN ? AND ? ORDER BY date DESC, rid DESC`,
    [from, to],
  );
  const bySeverity = Object.fromEntries(ACCIDENT_SEVERITIES.map((s) => [s, 0])) as Record<AccidentSeverity, number>;
  for (const a of list) bySeverity[a.severity]++;
  return { from, to, total: list.length, bySeverity, list };
}

function nomineesOf(store: Store, dossierId: string, year: number): Nominee[] {
  const rows = store.all<WorkerRow & { role: NomineeRole; reason: string | null }>(
    `SELECT n.role, n.reason, x.* FROM subsidy_nominees n JOIN (${WORKER_SELECT}) x ON x.id = n.worker_id WHERE n.dossier_id = ? ORDER BY n.sort_order, x.emp_no`,
    [dossierId],
  );
  const records = nomineeRecords(
    store,
    year,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...toCandidate(r, records.get(r.id)!),
    role: r.role,
    reason: r.reason,
    stale: r.deleted_at !== null || r.status !== 'active' || !rolesOf(r).includes(r.role),
  }));
}

/** The dossier of a year as saved (or empty, id null, before its first save). */
/** `yearPhotos`: the year's activity and wall photos when the caller has read them already */
export function getDossier(store: Store, year: number, today: string = localToday(), yearPhotos?: readonly string[]): Dossier {
  const row = store.get<DossierRow>(`SELECT id, year, fields, photo_ids, updated_at FROM subsidy_dossiers WHERE year = ?`, [year]);
  const photoIds = row ? parseJson<string[]>(row.photo_ids, []) : [];
  yearPhotos ??= yearPhotoIds(store, year, today);
  const live = new Set(store.all<{ id: string }>(`SELECT id FROM attachments WHERE id IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`, [JSON.stringify([...yearPhotos, ...photoIds])]).map((r) => r.id));
  // the chosen ones first, in their order (the PDF's), then the year's others
  const photoChoices = [...new Set([...photoIds, ...yearPhotos])].filter((id) => live.has(id));
  return {
    year,
    id: row?.id ?? null,
    enterprise: getEnterprise(store),
    fields: row ? { ...EMPTY_FIELDS, ...parseJson<Partial<DossierFields>>(row.fields, {}) } : { ...EMPTY_FIELDS },
    photoIds: photoIds.filter((id) => live.has(id)),
    photoChoices,
    photoSources: Object.fromEntries(photoSources(store, photoChoices, year)),
    nominees: row ? nomineesOf(store, row.id, year) : [],
    accidents: accidentsOf(store, year),
    updatedAt: row?.updated_at ?? null,
  };
}

/** what the audit log keeps of a dossier */
const auditView = (d: Dossier) => ({ year: d.year, fields: d.fields, photoIds: d.photoIds, nominees: d.nominees.map((n) => ({ workerId: n.workerId, name: n.name, role: n.role, reason: n.reason })) });

export function assertWriter(op: Operator): void {
  if (!holdsAnyRole(op, SUBSIDY_WRITERS)) throw new AppError('FORBIDDEN', 'err.subsidy.notWriter');
}

/** Saves the year's dossier: the fields, the photos chosen, the nominees (replaced as a whole, in the order given). */
export function saveDossier(store: Store, op: Operator, actor: Actor, d: DossierSave): Dossier {
  assertWriter(op);
  return store.tx(() => {
    d.photoIds.forEach((id, i) => getImage(store, id, `photoIds.${i}`));
    // only the year's photos: one showing an activity or wall update of another year (and none of this one) is refused
    const sources = photoSources(store, d.photoIds, d.year);
    d.photoIds.forEach((id, i) => {
      const src = sources.get(id);
      if (photoOtherYear(src, d.year))
        throw new AppError('VALIDATION', 'err.subsidy.photoOtherYear', { n: i + 1, date: src!.kind === 'upload' ? '' : src!.date, year: d.year, issues: [{ path: `photoIds.${i}`, message: 'v.subsidy.photoOtherYear' }] });
    });
    d.nominees.forEach((n, i) => {
      const w = store.get<WorkerRow>(`${WORKER_SELECT} WHERE w.id = ? AND w.deleted_at IS NULL`, [n.workerId]);
      const path = `nominees.${i}.workerId`;
      if (!w) throw new AppError('NOT_FOUND', 'err.subsidy.nomineeUnknown', { id: n.workerId, issues: [{ path, message: 'v.invalid' }] });
      if (w.status !== 'active') throw new AppError('VALIDATION', 'err.subsidy.nomineeLeft', { name: w.name, issues: [{ path, message: 'v.invalid' }] });
      if (!rolesOf(w).includes(n.role)) throw new AppError('VALIDATION', 'err.subsidy.nomineeNoRole', { name: w.name, role: `@role.${n.role}`, issues: [{ path: `nominees.${i}.role`, message: 'v.invalid' }] });
    });
    const now = nowIso();
    const fields: DossierFields = { contactName: d.contactName, contactPhone: d.contactPhone, leadership: d.leadership, summary: d.summary, amountFen: d.amountYuan };
    const existing = store.get<{ id: string }>(`SELECT id FROM subsidy_dossiers WHERE year = ?`, [d.year]);
    // the year's photos are read once for the dossier before and after
    const today = localToday();
    const yearPhotos = yearPhotoIds(store, d.year, today);
    const before = existing ? getDossier(store, d.year, today, yearPhotos) : null;
    const id = existing?.id ?? uuidv7();
    if (existing) store.run(`UPDATE subsidy_dossiers SET fields = ?, photo_ids = ?, updated_at = ? WHERE id = ?`, [JSON.stringify(fields), JSON.stringify(d.photoIds), now, id]);
    else
      store.run(`INSERT INTO subsidy_dossiers (id, year, fields, photo_ids, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)`, [
        id,
        d.year,
        JSON.stringify(fields),
        JSON.stringify(d.photoIds),
        now,
        now,
      ]);
    store.run(`DELETE FROM subsidy_nominees WHERE dossier_id = ?`, [id]);
    d.nominees.forEach((n, i) =>
      store.run(`INSERT INTO subsidy_nominees (dossier_id, worker_id, role, reason, sort_order, created_at) VALUES (?, ?, ?, ?, ?, ?)`, [id, n.workerId, n.role, n.reason, i, now]),
    );
    const after = getDossier(store, d.year, today, yearPhotos);
    writeAudit(store, actor, { entity: 'subsidy_dossier', entityId: id, action: existing ? 'update' : 'create', before: before ? auditView(before) : undefined, after: auditView(after) }, now);
    return after;
  });
}

/** The active workers the roster gives `role`, with their record of the year (at most 200, by 工号). */
export function nomineeCandidates(store: Store, q: { year: number; role: NomineeRole; search: string | null }): NomineeCandidate[] {
  const bit = 1 << COMMITTEE_ROLES.indexOf(q.role);
  const s = q.search?.toLowerCase() ?? null;
  const rows = store.all<WorkerRow>(
    `${WORKER_SELECT} WHERE w.deleted_at IS NULL AND w.status = 'active' AND (w.role_mask & ?) <> 0
       AND (? IS NULL OR instr(lower(w.name), ?) > 0 OR instr(lower(w.emp_no), ?) > 0) ORDER BY w.emp_no LIMIT 200`,
    [bit, s, s, s],
  );
  const records = nomineeRecords(
    store,
    q.year,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCandidate(r, records.get(r.id)!));
}
