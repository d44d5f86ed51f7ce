// Exposures per worker (health_exposures): which factor, in which post, from when to when. Added by hand, ended (post
// change), soft-deleted and restored; or made from the roster's free-text 接触职业病危害因素 through the factors' synonyms
// ("按花名册生成": start = hire date, post = the roster's post; a word no synonym matches, or more than one factor's, is
// listed and nothing is guessed). Every write rewrites the worker's plan in the same transaction.
import type { z } from 'zod';
import type { exposureAdd, exposureEnd, exposuresQuery } from '../../../../shared/health/plan/schemas';
import { normalizeWord } from '../../../../shared/health/plan/schemas';
import type { Exposure, ExposurePage, ExposureSource, FromRosterResult } from '../../../../shared/health/plan/types';
import { localToday } from '../../../../shared/kernel/schemas';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { refreshHealthDue } from './due';
import { assertHealthWriter } from './factors';

interface ExposureRow {
  id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  workshop_name: string | null;
  team_name: string | null;
  factor_id: string;
  factor_name: string;
  level_note: string | null;
  post: string | null;
  start_date: string;
  end_date: string | null;
  source: ExposureSource;
  note: string | null;
  updated_at: string;
  deleted_at: string | null;
}
const SELECT = `SELECT x.id, x.worker_id, w.emp_no, w.name, ws.name AS workshop_name, tm.name AS team_name, x.factor_id, f.name AS factor_name,
    f.level_note, x.post, x.start_date, x.end_date, x.source, x.note, x.updated_at, x.deleted_at
  FROM health_exposures x
  JOIN workers w ON w.id = x.worker_id
  JOIN health_factors f ON f.id = x.factor_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id`;
const toExposure = (r: ExposureRow): Exposure => ({
  id: r.id,
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  workshopName: r.workshop_name,
  teamName: r.team_name,
  factorId: r.factor_id,
  factorName: r.factor_name,
  factorLevel: r.level_note,
  post: r.post,
  startDate: r.start_date,
  endDate: r.end_date,
  source: r.source,
  note: r.note,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
});

const issue = (path: string, message = 'v.invalid') => ({ issues: [{ path, message }] });

/** Exposures by employee number and start; current (not ended by today), all, or the deleted ones. */
export function listExposures(store: Store, q: z.output<typeof exposuresQuery>, today = localToday()): ExposurePage {
  const search = q.search?.toLowerCase() ?? null;
  const where = `WHERE w.deleted_at IS NULL
      AND ${q.state === 'deleted' ? 'x.deleted_at IS NOT NULL' : 'x.deleted_at IS NULL'}
      ${q.state === 'current' ? 'AND (x.end_date IS NULL OR x.end_date >= :today)' : ''}
      AND (:workerId IS NULL OR x.worker_id = :workerId) AND (:factorId IS NULL OR x.factor_id = :factorId)
      AND (:workshopId IS NULL OR w.workshop_id = :workshopId) AND (:teamId IS NULL OR w.team_id = :teamId)
      AND (:search IS NULL OR instr(lower(w.name), :search) > 0 OR instr(lower(w.emp_no), :search) > 0)`;
  const p = { today, workerId: q.workerId ?? null, factorId: q.factorId ?? null, workshopId: q.workshopId ?? null, teamId: q.teamId ?? null, search };
  const total = store.get<{ n: number }>(`SELECT count(*) AS n FROM health_exposures x JOIN workers w ON w.id = x.worker_id ${where}`, p)!.n;
  const rows = store
    .all<ExposureRow>(`${SELECT} ${where} ORDER BY w.emp_no, x.start_date, f.sort_order LIMIT :limit OFFSET :offset`, {
      ...p,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    })
    .map(toExposure);
  return { rows, total };
}

export function getExposure(store: Store, id: string): Exposure {
  const r = store.get<ExposureRow>(`${SELECT} WHERE x.id = ?`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.health.exposureNotFound', { id });
  return toExposure(r);
}

/** Another live exposure of the worker to the factor whose period meets [start, end]. */
function overlapping(store: Store, workerId: string, factorId: string, start: string, end: string | null, exceptId: string | null) {
  return store.get<{ start_date: string }>(
    `SELECT start_date FROM health_exposures WHERE worker_id = ? AND factor_id = ? AND deleted_at IS NULL AND id IS NOT ?
       AND (end_date IS NULL OR end_date >= ?) AND (? IS NULL OR start_date <= ?)`,
    [workerId, factorId, exceptId, start, end, end],
  );
}

export function addExposure(store: Store, op: Operator, actor: Actor, d: z.output<typeof exposureAdd>): Exposure {
  assertHealthWriter(op);
  return store.tx(() => {
    const w = store.get<{ name: string }>(`SELECT name FROM workers WHERE id = ? AND deleted_at IS NULL`, [d.workerId]);
    if (!w) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: d.workerId, ...issue('workerId') });
    const f = store.get<{ name: string; deleted_at: string | null }>(`SELECT name, deleted_at FROM health_factors WHERE id = ?`, [d.factorId]);
    if (!f) throw new AppError('NOT_FOUND', 'err.health.factorNotFound', { id: d.factorId, ...issue('factorId') });
    if (f.deleted_at) throw new AppError('CONFLICT', 'err.health.factorDeleted', { name: f.name, ...issue('factorId', 'v.health.factorDeleted') });
    const o = overlapping(store, d.workerId, d.factorId, d.startDate, d.endDate, null);
    if (o) throw new AppError('CONFLICT', 'err.health.exposureOverlap', { name: w.name, factor: f.name, start: o.start_date, ...issue('startDate', 'v.health.exposureOverlap') });
    const now = nowIso();
    const id = uuidv7();
    store.run(
      `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, note, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'manual', ?, ?, ?)`,
      [id, d.workerId, d.factorId, d.post, d.startDate, d.endDate, d.note, now, now],
    );
    const after = getExposure(store, id);
    writeAudit(store, actor, { entity: 'health_exposure', entityId: id, action: 'create', after }, now);
    refreshHealthDue(store, [d.workerId]);
    return after;
  });
}

/** Ends an exposure (the worker left the post): from the day after, no periodic exam is planned for it. */
export function endExposure(store: Store, op: Operator, actor: Actor, d: z.output<typeof exposureEnd>): Exposure {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getExposure(store, d.id);
    if (before.deletedAt) throw new AppError('NOT_FOUND', 'err.health.exposureNotFound', { id: d.id });
    if (before.endDate) throw new AppError('CONFLICT', 'err.health.exposureEnded', { date: before.endDate });
    if (d.endDate < before.startDate) throw new AppError('VALIDATION', 'v.health.endBeforeStart', issue('endDate', 'v.health.endBeforeStart'));
    const now = nowIso();
    store.run(`UPDATE health_exposures SET end_date = ?, updated_at = ? WHERE id = ?`, [d.endDate, now, d.id]);
    const after = getExposure(store, d.id);
    writeAudit(store, actor, { entity: 'health_exposure', entityId: d.id, action: 'end', before, after }, now);
    refreshHealthDue(store, [before.workerId]);
    return after;
  });
}

/** Marks an exposure deleted (entered by mistake); it stays, and can be restored. */
export function deleteExposure(store: Store, op: Operator, actor: Actor, id: string): Exposure {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getExposure(store, id);
    if (before.deletedAt) throw new AppError('NOT_FOUND', 'err.health.exposureNotFound', { id });
    const now = nowIso();
    store.run(`UPDATE health_exposures SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    const after = getExposure(store, id);
    writeAudit(store, actor, { entity: 'health_exposure', entityId: id, action: 'delete', before, after }, now);
    refreshHealthDue(store, [before.workerId]);
    return after;
  });
}

export function restoreExposure(store: Store, op: Operator, actor: Actor, id: string): Exposure {
  assertHealthWriter(op);
  return store.tx(() => {
    const before = getExposure(store, id);
    if (!before.deletedAt) throw new AppError('NOT_FOUND', 'err.health.exposureNotFound', { id });
    const o = overlapping(store, before.workerId, before.factorId, before.startDate, before.endDate, id);
    if (o) throw new AppError('CONFLICT', 'err.health.exposureOverlap', { name: before.name, factor: before.factorName, start: o.start_date });
    const now = nowIso();
    store.run(`UPDATE health_exposures SET deleted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
    const after = getExposure(store, id);
    writeAudit(store, actor, { entity: 'health_exposure', entityId: id, action: 'restore', before, after }, now);
    refreshHealthDue(store, [before.workerId]);
    return after;
  });
}

/**
 * "按花名册生成": for every active worker, each word of the roster's 接触职业病危害因素 matched against the live factors'
 * synonyms (spaces removed, lower case; a factor's name counts when no synonym matches anywhere). A worker with a
 * current exposure to the factor is left as is. dryRun: counts only, nothing written. One audit entry for the batch.
 */
export function exposuresFromRoster(store: Store, op: Operator, actor: Actor, dryRun: boolean, today = localToday()): FromRosterResult {
  assertHealthWriter(op);
  const run = () => {
    const factors = store.all<{ id: string; name: string; synonyms: string }>(`SELECT id, name, synonyms FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order, rid`);
    const bySyn = new Map<string, string[]>();
    const byName = new Map<string, string[]>();
    for (const f of factors) {
      for (const s of JSON.parse(f.synonyms) as string[]) bySyn.set(s, [...(bySyn.get(s) ?? []), f.id]);
      const n = normalizeWord(f.name);
      byName.set(n, [...(byName.get(n) ?? []), f.id]);
    }
    const match = (word: string): string[] => bySyn.get(word) ?? byName.get(word) ?? [];
    const current = new Set(
      store
        .all<{ k: string }>(`SELECT worker_id || '|' || factor_id AS k FROM health_exposures WHERE deleted_at IS NULL AND (end_date IS NULL OR end_date >= ?)`, [today])
        .map((r) => r.k),
    );
    const unmatched = new Map<string, { workers: Set<string>; ambiguous: boolean }>();
    const res: FromRosterResult = { dryRun, created: 0, workers: 0, existing: 0, withoutHireDate: 0, unmatched: [] };
    const now = nowIso();
    const ins = store.stmt(
      `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, NULL, 'roster', NULL, ?, ?)`,
    );
    const touched: string[] = [];
    const ws = store.all<{ id: string; post: string | null; hire_date: string | null; hazard_factors: string }>(
      `SELECT id, post, hire_date, hazard_factors FROM workers WHERE deleted_at IS NULL AND status = 'active' AND hazard_factors <> '[]' ORDER BY emp_no`,
    );
    for (const w of ws) {
      let words: string[];
      try {
        words = (JSON.parse(w.hazard_factors) as unknown[]).filter((x): x is string => typeof x === 'string');
      } catch {
        continue;
      }
      let got = false;
      for (const raw of words) {
        const word = normalizeWord(raw);
        if (!word) continue;
        const ids = match(word);
        if (ids.length !== 1) {
          const u = unmatched.get(raw.trim()) ?? { workers: new Set<string>(), ambiguous: ids.length > 1 };
          u.workers.add(w.id);
          unmatched.set(raw.trim(), u);
          continue;
        }
        const key = `${w.id}|${ids[0]}`;
        if (current.has(key)) {
          res.existing++;
          continue;
        }
        current.add(key);
        res.created++;
        got = true;
        if (!w.hire_date) res.withoutHireDate++;
        if (!dryRun) ins.run(uuidv7(), w.id, ids[0], w.post, w.hire_date && w.hire_date <= today ? w.hire_date : today, now, now);
      }
      if (got) {
        res.workers++;
        touched.push(w.id);
      }
    }
    res.unmatched = [...unmatched].map(([word, u]) => ({ word, workers: u.workers.size, ambiguous: u.ambiguous })).sort((a, b) => b.workers - a.workers || a.word.localeCompare(b.word));
    if (!dryRun && res.created > 0) {
      writeAudit(store, actor, { entity: 'health_exposure', entityId: 'roster', action: 'fromRoster', after: { created: res.created, workers: res.workers } }, now);
      refreshHealthDue(store, touched, today);
    }
    return res;
  };
  return dryRun ? run() : store.tx(run);
}
