// The roster's recycle bin (已删除): deleted workers are listed (and only there), restored from it with an audit entry,
// and a restore that would break the roster is refused with a message that says why, changing nothing.
// Also the special-operation certificate filter (expired / expiring within 90 days).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppErrorData } from '../../shared/result';
import { idCardCheckChar } from '../../shared/roster/idcard';
import { addDays, CERT_WARN_DAYS } from '../../shared/roster/certs';
import type { WorkerInput } from '../../shared/roster/schemas';
import { todayLocal } from '../../electron/core/util';
import { openTestCore, say, type TestCore } from '../helpers/core';

let tc: TestCore;
beforeEach(async () => {
  tc = await openTestCore();
});
afterEach(() => tc?.close());

const idCard = (seq: string) => {
  const first17 = `32120219850615${seq}`;
  return first17 + idCardCheckChar(first17);
};
const worker = (o: Partial<WorkerInput> & { empNo: string; name: string }): WorkerInput => ({ gender: 'M', ...o });

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

/** every row of the tables a restore may touch */
function snapshot(): string {
  const db = tc.core.store.db;
  return ['workers', 'audit_log', 'org_units'].map((t) => JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n');
}

describe('recycle bin', () => {
  it('lists deleted workers only, with when they were deleted; the other views never show them', async () => {
    const a = await tc.call('workers.create', worker({ empNo: 'R1', name: '回收甲' }));
    const b = await tc.call('workers.create', worker({ empNo: 'R2', name: '回收乙', status: 'left' }));
    await tc.call('workers.create', worker({ empNo: 'R3', name: '留下丙' }));
    expect((await tc.call('workers.list', { status: 'deleted' })).total).toBe(0);
    await tc.call('workers.remove', { id: a.id });
    await tc.call('workers.remove', { id: b.id });

    const bin = await tc.call('workers.list', { status: 'deleted' });
    expect(bin.rows.map((r) => r.empNo)).toEqual(['R1', 'R2']);
    expect(bin.rows.every((r) => r.deletedAt !== null)).toBe(true);
    expect(bin.total).toBe(2);
    // search inside the bin
    expect((await tc.call('workers.list', { status: 'deleted', search: '回收乙' })).rows.map((r) => r.empNo)).toEqual(['R2']);
    // the live views
    for (const status of ['active', 'left', 'all'] as const) {
      const live = await tc.call('workers.list', { status });
      expect(live.rows.some((r) => r.empNo === 'R1' || r.empNo === 'R2')).toBe(false);
      expect(live.rows.every((r) => r.deletedAt === null)).toBe(true);
    }
  });

  it('restore brings the worker back, out of the bin, audited under the operator', async () => {
    const a = await tc.call('workers.create', worker({ empNo: 'R1', name: '回收甲', idCard: idCard('011') }));
    await tc.call('workers.remove', { id: a.id });
    const back = await tc.call('workers.restore', { id: a.id });
    expect(back).toMatchObject({ id: a.id, empNo: 'R1', deletedAt: null, idCard: idCard('011') });
    expect((await tc.call('workers.list', { status: 'deleted' })).total).toBe(0);
    expect((await tc.call('workers.list', { search: 'R1' })).rows.map((r) => r.name)).toEqual(['回收甲']);
    const audit = tc.core.store.db.prepare(`SELECT action, actor_name, before, after FROM audit_log WHERE entity = 'worker' AND entity_id = ? ORDER BY seq`).all(a.id) as {
      action: string;
      actor_name: string;
      before: string;
      after: string;
    }[];
    expect(audit.map((x) => x.action)).toEqual(['create', 'delete', 'restore']);
    expect(audit[2]!.actor_name).toBe('王主席');
    expect(JSON.parse(audit[2]!.before).deletedAt).not.toBeNull();
    expect(JSON.parse(audit[2]!.after).deletedAt).toBeNull();
    // restoring a live worker changes nothing
    const before = snapshot();
    await tc.call('workers.restore', { id: a.id });
    expect(snapshot()).toBe(before);
  });

  it('a deleted worker’s employee number stays theirs: a new worker cannot take it, the message says to restore', async () => {
    const a = await tc.call('workers.create', worker({ empNo: 'R1', name: '回收甲' }));
    await tc.call('workers.remove', { id: a.id });
    const e = await errorOf(tc.call('workers.create', worker({ empNo: 'R1', name: '新人' })));
    expect(e.code).toBe('CONFLICT');
    expect(say(e)).toBe('工号 R1 属于一名已删除的职工，请恢复该职工或改用其他工号');
    expect(say(e, 'en')).toContain('restore that worker');
    await tc.call('workers.restore', { id: a.id });
  });

  it('restoring when the ID card was taken meanwhile is refused with who has it; nothing changes', async () => {
    const a = await tc.call('workers.create', worker({ empNo: 'R1', name: '回收甲', idCard: idCard('011') }));
    await tc.call('workers.remove', { id: a.id });
    await tc.call('workers.create', worker({ empNo: 'R9', name: '后来者', idCard: idCard('011') }));
    const before = snapshot();
    const e = await errorOf(tc.call('workers.restore', { id: a.id }));
    expect(e.code).toBe('CONFLICT');
    expect(say(e)).toBe('无法恢复：身份证号已被工号 R9 的职工使用，请先修改或删除该职工');
    expect(say(e, 'en')).toBe('Cannot restore: the ID card no. is now used by worker R9; change or delete that worker first');
    expect(snapshot()).toBe(before);
    expect((await tc.call('workers.list', { status: 'deleted' })).rows.map((r) => r.empNo)).toEqual(['R1']);
  });

  it('restoring an employed worker into a retired workshop is refused, naming it; a worker who left may come back', async () => {
    const ws = await tc.call('org.create', { kind: 'workshop', name: '旧车间' });
    const a = await tc.call('workers.create', worker({ empNo: 'R1', name: '回收甲', orgUnitId: ws.id }));
    const b = await tc.call('workers.create', worker({ empNo: 'R2', name: '回收乙', orgUnitId: ws.id, status: 'left' }));
    await tc.call('workers.remove', { id: a.id });
    await tc.call('workers.remove', { id: b.id });
    await tc.call('org.retire', { id: ws.id });
    const before = snapshot();
    const e = await errorOf(tc.call('workers.restore', { id: a.id }));
    expect(e.code).toBe('CONFLICT');
    expect(say(e)).toBe('无法恢复：该职工所在的“旧车间”已撤销，请先在组织架构中恢复它');
    expect(snapshot()).toBe(before);
    expect((await tc.call('workers.restore', { id: b.id })).deletedAt).toBeNull();
    await tc.call('org.restore', { id: ws.id });
    expect((await tc.call('workers.restore', { id: a.id })).deletedAt).toBeNull();
  });

  it('an unknown id is NOT_FOUND', async () => {
    expect((await errorOf(tc.call('workers.restore', { id: '0190a000-0000-7000-8000-000000000000' }))).code).toBe('NOT_FOUND');
  });
});

describe('certificate filter', () => {
  it('expired, expiring within 90 days, or either', async () => {
    const today = todayLocal();
    const cert = (expiry: string) => ({ certType: '电工作业', certNo: `T${expiry}`, certExpiry: expiry });
    await tc.call('workers.create', worker({ empNo: 'C1', name: '过期', ...cert(addDays(today, -1)) }));
    await tc.call('workers.create', worker({ empNo: 'C2', name: '今天到期', ...cert(today) }));
    await tc.call('workers.create', worker({ empNo: 'C3', name: '九十天', ...cert(addDays(today, CERT_WARN_DAYS)) }));
    await tc.call('workers.create', worker({ empNo: 'C4', name: '九十一天', ...cert(addDays(today, CERT_WARN_DAYS + 1)) }));
    await tc.call('workers.create', worker({ empNo: 'C5', name: '无证' }));
    const emp = async (certDue: 'expired' | 'soon' | 'due') => (await tc.call('workers.list', { certDue })).rows.map((r) => r.empNo);
    expect(await emp('expired')).toEqual(['C1']);
    expect(await emp('soon')).toEqual(['C2', 'C3']);
    expect(await emp('due')).toEqual(['C1', 'C2', 'C3']);
    expect((await tc.call('workers.list', { certDue: 'due', search: '过期' })).total).toBe(1);
  });
});
