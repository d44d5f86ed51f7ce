// Hazard ledger service: records, the workflow enforced by shared/hazard.ts rules, timeline, photos, links,
// reminders and statistics. Every change writes a hazard event (timeline) and an audit entry in one transaction.
import type { z } from 'zod';
import { DEFAULT_HAZARD_RULES, HAZARD_CATEGORIES, OPEN_STATUSES, addDays, allowedActions, dueDate, lecScore, refusal, riskColor, serialNumber, type HazardAction, type HazardCategory1, type HazardRules, type HazardStatus } from '../../../shared/hazards/rules';
import type { assignInput, cancelInput, confirmInput, hazardEdit, HazardData, HazardQuery, submitInput } from '../../../shared/hazards/schemas';
import { AppError } from '../../../shared/result';
import type { HazardDetail, HazardEvent, HazardReminders, HazardRow, HazardStats } from '../../../shared/hazards/types';
import type { Operator } from '../../../shared/operators/types';
import type { Page } from '../../../shared/kernel/types';
import type { SavedView } from '../../../shared/views/types';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { nowIso, todayLocal, uuidv7 } from '../util';
import { getAttachment } from './attachments';
import { getUnit, placement } from './org';
import { getSetting, setSetting } from './settings';

export interface HazardCtx {
  store: Store;
  actor: Actor;
  operator: Operator;
}

// ---------- rules ----------
export function getRules(store: Store): HazardRules {
  const r = getSetting<Partial<HazardRules>>(store, 'hazard.rules', {});
  return { ...DEFAULT_HAZARD_RULES, ...r, thresholds: { ...DEFAULT_HAZARD_RULES.thresholds, ...(r.thresholds ?? {}) } };
}
export function setRules(store: Store, actor: Actor, rules: HazardRules): HazardRules {
  return store.tx(() => {
    const before = getRules(store);
    setSetting(store, 'hazard.rules', rules);
    writeAudit(store, actor, { entity: 'settings', entityId: 'hazard.rules', action: 'update', before, after: rules });
    return getRules(store);
  });
}

// ---------- reading ----------
interface Row {
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

const ROW_SELECT = `SELECT h.*, f.name AS finder_name, ws.name AS workshop_name, t.name AS team_name, r.name AS responsible_name,
    sw.name AS submitted_by_name, aw.name AS accepted_by_name
  FROM hazards h
  LEFT JOIN workers f ON f.id = h.finder_id
  LEFT JOIN org_units ws ON ws.id = h.workshop_id
  LEFT JOIN org_units t ON t.id = h.team_id
  LEFT JOIN workers r ON r.id = h.responsible_id
  LEFT JOIN operators so ON so.id = h.submitted_by LEFT JOIN workers sw ON sw.id = so.worker_id
  LEFT JOIN operators ao ON ao.id = h.accepted_by LEFT JOIN workers aw ON aw.id = ao.worker_id`;

function toRow(r: Row, today: string): HazardRow {
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

function findRow(store: Store, id: string): Row {
  const r = store.get<Row>(`${ROW_SELECT} WHERE h.id = ? AND h.deleted_at IS NULL`, [id]);
  if (!r) throw new AppError('NOT_FOUND', '找不到该隐患', { id });
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

function rulesActor(op: Operator) {
  return { roles: op.roles, isAdmin: op.isAdmin, workerId: op.workerId, operatorId: op.id };
}
function isManager(op: Operator) {
  return op.isAdmin || op.roles.some((r) => r === 'safety_officer' || r === 'union_officer' || r === 'oh_manager');
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
     WHERE (l.a_id = ? OR l.b_id = ?) AND l.deleted_at IS NULL AND h.deleted_at IS NULL ORDER BY h.serial`,
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

type DetailExtras = Pick<HazardDetail, 'photos' | 'events' | 'links' | 'allowedActions' | 'editable'>;

function toDetail(r: Row, today: string, extras: DetailExtras): HazardDetail {
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

// ---------- list ----------
const SORT_SQL: Record<HazardQuery['sortField'], string> = {
  serial: 'h.serial',
  foundAt: 'h.found_at',
  dueDate: 'h.due_date',
  riskD: 'h.risk_d',
  updatedAt: 'h.updated_at',
};
export function ftsPhrase(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

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
  const s = q.search.trim();
  const searching = s !== '';
  if (s) {
    if ([...s].length >= 3) {
      where.push('h.rid IN (SELECT rowid FROM hazards_fts WHERE hazards_fts MATCH ?)');
      params.push(ftsPhrase(s));
    } else if (/^[\p{L}\p{N}]+$/u.test(s)) {
      // one or two characters: the character/pair index (hazards_grams)
      where.push('h.rid IN (SELECT rowid FROM hazards_grams WHERE hazards_grams MATCH ?)');
      params.push(ftsPhrase(s.toLowerCase()));
    } else {
      // a short term with punctuation is not in the character index: scan
      where.push(`(instr(h.description, ?) > 0 OR instr(coalesce(h.place, ''), ?) > 0 OR instr(h.serial, ?) > 0)`);
      params.push(s, s, s);
    }
  }
  const dir = q.sortDir === 'asc' ? 'ASC' : 'DESC';
  const order = q.sortField === 'serial' ? `h.serial ${dir}` : `${SORT_SQL[q.sortField]} ${dir}, h.serial ${dir}`;
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

export function* iterateHazards(store: Store, q: Omit<HazardQuery, 'page' | 'pageSize'>): Generator<HazardDetail> {
  // the ledger export needs the rows only (no photos, timeline or links): read them in chunks by rid,
  // never holding a cursor open across the export's awaits
  const b = buildHazardQuery(store, q);
  const today = todayLocal();
  const rids = store.db.prepare(`SELECT h.rid FROM hazards h WHERE ${b.where} ORDER BY ${b.order}`).pluck().all(b.params) as number[];
  const rowsSql = hazardListSql(b).rows;
  const none: DetailExtras = { photos: [], events: [], links: [], allowedActions: [], editable: false };
  for (let i = 0; i < rids.length; i += 500) {
    const chunk = rids.slice(i, i + 500);
    const byRid = new Map(store.all<Row>(rowsSql, [JSON.stringify(chunk)]).map((r) => [r.rid, r]));
    for (const rid of chunk) yield toDetail(byRid.get(rid)!, today, none);
  }
}

// ---------- writing ----------
function nextSerial(store: Store, year: number): string {
  store.run(
    `INSERT INTO serials (kind, year, last) VALUES ('hazard', ?, 1) ON CONFLICT (kind, year) DO UPDATE SET last = last + 1`,
    [year],
  );
  const n = store.get<{ last: number }>(`SELECT last FROM serials WHERE kind = 'hazard' AND year = ?`, [year])!.last;
  return serialNumber(year, n);
}

function event(store: Store, actor: Actor, hazardId: string, action: string, from: HazardStatus | null, to: HazardStatus | null, comment: string | null, at: string) {
  store.run(
    `INSERT INTO hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [uuidv7(), hazardId, at, actor.id, actor.name, action, from, to, comment],
  );
}

/** Normalises a form time ('YYYY-MM-DDTHH:mm') to local ISO with offset; refuses the future. */
export function normaliseFoundAt(v: string): { at: string; date: string } {
  const d = new Date(v);
  if (d.getTime() > Date.now() + 5 * 60_000) {
    throw new AppError('VALIDATION', '发现时间不能晚于现在', { issues: [{ path: 'foundAt', message: 'v.futureDate' }] });
  }
  const at = nowIso(d);
  return { at, date: at.slice(0, 10) };
}

function recomputeDue(store: Store, id: string) {
  const r = store.get<{ status: HazardStatus; found_date: string; deadline: string | null; submitted_at: string | null }>(
    'SELECT status, found_date, deadline, submitted_at FROM hazards WHERE id = ?',
    [id],
  )!;
  const due = dueDate({ status: r.status, foundDate: r.found_date, deadline: r.deadline, submittedDate: r.submitted_at?.slice(0, 10) ?? null }, getRules(store));
  store.run('UPDATE hazards SET due_date = ? WHERE id = ?', [due, id]);
}

function assertWorker(store: Store, id: string | null, field: string) {
  if (!id) return;
  if (!store.get('SELECT 1 FROM workers WHERE id = ? AND deleted_at IS NULL', [id])) {
    throw new AppError('VALIDATION', '所选职工不存在', { issues: [{ path: field, message: 'v.invalid' }] });
  }
}

/** The stored second-level category must belong to the first level (edit and confirm may change only one of them). */
function assertCategory(store: Store, id: string) {
  const r = store.get<{ category1: HazardCategory1; category2: string | null }>('SELECT category1, category2 FROM hazards WHERE id = ?', [id])!;
  if (r.category2 && !(HAZARD_CATEGORIES[r.category1] as readonly string[]).includes(r.category2)) {
    throw new AppError('VALIDATION', '二级分类不属于所选一级分类', { issues: [{ path: 'category2', message: 'v.category2' }] });
  }
}

/** Returns false when the photo was already attached. */
function addPhotoRow(store: Store, hazardId: string, attachmentId: string, phase: 'before' | 'after', now: string): boolean {
  getAttachment(store, attachmentId);
  if (store.get('SELECT 1 FROM hazard_photos WHERE hazard_id = ? AND attachment_id = ? AND deleted_at IS NULL', [hazardId, attachmentId])) return false;
  store.run('INSERT INTO hazard_photos (id, hazard_id, attachment_id, phase, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
    uuidv7(),
    hazardId,
    attachmentId,
    phase,
    now,
    now,
  ]);
  return true;
}

/** Inside a transaction (used by report and by the demo generator). */
export function insertHazard(store: Store, actor: Actor, d: HazardData, opts: { now?: string; foundAt?: { at: string; date: string } } = {}): string {
  const now = opts.now ?? nowIso();
  const found = opts.foundAt ?? normaliseFoundAt(d.foundAt);
  assertWorker(store, d.finderId, 'finderId');
  const place = placement(store, d.orgUnitId);
  const rules = getRules(store);
  const lec = d.lec;
  const riskD = lec ? lecScore(lec.l, lec.e, lec.c) : null;
  const id = uuidv7();
  const serial = nextSerial(store, Number(found.date.slice(0, 4)));
  store.run(
    `INSERT INTO hazards (id, serial, found_at, found_date, finder_id, source, workshop_id, team_id, place, equipment, category1, category2,
       accident_type, description, grade, lec_l, lec_e, lec_c, risk_d, risk, production_stop, interim_measures, status, due_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'reported', ?, ?, ?)`,
    [
      id, serial, found.at, found.date, d.finderId, d.source, place.workshopId, place.teamId, d.place, d.equipment, d.category1, d.category2,
      d.accidentType, d.description, d.grade, lec?.l ?? null, lec?.e ?? null, lec?.c ?? null, riskD, riskD === null ? null : riskColor(riskD, rules.thresholds),
      d.productionStop, d.interimMeasures, addDays(found.date, rules.responseDays), now, now,
    ],
  );
  for (const pid of d.photoIds) addPhotoRow(store, id, pid, 'before', now);
  event(store, actor, id, 'report', null, 'reported', null, now);
  writeAudit(store, actor, { entity: 'hazard', entityId: id, action: 'create', after: { serial, ...d } }, now);
  return id;
}

export function reportHazard(c: HazardCtx, d: HazardData): HazardDetail {
  const id = c.store.tx(() => insertHazard(c.store, c.actor, d));
  return getHazard(c.store, id, c.operator);
}

type Edit = z.output<typeof hazardEdit>;
const EDIT_COLUMNS: Record<string, string> = {
  finderId: 'finder_id',
  source: 'source',
  place: 'place',
  equipment: 'equipment',
  category1: 'category1',
  category2: 'category2',
  accidentType: 'accident_type',
  description: 'description',
  productionStop: 'production_stop',
  interimMeasures: 'interim_measures',
};

function applyEdit(c: HazardCtx, id: string, changes: Edit, mode: 'edit' | 'correct', reason: string | null): HazardDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const before = getHazard(store, id, operator);
    const open = (OPEN_STATUSES as string[]).includes(before.status);
    if (mode === 'edit') {
      if (!open) throw new AppError('CONFLICT', '已销号或作废的隐患不能修改；如需更正，请使用“更正”并填写原因');
      if (!before.editable) throw new AppError('FORBIDDEN', '只有发现人或安全管理人员可以修改');
    } else if (!isManager(operator)) {
      throw new AppError('FORBIDDEN', '只有安全管理人员可以更正记录');
    }
    const sets: string[] = [];
    const params: unknown[] = [];
    for (const [k, col] of Object.entries(EDIT_COLUMNS)) {
      const v = (changes as Record<string, unknown>)[k];
      if (v !== undefined) {
        sets.push(`${col} = ?`);
        params.push(v);
      }
    }
    if (changes.finderId !== undefined) assertWorker(store, changes.finderId, 'finderId');
    if (changes.category1 !== undefined && changes.category2 === undefined) sets.push('category2 = NULL');
    if (changes.orgUnitId !== undefined) {
      const p = placement(store, changes.orgUnitId);
      sets.push('workshop_id = ?', 'team_id = ?');
      params.push(p.workshopId, p.teamId);
    }
    if (changes.foundAt !== undefined) {
      const f = normaliseFoundAt(changes.foundAt);
      sets.push('found_at = ?', 'found_date = ?');
      params.push(f.at, f.date);
    }
    if (sets.length === 0) return before;
    const now = nowIso();
    store.run(`UPDATE hazards SET ${sets.join(', ')}, updated_at = ? WHERE id = ?`, [...params, now, id]);
    assertCategory(store, id);
    recomputeDue(store, id);
    event(store, actor, id, mode, before.status, before.status, reason, now);
    const after = getHazard(store, id, operator);
    writeAudit(store, actor, { entity: 'hazard', entityId: id, action: mode, before: strip(before), after: strip(after), reason }, now);
    return after;
  });
}
const strip = (h: HazardDetail) => {
  const { events: _e, allowedActions: _a, editable: _ed, photos, ...rest } = h;
  return { ...rest, photos: photos.map((p) => ({ id: p.id, phase: p.phase })) };
};

export const editHazard = (c: HazardCtx, id: string, changes: Edit) => applyEdit(c, id, changes, 'edit', null);
export const correctHazard = (c: HazardCtx, id: string, changes: Edit, reason: string) => applyEdit(c, id, changes, 'correct', reason);

const REFUSAL_TEXT = {
  status: (a: HazardAction, s: HazardStatus) => `当前状态不能执行该操作（${a} / ${s}）`,
  role: () => '当前操作员的安全职责不允许执行该操作',
  acceptor_is_rectifier: () => '验收人不能是整改责任人或提交验收的人',
};

function transition(c: HazardCtx, id: string, action: HazardAction, comment: string | null, apply: (before: HazardDetail, now: string) => void): HazardDetail {
  const { store, actor, operator } = c;
  return store.tx(() => {
    const before = getHazard(store, id, operator);
    const why = refusal(action, { status: before.status, responsibleId: before.responsibleId, submittedBy: before.submittedBy }, rulesActor(operator));
    if (why) throw new AppError(why === 'status' ? 'CONFLICT' : 'FORBIDDEN', REFUSAL_TEXT[why](action, before.status), { refusal: why });
    const now = nowIso();
    apply(before, now);
    recomputeDue(store, id);
    const after = getHazard(store, id, operator);
    event(store, actor, id, action, before.status, after.status, comment, now);
    writeAudit(store, actor, { entity: 'hazard', entityId: id, action, before: strip(before), after: strip(after), reason: comment }, now);
    return getHazard(store, id, operator);
  });
}

export function confirmHazard(c: HazardCtx, i: z.output<typeof confirmInput>): HazardDetail {
  return transition(c, i.id, 'confirm', i.comment, (before, now) => {
    const d = lecScore(i.lec.l, i.lec.e, i.lec.c);
    const category1 = i.category1 ?? before.category1;
    const category2 = i.category1 !== undefined || i.category2 !== null ? i.category2 : before.category2;
    c.store.run(
      `UPDATE hazards SET status = 'confirmed', grade = ?, lec_l = ?, lec_e = ?, lec_c = ?, risk_d = ?, risk = ?, category1 = ?, category2 = ?,
         accident_type = coalesce(?, accident_type), updated_at = ? WHERE id = ?`,
      [i.grade, i.lec.l, i.lec.e, i.lec.c, d, riskColor(d, getRules(c.store).thresholds), category1, category2, i.accidentType, now, i.id],
    );
    assertCategory(c.store, i.id);
  });
}

export function assignHazard(c: HazardCtx, i: z.output<typeof assignInput>): HazardDetail {
  return transition(c, i.id, 'assign', i.comment, (before, now) => {
    assertWorker(c.store, i.responsibleId, 'responsibleId');
    if (before.grade === 'major' && !i.governancePlan) {
      throw new AppError('VALIDATION', '重大隐患须填写完整的治理方案', { issues: [{ path: 'governancePlan', message: 'v.governance' }] });
    }
    if (i.deadline < before.foundDate) {
      throw new AppError('VALIDATION', '整改期限不能早于发现日期', { issues: [{ path: 'deadline', message: 'v.date' }] });
    }
    c.store.run(
      `UPDATE hazards SET status = 'assigned', responsible_id = ?, measures = ?, planned_funds = ?, deadline = ?, emergency_plan = ?,
         governance_plan = ?, updated_at = ? WHERE id = ?`,
      [i.responsibleId, i.measures, i.plannedFunds, i.deadline, i.emergencyPlan, i.governancePlan ? JSON.stringify(i.governancePlan) : null, now, i.id],
    );
  });
}

export function startHazard(c: HazardCtx, id: string, comment: string | null): HazardDetail {
  return transition(c, id, 'start', comment, (before, now) => {
    // the 五落实 must all be in place (the table's CHECK constraint guards this too)
    if (!before.responsibleId || !before.measures || before.plannedFunds === null || !before.deadline || !before.emergencyPlan) {
      throw new AppError('VALIDATION', '开始整改前须落实责任人、措施、资金、期限和应急预案（五落实）', { issues: [{ path: 'fiveImpl', message: 'v.fiveImpl' }] });
    }
    if (before.grade === 'major' && !before.governancePlan) {
      throw new AppError('VALIDATION', '重大隐患须先有治理方案', { issues: [{ path: 'governancePlan', message: 'v.governance' }] });
    }
    c.store.run(`UPDATE hazards SET status = 'rectifying', updated_at = ? WHERE id = ?`, [now, id]);
  });
}

export function submitHazard(c: HazardCtx, i: z.output<typeof submitInput>): HazardDetail {
  return transition(c, i.id, 'submit', i.comment, (_before, now) => {
    for (const pid of i.afterPhotoIds) addPhotoRow(c.store, i.id, pid, 'after', now);
    c.store.run(
      `UPDATE hazards SET status = 'submitted', actual_funds = ?, rectification_note = ?, submitted_by = ?, submitted_at = ?, updated_at = ? WHERE id = ?`,
      [i.actualFunds, i.rectificationNote, c.operator.id, now, now, i.id],
    );
  });
}

export function acceptHazard(c: HazardCtx, id: string, comment: string | null): HazardDetail {
  return transition(c, id, 'accept', comment, (_b, now) => {
    c.store.run(`UPDATE hazards SET status = 'closed', accepted_by = ?, accepted_at = ?, closed_date = ?, updated_at = ? WHERE id = ?`, [
      c.operator.id,
      now,
      now.slice(0, 10),
      now,
      id,
    ]);
  });
}

export function rejectHazard(c: HazardCtx, id: string, reason: string): HazardDetail {
  return transition(c, id, 'reject', reason, (_b, now) => {
    c.store.run(`UPDATE hazards SET status = 'rectifying', submitted_at = NULL, updated_at = ? WHERE id = ?`, [now, id]);
  });
}

export function cancelHazard(c: HazardCtx, i: z.output<typeof cancelInput>): HazardDetail {
  return transition(c, i.id, 'cancel', i.reason, (_b, now) => {
    if (i.kind === 'duplicate') {
      if (!i.duplicateOf) throw new AppError('VALIDATION', '请选择重复的隐患', { issues: [{ path: 'duplicateOf', message: 'v.required' }] });
      if (i.duplicateOf === i.id) throw new AppError('VALIDATION', '不能与自身重复', { issues: [{ path: 'duplicateOf', message: 'v.invalid' }] });
      findRow(c.store, i.duplicateOf);
      linkRow(c.store, i.id, i.duplicateOf, now);
    }
    c.store.run(`UPDATE hazards SET status = 'cancelled', cancel_kind = ?, cancel_reason = ?, updated_at = ? WHERE id = ?`, [i.kind, i.reason, now, i.id]);
  });
}

// ---------- photos and links ----------
export function addPhoto(c: HazardCtx, id: string, attachmentId: string, phase: 'before' | 'after'): HazardDetail {
  return c.store.tx(() => {
    const h = getHazard(c.store, id, c.operator);
    if (!(OPEN_STATUSES as string[]).includes(h.status)) throw new AppError('CONFLICT', '已销号或作废的隐患不能再添加照片');
    if (phase === 'after' && !['rectifying', 'submitted'].includes(h.status)) throw new AppError('CONFLICT', '整改后照片在整改中或待验收时添加');
    const now = nowIso();
    if (!addPhotoRow(c.store, id, attachmentId, phase, now)) return h;
    event(c.store, c.actor, id, 'photo', h.status, h.status, phase === 'before' ? '整改前照片' : '整改后照片', now);
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: 'add_photo', after: { attachmentId, phase } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

export function removePhoto(c: HazardCtx, id: string, attachmentId: string): HazardDetail {
  return c.store.tx(() => {
    const h = getHazard(c.store, id, c.operator);
    if (!(OPEN_STATUSES as string[]).includes(h.status)) throw new AppError('CONFLICT', '已销号或作废的隐患不能删除照片');
    const now = nowIso();
    const r = c.store.run('UPDATE hazard_photos SET deleted_at = ?, updated_at = ? WHERE hazard_id = ? AND attachment_id = ? AND deleted_at IS NULL', [now, now, id, attachmentId]);
    if (r.changes === 0) throw new AppError('NOT_FOUND', '该隐患没有这张照片');
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: 'remove_photo', before: { attachmentId } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

function linkRow(store: Store, x: string, y: string, now: string) {
  const [a, b] = x < y ? [x, y] : [y, x];
  if (store.get('SELECT 1 FROM hazard_links WHERE a_id = ? AND b_id = ? AND deleted_at IS NULL', [a, b])) return;
  store.run('INSERT INTO hazard_links (id, a_id, b_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?)', [uuidv7(), a, b, now, now]);
}

export function linkHazards(c: HazardCtx, id: string, otherId: string, on: boolean): HazardDetail {
  if (id === otherId) throw new AppError('VALIDATION', '不能关联自身', { issues: [{ path: 'otherId', message: 'v.invalid' }] });
  return c.store.tx(() => {
    findRow(c.store, id);
    findRow(c.store, otherId);
    const now = nowIso();
    if (on) linkRow(c.store, id, otherId, now);
    else {
      const [a, b] = id < otherId ? [id, otherId] : [otherId, id];
      c.store.run('UPDATE hazard_links SET deleted_at = ?, updated_at = ? WHERE a_id = ? AND b_id = ? AND deleted_at IS NULL', [now, now, a, b]);
    }
    writeAudit(c.store, c.actor, { entity: 'hazard', entityId: id, action: on ? 'link' : 'unlink', after: { otherId } }, now);
    return getHazard(c.store, id, c.operator);
  });
}

// ---------- reminders and statistics ----------
export function reminders(store: Store, limit: number): HazardReminders {
  const today = todayLocal();
  const rules = getRules(store);
  const soon = addDays(today, rules.dueSoonDays);
  const open = `h.deleted_at IS NULL AND h.status IN (${OPEN_STATUSES.map((s) => `'${s}'`).join(', ')})`;
  const list = (cond: string, params: unknown[]) =>
    store.all<Row>(`${ROW_SELECT} WHERE ${open} AND ${cond} ORDER BY h.due_date, h.serial LIMIT ?`, [...params, limit]).map((r) => toRow(r, today));
  const count = (cond: string, params: unknown[]) => store.get<{ n: number }>(`SELECT count(*) AS n FROM hazards h WHERE ${open} AND ${cond}`, params)!.n;
  return {
    overdue: list('h.due_date < ?', [today]),
    dueSoon: list('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
    overdueCount: count('h.due_date < ?', [today]),
    dueSoonCount: count('h.due_date >= ? AND h.due_date <= ?', [today, soon]),
  };
}

export function periodOf(year: number, quarter: number | null): { from: string; to: string; months: string[] } {
  const m0 = quarter ? (quarter - 1) * 3 + 1 : 1;
  const m1 = quarter ? m0 + 2 : 12;
  const months: string[] = [];
  for (let m = m0; m <= m1; m++) months.push(`${year}-${String(m).padStart(2, '0')}`);
  const last = new Date(Date.UTC(year, m1, 0)).getUTCDate();
  return { from: `${months[0]}-01`, to: `${months[months.length - 1]}-${String(last).padStart(2, '0')}`, months };
}

/**
 * Dashboard and signable table: the period comes from the per-month aggregates the hazard triggers keep
 * (hazard_month_stats, hazard_close_stats); what depends on today (open, overdue) from the open hazards only.
 */
export function hazardStats(store: Store, year: number, quarter: number | null): HazardStats {
  const today = todayLocal();
  const { from, to, months } = periodOf(year, quarter);
  const openList = OPEN_STATUSES.map((s) => `'${s}'`).join(', ');
  const m0 = months[0]!;
  const m1 = months[months.length - 1]!;
  const cube = store.all<{ month: string; ws: string; status: HazardStatus; grade: string; risk: string; n: number; planned: number; actual: number }>(
    `SELECT month, workshop_id AS ws, status, grade, risk, n, planned, actual FROM hazard_month_stats WHERE month BETWEEN ? AND ? AND n > 0`,
    [m0, m1],
  );
  const closedRows = store.all<{ month: string; n: number; days: number }>(
    `SELECT month, n, days FROM hazard_close_stats WHERE month BETWEEN ? AND ? AND n > 0`,
    [m0, m1],
  );
  const openNow = store.all<{ ws: string | null; grade: string | null; n: number; overdue: number }>(
    `SELECT h.workshop_id AS ws, h.grade, count(*) AS n, sum(h.due_date < ?) AS overdue
     FROM hazards h INDEXED BY hazards_open WHERE h.deleted_at IS NULL AND h.status IN (${openList}) GROUP BY 1, 2`,
    [today],
  );
  const overdueOfPeriod = new Map(
    store
      .all<{ ws: string | null; n: number }>(
        `SELECT h.workshop_id AS ws, count(*) AS n FROM hazards h INDEXED BY hazards_open
         WHERE h.deleted_at IS NULL AND h.status IN (${openList}) AND h.due_date < ? AND h.found_date BETWEEN ? AND ? GROUP BY 1`,
        [today, from, to],
      )
      .map((r) => [r.ws ?? '', r.n]),
  );
  const names = new Map(
    store.all<{ id: string; name: string; sort_order: number }>(`SELECT id, name, sort_order FROM org_units WHERE kind = 'workshop'`).map((u) => [u.id, u]),
  );
  const NONE = '（未指定车间）';
  const wsName = (id: string | null) => (id ? names.get(id)?.name ?? NONE : NONE);
  const wsOrder = (id: string | null) => (id ? names.get(id)?.sort_order ?? 1e9 : 2e9);

  let found = 0, cancelled = 0, closedOfFound = 0;
  const foundByMonth = new Map<string, number>();
  const byRisk = new Map<string, number>();
  const table = new Map<string, HazardStats['table'][number]>();
  for (const c of cube) {
    const m = c.month;
    found += c.n;
    if (c.status === 'cancelled') cancelled += c.n;
    if (c.status === 'closed') closedOfFound += c.n;
    foundByMonth.set(m, (foundByMonth.get(m) ?? 0) + c.n);
    const risk = c.risk || 'unassessed';
    byRisk.set(risk, (byRisk.get(risk) ?? 0) + c.n);
    let row = table.get(c.ws);
    if (!row) {
      row = { workshop: wsName(c.ws || null), found: 0, general: 0, major: 0, closed: 0, rectifying: 0, overdue: overdueOfPeriod.get(c.ws) ?? 0, plannedFunds: 0, actualFunds: 0 };
      table.set(c.ws, row);
    }
    row.found += c.n;
    if (c.grade === 'general') row.general += c.n;
    if (c.grade === 'major') row.major += c.n;
    if (c.status === 'closed') row.closed += c.n;
    if (c.status === 'assigned' || c.status === 'rectifying' || c.status === 'submitted') row.rectifying += c.n;
    row.plannedFunds += c.planned;
    row.actualFunds += c.actual;
  }
  const closedByMonth = new Map<string, number>();
  let closedCount = 0, closedDays = 0;
  for (const r of closedRows) {
    closedCount += r.n;
    closedDays += r.days;
    closedByMonth.set(r.month, (closedByMonth.get(r.month) ?? 0) + r.n);
  }
  const openByGrade = new Map<string, number>();
  const openByWs = new Map<string, { general: number; major: number; ungraded: number }>();
  let open = 0, overdue = 0;
  for (const o of openNow) {
    open += o.n;
    overdue += o.overdue;
    openByGrade.set(o.grade ?? 'ungraded', (openByGrade.get(o.grade ?? 'ungraded') ?? 0) + o.n);
    const w = openByWs.get(o.ws ?? '') ?? { general: 0, major: 0, ungraded: 0 };
    w[(o.grade ?? 'ungraded') as 'general'] += o.n;
    openByWs.set(o.ws ?? '', w);
  }
  const countable = found - cancelled;
  const byWsOrder = <T>(m: Map<string, T>) =>
    [...m.entries()].sort((a, b) => wsOrder(a[0] || null) - wsOrder(b[0] || null) || wsName(a[0] || null).localeCompare(wsName(b[0] || null)));
  return {
    year,
    quarter,
    from,
    to,
    found,
    closed: closedCount,
    cancelled,
    open,
    overdue,
    closureRate: countable > 0 ? Math.round((closedOfFound / countable) * 1000) / 1000 : null,
    avgDaysToClose: closedCount > 0 ? Math.round((closedDays / closedCount) * 10) / 10 : null,
    openByGrade: [...openByGrade.entries()].map(([grade, count]) => ({ grade: grade as 'general', count })),
    openByWorkshop: byWsOrder(openByWs).map(([id, v]) => ({ workshop: wsName(id || null), ...v })),
    monthly: months.map((m) => ({ month: m, found: foundByMonth.get(m) ?? 0, closed: closedByMonth.get(m) ?? 0 })),
    byRisk: [...byRisk.entries()].map(([risk, count]) => ({ risk: risk as 'red', count })),
    table: byWsOrder(table).map(([, v]) => v),
  };
}

// ---------- saved views and drafts ----------
export function listViews(store: Store, op: Operator, kind: string): SavedView[] {
  return store
    .all<{ id: string; name: string; query: string }>(
      'SELECT id, name, query FROM saved_views WHERE operator_id = ? AND kind = ? AND deleted_at IS NULL ORDER BY name',
      [op.id, kind],
    )
    .map((v) => ({ id: v.id, name: v.name, query: JSON.parse(v.query) }));
}
export function saveView(store: Store, actor: Actor, op: Operator, kind: string, name: string, query: Record<string, unknown>): SavedView {
  return store.tx(() => {
    const now = nowIso();
    const existing = store.get<{ id: string }>('SELECT id FROM saved_views WHERE operator_id = ? AND kind = ? AND name = ? AND deleted_at IS NULL', [op.id, kind, name]);
    const id = existing?.id ?? uuidv7();
    if (existing) store.run('UPDATE saved_views SET query = ?, updated_at = ? WHERE id = ?', [JSON.stringify(query), now, id]);
    else {
      store.run('INSERT INTO saved_views (id, operator_id, kind, name, query, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
        id, op.id, kind, name, JSON.stringify(query), now, now,
      ]);
    }
    writeAudit(store, actor, { entity: 'saved_view', entityId: id, action: existing ? 'update' : 'create', after: { name, query } }, now);
    return { id, name, query };
  });
}
export function removeView(store: Store, actor: Actor, op: Operator, id: string) {
  return store.tx(() => {
    const now = nowIso();
    const r = store.run('UPDATE saved_views SET deleted_at = ?, updated_at = ? WHERE id = ? AND operator_id = ? AND deleted_at IS NULL', [now, now, id, op.id]);
    if (r.changes === 0) throw new AppError('NOT_FOUND', '找不到该视图');
    writeAudit(store, actor, { entity: 'saved_view', entityId: id, action: 'delete' }, now);
    return { id };
  });
}

export function getDraft(store: Store, op: Operator, kind: string) {
  const r = store.get<{ data: string; updated_at: string }>('SELECT data, updated_at FROM drafts WHERE operator_id = ? AND kind = ?', [op.id, kind]);
  return { data: r ? (JSON.parse(r.data) as unknown) : null, savedAt: r?.updated_at ?? null };
}
/** Drafts are scratch data, not records: no audit entry. */
export function saveDraft(store: Store, op: Operator, kind: string, data: unknown) {
  const savedAt = nowIso();
  store.run(
    `INSERT INTO drafts (operator_id, kind, data, updated_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (operator_id, kind) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at`,
    [op.id, kind, JSON.stringify(data), savedAt],
  );
  return { savedAt };
}
export function clearDraft(store: Store, op: Operator, kind: string) {
  return { cleared: store.run('DELETE FROM drafts WHERE operator_id = ? AND kind = ?', [op.id, kind]).changes > 0 };
}
