// The skill-level wage's manual monthly figures (an indicator of source 'manual'): a figure per worker, month and
// indicator code — entering the same three again updates it, every write audited, only union officers, safety officers
// and administrators write, the code's shape checked (a lower-case code is taken in capitals), and every refusal leaves
// the table and the audit log unchanged. The run reads a month's figures through manualFigures().
import { afterEach, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { manualFigures } from '../../electron/core/wage/manual/service';
import type { ChannelInput } from '../../shared/contract';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(['wage_manual_values', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}
function audits(core: Core): { entity_id: string; action: string; actor_name: string; before: string | null; after: string | null }[] {
  return core.store.db.prepare(`SELECT entity_id, action, actor_name, before, after FROM audit_log WHERE entity = 'wage_manual_value' ORDER BY seq`).all() as never;
}

async function world() {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const ws = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const team = await admin('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
  const w = async (empNo: string, name: string, extra: Partial<ChannelInput<'workers.create'>> = {}) =>
    admin('workers.create', { empNo, name, gender: 'M', orgUnitId: team.id, ...extra });
  const a = await w('W001', '张三');
  const b = await w('W002', '李四');
  return { admin, w, a, b };
}

describe('manual monthly figures', () => {
  it('saving the same worker, month and code again updates the figure; lists by month, code and search; audited', async () => {
    const { admin, a, b } = await world();
    const first = await admin('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'contest', value: 85.5 });
    expect(first).toMatchObject({ workerId: a.id, empNo: 'W001', name: '张三', workshopName: '合成车间', teamName: '甲班', period: '2026-03', code: 'CONTEST', value: 85.5, note: null, enteredBy: '王主席' });
    const again = await admin('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'CONTEST', value: 90, note: '复评' });
    expect(again).toMatchObject({ id: first.id, value: 90, note: '复评' });
    await admin('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'DRILL', value: -2.25 });
    await admin('wage.manualSave', { workerId: b.id, period: '2026-03', code: 'CONTEST', value: 70 });
    await admin('wage.manualSave', { workerId: b.id, period: '2026-04', code: 'CONTEST', value: 60 });

    const march = await admin('wage.manual', { period: '2026-03' });
    expect(march.map((m) => [m.empNo, m.code, m.value])).toEqual([
      ['W001', 'CONTEST', 90],
      ['W001', 'DRILL', -2.25],
      ['W002', 'CONTEST', 70],
    ]);
    expect((await admin('wage.manual', { period: '2026-03', code: 'drill' })).map((m) => m.empNo)).toEqual(['W001']);
    expect((await admin('wage.manual', { period: '2026-03', search: '李' })).map((m) => m.code)).toEqual(['CONTEST']);
    expect((await admin('wage.manual', { period: '2026-03', search: 'w001', code: '' })).length).toBe(2);
    expect(tc!.core.store.db.prepare(`SELECT count(*) FROM wage_manual_values`).pluck().get()).toBe(4);

    // what a run reads: worker → code → figure, for the month asked only
    const figures = manualFigures(tc!.core.store, '2026-03');
    expect(figures.get(a.id)).toEqual({ CONTEST: 90, DRILL: -2.25 });
    expect(figures.get(b.id)).toEqual({ CONTEST: 70 });
    expect(manualFigures(tc!.core.store, '2026-05').size).toBe(0);

    const log = audits(tc!.core).filter((e) => e.entity_id === first.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(log[1]!.before!)).toMatchObject({ value: 85.5, note: null });
    expect(JSON.parse(log[1]!.after!)).toMatchObject({ value: 90, note: '复评' });
    expect(log[1]!.actor_name).toBe('王主席');

    expect(await admin('wage.manualDelete', { id: first.id })).toEqual({ deleted: true });
    expect((await admin('wage.manual', { period: '2026-03', code: 'CONTEST' })).map((m) => m.empNo)).toEqual(['W002']);
    expect(audits(tc!.core).at(-1)).toMatchObject({ entity_id: first.id, action: 'delete' });
    expect(JSON.parse(audits(tc!.core).at(-1)!.before!)).toMatchObject({ value: 90, code: 'CONTEST' });
  });

  it('refuses a badly shaped code, a figure out of range or with three decimals, a missing figure, a bad month and an unknown worker — changing nothing', async () => {
    const { admin, a } = await world();
    const kept = await admin('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'CONTEST', value: 1 });
    const before = tables(tc!.core);
    const issues = async (input: Record<string, unknown>) => (await refusal(admin('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'CONTEST', value: 5, ...input } as never))).details!.issues;
    expect(await issues({ code: '1ABC' })).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(await issues({ code: 'SAFE-TIME' })).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(await issues({ code: '安全' })).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(await issues({ code: `A${'B'.repeat(20)}` })).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(await issues({ code: '  ' })).toEqual([{ path: 'code', message: 'v.required' }]);
    expect(say({ message: 'v.wage.code' })).toBe('指标代码为大写字母开头的大写字母、数字或下划线，最多 20 位');
    expect(await issues({ value: 1_000_001 })).toEqual([{ path: 'value', message: 'v.wage.manualValue' }]);
    expect(await issues({ value: -1_000_001 })).toEqual([{ path: 'value', message: 'v.wage.manualValue' }]);
    expect(await issues({ value: 1.005 })).toEqual([{ path: 'value', message: 'v.wage.manualValue' }]);
    expect(await issues({ value: undefined })).toEqual([{ path: 'value', message: 'v.required' }]);
    expect(await issues({ value: '5' })).toEqual([{ path: 'value', message: 'v.invalid' }]);
    expect(await issues({ period: '2026-13' })).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    // a month that has not begun has no figure yet
    expect(await issues({ period: '2200-01' })).toEqual([{ path: 'period', message: 'v.wage.futurePeriod' }]);
    expect(await refusal(admin('wage.manualSave', { workerId: 'nobody', period: '2026-03', code: 'CONTEST', value: 5 }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(await refusal(admin('wage.manualDelete', { id: 'nothing' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.manualNotFound' });
    expect((await refusal(admin('wage.manual', { period: '2026-03', code: 'x-y' }))).details!.issues).toEqual([{ path: 'code', message: 'v.wage.code' }]);
    expect(tables(tc!.core)).toBe(before);
    expect((await admin('wage.manual', { period: '2026-03' }))[0]).toMatchObject({ id: kept.id, value: 1 });
  });

  it('union officers, safety officers and administrators write; a team leader only reads — the refusal changes nothing', async () => {
    const { admin, w, a } = await world();
    const tl = await w('T001', '孙班长', { roles: ['team_leader'] });
    const so = await w('S001', '赵安全', { roles: ['safety_officer'] });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: tl.id })).id });
    const asSo = caller(tc!.core);
    await asSo.call('session.signIn', { operatorId: (await admin('operators.add', { workerId: so.id })).id });

    const saved = await asSo.call('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'CONTEST', value: 80 });
    expect(saved.enteredBy).toBe('赵安全');
    const before = tables(tc!.core);
    expect(await refusal(asTl.call('wage.manualSave', { workerId: a.id, period: '2026-03', code: 'CONTEST', value: 99 }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.recordersOnly' });
    expect(await refusal(asTl.call('wage.manualDelete', { id: saved.id }))).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.recordersOnly' });
    expect(tables(tc!.core)).toBe(before);
    expect((await asTl.call('wage.manual', { period: '2026-03' })).map((m) => m.value)).toEqual([80]);
    // signed out: nothing at all
    const anon = caller(tc!.core);
    expect(await refusal(anon.call('wage.manual', { period: '2026-03' }))).toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
