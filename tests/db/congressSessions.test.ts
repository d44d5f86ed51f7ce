// The sessions of the workers' congress (issue 8, "The session" and "The day") through the real dispatch: the 5+X
// agenda, the hazard figures frozen at issue, the notice warning, check-in and the quorum, votes decided by the legal
// majority of ALL representatives, results locked once announced, corrections with a reason — and every refusal
// leaves the tables as they were.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, Session } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { type Call, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});


const TABLES = ['congress_sessions', 'congress_agenda_items', 'congress_item_materials', 'congress_attendance', 'congress_votes', 'congress_vote_ballots'];
/** A snapshot of the session tables, to prove a refusal changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rid`).all()));
}

const DAY = '2026-12-20';

/** A term with `n` representatives (from the roster's flags) and one observer. */
async function world(n: number) {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  for (let k = 1; k <= n; k++) {
    await admin('workers.create', { empNo: `R${String(k).padStart(3, '0')}`, name: `代表${k}`, gender: k % 3 === 0 ? 'F' : 'M', orgUnitId: ws.id, isRepresentative: true });
  }
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-01' });
  const guest = await admin('workers.create', { empNo: 'G001', name: '列席甲', gender: 'F', orgUnitId: ws.id });
  await admin('congress.memberAdd', { termId: term.id, workerId: guest.id, kind: 'observer', joinedOn: '2024-01-01', joinedBy: 'invitation' });
  return { admin, ws, term };
}

/** A 5+X session with one X item to vote on, papers issued and opened. */
async function openSession(admin: Call, termId: string) {
  let s = await admin('congress.sessionCreate', { termId, kind: 'safety', date: DAY, time: '08:30', place: '职工活动中心', convenor: '工会' });
  s = await admin('congress.agendaAdd', { sessionId: s.id, title: '审议集体合同草案', kind: 'vote', presenter: '王主席', plannedMinutes: 20 });
  s = await admin('congress.sessionStep', { id: s.id, action: 'issue' });
  s = await admin('congress.sessionStep', { id: s.id, action: 'open' });
  return s;
}

async function checkIn(admin: Call, sessionId: string, count: number) {
  const all = await admin('congress.attendance', { sessionId });
  return admin('congress.attendanceSet', { sessionId, memberIds: all.rows.slice(0, count).map((r) => r.memberId), status: 'present' });
}

describe('the session and its agenda', () => {
  it('creates 第3届第1次 from the 5+X template; the X item goes before the resolutions; reorder by ids', async () => {
    const { admin, term } = await world(3);
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, place: '职工活动中心' });
    expect(s).toMatchObject({ termNumber: 3, seq: 1, kind: 'safety', status: 'preparing', hazardsFrozen: false });
    expect(s.agenda.map((i) => i.templateKey)).toEqual(['opening', 'work_report', 'education', 'skills', 'protection', 'wage', 'hazards', 'resolutions', 'closing']);
    const x = await admin('congress.agendaAdd', { sessionId: s.id, title: '审议职工福利方案', kind: 'vote', presenter: '李经理', plannedMinutes: 15 });
    expect(x.agenda.map((i) => i.templateKey)).toEqual(['opening', 'work_report', 'education', 'skills', 'protection', 'wage', 'hazards', null, 'resolutions', 'closing']);
    expect(x.agenda.map((i) => i.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ids = x.agenda.map((i) => i.id);
    const moved = await admin('congress.agendaReorder', { sessionId: s.id, ids: [ids[0]!, ids[7]!, ...ids.slice(1, 7), ...ids.slice(8)] });
    expect(moved.agenda[1]!.title).toBe('审议职工福利方案');
    const second = await admin('congress.sessionCreate', { termId: term.id, date: '2027-06-01', kind: 'regular', template: false });
    expect(second).toMatchObject({ seq: 2, kind: 'regular', agenda: [] });
    expect((await admin('congress.sessions', { termId: term.id })).map((r) => r.seq)).toEqual([2, 1]);
  });

  it('refuses a taken number, a date outside the term, a bad reorder, an empty agenda or a safety session without its five — changing nothing', async () => {
    const { admin, term } = await world(3);
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY });
    const empty = await admin('congress.sessionCreate', { termId: term.id, date: '2027-03-01', kind: 'regular', template: false });
    const before = tables(tc!.core);
    const taken = await refusal(admin('congress.sessionCreate', { termId: term.id, seq: 1, date: '2027-01-10' }));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.seqTaken' });
    expect(say(taken)).toBe('本届已有第1次会议');
    const outside = await refusal(admin('congress.sessionCreate', { termId: term.id, date: '2029-03-01' }));
    expect(outside.message).toBe('err.congress.dateOutsideTerm');
    const badTime = await refusal(admin('congress.sessionCreate', { termId: term.id, date: DAY, time: '25:00' }));
    expect(badTime.details!.issues).toEqual([{ path: 'time', message: 'v.congress.time' }]);
    const ids = s.agenda.map((i) => i.id);
    const partial = await refusal(admin('congress.agendaReorder', { sessionId: s.id, ids: ids.slice(1) }));
    expect(partial.message).toBe('err.congress.item.reorderMismatch');
    const dup = await refusal(admin('congress.agendaReorder', { sessionId: s.id, ids: [ids[0]!, ...ids.slice(0, -1)] }));
    expect(dup.message).toBe('err.congress.item.reorderMismatch');
    const none = await refusal(admin('congress.sessionStep', { id: empty.id, action: 'issue' }));
    expect(none.message).toBe('err.congress.session.emptyAgenda');
    expect(tables(tc!.core)).toBe(before);
    // a safety session missing one of its five cannot issue its papers
    await admin('congress.agendaDelete', { id: s.agenda.find((i) => i.templateKey === 'wage')!.id });
    const before2 = tables(tc!.core);
    const five = await refusal(admin('congress.sessionStep', { id: s.id, action: 'issue' }));
    expect(five).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.fiveMissing' });
    expect(say(five)).toContain('尚缺 1 项');
    expect(tables(tc!.core)).toBe(before2);
  });

  it('follows the workflow: refused steps change nothing; editing stops once the papers are issued', async () => {
    const { admin, term } = await world(3);
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY });
    const before = tables(tc!.core);
    for (const action of ['withdraw', 'open', 'close'] as const) {
      const r = await refusal(admin('congress.sessionStep', { id: s.id, action }));
      expect(r).toMatchObject({ code: 'CONFLICT', message: `err.congress.session.cannot.${action}` });
    }
    const early = await refusal(admin('congress.attendanceSet', { sessionId: s.id, memberIds: [(await admin('congress.attendance', { sessionId: s.id })).rows[0]!.memberId], status: 'present' }));
    expect(early.message).toBe('err.congress.session.cannot.attendance');
    const rec = await refusal(admin('congress.agendaRecord', { id: s.agenda[0]!.id, summary: '已听取' }));
    expect(rec.message).toBe('err.congress.session.cannot.record');
    expect(tables(tc!.core)).toBe(before);
    const issued = await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    expect(issued.status).toBe('issued');
    const before2 = tables(tc!.core);
    const edit = await refusal(admin('congress.agendaAdd', { sessionId: s.id, title: '其他', kind: 'report' }));
    expect(edit.message).toBe('err.congress.session.cannot.edit');
    const del = await refusal(admin('congress.sessionDelete', { id: s.id }));
    expect(del.message).toBe('err.congress.session.cannot.delete');
    const vote = await refusal(admin('congress.voteOpen', { itemId: s.agenda.find((i) => i.kind === 'vote')!.id }));
    expect(vote.message).toBe('err.congress.session.cannot.vote');
    expect(tables(tc!.core)).toBe(before2);
    const back = await admin('congress.sessionStep', { id: s.id, action: 'withdraw' });
    expect(back).toMatchObject({ status: 'preparing', hazardsFrozen: false, issuedAt: null });
  });

  it('only union officers and administrators run sessions; anyone signed in reads', async () => {
    const { admin, ws, term } = await world(3);
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY });
    const so = await admin('workers.create', { empNo: 'S001', name: '赵安全', gender: 'M', orgUnitId: ws.id, roles: ['safety_officer'] });
    const soOp = await admin('operators.add', { workerId: so.id });
    const session: Session = { operatorId: null };
    const asSo: Call = async (channel, input) => {
      const r = await tc!.core.dispatch(channel, input ?? {}, session);
      if (!r.ok) throw Object.assign(new Error(r.error.message), { data: r.error });
      return r.value as never;
    };
    await asSo('session.signIn', { operatorId: soOp.id });
    const before = tables(tc!.core);
    const r = await refusal(asSo('congress.sessionStep', { id: s.id, action: 'issue' }));
    expect(r).toMatchObject({ code: 'FORBIDDEN', message: 'err.congress.runnersOnly' });
    expect(await refusal(asSo('congress.agendaAdd', { sessionId: s.id, title: '其他', kind: 'report' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(await refusal(asSo('congress.sessionCreate', { termId: term.id, date: DAY }))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await asSo('congress.session', { id: s.id })).id).toBe(s.id);
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('item 5: the hazard figures', () => {
  it('counts the ledger for the period and freezes it at issue; later hazards do not change what the papers showed', async () => {
    const { admin, ws, term } = await world(3);
    const h1 = await admin('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', description: '安全阀铅封损坏', orgUnitId: ws.id });
    await admin('hazards.report', { foundAt: '2026-11-21T10:00', source: 'self_check', category1: 'management', description: '巡检记录缺失', orgUnitId: ws.id });
    await admin('hazards.confirm', { id: h1.id, grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    const s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, periodFrom: '2026-01-01', periodTo: '2026-12-31' });
    expect(s.hazards).toMatchObject({ from: '2026-01-01', to: '2026-12-31', found: 2, open: 2, closed: 0 });
    expect(s.hazards.majors).toMatchObject([{ description: '安全阀铅封损坏', workshop: '合成车间', status: 'confirmed', foundDate: '2026-11-20' }]);
    const issued = await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    expect(issued.hazardsFrozen).toBe(true);
    expect(issued.hazards.found).toBe(2);
    const frozen = issued.hazards;
    await admin('hazards.report', { foundAt: '2026-11-25T10:00', source: 'worker_report', category1: 'human', description: '未戴安全帽', orgUnitId: ws.id });
    const later = await admin('congress.session', { id: s.id });
    expect(later.hazards).toEqual(frozen);
    // while preparing the figures are live
    const draft = await admin('congress.sessionCreate', { termId: term.id, date: '2027-01-15', periodFrom: '2026-01-01', periodTo: '2027-01-15' });
    expect(draft.hazards.found).toBe(3);
  });

  it('warns when the notice is shorter than the setting (7 days by default), without refusing', async () => {
    const { admin, term } = await world(3);
    const today = new Date().toISOString().slice(0, 10);
    const soon = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    void today;
    const s = await admin('congress.sessionCreate', { termId: term.id, date: soon });
    expect(s.notice).toMatchObject({ needed: 7, short: true });
    const issued = await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    expect(issued.status).toBe('issued');
    expect(issued.notice.short).toBe(true);
    expect(await admin('congress.sessionSettingsSave', { noticeDays: 2 })).toEqual({ noticeDays: 2 });
    expect((await admin('congress.session', { id: s.id })).notice.short).toBe(false);
  });
});

describe('the day', () => {
  it('check-in one by one or many at once, search by name or 工号; live counts; observers are not counted', async () => {
    const { admin, term } = await world(9);
    const s = await openSession(admin, term.id);
    const all = await admin('congress.attendance', { sessionId: s.id });
    expect(all.rows).toHaveLength(9);
    expect(all.counts).toMatchObject({ entitled: 9, present: 0, leave: 0, absent: 9, quorum: { needed: 7, met: false } });
    expect((await admin('congress.attendance', { sessionId: s.id, q: 'R00' })).rows).toHaveLength(9);
    expect((await admin('congress.attendance', { sessionId: s.id, q: '代表3' })).rows.map((r) => r.empNo)).toEqual(['R003']);
    expect((await admin('congress.attendance', { sessionId: s.id, q: '%' })).rows).toHaveLength(0);
    await admin('congress.attendanceSet', { sessionId: s.id, memberIds: [all.rows[0]!.memberId], status: 'present' });
    const many = await admin('congress.attendanceSet', { sessionId: s.id, memberIds: all.rows.slice(1, 6).map((r) => r.memberId), status: 'present' });
    const leave = await admin('congress.attendanceSet', { sessionId: s.id, memberIds: [all.rows[8]!.memberId], status: 'leave' });
    expect(many.counts.present).toBe(6);
    expect(leave.counts).toMatchObject({ entitled: 9, present: 6, leave: 1, absent: 2, quorum: { met: false } });
    const q = await admin('congress.attendanceSet', { sessionId: s.id, memberIds: [all.rows[6]!.memberId], status: 'present' });
    expect(q.counts.quorum).toMatchObject({ present: 7, needed: 7, met: true });
    // someone not serving is refused, and nothing changes
    const before = tables(tc!.core);
    const stray = await refusal(admin('congress.attendanceSet', { sessionId: s.id, memberIds: [all.rows[7]!.memberId, 'nope'], status: 'present' }));
    expect(stray.message).toBe('err.congress.attendance.notServing');
    expect(tables(tc!.core)).toBe(before);
  });

  it('no vote can open without quorum (refused by the backend, nothing written)', async () => {
    const { admin, term } = await world(9);
    const s = await openSession(admin, term.id);
    await checkIn(admin, s.id, 6);
    const item = s.agenda.find((i) => i.templateKey === null)!;
    const before = tables(tc!.core);
    const r = await refusal(admin('congress.voteOpen', { itemId: item.id }));
    expect(r).toMatchObject({ code: 'CONFLICT', message: 'err.congress.vote.noQuorum' });
    expect(say(r)).toBe('出席代表 6 人，未达法定人数（全体 9 人，须至少 7 人），不能进行表决');
    const report = s.agenda.find((i) => i.kind === 'report')!;
    await checkIn(admin, s.id, 7);
    const before2 = tables(tc!.core);
    expect((await refusal(admin('congress.voteOpen', { itemId: report.id }))).message).toBe('err.congress.vote.notVotable');
    expect(tables(tc!.core)).toBe(before2);
    void before;
    const opened = await admin('congress.voteOpen', { itemId: item.id });
    expect(opened.agenda.find((i) => i.id === item.id)!.votes[0]).toMatchObject({ status: 'open', entitled: 9, present: 7, needed: 5 });
  });

  it('with 90 representatives, 45 yes fail and 46 pass — whatever the number present', async () => {
    const { admin, term } = await world(90);
    const s = await openSession(admin, term.id);
    await checkIn(admin, s.id, 61);
    const items = s.agenda.filter((i) => i.kind === 'vote');
    // the wage item: most present vote yes (45 of 61) — not an absolute majority of all 90
    let d = await admin('congress.voteOpen', { itemId: items[0]!.id });
    const v1 = d.agenda.find((i) => i.id === items[0]!.id)!.votes[0]!;
    d = await admin('congress.voteCount', { id: v1.id, counts: { issued: 61, yes: 45, no: 10, abstain: 6, invalid: 0 } });
    expect(d.agenda.find((i) => i.id === items[0]!.id)!.votes[0]).toMatchObject({ verdict: 'failed', entitled: 90, needed: 46, present: 61 });
    // with everyone present, 45 still fail; 46 pass
    await checkIn(admin, s.id, 90);
    d = await admin('congress.voteCount', { id: v1.id, counts: { issued: 90, yes: 45, no: 45, abstain: 0, invalid: 0 } });
    expect(d.agenda.find((i) => i.id === items[0]!.id)!.votes[0]).toMatchObject({ verdict: 'failed', present: 90 });
    d = await admin('congress.voteOpen', { itemId: items[1]!.id });
    const v2 = d.agenda.find((i) => i.id === items[1]!.id)!.votes[0]!;
    d = await admin('congress.voteCount', { id: v2.id, counts: { issued: 90, yes: 46, no: 44, abstain: 0, invalid: 0 } });
    expect(d.agenda.find((i) => i.id === items[1]!.id)!.votes[0]).toMatchObject({ verdict: 'passed', needed: 46 });
    // at the least quorum (61 present), 46 pass
    await admin('congress.attendanceSet', { sessionId: s.id, memberIds: (await admin('congress.attendance', { sessionId: s.id })).rows.slice(61).map((r) => r.memberId), status: 'absent' });
    d = await admin('congress.voteCount', { id: v2.id, counts: { issued: 61, yes: 46, no: 15, abstain: 0, invalid: 0 } });
    expect(d.agenda.find((i) => i.id === items[1]!.id)!.votes[0]).toMatchObject({ verdict: 'passed', present: 61 });
  });

  it('ballot counts are checked against ballots issued and those present; refusals change nothing', async () => {
    const { admin, term } = await world(9);
    const s = await openSession(admin, term.id);
    await checkIn(admin, s.id, 8);
    const item = s.agenda.find((i) => i.templateKey === null)!;
    const d = await admin('congress.voteOpen', { itemId: item.id });
    const v = d.agenda.find((i) => i.id === item.id)!.votes[0]!;
    const before = tables(tc!.core);
    const many = await refusal(admin('congress.voteCount', { id: v.id, counts: { issued: 9, yes: 5, no: 0, abstain: 0, invalid: 0 } }));
    expect(say(many)).toBe('发出选票 9 张，多于出席代表 8 人');
    const back = await refusal(admin('congress.voteCount', { id: v.id, counts: { issued: 8, yes: 5, no: 3, abstain: 1, invalid: 0 } }));
    expect(back.message).toBe('err.congress.ballot.moreReturned');
    const neg = await refusal(admin('congress.voteCount', { id: v.id, counts: { issued: 8, yes: -1, no: 3, abstain: 1, invalid: 0 } }));
    expect(neg.code).toBe('VALIDATION');
    const early = await refusal(admin('congress.voteAnnounce', { id: v.id }));
    expect(early.message).toBe('err.congress.vote.cannot.announce');
    const twice = await refusal(admin('congress.voteOpen', { itemId: item.id }));
    expect(twice.message).toBe('err.congress.vote.twice');
    const close = await refusal(admin('congress.sessionStep', { id: s.id, action: 'close' }));
    expect(close.message).toBe('err.congress.session.votesPending');
    expect(tables(tc!.core)).toBe(before);
  });

  it('results are locked once announced; a correction needs a reason and is audited; resolutions only for a passed item; the public notice', async () => {
    const { admin, term } = await world(9);
    const s = await openSession(admin, term.id);
    await checkIn(admin, s.id, 8);
    const item = s.agenda.find((i) => i.templateKey === null)!;
    let d = await admin('congress.voteOpen', { itemId: item.id });
    const v = d.agenda.find((i) => i.id === item.id)!.votes[0]!;
    await admin('congress.voteCount', { id: v.id, counts: { issued: 8, yes: 4, no: 3, abstain: 1, invalid: 0 } });
    // not passed: no resolution
    await admin('congress.voteAnnounce', { id: v.id });
    const before = tables(tc!.core);
    const noRes = await refusal(admin('congress.agendaRecord', { id: item.id, summary: '代表审议', resolution: '通过' }));
    expect(noRes.message).toBe('err.congress.item.resolutionNeedsPass');
    const locked = await refusal(admin('congress.voteCount', { id: v.id, counts: { issued: 8, yes: 6, no: 1, abstain: 1, invalid: 0 } }));
    expect(locked).toMatchObject({ code: 'CONFLICT', message: 'err.congress.vote.locked' });
    expect((await refusal(admin('congress.voteDiscard', { id: v.id }))).message).toBe('err.congress.vote.locked');
    const noReason = await refusal(admin('congress.voteCorrect', { id: v.id, counts: { issued: 8, yes: 6, no: 1, abstain: 1, invalid: 0 }, reason: ' ' }));
    expect(noReason.details!.issues).toEqual([{ path: 'reason', message: 'v.required' }]);
    expect(tables(tc!.core)).toBe(before);
    d = await admin('congress.voteCorrect', { id: v.id, counts: { issued: 8, yes: 6, no: 1, abstain: 1, invalid: 0 }, reason: '监票人复核，误将两张赞成票计入反对' });
    expect(d.agenda.find((i) => i.id === item.id)!.votes[0]).toMatchObject({ status: 'announced', verdict: 'passed', corrections: 1, correctionReason: '监票人复核，误将两张赞成票计入反对' });
    const audit = tc!.core.store.db.prepare(`SELECT action, reason FROM audit_log WHERE entity = 'congress_vote' AND entity_id = ? ORDER BY seq`).all(v.id);
    expect(audit).toEqual([
      { action: 'open', reason: null },
      { action: 'count', reason: null },
      { action: 'announce', reason: null },
      { action: 'correct', reason: '监票人复核，误将两张赞成票计入反对' },
    ]);
    d = await admin('congress.agendaRecord', { id: item.id, summary: '代表分组审议，意见一致', resolution: '大会同意集体合同草案。' });
    expect(d.agenda.find((i) => i.id === item.id)).toMatchObject({ resolution: '大会同意集体合同草案。' });
    await admin('congress.sessionStep', { id: s.id, action: 'close' });
    const notice = await admin('congress.sessionNotice', { id: s.id });
    expect(notice).toMatchObject({ enterprise: '测试化工有限公司', termNumber: 3, seq: 1, counts: { entitled: 9, present: 8 } });
    expect(notice.results).toEqual([
      { itemTitle: '审议集体合同草案', candidate: null, counts: { issued: 8, yes: 6, no: 1, abstain: 1, invalid: 0 }, base: 9, needed: 5, verdict: 'passed', resolution: '大会同意集体合同草案。' },
    ]);
  });

  it('elections: one vote per candidate by the same rule; a named vote from those present', async () => {
    const { admin, term } = await world(9);
    let s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, kind: 'regular', template: false });
    s = await admin('congress.agendaAdd', { sessionId: s.id, title: '选举劳动保护监督检查委员会委员', kind: 'election' });
    s = await admin('congress.agendaAdd', { sessionId: s.id, title: '表决安全生产责任制考核办法', kind: 'vote' });
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    await admin('congress.sessionStep', { id: s.id, action: 'open' });
    const att = await checkIn(admin, s.id, 7);
    const [elect, motion] = s.agenda;
    const before = tables(tc!.core);
    expect((await refusal(admin('congress.voteOpen', { itemId: elect!.id }))).message).toBe('err.congress.vote.candidateNeeded');
    expect((await refusal(admin('congress.voteOpen', { itemId: motion!.id, candidate: '张三' }))).message).toBe('err.congress.vote.noCandidates');
    expect(tables(tc!.core)).toBe(before);
    let d = await admin('congress.voteOpen', { itemId: elect!.id, candidate: '张三' });
    d = await admin('congress.voteOpen', { itemId: elect!.id, candidate: '李四' });
    const [zs, ls] = d.agenda[0]!.votes;
    d = await admin('congress.voteCount', { id: zs!.id, counts: { issued: 7, yes: 5, no: 2, abstain: 0, invalid: 0 } });
    d = await admin('congress.voteCount', { id: ls!.id, counts: { issued: 7, yes: 4, no: 2, abstain: 1, invalid: 0 } });
    expect(d.agenda[0]!.votes.map((v) => [v.candidate, v.verdict])).toEqual([['张三', 'passed'], ['李四', 'failed']]);
    d = await admin('congress.voteOpen', { itemId: motion!.id, method: 'named' });
    const nv = d.agenda[1]!.votes[0]!;
    const present = att.rows.filter((r) => r.status === 'present');
    const absent = att.rows.find((r) => r.status === 'absent')!;
    const before2 = tables(tc!.core);
    expect((await refusal(admin('congress.voteNamed', { id: nv.id, ballots: [{ memberId: absent.memberId, choice: 'yes' }] }))).message).toBe('err.congress.vote.namedNotPresent');
    expect((await refusal(admin('congress.voteCount', { id: nv.id, counts: { issued: 7, yes: 7, no: 0, abstain: 0, invalid: 0 } }))).message).toBe('err.congress.vote.methodNamed');
    expect(tables(tc!.core)).toBe(before2);
    d = await admin('congress.voteNamed', { id: nv.id, ballots: present.map((r, k) => ({ memberId: r.memberId, choice: k < 5 ? 'yes' : 'no' })) });
    expect(d.agenda[1]!.votes[0]).toMatchObject({ verdict: 'passed', counts: { issued: 7, yes: 5, no: 2, abstain: 0, invalid: 0 } });
  });

  it('the minutes PDF: cover, attendance with the quorum sentence, every item, the counts and verdicts, the resolution, signature lines, page numbers and the fingerprint', async () => {
    const { admin, ws, term } = await world(15);
    await admin('hazards.report', { foundAt: '2026-11-20T09:30', source: 'self_check', category1: 'material', description: '液氯储罐区泄漏报警失灵', orgUnitId: ws.id }).then((h) =>
      admin('hazards.confirm', { id: h.id, grade: 'major', lec: { l: 6, e: 6, c: 40 } }),
    );
    let s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, time: '08:30', place: '职工活动中心', convenor: '公司工会', periodFrom: '2026-01-01' });
    const early = await refusal(admin('congress.sessionMinutesPdf', { id: s.id }));
    expect(early).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.minutesNotYet' });
    s = await admin('congress.agendaAdd', { sessionId: s.id, title: '审议《职工劳动防护用品发放标准》', kind: 'vote', presenter: '李经理', plannedMinutes: 20 });
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    s = await admin('congress.sessionStep', { id: s.id, action: 'open' });
    await checkIn(admin, s.id, 12);
    const wage = s.agenda.find((i) => i.templateKey === 'wage')!;
    const x = s.agenda.find((i) => i.templateKey === null)!;
    for (const [item, yes] of [[wage, 9], [x, 7]] as const) {
      const d = await admin('congress.voteOpen', { itemId: item.id });
      const v = d.agenda.find((i) => i.id === item.id)!.votes[0]!;
      await admin('congress.voteCount', { id: v.id, counts: { issued: 12, yes, no: 12 - yes - 1, abstain: 1, invalid: 0 } });
      await admin('congress.voteAnnounce', { id: v.id });
    }
    await admin('congress.agendaRecord', { id: wage.id, summary: '代表分组讨论了能级工资方案', resolution: '大会通过安全生产“能级工资”专题协商方案。' });
    await admin('congress.sessionStep', { id: s.id, action: 'close' });
    const ref = await admin('congress.sessionMinutesPdf', { id: s.id });
    expect(ref.fileName).toBe('第3届职工代表大会第1次会议纪要.pdf');
    const bytes = tc!.fileBytes(ref);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-minutes-'));
    const file = path.join(dir, 'minutes.pdf');
    fs.writeFileSync(file, bytes);
    if (process.env.ANKANG_KEEP_MINUTES) fs.copyFileSync(file, process.env.ANKANG_KEEP_MINUTES); // to look at it
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const flat = text.replace(/\s+/g, '');
    for (const want of [
      '测试化工有限公司',
      '第3届职工代表大会第1次会议',
      '会议类型：安全生产专题',
      '会议地点：职工活动中心',
      '应到代表15人，实到12人，请假0人，缺席3人。',
      '超过全体代表的三分之二出席方为有效，须至少11人；实到12人，符合法定人数，会议有效。',
      ...s.agenda.map((i) => i.title.replace(/\s+/g, '')),
      '发现隐患1项，整改销号0项',
      '液氯储罐区泄漏报警失灵',
      '赞成9票，反对2票，弃权1票，无效0票',
      '应到代表15人，赞成9票，超过全体代表的半数（须至少8票），通过。',
      '应到代表15人，赞成7票，未超过全体代表的半数（须至少8票），未通过。',
      '决议：大会通过安全生产“能级工资”专题协商方案。',
      '主持人（签字）：',
      '记录人（签字）：',
      '第1页/共',
      '数据指纹',
    ]) {
      expect(flat, want).toContain(want);
    }
    // every font embedded (a subset of the CJK font), none left to the reader's system
    const rows = fonts.split('\n').slice(2).filter((l) => l.trim());
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r).toMatch(/\byes\s+yes\s+(yes|no)\s+\d+\s+\d+\s*$/);
  });

  it('the papers: the notice with the agenda, the sign-in sheet of the representatives, the ballots three to a page — once issued', async () => {
    const { admin, term } = await world(5);
    let s = await admin('congress.sessionCreate', { termId: term.id, date: DAY, time: '08:30', place: '职工活动中心', convenor: '公司工会' });
    const early = await refusal(admin('congress.sessionPapersPdf', { id: s.id, paper: 'notice' }));
    expect(early).toMatchObject({ code: 'CONFLICT', message: 'err.congress.session.papersNotYet' });
    s = await admin('congress.agendaAdd', { sessionId: s.id, title: '选举劳动保护监督检查委员会委员', kind: 'election' });
    await admin('congress.sessionStep', { id: s.id, action: 'issue' });
    const pdfText = (paper: 'notice' | 'signIn' | 'ballots') =>
      admin('congress.sessionPapersPdf', { id: s.id, paper }).then((ref) => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-papers-'));
        const file = path.join(dir, 'p.pdf');
        fs.writeFileSync(file, tc!.fileBytes(ref));
        if (process.env.ANKANG_KEEP_MINUTES) fs.copyFileSync(file, `${process.env.ANKANG_KEEP_MINUTES}.${paper}.pdf`);
        const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
        const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
        fs.rmSync(dir, { recursive: true, force: true });
        return { name: ref.fileName, flat: text.replace(/\s+/g, ''), pages };
      });
    const notice = await pdfText('notice');
    expect(notice.name).toBe('第3届职工代表大会第1次会议会议通知.pdf');
    for (const want of ['关于召开第3届职工代表大会第1次会议的通知', '2026年12月20日08:30在职工活动中心召开', '班组安全生产教育引领', '选举劳动保护监督检查委员会委员', '超过全体代表的三分之二出席方可召开', '公司工会']) {
      expect(notice.flat, want).toContain(want);
    }
    const sign = await pdfText('signIn');
    for (const want of ['职工代表签到表', '应到5人', '代表1', 'R005', '本人签到']) expect(sign.flat, want).toContain(want);
    const ballots = await pdfText('ballots');
    // three items to vote on (the wage item, the resolutions, the election) × 5 representatives, three to a page
    expect(ballots.flat.match(/表决票/g)!.length).toBeGreaterThanOrEqual(10);
    expect(ballots.flat.match(/选举票/g)).toHaveLength(5);
    expect(ballots.flat).toContain('只能划一处；多划、不划或无法辨认的为无效票');
    expect(ballots.pages).toBe(5);
  });
});
