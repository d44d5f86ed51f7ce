// The hazard ledger through the channels, with several operators on their own sessions: the full workflow with
// timeline and audit, every refusal leaving the store unchanged, serials, list filters, reminders, statistics,
// saved views, drafts, rules, photos (content-checked, deduplicated) and the demo generator.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeAll, afterAll, describe, expect, it, vi } from 'vitest';
import { generateDemo } from '../../electron/core/demo';
import { generateDemoHazards } from '../../electron/core/demoHazards';
import type { Core, Session } from '../../electron/core/core';
import { setQuiet } from '../../electron/core/log';
import { todayLocal } from '../../electron/core/util';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import { addDays, daysBetween, dueDate, DEFAULT_HAZARD_RULES, HAZARD_STATUSES, type HazardStatus } from '../../shared/hazards/rules';
import type { AppErrorData } from '../../shared/result';
import type { HazardDetail } from '../../shared/hazards/types';
import type { Operator } from '../../shared/operators/types';
import type { OrgUnit } from '../../shared/org/types';
import type { Worker } from '../../shared/roster/types';
import { openTestCore, say, type TestCore } from '../helpers/core';

setQuiet(true);

let tc: TestCore | null = null;
afterEach(() => {
  vi.useRealTimers();
  tc?.close();
  tc = null;
});

// ---------------------------------------------------------------------------------------------
// helpers

type Call = <K extends ChannelName>(channel: K, input?: ChannelInput<K>) => Promise<ChannelOutput<K>>;

/** Calls on another session (another window) of the same core. */
function caller(core: Core): { session: Session; call: Call } {
  const session: Session = { operatorId: null };
  const call: Call = async (channel, input) => {
    const r = await core.dispatch(channel, input ?? {}, session);
    if (!r.ok) throw Object.assign(new Error(`${r.error.code}: ${r.error.message}`), { data: r.error });
    return r.value as never;
  };
  return { session, call };
}

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

const db = () => tc!.core.store.db;
const count = (table: string, where = '1') => db().prepare(`SELECT count(*) FROM ${table} WHERE ${where}`).pluck().get() as number;

/** Counts plus the full content of every table a hazard operation may touch. */
function snapshot() {
  const tables = ['hazards', 'hazard_events', 'audit_log', 'hazard_photos', 'hazard_links', 'serials', 'attachments', 'settings'];
  return {
    counts: Object.fromEntries(tables.map((t) => [t, count(t)])),
    rows: tables.map((t) => JSON.stringify(db().prepare(`SELECT * FROM ${t} ORDER BY rowid`).all())).join('\n'),
  };
}

/** The call must fail with `code` (and `refusal`, when given) and leave the store exactly as it was. */
async function refused(p: () => Promise<unknown>, code: AppErrorData['code'], refusal?: string): Promise<AppErrorData> {
  const before = snapshot();
  const e = await errorOf(p());
  expect(e.code, e.message).toBe(code);
  if (refusal) expect(e.details?.refusal).toBe(refusal);
  const after = snapshot();
  expect(after.counts).toEqual(before.counts);
  expect(after.rows === before.rows, 'store changed by a refused call').toBe(true);
  return e;
}

const today = () => todayLocal();
const day = (n: number) => addDays(today(), n);
/** a form time n days from today (n ≤ -1 keeps it safely in the past) */
const at = (n: number, hm = '09:30') => `${day(n)}T${hm}`;

let colour = 0;
/** A distinct small PNG each call (unless a colour is given). */
async function png(c?: string, w = 64, h = 48): Promise<Buffer> {
  colour++;
  const bg = c ?? `#${((colour * 7919) % 0xffffff).toString(16).padStart(6, '0')}`;
  return sharp({ create: { width: w, height: h, channels: 3, background: bg } }).png().toBuffer();
}
const b64 = (b: Buffer) => b.toString('base64');

interface World {
  admin: Call;
  adminOp: Operator;
  so: Call; // safety officer
  soOp: Operator;
  soWorker: Worker;
  tl: Call; // team leader
  tlOp: Operator;
  tlWorker: Worker;
  lp: Call; // labour-protection supervisor
  lpOp: Operator;
  lpWorker: Worker;
  plain: Worker; // a worker without a role (not an operator)
  wsA: OrgUnit;
  teamA: OrgUnit;
  wsB: OrgUnit;
  teamB: OrgUnit;
}

async function world(): Promise<World> {
  tc = await openTestCore();
  const admin = tc.call as Call;
  const adminOp = (await admin('app.info')).operator!;
  const wsA = await admin('org.create', { kind: 'workshop', parentId: null, name: '合成车间' });
  const teamA = await admin('org.create', { kind: 'team', parentId: wsA.id, name: '甲班' });
  const wsB = await admin('org.create', { kind: 'workshop', parentId: null, name: '包装车间' });
  const teamB = await admin('org.create', { kind: 'team', parentId: wsB.id, name: '乙班' });
  const soWorker = await admin('workers.create', { empNo: 'S001', name: '赵安全', gender: 'M', roles: ['safety_officer'], orgUnitId: wsA.id });
  const tlWorker = await admin('workers.create', { empNo: 'T001', name: '钱班长', gender: 'F', roles: ['team_leader'], orgUnitId: teamA.id });
  const lpWorker = await admin('workers.create', { empNo: 'L001', name: '周监督', gender: 'M', roles: ['lp_supervisor'], orgUnitId: wsB.id });
  const plain = await admin('workers.create', { empNo: 'W001', name: '孙整改', gender: 'M', orgUnitId: teamA.id });
  const soOp = await admin('operators.add', { workerId: soWorker.id });
  const tlOp = await admin('operators.add', { workerId: tlWorker.id });
  const lpOp = await admin('operators.add', { workerId: lpWorker.id });
  const sign = async (op: Operator) => {
    const c = caller(tc!.core);
    await c.call('session.signIn', { operatorId: op.id });
    expect(c.session.operatorId).toBe(op.id);
    return c.call;
  };
  return {
    admin,
    adminOp,
    so: await sign(soOp),
    soOp,
    soWorker,
    tl: await sign(tlOp),
    tlOp,
    tlWorker,
    lp: await sign(lpOp),
    lpOp,
    lpWorker,
    plain,
    wsA,
    teamA,
    wsB,
    teamB,
  };
}

const reportInput = (o: Partial<ChannelInput<'hazards.report'>> = {}): ChannelInput<'hazards.report'> => ({
  foundAt: at(-2),
  source: 'self_check',
  category1: 'material',
  category2: 'physical',
  description: '反应釜安全阀铅封损坏，压力表超过检定有效期',
  ...o,
});
const GOV = {
  targets: '消除重大隐患',
  methods: '停产检修，更换管线',
  funding: '专项资金 5 万元',
  organisation: '车间主任牵头',
  timeline: '30 天',
  safetyPlan: '停产整改期间执行专项应急预案',
};
const assignInput = (id: string, responsibleId: string, o: Partial<ChannelInput<'hazards.assign'>> = {}): ChannelInput<'hazards.assign'> => ({
  id,
  responsibleId,
  measures: '更换安全阀并重新校验压力表',
  plannedFunds: 1200.5,
  deadline: day(10),
  emergencyPlan: '按车间现场处置方案执行',
  ...o,
});

/**
 * Moves a hazard along the workflow as the admin (confirm, assign, start, submit), with the safety officer accepting.
 * `responsible` defaults to the role-less worker.
 */
async function drive(
  w: World,
  id: string,
  to: HazardStatus,
  o: { grade?: 'general' | 'major'; lec?: { l: number; e: number; c: number }; deadline?: string; planned?: number; actual?: number; responsible?: string } = {},
): Promise<HazardDetail> {
  const order: HazardStatus[] = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed'];
  let h = await w.admin('hazards.get', { id });
  if (to === 'cancelled') return w.admin('hazards.cancel', { id, kind: 'invalid', reason: '误报' });
  while (order.indexOf(h.status) < order.indexOf(to)) {
    switch (h.status) {
      case 'reported':
        h = await w.admin('hazards.confirm', { id, grade: o.grade ?? 'general', lec: o.lec ?? { l: 3, e: 6, c: 15 } });
        break;
      case 'confirmed':
        h = await w.admin(
          'hazards.assign',
          assignInput(id, o.responsible ?? w.plain.id, {
            deadline: o.deadline ?? day(10),
            plannedFunds: o.planned ?? 1200.5,
            governancePlan: h.grade === 'major' ? GOV : null,
          }),
        );
        break;
      case 'assigned':
        h = await w.admin('hazards.start', { id });
        break;
      case 'rectifying': {
        const a = await w.admin('attachments.upload', { fileName: 'after.png', dataBase64: b64(await png()) });
        h = await w.admin('hazards.submit', { id, actualFunds: o.actual ?? 1000, rectificationNote: '已按措施整改', afterPhotoIds: [a.id] });
        break;
      }
      case 'submitted':
        // a 重大隐患 is accepted only once it was reported to the authority and its governance evaluated as passed
        if (h.grade === 'major') {
          if (!h.major?.reportedDate) {
            await w.admin('hazards.majorReport', { id, reportedDate: h.foundDate, body: '区应急管理局', docNo: '恒安安〔2026〕1号', summary: '现状、原因、危害程度和整改难易程度' });
          }
          await w.admin('hazards.majorEvaluate', { id, date: today(), kind: 'experts', evaluator: '本单位专家组', conclusion: '治理措施已落实，符合安全生产条件', passed: true });
        }
        h = await w.so('hazards.accept', { id });
        break;
      default:
        throw new Error(`cannot drive from ${h.status}`);
    }
  }
  expect(h.status).toBe(to);
  return h;
}

function auditRows(entityId: string) {
  return db()
    .prepare(`SELECT at, actor_id, actor_name, entity, action, before, after, reason FROM audit_log WHERE entity_id = ? ORDER BY seq`)
    .all(entityId) as { at: string; actor_id: string | null; actor_name: string; entity: string; action: string; before: string | null; after: string | null; reason: string | null }[];
}
function eventRows(hazardId: string) {
  return db().prepare(`SELECT at, actor_id, actor_name, action, from_status, to_status, comment FROM hazard_events WHERE hazard_id = ? ORDER BY seq`).all(hazardId) as {
    at: string;
    actor_id: string | null;
    actor_name: string;
    action: string;
    from_status: string | null;
    to_status: string | null;
    comment: string | null;
  }[];
}

// ---------------------------------------------------------------------------------------------
describe('the full path with four operators', () => {
  it('report → confirm → assign → start → submit → reject → submit → accept, with timeline, audit and due dates', async () => {
    const w = await world();
    const foundDate = day(-2);

    // the team leader reports a hazard in their team
    let h = await w.tl('hazards.report', reportInput({ foundAt: at(-2), orgUnitId: w.teamA.id, finderId: w.tlWorker.id, place: '反应釜区二层平台' }));
    expect(h).toMatchObject({ status: 'reported', foundDate, finderName: '钱班长', workshopName: '合成车间', teamName: '甲班', grade: null, risk: null });
    expect(h.serial).toBe(`YH-${foundDate.slice(0, 4)}-0001`);
    expect(h.dueDate).toBe(addDays(foundDate, 3));
    expect(h.overdue).toBe(false);
    expect(h.allowedActions).toEqual([]); // a team leader may not confirm or cancel
    expect(h.editable).toBe(true); // the finder may edit an open record
    expect((await w.so('hazards.get', { id: h.id })).allowedActions).toEqual(['confirm', 'cancel']);

    // the team leader may not confirm (role)
    await refused(() => w.tl('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } }), 'FORBIDDEN', 'role');

    // the safety officer confirms and grades: D = 3 × 6 × 15 = 270 → orange
    h = await w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 }, accidentType: 'vessel_explosion', comment: '现场核实' });
    expect(h).toMatchObject({ status: 'confirmed', grade: 'general', riskD: 270, risk: 'orange', lec: { l: 3, e: 6, c: 15 }, accidentType: 'vessel_explosion' });
    expect(h.dueDate).toBe(addDays(foundDate, 3));

    // start before the 五落实 are assigned
    await refused(() => w.tl('hazards.start', { id: h.id }), 'CONFLICT', 'status');

    // the safety officer assigns the rectification to the team leader (五落实)
    h = await w.so('hazards.assign', assignInput(h.id, w.tlWorker.id, { deadline: day(10), plannedFunds: 1200.5 }));
    expect(h).toMatchObject({
      status: 'assigned',
      responsibleId: w.tlWorker.id,
      responsibleName: '钱班长',
      measures: '更换安全阀并重新校验压力表',
      plannedFunds: 120050,
      deadline: day(10),
      emergencyPlan: '按车间现场处置方案执行',
      governancePlan: null,
      dueDate: day(10),
    });

    // the responsible team leader starts
    h = await w.tl('hazards.start', { id: h.id, comment: '已停机' });
    expect(h.status).toBe('rectifying');
    expect(h.dueDate).toBe(day(10));
    expect(h.allowedActions).toEqual(['submit']);

    // submit needs an after photo (schema) — refused without one
    await refused(() => w.tl('hazards.submit', { id: h.id, actualFunds: 1000, rectificationNote: '已更换', afterPhotoIds: [] }), 'VALIDATION');
    const photo = await w.tl('attachments.upload', { fileName: '整改后.jpg', dataBase64: b64(await sharp(await png()).jpeg().toBuffer()) });
    h = await w.tl('hazards.submit', { id: h.id, actualFunds: 1000.1, rectificationNote: '已更换安全阀', afterPhotoIds: [photo.id] });
    expect(h).toMatchObject({ status: 'submitted', actualFunds: 100010, rectificationNote: '已更换安全阀', submittedBy: w.tlOp.id, submittedByName: '钱班长' });
    expect(h.submittedAt!.slice(0, 10)).toBe(today());
    expect(h.dueDate).toBe(day(5)); // acceptance window: 5 days
    expect(h.photos.map((p) => [p.id, p.phase])).toEqual([[photo.id, 'after']]);
    // the team leader (responsible and submitter) cannot accept: no acceptor role
    await refused(() => w.tl('hazards.accept', { id: h.id }), 'FORBIDDEN', 'role');
    expect((await w.so('hazards.get', { id: h.id })).allowedActions).toEqual(['accept', 'reject', 'cancel']);
    expect((await w.lp('hazards.get', { id: h.id })).allowedActions).toEqual(['accept', 'reject']);

    // reject needs a reason
    await refused(() => w.so('hazards.reject', { id: h.id, reason: '' }), 'VALIDATION');
    await refused(() => w.so('hazards.reject', { id: h.id, reason: '    ' }), 'VALIDATION');
    h = await w.so('hazards.reject', { id: h.id, reason: '压力表未重新校验' });
    expect(h.status).toBe('rectifying');
    expect(h.submittedAt).toBeNull();
    expect(h.dueDate).toBe(day(10)); // back to the deadline

    // submit again (the photo is already attached: not duplicated)
    h = await w.tl('hazards.submit', { id: h.id, actualFunds: 1100, rectificationNote: '已更换并校验', afterPhotoIds: [photo.id] });
    expect(h.status).toBe('submitted');
    expect(h.photos).toHaveLength(1);
    expect(h.dueDate).toBe(day(5));

    // the admin (neither responsible nor submitter) accepts
    h = await w.admin('hazards.accept', { id: h.id, comment: '复查合格' });
    expect(h).toMatchObject({ status: 'closed', closedDate: today(), acceptedByName: '王主席', dueDate: null, overdue: false, allowedActions: [], editable: false });
    expect(h.acceptedAt!.slice(0, 10)).toBe(today());
    expect(db().prepare('SELECT accepted_by, closed_date FROM hazards WHERE id = ?').get(h.id)).toEqual({ accepted_by: w.adminOp.id, closed_date: today() });

    // the timeline: who, from → to, comments
    expect(h.events.map((e) => [e.action, e.actorName, e.fromStatus, e.toStatus, e.comment])).toEqual([
      ['report', '钱班长', null, 'reported', null],
      ['confirm', '赵安全', 'reported', 'confirmed', '现场核实'],
      ['assign', '赵安全', 'confirmed', 'assigned', null],
      ['start', '钱班长', 'assigned', 'rectifying', '已停机'],
      ['submit', '钱班长', 'rectifying', 'submitted', null],
      ['reject', '赵安全', 'submitted', 'rectifying', '压力表未重新校验'],
      ['submit', '钱班长', 'rectifying', 'submitted', null],
      ['accept', '王主席', 'submitted', 'closed', '复查合格'],
    ]);
    const seqs = h.events.map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));

    // one audit entry per step, by the same operator, at the same instant as its event (same transaction)
    const audit = auditRows(h.id);
    const ev = eventRows(h.id);
    expect(audit.map((a) => [a.entity, a.action, a.actor_id])).toEqual([
      ['hazard', 'create', w.tlOp.id],
      ['hazard', 'confirm', w.soOp.id],
      ['hazard', 'assign', w.soOp.id],
      ['hazard', 'start', w.tlOp.id],
      ['hazard', 'submit', w.tlOp.id],
      ['hazard', 'reject', w.soOp.id],
      ['hazard', 'submit', w.tlOp.id],
      ['hazard', 'accept', w.adminOp.id],
    ]);
    expect(audit.map((a) => a.at)).toEqual(ev.map((e) => e.at));
    expect(ev.map((e) => e.actor_id)).toEqual(audit.map((a) => a.actor_id));
    // before/after statuses in the audit entries
    expect(audit.slice(1).map((a) => [JSON.parse(a.before!).status, JSON.parse(a.after!).status])).toEqual(
      ev.slice(1).map((e) => [e.from_status, e.to_status]),
    );
    expect(audit[5]!.reason).toBe('压力表未重新校验');
    expect(JSON.parse(audit[0]!.after!)).toMatchObject({ serial: h.serial, description: h.description });

    // actions on a closed hazard: every one is a status conflict, and nothing changes
    for (const [action, input] of [
      ['hazards.confirm', { id: h.id, grade: 'general', lec: { l: 1, e: 1, c: 1 } }],
      ['hazards.assign', assignInput(h.id, w.plain.id)],
      ['hazards.start', { id: h.id }],
      ['hazards.submit', { id: h.id, actualFunds: 1, rectificationNote: 'x', afterPhotoIds: [photo.id] }],
      ['hazards.accept', { id: h.id }],
      ['hazards.reject', { id: h.id, reason: '再看看' }],
      ['hazards.cancel', { id: h.id, kind: 'invalid', reason: '不要了' }],
    ] as const) {
      await refused(() => w.so(action as ChannelName, input as never), 'CONFLICT', 'status');
    }
    await refused(() => w.so('hazards.addPhoto', { id: h.id, attachmentId: photo.id, phase: 'before' }), 'CONFLICT');
    await refused(() => w.so('hazards.removePhoto', { id: h.id, attachmentId: photo.id }), 'CONFLICT');
    await refused(() => w.so('hazards.edit', { id: h.id, changes: { place: '别处' } }), 'CONFLICT');
  });

  it('a failing audit write or event write rolls the transition back', async () => {
    const w = await world();
    const h = await w.admin('hazards.report', reportInput());
    db().exec(`CREATE TEMP TRIGGER audit_fail BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'audit down'); END;`);
    await refused(() => w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } }), 'CONFLICT');
    await refused(() => w.so('hazards.report', reportInput()), 'CONFLICT');
    db().exec(`DROP TRIGGER temp.audit_fail`);
    db().exec(`CREATE TEMP TRIGGER event_fail BEFORE INSERT ON main.hazard_events BEGIN SELECT RAISE(ABORT, 'events down'); END;`);
    await refused(() => w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } }), 'CONFLICT');
    db().exec(`DROP TRIGGER temp.event_fail`);
    expect((await w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 3, e: 6, c: 15 } })).status).toBe('confirmed');
    // the serial counter was not consumed by the failed report
    expect((await w.so('hazards.report', reportInput())).serial).toBe(h.serial.replace(/0001$/, '0002'));
  });
});

// ---------------------------------------------------------------------------------------------
describe('refusals leave the store unchanged', () => {
  let w: World;

  it('start without all 五落实 (a damaged record) is refused by the service as well as by the status rule', async () => {
    w = await world();
    const h = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'assigned');
    // simulate a record that reached "assigned" without an emergency plan (e.g. an old import)
    db().prepare('UPDATE hazards SET emergency_plan = NULL WHERE id = ?').run(h.id);
    const e = await refused(() => w.admin('hazards.start', { id: h.id }), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'fiveImpl', message: 'v.fiveImpl' }]);
  });

  it('accept by the operator who submitted, and by the responsible worker, is refused (acceptor_is_rectifier)', async () => {
    w = await world();
    // the safety officer is the responsible worker; the admin submits
    const h = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'submitted', { responsible: w.soWorker.id });
    expect(h.submittedBy).toBe(w.adminOp.id);
    await refused(() => w.admin('hazards.accept', { id: h.id }), 'FORBIDDEN', 'acceptor_is_rectifier');
    await refused(() => w.admin('hazards.reject', { id: h.id, reason: '不合格' }), 'FORBIDDEN', 'acceptor_is_rectifier');
    await refused(() => w.so('hazards.accept', { id: h.id }), 'FORBIDDEN', 'acceptor_is_rectifier');
    await refused(() => w.so('hazards.reject', { id: h.id, reason: '不合格' }), 'FORBIDDEN', 'acceptor_is_rectifier');
    expect((await w.admin('hazards.get', { id: h.id })).allowedActions).toEqual(['cancel']);
    // the labour-protection supervisor may
    expect((await w.lp('hazards.accept', { id: h.id })).status).toBe('closed');
  });

  it('the responsible person may start and submit without the role; others without it may not', async () => {
    w = await world();
    const mine = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'assigned', { responsible: w.lpWorker.id });
    const other = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'assigned');
    expect((await w.lp('hazards.get', { id: mine.id })).allowedActions).toEqual(['start']);
    await refused(() => w.lp('hazards.start', { id: other.id }), 'FORBIDDEN', 'role');
    expect((await w.lp('hazards.start', { id: mine.id })).status).toBe('rectifying');
    const a = await w.lp('attachments.upload', { fileName: 'a.png', dataBase64: b64(await png()) });
    const s = await w.lp('hazards.submit', { id: mine.id, actualFunds: 10, rectificationNote: '完成', afterPhotoIds: [a.id] });
    expect(s.status).toBe('submitted');
    // and as responsible and submitter, may not accept their own work
    await refused(() => w.lp('hazards.accept', { id: mine.id }), 'FORBIDDEN', 'acceptor_is_rectifier');
  });

  it('assign: a major hazard needs a governance plan; the deadline may not precede the finding; the responsible must exist', async () => {
    w = await world();
    const major = await drive(w, (await w.admin('hazards.report', reportInput({ foundAt: at(-5) }))).id, 'confirmed', { grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    expect(major.risk).toBe('red');
    let e = await refused(() => w.so('hazards.assign', assignInput(major.id, w.plain.id)), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'governancePlan', message: 'v.governance' }]);
    e = await refused(() => w.so('hazards.assign', assignInput(major.id, w.plain.id, { governancePlan: { ...GOV, safetyPlan: '' } })), 'VALIDATION');
    e = await refused(() => w.so('hazards.assign', assignInput(major.id, w.plain.id, { governancePlan: GOV, deadline: day(-6) })), 'VALIDATION');
    // the field says why, not "日期格式应为 YYYY-MM-DD"
    expect(e.details?.issues).toEqual([{ path: 'deadline', message: 'err.hazard.deadlineBeforeFound' }]);
    e = await refused(() => w.so('hazards.assign', assignInput(major.id, 'no-such-worker', { governancePlan: GOV })), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'responsibleId', message: 'err.worker.notFound' }]);
    await refused(() => w.tl('hazards.assign', assignInput(major.id, w.plain.id, { governancePlan: GOV })), 'FORBIDDEN', 'role');
    // the deadline may be the day of finding
    const ok = await w.so('hazards.assign', assignInput(major.id, w.plain.id, { governancePlan: GOV, deadline: day(-5) }));
    expect(ok.governancePlan).toEqual(GOV);
    expect(ok.overdue).toBe(true);
    // re-assigning (still "assigned") changes the responsible person and the due date
    const re = await w.so('hazards.assign', assignInput(major.id, w.tlWorker.id, { governancePlan: GOV, deadline: day(20) }));
    expect(re).toMatchObject({ status: 'assigned', responsibleName: '钱班长', dueDate: day(20), overdue: false });
    expect(re.events.filter((x) => x.action === 'assign').map((x) => [x.fromStatus, x.toStatus])).toEqual([
      ['confirmed', 'assigned'],
      ['assigned', 'assigned'],
    ]);
  });

  it('cancel: needs a reason and a manager; as a duplicate it links the two hazards', async () => {
    w = await world();
    const first = await w.admin('hazards.report', reportInput());
    const dup = await w.tl('hazards.report', reportInput({ description: '反应釜安全阀铅封坏了' }));
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: first.id, reason: '' }), 'VALIDATION');
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: first.id, reason: '   ' }), 'VALIDATION');
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: first.id } as never), 'VALIDATION');
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', reason: '重复' }), 'VALIDATION');
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: dup.id, reason: '重复' }), 'VALIDATION');
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: 'nope', reason: '重复' }), 'NOT_FOUND');
    await refused(() => w.tl('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: first.id, reason: '重复' }), 'FORBIDDEN', 'role');

    const c = await w.so('hazards.cancel', { id: dup.id, kind: 'duplicate', duplicateOf: first.id, reason: '与首报重复' });
    expect(c).toMatchObject({ status: 'cancelled', cancelKind: 'duplicate', cancelReason: '与首报重复', dueDate: null, allowedActions: [] });
    expect(c.links.map((l) => l.id)).toEqual([first.id]);
    expect((await w.admin('hazards.get', { id: first.id })).links).toEqual([{ id: dup.id, serial: dup.serial, description: dup.description, status: 'cancelled' }]);
    const [a, b] = [first.id, dup.id].sort();
    expect(db().prepare('SELECT a_id, b_id FROM hazard_links WHERE deleted_at IS NULL').all()).toEqual([{ a_id: a, b_id: b }]);
    expect(c.events.at(-1)).toMatchObject({ action: 'cancel', fromStatus: 'reported', toStatus: 'cancelled', comment: '与首报重复' });
    expect(auditRows(dup.id).at(-1)).toMatchObject({ action: 'cancel', reason: '与首报重复', actor_id: w.soOp.id });
    // a cancelled hazard stays cancelled
    await refused(() => w.so('hazards.cancel', { id: dup.id, kind: 'invalid', reason: '再作废' }), 'CONFLICT', 'status');
    // linking manually, and unlinking
    const third = await w.admin('hazards.report', reportInput({ description: '另一处' }));
    await refused(() => w.admin('hazards.link', { id: third.id, otherId: third.id }), 'VALIDATION');
    expect((await w.admin('hazards.link', { id: third.id, otherId: first.id })).links.map((l) => l.id)).toEqual([first.id]);
    expect((await w.admin('hazards.get', { id: first.id })).links.map((l) => l.id).sort()).toEqual([dup.id, third.id].sort());
    expect((await w.admin('hazards.unlink', { id: first.id, otherId: third.id })).links.map((l) => l.id)).toEqual([dup.id]);
  });

  it('the second-level category must belong to the first level, also when confirm or edit changes only one of them', async () => {
    w = await world();
    const h = await w.admin('hazards.report', reportInput({ category1: 'material', category2: 'physical' }));
    await refused(() => w.admin('hazards.edit', { id: h.id, changes: { category2: 'psych' } }), 'VALIDATION');
    await refused(() => w.admin('hazards.edit', { id: h.id, changes: { category1: 'human', category2: 'chemical' } }), 'VALIDATION');
    await refused(() => w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 1, e: 1, c: 1 }, category1: 'human', category2: 'chemical' }), 'VALIDATION');
    await refused(() => w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 1, e: 1, c: 1 }, category2: 'psych' }), 'VALIDATION');
    // consistent changes are fine; changing the first level alone clears the second
    expect((await w.admin('hazards.edit', { id: h.id, changes: { category2: 'chemical' } })).category2).toBe('chemical');
    expect(await w.admin('hazards.edit', { id: h.id, changes: { category1: 'environment' } })).toMatchObject({ category1: 'environment', category2: null });
    const c = await w.so('hazards.confirm', { id: h.id, grade: 'general', lec: { l: 1, e: 1, c: 1 }, category1: 'human', category2: 'psych' });
    expect([c.category1, c.category2]).toEqual(['human', 'psych']);
  });

  it('edit: open records by the finder or a manager; closed ones only by correct with a reason, audited', async () => {
    w = await world();
    const h = await w.tl('hazards.report', reportInput({ finderId: w.tlWorker.id, place: '旧位置' }));
    // the finder may edit; the lp supervisor (not finder, not manager) may not
    expect((await w.tl('hazards.edit', { id: h.id, changes: { place: '反应釜区' } })).place).toBe('反应釜区');
    await refused(() => w.lp('hazards.edit', { id: h.id, changes: { place: '别处' } }), 'FORBIDDEN');
    await refused(() => w.tl('hazards.edit', { id: h.id, changes: { category1: 'human', category2: 'chemical' } }), 'VALIDATION');
    await refused(() => w.tl('hazards.edit', { id: h.id, changes: { foundAt: at(2) } }), 'VALIDATION');
    expect(eventRows(h.id).at(-1)).toMatchObject({ action: 'edit', from_status: 'reported', to_status: 'reported' });

    const closed = await drive(w, h.id, 'closed');
    await refused(() => w.admin('hazards.edit', { id: h.id, changes: { place: '别处' } }), 'CONFLICT');
    await refused(() => w.admin('hazards.correct', { id: h.id, changes: { place: '别处' }, reason: '' } as never), 'VALIDATION');
    await refused(() => w.admin('hazards.correct', { id: h.id, changes: { place: '别处' }, reason: '   ' } as never), 'VALIDATION');
    await refused(() => w.tl('hazards.correct', { id: h.id, changes: { place: '别处' }, reason: '写错了' }), 'FORBIDDEN');

    const c = await w.so('hazards.correct', { id: h.id, changes: { place: '反应釜区三层平台', equipment: '3 号反应釜' }, reason: '地点记录有误' });
    expect(c).toMatchObject({ status: 'closed', place: '反应釜区三层平台', equipment: '3 号反应釜', closedDate: closed.closedDate });
    const last = auditRows(h.id).at(-1)!;
    expect(last).toMatchObject({ action: 'correct', reason: '地点记录有误', actor_id: w.soOp.id });
    expect(JSON.parse(last.before!).place).toBe('反应釜区');
    expect(JSON.parse(last.after!).place).toBe('反应釜区三层平台');
    expect(c.events.at(-1)).toMatchObject({ action: 'correct', actorName: '赵安全', fromStatus: 'closed', toStatus: 'closed', comment: '地点记录有误' });
    // the correction is searchable
    expect((await w.admin('hazards.list', { status: 'all', search: '三层平台' })).rows.map((r) => r.id)).toEqual([h.id]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('serial numbers and finding time', () => {
  it('are per year and sequential; a failed report does not use a number; the future is refused', async () => {
    const w = await world();
    const r1 = await w.admin('hazards.report', reportInput({ foundAt: '2026-01-15T08:00' }));
    const r2 = await w.tl('hazards.report', reportInput({ foundAt: '2026-02-01T10:00' }));
    const old = await w.admin('hazards.report', reportInput({ foundAt: '2025-06-01T14:00' }));
    // a report that fails after its number was drawn (an unknown photo) rolls the counter back
    await refused(() => w.admin('hazards.report', reportInput({ foundAt: '2026-03-01T08:00', photoIds: ['no-such-photo'] })), 'NOT_FOUND');
    const r3 = await w.so('hazards.report', reportInput({ foundAt: '2026-03-01T08:00' }));
    const old2 = await w.so('hazards.report', reportInput({ foundAt: '2025-12-31T23:59' }));
    expect([r1.serial, r2.serial, old.serial, r3.serial, old2.serial]).toEqual(['YH-2026-0001', 'YH-2026-0002', 'YH-2025-0001', 'YH-2026-0003', 'YH-2025-0002']);
    expect(db().prepare(`SELECT year, last FROM serials WHERE kind = 'hazard' ORDER BY year`).all()).toEqual([
      { year: 2025, last: 2 },
      { year: 2026, last: 3 },
    ]);
    expect(old2.foundDate).toBe('2025-12-31');

    // a finding time in the future (beyond a few minutes of clock skew) is refused
    const e = await refused(() => w.admin('hazards.report', reportInput({ foundAt: at(1) })), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'foundAt', message: 'err.hazard.foundInFuture' }]);
    const soon = new Date(Date.now() + 60 * 60_000);
    const hm = `${String(soon.getHours()).padStart(2, '0')}:${String(soon.getMinutes()).padStart(2, '0')}`;
    if (todayLocal(soon) === today()) await refused(() => w.admin('hazards.report', reportInput({ foundAt: `${today()}T${hm}` })), 'VALIDATION');
    await refused(() => w.admin('hazards.report', reportInput({ foundAt: '2026-01-15' })), 'VALIDATION');
    // an unknown finder or org unit is refused too
    await refused(() => w.admin('hazards.report', reportInput({ finderId: 'nobody' })), 'VALIDATION');
    await refused(() => w.admin('hazards.report', reportInput({ orgUnitId: 'nowhere' })), 'NOT_FOUND');
  });
});

// ---------------------------------------------------------------------------------------------
describe('list filters, search, sorting and paging', () => {
  let w: World;
  let own: TestCore;
  const H: Record<string, HazardDetail> = {};
  // one fixture for the group: kept out of the per-test `tc` so the shared afterEach does not close it
  beforeAll(async () => {
    w = await world();
    own = tc!;
    tc = null;
    const rep = (o: Partial<ChannelInput<'hazards.report'>>) => w.admin('hazards.report', reportInput(o));
    H.h1 = await rep({ foundAt: at(-40), orgUnitId: w.teamA.id, finderId: w.tlWorker.id, source: 'self_check', category1: 'material', category2: 'physical', description: '反应釜安全阀铅封损坏', place: '反应釜区' });
    H.h2 = await rep({ foundAt: at(-30), orgUnitId: w.wsA.id, finderId: w.plain.id, source: 'worker_report', category1: 'environment', category2: 'indoor', description: '地面油污未清理', place: '压缩机房' });
    H.h3 = await rep({ foundAt: at(-20), orgUnitId: w.teamB.id, finderId: w.soWorker.id, source: 'special_inspection', category1: 'management', category2: 'rules', description: '动火作业未办理作业票', place: '储罐区' });
    H.h4 = await rep({ foundAt: at(-10), orgUnitId: w.wsB.id, source: 'self_check', category1: 'material', category2: 'chemical', description: '危化品仓库通风设施故障', place: '甲类仓库' });
    H.h5 = await rep({ foundAt: at(-5), source: 'authority', category1: 'human', category2: 'behaviour', description: '高处作业人员未系安全带' });
    H.h6 = await rep({ foundAt: at(-2), orgUnitId: w.teamA.id, finderId: w.tlWorker.id, source: 'proposal', category1: 'material', category2: 'physical', description: '传动皮带防护罩缺失', place: '包装线' });
    H.h1 = await drive(w, H.h1.id, 'assigned', { lec: { l: 3, e: 6, c: 15 }, deadline: day(-5) }); // 270 orange, overdue
    H.h3 = await drive(w, H.h3.id, 'rectifying', { grade: 'major', lec: { l: 6, e: 6, c: 15 }, deadline: day(20) }); // 540 red
    H.h4 = await drive(w, H.h4.id, 'closed', { lec: { l: 1, e: 6, c: 15 }, deadline: day(3) }); // 90 yellow
    H.h5 = await drive(w, H.h5.id, 'cancelled');
    H.h6 = await drive(w, H.h6.id, 'confirmed', { lec: { l: 1, e: 2, c: 7 } }); // 14 blue
  });
  afterAll(() => own.close());

  const ids = async (q: ChannelInput<'hazards.list'>) => (await w.admin('hazards.list', { pageSize: 500, ...q })).rows.map((r) => r.id);
  const set = (...names: string[]) => names.map((n) => H[n]!.id).sort();
  const sorted = async (q: ChannelInput<'hazards.list'>) => (await ids(q)).sort();

  it('the fixture is what the filters below assume', () => {
    expect(Object.fromEntries(Object.entries(H).map(([k, h]) => [k, [h.status, h.risk]]))).toEqual({
      h1: ['assigned', 'orange'],
      h2: ['reported', null],
      h3: ['rectifying', 'red'],
      h4: ['closed', 'yellow'],
      h5: ['cancelled', null],
      h6: ['confirmed', 'blue'],
    });
  });

  it('status: open by default, all, and each status', async () => {
    expect(await sorted({})).toEqual(set('h1', 'h2', 'h3', 'h6'));
    expect(await sorted({ status: 'open' })).toEqual(set('h1', 'h2', 'h3', 'h6'));
    expect(await sorted({ status: 'all' })).toEqual(set('h1', 'h2', 'h3', 'h4', 'h5', 'h6'));
    const byStatus: Record<string, string[]> = { reported: ['h2'], confirmed: ['h6'], assigned: ['h1'], rectifying: ['h3'], submitted: [], closed: ['h4'], cancelled: ['h5'] };
    for (const s of HAZARD_STATUSES) expect(await sorted({ status: s }), s).toEqual(set(...byStatus[s]!));
  });

  it('grade, risk colour, category, source and finder', async () => {
    expect(await sorted({ grade: 'general' })).toEqual(set('h1', 'h6'));
    expect(await sorted({ grade: 'general', status: 'all' })).toEqual(set('h1', 'h4', 'h6'));
    expect(await sorted({ grade: 'major', status: 'all' })).toEqual(set('h3'));
    expect(await sorted({ risk: 'red', status: 'all' })).toEqual(set('h3'));
    expect(await sorted({ risk: 'orange', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ risk: 'yellow', status: 'all' })).toEqual(set('h4'));
    expect(await sorted({ risk: 'blue', status: 'all' })).toEqual(set('h6'));
    expect(await sorted({ category1: 'material', status: 'all' })).toEqual(set('h1', 'h4', 'h6'));
    expect(await sorted({ category1: 'human', status: 'all' })).toEqual(set('h5'));
    expect(await sorted({ source: 'self_check', status: 'all' })).toEqual(set('h1', 'h4'));
    expect(await sorted({ source: 'authority', status: 'all' })).toEqual(set('h5'));
    expect(await sorted({ finderId: w.tlWorker.id, status: 'all' })).toEqual(set('h1', 'h6'));
    expect(await sorted({ finderId: w.plain.id, status: 'all' })).toEqual(set('h2'));
    // filters combine
    expect(await sorted({ category1: 'material', grade: 'general', status: 'open' })).toEqual(set('h1', 'h6'));
  });

  it('a workshop includes its teams; a team only itself', async () => {
    expect(await sorted({ orgUnitId: w.wsA.id, status: 'all' })).toEqual(set('h1', 'h2', 'h6'));
    expect(await sorted({ orgUnitId: w.teamA.id, status: 'all' })).toEqual(set('h1', 'h6'));
    expect(await sorted({ orgUnitId: w.wsB.id, status: 'all' })).toEqual(set('h3', 'h4'));
    expect(await sorted({ orgUnitId: w.teamB.id, status: 'all' })).toEqual(set('h3'));
    expect((await errorOf(w.admin('hazards.list', { orgUnitId: 'nowhere' }))).code).toBe('NOT_FOUND');
  });

  it('overdue, and the found-date range', async () => {
    expect(await sorted({ overdue: true })).toEqual(set('h1', 'h2'));
    expect(await sorted({ overdue: true, status: 'all' })).toEqual(set('h1', 'h2'));
    const rows = (await w.admin('hazards.list', { status: 'all', pageSize: 500 })).rows;
    expect(rows.filter((r) => r.overdue).map((r) => r.id).sort()).toEqual(set('h1', 'h2'));
    expect(rows.find((r) => r.id === H.h2!.id)!.dueDate).toBe(day(-27));
    expect(await sorted({ from: day(-25), to: day(-3), status: 'all' })).toEqual(set('h3', 'h4', 'h5'));
    expect(await sorted({ from: day(-20), to: day(-20), status: 'all' })).toEqual(set('h3'));
    expect(await sorted({ from: day(-2), status: 'all' })).toEqual(set('h6'));
    expect(await sorted({ to: day(-40), status: 'all' })).toEqual(set('h1'));
  });

  it('search: 3+ characters through FTS (description, place, serial, measures); 1–2 characters by substring', async () => {
    expect(await sorted({ search: '安全阀', status: 'all' })).toEqual(set('h1', 'h3', 'h4')); // h3/h4: the default measures mention 安全阀
    expect(await sorted({ search: '铅封损', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '校验压力表', status: 'all' })).toEqual(set('h1', 'h3', 'h4'));
    expect(await sorted({ search: '压缩机房', status: 'all' })).toEqual(set('h2'));
    expect(await sorted({ search: H.h4!.serial, status: 'all' })).toEqual(set('h4'));
    expect(await sorted({ search: H.h4!.serial.toLowerCase(), status: 'all' })).toEqual(set('h4'));
    expect(await sorted({ search: '不存在的词', status: 'all' })).toEqual([]);
    expect(await sorted({ search: '"引号', status: 'all' })).toEqual([]); // quotes are escaped, not an FTS syntax error
    expect(await sorted({ search: '油污', status: 'all' })).toEqual(set('h2'));
    expect(await sorted({ search: '机房', status: 'all' })).toEqual(set('h2')); // place
    // h3: its finder is 赵安全 (a word also finds the people named on a hazard)
    expect(await sorted({ search: '安全', status: 'all' })).toEqual(set('h1', 'h3', 'h5'));
    expect(await sorted({ search: '安全' })).toEqual(set('h1', 'h3'));
    expect(await sorted({ search: '阀', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '  ', status: 'all' })).toHaveLength(6);
  });

  it('search: several words narrow together; the responsible person, the finder and the workshop or team name find hazards', async () => {
    // each word alone, then both: only the hazards holding both
    expect(await sorted({ search: '反应釜', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '铅封', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '反应釜 铅封', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '反应釜\u3000油污', status: 'all' })).toEqual([]); // a full-width space separates too
    expect(await sorted({ search: '  动火   作业票  ', status: 'all' })).toEqual(set('h3'));
    expect(await sorted({ search: '动火 油污', status: 'all' })).toEqual([]);
    // the responsible person (孙整改 is responsible for h1, h3, h4) and the finder (钱班长 found h1 and h6)
    expect(await sorted({ search: '孙整改', status: 'all' })).toEqual(set('h1', 'h2', 'h3', 'h4')); // h2: found by 孙整改
    expect(await sorted({ search: '整改', status: 'all' })).toContain(H.h3!.id);
    expect(await sorted({ search: '钱班长', status: 'all' })).toEqual(set('h1', 'h6'));
    // workshop and team names: 合成车间 holds h2 (workshop) and h1, h6 (team 甲班); 乙班 holds h3
    expect(await sorted({ search: '合成车间', status: 'all' })).toEqual(set('h1', 'h2', 'h6'));
    expect(await sorted({ search: '乙班', status: 'all' })).toEqual(set('h3'));
    // words and names together: h1 is in 合成车间 and mentions 反应釜
    expect(await sorted({ search: '合成车间 反应釜', status: 'all' })).toEqual(set('h1'));
    expect(await sorted({ search: '钱班长 皮带', status: 'all' })).toEqual(set('h6'));
    // the total counts what the page lists
    const p = await w.admin('hazards.list', { search: '合成车间 反应釜', status: 'all' });
    expect(p.total).toBe(1);
  });

  it('sorting', async () => {
    expect(await ids({})).toEqual(['h6', 'h3', 'h2', 'h1'].map((k) => H[k]!.id)); // foundAt desc
    expect(await ids({ status: 'all', sortField: 'foundAt', sortDir: 'asc' })).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((k) => H[k]!.id));
    expect(await ids({ sortField: 'dueDate', sortDir: 'asc' })).toEqual(['h2', 'h1', 'h6', 'h3'].map((k) => H[k]!.id));
    expect((await ids({ status: 'all', sortField: 'riskD', sortDir: 'desc' })).slice(0, 4)).toEqual(['h3', 'h1', 'h4', 'h6'].map((k) => H[k]!.id));
    expect((await ids({ status: 'all', sortField: 'riskD', sortDir: 'asc' })).slice(2)).toEqual(['h6', 'h4', 'h1', 'h3'].map((k) => H[k]!.id));
    const serials = (await w.admin('hazards.list', { status: 'all', sortField: 'serial', sortDir: 'asc' })).rows.map((r) => r.serial);
    expect(serials).toEqual([...serials].sort());
    const desc = (await w.admin('hazards.list', { status: 'all', sortField: 'serial', sortDir: 'desc' })).rows.map((r) => r.serial);
    expect(desc).toEqual([...serials].reverse());
  });

  it('paging: totals stay, pages do not overlap and cover everything', async () => {
    const seen: string[] = [];
    for (let page = 1; page <= 3; page++) {
      const p = await w.admin('hazards.list', { status: 'all', pageSize: 4, page, sortField: 'foundAt', sortDir: 'asc' });
      expect(p).toMatchObject({ total: 6, page, pageSize: 4 });
      expect(p.rows).toHaveLength([4, 2, 0][page - 1]!);
      seen.push(...p.rows.map((r) => r.id));
    }
    expect(seen).toEqual(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].map((k) => H[k]!.id));
    const one = await w.admin('hazards.list', { status: 'open', pageSize: 1, page: 2 });
    expect(one.total).toBe(4);
    expect(one.rows).toHaveLength(1);
  });

  it('rows carry the joined names and flags', async () => {
    const rows = (await w.admin('hazards.list', { status: 'all', pageSize: 500 })).rows;
    const r1 = rows.find((r) => r.id === H.h1!.id)!;
    expect(r1).toMatchObject({ workshopName: '合成车间', teamName: '甲班', finderName: '钱班长', responsibleName: '孙整改', riskD: 270, overdue: true, deadline: day(-5) });
    const r4 = rows.find((r) => r.id === H.h4!.id)!;
    expect(r4).toMatchObject({ workshopName: '包装车间', teamName: null, status: 'closed', closedDate: today(), overdue: false, dueDate: null });
    expect(rows.find((r) => r.id === H.h5!.id)).toMatchObject({ workshopName: null, teamName: null, finderName: null });
  });
});

// ---------------------------------------------------------------------------------------------
describe('reminders', () => {
  it('overdue vs due soon, in due order, with counts beyond the limit; closed and cancelled never appear', async () => {
    const w = await world();
    const rep = (n: number, d: string) => w.admin('hazards.report', reportInput({ foundAt: at(n), description: d }));
    const r1 = await drive(w, (await rep(-10, '过期一天')).id, 'assigned', { deadline: day(-1) });
    const r2 = await drive(w, (await rep(-10, '今天到期')).id, 'assigned', { deadline: day(0) });
    const r3 = await drive(w, (await rep(-10, '七天后到期')).id, 'rectifying', { deadline: day(7) });
    const r4 = await drive(w, (await rep(-10, '八天后到期')).id, 'assigned', { deadline: day(8) });
    const r5 = await rep(-1, '新报告'); // due day(2)
    const r6 = await rep(-10, '久未确认'); // due day(-7)
    await drive(w, (await rep(-30, '已销号')).id, 'closed', { deadline: day(-20) });
    await drive(w, (await rep(-30, '已作废')).id, 'cancelled');
    expect([r5.dueDate, r6.dueDate]).toEqual([day(2), day(-7)]);

    const r = await w.so('hazards.reminders', {});
    expect(r.overdue.map((x) => x.id)).toEqual([r6.id, r1.id]);
    expect(r.dueSoon.map((x) => x.id)).toEqual([r2.id, r5.id, r3.id]);
    expect(r.overdueCount).toBe(2);
    expect(r.dueSoonCount).toBe(3);
    expect(r.overdue.every((x) => x.overdue)).toBe(true);
    expect(r.dueSoon.some((x) => x.overdue)).toBe(false);
    expect([...r.overdue, ...r.dueSoon].map((x) => x.id)).not.toContain(r4.id);

    const limited = await w.so('hazards.reminders', { limit: 1 });
    expect(limited.overdue.map((x) => x.id)).toEqual([r6.id]);
    expect(limited.dueSoon.map((x) => x.id)).toEqual([r2.id]);
    expect([limited.overdueCount, limited.dueSoonCount]).toEqual([2, 3]);

    // a wider window takes in the hazard due in 8 days
    await w.admin('hazards.setRules', { ...DEFAULT_HAZARD_RULES, dueSoonDays: 8 });
    const wider = await w.so('hazards.reminders', {});
    expect(wider.dueSoon.map((x) => x.id)).toEqual([r2.id, r5.id, r3.id, r4.id]);
    expect(wider.dueSoonCount).toBe(4);
    // the "overdue" list filter agrees
    expect((await w.so('hazards.list', { overdue: true })).total).toBe(2);
  });
});

// ---------------------------------------------------------------------------------------------
describe('statistics', () => {
  /** Moves the clock (Date only; timers stay real). */
  const setNow = (y: number, m: number, d: number, h = 10) => vi.setSystemTime(new Date(y, m - 1, d, h, 0, 0));

  it('year and quarter: found, closed, closure rate, days to close, monthly, by risk, per workshop', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    setNow(2025, 12, 20);
    const w = await world();
    const rep = (foundAt: string, o: Partial<ChannelInput<'hazards.report'>> = {}) => w.admin('hazards.report', reportInput({ foundAt, ...o }));

    // h6: found 2025-12-20 (team A), closed 2026-01-05 → 16 days
    const h6 = await rep('2025-12-20T09:00', { orgUnitId: w.teamA.id });
    await drive(w, h6.id, 'submitted', { lec: { l: 1, e: 1, c: 7 }, deadline: '2026-01-10', planned: 300, actual: 250 });
    setNow(2026, 1, 5);
    await drive(w, h6.id, 'closed');
    // h1: found 2026-01-10 (team A), general, 270 orange, closed 2026-01-20 → 10 days
    setNow(2026, 1, 10);
    const h1 = await rep('2026-01-10T09:00', { orgUnitId: w.teamA.id });
    await drive(w, h1.id, 'submitted', { lec: { l: 3, e: 6, c: 15 }, deadline: '2026-01-31', planned: 1000, actual: 800 });
    setNow(2026, 1, 20);
    await drive(w, h1.id, 'closed');
    // h2: found 2026-02-05 (workshop B), major, 2400 red, closed 2026-04-05 → 59 days
    setNow(2026, 2, 5);
    const h2 = await rep('2026-02-05T09:00', { orgUnitId: w.wsB.id });
    await drive(w, h2.id, 'submitted', { grade: 'major', lec: { l: 10, e: 6, c: 40 }, deadline: '2026-03-31', planned: 5000, actual: 4500 });
    // h3: found 2026-03-01 (workshop A), left reported (due 03-04 → overdue)
    setNow(2026, 3, 1);
    const h3 = await rep('2026-03-01T09:00', { orgUnitId: w.wsA.id });
    // h4: found 2026-03-15 (no unit), cancelled
    setNow(2026, 3, 15);
    await drive(w, (await rep('2026-03-15T09:00')).id, 'cancelled');
    setNow(2026, 4, 5);
    await drive(w, h2.id, 'closed');
    // h5: found 2026-05-10 (workshop B), general, 90 yellow, assigned until 05-20 (overdue)
    setNow(2026, 5, 10);
    const h5 = await drive(w, (await rep('2026-05-10T09:00', { orgUnitId: w.wsB.id })).id, 'assigned', { lec: { l: 1, e: 6, c: 15 }, deadline: '2026-05-20', planned: 200 });
    setNow(2026, 6, 15, 12);
    expect(todayLocal()).toBe('2026-06-15');
    expect((await w.admin('hazards.get', { id: h1.id })).closedDate).toBe('2026-01-20');
    expect([h3.serial, h5.serial, h6.serial]).toEqual(['YH-2026-0003', 'YH-2026-0005', 'YH-2025-0001']);

    const y = await w.admin('hazards.stats', { year: 2026 });
    expect(y).toMatchObject({
      year: 2026,
      quarter: null,
      from: '2026-01-01',
      to: '2026-12-31',
      found: 5,
      closed: 3, // closed in 2026, including h6 found in 2025
      cancelled: 1,
      open: 2,
      overdue: 2,
      closureRate: 0.5, // 2 of the 4 non-cancelled found in 2026
      avgDaysToClose: 28.3, // (16 + 10 + 59) / 3
    });
    expect(y.monthly).toHaveLength(12);
    expect(y.monthly.slice(0, 6)).toEqual([
      { month: '2026-01', found: 1, closed: 2 },
      { month: '2026-02', found: 1, closed: 0 },
      { month: '2026-03', found: 2, closed: 0 },
      { month: '2026-04', found: 0, closed: 1 },
      { month: '2026-05', found: 1, closed: 0 },
      { month: '2026-06', found: 0, closed: 0 },
    ]);
    expect(y.monthly.reduce((s, m) => s + m.found, 0)).toBe(y.found);
    expect(y.monthly.reduce((s, m) => s + m.closed, 0)).toBe(y.closed);
    const risk = Object.fromEntries(y.byRisk.map((r) => [r.risk, r.count]));
    expect(risk).toEqual({ red: 1, orange: 1, yellow: 1, unassessed: 2 });
    expect(Object.fromEntries(y.openByGrade.map((g) => [g.grade, g.count]))).toEqual({ ungraded: 1, general: 1 });

    const row = (name: string) => y.table.find((t) => t.workshop === name);
    expect(row('合成车间')).toEqual({ workshop: '合成车间', workshopId: w.wsA.id, found: 2, general: 1, major: 0, ungraded: 1, closed: 1, rectifying: 0, overdue: 1, plannedFunds: 100000, actualFunds: 80000 });
    expect(row('包装车间')).toEqual({ workshop: '包装车间', workshopId: w.wsB.id, found: 2, general: 1, major: 1, ungraded: 0, closed: 1, rectifying: 1, overdue: 1, plannedFunds: 520000, actualFunds: 450000 });
    expect(row('（未指定车间）')).toMatchObject({ workshopId: null, found: 1, ungraded: 1, closed: 0, rectifying: 0, overdue: 0, plannedFunds: 0, actualFunds: 0 });
    // the table sums to the totals (numbers, not nulls, in every cell)
    const sum = (k: 'found' | 'closed' | 'general' | 'major' | 'ungraded' | 'overdue') => y.table.reduce((s, t) => s + t[k], 0);
    expect(sum('found')).toBe(y.found);
    expect(sum('closed')).toBe(2);
    expect(sum('general') + sum('major')).toBe(3);
    expect(sum('ungraded')).toBe(2); // h3 reported, h4 cancelled before grading
    for (const t of y.table) expect(t.general + t.major + t.ungraded, t.workshop).toBe(t.found);
    expect(sum('overdue')).toBe(y.overdue);
    // (workshopId is null exactly for the unplaced row; every figure is a number)
    for (const t of y.table) for (const [k, v] of Object.entries(t)) if (k !== 'workshopId') expect(v, JSON.stringify(t)).not.toBeNull();
    for (const t of y.openByWorkshop) for (const [k, v] of Object.entries(t)) if (k !== 'workshopId') expect(v, JSON.stringify(t)).not.toBeNull();
    expect(y.openByWorkshop.find((t) => t.workshop === '合成车间')).toEqual({ workshop: '合成车间', workshopId: w.wsA.id, general: 0, major: 0, ungraded: 1 });

    const q2 = await w.admin('hazards.stats', { year: 2026, quarter: 2 });
    expect(q2).toMatchObject({ quarter: 2, from: '2026-04-01', to: '2026-06-30', found: 1, closed: 1, cancelled: 0, closureRate: 0, avgDaysToClose: 59 });
    expect(q2.monthly).toEqual([
      { month: '2026-04', found: 0, closed: 1 },
      { month: '2026-05', found: 1, closed: 0 },
      { month: '2026-06', found: 0, closed: 0 },
    ]);
    const q1 = await w.admin('hazards.stats', { year: 2026, quarter: 1 });
    expect(q1).toMatchObject({ from: '2026-01-01', to: '2026-03-31', found: 4, closed: 2, cancelled: 1, closureRate: 0.667, avgDaysToClose: 13 });
    const q4 = await w.admin('hazards.stats', { year: 2026, quarter: 4 });
    expect(q4).toMatchObject({ from: '2026-10-01', to: '2026-12-31', found: 0, closed: 0, closureRate: null, avgDaysToClose: null, table: [] });
    const y25 = await w.admin('hazards.stats', { year: 2025 });
    expect(y25).toMatchObject({ found: 1, closed: 0, closureRate: 1, avgDaysToClose: null });
    expect((await errorOf(w.admin('hazards.stats', { year: 2026, quarter: 5 }))).code).toBe('VALIDATION');
    const leap = await w.admin('hazards.stats', { year: 2024, quarter: 1 });
    expect(leap.to).toBe('2024-03-31');
    expect(daysBetween('2026-02-05', '2026-04-05')).toBe(59);
  });
});

// ---------------------------------------------------------------------------------------------
describe('rules', () => {
  it('hazards.setRules is admin-only, audited, and changes later risk colours and due dates', async () => {
    const w = await world();
    const before = await w.admin('hazards.rules', {});
    expect(before).toEqual(DEFAULT_HAZARD_RULES);
    const hA = await w.admin('hazards.report', reportInput({ foundAt: at(-1) }));
    const cA = await w.admin('hazards.confirm', { id: hA.id, grade: 'general', lec: { l: 6, e: 6, c: 10 } });
    expect(cA.risk).toBe('red'); // 360 > 320
    expect((await w.so('hazards.lecPreview', { l: 6, e: 6, c: 10 }))).toEqual({ d: 360, risk: 'red' });
    const hD = await w.admin('hazards.report', reportInput({ foundAt: at(-1) }));
    expect(hD.dueDate).toBe(day(2));

    const next = { thresholds: { red: 400, orange: 200, yellow: 100 }, responseDays: 10, acceptDays: 2, dueSoonDays: 7 };
    await refused(() => w.so('hazards.setRules', next), 'FORBIDDEN');
    const order = await refused(() => w.admin('hazards.setRules', { ...next, thresholds: { red: 100, orange: 200, yellow: 50 } }), 'VALIDATION');
    // the refusal names the field and the rule, so the settings form can mark it
    expect(order.details?.issues).toEqual([{ path: 'thresholds.orange', message: 'v.thresholdOrder' }]);
    await refused(() => w.admin('hazards.setRules', { ...next, responseDays: 0 }), 'VALIDATION');
    expect(await w.admin('hazards.setRules', next)).toEqual(next);
    expect(await w.so('hazards.rules', {})).toEqual(next);
    const a = db().prepare(`SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1`).get() as { entity: string; entity_id: string; action: string; before: string; after: string; actor_id: string };
    expect(a).toMatchObject({ entity: 'settings', entity_id: 'hazard.rules', action: 'update', actor_id: w.adminOp.id });
    expect(JSON.parse(a.before)).toEqual(DEFAULT_HAZARD_RULES);
    expect(JSON.parse(a.after)).toEqual(next);

    // later confirms use the new thresholds; earlier grading stays as recorded
    const hB = await w.admin('hazards.report', reportInput({ foundAt: at(-1) }));
    expect((await w.admin('hazards.confirm', { id: hB.id, grade: 'general', lec: { l: 6, e: 6, c: 10 } })).risk).toBe('orange');
    expect((await w.admin('hazards.get', { id: hA.id })).risk).toBe('red');
    expect(await w.so('hazards.lecPreview', { l: 1, e: 6, c: 15 })).toEqual({ d: 90, risk: 'blue' });
    // due dates: the new response window for new reports, and on the next change of an old one
    const hC = await w.admin('hazards.report', reportInput({ foundAt: at(-1) }));
    expect(hC.dueDate).toBe(day(9));
    expect((await w.admin('hazards.get', { id: hD.id })).dueDate).toBe(day(2));
    expect((await w.admin('hazards.edit', { id: hD.id, changes: { place: '新位置' } })).dueDate).toBe(day(9));
    // and the new acceptance window
    const s = await drive(w, hB.id, 'submitted', { deadline: day(30) });
    expect(s.dueDate).toBe(day(2));
    expect(s.dueDate).toBe(dueDate({ status: 'submitted', foundDate: s.foundDate, deadline: s.deadline, submittedDate: today() }, next));
  });
});

// ---------------------------------------------------------------------------------------------
describe('saved views and drafts are per operator', () => {
  it('views: another operator does not see them; the same name updates', async () => {
    const w = await world();
    const v1 = await w.admin('views.save', { kind: 'hazards', name: '逾期重大', query: { overdue: true, grade: 'major' } });
    expect(await w.so('views.list', { kind: 'hazards' })).toEqual([]);
    const v2 = await w.admin('views.save', { kind: 'hazards', name: '逾期重大', query: { overdue: true } });
    expect(v2.id).toBe(v1.id);
    expect(await w.admin('views.list', { kind: 'hazards' })).toEqual([{ id: v1.id, name: '逾期重大', query: { overdue: true } }]);
    const mine = await w.so('views.save', { kind: 'hazards', name: '逾期重大', query: { risk: 'red' } });
    expect(mine.id).not.toBe(v1.id);
    expect((await w.so('views.list', { kind: 'hazards' })).map((v) => v.query)).toEqual([{ risk: 'red' }]);
    expect((await w.admin('views.list', { kind: 'hazards' })).map((v) => v.query)).toEqual([{ overdue: true }]);
    // one operator cannot remove another's view
    await refused(() => w.so('views.remove', { id: v1.id }), 'NOT_FOUND');
    expect(await w.admin('views.remove', { id: v1.id })).toEqual({ id: v1.id });
    expect(await w.admin('views.list', { kind: 'hazards' })).toEqual([]);
    // the name is free again
    const v3 = await w.admin('views.save', { kind: 'hazards', name: '逾期重大', query: {} });
    expect(v3.id).not.toBe(v1.id);
    expect(auditRows(v1.id).map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    await refused(() => w.admin('views.save', { kind: 'hazards', name: '  ', query: {} }), 'VALIDATION');
  });

  it('drafts: save, get, overwrite and clear, per operator, without audit entries', async () => {
    const w = await world();
    const audit = count('audit_log');
    expect(await w.admin('drafts.get', { kind: 'hazards' })).toEqual({ data: null, savedAt: null });
    const s1 = await w.admin('drafts.save', { kind: 'hazards', data: { description: '半截的描述', category1: 'material' } });
    expect(s1.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await w.admin('drafts.get', { kind: 'hazards' })).toEqual({ data: { description: '半截的描述', category1: 'material' }, savedAt: s1.savedAt });
    expect(await w.so('drafts.get', { kind: 'hazards' })).toEqual({ data: null, savedAt: null });
    await w.so('drafts.save', { kind: 'hazards', data: { description: '安全员的草稿' } });
    await w.admin('drafts.save', { kind: 'hazards', data: { description: '改过的描述' } });
    expect((await w.admin('drafts.get', { kind: 'hazards' })).data).toEqual({ description: '改过的描述' });
    expect(count('drafts')).toBe(2);
    expect(await w.admin('drafts.clear', { kind: 'hazards' })).toEqual({ cleared: true });
    expect(await w.admin('drafts.clear', { kind: 'hazards' })).toEqual({ cleared: false });
    expect(await w.admin('drafts.get', { kind: 'hazards' })).toEqual({ data: null, savedAt: null });
    expect((await w.so('drafts.get', { kind: 'hazards' })).data).toEqual({ description: '安全员的草稿' });
    expect(count('audit_log')).toBe(audit);
    expect((await errorOf(w.admin('drafts.save', { kind: 'hazards', data: { big: 'x'.repeat(200_000) } }))).code).toBe('VALIDATION');
  });
});

// ---------------------------------------------------------------------------------------------
describe('attachments', () => {
  const files = (root: string): string[] =>
    fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)) : [];

  it('JPEG, PNG and WebP are stored (as JPEG) by content hash with a thumbnail; identical content is one attachment', async () => {
    const w = await world();
    const root = tc!.core.paths.attachments;
    // a pattern, not a flat colour: the three formats decode to different pixels, so they stay three photos
    const base = sharp(Buffer.from(Array.from({ length: 640 * 480 * 3 }, (_, i) => (i * 7919) % 256)), { raw: { width: 640, height: 480, channels: 3 } });
    const imgs = {
      'image/jpeg': await base.clone().jpeg().toBuffer(),
      'image/png': await base.clone().png().toBuffer(),
      'image/webp': await base.clone().webp().toBuffer(),
    };
    for (const [mime, buf] of Object.entries(imgs) as [string, Buffer][]) {
      // the name does not decide the type; every photo is stored re-encoded as JPEG (tests/db/photos.test.ts)
      const a = await w.tl('attachments.upload', { fileName: `现场照片.${mime === 'image/png' ? 'jpg' : 'png'}`, dataBase64: b64(buf) });
      const file = path.join(root, a.sha256.slice(0, 2), `${a.sha256}.jpg`);
      const stored = fs.readFileSync(file);
      expect(createHash('sha256').update(stored).digest('hex')).toBe(a.sha256);
      expect(a).toMatchObject({ mime: 'image/jpeg', bytes: stored.length, width: 640, height: 480 });
      expect(fs.existsSync(path.join(root, a.sha256.slice(0, 2), `${a.sha256}.thumb.webp`))).toBe(true);

      const full = await w.so('attachments.get', { id: a.id, size: 'full' });
      expect(full.mime).toBe('image/jpeg');
      expect(Buffer.from(full.dataBase64, 'base64').equals(stored)).toBe(true);
      const thumb = await w.so('attachments.get', { id: a.id, size: 'thumb' });
      expect(thumb.mime).toBe('image/webp');
      const tm = await sharp(Buffer.from(thumb.dataBase64, 'base64')).metadata();
      expect(tm.format).toBe('webp');
      expect(Math.max(tm.width!, tm.height!)).toBe(320);
      expect((await w.so('attachments.get', { id: a.id })).mime).toBe('image/webp'); // thumb by default
    }
    expect(count('attachments')).toBe(3);
    expect(files(root)).toHaveLength(6);
    expect(count('audit_log', `entity = 'attachment' AND action = 'create'`)).toBe(3);

    // the same bytes again (another name, another operator): same id, nothing new
    const again = await w.so('attachments.upload', { fileName: 'copy.png', dataBase64: b64(imgs['image/png']) });
    const first = db().prepare(`SELECT id FROM attachments WHERE original_name = '现场照片.jpg'`).pluck().get();
    expect(again.id).toBe(first);
    expect(count('attachments')).toBe(3);
    expect(files(root)).toHaveLength(6);
    expect(count('audit_log', `entity = 'attachment'`)).toBe(3);
    expect((await errorOf(w.so('attachments.get', { id: 'nope', size: 'full' }))).code).toBe('NOT_FOUND');
  });

  it('refuses a text file named .jpg, an oversized file, truncated and corrupt images — storing nothing', async () => {
    const w = await world();
    const root = tc!.core.paths.attachments;
    const noise = await sharp(Buffer.from(Array.from({ length: 200 * 150 * 3 }, (_, i) => (i * 7919) % 256)), { raw: { width: 200, height: 150, channels: 3 } })
      .png()
      .toBuffer();
    const bad: [string, Buffer][] = [
      ['readme.jpg', Buffer.from('这不是图片，只是改了扩展名的文本文件。\n'.repeat(20))],
      ['empty.jpg', Buffer.alloc(0)],
      ['big.jpg', Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(10 * 1024 * 1024 - 3)])],
      ['truncated.png', noise.subarray(0, Math.floor(noise.length / 2))],
      ['header-only.png', noise.subarray(0, 40)],
      ['corrupt.png', Buffer.concat([noise.subarray(0, 100), Buffer.alloc(200, 0x41), noise.subarray(300)])],
      ['fake.webp', Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBP'), Buffer.alloc(64, 1)])],
    ];
    for (const [name, buf] of bad) {
      if (buf.length === 0) {
        // an empty payload is refused by the input schema before the service sees it
        await refused(() => w.admin('attachments.upload', { fileName: name, dataBase64: '' }), 'VALIDATION');
        continue;
      }
      const e = await refused(() => w.admin('attachments.upload', { fileName: name, dataBase64: b64(buf) }), 'BAD_FILE');
      expect(e.details?.issues, name).toEqual([{ path: 'file', message: 'v.photo' }]);
      expect(files(root), name).toEqual([]);
    }
    expect(bad[2]![1].length).toBe(10 * 1024 * 1024 + 1);
    // a bad base64 alphabet is a BAD_FILE too
    await refused(() => w.admin('attachments.upload', { fileName: 'x.png', dataBase64: '@@@@' }), 'BAD_FILE');
    expect(count('attachments')).toBe(0);
    // the readable half of the same image is fine
    expect((await w.admin('attachments.upload', { fileName: 'ok.png', dataBase64: b64(noise) })).mime).toBe('image/jpeg');
  });

  it('hazards.addPhoto: before photos while open, after photos only while rectifying or submitted', async () => {
    const w = await world();
    const up = async () => (await w.admin('attachments.upload', { fileName: 'p.png', dataBase64: b64(await png()) })).id;
    const pb = await up();
    const h = await w.tl('hazards.report', reportInput({ photoIds: [pb] }));
    expect(h.photos.map((p) => [p.id, p.phase])).toEqual([[pb, 'before']]);

    const pa = await up();
    let e = await refused(() => w.admin('hazards.addPhoto', { id: h.id, attachmentId: pa, phase: 'after' }), 'CONFLICT');
    expect(e.message).toBe('err.hazard.afterPhotoWhen');
    expect(say(e)).toContain('整改后照片');
    await refused(() => w.admin('hazards.addPhoto', { id: h.id, attachmentId: 'no-such', phase: 'before' }), 'NOT_FOUND');
    await refused(() => w.admin('hazards.addPhoto', { id: 'no-such', attachmentId: pa, phase: 'before' }), 'NOT_FOUND');
    const p2 = await up();
    let d = await w.admin('hazards.addPhoto', { id: h.id, attachmentId: p2, phase: 'before' });
    expect(d.photos.map((p) => p.phase)).toEqual(['before', 'before']);
    expect(d.events.at(-1)).toMatchObject({ action: 'photo', actorName: '王主席', comment: '整改前照片' });
    expect(auditRows(h.id).at(-1)).toMatchObject({ action: 'add_photo' });

    await drive(w, h.id, 'assigned');
    await refused(() => w.admin('hazards.addPhoto', { id: h.id, attachmentId: pa, phase: 'after' }), 'CONFLICT');
    await drive(w, h.id, 'rectifying');
    d = await w.admin('hazards.addPhoto', { id: h.id, attachmentId: pa, phase: 'after' });
    expect(d.photos.filter((p) => p.phase === 'after').map((p) => p.id)).toEqual([pa]);
    expect(d.events.at(-1)).toMatchObject({ action: 'photo', comment: '整改后照片' });
    // remove, and removing again is NOT_FOUND
    d = await w.admin('hazards.removePhoto', { id: h.id, attachmentId: p2 });
    expect(d.photos.map((p) => p.id)).toEqual([pb, pa]);
    await refused(() => w.admin('hazards.removePhoto', { id: h.id, attachmentId: p2 }), 'NOT_FOUND');

    await drive(w, h.id, 'closed');
    e = await refused(() => w.admin('hazards.addPhoto', { id: h.id, attachmentId: p2, phase: 'before' }), 'CONFLICT');
    expect(say(e)).toContain('已销号');
    // a cancelled hazard takes no photos either
    const c = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'cancelled');
    await refused(() => w.admin('hazards.addPhoto', { id: c.id, attachmentId: p2, phase: 'before' }), 'CONFLICT');
  });
});

// ---------------------------------------------------------------------------------------------
describe('demo hazards', () => {
  it('generateDemoHazards(300) after generateDemo(small): consistent rows in the workflow states', async () => {
    tc = await openTestCore({ init: false });
    const store = tc.core.store;
    generateDemo(store, 'small');
    expect(generateDemoHazards(store, 300)).toEqual({ hazards: 300 });
    const t = todayLocal();

    const byStatus = Object.fromEntries(db().prepare('SELECT status, count(*) AS n FROM hazards GROUP BY status').all().map((r) => {
      const x = r as { status: string; n: number };
      return [x.status, x.n];
    }));
    for (const s of ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed'] as const) {
      expect(byStatus[s] ?? 0, `demo has no ${s} hazards: ${JSON.stringify(byStatus)}`).toBeGreaterThan(0);
    }
    expect(Object.values(byStatus).reduce((a, b) => a + b, 0)).toBe(300);
    expect(byStatus.closed).toBeGreaterThan(150); // older ones are mostly closed

    type R = Record<string, string | number | null>;
    const rows = db().prepare('SELECT * FROM hazards').all() as R[];
    const problems: string[] = [];
    const ops = new Set(db().prepare('SELECT id FROM operators').pluck().all() as string[]);
    for (const h of rows) {
      const s = h.status as HazardStatus;
      const tag = `${h.serial} (${s})`;
      const reached = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed'].indexOf(s);
      if (h.found_date! > t) problems.push(`${tag}: found in the future`);
      if ((h.serial as string).slice(3, 7) !== (h.found_date as string).slice(0, 4)) problems.push(`${tag}: serial year ≠ found year`);
      if (reached >= 1 && (h.grade === null || h.risk === null || h.risk_d === null)) problems.push(`${tag}: confirmed without grade/risk`);
      if (reached >= 1 && h.risk_d !== Math.round((h.lec_l as number) * (h.lec_e as number) * (h.lec_c as number) * 100) / 100) problems.push(`${tag}: D ≠ L×E×C`);
      if (reached >= 3 && [h.responsible_id, h.measures, h.planned_funds, h.deadline, h.emergency_plan].some((v) => v === null)) problems.push(`${tag}: 五落实 missing`);
      if (reached >= 2 && h.deadline! < h.found_date!) problems.push(`${tag}: deadline before found`);
      if (h.grade === 'major' && reached >= 2 && !h.governance_plan) problems.push(`${tag}: major without governance plan`);
      if (reached >= 4 && (h.submitted_by === null || h.submitted_at === null || h.actual_funds === null)) problems.push(`${tag}: submitted without submitter`);
      if (s === 'closed') {
        if (!h.closed_date || !h.accepted_by || !h.accepted_at) problems.push(`${tag}: closed without closed_date/accepted_by`);
        if (h.accepted_by === h.submitted_by) problems.push(`${tag}: accepted by the submitter`);
        if (h.closed_date! < h.found_date! || h.closed_date! > t) problems.push(`${tag}: closed_date out of range`);
        if (!ops.has(h.accepted_by as string)) problems.push(`${tag}: acceptor is not an operator`);
      } else if (h.closed_date || h.accepted_by) problems.push(`${tag}: open with closed_date/accepted_by`);
      const due = dueDate({ status: s, foundDate: h.found_date as string, deadline: h.deadline as string | null, submittedDate: (h.submitted_at as string | null)?.slice(0, 10) ?? null });
      if (due !== h.due_date) problems.push(`${tag}: due_date ${h.due_date} ≠ ${due}`);
      const all = eventRows(h.id as string);
      // the timeline is in the order things happened; the major-hazard records (status unchanged) sit between the steps
      if (all.some((e, i) => i > 0 && e.at < all[i - 1]!.at)) problems.push(`${tag}: events out of time order`);
      const ev = all.filter((e) => !e.action.startsWith('major'));
      // a cancelled demo hazard was reported and then cancelled: two events
      const steps = s === 'cancelled' ? 2 : reached + 1;
      if (ev.length !== steps) problems.push(`${tag}: ${ev.length} events for ${steps} steps`);
      if (s === 'cancelled' && (!h.cancel_kind || !h.cancel_reason)) problems.push(`${tag}: cancelled without kind/reason`);
      if (ev.at(-1)?.to_status !== s) problems.push(`${tag}: last event ends in ${ev.at(-1)?.to_status}`);
      if (all.some((e) => e.action.startsWith('major') && e.from_status !== e.to_status)) problems.push(`${tag}: a major-hazard record changed the status`);
    }
    expect(problems.slice(0, 20)).toEqual([]);

    // the per-month statistics the triggers keep equal a recount over the hazards themselves
    const kept = db()
      .prepare(`SELECT month, workshop_id, status, grade, risk, n, planned, actual FROM hazard_month_stats WHERE n > 0 ORDER BY 1, 2, 3, 4, 5`)
      .all();
    const recount = db()
      .prepare(
        `SELECT substr(found_date, 1, 7) AS month, coalesce(workshop_id, '') AS workshop_id, status, coalesce(grade, '') AS grade, coalesce(risk, '') AS risk,
           count(*) AS n, coalesce(sum(planned_funds), 0) AS planned, coalesce(sum(actual_funds), 0) AS actual
         FROM hazards WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5`,
      )
      .all();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept).toEqual(recount);
    const keptClosed = db().prepare(`SELECT month, n FROM hazard_close_stats WHERE n > 0 ORDER BY 1`).all();
    const recountClosed = db()
      .prepare(`SELECT substr(closed_date, 1, 7) AS month, count(*) AS n FROM hazards WHERE closed_date IS NOT NULL AND deleted_at IS NULL GROUP BY 1 ORDER BY 1`)
      .all();
    expect(keptClosed).toEqual(recountClosed);

    // serials are sequential per year
    for (const y of db().prepare(`SELECT DISTINCT substr(serial, 4, 4) FROM hazards`).pluck().all() as string[]) {
      const n = db().prepare(`SELECT count(*) FROM hazards WHERE serial LIKE ?`).pluck().get(`YH-${y}-%`) as number;
      expect(db().prepare(`SELECT max(serial) FROM hazards WHERE serial LIKE ?`).pluck().get(`YH-${y}-%`)).toBe(`YH-${y}-${String(n).padStart(4, '0')}`);
    }
    // the ledger reads back through the channels: sign in as the demo admin
    const admin = db().prepare('SELECT id FROM operators WHERE is_admin = 1').pluck().get() as string;
    await tc.call('session.signIn', { operatorId: admin });
    const all = await tc.call('hazards.list', { status: 'all', pageSize: 1 });
    expect(all.total).toBe(300);
    const stats = await tc.call('hazards.stats', { year: Number(t.slice(0, 4)) });
    expect(stats.found).toBe(count('hazards', `found_date >= '${t.slice(0, 4)}-01-01'`));
    expect((await tc.call('hazards.list', { search: '反应釜', status: 'all', pageSize: 1 })).total).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
describe('重大隐患 (安全生产事故隐患排查治理暂行规定): report, 挂牌督办, evaluation, acceptance and cancelling', () => {
  const REPORT = { body: '台州市椒江区应急管理局', docNo: '恒安安〔2026〕7号', summary: '现状：储罐区动火作业无票；原因：制度未落实；影响范围：储罐区；整改难度：需停产' };
  const EVAL = { kind: 'third_party' as const, evaluator: '浙江某安全评价有限公司', conclusion: '治理措施落实到位，符合安全生产条件' };

  it('a major hazard is accepted only once reported and evaluated as passed; every step is on the timeline and in the audit', async () => {
    const w = await world();
    const found = day(-20);
    let h = await drive(w, (await w.admin('hazards.report', reportInput({ foundAt: `${found}T08:00` }))).id, 'rectifying', { grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    expect(h.major).toMatchObject({ reportedDate: null, supervised: false, evaluationPassed: null });
    expect(h.majorActions).toEqual(['majorReport', 'majorSupervise', 'majorEvaluate']);
    // the team leader (no safety-manager role) records nothing
    await refused(() => w.tl('hazards.majorReport', { id: h.id, reportedDate: found, ...REPORT }), 'FORBIDDEN');
    // dates: not before the finding, not in the future; fields required
    let e = await refused(() => w.so('hazards.majorReport', { id: h.id, reportedDate: day(-21), ...REPORT }), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'reportedDate', message: 'v.dateBeforeFound' }]);
    e = await refused(() => w.so('hazards.majorReport', { id: h.id, reportedDate: day(1), ...REPORT }), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'reportedDate', message: 'err.hazard.dateInFuture' }]);
    e = await refused(() => w.so('hazards.majorReport', { id: h.id, reportedDate: found, ...REPORT, docNo: ' ' }), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'docNo', message: 'v.required' }]);
    e = await refused(() => w.so('hazards.majorSupervise', { id: h.id, supervised: true, body: '', docNo: '', date: null }), 'VALIDATION');
    expect(e.details?.issues).toEqual([
      { path: 'body', message: 'v.required' },
      { path: 'date', message: 'v.required' },
    ]);

    // submitted without report or evaluation: acceptance is refused (and not offered)
    const a = await w.admin('attachments.upload', { fileName: 'after.png', dataBase64: b64(await png()) });
    h = await w.admin('hazards.submit', { id: h.id, actualFunds: 50000, rectificationNote: '已停产更换', afterPhotoIds: [a.id] });
    expect((await w.so('hazards.get', { id: h.id })).allowedActions).toEqual(['reject']);
    await refused(() => w.so('hazards.accept', { id: h.id }), 'FORBIDDEN', 'major_pending');

    h = await w.so('hazards.majorReport', { id: h.id, reportedDate: day(-19), ...REPORT });
    expect(h.major).toMatchObject({ reportedDate: day(-19), reportBody: REPORT.body, reportDocNo: REPORT.docNo, reportSummary: REPORT.summary });
    h = await w.so('hazards.majorSupervise', { id: h.id, supervised: true, body: '椒江区安委办', docNo: '椒安委〔2026〕3号', date: day(-18) });
    expect(h.major).toMatchObject({ supervised: true, supervisionBody: '椒江区安委办', supervisionDocNo: '椒安委〔2026〕3号', supervisionDate: day(-18) });
    // reported but not evaluated: still refused; a failed evaluation does not open acceptance either
    await refused(() => w.so('hazards.accept', { id: h.id }), 'FORBIDDEN', 'major_pending');
    h = await w.so('hazards.majorEvaluate', { id: h.id, date: today(), ...EVAL, passed: false });
    await refused(() => w.so('hazards.accept', { id: h.id }), 'FORBIDDEN', 'major_pending');
    // rejected: the evaluation is for the round that failed — the next round is evaluated again
    h = await w.lp('hazards.reject', { id: h.id, reason: '评估不合格' });
    expect(h.major).toMatchObject({ evaluationDate: null, evaluationPassed: null, reportedDate: day(-19), supervised: true });
    const a2 = await w.admin('attachments.upload', { fileName: 'after2.png', dataBase64: b64(await png()) });
    h = await w.admin('hazards.submit', { id: h.id, actualFunds: 60000, rectificationNote: '补充整改', afterPhotoIds: [a2.id] });
    h = await w.so('hazards.majorEvaluate', { id: h.id, date: today(), ...EVAL, passed: true });
    expect(h.major).toMatchObject({ evaluationDate: today(), evaluatorKind: 'third_party', evaluator: EVAL.evaluator, evaluationConclusion: EVAL.conclusion, evaluationPassed: true });
    expect((await w.so('hazards.get', { id: h.id })).allowedActions).toEqual(['accept', 'reject']);
    h = await w.so('hazards.accept', { id: h.id });
    expect(h.status).toBe('closed');
    expect(h.majorActions).toEqual([]); // nothing more to record on a closed hazard
    await refused(() => w.so('hazards.majorReport', { id: h.id, reportedDate: found, ...REPORT }), 'CONFLICT');

    const actions = eventRows(h.id).map((x) => x.action);
    expect(actions).toEqual(['report', 'confirm', 'assign', 'start', 'submit', 'majorReport', 'majorSupervise', 'majorEvaluate', 'reject', 'submit', 'majorEvaluate', 'accept']);
    const audits = auditRows(h.id).filter((x) => x.action.startsWith('major'));
    expect(audits.map((x) => x.action)).toEqual(['majorReport', 'majorSupervise', 'majorEvaluate', 'majorEvaluate']);
    expect(JSON.parse(audits[0]!.after!).major.reportDocNo).toBe(REPORT.docNo);
    expect(audits[0]!.actor_name).toBe('赵安全');
  });

  it('a general hazard has no major records; a major one is voided by an administrator only', async () => {
    const w = await world();
    const general = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'confirmed');
    expect(general.major).toBeNull();
    expect(general.majorActions).toEqual([]);
    await refused(() => w.so('hazards.majorReport', { id: general.id, reportedDate: today(), ...REPORT }), 'CONFLICT');
    const major = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'confirmed', { grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    // the safety officer may void a general hazard, not a major one
    expect((await w.so('hazards.get', { id: major.id })).allowedActions).not.toContain('cancel');
    await refused(() => w.so('hazards.cancel', { id: major.id, kind: 'invalid', reason: '误报' }), 'FORBIDDEN', 'major_admin');
    expect((await w.admin('hazards.get', { id: major.id })).allowedActions).toContain('cancel');
    expect((await w.admin('hazards.cancel', { id: major.id, kind: 'invalid', reason: '经核实不构成重大隐患' })).status).toBe('cancelled');
    expect((await w.so('hazards.cancel', { id: general.id, kind: 'invalid', reason: '误报' })).status).toBe('cancelled');
  });
});

describe('documents and records a new user tripped over', () => {
  it('the rectification notice exists once the 五落实 are assigned, never for a voided hazard', async () => {
    const w = await world();
    const h = await w.admin('hazards.report', reportInput());
    expect((await refused(() => w.admin('hazards.noticePdf', { id: h.id }), 'CONFLICT')).message).toBe('err.hazard.noticeNotYet');
    await drive(w, h.id, 'confirmed');
    expect((await errorOf(w.admin('hazards.noticePdf', { id: h.id }))).message).toBe('err.hazard.noticeNotYet');
    await drive(w, h.id, 'assigned');
    expect((await w.admin('hazards.noticePdf', { id: h.id })).fileName).toMatch(/^整改通知单-YH-/);
    await w.admin('hazards.cancel', { id: h.id, kind: 'invalid', reason: '误报' });
    expect((await errorOf(w.admin('hazards.noticePdf', { id: h.id }))).message).toBe('err.hazard.noticeCancelled');
  });

  it('a discovery date before 2000 is refused (no serial used); a date years back is taken with that year', async () => {
    const w = await world();
    const e = await refused(() => w.admin('hazards.report', reportInput({ foundAt: '1999-12-31T09:00' })), 'VALIDATION');
    expect(e.details?.issues).toEqual([{ path: 'foundAt', message: 'v.foundTooOld' }]);
    const h = await w.admin('hazards.report', reportInput({ foundAt: '2000-01-01T09:00' }));
    expect(h.serial).toBe('YH-2000-0001');
  });

  it('after-photos carry their submission round: the rejected round and the accepted one are told apart', async () => {
    const w = await world();
    let h = await drive(w, (await w.admin('hazards.report', reportInput())).id, 'submitted');
    const first = h.photos.filter((p) => p.phase === 'after').map((p) => p.id);
    h = await w.so('hazards.reject', { id: h.id, reason: '防护不到位' });
    // the previous note and funds stay on the record (the resubmit dialog starts from them)
    expect(h).toMatchObject({ rectificationNote: '已按措施整改', actualFunds: 100000 });
    await new Promise((r) => setTimeout(r, 5));
    const a = await w.admin('attachments.upload', { fileName: 'after-2.png', dataBase64: b64(await png()) });
    h = await w.admin('hazards.submit', { id: h.id, actualFunds: 1100, rectificationNote: '加装防护罩', afterPhotoIds: [a.id] });
    expect(h.photoRounds).toEqual({ [first[0]!]: 1, [a.id]: 2 });
    h = await w.so('hazards.accept', { id: h.id });
    const pdf = await w.admin('hazards.acceptancePdf', { id: h.id });
    expect(pdf.fileName).toMatch(/^验收记录-/);
  });

  it('the printed ledger: a PDF of the current filter, refused beyond its bound', async () => {
    const w = await world();
    await w.admin('hazards.report', reportInput({ description: '灭火器压力不足' }));
    await w.admin('hazards.report', reportInput({ description: '动火作业未办理作业票' }));
    const f = await w.admin('hazards.ledgerPdf', { search: '灭火器', status: 'all' });
    expect(f.fileName).toMatch(/^隐患台账-.*\.pdf$/);
    expect(f.mime).toBe('application/pdf');
  });
});

describe('the signed statistics table reconciles', () => {
  it('found = closed + cancelled + still open and = general + major + ungraded, for the period; other bases are labelled', async () => {
    const { statsSummary, statsRowsWithTotal } = await import('../../electron/core/hazards/documents/text');
    const w = await world();
    const year = Number(today().slice(0, 4));
    const now = `${today()}T00:01`;
    const rep = (o: Partial<ChannelInput<'hazards.report'>> = {}) => w.admin('hazards.report', reportInput({ foundAt: now, ...o }));
    await rep(); // reported, ungraded
    await drive(w, (await rep()).id, 'cancelled'); // cancelled before grading
    await drive(w, (await rep()).id, 'closed');
    await drive(w, (await rep({ orgUnitId: w.wsA.id })).id, 'rectifying', { grade: 'major', lec: { l: 6, e: 6, c: 40 } });
    await drive(w, (await rep({ orgUnitId: w.wsB.id })).id, 'confirmed');
    // found last year, closed this year: counted among "closed in the period", labelled as such, not among the found
    await drive(w, (await rep({ foundAt: `${year - 1}-06-01T09:00` })).id, 'closed');
    const s = await w.admin('hazards.stats', { year });
    const { total } = statsRowsWithTotal(s);
    const text = statsSummary(s, total).replace(/\s+/g, '');
    const n = (re: RegExp) => {
      const m = re.exec(text);
      expect(m, `${re} in ${text}`).not.toBeNull();
      return m!.slice(1).map(Number);
    };
    const [found, general, major, ungraded] = n(/本期共排查发现隐患(\d+)项，其中一般隐患(\d+)项、重大隐患(\d+)项、尚未定级(\d+)项。/);
    const [closed, cancelled, open] = n(/本期发现的隐患已整改销号(\d+)项，作废(\d+)项，尚未销号(\d+)项/);
    const [rectifying, waiting] = n(/整改中(\d+)项，待确认或待分派(\d+)项/);
    expect({ found, general, major, ungraded, closed, cancelled, open, rectifying, waiting }).toEqual({
      found: 5, general: 2, major: 1, ungraded: 2, closed: 1, cancelled: 1, open: 3, rectifying: 1, waiting: 2,
    });
    expect(found).toBe(closed! + cancelled! + open!);
    expect(found).toBe(general! + major! + ungraded!);
    expect(open).toBe(rectifying! + waiting!);
    // the table's 合计 holds the same period figures
    expect(total).toMatchObject({ found, general, major, ungraded, closed, rectifying });
    for (const r of s.table) expect(r.general + r.major + r.ungraded, r.workshop).toBe(r.found);
    // the printed table: its 未定级 column makes every line and the 合计 add up
    const { renderStatsTable } = await import('../../electron/core/hazards/documents/pdf');
    const enterprise = { name: '测试化工有限公司' } as Parameters<typeof renderStatsTable>[1]['enterprise'];
    const pdf = await renderStatsTable(s, { enterprise });
    const { execFileSync } = await import('node:child_process');
    const file = path.join(fs.mkdtempSync(path.join((await import('node:os')).tmpdir(), 'ankang-stats-')), 'stats.pdf');
    fs.writeFileSync(file, pdf);
    const raw = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    expect(raw).toMatch(/一般隐患\s+重大隐患\s+未定级\s+已整改销号/);
    const line = raw.split('\n').find((l) => l.replace(/\s+/g, '').startsWith('合计'))!;
    expect(line.replace(/^\s*合\s*计/, '').trim().split(/\s+/).slice(0, 4).map(Number)).toEqual([found, general, major, ungraded]);
    // the carried-over closure: on another base, and said so
    const [closedInPeriod] = n(/本期内销号的隐患（含以前期间发现的）共(\d+)项/);
    expect(closedInPeriod).toBe(2);
  });
});
