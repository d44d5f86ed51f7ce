// The wage runs learn when the training records of their month change (issue 10, the wage source 'training.hours';
// migration 017's triggers on edu_attendance / edu_activities → wage_period_changes kind 'training'): an approved run
// whose scheme reads the month's training hours says its records changed after an attendance is added, its hours
// changed or removed, after an activity of the month is moved, deleted or restored; other months and pre-shift meetings
// (meetings, not hours) leave it as it was; a recalculation takes the change in.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ActivityKind } from '../../shared/education/kinds';
import type { SchemeContent } from '../../shared/wage/schemes/types';
import { type Call, caller, openTestCore, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-12-15T10:00:00'));
});
afterEach(() => {
  tc?.close();
  tc = null;
  vi.useRealTimers();
});

const content = {
  indicators: [{ code: 'TRAIN', name: { 'zh-CN': '培训学时', en: 'Training' }, unit: { 'zh-CN': '小时', en: 'hours' }, source: 'training.hours', rule: { kind: 'linear', perUnit: 10, floor: 0, cap: 100 }, weightPct: 100, safety: true, capFen: null }],
  money: { kind: 'pointValue', fenPerPoint: 100 },
  totalCapFen: null,
  veto: { severities: [], team: false },
  proRata: false,
} as unknown as SchemeContent;

function effectiveScheme(core: Core): void {
  core.store.db
    .prepare(
      `INSERT INTO wage_schemes (id, name, version, state, content, adopted_on, effective_from, created_by_name, created_at, updated_at)
       VALUES ('scheme-t', '培训学时方案', 1, 'effective', ?, '2026-01-01', '2026-01-01', '王主席', 'x', 'x')`,
    )
    .run(JSON.stringify(content));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const w = (empNo: string, name: string, extra: Record<string, unknown> = {}) => admin('workers.create', { empNo, name, gender: 'M', orgUnitId: ws.id, hireDate: '2020-03-01', ...extra });
  const second = await w('A0002', '李副主席', { roles: ['union_officer'], orgUnitId: null });
  const secondOp = await admin('operators.add', { workerId: second.id });
  const other = caller(tc.core);
  await other.call('session.signIn', { operatorId: secondOp.id });
  const zhang = await w('W001', '张三');
  const li = await w('W002', '李四');
  effectiveScheme(tc.core);
  const act = (date: string, kind: ActivityKind = 'retraining') => admin('education.activityCreate', { kind, title: `${kind} ${date}`, date, hours: 4 });
  const nov = await act('2026-11-10');
  await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id }] });
  const approved = async () => {
    const run = await admin('wage.runCalculate', { period: '2026-11' });
    await admin('wage.runReview', { id: run.id });
    await other.call('wage.runApprove', { id: run.id });
    return run.id as string;
  };
  return { admin, core: tc.core, zhang, li, nov, act, approved };
}

describe("an approved run reading 'training.hours' and the month's training records", () => {
  it('an attendance added, its own hours set: the run says its training records changed; a recalculation takes them in', async () => {
    const { admin, zhang, li, nov, approved } = await world();
    const v1 = await approved();
    const run = (id: string) => admin('wage.run', { id });
    expect((await run(v1)).stale).toBeNull();

    // saving the same attendees again changes nothing
    await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id }] });
    expect((await run(v1)).stale).toBeNull();

    await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id }, { workerId: li.id }] });
    expect((await run(v1)).stale).toEqual({ kinds: ['training'] });
    expect((await admin('wage.runs', { period: '2026-11' }))[0]).toMatchObject({ state: 'approved', stale: { kinds: ['training'] } });

    const v2 = await admin('wage.runCalculate', { period: '2026-11' });
    expect(v2.stale).toBeNull();
    expect((await run(v1)).stale).toEqual({ kinds: ['training'] });
    // own hours for one attendee (a score alone is no change of hours)
    await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id, score: 90 }, { workerId: li.id }] });
    expect((await run(v2.id)).stale).toBeNull();
    await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id, hours: 3, score: 90 }, { workerId: li.id }] });
    expect((await run(v2.id)).stale).toEqual({ kinds: ['training'] });
  });

  it('an attendance removed, an activity moved out of the month, deleted, restored: each marks the month', async () => {
    const { admin, core, zhang, li, nov, approved } = await world();
    const seqOf = () => core.store.db.prepare(`SELECT seq FROM wage_period_changes WHERE period = ? AND kind = 'training'`).pluck().get('2026-11') as number | undefined;
    const v1 = await approved();
    const stale = async () => (await admin('wage.run', { id: v1 })).stale;
    await admin('education.attendanceSave', { activityId: nov.id, attendees: [] });
    expect(await stale()).toEqual({ kinds: ['training'] });

    await admin('education.attendanceSave', { activityId: nov.id, attendees: [{ workerId: zhang.id }, { workerId: li.id }] });
    let s = seqOf()!;
    const detail = await admin('education.activity', { id: nov.id });
    await admin('education.activityUpdate', { id: nov.id, kind: detail.kind, level: null, title: detail.title, date: '2026-10-30', hours: 4 });
    expect(seqOf()).toBeGreaterThan(s);
    expect(core.store.db.prepare(`SELECT count(*) FROM wage_period_changes WHERE period = '2026-10' AND kind = 'training'`).pluck().get()).toBe(1);
    await admin('education.activityUpdate', { id: nov.id, kind: detail.kind, level: null, title: detail.title, date: '2026-11-10', hours: 4 });
    s = seqOf()!;
    // a title change alone is not a change of hours
    await admin('education.activityUpdate', { id: nov.id, kind: detail.kind, level: null, title: '改名的再培训', date: '2026-11-10', hours: 4 });
    expect(seqOf()).toBe(s);
    await admin('education.activityDelete', { id: nov.id });
    expect(seqOf()).toBeGreaterThan(s);
    s = seqOf()!;
    await admin('education.activityRestore', { id: nov.id });
    expect(seqOf()).toBeGreaterThan(s);
  });

  it("other months and pre-shift meetings leave the run as it was", async () => {
    const { admin, zhang, act, approved } = await world();
    const v1 = await approved();
    const dec = await act('2026-12-01');
    await admin('education.attendanceSave', { activityId: dec.id, attendees: [{ workerId: zhang.id }] });
    const meeting = await act('2026-11-20', 'pre_shift');
    await admin('education.attendanceSave', { activityId: meeting.id, attendees: [{ workerId: zhang.id }] });
    await admin('education.activityDelete', { id: meeting.id });
    expect((await admin('wage.run', { id: v1 })).stale).toBeNull();
  });
});

describe("migration 017 widens wage_period_changes' kinds on a store made before 'training'", () => {
  it('the table is made again from its own statement with the new list, rows kept; a store already current is left alone', async () => {
    const Database = (await import('better-sqlite3')).default;
    const { widenRunChangeKinds } = await import('../../electron/core/education/hours/wageChanges');
    const db = new Database(':memory:');
    db.exec(`CREATE TABLE wage_period_changes (
      period TEXT NOT NULL,
      kind TEXT NOT NULL CHECK (kind IN ('timekeeping', 'behaviour', 'accident', 'hazard', 'manual', 'roster')),
      seq INTEGER NOT NULL,
      PRIMARY KEY (period, kind)
    ) WITHOUT ROWID;
    INSERT INTO wage_period_changes VALUES ('2026-11', 'roster', 7);`);
    expect(() => db.exec(`INSERT INTO wage_period_changes VALUES ('2026-11', 'training', 8)`)).toThrow(/CHECK/);
    widenRunChangeKinds(db);
    db.exec(`INSERT INTO wage_period_changes VALUES ('2026-11', 'training', 8)`);
    expect(db.prepare(`SELECT * FROM wage_period_changes ORDER BY seq`).all()).toEqual([
      { period: '2026-11', kind: 'roster', seq: 7 },
      { period: '2026-11', kind: 'training', seq: 8 },
    ]);
    const sql = db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'wage_period_changes'`).pluck().get();
    widenRunChangeKinds(db);
    expect(db.prepare(`SELECT sql FROM sqlite_master WHERE name = 'wage_period_changes'`).pluck().get()).toBe(sql);
    db.close();
  });
});
