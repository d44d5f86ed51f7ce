// Hazard reads: the row mapping, one record with its photos/timeline/links, the paged ledger list (two steps: ids
// from an index, then rows), the export iterator and the reminders.
import { OPEN_STATUSES, addDays, allowedActions, type HazardStatus } from '../../../shared/hazards/rules';
import type { HazardQuery } from '../../../shared/hazards/schemas';
import type { HazardDetail, HazardEvent, HazardReminders, HazardRow } from '../../../shared/hazards/types';
import type { Page } from '../../../shared/kernel/types';
import type { Operator } from '../../../shared/operators/types';
import { holdsAnyRole, ROLE_SETS } from '../../../shared/roster/roles';
import { AppError } from '../../../shared/result';
import type { Store } from '../db/store';
import { textSearchCondition } from '../db/fts';
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

export const ROW_SELECT = `SELECT h.*, f.name AS finder_name, ws.name AS workshop_name, t.name AS team_name, r.name AS responsible_name,
    sw.name AS submitted_by_name, aw.name AS accepted_by_name
  FROM hazards h
  LEFT JOIN workers f ON f.id = h.finder_id
  LEFT JOIN org_units ws ON ws.id = h.workshop_id
  LEFT JOIN org_units t ON t.id = h.team_id
  LEFT JOIN workers r ON r.id = h.responsible_id
  LEFT JOIN operators so ON so.id = h.submitted_by LEFT JOIN workers sw ON sw.id = so.worker_id
  LEFT JOIN operators ao ON ao.id = h.accepted_by LEFT JOIN workers aw ON aw.id = ao.worker_id`;

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
  const photos = store
    .all<{ phase: 'before' | 'after'; attachment_id: string }>(
      'SELECT phase, attachment_id FROM hazard_photos WHERE hazard_id = ? AND deleted_at IS NULL ORDER BY created_at',
      [id],
    )
    .map((p) => ({ ...getAttachment(store, p.attachment_id), phase: p.phase }));
  const links = store.all<{ id: string; serial: string; description: string; status: HazardStatus }>(
    `SELECT h.id, h.serial, h.description, h.status FROM hazard_links l
     JOIN hazards h ON h.id = CASE WHEN l.a_id = ? THEN l.b_id ELSE l.a_id END
     WHERE (l.a_id = ? OR l.b_id = ?) AND l.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.serial_key`,
    [id, id, id],
  );
  const state = { status: r.status, responsibleId: r.responsible_id, submittedBy: r.submitted_by };
  return toDetail(r, today, {
    photos,
    events: events(store, id),
    links,
    allowedActions: op ? allowedActions(state, rulesActor(op)) : [],
    editable: op !== null && (OPEN_STATUSES as string[]).includes(r.status) && (isManager(op) || r.finder_id === op.workerId),
  });
}

export type DetailExtras = Pick<HazardDetail, 'photos' | 'events' | 'links' | 'allowedActions' | 'editable'>;

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
  if (q.orgUnitId) {
    const u = getUnit(store, q.orgUnitId);
    where.push(u.kind === 'workshop' ? 'h.workshop_id = ?' : 'h.team_id = ?');
    params.push(u.id);
  }
  if (q.from) {
    where.push('h.found_date >= ?');
    params.push(q.from);
  }
  if (q.to) {
    where.push('h.found_date <= ?');
    params.push(q.to);
  }
  const searching = q.search.trim() !== '';
  const text = textSearchCondition(q.search, {
    rowid: 'h.rid',
    fts: 'hazards_fts',
    grams: 'hazards_grams',
    // a short term with punctuation is not in the character index: scan
    scan: (s) => ({ sql: `(instr(h.description, ?) > 0 OR instr(coalesce(h.place, ''), ?) > 0 OR instr(h.serial, ?) > 0)`, params: [s, s, s] }),
  });
  if (text) {
    where.push(text.sql);
    params.push(...text.params);
  }
  const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
  const order = q.sortField === 'serial' ? `h.serial_key ${dir}` : `${SORT_SQL[q.sortField]} ${dir}, h.serial_key ${dir}`;
  return { where: where.join(' AND '), params, order, searching };
}

/** Same two steps as the roster: ids of the page from an index, then those rows. A search counts in the same pass. */
export function hazardListSql(b: { where: string; order: string; searching: boolean }) {
  return {
    ids: `SELECT h.rid${b.searching ? ', count(*) OVER () AS n' : ''} FROM hazards h WHERE ${b.where} ORDER BY ${b.order} LIMIT ? OFFSET ?`,
    rows: `${ROW_SELECT} WHERE h.rid IN (SELECT value FROM json_each(?))`,
    count: `SELECT count(*) AS n FROM hazards h WHERE ${b.where}`,
  };
}

export function listHazards(store: Store, q: HazardQuery): Page<HazardRow> {
  const today = todayLocal();
  const b = buildHazardQuery(store, q, today);
  const sql = hazardListSql(b);
  const hits = store.all<{ rid: number; n?: number }>(sql.ids, [...b.params, q.pageSize, (q.page - 1) * q.pageSize]);
  const total = b.searching && hits.length > 0 ? hits[0]!.n! : store.get<{ n: number }>(sql.count, b.params)!.n;
  const ids = hits.map((r) => r.rid);
  const byRid = new Map(store.all<Row>(sql.rows, [JSON.stringify(ids)]).map((r) => [r.rid, r]));
  return { rows: ids.map((rid) => toRow(byRid.get(rid)!, today)), total, page: q.page, pageSize: q.pageSize };
}


export function reminders(store: Store, limit: number): HazardReminders {
  const today = todayLocal();
  const rules = getRules(store);
  const soon = addDays(today, rules.dueSoonDays);
  const open = `h.deleted_at IS NULL AND h.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const list = (cond: string, params: unknown[]) =>
    store.all<Row>(`${ROW_SELECT} WHERE ${open} AND ${cond} ORDER BY h.due_date, h.serial_key LIMIT ?`, [...params, limit]).map((r) => toRow(r, today));
  const count = (cond: string, params: unknown[]) => store.get<{ n: number }>(`SELECT count(*) AS n FROM hazards h WHERE ${open} AND ${cond}`, params)!.n;
  return {
    overdue: list('h.due_date < ?', [today]),
    dueSoon: list('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
    overdueCount: count('h.due_date < ?', [today]),
    dueSoonCount: count('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
  };
}


