// Hazard reads: the row mapping, one record with its photos/timeline/links, the paged ledger list (two steps: ids
// from an index, then rows), the export iterator and the reminders.
import { OPEN_STATUSES, addDays, allowedActions, majorActions, type HazardStatus } from '../../../shared/hazards/rules';
import type { HazardQuery } from '../../../shared/hazards/schemas';
import type { HazardDetail, HazardEvent, HazardMajor, HazardReminders, HazardRow } from '../../../shared/hazards/types';
import type { Page } from '../../../shared/kernel/types';
import type { Operator } from '../../../shared/operators/types';
import { holdsAnyRole, ROLE_SETS } from '../../../shared/roster/roles';
import { AppError } from '../../../shared/result';
import type { Store } from '../db/store';
import { ridsIn, rowsInOrder } from '../db/paging';
import { textHitsUpTo, textSearchCondition, textSearchIndex } from '../db/fts';
import { todayLocal } from '../util';
import { getAttachment } from '../attachments/service';
import { getUnit } from '../org/service';
import { getRules } from './settings';

export interface Row {
  rid: number;
  id: string;
  serial: string;
  found_at: string;
  found_date: string;
  finder_id: string | null;
  finder_name: string | null;
  source: HazardRow['source'];
  workshop_id: string | null;
  workshop_name: string | null;
  team_id: string | null;
  team_name: string | null;
  place: string | null;
  equipment: string | null;
  category1: HazardRow['category1'];
  category2: string | null;
  accident_type: HazardDetail['accidentType'];
  description: string;
  grade: HazardRow['grade'];
  lec_l: number | null;
  lec_e: number | null;
  lec_c: number | null;
  risk_d: number | null;
  risk: HazardRow['risk'];
  production_stop: HazardDetail['productionStop'];
  interim_measures: string | null;
  status: HazardStatus;
  responsible_id: string | null;
  responsible_name: string | null;
  measures: string | null;
  planned_funds: number | null;
  deadline: string | null;
  emergency_plan: string | null;
  governance_plan: string | null;
  actual_funds: number | null;
  rectification_note: string | null;
  submitted_by: string | null;
  submitted_by_name: string | null;
  submitted_at: string | null;
  accepted_by_name: string | null;
  accepted_at: string | null;
  closed_date: string | null;
  cancel_kind: HazardDetail['cancelKind'];
  cancel_reason: string | null;
  due_date: string | null;
  created_at: string;
  updated_at: string;
}

/** The row with its names; `indexedBy` pins the index hazards are read through. */
const rowSelect = (indexedBy?: string) => `SELECT h.*, f.name AS finder_name, ws.name AS workshop_name, t.name AS team_name, r.name AS responsible_name,
    sw.name AS submitted_by_name, aw.name AS accepted_by_name
  FROM hazards h${indexedBy ? ` INDEXED BY ${indexedBy}` : ''}
  LEFT JOIN workers f ON f.id = h.finder_id
  LEFT JOIN org_units ws ON ws.id = h.workshop_id
  LEFT JOIN org_units t ON t.id = h.team_id
  LEFT JOIN workers r ON r.id = h.responsible_id
  LEFT JOIN operators so ON so.id = h.submitted_by LEFT JOIN workers sw ON sw.id = so.worker_id
  LEFT JOIN operators ao ON ao.id = h.accepted_by LEFT JOIN workers aw ON aw.id = ao.worker_id`;
export const ROW_SELECT = rowSelect();

export function toRow(r: Row, today: string): HazardRow {
  return {
    id: r.id,
    serial: r.serial,
    foundAt: r.found_at,
    foundDate: r.found_date,
    finderId: r.finder_id,
    finderName: r.finder_name,
    source: r.source,
    workshopName: r.workshop_name,
    teamName: r.team_name,
    place: r.place,
    category1: r.category1,
    category2: r.category2,
    description: r.description,
    grade: r.grade,
    riskD: r.risk_d,
    risk: r.risk,
    status: r.status,
    responsibleName: r.responsible_name,
    deadline: r.deadline,
    dueDate: r.due_date,
    overdue: r.due_date !== null && r.due_date < today && (OPEN_STATUSES as string[]).includes(r.status),
    closedDate: r.closed_date,
    updatedAt: r.updated_at,
  };
}

export function findRow(store: Store, id: string): Row {
  const r = store.get<Row>(`${ROW_SELECT} WHERE h.id = ? AND h.deleted_at IS NULL`, [id]);
  if (!r) throw new AppError('NOT_FOUND', 'err.hazard.notFound', { id });
  return r;
}

export function events(store: Store, id: string): HazardEvent[] {
  return store
    .all<{ seq: number; at: string; actor_name: string; action: string; from_status: HazardStatus | null; to_status: HazardStatus | null; comment: string | null }>(
      'SELECT seq, at, actor_name, action, from_status, to_status, comment FROM hazard_events WHERE hazard_id = ? ORDER BY seq',
      [id],
    )
    .map((e) => ({ seq: e.seq, at: e.at, actorName: e.actor_name, action: e.action, fromStatus: e.from_status, toStatus: e.to_status, comment: e.comment }));
}

export function rulesActor(op: Operator) {
  return { roles: op.roles, isAdmin: op.isAdmin, workerId: op.workerId, operatorId: op.id };
}
export function isManager(op: Operator) {
  return holdsAnyRole(op, ROLE_SETS.safetyManagers);
}

export function getHazard(store: Store, id: string, op: Operator | null): HazardDetail {
  const r = findRow(store, id);
  const today = todayLocal();
  const photoRows = store.all<{ phase: 'before' | 'after'; attachment_id: string; created_at: string }>(
    'SELECT phase, attachment_id, created_at FROM hazard_photos WHERE hazard_id = ? AND deleted_at IS NULL ORDER BY created_at',
    [id],
  );
  const photos = photoRows.map((p) => ({ ...getAttachment(store, p.attachment_id), phase: p.phase }));
  const links = store.all<{ id: string; serial: string; description: string; status: HazardStatus }>(
    `SELECT h.id, h.serial, h.description, h.status FROM hazard_links l
     JOIN hazards h ON h.id = CASE WHEN l.a_id = ? THEN l.b_id ELSE l.a_id END
     WHERE (l.a_id = ? OR l.b_id = ?) AND l.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.serial_key`,
    [id, id, id],
  );
  const timeline = events(store, id);
  const major = r.grade === 'major' || store.get('SELECT 1 FROM hazard_major WHERE hazard_id = ?', [id]) ? majorOf(store, id) : null;
  const state = hazardState4Rules(r, major);
  return toDetail(r, today, {
    photos,
    events: timeline,
    links,
    allowedActions: op ? allowedActions(state, rulesActor(op)) : [],
    editable: op !== null && (OPEN_STATUSES as string[]).includes(r.status) && (isManager(op) || r.finder_id === op.workerId),
    major,
    majorActions: op ? majorActions({ status: r.status, grade: r.grade }, rulesActor(op)) : [],
    photoRounds: photoRounds(photoRows, timeline),
  });
}

/** What the workflow rules read of a hazard (shared/hazards/rules.ts refusal). */
export function hazardState4Rules(r: Pick<Row, 'status' | 'responsible_id' | 'submitted_by' | 'grade'>, major: HazardMajor | null) {
  return {
    status: r.status,
    responsibleId: r.responsible_id,
    submittedBy: r.submitted_by,
    grade: r.grade,
    majorReported: !!major?.reportedDate,
    majorEvaluated: major?.evaluationPassed === true,
  };
}

/**
 * Each after-photo's submission round: 1 + the submissions made before it was added (the photos sent with a
 * submission carry its time), so the photos of a rejected round and those of the accepted one are told apart.
 */
export function photoRounds(photos: { phase: string; attachment_id: string; created_at: string }[], timeline: HazardEvent[]): Record<string, number> {
  const submits = timeline.filter((e) => e.action === 'submit').map((e) => e.at);
  const out: Record<string, number> = {};
  for (const p of photos) {
    if (p.phase !== 'after') continue;
    const t = Date.parse(p.created_at);
    out[p.attachment_id] = 1 + submits.filter((at) => Date.parse(at) < t).length;
  }
  return out;
}

interface MajorRow {
  reported_date: string | null;
  report_body: string | null;
  report_doc_no: string | null;
  report_summary: string | null;
  supervised: number;
  supervision_body: string | null;
  supervision_doc_no: string | null;
  supervision_date: string | null;
  evaluation_date: string | null;
  evaluator_kind: HazardMajor['evaluatorKind'];
  evaluator: string | null;
  evaluation_conclusion: string | null;
  evaluation_passed: number | null;
}

/** A hazard's 重大隐患 record; every field empty when nothing was recorded yet. */
export function majorOf(store: Store, hazardId: string): HazardMajor {
  const m = store.get<MajorRow>('SELECT * FROM hazard_major WHERE hazard_id = ?', [hazardId]);
  return {
    reportedDate: m?.reported_date ?? null,
    reportBody: m?.report_body ?? null,
    reportDocNo: m?.report_doc_no ?? null,
    reportSummary: m?.report_summary ?? null,
    supervised: m?.supervised === 1,
    supervisionBody: m?.supervision_body ?? null,
    supervisionDocNo: m?.supervision_doc_no ?? null,
    supervisionDate: m?.supervision_date ?? null,
    evaluationDate: m?.evaluation_date ?? null,
    evaluatorKind: m?.evaluator_kind ?? null,
    evaluator: m?.evaluator ?? null,
    evaluationConclusion: m?.evaluation_conclusion ?? null,
    evaluationPassed: m?.evaluation_passed === null || m?.evaluation_passed === undefined ? null : m.evaluation_passed === 1,
  };
}

export type DetailExtras = Pick<HazardDetail, 'photos' | 'events' | 'links' | 'allowedActions' | 'editable'> &
  Partial<Pick<HazardDetail, 'major' | 'majorActions' | 'photoRounds'>>;

export function toDetail(r: Row, today: string, extras: DetailExtras): HazardDetail {
  return {
    ...toRow(r, today),
    workshopId: r.workshop_id,
    teamId: r.team_id,
    orgUnitId: r.team_id ?? r.workshop_id,
    equipment: r.equipment,
    accidentType: r.accident_type,
    productionStop: r.production_stop,
    interimMeasures: r.interim_measures,
    lec: r.lec_l !== null && r.lec_e !== null && r.lec_c !== null ? { l: r.lec_l, e: r.lec_e, c: r.lec_c } : null,
    responsibleId: r.responsible_id,
    measures: r.measures,
    plannedFunds: r.planned_funds,
    emergencyPlan: r.emergency_plan,
    governancePlan: r.governance_plan ? JSON.parse(r.governance_plan) : null,
    actualFunds: r.actual_funds,
    rectificationNote: r.rectification_note,
    submittedBy: r.submitted_by,
    submittedByName: r.submitted_by_name,
    submittedAt: r.submitted_at,
    acceptedByName: r.accepted_by_name,
    acceptedAt: r.accepted_at,
    cancelKind: r.cancel_kind,
    cancelReason: r.cancel_reason,
    createdAt: r.created_at,
    ...extras,
  };
}

const SORT_SQL: Record<HazardQuery['sortField'], string> = {
  serial: 'h.serial_key',
  foundAt: 'h.found_at',
  dueDate: 'h.due_date',
  riskD: 'h.risk_d',
  updatedAt: 'h.updated_at',
};

/** Counting stops at this many rows: a list or search matching more says "more than 10,000" (a full count of a common
 *  term's 160,000 hits took 130–370 ms at 1,000,000 hazards). Tests lower it through `ledgerCounting`. */
export const LEDGER_COUNT_CAP = 10_000;
export const ledgerCounting = { cap: LEDGER_COUNT_CAP };
/** Below this many matching rows the planner picks the index (a small set is sorted cheaply); above it the page is
 *  read by walking the sort order's own index, which holds every filter column (the planner, not knowing the LIMIT,
 *  would sort 20,000 open hazards fetched row by row — 50 ms at 1M — to show 100). */
const WALK_SORT_INDEX_FROM = 2_000;
const SORT_INDEX: Partial<Record<HazardQuery['sortField'], string>> = {
  serial: 'hazards_by_serial',
  foundAt: 'hazards_by_found',
  dueDate: 'hazards_by_due',
  riskD: 'hazards_by_risk',
};
const TEXT_INDEX = { fts: 'hazards_fts', grams: 'hazards_grams' };

export function buildHazardQuery(store: Store, q: Omit<HazardQuery, 'page' | 'pageSize'>, today = todayLocal()) {
  const where: string[] = ['h.deleted_at IS NULL'];
  const params: unknown[] = [];
  const openList = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  if (q.status === 'open') where.push(`h.status IN (${openList})`);
  else if (q.status !== 'all') {
    where.push('h.status = ?');
    params.push(q.status);
  }
  if (q.overdue) {
    where.push(`h.status IN (${openList}) AND h.due_date < ?`);
    params.push(today);
  }
  for (const [col, v] of [
    ['h.grade', q.grade],
    ['h.risk', q.risk],
    ['h.category1', q.category1],
    ['h.source', q.source],
    ['h.finder_id', q.finderId],
  ] as const) {
    if (v) {
      where.push(`${col} = ?`);
      params.push(v);
    }
  }
  const unit = q.orgUnitId ? getUnit(store, q.orgUnitId) : null;
  if (unit) {
    where.push(unit.kind === 'workshop' ? 'h.workshop_id = ?' : 'h.team_id = ?');
    params.push(unit.id);
  }
  // found_date is found_at's date part (normaliseFoundAt): the same range on found_at lets the found-at index seek to it
  if (q.from) {
    where.push('h.found_date >= ?', 'h.found_at >= ?');
    params.push(q.from, q.from);
  }
  if (q.to) {
    where.push('h.found_date <= ?', 'h.found_at < ?');
    params.push(q.to, `${q.to}~`); // '~' sorts after the 'T' of any time that day
  }
  const searching = q.search.trim() !== '';
  const scan = (s: string) => ({ sql: `(instr(h.description, ?) > 0 OR instr(coalesce(h.place, ''), ?) > 0 OR instr(h.serial, ?) > 0)`, params: [s, s, s] });
  // several words narrow together (灭火器 动火: both); each word also finds the hazards whose responsible person or
  // finder, workshop or team it names
  const terms = searchTerms(q.search);
  const filters = { where: where.join(' AND '), params: [...params] };
  const probeWhere = [filters.where];
  let textIndex: { table: string; phrase: string } | null = null;
  let hitSet: { sql: string; params: unknown[] } | null = null;
  const named = terms.map((term) => ({ term, index: textSearchIndex(term, TEXT_INDEX), people: nameMatch(store, term) }));
  if (named.length === 1 && named[0]!.people === null) {
    // one word naming nobody: the text index alone answers it (and its fast counting paths hold)
    const spec = { rowid: 'h.rid', ...TEXT_INDEX, scan };
    const text = textSearchCondition(terms[0]!, spec)!;
    where.push(text.sql);
    params.push(...text.params);
    probeWhere.push(textSearchCondition(terms[0]!, { ...spec, probe: true })!.sql);
    textIndex = named[0]!.index;
  } else if (named.length > 0) {
    // each word's hits — its text index, and the hazards of the people and units it names — intersected: one set,
    // built once, that the list reads like a text index's hits
    const sets: { sql: string; params: unknown[] }[] = [];
    for (const n of named) {
      if (!n.index && !n.people) {
        // a short word with punctuation: neither index holds it (and it names nobody), scan
        const c = scan(n.term);
        where.push(c.sql);
        params.push(...c.params);
        probeWhere.push(c.sql);
        filters.where += ` AND ${c.sql}`;
        filters.params.push(...c.params);
        continue;
      }
      const parts = [
        ...(n.index ? [{ sql: `SELECT rowid AS rid FROM ${n.index.table} WHERE ${n.index.table} MATCH ?`, params: [n.index.phrase] as unknown[] }] : []),
        ...(n.people ?? []),
      ];
      sets.push({ sql: `SELECT rid FROM (${parts.map((x) => x.sql).join(' UNION ')})`, params: parts.flatMap((x) => x.params) });
    }
    if (sets.length > 0) {
      hitSet = { sql: sets.map((x) => x.sql).join(' INTERSECT '), params: sets.flatMap((x) => x.params) };
      where.push(`h.rid IN (${hitSet.sql})`);
      params.push(...hitSet.params);
      probeWhere.push(`+h.rid IN (${hitSet.sql})`);
    }
  }
  const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
  const order = q.sortField === 'serial' ? `h.serial_key ${dir}` : `${SORT_SQL[q.sortField]} ${dir}, h.serial_key ${dir}`;
  return {
    where: where.join(' AND '),
    params,
    order,
    searching,
    /** the term's full-text index, when one word naming nobody is searched and that index answers it */
    textIndex,
    /** otherwise the search's hits as one set of hazard rids (several words, or words naming people or units) */
    hitSet,
    /** the WHERE with the text condition as a probe (same parameters as `where`) */
    probeWhere: probeWhere.join(' AND '),
    /** the index that walks the requested order (none for updatedAt) */
    sortIndex: SORT_INDEX[q.sortField] ?? null,
    /** the count from the precomputed monthly statistics, when every filter is one of their columns (exact, < 1 ms) */
    statsCount: () => statsCount(store, q, unit),
    /** the same for the filters without the search term */
    filterStatsCount: () => statsCount(store, { ...q, search: '' }, unit),
    /** the filters without the text condition */
    filters,
  };
}

/** The words of a ledger search (at most 8), each matched on its own. */
export function searchTerms(search: string): string[] {
  return search.trim().split(/\s+/u).filter(Boolean).slice(0, 8);
}

/** Above this many matching people or units the condition reads them through a subquery rather than a list. */
const NAME_LIST_MAX = 200;

/**
 * The hazards whose responsible person or finder, workshop or team a search word names, as rid sets to UNION with the
 * word's text hits (null when it names none): the people from the roster's own text index, the units (a short table)
 * by substring. Each set is read through an index of hazards (responsible, finder, workshop, team).
 */
function nameMatch(store: Store, term: string): { sql: string; params: unknown[] }[] | null {
  const parts: { sql: string; params: unknown[] }[] = [];
  const idx = textSearchIndex(term, { fts: 'workers_fts', grams: 'workers_grams' });
  const list = (ids: string[]) => ids.map(() => '?').join(', ');
  if (idx) {
    const sub = `SELECT w.id FROM workers w WHERE w.rid IN (SELECT rowid FROM ${idx.table} WHERE ${idx.table} MATCH ?) AND instr(w.name, ?) > 0`;
    const ids = store.all<{ id: string }>(`${sub} LIMIT ${NAME_LIST_MAX + 1}`, [idx.phrase, term]).map((r) => r.id);
    if (ids.length > NAME_LIST_MAX) {
      parts.push({ sql: `SELECT rid FROM hazards WHERE responsible_id IN (${sub})`, params: [idx.phrase, term] });
      parts.push({ sql: `SELECT rid FROM hazards WHERE finder_id IN (${sub})`, params: [idx.phrase, term] });
    } else if (ids.length > 0) {
      parts.push({ sql: `SELECT rid FROM hazards WHERE responsible_id IN (${list(ids)})`, params: ids });
      parts.push({ sql: `SELECT rid FROM hazards WHERE finder_id IN (${list(ids)})`, params: ids });
    }
  }
  const units = store.all<{ id: string; kind: string }>('SELECT id, kind FROM org_units WHERE instr(name, ?) > 0', [term]);
  const ws = units.filter((u) => u.kind === 'workshop').map((u) => u.id);
  const teams = units.filter((u) => u.kind !== 'workshop').map((u) => u.id);
  if (ws.length) parts.push({ sql: `SELECT rid FROM hazards WHERE workshop_id IN (${list(ws)})`, params: ws });
  if (teams.length) parts.push({ sql: `SELECT rid FROM hazards WHERE team_id IN (${list(teams)})`, params: teams });
  return parts.length ? parts : null;
}

/** Last day of a 'YYYY-MM' month. */
const monthEnd = (ym: string) => `${ym}-${String(new Date(Date.UTC(Number(ym.slice(0, 4)), Number(ym.slice(5, 7)), 0)).getUTCDate()).padStart(2, '0')}`;

/** hazard_month_stats holds, per month × workshop × status × grade × risk, the number of hazards not deleted (kept by
 *  triggers, see 002): a list filtered by those alone — whole months only — is counted there. */
function statsCount(store: Store, q: Omit<HazardQuery, 'page' | 'pageSize'>, unit: { kind: string; id: string } | null): number | null {
  if (q.search.trim() || q.overdue || q.category1 || q.source || q.finderId || (unit && unit.kind !== 'workshop')) return null;
  if (q.from && !q.from.endsWith('-01')) return null;
  if (q.to && q.to !== monthEnd(q.to.slice(0, 7))) return null;
  const where: string[] = ['n > 0'];
  const params: unknown[] = [];
  if (q.status === 'open') where.push(`status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  else if (q.status !== 'all') {
    where.push('status = ?');
    params.push(q.status);
  }
  if (q.grade) {
    where.push('grade = ?');
    params.push(q.grade);
  }
  if (q.risk) {
    where.push('risk = ?');
    params.push(q.risk);
  }
  if (unit) {
    where.push('workshop_id = ?');
    params.push(unit.id);
  }
  if (q.from) {
    where.push('month >= ?');
    params.push(q.from.slice(0, 7));
  }
  if (q.to) {
    where.push('month <= ?');
    params.push(q.to.slice(0, 7));
  }
  return store.get<{ n: number }>(`SELECT coalesce(sum(n), 0) AS n FROM hazard_month_stats WHERE ${where.join(' AND ')}`, params)!.n;
}

type HazardListBuild = Pick<ReturnType<typeof buildHazardQuery>, 'where' | 'order' | 'probeWhere' | 'sortIndex' | 'filters' | 'textIndex'> &
  Partial<Pick<ReturnType<typeof buildHazardQuery>, 'hitSet'>>;

/**
 * The statements of a ledger page (two steps like the roster: ids of the page from an index, then those rows):
 *   ids        the page's row ids, the planner choosing the index            (params: where, limit, offset)
 *   idsProbed  the same, a search tested row by row against its hit set     (params: where, limit, offset)
 *   idsInOrder the same, walking the sort order's index                      (params: where, limit, offset)
 *   idsCounted a small search's page with its exact total in the same pass   (params: where, limit, offset)
 *   count      the exact count                                              (params: where)
 *   countUpTo  the count, stopping at a cap                                  (params: where, cap)
 *   countHitsUpTo  a search's count from its hit list, stopping at a cap     (params: filters, cap)
 */
export function hazardListSql(b: HazardListBuild) {
  const walk = b.sortIndex ? `INDEXED BY ${b.sortIndex} ` : '';
  return {
    ids: `SELECT h.rid FROM hazards h WHERE ${b.where} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    idsProbed: `SELECT h.rid FROM hazards h WHERE ${b.probeWhere} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    idsInOrder: `SELECT h.rid FROM hazards h ${walk}WHERE ${b.probeWhere} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    idsCounted: `SELECT h.rid, count(*) OVER () AS n FROM hazards h WHERE ${b.where} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    rows: `${ROW_SELECT} WHERE ${ridsIn('h.rid')}`,
    count: `SELECT count(*) AS n FROM hazards h WHERE ${b.where}`,
    countUpTo: `SELECT count(*) AS n FROM (SELECT 1 FROM hazards h WHERE ${b.probeWhere} LIMIT ?)`,
    countHitsUpTo: b.textIndex
      ? `SELECT count(*) AS n FROM (SELECT 1 FROM ${b.textIndex.table} f CROSS JOIN hazards h ON h.rid = f.rowid
          WHERE f.${b.textIndex.table} MATCH ? AND ${b.filters.where} LIMIT ?)`
      : null,
  };
}

/**
 * A page of the ledger. The total is exact up to `cap` matching hazards; beyond it the page says `total: cap,
 * totalCapped: true` ("more than 10,000") — except where the monthly statistics count it exactly. How the page is found:
 *  - a search whose term the index holds at most `cap` times: from the hit set, counted exactly in the same pass;
 *  - otherwise (a search testing each row against its hit set, built once): counted — from the statistics, else up
 *    to the cap — then a small result (< 2,000) by the planner's choice of index, a larger one by walking the sort
 *    order's index and stopping after the page.
 */
export function listHazards(store: Store, q: HazardQuery, cap = ledgerCounting.cap): Page<HazardRow> {
  const today = todayLocal();
  const b = buildHazardQuery(store, q, today);
  const sql = hazardListSql(b);
  const limit = [q.pageSize, (q.page - 1) * q.pageSize];
  let ids: number[] | null = null;
  let total: number;
  let capped = false;
  const hitsSql = b.textIndex
    ? textHitsUpTo(b.textIndex, cap + 1)
    : b.hitSet
      ? { sql: `SELECT count(*) AS n FROM (${b.hitSet.sql} LIMIT ?)`, params: [...b.hitSet.params, cap + 1] }
      : null;
  const textHits = hitsSql ? store.get<{ n: number }>(hitsSql.sql, hitsSql.params)!.n : null;
  if (textHits !== null && textHits <= cap) {
    const hits = store.all<{ rid: number; n: number }>(sql.idsCounted, [...b.params, ...limit]);
    ids = hits.map((r) => r.rid);
    total = hits.length > 0 ? hits[0]!.n : store.get<{ n: number }>(sql.count, b.params)!.n;
  } else {
    const exact = b.statsCount();
    if (exact !== null) total = exact;
    else {
      // a common term under broad filters: read the hit list until cap + 1 pass (a hit set of 160,000 is not built);
      // under narrow filters: walk their index, testing each row against the hit set
      const broad = sql.countHitsUpTo !== null && (b.filterStatsCount() ?? 0) > 10 * cap;
      const n = broad
        ? store.get<{ n: number }>(sql.countHitsUpTo!, [b.textIndex!.phrase, ...b.filters.params, cap + 1])!.n
        : store.get<{ n: number }>(sql.countUpTo, [...b.params, cap + 1])!.n;
      capped = n > cap;
      total = capped ? cap : n;
    }
  }
  if (ids === null) ids = store.all<{ rid: number }>(total < WALK_SORT_INDEX_FROM ? sql.idsProbed : sql.idsInOrder, [...b.params, ...limit]).map((r) => r.rid);
  const page: Page<HazardRow> = { rows: rowsInOrder<Row, HazardRow>(store, sql.rows, ids, (r) => toRow(r, today)), total, page: q.page, pageSize: q.pageSize };
  return capped ? { ...page, totalCapped: true } : page;
}

export function reminders(store: Store, limit: number): HazardReminders {
  const today = todayLocal();
  const rules = getRules(store);
  const soon = addDays(today, rules.dueSoonDays);
  const open = `h.deleted_at IS NULL AND h.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  // walked in due order (the planner, seeing ~20,000 open hazards, would fetch and sort them all: 60 ms at 1M)
  const list = (cond: string, params: unknown[]) =>
    store.all<Row>(`${rowSelect('hazards_by_due')} WHERE ${open} AND ${cond} ORDER BY h.due_date, h.serial_key LIMIT ?`, [...params, limit]).map((r) => toRow(r, today));
  const count = (cond: string, params: unknown[]) => store.get<{ n: number }>(`SELECT count(*) AS n FROM hazards h WHERE ${open} AND ${cond}`, params)!.n;
  return {
    overdue: list('h.due_date < ?', [today]),
    dueSoon: list('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
    overdueCount: count('h.due_date < ?', [today]),
    dueSoonCount: count('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
  };
}


