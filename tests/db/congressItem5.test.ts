// Item 5 of the session (安全隐患提案整改落实, issue 8): besides the hazard ledger it shows the handling of proposals —
// the term's proposals collected for this session or an earlier one, counted like the proposal handling report — live
// while preparing, frozen into the session with the hazard figures when the papers are issued; the minutes PDF carries
// it as 提案办理情况 under item 5. Snapshots frozen before it was recorded still read.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { shiftDate } from '../../shared/congress/proposals/workflow';
import { openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;

const today = todayLocal();
const DAY = shiftDate(today, 10);

/** A term with three representatives and proposals collected for the session on DAY, in several states. */
async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const dept = await admin('org.create', { kind: 'workshop', parentId: null, name: '设备部' });
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  const reps: string[] = [];
  for (const [no, name] of [['R1', '张提案'], ['R2', '李附议'], ['R3', '王附议']] as const) {
    const w = await admin('workers.create', { empNo: no, name, gender: 'M', orgUnitId: ws.id });
    await admin('congress.memberAdd', { termId: term.id, workerId: w.id, joinedOn: '2024-01-01' });
    reps.push(w.id);
  }
  const settings = { termId: term.id, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: DAY, committee: [] };
  await admin('congress.proposalSettingsSave', settings);
  const submit = (title: string, category: ChannelInput<'congress.proposalSubmit'>['category'] = 'safety') =>
    admin('congress.proposalSubmit', { termId: term.id, category, title, reason: '理由', measure: '措施', proposerId: reps[0]!, cosignerIds: [reps[1]!, reps[2]!] });
  const assign = (id: string, dueDate = shiftDate(today, 30)) => admin('congress.proposalAssign', { id, leadUnitId: dept.id, dueDate });

  // 1: answered A with a hazard created from it, the proposer satisfied → closed
  const p1 = await submit('反应釜平台护栏加高');
  await admin('congress.proposalReview', { id: p1.id, decision: 'file' });
  await assign(p1.id);
  await admin('congress.proposalHazardCreate', { id: p1.id, description: '反应釜平台护栏高度不足', category1: 'material', place: '二楼平台' });
  await admin('congress.proposalAnswer', { id: p1.id, answerClass: 'A', text: '已加高', cost: 1200 });
  await admin('congress.proposalFeedback', { id: p1.id, feedback: 'satisfied' });
  // 2: answered B, no feedback yet
  const p2 = await submit('更换过滤式防毒面具', 'protective_equipment');
  await admin('congress.proposalReview', { id: p2.id, decision: 'file' });
  await assign(p2.id);
  await admin('congress.proposalAnswer', { id: p2.id, answerClass: 'B', text: '列入计划', plan: '分批更换', plannedBy: '2027-06-30', cost: 5000 });
  // 3: assigned and overdue (a passed due date set in the store: the form refuses one)
  const p3 = await submit('提高高温津贴', 'wage');
  await admin('congress.proposalReview', { id: p3.id, decision: 'file' });
  await assign(p3.id, today);
  tc.core.store.db.prepare(`UPDATE congress_proposals SET due_date = ? WHERE id = ?`).run(shiftDate(today, -1), p3.id);
  // 4: not filed; 5: awaiting review
  const p4 = await submit('食堂增加夜宵', 'other');
  await admin('congress.proposalReview', { id: p4.id, decision: 'reject', note: '不属于职代会职权范围' });
  const p5 = await submit('仓库照明改造');
  // 6: collected for a later session — not this session's business
  await admin('congress.proposalSettingsSave', { ...settings, sessionDate: shiftDate(today, 20) });
  const p6 = await submit('下次会议的提案');
  return { admin, term, p: [p1, p2, p3, p4, p5, p6] as const };
}

const LIVE_COUNTS = {
  total: 5,
  byState: { submitted: 1, filed: 0, referred: 0, rejected: 1, assigned: 1, answered: 1, closed: 1, archived: 0 },
  byCategory: { safety: 2, occupational_health: 0, protective_equipment: 1, wage: 1, other: 1 },
  byAnswer: { A: 1, B: 1, C: 0 },
  byFeedback: { satisfied: 1, basically: 0, dissatisfied: 0 },
  overdue: 1,
  hazards: { linked: 1, closed: 0 },
};

describe('item 5: the handling of proposals', () => {
  it('live while preparing: the proposals for this session or earlier, counted and listed; one for a later session left out', async () => {
    const { admin, term, p } = await world();
    const s = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: DAY, place: '职工活动中心' });
    expect(s.hazardsFrozen).toBe(false);
    const fig = s.hazards.proposals!;
    expect(fig.asOf).toBe(today);
    expect(fig.counts).toEqual(LIVE_COUNTS);
    expect(fig.rows.map((r) => r.serial)).toEqual(p.slice(0, 5).map((x) => x.serial));
    expect(fig.rows[0]).toEqual({ serial: p[0].serial, title: '反应釜平台护栏加高', category: 'safety', state: 'closed', overdue: false, answerClass: 'A', feedback: 'satisfied', hazards: { total: 1, closed: 0 } });
    expect(fig.rows[2]).toMatchObject({ title: '提高高温津贴', state: 'assigned', overdue: true, answerClass: null, feedback: null });
    // the proposals area's own report still has all six of the term
    expect((await admin('congress.proposalReport', { termId: term.id })).counts.total).toBe(6);
    // live: a proposal handled while preparing shows at once
    await admin('congress.proposalReview', { id: p[4].id, decision: 'file' });
    const again = await admin('congress.session', { id: s.id });
    expect(again.hazards.proposals!.counts.byState).toMatchObject({ submitted: 0, filed: 1 });
  });

  it('frozen at issue: a proposal handled afterwards changes the report, not the session; the minutes carry 提案办理情况', async () => {
    const { admin, term, p } = await world();
    const created = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: DAY, place: '职工活动中心' });
    const issued = await admin('congress.sessionStep', { id: created.id, action: 'issue' });
    expect(issued.hazardsFrozen).toBe(true);
    expect(issued.hazards.proposals!.counts).toEqual(LIVE_COUNTS);
    const stored = tc!.core.store.db.prepare(`SELECT hazard_snapshot FROM congress_sessions WHERE id = ?`).pluck().get(created.id) as string;
    expect(JSON.parse(stored).proposals.counts.total).toBe(5);
    // the proposer's feedback on the B answer closes proposal 2; proposal 5 is filed
    await admin('congress.proposalFeedback', { id: p[1].id, feedback: 'basically' });
    await admin('congress.proposalReview', { id: p[4].id, decision: 'file' });
    const report = await admin('congress.proposalReport', { termId: term.id });
    expect(report.counts.byState).toMatchObject({ answered: 0, closed: 2, submitted: 1, filed: 1 });
    const s = await admin('congress.session', { id: created.id });
    expect(s.hazards.proposals).toEqual(issued.hazards.proposals);
    expect(s.hazards.proposals!.rows[1]).toMatchObject({ state: 'answered', feedback: null });

    await admin('congress.sessionStep', { id: created.id, action: 'open' });
    const pdf = await admin('congress.sessionMinutesPdf', { id: created.id });
    const file = path.join(tc!.dir, 'minutes.pdf');
    fs.writeFileSync(file, tc!.fileBytes(pdf));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    const item5 = text.indexOf('安全隐患提案整改落实（听取报告）');
    const section = text.indexOf('提案办理情况', item5);
    expect(item5).toBeGreaterThan(0);
    expect(section).toBeGreaterThan(item5);
    // under item 5, before the next item
    expect(section).toBeLessThan(text.indexOf('通过大会决议（'));
    for (const s of [
      '共收到提案5件，立案3件，转意见建议0件，不予立案1件，待审查1件',
      '已答复A类1件、B类1件、C类0件；办理中1件，其中逾期1件',
      '提案人满意1件、基本满意0件、不满意0件',
      '关联隐患1项，已销号0项',
      p[0].serial,
      '反应釜平台护栏加高',
      '办理中（逾期）',
      '已答复',
      '1项，已销号0项',
    ]) {
      expect(text, s).toContain(s);
    }
    // frozen: proposal 2 as it stood at issue; the later session's proposal not listed
    expect(text).not.toContain('基本满意1件');
    expect(text).not.toContain('下次会议的提案');
  });

  it('a snapshot frozen before the proposals were recorded with it still reads, and its minutes leave the section out', async () => {
    const { admin, term } = await world();
    const created = await admin('congress.sessionCreate', { termId: term.id, kind: 'safety', date: DAY, place: '职工活动中心' });
    await admin('congress.sessionStep', { id: created.id, action: 'issue' });
    const db = tc!.core.store.db;
    const snap = JSON.parse(db.prepare(`SELECT hazard_snapshot FROM congress_sessions WHERE id = ?`).pluck().get(created.id) as string);
    delete snap.proposals;
    db.prepare(`UPDATE congress_sessions SET hazard_snapshot = ? WHERE id = ?`).run(JSON.stringify(snap), created.id);
    const s = await admin('congress.session', { id: created.id });
    expect(s.hazardsFrozen).toBe(true);
    expect(s.hazards.proposals).toBeUndefined();
    expect(s.hazards.found).toBe(snap.found);
    await admin('congress.sessionStep', { id: created.id, action: 'open' });
    const pdf = await admin('congress.sessionMinutesPdf', { id: created.id });
    const file = path.join(tc!.dir, 'old.pdf');
    fs.writeFileSync(file, tc!.fileBytes(pdf));
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('隐患排查治理情况');
    expect(text).not.toContain('提案办理情况');
  });
});
