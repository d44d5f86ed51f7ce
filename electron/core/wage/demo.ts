// The demo's skill-level wage (issue 9, "Demo data"): a year of safe production time for every active worker (most
// months near the standard 174 hours; annual, sick and maternity leave; the month a worker joined counted from the
// hire date), behaviour records through the year (violations and good acts with the form's categories, a few of a
// whole team) and two accidents (a near miss and a minor injury).
//
// Everything in one transaction, by the safety officer, every input parsed by its channel's own schema (the months of
// time once for each distinct figure). The accidents go
// through the records service; the behaviour records are written as that service writes them (the same row, the same
// audit entry) with cached statements; the months of time — about 600,000 rows for the large demo — with one prepared
// statement and one audit entry per month, action 'import', with the month's row count and hours (the service's path
// that an import takes, a read and an audit entry per row, would take a minute there). Deterministic for a seed and a
// today (apart from ids and times).
import { randomFillSync } from 'node:crypto';
import type { z } from 'zod';
import { behaviourInput, accidentInput, timekeepingSave } from '../../../shared/wage/records/schemas';
import { BEHAVIOUR_CATEGORY_HINTS, BEHAVIOUR_USUAL_POINTS, WAGE_RECORDERS, type Behaviour, type BehaviourKind } from '../../../shared/wage/records/types';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { AppError } from '../../../shared/result';
import { holdsAnyRole } from '../../../shared/roster/roles';
import { writeAudit, type Actor } from '../audit';
import type { Core, Session } from '../core';
import type { Store } from '../db/store';
import { rng } from '../demo';
import { progressReporter, type CallOptions } from '../kernel/jobs';
import { findOperator } from '../operators/service';
import { nowIso, todayLocal } from '../util';
import { createAccident } from './records/service';

export interface DemoWageOptions extends CallOptions {
  seed?: number;
  /** the demo's today (default: this machine's); the year of time ends with the month before it */
  today?: string;
}

export interface DemoWageResult {
  /** the months of time, 'YYYY-MM', oldest first */
  periods: string[];
  timekeeping: number;
  behaviour: number;
  accidents: number;
}

/** the standard month: 21.75 working days × 8 hours (劳社部发〔2008〕3号) */
export const STANDARD_MONTH_HOURS = 174;

/** the points a category carries (violations below zero): the ones the form offers */
const CATEGORY_POINTS = BEHAVIOUR_USUAL_POINTS;
/** how often each category happens, relatively */
const CATEGORY_WEIGHT: Record<string, number> = {
  未戴安全帽: 10,
  未系安全带: 4,
  违章动火: 1,
  违章指挥: 1,
  脱岗睡岗: 2,
  采纳安全建议: 6,
  制止违章: 5,
  发现重大隐患: 1,
  参与应急处置: 2,
};
/** the notes a recorder writes */
const NOTES: Record<string, readonly string[]> = {
  未戴安全帽: ['巡检时未戴安全帽，班长当场纠正', '进入装置区未戴安全帽，安全员检查发现', '在操作平台作业时摘下安全帽'],
  未系安全带: ['二层平台高处作业未系安全带', '登高检修时安全带未挂牢', '管廊上作业未使用安全带'],
  违章动火: ['未办理动火作业票即进行焊接', '动火作业前未进行气体检测', '动火点监护人不在现场'],
  违章指挥: ['安排未持证人员进入有限空间作业', '检修未挂牌上锁即安排作业', '强令职工冒险作业'],
  脱岗睡岗: ['夜班巡检期间脱岗', '夜班值守时睡岗，被查岗发现', '交接班前提前离岗'],
  采纳安全建议: ['提出罐区装卸台增设防溢堤的建议被采纳', '提出改进巡检路线的建议被采纳', '提出更换老旧阀门的建议被采纳'],
  制止违章: ['制止外来施工人员未戴安全帽进入装置区', '制止同事违章跨越输送带', '制止未办票进入受限空间'],
  发现重大隐患: ['巡检发现反应釜安全阀铅封损坏并及时上报', '发现罐区可燃气体报警器失灵并及时上报', '发现管线法兰严重腐蚀渗漏并及时上报'],
  参与应急处置: ['参与物料泄漏应急处置，处置及时', '参与初起火情扑救', '参与应急演练中表现突出'],
};
const TEAM_NOTES: Record<string, string> = {
  违章动火: '班组检修期间未办理动火作业票即动火，全班考核',
  脱岗睡岗: '夜班查岗时全班多人脱岗，班组考核',
  参与应急处置: '班组成功处置物料泄漏险情，集体嘉奖',
  采纳安全建议: '班组“手指口述”操作法被公司推广',
};

const pad2 = (n: number) => String(n).padStart(2, '0');
/** the twelve months ending with the month before `today` */
export function demoPeriods(today: string): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7)) - 1;
  const out: string[] = [];
  for (let k = 0; k < 12; k++) {
    if (m === 0) {
      m = 12;
      y--;
    }
    out.unshift(`${y}-${pad2(m)}`);
    m--;
  }
  return out;
}
const daysIn = (p: string) => new Date(Date.UTC(Number(p.slice(0, 4)), Number(p.slice(5, 7)), 0)).getUTCDate();
/** hours rounded to the half hour */
const half = (h: number) => Math.round(h * 2) / 2;
const shiftDays = (d: string, n: number) => new Date(Date.parse(d) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * UUIDv7 ids (as util.ts uuidv7 makes them: the time in ms, a 12-bit counter, random bits) for a bulk write, the random
 * bits drawn 64 KiB at a time: one crypto call per id cost the large demo more than its 600,000 inserts.
 */
export function bulkIds(): () => string {
  let ms = Date.now();
  let seq = 0;
  const pool = Buffer.alloc(65_536);
  let at = pool.length;
  return () => {
    if (++seq > 0xfff) {
      seq = 0;
      ms = Math.max(ms + 1, Date.now());
    }
    if (at + 16 > pool.length) {
      randomFillSync(pool);
      at = 0;
    }
    const b = pool.subarray(at, at + 16);
    at += 16;
    b.writeUIntBE(ms, 0, 6);
    b[6] = 0x70 | ((seq >> 8) & 0x0f);
    b[7] = seq & 0xff;
    b[8] = (b[8]! & 0x3f) | 0x80;
    const h = b.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

interface DemoWorker {
  id: string;
  empNo: string;
  name: string;
  hireDate: string | null;
  teamId: string | null;
}

/**
 * The records of a demo store (after generateDemo and the congress). One transaction; refuses a store that already has
 * wage records.
 */
export function generateDemoWage(store: Store, opts: DemoWageOptions = {}): DemoWageResult {
  const job = progressReporter(opts);
  job.report(0, 1, 'demo.wage', true);
  const r = rng(opts.seed ?? 20261201);
  const today = opts.today ?? todayLocal();
  const periods = demoPeriods(today);
  const result = store.tx(() => {
    if (store.get(`SELECT 1 FROM wage_timekeeping UNION ALL SELECT 1 FROM wage_behaviour UNION ALL SELECT 1 FROM wage_accidents LIMIT 1`)) {
      throw new AppError('CONFLICT', 'err.demo.notEmpty');
    }
    // the recorder: the demo's safety officer (any operator who may enter the records, else the administrator)
    const ops = store
      .all<{ id: string }>(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.is_admin, w.emp_no`)
      .map((o) => findOperator(store, o.id)!)
      .filter((o) => holdsAnyRole(o, WAGE_RECORDERS));
    const op = ops.find((o) => o.roles.includes('safety_officer')) ?? ops[0];
    if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
    const actor: Actor = { id: op.id, name: op.name };

    const workers = store.all<DemoWorker>(
      `SELECT id, emp_no AS empNo, name, hire_date AS hireDate, team_id AS teamId FROM workers WHERE deleted_at IS NULL AND status = 'active' ORDER BY emp_no`,
    );
    const total = workers.length * periods.length;

    // ---- safe production time: a year per worker
    const now = nowIso();
    const ins = store.stmt(
      `INSERT INTO wage_timekeeping (id, worker_id, period, hours, shifts, source, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const perMonth = new Map<string, { rows: number; hours: number }>(periods.map((p) => [p, { rows: 0, hours: 0 }]));
    const newId = bulkIds();
    const checked = new Map<string, z.output<typeof timekeepingSave>>();
    const monthDays = new Map(periods.map((p) => [p, daysIn(p)]));
    let rows = 0;
    let done = 0;
    for (const w of workers) {
      // a worker on long leave once in the year (sick or maternity), and each one's usual overtime
      const longLeave = r() < 0.02 ? Math.floor(r() * periods.length) : -1;
      const overtime = r() < 0.3 ? 4 + Math.floor(r() * 9) : 0;
      for (const [k, p] of periods.entries()) {
        done++;
        if ((done & 4095) === 0) job.report(done, total, 'demo.wage');
        const days = monthDays.get(p)!;
        const last = `${p}-${pad2(days)}`;
        if (w.hireDate && w.hireDate > last) continue; // not yet on the roster
        let hours = STANDARD_MONTH_HOURS + overtime + (r() * 12 - 6);
        let note: string | null = null;
        if (w.hireDate && w.hireDate >= `${p}-01`) {
          // joined this month: the days from the hire date on
          hours = (STANDARD_MONTH_HOURS * (days - Number(w.hireDate.slice(8, 10)) + 1)) / days;
          note = `${Number(w.hireDate.slice(5, 7))} 月 ${Number(w.hireDate.slice(8, 10))} 日入职`;
        } else if (k === longLeave) {
          const off = 8 + Math.floor(r() * 14);
          hours = Math.max(8, STANDARD_MONTH_HOURS - off * 8);
          note = r() < 0.3 ? `产假 ${off} 天` : `病假 ${off} 天`;
        } else if (r() < 0.07) {
          const off = 2 + Math.floor(r() * 6);
          hours -= off * 8;
          note = `年休假 ${off} 天`;
        }
        // the channel's checks, once for each distinct month's figures (the worker is the roster's own)
        const h = half(hours);
        const key = `${p}|${h}|${note ?? ''}`;
        let d = checked.get(key);
        if (!d) checked.set(key, (d = timekeepingSave.parse({ workerId: w.id, period: p, hours: h, shifts: Math.round(h / 8), note })));
        ins.run(newId(), w.id, d.period, d.hours, d.shifts, 'import', d.note, now, now);
        const m = perMonth.get(p)!;
        m.rows++;
        m.hours += d.hours!;
        rows++;
      }
    }
    // one audit entry per month: the rows written and their hours
    for (const [p, m] of perMonth) {
      if (m.rows === 0) continue;
      writeAudit(store, actor, { entity: 'wage_timekeeping', entityId: p, action: 'import', after: { period: p, rows: m.rows, hours: half(m.hours) }, reason: '演示数据' }, now);
    }

    // ---- behaviour records through the year: about one violation in seven workers and one good act in five
    const from = `${periods[0]}-01`;
    const spanDays = Math.max(1, Math.round((Date.parse(today) - Date.parse(from)) / 86_400_000));
    const dateIn = () => shiftDays(from, Math.floor(r() * spanDays));
    const weighted = (kind: BehaviourKind) => {
      const cats = BEHAVIOUR_CATEGORY_HINTS[kind];
      const sum = cats.reduce((a, c) => a + CATEGORY_WEIGHT[c]!, 0);
      let x = r() * sum;
      for (const c of cats) if ((x -= CATEGORY_WEIGHT[c]!) < 0) return c;
      return cats.at(-1)!;
    };
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
    const planned: { date: string; workerId: string | null; teamId: string | null; kind: BehaviourKind; category: string; note: string }[] = [];
    const counts: Record<BehaviourKind, number> = { violation: Math.round(workers.length / 7), good_act: Math.round(workers.length / 5) };
    for (const kind of ['violation', 'good_act'] as const) {
      for (let i = 0; i < counts[kind]; i++) {
        const w = workers[Math.floor(r() * workers.length)]!;
        const category = weighted(kind);
        planned.push({ date: dateIn(), workerId: w.id, teamId: null, kind, category, note: pick(NOTES[category]!) });
      }
    }
    // a few of a whole team
    const teams = store.all<{ id: string }>(`SELECT id FROM org_units WHERE kind = 'team' AND deleted_at IS NULL ORDER BY sort_order, name, id`);
    for (const category of Object.keys(TEAM_NOTES)) {
      for (let i = 0; i < 2 && teams.length > 0; i++) {
        const kind: BehaviourKind = CATEGORY_POINTS[category]! < 0 ? 'violation' : 'good_act';
        planned.push({ date: dateIn(), workerId: null, teamId: pick(teams).id, kind, category, note: TEAM_NOTES[category]! });
      }
    }
    planned.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    // the service's row and audit entry (records/service.ts createBehaviour), written with cached statements: the large
    // demo's 16,000 records would take seconds one service call at a time
    const insB = store.stmt(
      `INSERT INTO wage_behaviour (id, date, worker_id, team_id, kind, category, points, note, evidence_id, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    const teamName = new Map(store.all<{ id: string; name: string }>(`SELECT id, name FROM org_units WHERE kind = 'team'`).map((t) => [t.id, t.name]));
    const byId = new Map(workers.map((w) => [w.id, w]));
    for (const [i, b] of planned.entries()) {
      if ((i & 255) === 0) job.report(total, total, 'demo.wage');
      const points = b.teamId ? CATEGORY_POINTS[b.category]! * 2 : CATEGORY_POINTS[b.category]!;
      const d = behaviourInput.parse({ ...b, points });
      const id = newId();
      insB.run(id, d.date, d.workerId, d.teamId, d.kind, d.category, d.points, d.note, actor.id, actor.name, now, now);
      const w = d.workerId ? byId.get(d.workerId)! : null;
      const after: Behaviour = {
        id,
        date: d.date,
        workerId: d.workerId,
        empNo: w?.empNo ?? null,
        workerName: w?.name ?? null,
        teamId: d.teamId,
        teamName: d.teamId ? (teamName.get(d.teamId) ?? null) : null,
        kind: d.kind,
        category: d.category,
        points: d.points,
        note: d.note,
        evidenceId: null,
        enteredBy: actor.name,
        updatedAt: now,
        deletedAt: null,
      };
      writeAudit(store, actor, { entity: 'wage_behaviour', entityId: id, action: 'create', after }, now);
    }

    // ---- two accidents: a near miss and a minor injury (the one a veto of the adopted scheme applies to), each in its
    // workshop's first team, on a day of a month of the year
    const crew = (workshop: string) => {
      const team = store.get<{ id: string }>(
        `SELECT t.id FROM org_units t JOIN org_units ws ON ws.id = t.parent_id WHERE t.kind = 'team' AND t.deleted_at IS NULL AND ws.name = ? ORDER BY t.sort_order, t.name, t.id LIMIT 1`,
        [workshop],
      );
      const teamId = team?.id ?? null;
      return { teamId, workerIds: teamId ? workers.filter((w) => w.teamId === teamId).map((w) => w.id) : [] };
    };
    const dayOf = (p: string, day: number) => {
      const d = `${p}-${pad2(Math.min(day, daysIn(p)))}`;
      return d < today ? d : shiftDays(today, -1);
    };
    const tankCrew = crew('储运车间');
    const repair = crew('机修车间');
    const accidents = [
      {
        date: dayOf(periods[4]!, 17),
        place: '储运车间甲醇罐区装卸台',
        severity: 'near_miss' as const,
        description: '槽车装卸时鹤管快速接头脱开，少量甲醇溅出，现场人员及时关闭阀门，未造成伤害。',
        teamId: tankCrew.teamId,
        workerIds: tankCrew.workerIds.slice(0, 2),
      },
      {
        date: dayOf(periods[periods.length - 3]!, 9),
        place: '机修车间检修工位',
        severity: 'minor_injury' as const,
        description: '钳工更换泵体密封时扳手打滑，左手擦伤，经厂医务室处理后休息两天。',
        teamId: repair.teamId,
        workerIds: repair.workerIds.slice(0, 1),
      },
    ];
    for (const a of accidents) createAccident(store, op, actor, accidentInput.parse(a));
    return { periods, timekeeping: rows, behaviour: planned.length, accidents: accidents.length };
  });
  job.report(1, 1, 'demo.wage', true);
  return result;
}

// ---------------------------------------------------------------------------------------------------------
// The scheme and the runs: through the dispatch, as the screens make them

export interface DemoWagePlanResult {
  /** the adopted version (effective from January) and the draft copy with changed weights */
  adoptedId: string;
  draftId: string;
  /** a calculated, reviewed and approved run for each past month of this year */
  runs: { period: string; id: string; workers: number; totalFen: number }[];
  /** the second runner who reviews the runs (an approval needs an operator other than the reviewer) */
  reviewer: string;
  /** operators added (the reviewer, unless already one) */
  operatorsAdded: number;
}

/** The demo scheme's name for the year and the draft's */
export const demoSchemeName = (year: number) => `${year}年度安全生产能级工资方案`;
export const demoDraftName = (year: number) => `${year + 1}年度安全生产能级工资方案（讨论稿）`;
/** the second union officer, by employee number: reviews the runs the chair approves */
export const DEMO_REVIEWER_EMP_NO = 'AK000005';

type Call = <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
function caller(core: Core): Call & { session: Session } {
  const session: Session = { operatorId: null };
  const call = async <K extends ChannelName>(channel: K, input: ChannelInput<K>): Promise<ChannelOutput<K>> => {
    const r = await core.dispatch(channel, input, session);
    if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details);
    return r.value as ChannelOutput<K>;
  };
  return Object.assign(call, { session });
}

/**
 * After generateDemoWage: the year's scheme — made from the catalogue's four indicators, adopted by the vote on item 4
 * of last year's congress session and effective from 1 January — a draft copy for next year with other
 * weights, and a calculated, reviewed and approved run for each past month of this year. Every step through the
 * channels as an operator (the union chair; a second union officer reviews), so the lifecycle's and the runs' own
 * rules apply and every change is audited.
 *
 * The adoption: the congress demo called with leaveWageVote leaves last year's session in session before its item 4
 * (能级工资); the scheme is put to that item, the item voted on (passed), the vote recorded on the scheme — adopted on
 * the session's date — the item's resolution written and the session closed. A store whose session was closed without
 * that (the congress demo's default) gets an adoption recorded elsewhere, the session's resolution its document.
 */
export async function generateDemoWagePlan(core: Core, opts: CallOptions & { today?: string } = {}): Promise<DemoWagePlanResult> {
  const job = progressReporter(opts);
  const today = opts.today ?? todayLocal();
  const Y = Number(today.slice(0, 4));
  const store = core.store;
  if (store.get(`SELECT 1 FROM wage_schemes WHERE deleted_at IS NULL`)) throw new AppError('CONFLICT', 'err.demo.notEmpty');
  const months = Number(today.slice(5, 7)) - 1;
  job.report(0, months + 1, 'demo.wagePlan', true);

  // the chair (the demo's administrator and union officer) and a second union officer to review
  const chair = caller(core);
  const adminId = store.get<{ id: string }>(
    `SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.is_admin = 1 AND o.deleted_at IS NULL ORDER BY w.emp_no LIMIT 1`,
  )?.id;
  if (!adminId) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
  await chair('session.signIn', { operatorId: adminId });
  const rw = store.get<{ id: string }>(`SELECT id FROM workers WHERE emp_no = ? AND deleted_at IS NULL`, [DEMO_REVIEWER_EMP_NO]);
  if (!rw) throw new AppError('NOT_FOUND', 'err.worker.notFound', { id: DEMO_REVIEWER_EMP_NO });
  const w = await chair('workers.get', { id: rw.id });
  await chair('workers.update', {
    id: w.id,
    data: {
      empNo: w.empNo,
      name: w.name,
      gender: w.gender,
      idCard: w.idCard,
      phone: w.phone,
      orgUnitId: w.orgUnitId,
      post: w.post,
      hireDate: w.hireDate,
      skillGrade: w.skillGrade,
      status: 'active',
      roles: [...w.roles, 'union_officer'],
      isRepresentative: w.isRepresentative,
      isFrontline: w.isFrontline,
      isManager: w.isManager,
      certType: w.certType,
      certNo: w.certNo,
      certExpiry: w.certExpiry,
      hazardFactors: w.hazardFactors,
    },
  });
  let reviewerOp = store.get<{ id: string }>(`SELECT id FROM operators WHERE worker_id = ? AND deleted_at IS NULL`, [w.id])?.id;
  const operatorsAdded = reviewerOp ? 0 : 1;
  if (!reviewerOp) reviewerOp = (await chair('operators.add', { workerId: w.id, isAdmin: false, pin: null })).id;
  const reviewer = caller(core);
  await reviewer('session.signIn', { operatorId: reviewerOp });

  // ---- the year's scheme: the catalogue's four indicators, 5 元 a point, at most 600 元, a veto from a minor injury
  const made = await chair('wage.schemeCreate', { name: demoSchemeName(Y), codes: ['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS'], note: null });
  const content = structuredClone(made.content);
  content.money = { kind: 'pointValue', fenPerPoint: 500 };
  content.totalCapFen = 60_000;
  content.veto = { severities: ['minor_injury', 'serious_injury', 'death'], team: false };
  content.proRata = true;
  const weights: Record<string, number> = { SKILL: 30, SAFE_TIME: 30, BEHAVIOUR: 20, HAZARDS: 20 };
  for (const i of content.indicators) i.weightPct = weights[i.code] ?? i.weightPct;
  const scheme = await chair('wage.schemeUpdate', {
    id: made.id,
    name: made.name,
    note: '安全技能等级、安全生产时长、安全行为、隐患排查四项指标，点值 5 元/分，每人每月最高 600 元；发生轻伤及以上事故的当事人当月安全类指标一票否决。',
    content,
  });
  // put to last year's session as its item 4 (能级工资) and adopted by the vote — when the congress demo left that item
  // open (leaveWageVote); otherwise adopted with that session's resolution as the document
  const open = store.get<{ itemId: string; sessionId: string }>(
    `SELECT i.id AS itemId, cs.id AS sessionId FROM congress_agenda_items i JOIN congress_sessions cs ON cs.id = i.session_id
     WHERE i.template_key = 'wage' AND i.deleted_at IS NULL AND cs.status = 'in_session' AND cs.deleted_at IS NULL AND cs.date < ?
       AND NOT EXISTS (SELECT 1 FROM congress_votes v WHERE v.item_id = i.id AND v.deleted_at IS NULL)
     ORDER BY cs.date DESC LIMIT 1`,
    [today],
  );
  if (open) {
    await chair('wage.schemeAction', { id: scheme.id, action: 'propose', agendaItemId: open.itemId });
    // nearly every representative present votes yes, as on the session's other passed items
    const present = (await chair('congress.attendance', { sessionId: open.sessionId, q: null })).rows.filter((r) => r.status === 'present').length;
    const opened = await chair('congress.voteOpen', { itemId: open.itemId });
    const vote = opened.agenda.find((i) => i.id === open.itemId)!.votes.at(-1)!;
    await chair('congress.voteCount', { id: vote.id, counts: { issued: present, yes: present - 3, no: 1, abstain: 1, invalid: 1 } });
    await chair('congress.voteAnnounce', { id: vote.id });
    await chair('wage.schemeAction', { id: scheme.id, action: 'recordVote' });
    await chair('congress.agendaRecord', {
      id: open.itemId,
      summary: `就安全生产“能级工资”方案进行专题协商，方案以安全技能等级、安全生产时长、安全行为和隐患排查四项指标计分，点值 5 元/分，经表决通过。`,
      resolution: `通过《${demoSchemeName(Y)}》，自 ${Y} 年 1 月 1 日起执行，由人力资源部会同工会组织落实。`,
    });
    await chair('congress.sessionStep', { id: open.sessionId, action: 'close' });
  } else {
    const past = store.get<{ date: string; seq: number; number: number }>(
      `SELECT cs.date, cs.seq, t.number FROM congress_agenda_items i JOIN congress_sessions cs ON cs.id = i.session_id JOIN congress_terms t ON t.id = cs.term_id
       JOIN congress_votes v ON v.item_id = i.id AND v.status = 'announced' AND v.verdict = 'passed' AND v.deleted_at IS NULL
       WHERE i.template_key = 'wage' AND i.deleted_at IS NULL AND cs.status = 'closed' AND cs.deleted_at IS NULL ORDER BY cs.date DESC LIMIT 1`,
    );
    const docNo = past ? `第${past.number}届职代会第${past.seq}次会议决议（议程第4项）` : `安康工〔${Y - 1}〕18号`;
    await chair('wage.schemeAction', { id: scheme.id, action: 'adoptElsewhere', docNo, date: past?.date ?? `${Y - 1}-12-20` });
  }
  const adopted = await chair('wage.schemeAction', { id: scheme.id, action: 'makeEffective', effectiveFrom: `${Y}-01-01` });

  // ---- next year's draft: a copy with more weight on behaviour and hazards, the team vetoed too
  const copy = await chair('wage.schemeAction', { id: adopted.id, action: 'copy', name: demoDraftName(Y) });
  const next = structuredClone(copy.content);
  const nextWeights: Record<string, number> = { SKILL: 25, SAFE_TIME: 25, BEHAVIOUR: 25, HAZARDS: 25 };
  for (const i of next.indicators) i.weightPct = nextWeights[i.code] ?? i.weightPct;
  next.veto = { ...next.veto, team: true };
  const draft = await chair('wage.schemeUpdate', {
    id: copy.id,
    name: copy.name,
    note: '工会提出的修改稿：四项指标权重均为 25%，一票否决扩大到事故班组，供下一轮集体协商测算。',
    content: next,
  });

  // ---- a run for each past month of this year: calculated and approved by the chair, reviewed by the second officer
  const runs: DemoWagePlanResult['runs'] = [];
  for (let m = 1; m <= months; m++) {
    const period = `${Y}-${pad2(m)}`;
    const run = await chair('wage.runCalculate', { period });
    await reviewer('wage.runReview', { id: run.id });
    const ok = await chair('wage.runApprove', { id: run.id });
    runs.push({ period, id: ok.id, workers: ok.workers, totalFen: ok.totalFen });
    job.report(m, months + 1, 'demo.wagePlan');
  }
  job.report(months + 1, months + 1, 'demo.wagePlan', true);
  return { adoptedId: adopted.id, draftId: draft.id, runs, reviewer: w.name, operatorsAdded };
}
