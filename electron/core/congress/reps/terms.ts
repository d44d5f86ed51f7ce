// Terms (届) and constituencies (代表团/代表组) of the workers' congress. Writes: one transaction → read before →
// change → read after → audit.
import type { z } from 'zod';
import { DEFAULT_TERM_SETTINGS, type groupInput, type termInput, type termUpdate } from '../../../../shared/congress/reps/schemas';
import { CONGRESS_RUNNERS, type CongressGroup, type Term, type TermSettings } from '../../../../shared/congress/reps/types';
import type { Operator } from '../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../shared/roster/roles';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, todayLocal, uuidv7 } from '../../util';

/** Union officers and administrators run the congress; the backend refuses the rest. */
export function assertRunner(op: Operator): void {
  if (!holdsAnyRole(op, CONGRESS_RUNNERS)) throw new AppError('FORBIDDEN', 'err.congress.runnersOnly');
}

interface TermRow {
  id: string;
  number: number;
  form: Term['form'];
  start_date: string;
  end_date: string;
  settings: string;
  updated_at: string;
  representatives: number;
  observers: number;
  groups: number;
}

/** The date a term's counts are taken on: today, clamped into the term. */
export function termDay(t: { start_date: string; end_date: string }, asOf?: string | null): string {
  const d = asOf ?? todayLocal();
  return d < t.start_date ? t.start_date : d > t.end_date ? t.end_date : d;
}

function parseSettings(text: string): TermSettings {
  try {
    return { ...DEFAULT_TERM_SETTINGS, ...(JSON.parse(text) as Partial<TermSettings>) };
  } catch {
    return DEFAULT_TERM_SETTINGS;
  }
}

const TERM_SELECT = `
  SELECT t.id, t.number, t.form, t.start_date, t.end_date, t.settings, t.updated_at,
    (SELECT count(*) FROM congress_members m WHERE m.term_id = t.id AND m.kind = 'representative'
       AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)) AS representatives,
    (SELECT count(*) FROM congress_members m WHERE m.term_id = t.id AND m.kind = 'observer'
       AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)) AS observers,
    (SELECT count(*) FROM congress_groups g WHERE g.term_id = t.id AND g.deleted_at IS NULL) AS groups
  FROM congress_terms t`;

const toTerm = (r: TermRow): Term => ({
  id: r.id,
  number: r.number,
  form: r.form,
  startDate: r.start_date,
  endDate: r.end_date,
  settings: parseSettings(r.settings),
  representatives: r.representatives,
  observers: r.observers,
  groups: r.groups,
  updatedAt: r.updated_at,
});

/** Newest term first. Counts as of today (within the term). */
export function listTerms(store: Store): Term[] {
  const today = todayLocal();
  return store
    .all<TermRow>(
      `${TERM_SELECT.replaceAll(':day', `min(max(:today, t.start_date), t.end_date)`)} WHERE t.deleted_at IS NULL ORDER BY t.number DESC`,
      { today },
    )
    .map(toTerm);
}

interface TermBase {
  id: string;
  number: number;
  start_date: string;
  end_date: string;
  settings: string;
}

export function termRow(store: Store, id: string): TermBase {
  const t = store.get<TermBase>(`SELECT id, number, start_date, end_date, settings FROM congress_terms WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!t) throw new AppError('NOT_FOUND', 'err.congress.termNotFound', { id });
  return t;
}

export function termSettingsOf(t: TermBase): TermSettings {
  return parseSettings(t.settings);
}

export function getTerm(store: Store, id: string): Term {
  const base = termRow(store, id);
  const r = store.get<TermRow>(`${TERM_SELECT} WHERE t.id = :id`, { id, day: termDay(base) });
  return toTerm(r!);
}

function assertTermFree(store: Store, d: { number: number; startDate: string; endDate: string }, exceptId: string | null) {
  const same = store.get<{ id: string }>(`SELECT id FROM congress_terms WHERE number = ? AND deleted_at IS NULL`, [d.number]);
  if (same && same.id !== exceptId) {
    throw new AppError('CONFLICT', 'err.congress.termNumberTaken', { number: d.number, issues: [{ path: 'number', message: 'v.duplicate' }] });
  }
  // terms follow one another: the next may start on the day the last one ends
  const overlap = store.get<{ number: number; start_date: string; end_date: string }>(
    `SELECT number, start_date, end_date FROM congress_terms
     WHERE deleted_at IS NULL AND id <> ? AND start_date < ? AND end_date > ? ORDER BY number LIMIT 1`,
    [exceptId ?? '', d.endDate, d.startDate],
  );
  if (overlap) {
    throw new AppError('CONFLICT', 'err.congress.termOverlap', {
      number: overlap.number,
      start: overlap.start_date,
      end: overlap.end_date,
      issues: [{ path: 'startDate', message: 'v.invalid' }],
    });
  }
}

export function createTerm(store: Store, op: Operator, actor: Actor, d: z.output<typeof termInput>): Term {
  assertRunner(op);
  return store.tx(() => {
    assertTermFree(store, d, null);
    const id = uuidv7();
    const now = nowIso();
    store.run(
      `INSERT INTO congress_terms (id, number, form, start_date, end_date, settings, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [id, d.number, d.form, d.startDate, d.endDate, JSON.stringify(d.settings ?? DEFAULT_TERM_SETTINGS), now, now],
    );
    const after = getTerm(store, id);
    writeAudit(store, actor, { entity: 'congress_term', entityId: id, action: 'create', after });
    return after;
  });
}

export function updateTerm(store: Store, op: Operator, actor: Actor, d: z.output<typeof termUpdate>): Term {
  assertRunner(op);
  return store.tx(() => {
    const before = getTerm(store, d.id);
    assertTermFree(store, d, d.id);
    // every stint must stay within the term's dates
    const outside = store.get<{ n: number }>(
      `SELECT count(*) AS n FROM congress_members WHERE term_id = ? AND (joined_on < ? OR joined_on > ? OR left_on > ?)`,
      [d.id, d.startDate, d.endDate, d.endDate],
    )!.n;
    if (outside > 0) throw new AppError('CONFLICT', 'err.congress.membersOutsideTerm', { count: outside });
    store.run(`UPDATE congress_terms SET number = ?, form = ?, start_date = ?, end_date = ?, settings = ?, updated_at = ? WHERE id = ?`, [
      d.number,
      d.form,
      d.startDate,
      d.endDate,
      JSON.stringify(d.settings ?? before.settings),
      nowIso(),
      d.id,
    ]);
    const after = getTerm(store, d.id);
    writeAudit(store, actor, { entity: 'congress_term', entityId: d.id, action: 'update', before, after });
    return after;
  });
}

/** Only a term without representative records (a mistaken entry); groups go with it. */
export function deleteTerm(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRunner(op);
  return store.tx(() => {
    const before = getTerm(store, id);
    const count = store.get<{ n: number }>(`SELECT count(*) AS n FROM congress_members WHERE term_id = ?`, [id])!.n;
    if (count > 0) throw new AppError('CONFLICT', 'err.congress.termHasMembers', { count });
    const now = nowIso();
    store.run(`UPDATE congress_groups SET deleted_at = ?, updated_at = ? WHERE term_id = ? AND deleted_at IS NULL`, [now, now, id]);
    store.run(`UPDATE congress_terms SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'congress_term', entityId: id, action: 'delete', before });
    return { deleted: true };
  });
}

// ---------------------------------------------------------------------------------------------------------
// Constituencies

interface GroupRow {
  id: string;
  term_id: string;
  name: string;
  org_unit_id: string | null;
  org_unit_name: string | null;
  leader_worker_id: string | null;
  leader_name: string | null;
  sort_order: number;
  members: number;
}
const toGroup = (r: GroupRow): CongressGroup => ({
  id: r.id,
  termId: r.term_id,
  name: r.name,
  orgUnitId: r.org_unit_id,
  orgUnitName: r.org_unit_name,
  leaderWorkerId: r.leader_worker_id,
  leaderName: r.leader_name,
  sortOrder: r.sort_order,
  members: r.members,
});
const GROUP_SELECT = `
  SELECT g.id, g.term_id, g.name, g.org_unit_id, u.name AS org_unit_name, g.leader_worker_id, w.name AS leader_name, g.sort_order,
    (SELECT count(*) FROM congress_members m WHERE m.group_id = g.id AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)) AS members
  FROM congress_groups g
  LEFT JOIN org_units u ON u.id = g.org_unit_id
  LEFT JOIN workers w ON w.id = g.leader_worker_id`;

export function listGroups(store: Store, termId: string, asOf?: string | null): CongressGroup[] {
  const t = termRow(store, termId);
  return store
    .all<GroupRow>(`${GROUP_SELECT} WHERE g.term_id = :termId AND g.deleted_at IS NULL ORDER BY g.sort_order, g.name`, { termId, day: termDay(t, asOf) })
    .map(toGroup);
}

export function getGroup(store: Store, id: string): CongressGroup {
  const g = store.get<{ term_id: string }>(`SELECT term_id FROM congress_groups WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!g) throw new AppError('NOT_FOUND', 'err.congress.groupNotFound', { id });
  const t = termRow(store, g.term_id);
  return toGroup(store.get<GroupRow>(`${GROUP_SELECT} WHERE g.id = :id`, { id, day: termDay(t) })!);
}

function assertGroupNameFree(store: Store, termId: string, name: string, exceptId: string | null) {
  const same = store.get<{ id: string }>(`SELECT id FROM congress_groups WHERE term_id = ? AND name = ? AND deleted_at IS NULL`, [termId, name]);
  if (same && same.id !== exceptId) {
    throw new AppError('CONFLICT', 'err.congress.groupNameTaken', { name, issues: [{ path: 'name', message: 'v.duplicate' }] });
  }
}

export function saveGroup(store: Store, op: Operator, actor: Actor, d: z.output<typeof groupInput>): CongressGroup {
  assertRunner(op);
  return store.tx(() => {
    const t = termRow(store, d.termId);
    assertGroupNameFree(store, d.termId, d.name, d.id ?? null);
    if (d.orgUnitId && !store.get(`SELECT 1 FROM org_units WHERE id = ? AND deleted_at IS NULL`, [d.orgUnitId])) {
      throw new AppError('NOT_FOUND', 'err.org.notFound', { id: d.orgUnitId, issues: [{ path: 'orgUnitId', message: 'v.invalid' }] });
    }
    const now = nowIso();
    if (d.id) {
      const before = getGroup(store, d.id);
      if (before.termId !== d.termId) throw new AppError('NOT_FOUND', 'err.congress.groupNotFound', { id: d.id });
      if (d.leaderWorkerId) {
        const serving = store.get(
          `SELECT 1 FROM congress_members WHERE group_id = ? AND worker_id = ? AND joined_on <= ? AND (left_on IS NULL OR left_on > ?)`,
          [d.id, d.leaderWorkerId, termDay(t), termDay(t)],
        );
        if (!serving) throw new AppError('VALIDATION', 'err.congress.leaderNotInGroup', { issues: [{ path: 'leaderWorkerId', message: 'v.invalid' }] });
      }
      store.run(`UPDATE congress_groups SET name = ?, org_unit_id = ?, leader_worker_id = ?, updated_at = ? WHERE id = ?`, [
        d.name,
        d.orgUnitId,
        d.leaderWorkerId,
        now,
        d.id,
      ]);
      const after = getGroup(store, d.id);
      writeAudit(store, actor, { entity: 'congress_group', entityId: d.id, action: 'update', before, after });
      return after;
    }
    // a new group has no members yet, so it cannot have a leader
    if (d.leaderWorkerId) throw new AppError('VALIDATION', 'err.congress.leaderNotInGroup', { issues: [{ path: 'leaderWorkerId', message: 'v.invalid' }] });
    const id = uuidv7();
    const order = store.get<{ n: number }>(`SELECT coalesce(max(sort_order), 0) + 1 AS n FROM congress_groups WHERE term_id = ?`, [d.termId])!.n;
    store.run(
      `INSERT INTO congress_groups (id, term_id, name, org_unit_id, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, d.termId, d.name, d.orgUnitId, order, now, now],
    );
    const after = getGroup(store, id);
    writeAudit(store, actor, { entity: 'congress_group', entityId: id, action: 'create', after });
    return after;
  });
}

export function deleteGroup(store: Store, op: Operator, actor: Actor, id: string): { deleted: true } {
  assertRunner(op);
  return store.tx(() => {
    const before = getGroup(store, id);
    const count = store.get<{ n: number }>(`SELECT count(*) AS n FROM congress_members WHERE group_id = ? AND left_on IS NULL`, [id])!.n;
    if (count > 0) throw new AppError('CONFLICT', 'err.congress.groupHasMembers', { count });
    const now = nowIso();
    store.run(`UPDATE congress_groups SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'congress_group', entityId: id, action: 'delete', before });
    return { deleted: true };
  });
}

/** Inside a transaction: one group per active workshop that has none yet in the term (named after it). */
export function ensureWorkshopGroups(store: Store, actor: Actor, termId: string): number {
  const missing = store.all<{ id: string; name: string }>(
    `SELECT u.id, u.name FROM org_units u
     WHERE u.kind = 'workshop' AND u.deleted_at IS NULL AND u.retired_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM congress_groups g WHERE g.term_id = ? AND g.org_unit_id = u.id AND g.deleted_at IS NULL)
     ORDER BY u.sort_order, u.name`,
    [termId],
  );
  const now = nowIso();
  let order = store.get<{ n: number }>(`SELECT coalesce(max(sort_order), 0) AS n FROM congress_groups WHERE term_id = ?`, [termId])!.n;
  let made = 0;
  for (const u of missing) {
    // a group of that name made by hand keeps its name; the workshop's group then says whose it is
    let name = u.name;
    for (let k = 2; store.get(`SELECT 1 FROM congress_groups WHERE term_id = ? AND name = ? AND deleted_at IS NULL`, [termId, name]); k++) name = `${u.name}（${k}）`;
    const id = uuidv7();
    store.run(
      `INSERT INTO congress_groups (id, term_id, name, org_unit_id, sort_order, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      [id, termId, name, u.id, ++order, now, now],
    );
    writeAudit(store, actor, { entity: 'congress_group', entityId: id, action: 'create', after: { termId, name, orgUnitId: u.id } });
    made++;
  }
  return made;
}

export function groupsFromWorkshops(store: Store, op: Operator, actor: Actor, termId: string): CongressGroup[] {
  assertRunner(op);
  return store.tx(() => {
    termRow(store, termId);
    ensureWorkshopGroups(store, actor, termId);
    return listGroups(store, termId);
  });
}
