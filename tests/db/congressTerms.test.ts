// The workers' congress, first part (issue 8, "Representatives"): terms, constituencies, representatives' stints with
// history and "as of a date", the composition checks, import from the roster's flags — through the real dispatch;
// every refusal leaves the tables as they were.
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import type { Term } from '../../shared/congress/reps/types';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});


/** A snapshot of the congress tables, to prove a refusal changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['congress_terms', 'congress_groups', 'congress_members'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rid`).all()));
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const wsA = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const wsB = await admin('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: wsA.id, ...extra });
  const term = await admin('congress.termCreate', { number: 3, startDate: '2024-01-01', endDate: '2028-12-31' });
  return { admin, wsA, wsB, w, term };
}

describe('terms', () => {
  it('creates a term with the national defaults; refuses a bad span, a taken number and an overlap — changing nothing', async () => {
    const { admin, term } = await world();
    expect(term).toMatchObject({ number: 3, form: 'congress', representatives: 0, groups: 0 });
    expect(term.settings).toMatchObject({ quorumRule: 'gt', quotaPreset: 'national', frontLineMinPct: 50, managersMaxPct: 20 });
    const before = tables(tc!.core);
    const short = await refusal(admin('congress.termCreate', { number: 4, startDate: '2029-01-01', endDate: '2030-12-31' }));
    expect(short.code).toBe('VALIDATION');
    expect(short.details!.issues).toEqual([{ path: 'endDate', message: 'v.congress.termSpan' }]);
    const backwards = await refusal(admin('congress.termCreate', { number: 4, startDate: '2029-01-01', endDate: '2028-01-01' }));
    expect(backwards.details!.issues).toEqual([{ path: 'endDate', message: 'v.congress.endBeforeStart' }]);
    const taken = await refusal(admin('congress.termCreate', { number: 3, startDate: '2029-01-01', endDate: '2033-12-31' }));
    expect(taken).toMatchObject({ code: 'CONFLICT', message: 'err.congress.termNumberTaken' });
    const overlap = await refusal(admin('congress.termCreate', { number: 4, startDate: '2028-06-01', endDate: '2032-06-01' }));
    expect(overlap).toMatchObject({ code: 'CONFLICT', message: 'err.congress.termOverlap' });
    expect(say(overlap)).toBe('与第3届（2024-01-01 至 2028-12-31）的任期重叠');
    expect(tables(tc!.core)).toBe(before);
    // the next term may start the day the last one ends
    const next = await admin('congress.termCreate', { number: 4, startDate: '2028-12-31', endDate: '2033-12-30', settings: { quorumRule: 'gte', quotaPreset: 'shanghai' } });
    expect(next.settings).toMatchObject({ quorumRule: 'gte', quotaPreset: 'shanghai', managersMaxPct: 20 });
    expect((await admin('congress.terms')).map((t: Term) => t.number)).toEqual([4, 3]);
  });

  it('only union officers and administrators run the congress; anyone signed in reads', async () => {
    const { admin, w, term } = await world();
    const so = await w('S001', '赵安全', { roles: ['safety_officer'] });
    const uo = await w('U001', '钱工会', { roles: ['union_officer'] });
    const soOp = await admin('operators.add', { workerId: so.id });
    const uoOp = await admin('operators.add', { workerId: uo.id });
    const asSo = caller(tc!.core);
    await asSo.call('session.signIn', { operatorId: soOp.id });
    const asUo = caller(tc!.core);
    await asUo.call('session.signIn', { operatorId: uoOp.id });
    const before = tables(tc!.core);
    expect(await refusal(asSo.call('congress.memberAdd', { termId: term.id, workerId: so.id, joinedOn: '2024-01-01' }))).toMatchObject({
      code: 'FORBIDDEN',
      message: 'err.congress.runnersOnly',
    });
    expect(await refusal(asSo.call('congress.termUpdate', { id: term.id, number: 9, startDate: '2024-01-01', endDate: '2028-12-31' }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(tables(tc!.core)).toBe(before);
    expect(await asSo.call('congress.terms')).toHaveLength(1);
    const m = await asUo.call('congress.memberAdd', { termId: term.id, workerId: so.id, joinedOn: '2024-01-01' });
    expect(m).toMatchObject({ name: '赵安全', kind: 'representative', joinedBy: 'election', current: true });
  });

  it('a term with representative records cannot be deleted; an empty one can, with its groups', async () => {
    const { admin, w, term } = await world();
    await admin('congress.groupsFromWorkshops', { termId: term.id });
    const x = await w('A1', '甲');
    const m = await admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2024-01-01' });
    expect(await refusal(admin('congress.termDelete', { id: term.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.congress.termHasMembers' });
    void m;
    const empty = await admin('congress.termCreate', { number: 2, startDate: '2019-01-01', endDate: '2023-12-31' });
    await admin('congress.groupsFromWorkshops', { termId: empty.id });
    expect(await admin('congress.termDelete', { id: empty.id })).toEqual({ deleted: true });
    expect((await admin('congress.terms')).map((t: Term) => t.number)).toEqual([3]);
    expect(await refusal(admin('congress.groups', { termId: empty.id }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('new dates that would leave stints outside the term are refused', async () => {
    const { admin, w, term } = await world();
    const x = await w('A1', '甲');
    await admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2024-03-01' });
    const before = tables(tc!.core);
    expect(await refusal(admin('congress.termUpdate', { id: term.id, number: 3, startDate: '2024-06-01', endDate: '2028-12-31' }))).toMatchObject({
      message: 'err.congress.membersOutsideTerm',
    });
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('constituencies and representatives', () => {
  it('one group per workshop, named after it; a hand-made group keeps its name; leaders must serve in the group', async () => {
    const { admin, wsA, w, term } = await world();
    await admin('congress.groupSave', { termId: term.id, name: '合成车间' });
    const groups = await admin('congress.groupsFromWorkshops', { termId: term.id });
    expect(groups.map((g) => [g.name, g.orgUnitName])).toEqual([
      ['合成车间', null],
      ['合成车间（2）', '合成车间'],
      ['包装车间', '包装车间'],
    ]);
    // again: nothing new
    expect(await admin('congress.groupsFromWorkshops', { termId: term.id })).toHaveLength(3);
    const g = groups.find((x) => x.orgUnitId === wsA.id)!;
    const x = await w('A1', '甲');
    const y = await w('A2', '乙');
    await admin('congress.memberAdd', { termId: term.id, workerId: x.id, groupId: g.id, joinedOn: '2024-01-01' });
    const notMember = await refusal(admin('congress.groupSave', { termId: term.id, id: g.id, name: g.name, orgUnitId: wsA.id, leaderWorkerId: y.id }));
    expect(notMember.details!.issues).toEqual([{ path: 'leaderWorkerId', message: 'v.invalid' }]);
    const led = await admin('congress.groupSave', { termId: term.id, id: g.id, name: g.name, orgUnitId: wsA.id, leaderWorkerId: x.id });
    expect(led).toMatchObject({ leaderName: '甲', members: 1 });
    expect(await refusal(admin('congress.groupDelete', { id: g.id }))).toMatchObject({ message: 'err.congress.groupHasMembers' });
    const dup = await refusal(admin('congress.groupSave', { termId: term.id, name: '包装车间' }));
    expect(dup).toMatchObject({ code: 'CONFLICT', message: 'err.congress.groupNameTaken' });
  });

  it('history as of a date: a recall ends a stint, a by-election adds one; the leader of a leaving member is cleared', async () => {
    const { admin, w, term } = await world();
    const [g] = await admin('congress.groupsFromWorkshops', { termId: term.id });
    const x = await w('A1', '甲');
    const y = await w('A2', '乙');
    const mx = await admin('congress.memberAdd', { termId: term.id, workerId: x.id, groupId: g!.id, joinedOn: '2024-01-01' });
    await admin('congress.groupSave', { termId: term.id, id: g!.id, name: g!.name, orgUnitId: g!.orgUnitId, leaderWorkerId: x.id });
    const noReason = await refusal(admin('congress.memberEnd', { id: mx.id, leftOn: '2025-06-30', leftBy: 'recall' }));
    expect(noReason.details!.issues).toEqual([{ path: 'note', message: 'v.congress.recallReason' }]);
    const early = await refusal(admin('congress.memberEnd', { id: mx.id, leftOn: '2023-12-31', leftBy: 'departure' }));
    expect(early.message).toBe('err.congress.dateOutsideTerm');
    const ended = await admin('congress.memberEnd', { id: mx.id, leftOn: '2025-06-30', leftBy: 'recall', note: '2025 年职代会决议第 3 号' });
    expect(ended).toMatchObject({ leftOn: '2025-06-30', leftBy: 'recall', leftNote: '2025 年职代会决议第 3 号' });
    expect((await admin('congress.groups', { termId: term.id })).find((x) => x.id === g!.id)!.leaderWorkerId).toBeNull();
    expect(await refusal(admin('congress.memberEnd', { id: mx.id, leftOn: '2025-07-01', leftBy: 'departure' }))).toMatchObject({ message: 'err.congress.alreadyLeft' });
    await admin('congress.memberAdd', { termId: term.id, workerId: y.id, groupId: g!.id, joinedOn: '2025-09-01', joinedBy: 'by_election' });
    // the same worker may serve again later in the term (a new stint)
    await admin('congress.memberAdd', { termId: term.id, workerId: x.id, groupId: g!.id, joinedOn: '2026-01-01', joinedBy: 'by_election' });
    const names = async (asOf: string) => (await admin('congress.members', { termId: term.id, asOf })).map((m) => m.name).sort();
    expect(await names('2025-01-01')).toEqual(['甲']);
    expect(await names('2025-06-30')).toEqual([]); // left that day
    expect(await names('2025-10-01')).toEqual(['乙']);
    expect(await names('2026-02-01')).toEqual(['乙', '甲']);
    const history = await admin('congress.members', { termId: term.id, history: true });
    expect(history.filter((m) => m.name === '甲').map((m) => [m.joinedOn, m.leftOn])).toEqual([
      ['2024-01-01', '2025-06-30'],
      ['2026-01-01', null],
    ]);
    // serving twice at once is refused
    expect(await refusal(admin('congress.memberAdd', { termId: term.id, workerId: y.id, joinedOn: '2026-03-01' }))).toMatchObject({
      code: 'CONFLICT',
      message: 'err.congress.alreadyServing',
    });
    // the audit log has each step
    const actions = tc!.core.store.db.prepare(`SELECT action FROM audit_log WHERE entity = 'congress_member' ORDER BY seq`).pluck().all();
    expect(actions).toEqual(['add', 'recall', 'add', 'add']);
  });

  it('refuses a worker who left, an observer on the presidium, a group of another term, a date outside the term', async () => {
    const { admin, w, term } = await world();
    const gone = await w('G1', '离职者', { status: 'left' });
    const x = await w('A1', '甲');
    const other = await admin('congress.termCreate', { number: 2, startDate: '2019-01-01', endDate: '2023-12-31' });
    const [og] = await admin('congress.groupsFromWorkshops', { termId: other.id });
    const before = tables(tc!.core);
    expect(await refusal(admin('congress.memberAdd', { termId: term.id, workerId: gone.id, joinedOn: '2024-01-01' }))).toMatchObject({ message: 'err.congress.workerNotActive' });
    expect(await refusal(admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2024-01-01', kind: 'observer', presidium: true }))).toMatchObject({
      message: 'err.congress.observerPresidium',
    });
    expect(await refusal(admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2024-01-01', groupId: og!.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(admin('congress.memberAdd', { termId: term.id, workerId: x.id, joinedOn: '2029-01-01' }))).toMatchObject({ message: 'err.congress.dateOutsideTerm' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('imports the roster’s flagged representatives into their workshops’ groups, once', async () => {
    const { admin, wsB, w, term } = await world();
    await w('R1', '代表一', { isRepresentative: true });
    await w('R2', '代表二', { isRepresentative: true, orgUnitId: wsB.id });
    await w('R3', '代表三', { isRepresentative: true, status: 'left' });
    await w('P1', '普通');
    const r = await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-05' });
    expect(r).toEqual({ added: 2, already: 0, groupsCreated: 2 });
    const ms = await admin('congress.members', { termId: term.id });
    expect(ms.map((m) => [m.name, m.groupName, m.joinedOn])).toEqual([
      ['代表一', '合成车间', '2024-01-05'],
      ['代表二', '包装车间', '2024-01-05'],
    ]);
    expect(await admin('congress.importFromRoster', { termId: term.id, joinedOn: '2024-01-05' })).toEqual({ added: 0, already: 2, groupsCreated: 0 });
  });
});

describe('composition as of a date', () => {
  it('counts representatives (not observers) with their roster flags, against the staff', async () => {
    const { admin, w, term } = await world();
    // staff: 10 workers, 4 women (40 %)
    const reps = [];
    for (let i = 0; i < 6; i++) reps.push(await w(`F${i}`, `一线${i}`, { isFrontline: true, gender: i < 2 ? 'F' : 'M' }));
    reps.push(await w('M1', '中层', { isManager: true, gender: 'F' }));
    const obs = await w('O1', '列席', { gender: 'F' });
    await w('N1', '职工甲');
    await w('N2', '职工乙');
    for (const [i, r] of reps.entries()) await admin('congress.memberAdd', { termId: term.id, workerId: r.id, joinedOn: '2024-01-01', presidium: i < 3 });
    await admin('congress.memberAdd', { termId: term.id, workerId: obs.id, joinedOn: '2024-01-01', kind: 'observer' });
    const c = await admin('congress.composition', { termId: term.id, asOf: '2025-01-01' });
    expect(c.staff).toEqual({ total: 11, women: 4 }); // the operator from the wizard is a worker too
    expect(c.representatives).toEqual({ total: 7, frontLine: 6, managers: 1, women: 3 });
    expect(c.observers).toBe(1);
    expect(c.presidium).toEqual({ total: 3, frontLine: 3 });
    const byKey = Object.fromEntries(c.checks.map((x) => [x.key, x]));
    expect(byKey.quota).toMatchObject({ ok: false, min: 11, actual: 7 }); // 30 or more, but never more than the staff
    expect(byKey.frontLine).toMatchObject({ ok: true, min: 4 });
    expect(byKey.managers).toMatchObject({ ok: true, max: 1, actual: 1 }); // 20 % of 7 = 1.4 → at most 1
    expect(byKey.women).toMatchObject({ ok: true, min: 3 }); // 4/11 of 7 = 2.5 → 3
    expect(byKey.presidiumSize).toMatchObject({ ok: true, min: 3, max: 5 });
  });
});
