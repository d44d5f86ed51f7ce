// Backend services through Core.dispatch: audit in the same transaction, all-or-nothing failures, soft delete,
// organisation tree, operators and PINs, auth/admin gates, and the roster list filters.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Core, type Session } from '../../electron/core/core';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import { removeOperator } from '../../electron/core/operators/service';
import { CHANNELS, contract, type ChannelInput, type ChannelName, type ChannelOutput } from '../../shared/contract';
import type { AppErrorData } from '../../shared/result';
import { idCardCheckChar } from '../../shared/roster/idcard';
import type { WorkerInput, WorkerQueryInput } from '../../shared/roster/schemas';
import type { WorkerRow } from '../../shared/roster/types';
import { demoUscc } from '../../electron/core/demo';
import { openTestCore, say, type TestCore } from '../helpers/core';

let tc: TestCore;
afterEach(() => tc?.close());

function makeId(birth: string, seq: string): string {
  const first17 = `321202${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}
const ID_M = makeId('19850615', '011');
const ID_M2 = makeId('19880101', '031');
const ID_F = makeId('19920304', '022');

async function errorOf(p: Promise<unknown>): Promise<AppErrorData> {
  try {
    await p;
  } catch (e) {
    const data = (e as { data?: AppErrorData }).data;
    if (!data) throw e;
    return data;
  }
  throw new Error('expected the call to fail');
}

/** Every row of every table except the FTS shadow tables: a failed call must leave this identical. */
function fingerprint(t: TestCore): string {
  const db = t.core.store.db;
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'workers_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  // rows as JSON, sorted (some tables may be WITHOUT ROWID)
  return tables.map((x) => `${x}:${(db.prepare(`SELECT * FROM "${x}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort().join(',')}`).join('\n');
}
const count = (t: TestCore, table: string, where = '1') => t.core.store.db.prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;
function lastAudit(t: TestCore) {
  return t.core.store.db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as {
    actor_id: string | null;
    actor_name: string;
    entity: string;
    entity_id: string;
    action: string;
    before: string | null;
    after: string | null;
    reason: string | null;
  };
}

/** A call on another session (another window) of the same core. */
function caller(core: Core) {
  const session: Session = { operatorId: null };
  const call = async <K extends ChannelName>(channel: K, input?: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
    return r.value as ChannelOutput<K>;
  };
  return { session, call };
}

const worker = (o: Partial<WorkerInput> & { empNo: string; name: string }): WorkerInput => ({ gender: 'M', ...o });

describe('audit: every change, same transaction, operator as actor', () => {
  beforeEach(async () => {
    tc = await openTestCore();
  });

  it('setup.init records the enterprise, the first worker and the operator under the operator’s name', () => {
    const rows = tc.core.store.db.prepare('SELECT actor_id, actor_name, entity, action FROM audit_log ORDER BY seq').all();
    expect(rows).toEqual([
      { actor_id: null, actor_name: '王主席', entity: 'enterprise', action: 'create' },
      { actor_id: null, actor_name: '王主席', entity: 'worker', action: 'create' },
      { actor_id: null, actor_name: '王主席', entity: 'operator', action: 'create' },
    ]);
  });

  it('each change writes exactly one entry naming the operator, with before/after', async () => {
    const me = tc.session.operatorId!;
    const step = async (fn: () => Promise<unknown>, entity: string, action: string, n = 1) => {
      const before = count(tc, 'audit_log');
      await fn();
      expect(count(tc, 'audit_log') - before, `${entity}.${action}`).toBe(n);
      const a = lastAudit(tc);
      expect(a).toMatchObject({ actor_id: me, actor_name: '王主席', entity, action });
      return a;
    };
    const ent = await step(
      () => tc.call('enterprise.update', { name: '新名称化工', uscc: demoUscc(), headcount: 200, address: null, industry: null }),
      'enterprise',
      'update',
    );
    expect(JSON.parse(ent.before!).name).toBe('测试化工有限公司');
    expect(JSON.parse(ent.after!).name).toBe('新名称化工');
    let ws1 = '';
    let ws2 = '';
    let team = '';
    await step(async () => (ws1 = (await tc.call('org.create', { kind: 'workshop', name: '一车间' })).id), 'org_unit', 'create');
    await step(async () => (ws2 = (await tc.call('org.create', { kind: 'workshop', name: '二车间' })).id), 'org_unit', 'create');
    await step(async () => (team = (await tc.call('org.create', { kind: 'team', parentId: ws1, name: '甲班' })).id), 'org_unit', 'create');
    await step(() => tc.call('org.rename', { id: team, name: '乙班' }), 'org_unit', 'rename');
    let wid = '';
    await step(async () => (wid = (await tc.call('workers.create', worker({ empNo: 'S1', name: '审计', orgUnitId: team, roles: ['safety_officer'] }))).id), 'worker', 'create');
    const upd = await step(() => tc.call('workers.update', { id: wid, data: worker({ empNo: 'S1', name: '审计二', orgUnitId: team, roles: ['safety_officer'] }) }), 'worker', 'update');
    expect(JSON.parse(upd.before!).name).toBe('审计');
    expect(JSON.parse(upd.after!).name).toBe('审计二');
    const mv = await step(() => tc.call('org.move', { id: team, parentId: ws2 }), 'org_unit', 'move');
    expect(mv.reason).toContain('1 人');
    let opId = '';
    await step(async () => (opId = (await tc.call('operators.add', { workerId: wid, pin: '4321' })).id), 'operator', 'create');
    await step(() => tc.call('operators.setPin', { operatorId: opId, pin: '5678' }), 'operator', 'set_pin');
    await step(() => tc.call('operators.setPin', { operatorId: opId, pin: null }), 'operator', 'clear_pin');
    await step(() => tc.call('operators.remove', { id: opId }), 'operator', 'delete');
    await step(() => tc.call('workers.remove', { id: wid }), 'worker', 'delete');
    await step(() => tc.call('workers.restore', { id: wid }), 'worker', 'restore');
    await step(() => tc.call('org.retire', { id: ws1 }), 'org_unit', 'retire');
    await step(() => tc.call('org.restore', { id: ws1 }), 'org_unit', 'restore');
    // the PIN hash never reaches the audit log
    expect(count(tc, 'audit_log', `coalesce(before, '') || coalesce(after, '') LIKE '%scrypt%'`)).toBe(0);
    // no-ops write nothing
    const n = count(tc, 'audit_log');
    await tc.call('org.rename', { id: team, name: '乙班' });
    await tc.call('workers.restore', { id: wid });
    await tc.call('org.restore', { id: ws1 });
    expect(count(tc, 'audit_log')).toBe(n);
  });

  it('workers.history lists a worker’s entries newest first', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'H1', name: '甲' }));
    await tc.call('workers.update', { id: w.id, data: worker({ empNo: 'H1', name: '乙' }) });
    await tc.call('workers.remove', { id: w.id });
    const h = await tc.call('workers.history', { id: w.id });
    expect(h.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
    expect(h.every((e) => e.actorName === '王主席' && e.entityId === w.id)).toBe(true);
    expect(h[0]!.seq).toBeGreaterThan(h[1]!.seq);
  });

  it('if the audit entry cannot be written, the change itself is rolled back', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'T1', name: '原名' }));
    const ws = await tc.call('org.create', { kind: 'workshop', name: '车间甲' });
    tc.core.store.db.exec(`CREATE TEMP TRIGGER audit_fail BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;`);
    const fp = fingerprint(tc);
    const failures = [
      await errorOf(tc.call('workers.create', worker({ empNo: 'T2', name: '新' }))),
      await errorOf(tc.call('workers.update', { id: w.id, data: worker({ empNo: 'T1', name: '改名' }) })),
      await errorOf(tc.call('workers.remove', { id: w.id })),
      await errorOf(tc.call('org.create', { kind: 'workshop', name: '车间乙' })),
      await errorOf(tc.call('org.rename', { id: ws.id, name: '车间丙' })),
      await errorOf(tc.call('org.retire', { id: ws.id })),
      await errorOf(tc.call('enterprise.update', { name: 'X', uscc: demoUscc(), headcount: 5 })),
    ];
    // RAISE(ABORT) is a SQLITE_CONSTRAINT_TRIGGER error, reported as CONFLICT
    expect(failures.map((f) => f.code)).toEqual(Array(7).fill('CONFLICT'));
    expect(fingerprint(tc)).toBe(fp);
    tc.core.store.db.exec('DROP TRIGGER temp.audit_fail');
    expect((await tc.call('workers.get', { id: w.id })).name).toBe('原名');
  });
});

describe('failed operations leave the store unchanged', () => {
  let wsRetired: string;
  let existing: string;
  beforeEach(async () => {
    tc = await openTestCore();
    const ws = await tc.call('org.create', { kind: 'workshop', name: '撤销车间' });
    await tc.call('org.retire', { id: ws.id });
    wsRetired = ws.id;
    existing = (await tc.call('workers.create', worker({ empNo: 'E1', name: '甲', idCard: ID_M }))).id;
    await tc.call('workers.create', worker({ empNo: 'E2', name: '乙', gender: 'F', idCard: ID_F }));
  });

  it('duplicate employee number → CONFLICT on empNo', async () => {
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.create', worker({ empNo: 'E1', name: '重复' })));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.issues).toEqual([{ path: 'empNo', message: 'v.duplicate' }]);
    // renaming E2 to E1 as well
    const e2Id = (await tc.call('workers.list', { search: 'E2' })).rows[0]!.id;
    const fp2 = fingerprint(tc);
    expect(fp2).toBe(fp);
    expect((await errorOf(tc.call('workers.update', { id: e2Id, data: worker({ empNo: 'E1', name: '乙', gender: 'F' }) }))).code).toBe('CONFLICT');
    expect(fingerprint(tc)).toBe(fp);
  });

  it('duplicate live ID card → CONFLICT on idCard (create and update)', async () => {
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.create', worker({ empNo: 'E3', name: '丙', idCard: ID_M })));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.issues).toEqual([{ path: 'idCard', message: 'v.duplicate' }]);
    expect(say(e)).toContain('E1');
    const e2 = await errorOf(tc.call('workers.update', { id: existing, data: worker({ empNo: 'E1', name: '甲', gender: 'F', idCard: ID_F }) }));
    expect(e2.code).toBe('CONFLICT');
    expect(fingerprint(tc)).toBe(fp);
    // keeping one's own ID card on update is fine
    await tc.call('workers.update', { id: existing, data: worker({ empNo: 'E1', name: '甲改', idCard: ID_M }) });
  });

  it('placing a worker on a retired unit → CONFLICT', async () => {
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.create', worker({ empNo: 'E4', name: '丁', orgUnitId: wsRetired })));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.issues).toEqual([{ path: 'orgUnitId', message: 'v.invalid' }]);
    expect((await errorOf(tc.call('workers.update', { id: existing, data: worker({ empNo: 'E1', name: '甲', idCard: ID_M, orgUnitId: wsRetired }) }))).code).toBe('CONFLICT');
    expect((await errorOf(tc.call('org.create', { kind: 'team', parentId: wsRetired, name: '新班' }))).code).toBe('CONFLICT');
    expect(fingerprint(tc)).toBe(fp);
  });

  it('invalid input → VALIDATION with field issues; unknown ids → NOT_FOUND; nothing written', async () => {
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.create', { empNo: 'bad no', name: '', gender: 'M', phone: '123' }));
    expect(e.code).toBe('VALIDATION');
    expect(e.details?.issues).toEqual(
      expect.arrayContaining([
        { path: 'empNo', message: 'v.empNo' },
        { path: 'name', message: 'v.required' },
        { path: 'phone', message: 'v.phone' },
      ]),
    );
    expect((await errorOf(tc.call('workers.update', { id: 'nope', data: worker({ empNo: 'Z', name: 'z' }) }))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('workers.create', worker({ empNo: 'E5', name: '戊', orgUnitId: 'no-such-unit' })))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('workers.remove', { id: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('org.rename', { id: 'nope', name: 'x' }))).code).toBe('NOT_FOUND');
    expect(fingerprint(tc)).toBe(fp);
  });
});

describe('workers: soft delete and restore', () => {
  beforeEach(async () => {
    tc = await openTestCore();
  });

  it('removed workers leave the list and get, keep their history, and come back on restore', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'D1', name: '删除我', idCard: ID_M }));
    const total = (await tc.call('workers.list', {})).total;
    expect(await tc.call('workers.remove', { id: w.id })).toEqual({ id: w.id });
    expect((await tc.call('workers.list', {})).total).toBe(total - 1);
    expect((await tc.call('workers.list', { status: 'all', search: 'D1' })).total).toBe(0);
    expect((await errorOf(tc.call('workers.get', { id: w.id }))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('workers.update', { id: w.id, data: worker({ empNo: 'D1', name: 'x' }) }))).code).toBe('NOT_FOUND');
    expect(count(tc, 'workers', `id = '${w.id}' AND deleted_at IS NOT NULL`)).toBe(1);
    expect((await tc.call('workers.history', { id: w.id }))[0]!.action).toBe('delete');
    // a deleted employee number stays reserved
    const e = await errorOf(tc.call('workers.create', worker({ empNo: 'D1', name: '新人' })));
    expect(e.code).toBe('CONFLICT');
    expect(say(e)).toContain('已删除');

    const back = await tc.call('workers.restore', { id: w.id });
    expect(back.deletedAt).toBeNull();
    expect(back.idCard).toBe(ID_M);
    expect((await tc.call('workers.list', {})).total).toBe(total);
  });

  it('a deleted worker’s ID card may be reused; restoring them is then refused', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'D1', name: '旧', idCard: ID_M }));
    await tc.call('workers.remove', { id: w.id });
    await tc.call('workers.create', worker({ empNo: 'D2', name: '新', idCard: ID_M }));
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.restore', { id: w.id }));
    expect(e.code).toBe('CONFLICT');
    expect(e.details?.issues).toEqual([{ path: 'idCard', message: 'v.duplicate' }]);
    expect(say(e)).toContain('D2');
    expect(fingerprint(tc)).toBe(fp);
  });

  it('deleting a worker who is an operator is refused', async () => {
    const me = (await tc.call('app.info')).operator!;
    const fp = fingerprint(tc);
    const e = await errorOf(tc.call('workers.remove', { id: me.workerId }));
    expect(e.code).toBe('CONFLICT');
    expect(say(e)).toContain('操作员');
    expect(fingerprint(tc)).toBe(fp);
  });

  it('get returns the full ID card; the list masks it', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'M1', name: '掩码', idCard: ID_M }));
    expect((await tc.call('workers.get', { id: w.id })).idCard).toBe(ID_M);
    const row = (await tc.call('workers.list', { search: 'M1' })).rows[0]!;
    expect(row.idCardMasked).toBe(`${ID_M.slice(0, 6)}********${ID_M.slice(-4)}`);
    expect(JSON.stringify(row)).not.toContain(ID_M);
  });
});

describe('organisation units', () => {
  beforeEach(async () => {
    tc = await openTestCore();
  });

  it('create: kind/parent rules, unique names per level', async () => {
    const a = await tc.call('org.create', { kind: 'workshop', name: '合成车间' });
    const b = await tc.call('org.create', { kind: 'workshop', name: '精馏车间' });
    expect(b.sortOrder).toBe(a.sortOrder + 1);
    const t = await tc.call('org.create', { kind: 'team', parentId: a.id, name: '甲班' });
    expect(t).toMatchObject({ kind: 'team', parentId: a.id, name: '甲班', retiredAt: null });
    // the same team name under another workshop is fine
    await tc.call('org.create', { kind: 'team', parentId: b.id, name: '甲班' });
    const fp = fingerprint(tc);
    expect((await errorOf(tc.call('org.create', { kind: 'team', parentId: a.id, name: '甲班' }))).code).toBe('CONFLICT');
    expect((await errorOf(tc.call('org.create', { kind: 'workshop', name: '合成车间' }))).code).toBe('CONFLICT');
    expect((await errorOf(tc.call('org.create', { kind: 'team', name: '无主班' }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('org.create', { kind: 'team', parentId: t.id, name: '子班' }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('org.create', { kind: 'workshop', parentId: a.id, name: '子车间' }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('org.create', { kind: 'workshop', name: '   ' }))).code).toBe('VALIDATION');
    expect(fingerprint(tc)).toBe(fp);
  });

  it('rename: changes the name, refuses a sibling’s name', async () => {
    const a = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    await tc.call('org.create', { kind: 'workshop', name: '二车间' });
    expect((await tc.call('org.rename', { id: a.id, name: '三车间' })).name).toBe('三车间');
    expect((await errorOf(tc.call('org.rename', { id: a.id, name: '二车间' }))).code).toBe('CONFLICT');
    expect((await tc.call('org.tree', {})).map((u) => u.name).sort()).toEqual(['三车间', '二车间'].sort());
  });

  it('move: a team changes workshop and its workers get the new workshop_id', async () => {
    const w1 = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    const w2 = await tc.call('org.create', { kind: 'workshop', name: '二车间' });
    const team = await tc.call('org.create', { kind: 'team', parentId: w1.id, name: '甲班' });
    const other = await tc.call('org.create', { kind: 'team', parentId: w1.id, name: '乙班' });
    const a = await tc.call('workers.create', worker({ empNo: 'V1', name: '甲', orgUnitId: team.id }));
    const b = await tc.call('workers.create', worker({ empNo: 'V2', name: '乙', orgUnitId: team.id, status: 'left' }));
    const c = await tc.call('workers.create', worker({ empNo: 'V3', name: '丙', orgUnitId: other.id }));
    const moved = await tc.call('org.move', { id: team.id, parentId: w2.id });
    expect(moved.parentId).toBe(w2.id);
    for (const id of [a.id, b.id]) {
      const w = await tc.call('workers.get', { id });
      expect(w).toMatchObject({ workshopId: w2.id, teamId: team.id, workshopName: '二车间', teamName: '甲班' });
    }
    expect((await tc.call('workers.get', { id: c.id })).workshopId).toBe(w1.id);
    expect((await tc.call('workers.list', { orgUnitId: w2.id, status: 'all' })).rows.map((r) => r.empNo)).toEqual(['V1', 'V2']);
    expect((await tc.call('workers.list', { orgUnitId: w1.id, status: 'all' })).rows.map((r) => r.empNo)).toEqual(['V3']);
    expect(lastAudit(tc).reason).toContain('2 人');

    const fp = fingerprint(tc);
    expect((await errorOf(tc.call('org.move', { id: w1.id, parentId: w2.id }))).code).toBe('VALIDATION'); // a workshop
    expect((await errorOf(tc.call('org.move', { id: other.id, parentId: team.id }))).code).toBe('VALIDATION'); // onto a team
    expect(fingerprint(tc)).toBe(fp);
    await tc.call('org.create', { kind: 'team', parentId: w1.id, name: '甲班' });
    const w3 = await tc.call('org.create', { kind: 'workshop', name: '三车间' });
    await tc.call('org.retire', { id: w3.id });
    const fp2 = fingerprint(tc);
    expect((await errorOf(tc.call('org.move', { id: team.id, parentId: w1.id }))).code).toBe('CONFLICT'); // name taken there
    expect((await errorOf(tc.call('org.move', { id: other.id, parentId: w3.id }))).code).toBe('CONFLICT'); // retired target
    expect(fingerprint(tc)).toBe(fp2);
    expect((await tc.call('workers.get', { id: a.id })).workshopId).toBe(w2.id);
  });

  it('retire is refused while active workers remain; retiring a workshop retires its teams; restore', async () => {
    const ws = await tc.call('org.create', { kind: 'workshop', name: '一车间' });
    const team = await tc.call('org.create', { kind: 'team', parentId: ws.id, name: '甲班' });
    const w = await tc.call('workers.create', worker({ empNo: 'R1', name: '在职', orgUnitId: team.id }));
    await tc.call('workers.create', worker({ empNo: 'R2', name: '离职', orgUnitId: team.id, status: 'left' }));
    const tree = await tc.call('org.tree', {});
    expect(tree.find((u) => u.id === ws.id)?.workerCount).toBe(1);
    expect(tree.find((u) => u.id === team.id)?.workerCount).toBe(1);

    const fp = fingerprint(tc);
    for (const id of [team.id, ws.id]) {
      const e = await errorOf(tc.call('org.retire', { id }));
      expect(e.code).toBe('CONFLICT');
      expect(e.details?.activeWorkers).toBe(1);
    }
    expect(fingerprint(tc)).toBe(fp);

    await tc.call('workers.update', { id: w.id, data: worker({ empNo: 'R1', name: '在职', orgUnitId: team.id, status: 'left' }) });
    const retired = await tc.call('org.retire', { id: ws.id });
    expect(retired.retiredAt).not.toBeNull();
    expect((await tc.call('org.tree', {})).map((u) => u.id)).not.toContain(team.id);
    const all = await tc.call('org.tree', { includeRetired: true });
    expect(all.find((u) => u.id === team.id)?.retiredAt).not.toBeNull();

    // a team cannot come back before its workshop
    expect((await errorOf(tc.call('org.restore', { id: team.id }))).code).toBe('CONFLICT');
    expect((await tc.call('org.restore', { id: ws.id })).retiredAt).toBeNull();
    expect((await tc.call('org.restore', { id: team.id })).retiredAt).toBeNull();
    expect((await tc.call('org.tree', {})).map((u) => u.id)).toEqual(expect.arrayContaining([ws.id, team.id]));
  });
});

describe('operators and sign-in', () => {
  let adminSession: Session;
  beforeEach(async () => {
    tc = await openTestCore();
    adminSession = tc.session;
  });

  async function makeOperator(empNo: string, opts: { pin?: string; isAdmin?: boolean } = {}) {
    const w = await tc.call('workers.create', worker({ empNo, name: `操作员${empNo}`, roles: ['safety_officer'] }));
    return tc.call('operators.add', { workerId: w.id, isAdmin: opts.isAdmin ?? false, pin: opts.pin ?? null });
  }

  it('adding an operator requires a worker with a committee role who is employed and not already an operator', async () => {
    const plain = await tc.call('workers.create', worker({ empNo: 'N1', name: '普通职工' }));
    const gone = await tc.call('workers.create', worker({ empNo: 'N2', name: '离职', roles: ['team_leader'], status: 'left' }));
    const fp = fingerprint(tc);
    expect((await errorOf(tc.call('operators.add', { workerId: plain.id }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('operators.add', { workerId: gone.id }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('operators.add', { workerId: 'nope' }))).code).toBe('NOT_FOUND');
    expect((await errorOf(tc.call('operators.add', { workerId: plain.id, pin: '12' }))).code).toBe('VALIDATION');
    expect(fingerprint(tc)).toBe(fp);
    const op = await makeOperator('O1');
    expect(op).toMatchObject({ empNo: 'O1', roles: ['safety_officer'], hasPin: false, isAdmin: false });
    expect((await errorOf(tc.call('operators.add', { workerId: op.workerId }))).code).toBe('CONFLICT');
    expect((await tc.call('operators.list')).map((o) => o.empNo)).toEqual(['A0001', 'O1']);
  });

  it('with a PIN: sign-in without or with a wrong PIN → BAD_PIN, with the PIN succeeds', async () => {
    const op = await makeOperator('P1', { pin: '2468' });
    expect(op.hasPin).toBe(true);
    expect(count(tc, 'operators', `id = '${op.id}' AND pin_hash LIKE 'scrypt$%' AND pin_hash NOT LIKE '%2468%'`)).toBe(1);
    const other = caller(tc.core);
    expect((await errorOf(other.call('session.signIn', { operatorId: op.id }))).code).toBe('BAD_PIN');
    expect((await errorOf(other.call('session.signIn', { operatorId: op.id, pin: '' }))).code).toBe('BAD_PIN');
    expect((await errorOf(other.call('session.signIn', { operatorId: op.id, pin: '1111' }))).code).toBe('BAD_PIN');
    expect(other.session.operatorId).toBeNull();
    expect((await errorOf(other.call('workers.list', {}))).code).toBe('UNAUTHENTICATED');
    const signedIn = await other.call('session.signIn', { operatorId: op.id, pin: '2468' });
    expect(signedIn.lastSignInAt).not.toBeNull();
    expect(other.session.operatorId).toBe(op.id);
    expect((await other.call('app.info')).operator?.id).toBe(op.id);
    expect(lastAudit(tc)).toMatchObject({ actor_id: op.id, entity: 'operator', action: 'sign_in' });
    // signing in does not touch the admin's own session
    expect(adminSession.operatorId).not.toBe(op.id);
  });

  it('an operator without a PIN signs in with none; an unknown operator is NOT_FOUND', async () => {
    const op = await makeOperator('P0');
    const other = caller(tc.core);
    await other.call('session.signIn', { operatorId: op.id });
    expect(other.session.operatorId).toBe(op.id);
    const fresh = caller(tc.core);
    expect((await errorOf(fresh.call('session.signIn', { operatorId: 'nobody' }))).code).toBe('NOT_FOUND');
  });

  it('five wrong PINs lock the operator out, even for the right PIN', async () => {
    const op = await makeOperator('P5', { pin: '97531' });
    const other = caller(tc.core);
    for (let i = 0; i < 5; i++) {
      const e = await errorOf(other.call('session.signIn', { operatorId: op.id, pin: `000${i}` }));
      expect(e.code).toBe('BAD_PIN');
    }
    const locked = await errorOf(other.call('session.signIn', { operatorId: op.id, pin: '97531' }));
    expect(locked.code).toBe('BAD_PIN');
    expect(locked.message).toBe('err.pin.locked');
    expect(say(locked)).toMatch(/次数过多，已锁定至 \d\d:\d\d:\d\d（约 1 分钟后可再试）/);
    expect(say(locked, 'en')).toMatch(/locked until \d\d:\d\d:\d\d \(try again in about 1 min\)/);
    expect(other.session.operatorId).toBeNull();
    // another operator is not affected
    const op2 = await makeOperator('P6', { pin: '1357' });
    await other.call('session.signIn', { operatorId: op2.id, pin: '1357' });
    expect(other.session.operatorId).toBe(op2.id);
  });

  it('four wrong PINs then the right one signs in and resets the count', async () => {
    const op = await makeOperator('P4', { pin: '8642' });
    const other = caller(tc.core);
    for (let i = 0; i < 4; i++) await errorOf(other.call('session.signIn', { operatorId: op.id, pin: '0000' }));
    await other.call('session.signIn', { operatorId: op.id, pin: '8642' });
    for (let i = 0; i < 4; i++) await errorOf(other.call('session.signIn', { operatorId: op.id, pin: '0000' }));
    await other.call('session.signIn', { operatorId: op.id, pin: '8642' });
    expect(other.session.operatorId).toBe(op.id);
  });

  it('setPin: yourself yes, someone else only as admin; clearing the PIN allows PIN-less sign-in', async () => {
    const op = await makeOperator('Q1', { pin: '1234' });
    const op2 = await makeOperator('Q2');
    const other = caller(tc.core);
    await other.call('session.signIn', { operatorId: op.id, pin: '1234' });
    const fp = fingerprint(tc);
    expect((await errorOf(other.call('operators.setPin', { operatorId: op2.id, pin: '9999' }))).code).toBe('FORBIDDEN');
    expect((await errorOf(other.call('operators.setPin', { operatorId: op.id, pin: '12a4' }))).code).toBe('VALIDATION');
    expect(fingerprint(tc)).toBe(fp);
    expect((await other.call('operators.setPin', { operatorId: op.id, pin: null })).hasPin).toBe(false);
    const third = caller(tc.core);
    await third.call('session.signIn', { operatorId: op.id });
    // the admin may set anyone's PIN
    expect((await tc.call('operators.setPin', { operatorId: op2.id, pin: '55555' })).hasPin).toBe(true);
    expect((await errorOf(caller(tc.core).call('session.signIn', { operatorId: op2.id }))).code).toBe('BAD_PIN');
  });

  it('cannot remove yourself or the last admin; removing another operator ends their session', async () => {
    const me = (await tc.call('app.info')).operator!;
    const fp = fingerprint(tc);
    expect((await errorOf(tc.call('operators.remove', { id: me.id }))).code).toBe('CONFLICT');
    expect(fingerprint(tc)).toBe(fp);
    // the last-admin rule, checked in the service (the channel's self-check comes first)
    const ghost = { ...me, id: 'someone-else' };
    let err: unknown;
    try {
      removeOperator(tc.core.store, { id: ghost.id, name: 'x' }, ghost, me.id);
    } catch (e) {
      err = e;
    }
    expect((err as { code?: string }).code).toBe('CONFLICT');
    expect(say(err as Error)).toContain('管理员');
    expect(fingerprint(tc)).toBe(fp);

    const admin2 = await makeOperator('AD2', { isAdmin: true });
    const other = caller(tc.core);
    await other.call('session.signIn', { operatorId: admin2.id });
    // with two admins, one may remove the other
    expect(await other.call('operators.remove', { id: me.id })).toEqual({ id: me.id });
    expect((await errorOf(tc.call('workers.list', {}))).code).toBe('UNAUTHENTICATED');
    expect(tc.session.operatorId).toBeNull();
    expect((await other.call('operators.list')).map((o) => o.id)).toEqual([admin2.id]);
    // the removed operator's worker may now be deleted
    await other.call('workers.remove', { id: me.workerId });
  });

  it('sign out ends the session', async () => {
    expect(await tc.call('session.signOut')).toEqual({ signedOut: true });
    expect((await errorOf(tc.call('workers.list', {}))).code).toBe('UNAUTHENTICATED');
  });
});

describe('auth and admin gates', () => {
  /** Valid inputs for the foundation and roster channels (so that the gates, not the schemas, answer). */
  const SAMPLE: { [K in ChannelName]?: ChannelInput<K> } = {
    'app.info': {},
    'setup.init': {
      enterprise: { name: '另一家', uscc: demoUscc(), headcount: 1 },
      operator: { empNo: 'Z9', name: '外人', gender: 'M', roles: ['team_leader'] },
    },
    'session.operators': {},
    'session.signIn': { operatorId: 'x' },
    'session.signOut': {},
    'settings.setLocale': { locale: 'en' },
    'enterprise.get': {},
    'enterprise.update': { name: '改名', uscc: demoUscc(), headcount: 3 },
    'org.tree': {},
    'org.create': { kind: 'workshop', name: '新车间' },
    'org.rename': { id: 'u1', name: '名' },
    'org.move': { id: 'u1', parentId: 'u2' },
    'org.retire': { id: 'u1' },
    'org.restore': { id: 'u1' },
    'workers.list': {},
    'workers.get': { id: 'w1' },
    'workers.create': { empNo: 'NEW1', name: '新', gender: 'M' },
    'workers.update': { id: 'w1', data: { empNo: 'NEW1', name: '新', gender: 'M' } },
    'workers.remove': { id: 'w1' },
    'workers.restore': { id: 'w1' },
    'workers.history': { id: 'w1' },
    'roster.importPreview': { fileName: 'a.csv', dataBase64: Buffer.from('工号,姓名\nX,y\n').toString('base64') },
    'roster.importRemap': { importId: 'i1' },
    'roster.importCommit': { importId: 'i1' },
    'roster.importCancel': { importId: 'i1' },
    'roster.export': {},
    'operators.list': {},
    'operators.add': { workerId: 'w1' },
    'operators.setPin': { operatorId: 'o1', pin: '1234' },
    'operators.remove': { id: 'o1' },
  };

  beforeEach(async () => {
    tc = await openTestCore();
  });

  const ROSTER_CHANNELS = Object.keys(SAMPLE) as ChannelName[];

  it('every sample input is valid for its channel (so the gates below are what is tested)', () => {
    expect(ROSTER_CHANNELS.length).toBe(30);
    for (const ch of ROSTER_CHANNELS) {
      expect(CHANNELS, ch).toContain(ch);
      expect(contract[ch].input.safeParse(SAMPLE[ch]).success, ch).toBe(true);
    }
  });

  it('channels with auth=true return UNAUTHENTICATED for a fresh session, and write nothing', async () => {
    const fp = fingerprint(tc);
    const fresh: Session = { operatorId: null };
    const gated = ROSTER_CHANNELS.filter((c) => contract[c].auth);
    expect(gated.length).toBe(24);
    for (const ch of gated) {
      const r = await tc.core.dispatch(ch, SAMPLE[ch], fresh);
      expect(r.ok ? 'ok' : r.error.code, ch).toBe('UNAUTHENTICATED');
    }
    // channels without a sample here: never a success for a fresh session
    for (const ch of CHANNELS.filter((c) => contract[c].auth && !ROSTER_CHANNELS.includes(c))) {
      const r = await tc.core.dispatch(ch, {}, fresh);
      expect(r.ok, ch).toBe(false);
      if (!r.ok) expect(['UNAUTHENTICATED', 'VALIDATION'], ch).toContain(r.error.code);
    }
    expect(fingerprint(tc)).toBe(fp);
  });

  it('channels with auth=false work for a fresh session', async () => {
    const fresh = caller(tc.core);
    const info = await fresh.call('app.info');
    expect(info).toMatchObject({ initialized: true, operator: null, locale: 'zh-CN', schemaVersion: LATEST_VERSION });
    expect((await fresh.call('session.operators')).map((o) => o.empNo)).toEqual(['A0001']);
    expect(await fresh.call('settings.setLocale', { locale: 'en' })).toEqual({ locale: 'en' });
    expect((await fresh.call('app.info')).locale).toBe('en');
  });

  it('admin channels return FORBIDDEN for a non-admin operator, who can still use ordinary channels', async () => {
    const w = await tc.call('workers.create', worker({ empNo: 'NA1', name: '非管理员', roles: ['team_leader'] }));
    const op = await tc.call('operators.add', { workerId: w.id });
    const user = caller(tc.core);
    await user.call('session.signIn', { operatorId: op.id });
    const fp = fingerprint(tc);
    expect(CHANNELS.filter((c) => contract[c].admin)).toEqual(expect.arrayContaining(['enterprise.update', 'operators.add', 'operators.remove']));
    const adminOnly = ROSTER_CHANNELS.filter((c) => contract[c].admin);
    expect(adminOnly.sort()).toEqual(['enterprise.update', 'operators.add', 'operators.remove']);
    for (const ch of adminOnly) {
      const r = await tc.core.dispatch(ch, SAMPLE[ch], user.session);
      expect(r.ok ? 'ok' : r.error.code, ch).toBe('FORBIDDEN');
    }
    expect(fingerprint(tc)).toBe(fp);
    expect((await user.call('workers.list', {})).total).toBe(2);
    const created = await user.call('workers.create', worker({ empNo: 'NA2', name: '由非管理员新增' }));
    expect(lastAudit(tc)).toMatchObject({ actor_id: op.id, actor_name: '非管理员', entity: 'worker', entity_id: created.id });
  });

  it('setup.init twice → CONFLICT, from any session, and nothing changes', async () => {
    const fp = fingerprint(tc);
    expect((await errorOf(tc.call('setup.init', SAMPLE['setup.init']))).code).toBe('CONFLICT');
    const fresh = caller(tc.core);
    expect((await errorOf(fresh.call('setup.init', SAMPLE['setup.init']))).code).toBe('CONFLICT');
    expect(fresh.session.operatorId).toBeNull();
    expect(fingerprint(tc)).toBe(fp);
  });

  it('unknown channels and malformed input come back as data', async () => {
    const r = await tc.core.dispatch('workers.drop', {}, tc.session);
    expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    const r2 = await tc.core.dispatch('workers.get', { id: 'x', extra: 1 }, tc.session);
    expect(r2).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const r3 = await tc.core.dispatch('__proto__', {}, tc.session);
    expect(r3).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });
});

describe('an uninitialised store', () => {
  it('reports initialized=false and setup.init signs the first operator in as admin', async () => {
    tc = await openTestCore({ init: false });
    expect((await tc.call('app.info')).initialized).toBe(false);
    expect((await errorOf(tc.call('workers.list', {}))).code).toBe('UNAUTHENTICATED');
    const bad = await errorOf(
      tc.call('setup.init', {
        enterprise: { name: '企业', uscc: '91330100799655058C', headcount: 10 },
        operator: { empNo: 'A1', name: '甲', gender: 'M', roles: ['team_leader'] },
      }),
    );
    expect(bad.code).toBe('VALIDATION');
    expect(bad.details?.issues).toEqual([{ path: 'enterprise.uscc', message: 'v.uscc.checksum' }]);
    expect(count(tc, 'audit_log')).toBe(0);
    const op = await tc.call('setup.init', {
      enterprise: { name: '企业', uscc: demoUscc(), headcount: 10 },
      operator: { empNo: 'A1', name: '甲', gender: 'M', roles: ['team_leader'], pin: '1234' },
    });
    expect(op).toMatchObject({ isAdmin: true, hasPin: true, empNo: 'A1' });
    expect(tc.session.operatorId).toBe(op.id);
    expect((await tc.call('app.info')).initialized).toBe(true);
  });
});

describe('workers.list filters, search, sort and paging', () => {
  let A: string;
  let A1: string;
  let A2: string;
  let B: string;
  let B1: string;
  const ids: Record<string, string> = {};

  beforeEach(async () => {
    tc = await openTestCore();
    A = (await tc.call('org.create', { kind: 'workshop', name: '合成车间' })).id;
    A1 = (await tc.call('org.create', { kind: 'team', parentId: A, name: '甲班' })).id;
    A2 = (await tc.call('org.create', { kind: 'team', parentId: A, name: '乙班' })).id;
    B = (await tc.call('org.create', { kind: 'workshop', name: '储运车间' })).id;
    B1 = (await tc.call('org.create', { kind: 'team', parentId: B, name: '装卸班' })).id;
    const data: WorkerInput[] = [
      { empNo: 'L01', name: '张伟', gender: 'M', orgUnitId: A1, roles: ['team_leader'], hireDate: '2010-01-01', skillGrade: 3, idCard: ID_M, phone: '13800000001', post: '反应釜操作工' },
      { empNo: 'L02', name: '张丽', gender: 'F', orgUnitId: A2, roles: ['safety_officer'], hireDate: '2015-06-01', skillGrade: 1, certType: '危险化学品安全作业', certNo: 'T0002', certExpiry: '2027-01-01', hazardFactors: ['苯'], post: '巡检工' },
      { empNo: 'L03', name: '李娜', gender: 'F', orgUnitId: A, isRepresentative: true, post: '化验员' },
      { empNo: 'L04', name: '王强', gender: 'M', orgUnitId: B1, status: 'left', hireDate: '2020-02-02', skillGrade: 5, post: '焊工', idCard: ID_M2 },
      { empNo: 'L05', name: '赵敏', gender: 'F', orgUnitId: B, roles: ['safety_officer', 'oh_manager'], hazardFactors: ['噪声'], hireDate: '2018-03-03', skillGrade: 2, post: '反应釜操作工', idCard: ID_F },
      { empNo: 'L06', name: '100%纯', gender: 'M', post: '10_0', hireDate: '2010-01-01', skillGrade: 3 },
    ];
    for (const d of data) ids[d.empNo] = (await tc.call('workers.create', d)).id;
  });

  const list = async (q: WorkerQueryInput) => (await tc.call('workers.list', { pageSize: 500, ...q })).rows.map((r) => r.empNo);
  const sorted = (xs: string[]) => [...xs].sort();

  it('status: active by default, left, all', async () => {
    expect(await list({})).toEqual(['A0001', 'L01', 'L02', 'L03', 'L05', 'L06']);
    expect(await list({ status: 'left' })).toEqual(['L04']);
    expect(await list({ status: 'all' })).toEqual(['A0001', 'L01', 'L02', 'L03', 'L04', 'L05', 'L06']);
  });

  it('orgUnitId: a workshop includes its teams; a team only itself', async () => {
    expect(await list({ orgUnitId: A })).toEqual(['L01', 'L02', 'L03']);
    expect(await list({ orgUnitId: A1 })).toEqual(['L01']);
    expect(await list({ orgUnitId: A2 })).toEqual(['L02']);
    expect(await list({ orgUnitId: B })).toEqual(['L05']);
    expect(await list({ orgUnitId: B, status: 'all' })).toEqual(['L04', 'L05']);
    expect(await list({ orgUnitId: B1 })).toEqual([]);
    expect((await errorOf(tc.call('workers.list', { orgUnitId: 'nope' }))).code).toBe('NOT_FOUND');
  });

  it('role: a specific committee role, or any', async () => {
    expect(await list({ role: 'safety_officer' })).toEqual(['L02', 'L05']);
    expect(await list({ role: 'oh_manager' })).toEqual(['L05']);
    expect(await list({ role: 'union_officer' })).toEqual(['A0001']);
    expect(await list({ role: 'lp_supervisor' })).toEqual([]);
    expect(await list({ role: 'any' })).toEqual(['A0001', 'L01', 'L02', 'L05']);
    // roles follow updates
    await tc.call('workers.update', { id: ids.L02!, data: { empNo: 'L02', name: '张丽', gender: 'F', orgUnitId: A2 } });
    expect(await list({ role: 'safety_officer' })).toEqual(['L05']);
  });

  it('special groups and gender', async () => {
    expect(await list({ special: 'cert' })).toEqual(['L02']);
    expect(await list({ special: 'exposed' })).toEqual(['L02', 'L05']);
    expect(await list({ special: 'female' })).toEqual(['L02', 'L03', 'L05']);
    expect(await list({ special: 'representative' })).toEqual(['L03']);
    expect(await list({ gender: 'F' })).toEqual(['L02', 'L03', 'L05']);
    expect(await list({ gender: 'M' })).toEqual(['A0001', 'L01', 'L06']);
    expect(await list({ gender: 'F', special: 'exposed', orgUnitId: A })).toEqual(['L02']);
    expect(await list({ role: 'safety_officer', orgUnitId: B })).toEqual(['L05']);
  });

  it('search of 1–2 characters matches name, employee no. and post as substrings (LIKE, wildcards escaped)', async () => {
    expect(await list({ search: '张' })).toEqual(['L01', 'L02']);
    expect(await list({ search: '主席' })).toEqual(['A0001']);
    expect(await list({ search: '丽' })).toEqual(['L02']);
    expect(await list({ search: '验员' })).toEqual(['L03']); // post
    expect(await list({ search: '06' })).toEqual(['L06']); // employee no.
    expect(await list({ search: 'l0' })).toEqual(['L01', 'L02', 'L03', 'L05', 'L06']); // case-insensitive
    expect(await list({ search: '%' })).toEqual(['L06']);
    expect(await list({ search: '_' })).toEqual(['L06']);
    expect(await list({ search: ' 张 ' })).toEqual(['L01', 'L02']);
    expect(await list({ search: '强', status: 'all' })).toEqual(['L04']);
    expect(await list({ search: '强' })).toEqual([]);
  });

  it('search is case-insensitive for Latin letters in names and posts, short or long', async () => {
    await tc.call('workers.create', { empNo: 'X01', name: 'Li Na', gender: 'F', post: 'DCS 操作员' });
    await tc.call('workers.create', { empNo: 'X02', name: 'LIU Yang', gender: 'M', post: 'dcs 巡检' });
    for (const s of ['Li', 'li', 'LI']) expect(await list({ search: s }), s).toEqual(['X01', 'X02']);
    for (const s of ['Na', 'na']) expect(await list({ search: s }), s).toEqual(['X01']);
    for (const s of ['DC', 'dc', 'Dc']) expect(await list({ search: s }), s).toEqual(['X01', 'X02']);
    for (const s of ['DCS', 'dcs', 'li n', 'LI N']) expect((await list({ search: s })).length, s).toBeGreaterThan(0);
    expect(await list({ search: 'dcs' })).toEqual(['X01', 'X02']);
    expect(await list({ search: 'LIU' })).toEqual(['X02']);
    // and it follows a rename
    const x2 = (await tc.call('workers.list', { search: 'X02' })).rows[0]!;
    await tc.call('workers.update', { id: x2.id, data: { empNo: 'X02', name: 'Wang Yang', gender: 'M', post: 'dcs 巡检' } });
    expect(await list({ search: 'Li' })).toEqual(['X01']);
    expect(await list({ search: 'wa' })).toEqual(['X02']);
  });

  it('search of 3+ characters uses the full-text index: names, posts, phone, ID card, employee no.', async () => {
    expect(await list({ search: '反应釜' })).toEqual(['L01', 'L05']);
    expect(await list({ search: '反应釜操作工' })).toEqual(['L01', 'L05']);
    expect(await list({ search: '反应釜', orgUnitId: B })).toEqual(['L05']);
    expect(await list({ search: '00000001' })).toEqual(['L01']); // phone digits
    expect(await list({ search: ID_M.slice(6, 14) })).toEqual(['L01']); // birth date inside the ID card
    expect(await list({ search: 'L05' })).toEqual(['L05']);
    expect(await list({ search: 'l05' })).toEqual(['L05']);
    expect(await list({ search: '100%纯' })).toEqual(['L06']);
    expect(await list({ search: '不存在的人' })).toEqual([]);
    // FTS syntax in user text is taken literally, never an error
    for (const s of ['"反应"釜', 'a OR b', 'NEAR(x y)', '张*伟', "'; DROP TABLE workers; --"]) {
      const r = await tc.call('workers.list', { search: s });
      expect(r.total, s).toBe(0);
    }
    // search follows edits
    await tc.call('workers.update', { id: ids.L01!, data: { empNo: 'L01', name: '张伟', gender: 'M', orgUnitId: A1, post: '包装工', idCard: ID_M } });
    expect(await list({ search: '反应釜' })).toEqual(['L05']);
    expect(await list({ search: '包装工' })).toEqual(['L01']);
  });

  const cmp = (a: string | number | null, b: string | number | null) => {
    if (a === b) return 0;
    if (a === null) return -1; // SQLite: NULL sorts first ascending
    if (b === null) return 1;
    if (typeof a === 'number' && typeof b === 'number') return a - b;
    return Buffer.compare(Buffer.from(String(a)), Buffer.from(String(b))); // BINARY collation over UTF-8
  };
  function expectedOrder(rows: WorkerRow[], key: (r: WorkerRow) => string | number | null, dir: 'asc' | 'desc') {
    const s = dir === 'asc' ? 1 : -1;
    return [...rows].sort((x, y) => s * (cmp(key(x), key(y)) || cmp(x.empNo, y.empNo))).map((r) => r.empNo);
  }

  it.each([
    ['empNo', (r: WorkerRow) => r.empNo],
    ['name', (r: WorkerRow) => r.name],
    ['hireDate', (r: WorkerRow) => r.hireDate],
    ['skillGrade', (r: WorkerRow) => r.skillGrade],
  ] as const)('sorts by %s in both directions, ties broken by employee no.', async (field, key) => {
    const all = (await tc.call('workers.list', { status: 'all', pageSize: 500 })).rows;
    for (const dir of ['asc', 'desc'] as const) {
      const got = await list({ status: 'all', sortField: field, sortDir: dir });
      expect(got, `${field} ${dir}`).toEqual(expectedOrder(all, key, dir));
    }
  });

  it('sort orders are what they claim (spot checks)', async () => {
    expect(await list({ status: 'all', sortField: 'empNo', sortDir: 'desc' })).toEqual(['L06', 'L05', 'L04', 'L03', 'L02', 'L01', 'A0001']);
    // hire date ascending: no date first, ties (2010-01-01) by employee no.
    expect(await list({ status: 'all', sortField: 'hireDate' })).toEqual(['A0001', 'L03', 'L01', 'L06', 'L02', 'L05', 'L04']);
    expect(await list({ status: 'all', sortField: 'hireDate', sortDir: 'desc' })).toEqual(['L04', 'L05', 'L02', 'L06', 'L01', 'L03', 'A0001']);
    expect(await list({ sortField: 'skillGrade', sortDir: 'desc' })).toEqual(['L06', 'L01', 'L05', 'L02', 'L03', 'A0001']);
  });

  it('sorts by last update', async () => {
    await new Promise((r) => setTimeout(r, 5));
    await tc.call('workers.update', { id: ids.L03!, data: { empNo: 'L03', name: '李娜', gender: 'F', orgUnitId: A, isRepresentative: true, post: '化验员' } });
    const asc = await list({ sortField: 'updatedAt' });
    expect(asc.at(-1)).toBe('L03');
    const desc = await list({ sortField: 'updatedAt', sortDir: 'desc' });
    expect(desc[0]).toBe('L03');
    expect(desc).toHaveLength(asc.length);
  });

  it('pages: totals stay constant, pages concatenate to the full list, past the end is empty', async () => {
    const full = await list({ status: 'all' });
    const pages: string[] = [];
    for (let page = 1; page <= 4; page++) {
      const r = await tc.call('workers.list', { status: 'all', pageSize: 2, page });
      expect(r.total).toBe(7);
      expect(r.page).toBe(page);
      expect(r.pageSize).toBe(2);
      expect(r.rows.length).toBe(page < 4 ? 2 : 1);
      pages.push(...r.rows.map((x) => x.empNo));
    }
    expect(pages).toEqual(full);
    const past = await tc.call('workers.list', { status: 'all', pageSize: 2, page: 9 });
    expect(past).toMatchObject({ rows: [], total: 7, page: 9 });
    const filtered = await tc.call('workers.list', { search: '张', pageSize: 1, page: 2 });
    expect(filtered.total).toBe(2);
    expect(filtered.rows.map((r) => r.empNo)).toEqual(['L02']);
    expect((await errorOf(tc.call('workers.list', { pageSize: 501 }))).code).toBe('VALIDATION');
    expect((await errorOf(tc.call('workers.list', { page: 0 }))).code).toBe('VALIDATION');
  });

  it('rows carry workshop and team names, roles and masked ID cards', async () => {
    const r = (await tc.call('workers.list', { search: 'L05' })).rows[0]!;
    expect(r).toMatchObject({
      empNo: 'L05',
      name: '赵敏',
      gender: 'F',
      workshopId: B,
      workshopName: '储运车间',
      teamId: null,
      teamName: null,
      roles: ['safety_officer', 'oh_manager'],
      hireDate: '2018-03-03',
      skillGrade: 2,
      status: 'active',
      isRepresentative: false,
      idCardMasked: `${ID_F.slice(0, 6)}********${ID_F.slice(-4)}`,
    });
    const t = (await tc.call('workers.list', { search: 'L01' })).rows[0]!;
    expect(t).toMatchObject({ workshopId: A, workshopName: '合成车间', teamId: A1, teamName: '甲班' });
    expect(sorted(Object.keys(t))).toEqual(
      sorted(['id', 'empNo', 'name', 'gender', 'idCardMasked', 'phone', 'workshopId', 'workshopName', 'teamId', 'teamName', 'post', 'hireDate', 'skillGrade', 'status', 'roles', 'isRepresentative', 'certExpiry', 'certDue', 'updatedAt', 'deletedAt']),
    );
  });
});
