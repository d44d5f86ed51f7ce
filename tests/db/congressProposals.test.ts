// Proposals (提案, issue 8) through the real dispatch: collection window and co-signer rules, review by the proposal
// committee, assignment, answers by the lead department, the proposer's feedback with the one-time second answer,
// archive, the report, the link to the hazard ledger (a hazard closed through the hazard channels shows on the
// proposal). Every refusal leaves the tables as they were.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { Core, Session } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput } from '../../shared/contract';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { type Call, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});


const TABLES = [
  'congress_proposals',
  'congress_proposal_cosigners',
  'congress_proposal_units',
  'congress_proposal_photos',
  'congress_proposal_answers',
  'congress_proposal_events',
  'congress_proposal_hazards',
  'congress_proposal_settings',
  'congress_proposal_committee',
  'hazards',
  'serials',
  'audit_log',
];
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(TABLES.map((t) => db.prepare(`SELECT * FROM ${t}`).all()));
}

const today = todayLocal();

async function world() {
  tc = await openTestCore();
  const core = tc.core;
  const admin = tc.call as Call;
  const as = async (workerId: string): Promise<Call> => {
    const op = await admin('operators.add', { workerId });
    const session: Session = { operatorId: null };
    const call: Call = async (channel, input) => {
      const r = await core.dispatch(channel, input ?? {}, session);
      if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
      return r.value as never;
    };
    await call('session.signIn', { operatorId: op.id });
    return call;
  };
  const wsA = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const wsB = await admin('org.create', { kind: 'workshop', parentId: null, name: '设备部' });
  const teamB = await admin('org.create', { kind: 'team', parentId: wsB.id, name: '维修班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: wsA.id, ...extra });
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  const reps = [];
  for (const [no, name] of [['R1', '张提案'], ['R2', '李附议'], ['R3', '王附议'], ['R4', '赵附议']] as const) {
    const x = await w(no, name, { roles: ['team_leader'] });
    await admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2024-01-01' });
    reps.push(x);
  }
  const [r1, r2, r3, r4] = reps as [(typeof reps)[0], (typeof reps)[0], (typeof reps)[0], (typeof reps)[0]];
  // an observer (no vote) and a representative who has left
  const obs = await w('O1', '钱列席');
  await admin('congress.memberAdd', { termId: term.id, workerId: obs.id, joinedOn: '2024-01-01', kind: 'observer' });
  const gone = await w('G1', '孙离任');
  const m = await admin('congress.memberAdd', { termId: term.id, workerId: gone.id, joinedOn: '2024-01-01' });
  await admin('congress.memberEnd', { id: m.id, leftOn: '2025-06-30', leftBy: 'departure' });
  const outsider = await w('X1', '周职工', { roles: ['team_leader'] });
  const member = await w('C1', '吴委员', { roles: ['team_leader'] });
  const engineer = await w('E1', '郑设备', { roles: ['team_leader'], orgUnitId: teamB.id });
  const safety = await w('S1', '冯安全', { roles: ['safety_officer'] });
  const sessionDate = shiftDate(today, 10);
  const settings = await admin('congress.proposalSettingsSave', {
    termId: term.id,
    windowDays: 30,
    minCosigners: 2,
    secondAnswerDays: 15,
    sessionDate,
    committee: [member.id],
  });
  const input = (o: Partial<ChannelInput<'congress.proposalSubmit'>> = {}): ChannelInput<'congress.proposalSubmit'> => ({
    termId: term.id,
    category: 'safety',
    title: '合成车间反应釜平台护栏加高',
    reason: '平台护栏高度仅 0.9 米，低于规范要求',
    measure: '护栏加高至 1.2 米并加设踢脚板',
    proposerId: r1.id,
    cosignerIds: [r2.id, r3.id],
    ...o,
  });
  return { core, admin, as, term, wsA, wsB, teamB, r1, r2, r3, r4, obs, gone, outsider, member, engineer, safety, settings, input };
}

describe('collection and co-signers', () => {
  it('settings: defaults, the committee, the window; only the union office sets them', async () => {
    const { admin, as, term, member, outsider, settings } = await world();
    expect(settings).toMatchObject({ windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: shiftDate(today, 10), opensOn: shiftDate(today, -20) });
    expect(settings.committee.map((c) => c.name)).toEqual(['吴委员']);
    const o = await as(outsider.id);
    const before = tables(tc!.core);
    expect(await refusal(o('congress.proposalSettingsSave', { termId: term.id, windowDays: 10, minCosigners: 0, secondAnswerDays: 5, sessionDate: null }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'err.congress.runnersOnly',
    });
    const outside = await refusal(admin('congress.proposalSettingsSave', { termId: term.id, windowDays: 10, minCosigners: 0, secondAnswerDays: 5, sessionDate: '2030-01-01' }));
    expect(outside).toMatchObject({ code: 'VALIDATION', message: 'err.congress.proposal.sessionOutsideTerm' });
    expect(tables(tc!.core)).toBe(before);
    void member;
  });

  it('refuses a proposal outside the rules — each refusal changes nothing; the valid one gets its serial', async () => {
    const { admin, term, r1, r2, r3, r4, obs, gone, input } = await world();
    const before = tables(tc!.core);
    const cases: [Partial<ChannelInput<'congress.proposalSubmit'>>, string, string][] = [
      [{ cosignerIds: [r2.id] }, 'err.congress.proposal.tooFewCosigners', '每件提案至少需要 2 名附议人（现有 1 名）'],
      [{ cosignerIds: [r2.id, r1.id] }, 'err.congress.proposal.cosignerIsProposer', '提案人不能同时作为附议人'],
      [{ cosignerIds: [r2.id, r2.id] }, 'err.congress.proposal.cosignerTwice', '附议人不能重复'],
      [{ cosignerIds: [r2.id, obs.id, gone.id] }, 'err.congress.proposal.cosignerNotServing', '附议人须为本届现任职工代表：钱列席、孙离任'],
      [{ proposerId: obs.id, cosignerIds: [r2.id, r3.id] }, 'err.congress.proposal.proposerNotServing', `钱列席 在 ${today} 不是本届现任职工代表，不能提出提案`],
      [{ submittedOn: shiftDate(today, -25) }, 'err.congress.proposal.outsideWindow', `提案征集期为 ${shiftDate(today, -20)} 至 ${shiftDate(today, 9)}`],
      [{ submittedOn: shiftDate(today, 1) }, 'err.congress.proposal.futureDate', '提交日期不能晚于今天'],
      [{ photoIds: ['nope'] }, 'err.congress.proposal.photoNotFound', '找不到所附照片'],
    ];
    for (const [o, key, text] of cases) {
      const e = await refusal(admin('congress.proposalSubmit', input(o)));
      expect(e.message, key).toBe(key);
      expect(say(e)).toBe(text);
    }
    const noTitle = await refusal(admin('congress.proposalSubmit', input({ title: '  ' })));
    expect(noTitle.details!.issues).toEqual([{ path: 'title', message: 'v.required' }]);
    expect(tables(tc!.core)).toBe(before);
    const p = await admin('congress.proposalSubmit', input({ cosignerIds: [r2.id, r3.id, r4.id] }));
    expect(p).toMatchObject({ serial: `TA3-${today.slice(0, 4)}-001`, state: 'submitted', cosigners: 3, onBehalf: true, enteredBy: '王主席', submittedOn: today, sessionDate: shiftDate(today, 10) });
    expect(p.cosignerList.map((c) => c.name)).toEqual(['李附议', '王附议', '赵附议']);
    // the union office may review, assign and enter on behalf
    expect(p.allowedActions).toEqual(['file', 'refer', 'reject']);
    const p2 = await admin('congress.proposalSubmit', input({ title: '第二件' }));
    expect(p2.serial).toBe(`TA3-${today.slice(0, 4)}-002`);
    void term;
  });

  it('collection must be opened (a session date) first', async () => {
    const { admin, term, input } = await world();
    await admin('congress.proposalSettingsSave', { termId: term.id, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: null });
    const before = tables(tc!.core);
    expect(await refusal(admin('congress.proposalSubmit', input()))).toMatchObject({ code: 'CONFLICT', message: 'err.congress.proposal.collectionNotOpen' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('a representative enters their own proposal; nobody else but the union office enters one for them', async () => {
    const { as, r1, r2, outsider, input } = await world();
    const own = await (await as(r1.id))('congress.proposalSubmit', input());
    expect(own.onBehalf).toBe(false);
    // r1 is not on the committee: no review for them
    expect(own.allowedActions).toEqual([]);
    const [o, other] = [await as(outsider.id), await as(r2.id)];
    const before = tables(tc!.core);
    expect(await refusal(o('congress.proposalSubmit', input()))).toMatchObject({ code: 'FORBIDDEN', message: 'err.congress.proposal.ownOrOffice' });
    expect(await refusal(other('congress.proposalSubmit', input()))).toMatchObject({ code: 'FORBIDDEN' });
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('review, assignment, answer, feedback', () => {
  it('runs the whole way, with the second answer final; each wrong hand is refused and changes nothing', async () => {
    const { admin, as, r1, member, engineer, outsider, teamB, wsA, input } = await world();
    const proposer = await as(r1.id);
    const committee = await as(member.id);
    const lead = await as(engineer.id);
    const stranger = await as(outsider.id);
    const p = await admin('congress.proposalSubmit', input());

    let before = tables(tc!.core);
    expect(await refusal(lead('congress.proposalReview', { id: p.id, decision: 'file' }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.congress.proposal.committeeOnly' });
    expect(await refusal(committee('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, dueDate: shiftDate(today, 20) }))).toMatchObject({
      code: 'CONFLICT',
      message: 'err.congress.proposal.badState',
    });
    expect(tables(tc!.core)).toBe(before);
    const filed = await committee('congress.proposalReview', { id: p.id, decision: 'file' });
    expect(filed.state).toBe('filed');
    expect(filed.allowedActions).toEqual([]);

    before = tables(tc!.core);
    expect(await refusal(committee('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, dueDate: shiftDate(today, 20) }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'err.congress.runnersOnly',
    });
    expect(await refusal(admin('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, dueDate: shiftDate(today, -1) }))).toMatchObject({
      message: 'err.congress.proposal.dueInPast',
    });
    expect((await refusal(admin('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, coUnitIds: [teamB.id], dueDate: shiftDate(today, 20) }))).details!.issues).toEqual([
      { path: 'coUnitIds', message: 'v.congress.proposal.leadIsCo' },
    ]);
    expect(tables(tc!.core)).toBe(before);
    const assigned = await admin('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, coUnitIds: [wsA.id], dueDate: shiftDate(today, 20), note: '请设备部牵头' });
    expect(assigned).toMatchObject({ state: 'assigned', leadUnitName: '维修班', dueDate: shiftDate(today, 20), overdue: false });
    expect(assigned.coUnits.map((u) => u.name)).toEqual(['合成车间']);
    expect((await lead('congress.proposal', { id: p.id })).allowedActions).toEqual(['answer', 'linkHazard']);

    before = tables(tc!.core);
    expect(await refusal(stranger('congress.proposalAnswer', { id: p.id, answerClass: 'A', text: '已完成', cost: 100 }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'err.congress.proposal.leadOnly',
    });
    const noPlan = await refusal(lead('congress.proposalAnswer', { id: p.id, answerClass: 'B', text: '列入计划', cost: 5000 }));
    expect(noPlan.details!.issues).toEqual([
      { path: 'plan', message: 'v.required' },
      { path: 'plannedBy', message: 'v.required' },
    ]);
    expect(tables(tc!.core)).toBe(before);
    const answered = await lead('congress.proposalAnswer', { id: p.id, answerClass: 'B', text: '列入明年检修计划', plan: '停车检修时更换护栏', plannedBy: '2027-06-30', cost: 12000.5 });
    expect(answered).toMatchObject({ state: 'answered', answerClass: 'B' });
    expect(answered.answers[0]).toMatchObject({ round: 1, cost: 1200050, plan: '停车检修时更换护栏', answeredBy: '郑设备' });

    before = tables(tc!.core);
    expect(await refusal(lead('congress.proposalFeedback', { id: p.id, feedback: 'satisfied' }))).toMatchObject({ message: 'err.congress.proposal.proposerOnly' });
    expect((await refusal(proposer('congress.proposalFeedback', { id: p.id, feedback: 'dissatisfied' }))).details!.issues).toEqual([{ path: 'note', message: 'v.reason' }]);
    expect(tables(tc!.core)).toBe(before);
    // 不满意 sends it back once: the lead department answers again, with secondAnswerDays from today
    const back = await proposer('congress.proposalFeedback', { id: p.id, feedback: 'dissatisfied', note: '期限太长' });
    expect(back).toMatchObject({ state: 'assigned', round: 2, dueDate: shiftDate(today, 20) });
    expect(back.answers[0]).toMatchObject({ feedback: 'dissatisfied', feedbackOnBehalf: false });
    const again = await lead('congress.proposalAnswer', { id: p.id, answerClass: 'A', text: '已提前完成加高', cost: 11800 });
    expect(again.answers.map((a) => a.round)).toEqual([1, 2]);
    // the second answer is final: 不满意 again closes it (recorded by the union office on the proposer's behalf)
    const closed = await admin('congress.proposalFeedback', { id: p.id, feedback: 'dissatisfied', note: '仍不满意' });
    expect(closed).toMatchObject({ state: 'closed', feedback: 'dissatisfied', answerClass: 'A' });
    expect(closed.answers[1]).toMatchObject({ feedbackOnBehalf: true, feedbackBy: '王主席' });
    expect(closed.allowedActions).toEqual(['archive']);
    before = tables(tc!.core);
    expect(await refusal(proposer('congress.proposalArchive', { id: p.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.congress.runnersOnly' });
    expect(tables(tc!.core)).toBe(before);
    const archived = await admin('congress.proposalArchive', { id: p.id });
    expect(archived.state).toBe('archived');
    expect(archived.events.map((e) => e.action)).toEqual(['submitOnBehalf', 'file', 'assign', 'answer', 'feedback.dissatisfied', 'answer', 'feedback.dissatisfied', 'archive']);
    const audit = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'congress_proposal' AND entity_id = ? ORDER BY seq`).pluck().all(p.id);
    expect(audit).toEqual(['create', 'file', 'assign', 'answer', 'feedback.dissatisfied', 'answer', 'feedback.dissatisfied', 'archive']);
  });

  it('passing on as an opinion or refusing needs a reason; overdue is listed and filtered; the report counts', async () => {
    const { admin, term, teamB, input } = await world();
    const a = await admin('congress.proposalSubmit', input({ title: '甲' }));
    const b = await admin('congress.proposalSubmit', input({ title: '乙', category: 'wage' }));
    const c = await admin('congress.proposalSubmit', input({ title: '丙', category: 'other' }));
    expect((await refusal(admin('congress.proposalReview', { id: b.id, decision: 'refer' }))).details!.issues).toEqual([{ path: 'note', message: 'v.reason' }]);
    expect(await admin('congress.proposalReview', { id: b.id, decision: 'refer', note: '属日常管理事项，转相关部门参考' })).toMatchObject({ state: 'referred', reviewNote: '属日常管理事项，转相关部门参考' });
    expect((await admin('congress.proposalReview', { id: c.id, decision: 'reject', note: '不属于职代会职权范围' })).state).toBe('rejected');
    await admin('congress.proposalReview', { id: a.id, decision: 'file' });
    await admin('congress.proposalAssign', { id: a.id, leadUnitId: teamB.id, dueDate: today });
    // a due date that has passed (set in the store: the form refuses one)
    tc!.core.store.db.prepare(`UPDATE congress_proposals SET due_date = ? WHERE id = ?`).run(shiftDate(today, -1), a.id);
    const overdue = await admin('congress.proposals', { termId: term.id, overdue: true });
    expect(overdue.map((r) => r.title)).toEqual(['甲']);
    expect(overdue[0]!.overdue).toBe(true);
    expect((await admin('congress.proposals', { termId: term.id, category: 'wage' })).map((r) => r.title)).toEqual(['乙']);
    expect((await admin('congress.proposals', { termId: term.id, state: 'rejected' })).map((r) => r.title)).toEqual(['丙']);
    expect((await admin('congress.proposals', { termId: term.id, search: '张提' })).length).toBe(3);
    const report = await admin('congress.proposalReport', { termId: term.id });
    expect(report.counts).toMatchObject({ total: 3, overdue: 1, byState: { assigned: 1, referred: 1, rejected: 1, submitted: 0 }, byCategory: { safety: 1, wage: 1, other: 1 } });
    const x = await admin('congress.proposalReportXlsx', { termId: term.id });
    expect(x.fileName).toBe(`提案办理情况表-第3届-${today}.xlsx`);
    expect(tc!.fileBytes(x).subarray(0, 2).toString()).toBe('PK');
    const pdf = await admin('congress.proposalReportPdf', { termId: term.id });
    const file = path.join(tc!.dir, 'report.pdf');
    fs.writeFileSync(file, tc!.fileBytes(pdf));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const s of ['第3届职工代表大会提案办理情况报告', a.serial, '甲', '不予立案', '转意见建议', '办理中（逾期）', '共收到提案3件，立案1件，转意见建议1件，不予立案1件', '工会主席（签字）']) {
      expect(text, s).toContain(s.replace(/\s+/g, ''));
    }
  });
});

describe('the hazard ledger', () => {
  it('a safety proposal creates a hazard and links another; closed through the hazard channels, the proposal shows it', async () => {
    const { admin, as, r1, engineer, safety, teamB, input } = await world();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b45309' } }).png().toBuffer();
    const photo = await admin('attachments.upload', { fileName: 'rail.png', dataBase64: png.toString('base64') });
    const p = await admin('congress.proposalSubmit', input({ photoIds: [photo.id] }));
    const wage = await admin('congress.proposalSubmit', input({ title: '提高高温津贴', category: 'wage' }));
    const lead = await as(engineer.id);
    let before = tables(tc!.core);
    const hz = { description: '反应釜平台护栏高度不足', category1: 'material' as const, place: '合成车间二楼平台' };
    // not before it is filed; never for a wage proposal
    expect(await refusal(admin('congress.proposalHazardCreate', { id: p.id, ...hz }))).toMatchObject({ message: 'err.congress.proposal.badState' });
    await admin('congress.proposalReview', { id: wage.id, decision: 'file' });
    before = tables(tc!.core);
    expect(await refusal(admin('congress.proposalHazardCreate', { id: wage.id, ...hz }))).toMatchObject({ message: 'err.congress.proposal.categoryNoHazard' });
    expect(tables(tc!.core)).toBe(before);
    await admin('congress.proposalReview', { id: p.id, decision: 'file' });
    await admin('congress.proposalAssign', { id: p.id, leadUnitId: teamB.id, dueDate: shiftDate(today, 30) });
    // the lead department's operator creates it
    const withHazard = await lead('congress.proposalHazardCreate', { id: p.id, ...hz });
    expect(withHazard.linkedHazards).toHaveLength(1);
    const created = withHazard.linkedHazards[0]!;
    expect(created).toMatchObject({ status: 'reported', created: true });
    const h = await admin('hazards.get', { id: created.id });
    expect(h).toMatchObject({ source: 'proposal', finderName: '张提案', teamName: '维修班', description: `反应釜平台护栏高度不足（职代会提案 ${p.serial}）` });
    expect(h.photos.map((x) => x.id)).toEqual([photo.id]);
    expect(h.events.map((e) => e.action)).toEqual(['report']);
    // an existing hazard linked
    const other = await admin('hazards.report', { foundAt: `${shiftDate(today, -1)}T08:00`, source: 'self_check', category1: 'material', description: '平台踢脚板缺失' });
    const linked = await admin('congress.proposalHazardLink', { id: p.id, hazardId: other.id, on: true });
    expect(linked.hazards).toEqual({ total: 2, closed: 0, allClosed: false });
    const proposer = await as(r1.id);
    before = tables(tc!.core);
    expect(await refusal(admin('congress.proposalHazardLink', { id: p.id, hazardId: other.id, on: true }))).toMatchObject({ message: 'err.congress.proposal.hazardLinked' });
    expect(await refusal(proposer('congress.proposalHazardLink', { id: p.id, hazardId: other.id, on: false }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(tables(tc!.core)).toBe(before);

    // close the created hazard through the hazard ledger's own channels
    await admin('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 7 } });
    await admin('hazards.assign', { id: h.id, responsibleId: engineer.id, measures: '护栏加高', plannedFunds: 1000, deadline: shiftDate(today, 10), emergencyPlan: '设警示带' });
    await admin('hazards.start', { id: h.id });
    await admin('hazards.submit', { id: h.id, actualFunds: 900, rectificationNote: '已加高', afterPhotoIds: [photo.id] });
    await (await as(safety.id))('hazards.accept', { id: h.id });
    const half = await admin('congress.proposal', { id: p.id });
    expect(half.hazards).toEqual({ total: 2, closed: 1, allClosed: false });
    // the other one turns out a duplicate: a cancelled hazard no longer counts
    await admin('hazards.cancel', { id: other.id, kind: 'invalid', reason: '与护栏隐患为同一问题' });
    const done = await admin('congress.proposal', { id: p.id });
    expect(done.hazards).toEqual({ total: 1, closed: 1, allClosed: true });
    expect(done.linkedHazards.map((x) => x.status).sort()).toEqual(['cancelled', 'closed']);
    const row = (await admin('congress.proposals', { termId: p.termId })).find((r) => r.id === p.id)!;
    expect(row.hazards.allClosed).toBe(true);
    expect((await admin('congress.proposalReport', { termId: p.termId })).counts.hazards).toEqual({ linked: 1, closed: 1 });
    expect(done.events.map((e) => [e.action, e.comment])).toContainEqual(['hazardCreate', h.serial]);
  });
});
