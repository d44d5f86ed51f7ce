// The skill-level wage's own records (issue 9, "Records it reads and the ones it adds"): safe production time per worker
// and month (saving the same month again updates it), behaviour records (sign by kind, a worker or a team, an evidence
// photo, soft delete and restore) and accidents (with the workers involved) — through the real dispatch; every write is
// audited, only union officers, safety officers and administrators write, and every refusal leaves the tables unchanged.
import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import type { ChannelInput } from '../../shared/contract';
import { type Call, caller, openTestCore, refusal, say, type TestCore } from '../helpers/core';

setQuiet(true);
let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});


/** A snapshot of the wage tables and the audit log, to prove a refusal changed nothing. */
function tables(core: Core): string {
  const db = core.store.db;
  return JSON.stringify(
    ['wage_timekeeping', 'wage_behaviour', 'wage_accidents', 'wage_accident_workers', 'audit_log'].map((t) => db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()),
  );
}
function audits(core: Core): { entity: string; entity_id: string; action: string; actor_name: string; before: string | null; after: string | null }[] {
  return core.store.db.prepare(`SELECT entity, entity_id, action, actor_name, before, after FROM audit_log WHERE entity LIKE 'wage_%' ORDER BY seq`).all() as never;
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
  return { admin, ws, team, w, a, b };
}

describe('safe production time', () => {
  it('saving the same worker and month again updates the row instead of adding one; both writes are audited', async () => {
    const { admin, a, b } = await world();
    const first = await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 176 });
    expect(first).toMatchObject({ workerId: a.id, empNo: 'W001', name: '张三', teamName: '甲班', workshopName: '合成车间', period: '2026-03', hours: 176, shifts: null, source: 'manual' });
    const again = await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 168.5, shifts: 21, note: '补录' });
    expect(again).toMatchObject({ id: first.id, hours: 168.5, shifts: 21, note: '补录' });
    await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-04', shifts: 22 });
    await admin('wage.timekeepingSave', { workerId: b.id, period: '2026-03', hours: 160 });
    const march = await admin('wage.timekeeping', { period: '2026-03' });
    expect(march.map((t) => [t.empNo, t.hours, t.shifts])).toEqual([
      ['W001', 168.5, 21],
      ['W002', 160, null],
    ]);
    expect((await admin('wage.timekeeping', { period: '2026-03', search: '李' })).map((t) => t.empNo)).toEqual(['W002']);
    expect((await admin('wage.timekeeping', { period: '2026-03', search: 'w001' })).map((t) => t.empNo)).toEqual(['W001']);
    expect(tc!.core.store.db.prepare(`SELECT count(*) FROM wage_timekeeping WHERE worker_id = ?`).pluck().get(a.id)).toBe(2);
    const log = audits(tc!.core).filter((e) => e.entity_id === first.id);
    expect(log.map((e) => e.action)).toEqual(['create', 'update']);
    expect(JSON.parse(log[1]!.before!)).toMatchObject({ hours: 176, shifts: null });
    expect(JSON.parse(log[1]!.after!)).toMatchObject({ hours: 168.5, shifts: 21 });
    expect(log[1]!.actor_name).toBe('王主席');

    expect(await admin('wage.timekeepingDelete', { id: first.id })).toEqual({ deleted: true });
    expect((await admin('wage.timekeeping', { period: '2026-03' })).map((t) => t.empNo)).toEqual(['W002']);
    expect(audits(tc!.core).at(-1)).toMatchObject({ entity: 'wage_timekeeping', entity_id: first.id, action: 'delete' });
  });

  it('refuses a month without hours or shifts, bad numbers, a bad month and an unknown worker — changing nothing', async () => {
    const { admin, a } = await world();
    await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 176 });
    const before = tables(tc!.core);
    const none = await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03' }));
    expect(none.code).toBe('VALIDATION');
    expect(none.details!.issues).toEqual([{ path: 'hours', message: 'v.wage.hoursOrShifts' }]);
    expect(say({ message: none.details!.issues![0]!.message })).toBe('请填写工时或班次（至少一项）');
    expect((await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: -1 }))).details!.issues).toEqual([{ path: 'hours', message: 'v.wage.hours' }]);
    expect((await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 800 }))).details!.issues).toEqual([{ path: 'hours', message: 'v.wage.hours' }]);
    expect((await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', shifts: 2.5 }))).details!.issues).toEqual([{ path: 'shifts', message: 'v.wage.shifts' }]);
    expect((await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-13', hours: 8 }))).details!.issues).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    expect((await refusal(admin('wage.timekeepingSave', { workerId: a.id, period: '2026-3', hours: 8 }))).details!.issues).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    expect(await refusal(admin('wage.timekeepingSave', { workerId: 'nobody', period: '2026-03', hours: 8 }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(await refusal(admin('wage.timekeepingDelete', { id: 'nothing' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.timekeepingNotFound' });
    expect(tables(tc!.core)).toBe(before);
  });

  it('the database itself refuses a row with neither hours nor shifts, and a second row for the same month', async () => {
    const { admin, a } = await world();
    await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 176 });
    const db = tc!.core.store.db;
    const ins = `INSERT INTO wage_timekeeping (id, worker_id, period, hours, shifts, source, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'manual', 'x', 'x')`;
    expect(() => db.prepare(ins).run('t1', a.id, '2026-05', null, null)).toThrow(/CHECK/);
    expect(() => db.prepare(ins).run('t2', a.id, '2026-03', 8, null)).toThrow(/UNIQUE/);
  });
});

describe('behaviour records', () => {
  it('a violation takes points off, a good act adds them; the sign, the decimals and a worker or team are checked — changing nothing', async () => {
    const { admin, a, team, ws } = await world();
    const v = await admin('wage.behaviourCreate', { date: '2026-03-05', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: -2 });
    expect(v).toMatchObject({ workerId: a.id, empNo: 'W001', workerName: '张三', teamId: null, kind: 'violation', category: '未戴安全帽', points: -2, evidenceId: null, enteredBy: '王主席', deletedAt: null });
    const g = await admin('wage.behaviourCreate', { date: '2026-03-06', teamId: team.id, kind: 'good_act', category: '采纳安全建议', points: 1.25, note: '班组合理化建议' });
    expect(g).toMatchObject({ workerId: null, teamId: team.id, teamName: '甲班', points: 1.25 });
    const before = tables(tc!.core);
    const issues = async (input: ChannelInput<'wage.behaviourCreate'>) => (await refusal(admin('wage.behaviourCreate', input))).details!.issues;
    expect(await issues({ date: '2026-03-05', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: 2 })).toEqual([{ path: 'points', message: 'v.wage.violationNegative' }]);
    expect(await issues({ date: '2026-03-05', workerId: a.id, kind: 'good_act', category: '制止违章', points: -1 })).toEqual([{ path: 'points', message: 'v.wage.goodActPositive' }]);
    expect(await issues({ date: '2026-03-05', workerId: a.id, kind: 'good_act', category: '制止违章', points: 0 })).toEqual([{ path: 'points', message: 'v.wage.goodActPositive' }]);
    expect(await issues({ date: '2026-03-05', workerId: a.id, kind: 'good_act', category: '制止违章', points: 1.255 })).toEqual([{ path: 'points', message: 'v.wage.points' }]);
    expect(await issues({ date: '2026-03-05', kind: 'good_act', category: '制止违章', points: 1 })).toEqual([{ path: 'workerId', message: 'v.wage.workerOrTeam' }]);
    expect(await issues({ date: '2100-01-01', workerId: a.id, kind: 'good_act', category: '制止违章', points: 1 })).toEqual([{ path: 'date', message: 'v.futureDate' }]);
    expect(await issues({ date: '2026-03-05', workerId: a.id, kind: 'good_act', category: ' ', points: 1 })).toEqual([{ path: 'category', message: 'v.required' }]);
    // a workshop is not a team; an unknown worker is not found
    expect(await refusal(admin('wage.behaviourCreate', { date: '2026-03-05', teamId: ws.id, kind: 'good_act', category: '制止违章', points: 1 }))).toMatchObject({
      code: 'VALIDATION',
      message: 'err.wage.notTeam',
    });
    expect(await refusal(admin('wage.behaviourCreate', { date: '2026-03-05', workerId: 'ghost', kind: 'good_act', category: '制止违章', points: 1 }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'err.worker.notFound',
    });
    // an update breaking the sign is refused too
    expect((await refusal(admin('wage.behaviourUpdate', { id: v.id, date: '2026-03-05', workerId: a.id, kind: 'good_act', category: '未戴安全帽', points: -2 }))).details!.issues).toEqual([
      { path: 'points', message: 'v.wage.goodActPositive' },
    ]);
    expect(tables(tc!.core)).toBe(before);
    // and the database backs the sign rule up
    expect(() =>
      tc!.core.store.db
        .prepare(`INSERT INTO wage_behaviour (id, date, worker_id, kind, category, points, entered_by_name, created_at, updated_at) VALUES ('x', '2026-03-01', ?, 'violation', 'c', 3, 'n', 'x', 'x')`)
        .run(a.id),
    ).toThrow(/CHECK/);
  });

  it('the evidence is a photo, not a document', async () => {
    const { admin, a } = await world();
    const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#b45309' } }).png().toBuffer();
    const photo = await admin('attachments.upload', { fileName: '现场.png', dataBase64: png.toString('base64') });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');
    const doc = await admin('attachments.uploadDocument', { fileName: '通报.pdf', dataBase64: pdf.toString('base64') });
    const before = tables(tc!.core);
    const notImage = await refusal(admin('wage.behaviourCreate', { date: '2026-03-05', workerId: a.id, kind: 'violation', category: '违章动火', points: -5, evidenceId: doc.id }));
    expect(notImage).toMatchObject({ code: 'VALIDATION', message: 'err.attachment.notImage' });
    expect(notImage.details!.issues).toEqual([{ path: 'evidenceId', message: 'v.photo' }]);
    expect(await refusal(admin('wage.behaviourCreate', { date: '2026-03-05', workerId: a.id, kind: 'violation', category: '违章动火', points: -5, evidenceId: 'gone' }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'err.photo.notFound',
    });
    expect(tables(tc!.core)).toBe(before);
    const v = await admin('wage.behaviourCreate', { date: '2026-03-05', workerId: a.id, kind: 'violation', category: '违章动火', points: -5, evidenceId: photo.id });
    expect(v.evidenceId).toBe(photo.id);
  });

  it('lists by month or date range, worker, team and kind; update, soft delete and restore are audited', async () => {
    const { admin, a, b, team } = await world();
    const v1 = await admin('wage.behaviourCreate', { date: '2026-02-28', workerId: a.id, kind: 'violation', category: '未系安全带', points: -3 });
    const v2 = await admin('wage.behaviourCreate', { date: '2026-03-01', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: -2 });
    const g1 = await admin('wage.behaviourCreate', { date: '2026-03-31', workerId: b.id, teamId: team.id, kind: 'good_act', category: '制止违章', points: 3 });
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    expect(ids(await admin('wage.behaviour', { period: '2026-03' }))).toEqual([g1.id, v2.id]);
    expect(ids(await admin('wage.behaviour', { from: '2026-02-28', to: '2026-03-01' }))).toEqual([v2.id, v1.id]);
    expect(ids(await admin('wage.behaviour', { from: '2026-03-01' }))).toEqual([g1.id, v2.id]);
    expect(ids(await admin('wage.behaviour', { workerId: a.id }))).toEqual([v2.id, v1.id]);
    expect(ids(await admin('wage.behaviour', { teamId: team.id }))).toEqual([g1.id]);
    expect(ids(await admin('wage.behaviour', { kind: 'good_act' }))).toEqual([g1.id]);
    expect((await refusal(admin('wage.behaviour', { period: '2026-03', from: '2026-03-01' }))).details!.issues).toEqual([{ path: 'period', message: 'v.wage.periodOrRange' }]);
    expect((await refusal(admin('wage.behaviour', { from: '2026-03-02', to: '2026-03-01' }))).details!.issues).toEqual([{ path: 'to', message: 'v.wage.rangeOrder' }]);

    const up = await admin('wage.behaviourUpdate', { id: v2.id, date: '2026-03-02', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: -1.5, note: '复核后减轻' });
    expect(up).toMatchObject({ date: '2026-03-02', points: -1.5, note: '复核后减轻' });

    expect(await admin('wage.behaviourDelete', { id: v2.id })).toEqual({ deleted: true });
    expect(ids(await admin('wage.behaviour', { period: '2026-03' }))).toEqual([g1.id]);
    const deleted = await admin('wage.behaviour', { deleted: true });
    expect(ids(deleted)).toEqual([v2.id]);
    expect(deleted[0]!.deletedAt).not.toBeNull();
    // a deleted record is not edited or deleted again; a live one is not "restored"
    const before = tables(tc!.core);
    expect(await refusal(admin('wage.behaviourUpdate', { id: v2.id, date: '2026-03-02', workerId: a.id, kind: 'violation', category: 'x', points: -1 }))).toMatchObject({
      code: 'NOT_FOUND',
      message: 'err.wage.behaviourNotFound',
    });
    expect(await refusal(admin('wage.behaviourDelete', { id: v2.id }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(admin('wage.behaviourRestore', { id: g1.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.notDeleted' });
    expect(tables(tc!.core)).toBe(before);

    const back = await admin('wage.behaviourRestore', { id: v2.id });
    expect(back).toMatchObject({ id: v2.id, deletedAt: null, points: -1.5 });
    expect(ids(await admin('wage.behaviour', { period: '2026-03' }))).toEqual([g1.id, v2.id]);
    expect(audits(tc!.core).filter((e) => e.entity_id === v2.id).map((e) => e.action)).toEqual(['create', 'update', 'delete', 'restore']);
  });
});

describe('accidents', () => {
  it('records an accident with its team and workers; lists by worker and severity; update replaces the workers; soft delete and restore', async () => {
    const { admin, a, b, team } = await world();
    const acc = await admin('wage.accidentCreate', {
      date: '2026-03-10',
      place: '合成车间二楼反应釜',
      severity: 'minor_injury',
      description: '检修时手部划伤',
      teamId: team.id,
      workerIds: [b.id, a.id],
    });
    expect(acc).toMatchObject({ severity: 'minor_injury', teamName: '甲班', enteredBy: '王主席', deletedAt: null });
    expect(acc.workers.map((w) => w.empNo)).toEqual(['W002', 'W001']);
    const near = await admin('wage.accidentCreate', { date: '2026-04-02', place: '罐区', severity: 'near_miss', description: '阀门泄漏未造成伤害' });
    expect(near.workers).toEqual([]);
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    expect(ids(await admin('wage.accidents', {}))).toEqual([near.id, acc.id]);
    expect(ids(await admin('wage.accidents', { workerId: a.id }))).toEqual([acc.id]);
    expect(ids(await admin('wage.accidents', { severity: 'near_miss' }))).toEqual([near.id]);
    expect(ids(await admin('wage.accidents', { period: '2026-03' }))).toEqual([acc.id]);

    const up = await admin('wage.accidentUpdate', { id: acc.id, date: '2026-03-10', place: '合成车间二楼', severity: 'serious_injury', description: '手部骨折', teamId: team.id, workerIds: [a.id] });
    expect(up).toMatchObject({ severity: 'serious_injury', place: '合成车间二楼' });
    expect(up.workers.map((w) => w.empNo)).toEqual(['W001']);
    expect(ids(await admin('wage.accidents', { workerId: b.id }))).toEqual([]);

    await admin('wage.accidentDelete', { id: acc.id });
    expect(ids(await admin('wage.accidents', {}))).toEqual([near.id]);
    expect(ids(await admin('wage.accidents', { deleted: true }))).toEqual([acc.id]);
    const back = await admin('wage.accidentRestore', { id: acc.id });
    expect(back.workers.map((w) => w.empNo)).toEqual(['W001']);
    expect(audits(tc!.core).filter((e) => e.entity_id === acc.id).map((e) => e.action)).toEqual(['create', 'update', 'delete', 'restore']);
    expect(JSON.parse(audits(tc!.core).find((e) => e.entity_id === acc.id && e.action === 'update')!.before!).workers).toHaveLength(2);
  });

  it('refuses a repeated or unknown worker, a workshop as the team, a bad severity, a missing place — changing nothing', async () => {
    const { admin, a, ws } = await world();
    const acc = await admin('wage.accidentCreate', { date: '2026-03-10', place: '罐区', severity: 'near_miss', description: '泄漏', workerIds: [a.id] });
    const before = tables(tc!.core);
    const base = { date: '2026-03-11', place: '罐区', severity: 'near_miss' as const, description: '泄漏' };
    expect((await refusal(admin('wage.accidentCreate', { ...base, workerIds: [a.id, a.id] }))).details!.issues).toEqual([{ path: 'workerIds', message: 'v.duplicate' }]);
    const ghost = await refusal(admin('wage.accidentCreate', { ...base, workerIds: [a.id, 'ghost'] }));
    expect(ghost).toMatchObject({ code: 'NOT_FOUND', message: 'err.worker.notFound' });
    expect(ghost.details!.issues).toEqual([{ path: 'workerIds.1', message: 'v.invalid' }]);
    expect(await refusal(admin('wage.accidentCreate', { ...base, teamId: ws.id }))).toMatchObject({ message: 'err.wage.notTeam' });
    expect((await refusal(admin('wage.accidentCreate', { ...base, severity: 'fatal' as never }))).details!.issues).toEqual([{ path: 'severity', message: 'v.invalid' }]);
    expect((await refusal(admin('wage.accidentCreate', { ...base, place: '' }))).details!.issues).toEqual([{ path: 'place', message: 'v.required' }]);
    // an update naming a missing worker keeps the old list
    expect(await refusal(admin('wage.accidentUpdate', { id: acc.id, ...base, workerIds: ['ghost'] }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await refusal(admin('wage.accidentRestore', { id: acc.id }))).toMatchObject({ code: 'CONFLICT', message: 'err.wage.notDeleted' });
    expect(await refusal(admin('wage.accidentDelete', { id: 'nothing' }))).toMatchObject({ code: 'NOT_FOUND', message: 'err.wage.accidentNotFound' });
    expect(tables(tc!.core)).toBe(before);
  });
});

describe('who may write', () => {
  it('union officers, safety officers and administrators write; anyone else signed in only reads — a refusal changes nothing', async () => {
    const { admin, w, a, team } = await world();
    const tl = await w('T001', '孙班长', { roles: ['team_leader'] });
    const so = await w('S001', '赵安全', { roles: ['safety_officer'] });
    const tlOp = await admin('operators.add', { workerId: tl.id });
    const soOp = await admin('operators.add', { workerId: so.id });
    const asTl = caller(tc!.core);
    await asTl.call('session.signIn', { operatorId: tlOp.id });
    const asSo = caller(tc!.core);
    await asSo.call('session.signIn', { operatorId: soOp.id });

    const t = await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 176 });
    const v = await admin('wage.behaviourCreate', { date: '2026-03-05', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: -2 });
    const acc = await admin('wage.accidentCreate', { date: '2026-03-10', place: '罐区', severity: 'near_miss', description: '泄漏' });
    await admin('wage.accidentDelete', { id: acc.id });
    const before = tables(tc!.core);
    const writes: Promise<unknown>[] = [
      asTl.call('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 1 }),
      asTl.call('wage.timekeepingDelete', { id: t.id }),
      asTl.call('wage.behaviourCreate', { date: '2026-03-05', teamId: team.id, kind: 'good_act', category: '制止违章', points: 1 }),
      asTl.call('wage.behaviourUpdate', { id: v.id, date: '2026-03-05', workerId: a.id, kind: 'violation', category: '未戴安全帽', points: -1 }),
      asTl.call('wage.behaviourDelete', { id: v.id }),
      asTl.call('wage.behaviourRestore', { id: v.id }),
      asTl.call('wage.accidentCreate', { date: '2026-03-10', place: '罐区', severity: 'near_miss', description: '泄漏' }),
      asTl.call('wage.accidentUpdate', { id: acc.id, date: '2026-03-10', place: '罐区', severity: 'death', description: '泄漏' }),
      asTl.call('wage.accidentDelete', { id: acc.id }),
      asTl.call('wage.accidentRestore', { id: acc.id }),
    ];
    for (const p of writes) expect(await refusal(p)).toMatchObject({ code: 'FORBIDDEN', message: 'err.wage.recordersOnly' });
    expect(tables(tc!.core)).toBe(before);
    expect(await asTl.call('wage.timekeeping', { period: '2026-03' })).toHaveLength(1);
    expect(await asTl.call('wage.behaviour', {})).toHaveLength(1);
    expect(await asTl.call('wage.accidents', { deleted: true })).toHaveLength(1);

    const mine = await asSo.call('wage.behaviourCreate', { date: '2026-03-06', workerId: a.id, kind: 'good_act', category: '制止违章', points: 2 });
    expect(mine.enteredBy).toBe('赵安全');
    expect(audits(tc!.core).at(-1)).toMatchObject({ entity: 'wage_behaviour', entity_id: mine.id, action: 'create', actor_name: '赵安全' });
  });
});

describe('the dispatch attacked directly (boundaries and wrong types)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('hours up to the month’s own (744 in March, 672 in February), shifts three a day, no month not begun, wrong types — each a clear refusal that changes nothing', async () => {
    const { admin, a } = await world();
    const before = tables(tc!.core);
    const issues = async (input: Record<string, unknown>) => (await refusal(admin('wage.timekeepingSave', { workerId: a.id, ...input } as never))).details!.issues;
    expect(await issues({ period: '2026-03', hours: 744.01 })).toEqual([{ path: 'hours', message: 'v.wage.hours' }]);
    expect(await issues({ period: '2026-02', hours: 672.01 })).toEqual([{ path: 'hours', message: 'v.wage.hoursMonth' }]);
    expect(say({ message: 'v.wage.hoursMonth' })).toBe('工时超过了该月的总小时数（天数 × 24）');
    expect(await issues({ period: '2026-04', shifts: 91 })).toEqual([{ path: 'shifts', message: 'v.wage.shiftsMonth' }]);
    expect(await issues({ period: '2026-03', hours: '176' })).toEqual([{ path: 'hours', message: 'v.invalid' }]);
    expect(await issues({ period: '2026-03', hours: Number.NaN })).toEqual([{ path: 'hours', message: 'v.invalid' }]);
    expect(await issues({ period: 202603, hours: 8 })).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    expect(await issues({ period: '2026-13', hours: 8 })).toEqual([{ path: 'period', message: 'v.wage.period' }]);
    expect(tables(tc!.core)).toBe(before);
    // the clock at 15 March 2026: March is open, April has not begun
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T10:00:00'));
    expect(await issues({ period: '2026-04', hours: 8 })).toEqual([{ path: 'period', message: 'v.wage.futurePeriod' }]);
    expect(tables(tc!.core)).toBe(before);
    expect(await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-03', hours: 744 })).toMatchObject({ hours: 744 });
    expect(await admin('wage.timekeepingSave', { workerId: a.id, period: '2026-02', hours: 672, shifts: 84 })).toMatchObject({ hours: 672, shifts: 84 });
  });

  it('no time for a month the worker was not on the roster: hired after it, or left before it (the run would not read it)', async () => {
    const { admin, team } = await world();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-10T16:00:00'));
    const hired = await admin('workers.create', { empNo: 'W010', name: '新员工', gender: 'F', orgUnitId: team.id, hireDate: '2026-03-02' });
    const x = await admin('workers.create', { empNo: 'W011', name: '老员工', gender: 'M', orgUnitId: team.id, hireDate: '2010-01-01' });
    await admin('workers.update', { id: x.id, data: { empNo: 'W011', name: '老员工', gender: 'M', orgUnitId: team.id, hireDate: '2010-01-01', status: 'left' } });
    vi.setSystemTime(new Date('2026-06-10T10:00:00'));
    const before = tables(tc!.core);
    const early = await refusal(admin('wage.timekeepingSave', { workerId: hired.id, period: '2026-02', hours: 8 }));
    expect(early).toMatchObject({ code: 'VALIDATION', message: 'err.wage.hiredAfter' });
    expect(say(early)).toBe('新员工 于 2026-03-02 入职，2026-02 尚未在册，不能登记该月工时');
    const late = await refusal(admin('wage.timekeepingSave', { workerId: x.id, period: '2026-04', hours: 8 }));
    expect(say(late)).toBe('老员工 已于 2026-03-10 离职，2026-04 不在册，不能登记该月工时');
    expect(tables(tc!.core)).toBe(before);
    // the month of hiring and the month of leaving take time
    await admin('wage.timekeepingSave', { workerId: hired.id, period: '2026-03', hours: 160 });
    await admin('wage.timekeepingSave', { workerId: x.id, period: '2026-03', hours: 56 });
    // the import says so on the row, and writes nothing for it
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.addRow(['工号', '姓名', '月份', '工时']);
    ws.addRow(['W011', '老员工', '2026-05', 8]);
    ws.addRow(['W010', '新员工', '2026-05', 168]);
    const p = await admin('wage.importPreview', { kind: 'timekeeping', fileName: 't.xlsx', dataBase64: Buffer.from(await wb.xlsx.writeBuffer()).toString('base64') });
    expect(p.rows.map((r) => [r.action, r.problems.map((q) => say(q))])).toEqual([
      ['invalid', ['老员工 已于 2026-03-10 离职，2026-05 不在册，不能登记该月工时']],
      ['create', []],
    ]);
  });

  it('points at ±1000 are taken and beyond refused; a future date is refused — changing nothing', async () => {
    const { admin, a } = await world();
    const before = tables(tc!.core);
    const base = { date: '2026-03-05', workerId: a.id, category: '未戴安全帽' };
    expect((await refusal(admin('wage.behaviourCreate', { ...base, kind: 'violation', points: -1000.01 }))).details!.issues).toEqual([{ path: 'points', message: 'v.range' }]);
    expect((await refusal(admin('wage.behaviourCreate', { ...base, kind: 'good_act', points: 1000.01 }))).details!.issues).toEqual([{ path: 'points', message: 'v.range' }]);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-15T10:00:00'));
    expect((await refusal(admin('wage.behaviourCreate', { ...base, date: '2026-03-16', kind: 'violation', points: -1 }))).details!.issues).toEqual([{ path: 'date', message: 'v.futureDate' }]);
    expect((await refusal(admin('wage.behaviourCreate', { ...base, date: '2026-02-30', kind: 'violation', points: -1 }))).details!.issues).toEqual([{ path: 'date', message: 'v.date' }]);
    expect((await refusal(admin('wage.behaviourCreate', { ...base, kind: 'violation', points: '-2' } as never))).details!.issues).toEqual([{ path: 'points', message: 'v.invalid' }]);
    expect(tables(tc!.core)).toBe(before);
    expect(await admin('wage.behaviourCreate', { ...base, kind: 'violation', points: -1000 })).toMatchObject({ points: -1000 });
    expect(await admin('wage.behaviourCreate', { ...base, kind: 'good_act', points: 1000 })).toMatchObject({ points: 1000 });
  });
});
