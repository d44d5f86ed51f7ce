// Representatives' stints in a term: election, by-election, invitation (observers), presidium, recall, departure —
// history kept, everything "as of a date"; the composition checks on the representatives serving on that date.
import type { z } from 'zod';
import { compositionChecks } from '../../../../shared/congress/rules';
import type { memberAdd, memberEnd, memberUpdate } from '../../../../shared/congress/reps/schemas';
import type { Composition, Member, RosterImportResult } from '../../../../shared/congress/reps/types';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { assertRunner, ensureWorkshopGroups, termDay, termRow, termSettingsOf } from './terms';

interface MemberRow {
  id: string;
  term_id: string;
  worker_id: string;
  emp_no: string;
  name: string;
  gender: 'M' | 'F';
  workshop_name: string | null;
  team_name: string | null;
  post: string | null;
  is_frontline: number;
  is_manager: number;
  group_id: string | null;
  group_name: string | null;
  kind: Member['kind'];
  presidium: number;
  joined_on: string;
  joined_by: Member['joinedBy'];
  left_on: string | null;
  left_by: Member['leftBy'];
  left_note: string | null;
  current: number;
}

const MEMBER_SELECT = `
  SELECT m.id, m.term_id, m.worker_id, w.emp_no, w.name, w.gender, ws.name AS workshop_name, tm.name AS team_name, w.post,
    w.is_frontline, w.is_manager, m.group_id, g.name AS group_name, m.kind, m.presidium, m.joined_on, m.joined_by,
    m.left_on, m.left_by, m.left_note,
    (m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)) AS current
  FROM congress_members m
  JOIN workers w ON w.id = m.worker_id
  LEFT JOIN org_units ws ON ws.id = w.workshop_id
  LEFT JOIN org_units tm ON tm.id = w.team_id
  LEFT JOIN congress_groups g ON g.id = m.group_id`;

const toMember = (r: MemberRow): Member => ({
  id: r.id,
  termId: r.term_id,
  workerId: r.worker_id,
  empNo: r.emp_no,
  name: r.name,
  gender: r.gender,
  workshopName: r.workshop_name,
  teamName: r.team_name,
  post: r.post,
  isFrontline: r.is_frontline === 1,
  isManager: r.is_manager === 1,
  groupId: r.group_id,
  groupName: r.group_name,
  kind: r.kind,
  presidium: r.presidium === 1,
  joinedOn: r.joined_on,
  joinedBy: r.joined_by,
  leftOn: r.left_on,
  leftBy: r.left_by,
  leftNote: r.left_note,
  current: r.current === 1,
});

/** Serving on the date (within the term), or with `history` every stint, in group order then employee number. */
export function listMembers(store: Store, q: { termId: string; asOf: string | null; history: boolean }): Member[] {
  const t = termRow(store, q.termId);
  const day = termDay(t, q.asOf);
  const when = q.history ? '' : 'AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)';
  return store
    .all<MemberRow>(
      `${MEMBER_SELECT} WHERE m.term_id = :termId ${when}
       ORDER BY g.sort_order IS NULL, g.sort_order, m.kind, w.emp_no, m.joined_on`,
      { termId: q.termId, day },
    )
    .map(toMember);
}

export function getMember(store: Store, id: string): Member {
  const m = store.get<{ term_id: string }>(`SELECT term_id FROM congress_members WHERE id = ?`, [id]);
  if (!m) throw new AppError('NOT_FOUND', 'err.congress.memberNotFound', { id });
  const t = termRow(store, m.term_id);
  return toMember(store.get<MemberRow>(`${MEMBER_SELECT} WHERE m.id = :id`, { id, day: termDay(t) })!);
}

function assertWithinTerm(t: { start_date: string; end_date: string }, date: string, path: string) {
  if (date < t.start_date || date > t.end_date) {
    throw new AppError('VALIDATION', 'err.congress.dateOutsideTerm', { start: t.start_date, end: t.end_date, issues: [{ path, message: 'v.invalid' }] });
  }
}

function assertGroupOfTerm(store: Store, groupId: string | null, termId: string) {
  if (groupId && !store.get(`SELECT 1 FROM congress_groups WHERE id = ? AND term_id = ? AND deleted_at IS NULL`, [groupId, termId])) {
    throw new AppError('NOT_FOUND', 'err.congress.groupNotFound', { id: groupId, issues: [{ path: 'groupId', message: 'v.invalid' }] });
  }
}

/** Inside a transaction. */
export function insertMember(store: Store, actor: Actor, d: z.output<typeof memberAdd>): Member {
  const t = termRow(store, d.termId);
  assertWithinTerm(t, d.joinedOn, 'joinedOn');
  assertGroupOfTerm(store, d.groupId, d.termId);
  const w = store.get<{ name: string; status: string }>(`SELECT name, status FROM workers WHERE id = ? AND deleted_at IS NULL`, [d.workerId]);
  if (!w) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: d.workerId, issues: [{ path: 'workerId', message: 'v.invalid' }] });
  if (w.status !== 'active') throw new AppError('VALIDATION', 'err.congress.workerNotActive', { name: w.name, issues: [{ path: 'workerId', message: 'v.invalid' }] });
  if (store.get(`SELECT 1 FROM congress_members WHERE term_id = ? AND worker_id = ? AND left_on IS NULL`, [d.termId, d.workerId])) {
    throw new AppError('CONFLICT', 'err.congress.alreadyServing', { name: w.name, issues: [{ path: 'workerId', message: 'v.duplicate' }] });
  }
  if (d.presidium && d.kind === 'observer') throw new AppError('VALIDATION', 'err.congress.observerPresidium', { issues: [{ path: 'presidium', message: 'v.invalid' }] });
  const id = uuidv7();
  const now = nowIso();
  store.run(
    `INSERT INTO congress_members (id, term_id, worker_id, group_id, kind, presidium, joined_on, joined_by, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [id, d.termId, d.workerId, d.groupId, d.kind, d.presidium ? 1 : 0, d.joinedOn, d.joinedBy, now, now],
  );
  const after = getMember(store, id);
  writeAudit(store, actor, { entity: 'congress_member', entityId: id, action: 'add', after });
  return after;
}

export function addMember(store: Store, op: Operator, actor: Actor, d: z.output<typeof memberAdd>): Member {
  assertRunner(op);
  return store.tx(() => insertMember(store, actor, d));
}

/** Group and presidium of a serving member (audited; the history of these lives in the audit log). */
export function updateMember(store: Store, op: Operator, actor: Actor, d: z.output<typeof memberUpdate>): Member {
  assertRunner(op);
  return store.tx(() => {
    const before = getMember(store, d.id);
    if (before.leftOn) throw new AppError('CONFLICT', 'err.congress.alreadyLeft', { date: before.leftOn });
    if (d.groupId !== undefined) assertGroupOfTerm(store, d.groupId, before.termId);
    if (d.presidium && before.kind === 'observer') throw new AppError('VALIDATION', 'err.congress.observerPresidium', { issues: [{ path: 'presidium', message: 'v.invalid' }] });
    store.run(`UPDATE congress_members SET group_id = ?, presidium = ?, updated_at = ? WHERE id = ?`, [
      d.groupId === undefined ? before.groupId : d.groupId,
      (d.presidium ?? before.presidium) ? 1 : 0,
      nowIso(),
      d.id,
    ]);
    // a leader who leaves the group is no longer its leader
    if (d.groupId !== undefined && d.groupId !== before.groupId && before.groupId) {
      store.run(`UPDATE congress_groups SET leader_worker_id = NULL, updated_at = ? WHERE id = ? AND leader_worker_id = ?`, [nowIso(), before.groupId, before.workerId]);
    }
    const after = getMember(store, d.id);
    writeAudit(store, actor, { entity: 'congress_member', entityId: d.id, action: 'update', before, after });
    return after;
  });
}

/** Ends a stint: recall (with its grounds), departure or resignation, on a date within the term. */
export function endMember(store: Store, op: Operator, actor: Actor, d: z.output<typeof memberEnd>): Member {
  assertRunner(op);
  return store.tx(() => {
    const before = getMember(store, d.id);
    if (before.leftOn) throw new AppError('CONFLICT', 'err.congress.alreadyLeft', { date: before.leftOn });
    const t = termRow(store, before.termId);
    assertWithinTerm(t, d.leftOn, 'leftOn');
    if (d.leftOn < before.joinedOn) {
      throw new AppError('VALIDATION', 'err.congress.leftBeforeJoined', { joined: before.joinedOn, issues: [{ path: 'leftOn', message: 'v.invalid' }] });
    }
    store.run(`UPDATE congress_members SET left_on = ?, left_by = ?, left_note = ?, presidium = 0, updated_at = ? WHERE id = ?`, [
      d.leftOn,
      d.leftBy,
      d.note ?? null,
      nowIso(),
      d.id,
    ]);
    if (before.groupId) store.run(`UPDATE congress_groups SET leader_worker_id = NULL, updated_at = ? WHERE id = ? AND leader_worker_id = ?`, [nowIso(), before.groupId, before.workerId]);
    const after = getMember(store, d.id);
    writeAudit(store, actor, { entity: 'congress_member', entityId: d.id, action: d.leftBy, before, after, reason: d.note ?? null });
    return after;
  });
}

/**
 * Every employed worker the roster flags as a representative (职工代表) who does not serve in the term yet, elected on
 * `joinedOn`, in their workshop's group (one group per workshop is made where missing). One transaction.
 */
export function importFromRoster(store: Store, op: Operator, actor: Actor, d: { termId: string; joinedOn: string }): RosterImportResult {
  assertRunner(op);
  return store.tx(() => {
    const t = termRow(store, d.termId);
    assertWithinTerm(t, d.joinedOn, 'joinedOn');
    const groupsCreated = ensureWorkshopGroups(store, actor, d.termId);
    const flagged = store.all<{ id: string; workshop_id: string | null; serving: number }>(
      `SELECT w.id, w.workshop_id,
         EXISTS (SELECT 1 FROM congress_members m WHERE m.term_id = ? AND m.worker_id = w.id AND m.left_on IS NULL) AS serving
       FROM workers w WHERE w.deleted_at IS NULL AND w.status = 'active' AND w.is_representative = 1 ORDER BY w.emp_no`,
      [d.termId],
    );
    const groupOf = new Map(
      store
        .all<{ id: string; org_unit_id: string }>(`SELECT id, org_unit_id FROM congress_groups WHERE term_id = ? AND deleted_at IS NULL AND org_unit_id IS NOT NULL`, [d.termId])
        .map((g) => [g.org_unit_id, g.id]),
    );
    let added = 0;
    for (const w of flagged) {
      if (w.serving) continue;
      insertMember(store, actor, {
        termId: d.termId,
        workerId: w.id,
        groupId: (w.workshop_id && groupOf.get(w.workshop_id)) || null,
        kind: 'representative',
        presidium: false,
        joinedOn: d.joinedOn,
        joinedBy: 'election',
      });
      added++;
    }
    return { added, already: flagged.length - added, groupsCreated };
  });
}

/**
 * The composition checks as of a date: staff from the roster (employed, today's roster — it keeps no history of
 * attributes), representatives and presidium from the stints serving on that date; observers never count.
 */
export function composition(store: Store, q: { termId: string; asOf: string | null }): Composition {
  const t = termRow(store, q.termId);
  const day = termDay(t, q.asOf);
  const settings = termSettingsOf(t);
  const staff = store.get<{ total: number; women: number }>(
    `SELECT count(*) AS total, coalesce(sum(gender = 'F'), 0) AS women FROM workers WHERE deleted_at IS NULL AND status = 'active'`,
  )!;
  const serving = `m.term_id = :termId AND m.joined_on <= :day AND (m.left_on IS NULL OR m.left_on > :day)`;
  const reps = store.get<{ total: number; frontLine: number; managers: number; women: number; presTotal: number; presFront: number }>(
    `SELECT count(*) AS total, coalesce(sum(w.is_frontline), 0) AS frontLine, coalesce(sum(w.is_manager), 0) AS managers,
       coalesce(sum(w.gender = 'F'), 0) AS women, coalesce(sum(m.presidium), 0) AS presTotal,
       coalesce(sum(m.presidium * w.is_frontline), 0) AS presFront
     FROM congress_members m JOIN workers w ON w.id = m.worker_id WHERE ${serving} AND m.kind = 'representative'`,
    { termId: q.termId, day },
  )!;
  const observers = store.get<{ n: number }>(`SELECT count(*) AS n FROM congress_members m WHERE ${serving} AND m.kind = 'observer'`, { termId: q.termId, day })!.n;
  const input = {
    staff,
    representatives: { total: reps.total, frontLine: reps.frontLine, managers: reps.managers, women: reps.women },
    presidium: { total: reps.presTotal, frontLine: reps.presFront },
  };
  return { termId: q.termId, asOf: day, settings, ...input, observers, checks: compositionChecks(input, settings) };
}
