// The day of the session: attendance (出席 / 请假 / 缺席) of the representatives serving on the session date, the live
// count and the quorum; the votes item by item — opened only with a quorum, counted (secret ballot counts or a named
// vote), decided by the legal rule (yes > ½ of ALL representatives: shared/congress/rules.ts decide), announced and
// then locked; a correction needs its reason and is audited. The public notice (厂务公开) of the results.
import type { z } from 'zod';
import { ballotProblems, decide, majorityNeeded, type BallotCounts } from '../../../../shared/congress/rules';
import type { attendanceSet, voteNamed, voteOpen } from '../../../../shared/congress/sessions/schemas';
import type { AttendanceList, AttendanceRow, PublicNotice, SessionDetail, Vote } from '../../../../shared/congress/sessions/types';
import { voteRefusal, type VoteAction } from '../../../../shared/congress/sessions/workflow';
import type { Operator } from '../../../../shared/operators/types';
import { AppError } from '../../../../shared/result';
import { writeAudit, type Actor } from '../../audit';
import type { Store } from '../../db/store';
import { nowIso, uuidv7 } from '../../util';
import { termRow, termSettingsOf } from '../reps/terms';
import { assertStep, attendanceCounts, getSession, itemRow, sessionRow, toVote } from './sessions';

// ---------------------------------------------------------------------------------------------------------
// Attendance

const SERVING = `m.term_id = :tid AND m.kind = 'representative' AND m.joined_on <= :d AND (m.left_on IS NULL OR m.left_on > :d)`;

/** Every representative serving on the session date, in group order then employee number; `q` filters by name or 工号. */
export function listAttendance(store: Store, sessionId: string, q: string | null): AttendanceList {
  const s = sessionRow(store, sessionId);
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  const rows = store.all<{ member_id: string; worker_id: string; emp_no: string; name: string; group_name: string | null; status: AttendanceRow['status'] | null }>(
    `SELECT m.id AS member_id, w.id AS worker_id, w.emp_no, w.name, g.name AS group_name, a.status
     FROM congress_members m JOIN workers w ON w.id = m.worker_id
     LEFT JOIN congress_groups g ON g.id = m.group_id
     LEFT JOIN congress_attendance a ON a.member_id = m.id AND a.session_id = :sid
     WHERE ${SERVING} ${like ? `AND (w.name LIKE :like ESCAPE '\\' OR w.emp_no LIKE :like ESCAPE '\\')` : ''}
     ORDER BY coalesce(g.sort_order, 1e9), g.name, w.emp_no`,
    { sid: s.id, tid: s.term_id, d: s.date, ...(like ? { like } : {}) },
  );
  return {
    rows: rows.map((r) => ({ memberId: r.member_id, workerId: r.worker_id, empNo: r.emp_no, name: r.name, groupName: r.group_name, status: r.status ?? 'absent', marked: r.status !== null })),
    counts: attendanceCounts(store, s),
  };
}

/** Marks one or many representatives; every id must be a representative serving on the session date. */
export function setAttendance(store: Store, op: Operator, actor: Actor, d: z.output<typeof attendanceSet>): AttendanceList {
  return store.tx(() => {
    const s = sessionRow(store, d.sessionId);
    assertStep(op, 'attendance', s.status);
    const ids = [...new Set(d.memberIds)];
    const serving = new Set(
      store.all<{ id: string }>(`SELECT m.id FROM congress_members m WHERE ${SERVING}`, { tid: s.term_id, d: s.date }).map((r) => r.id),
    );
    const stray = ids.filter((x) => !serving.has(x));
    if (stray.length > 0) throw new AppError('VALIDATION', 'err.congress.attendance.notServing', { count: stray.length, issues: [{ path: 'memberIds', message: 'v.invalid' }] });
    const before = attendanceCounts(store, s);
    const now = nowIso();
    for (const m of ids) {
      store.run(
        `INSERT INTO congress_attendance (session_id, member_id, status, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (session_id, member_id) DO UPDATE SET status = excluded.status, updated_at = excluded.updated_at`,
        [s.id, m, d.status, now],
      );
    }
    store.run(`UPDATE congress_sessions SET updated_at = ? WHERE id = ?`, [now, s.id]);
    const after = attendanceCounts(store, s);
    writeAudit(store, actor, { entity: 'congress_session', entityId: s.id, action: 'attendance', before, after: { ...after, status: d.status, memberIds: ids } }, now);
    return listAttendance(store, s.id, null);
  });
}

// ---------------------------------------------------------------------------------------------------------
// Votes

interface VoteBase {
  id: string;
  session_id: string;
  item_id: string;
  status: Vote['status'];
  method: Vote['method'];
  entitled: number;
  quorum_rule: Vote['quorumRule'];
}

function voteRow(store: Store, id: string): VoteBase {
  const v = store.get<VoteBase>(`SELECT id, session_id, item_id, status, method, entitled, quorum_rule FROM congress_votes WHERE id = ? AND deleted_at IS NULL`, [id]);
  if (!v) throw new AppError('NOT_FOUND', 'err.congress.vote.notFound', { id });
  return v;
}

function getVote(store: Store, id: string): Vote {
  return toVote(store.get(`SELECT * FROM congress_votes WHERE id = ?`, [id])!);
}

function assertVoteStep(action: VoteAction, status: Vote['status']) {
  const no = voteRefusal(action, status);
  if (no) throw new AppError('CONFLICT', no.key, no.params);
}

/**
 * Opens a vote on an item to vote on (a motion) or an election (one vote per candidate). Refused without a quorum.
 * The base (entitled) is fixed at opening: the representatives serving on the session date.
 */
export function openVote(store: Store, op: Operator, actor: Actor, d: z.output<typeof voteOpen>): SessionDetail {
  return store.tx(() => {
    const item = itemRow(store, d.itemId);
    const s = sessionRow(store, item.session_id);
    assertStep(op, 'vote', s.status);
    if (item.kind !== 'vote' && item.kind !== 'election') throw new AppError('CONFLICT', 'err.congress.vote.notVotable');
    if (item.kind === 'election' && !d.candidate) throw new AppError('VALIDATION', 'err.congress.vote.candidateNeeded', { issues: [{ path: 'candidate', message: 'v.required' }] });
    if (item.kind === 'vote' && d.candidate) throw new AppError('VALIDATION', 'err.congress.vote.noCandidates', { issues: [{ path: 'candidate', message: 'v.invalid' }] });
    const c = attendanceCounts(store, s);
    if (!c.quorum.met) throw new AppError('CONFLICT', 'err.congress.vote.noQuorum', { present: c.present, needed: c.quorum.needed, entitled: c.entitled });
    if (store.get(`SELECT 1 FROM congress_votes WHERE item_id = ? AND coalesce(candidate, '') = ? AND deleted_at IS NULL`, [item.id, d.candidate ?? ''])) {
      throw new AppError('CONFLICT', 'err.congress.vote.twice');
    }
    const id = uuidv7();
    const now = nowIso();
    const rule = termSettingsOf(termRow(store, s.term_id)).quorumRule;
    store.run(
      `INSERT INTO congress_votes (id, session_id, item_id, candidate, method, status, quorum_rule, entitled, present, needed, opened_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?)`,
      [id, s.id, item.id, d.candidate, d.method, rule, c.entitled, c.present, majorityNeeded(c.entitled), now, now, now],
    );
    writeAudit(store, actor, { entity: 'congress_vote', entityId: id, action: 'open', after: getVote(store, id) }, now);
    return getSession(store, s.id);
  });
}

/** Checks the counts against the representatives present now and decides by the legal rule; stores counts and verdict. */
function applyCounts(store: Store, v: VoteBase, counts: BallotCounts, status: 'counted' | 'announced', now: string): void {
  const s = sessionRow(store, v.session_id);
  const present = attendanceCounts(store, s).present;
  const problems = ballotProblems(counts, present);
  if (problems.length > 0) {
    const p = problems[0]!;
    const params = p.key === 'congress.ballot.tooManyIssued' ? { issued: p.issued, present: p.present } : p.key === 'congress.ballot.moreReturned' ? { returned: p.returned, issued: p.issued } : {};
    throw new AppError('VALIDATION', `err.${p.key}`, { ...params, issues: [{ path: p.key === 'congress.ballot.tooManyIssued' ? 'counts.issued' : 'counts', message: 'v.invalid' }] });
  }
  const r = decide(v.entitled, present, counts, v.quorum_rule);
  store.run(
    `UPDATE congress_votes SET status = ?, present = ?, issued = ?, yes = ?, no = ?, abstain = ?, invalid = ?, needed = ?, verdict = ?, updated_at = ? WHERE id = ?`,
    [status, present, counts.issued, counts.yes, counts.no, counts.abstain, counts.invalid, r.needed, r.verdict, now, v.id],
  );
}

export function countVote(store: Store, op: Operator, actor: Actor, id: string, counts: BallotCounts): SessionDetail {
  return store.tx(() => {
    const v = voteRow(store, id);
    assertStep(op, 'vote', sessionRow(store, v.session_id).status);
    assertVoteStep('count', v.status);
    if (v.method !== 'secret') throw new AppError('CONFLICT', 'err.congress.vote.methodNamed');
    const before = getVote(store, id);
    const now = nowIso();
    applyCounts(store, v, counts, 'counted', now);
    writeAudit(store, actor, { entity: 'congress_vote', entityId: id, action: 'count', before, after: getVote(store, id) }, now);
    return getSession(store, v.session_id);
  });
}

/** A named vote: each choice by a representative marked present; the counts follow (issued = present, none invalid). */
export function namedVote(store: Store, op: Operator, actor: Actor, d: z.output<typeof voteNamed>): SessionDetail {
  return store.tx(() => {
    const v = voteRow(store, d.id);
    const s = sessionRow(store, v.session_id);
    assertStep(op, 'vote', s.status);
    assertVoteStep('count', v.status);
    if (v.method !== 'named') throw new AppError('CONFLICT', 'err.congress.vote.methodSecret');
    const present = new Set(
      store.all<{ member_id: string }>(`SELECT member_id FROM congress_attendance WHERE session_id = ? AND status = 'present'`, [s.id]).map((r) => r.member_id),
    );
    const ids = d.ballots.map((b) => b.memberId);
    if (new Set(ids).size !== ids.length || ids.some((x) => !present.has(x))) {
      throw new AppError('VALIDATION', 'err.congress.vote.namedNotPresent', { issues: [{ path: 'ballots', message: 'v.invalid' }] });
    }
    const before = getVote(store, d.id);
    store.run(`DELETE FROM congress_vote_ballots WHERE vote_id = ?`, [d.id]);
    for (const b of d.ballots) store.run(`INSERT INTO congress_vote_ballots (vote_id, member_id, choice) VALUES (?, ?, ?)`, [d.id, b.memberId, b.choice]);
    const n = (c: string) => d.ballots.filter((b) => b.choice === c).length;
    const now = nowIso();
    applyCounts(store, v, { issued: present.size, yes: n('yes'), no: n('no'), abstain: n('abstain'), invalid: 0 }, 'counted', now);
    writeAudit(store, actor, { entity: 'congress_vote', entityId: d.id, action: 'count_named', before, after: { ...getVote(store, d.id), ballots: d.ballots } }, now);
    return getSession(store, s.id);
  });
}

export function announceVote(store: Store, op: Operator, actor: Actor, id: string): SessionDetail {
  return store.tx(() => {
    const v = voteRow(store, id);
    assertStep(op, 'vote', sessionRow(store, v.session_id).status);
    assertVoteStep('announce', v.status);
    const now = nowIso();
    store.run(`UPDATE congress_votes SET status = 'announced', announced_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'congress_vote', entityId: id, action: 'announce', after: getVote(store, id) }, now);
    return getSession(store, v.session_id);
  });
}

/** A vote opened by mistake, before its result is announced. */
export function discardVote(store: Store, op: Operator, actor: Actor, id: string): SessionDetail {
  return store.tx(() => {
    const v = voteRow(store, id);
    assertStep(op, 'vote', sessionRow(store, v.session_id).status);
    assertVoteStep('discard', v.status);
    const before = getVote(store, id);
    const now = nowIso();
    store.run(`UPDATE congress_votes SET deleted_at = ?, updated_at = ? WHERE id = ?`, [now, now, id]);
    writeAudit(store, actor, { entity: 'congress_vote', entityId: id, action: 'discard', before }, now);
    return getSession(store, v.session_id);
  });
}

/**
 * An announced result changed: only with a reason, audited with before and after; the verdict is decided again on the
 * new counts (a resolution already written stays for the operator to review).
 */
export function correctVote(store: Store, op: Operator, actor: Actor, id: string, counts: BallotCounts, reason: string): SessionDetail {
  return store.tx(() => {
    const v = voteRow(store, id);
    assertStep(op, 'record', sessionRow(store, v.session_id).status);
    assertVoteStep('correct', v.status);
    if (v.method !== 'secret') throw new AppError('CONFLICT', 'err.congress.vote.methodNamed');
    const before = getVote(store, id);
    const now = nowIso();
    applyCounts(store, v, counts, 'announced', now);
    store.run(`UPDATE congress_votes SET corrections = corrections + 1, correction_reason = ? WHERE id = ?`, [reason, id]);
    writeAudit(store, actor, { entity: 'congress_vote', entityId: id, action: 'correct', before, after: getVote(store, id), reason }, now);
    return getSession(store, v.session_id);
  });
}

// ---------------------------------------------------------------------------------------------------------
// 厂务公开

export function publicNotice(store: Store, id: string): PublicNotice {
  const s = getSession(store, id);
  const enterprise = store.get<{ name: string }>(`SELECT name FROM enterprise WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`)?.name ?? '';
  const results: PublicNotice['results'] = [];
  for (const item of s.agenda) {
    for (const v of item.votes) {
      if (v.status !== 'announced' || !v.counts || !v.verdict) continue;
      results.push({ itemTitle: item.title, candidate: v.candidate, counts: v.counts, base: v.entitled, needed: v.needed, verdict: v.verdict, resolution: v.verdict === 'passed' ? item.resolution : null });
    }
  }
  return { enterprise, termNumber: s.termNumber, seq: s.seq, kind: s.kind, date: s.date, place: s.place, counts: s.counts, results };
}
