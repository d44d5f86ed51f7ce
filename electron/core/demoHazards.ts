// Demo hazards: a realistic ledger for the demo and the benchmark.
// Hazards are found over the last years in time order, so serials (YH-YYYY-NNNN) follow the found time within
// each year; finders come from the whole roster; the store's operators take every step the workflow allows them
// (shared/hazards/rules refusal()); descriptions are composed from parts (10–300 characters); only the recent
// hazards and a few stalled ones are still open; the major ones (重大隐患) carry their report to the authority, some a
// 挂牌督办, the closed ones a passed evaluation (see majorRecord). Deterministic for a seed (apart from today's date).
import {
  DEFAULT_HAZARD_RULES,
  HAZARD_CATEGORIES,
  LEC_C,
  LEC_E,
  LEC_L,
  addDays,
  dueDate,
  lecScore,
  refusal,
  riskColor,
  serialNumber,
  type HazardAction,
  type HazardRules,
  type HazardStatus,
  type MajorAction,
} from '../../shared/hazards/rules';
import type { HazardMajor } from '../../shared/hazards/types';
import type { CommitteeRole } from '../../shared/roster/roles';
import { AppError } from '../../shared/result';
import { appendAudit, SYSTEM_ACTOR } from './audit';
import type { Store } from './db/store';
import { rng } from './demo';
import { progressReporter, type CallOptions } from './kernel/jobs';
import { getSetting } from './app/settings';
import { nowIso, todayLocal, uuidv7 } from './util';

import {
  ACC_WORDS,
  ACCEPT_COMMENTS,
  AUTHORITIES,
  CAUSES,
  COMMON_PLACES,
  type Defect,
  DEFECTS,
  DETAILS,
  EQUIPMENT,
  EVAL_CONCLUSIONS,
  EXPERT_PANELS,
  EXTRA_MEASURES,
  INTERIM,
  LEADS,
  NOTES,
  OUTDOOR_PLACES,
  REMARKS,
  SOURCES,
  SUPERVISORS,
  THIRD_PARTIES,
  WHYS,
  WORKSHOP_PLACES,
} from './demoHazardWords';

// ---------------------------------------------------------------------------------------------------------

export interface DemoHazardResult {
  hazards: number;
}

export interface DemoHazardOptions extends CallOptions {
  seed?: number;
  /** the hazards are found over this many days up to today (default three years) */
  spanDays?: number;
  /**
   * Commit every this many hazards (default: one transaction). Each commit keeps the page cache small and
   * lets SQLite checkpoint the WAL; an interrupted run keeps the batches already written.
   */
  batchSize?: number;
}

type Op = { id: string; workerId: string; name: string; roles: CommitteeRole[]; isAdmin: boolean };
type Wk = { id: string; ws: string | null; team: string | null; leader: boolean; safety: boolean };

/** the hazard text indexes (migration 002), built once per batch instead of row by row — see Store.bulkInsert */
const FTS_TRIGGERS = ['hazards_fts_ai', 'hazards_grams_ai'];
const STEPS = ['confirm', 'assign', 'start', 'submit', 'accept'] as const;
const REACHED: readonly HazardStatus[] = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** a major hazard with nothing recorded yet (queries.ts majorOf of a missing row) */
const NO_MAJOR: HazardMajor = {
  reportedDate: null, reportBody: null, reportDocNo: null, reportSummary: null, supervised: false, supervisionBody: null, supervisionDocNo: null,
  supervisionDate: null, evaluationDate: null, evaluatorKind: null, evaluator: null, evaluationConclusion: null, evaluationPassed: null,
};

/** Adds `count` hazards found over the last years (see the file comment). */
export function generateDemoHazards(store: Store, count: number, opts: DemoHazardOptions = {}): DemoHazardResult {
  if (!Number.isInteger(count) || count < 0) throw new AppError('VALIDATION', 'count must be a whole number ≥ 0');
  const r = rng(opts.seed ?? 7);
  const job = progressReporter(opts);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const weighted = <T>(a: readonly { v: T; w: number }[]) => {
    const total = a.reduce((s, x) => s + x.w, 0);
    return () => {
      let x = r() * total;
      for (const e of a) if ((x -= e.w) < 0) return e.v;
      return a[a.length - 1]!.v;
    };
  };
  const normal = () => Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r());
  const fill = (s: string) =>
    s
      .replace('{nnn}', () => String(100 + Math.floor(r() * 900)))
      .replace('{nn}', () => String(1 + Math.floor(r() * 40)).padStart(2, '0'))
      .replace('{n}', () => String(1 + Math.floor(r() * 12)))
      .replace('{size}', () => String(pick([25, 50, 80, 100, 150, 200])))
      .replace('{k}', () => String(2 + Math.floor(r() * 20)))
      .replace('{why}', () => pick(WHYS));

  // ---- what the store holds: units, workers, operators, rules
  const units = store.all<{ id: string; ws: string; wsName: string }>(
    `SELECT t.id, t.parent_id AS ws, w.name AS wsName FROM org_units t JOIN org_units w ON w.id = t.parent_id
     WHERE t.kind = 'team' AND t.deleted_at IS NULL AND t.retired_at IS NULL ORDER BY t.sort_order, t.rowid`,
  );
  const workers = store
    .all<{ id: string; ws: string | null; team: string | null; roles: string }>(
      `SELECT id, workshop_id AS ws, team_id AS team, roles FROM workers WHERE deleted_at IS NULL AND status = 'active' ORDER BY rid`,
    )
    .map((w): Wk => ({ id: w.id, ws: w.ws, team: w.team, leader: w.roles.includes('team_leader'), safety: w.roles.includes('safety_officer') }));
  if (count === 0 || units.length === 0 || workers.length === 0) return { hazards: 0 };
  const ops = store
    .all<{ id: string; worker_id: string; name: string; roles: string; is_admin: number }>(
      `SELECT o.id, o.worker_id, w.name, w.roles, o.is_admin FROM operators o JOIN workers w ON w.id = o.worker_id
       WHERE o.deleted_at IS NULL AND w.deleted_at IS NULL AND w.status = 'active' ORDER BY o.created_at, o.id`,
    )
    .map((o): Op => ({ id: o.id, workerId: o.worker_id, name: o.name, roles: JSON.parse(o.roles) as CommitteeRole[], isAdmin: o.is_admin === 1 }));
  const stored = getSetting<Partial<HazardRules>>(store, 'hazard.rules', {});
  const rules: HazardRules = { ...DEFAULT_HAZARD_RULES, ...stored, thresholds: { ...DEFAULT_HAZARD_RULES.thresholds, ...(stored.thresholds ?? {}) } };

  const byWorkshop = new Map<string, Wk[]>();
  const leaders = new Map<string, Wk>();
  for (const w of workers) {
    if (w.ws) (byWorkshop.get(w.ws) ?? byWorkshop.set(w.ws, []).get(w.ws)!).push(w);
    if (w.leader && w.team && !leaders.has(w.team)) leaders.set(w.team, w);
  }
  const inspectors = workers.filter((w) => w.safety);
  const opByWorker = new Map(ops.map((o) => [o.workerId, o]));
  const state = (status: HazardStatus, responsibleId: string | null, submittedBy: string | null) => ({ status, responsibleId, submittedBy });
  const actorOf = (o: Op) => ({ roles: o.roles, isAdmin: o.isAdmin, workerId: o.workerId, operatorId: o.id });
  const FROM: Record<HazardAction, HazardStatus> = { confirm: 'reported', assign: 'confirmed', start: 'assigned', submit: 'rectifying', accept: 'submitted', reject: 'submitted', cancel: 'reported' };
  /** operators allowed to take `action` on this hazard — the same rule the service enforces */
  const allowed = (action: HazardAction, responsibleId: string | null, submittedBy: string | null) =>
    ops.filter((o) => refusal(action, state(FROM[action], responsibleId, submittedBy), actorOf(o)) === null);
  // who usually does what: administrators sign off rarely, the safety officers do most of the work
  const choose = (cands: Op[]) => {
    if (cands.length === 0) return null;
    const worker = cands.filter((o) => !o.isAdmin);
    return worker.length > 0 && r() < 0.85 ? pick(worker) : pick(cands);
  };
  const managers = allowed('confirm', null, null);
  const staffManagers = managers.filter((o) => !o.isAdmin);

  // ---- found times: working days more than weekends, day shift more than night, a little growth over the years
  const span = Math.max(1, opts.spanDays ?? 3 * 365);
  const nowMs = Date.now();
  const now0 = new Date(nowMs);
  const midnights = new Float64Array(span);
  for (let k = 0; k < span; k++) midnights[k] = new Date(now0.getFullYear(), now0.getMonth(), now0.getDate() - k).getTime();
  const found = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    let k: number;
    for (;;) {
      k = Math.floor(r() * span);
      const dow = new Date(midnights[k]!).getDay();
      const weight = (dow === 0 || dow === 6 ? 0.35 : 1) * (0.65 + 0.35 * (1 - k / span));
      if (r() < weight) break;
    }
    const minute = r() < 0.8 ? 8 * 60 + Math.floor(r() * 9.5 * 60) : Math.floor(r() * 1440);
    let t = midnights[k]! + minute * 60_000 + Math.floor(r() * 60) * 1000;
    if (t > nowMs) t = midnights[0]! + Math.floor(r() * (nowMs - midnights[0]!));
    found[i] = t;
  }
  found.sort();

  // the newest few are put in every open state (and one cancelled), so a small demo shows each of them
  const FORCED: readonly (HazardStatus | 'cancelled')[] = ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'cancelled', 'rectifying', 'assigned', 'reported', 'submitted'];
  const forcedFrom = count - Math.min(FORCED.length, Math.floor(count / 10));

  const serials = new Map<number, number>();
  for (const s of store.all<{ year: number; last: number }>(`SELECT year, last FROM serials WHERE kind = 'hazard'`)) serials.set(s.year, s.last);
  const recent: string[] = []; // serials of the last hazards, for "duplicate of …"
  const pickSource = weighted(SOURCES);
  const pickDefect = weighted(DEFECTS.map((d) => ({ v: d, w: d.w ?? 1 })));
  const pickL = weighted(LEC_L.map((v) => ({ v, w: ({ 0.1: 1, 0.2: 2, 0.5: 4, 1: 6, 3: 5, 6: 2, 10: 1 } as Record<number, number>)[v] ?? 1 })));
  const pickE = weighted(LEC_E.map((v) => ({ v, w: ({ 0.5: 1, 1: 2, 2: 4, 3: 5, 6: 5, 10: 1 } as Record<number, number>)[v] ?? 1 })));
  const pickC = weighted(LEC_C.map((v) => ({ v, w: ({ 1: 5, 3: 6, 7: 5, 15: 2, 40: 1, 100: 0.2 } as Record<number, number>)[v] ?? 1 })));
  const iso = (t: number) => nowIso(new Date(t));
  const day = (t: number) => todayLocal(new Date(t));

  const ins = store.db.prepare(
    `INSERT INTO hazards (id, serial, found_at, found_date, finder_id, source, workshop_id, team_id, place, equipment, category1, category2,
       accident_type, description, grade, lec_l, lec_e, lec_c, risk_d, risk, production_stop, interim_measures, status,
       responsible_id, measures, planned_funds, deadline, emergency_plan, governance_plan, actual_funds, rectification_note,
       submitted_by, submitted_at, accepted_by, accepted_at, closed_date, cancel_kind, cancel_reason, due_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const ev = store.db.prepare(
    `INSERT INTO hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insMajor = store.db.prepare(
    `INSERT INTO hazard_major (hazard_id, reported_date, report_body, report_doc_no, report_summary, supervised, supervision_body, supervision_doc_no,
       supervision_date, evaluation_date, evaluator_kind, evaluator, evaluation_conclusion, evaluation_passed, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // the major-hazard records draw from their own sequence, so adding them leaves the rest of the demo unchanged
  const rm = rng(((opts.seed ?? 7) ^ 0x6d616a) >>> 0);
  const pickM = <T>(a: readonly T[]): T => a[Math.floor(rm() * a.length)]!;
  const docNos = new Map<string, number>();
  const docNo = (kind: string, year: string) => {
    const k = `${kind}${year}`;
    const next = (docNos.get(k) ?? 0) + 1 + Math.floor(rm() * 3);
    docNos.set(k, next);
    return `${kind}〔${year}〕${next}号`;
  };
  const saveSerials = store.db.prepare(
    `INSERT INTO serials (kind, year, last) VALUES ('hazard', ?, ?) ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last`,
  );
  const writtenAt = nowIso();

  const one = (i: number) => {
    const foundMs = found[i]!;
    const foundDate = day(foundMs);
    const year = Number(foundDate.slice(0, 4));
    const seq = (serials.get(year) ?? 0) + 1;
    serials.set(year, seq);
    const serial = serialNumber(year, seq);

    // where, what, who found it
    const wholeWorkshop = r() < 0.1;
    const unit = pick(units);
    const teamId = wholeWorkshop ? null : unit.id;
    const source = pickSource();
    const local = byWorkshop.get(unit.ws) ?? workers;
    const finder =
      source === 'authority' ? null
      : source === 'special_inspection' && inspectors.length > 0 ? pick(inspectors)
      : source === 'proposal' ? pick(workers)
      : pick(local);
    const defect = pickDefect();
    const equipment = defect.eq ? fill(pick(EQUIPMENT[defect.eq])) : r() < 0.15 ? fill(pick(EQUIPMENT[pick(['pump', 'valve', 'cabinet', 'pipe'] as const)])) : null;
    const placeList = WORKSHOP_PLACES[unit.wsName];
    const place = defect.cat[1] === 'outdoor' ? pick(OUTDOOR_PLACES) : placeList && r() < 0.7 ? pick(placeList) : pick(COMMON_PLACES);
    let text = '';
    if (source === 'authority') text += pick(['上级检查组指出：', '应急管理局执法检查指出：', '第三方安全评价发现：']);
    else if (r() < 0.3) text += pick(LEADS);
    // the subject: a place, a piece of equipment, or both
    if (defect.eq && equipment) text += (r() < 0.6 ? `${place}，${equipment}` : equipment) + (/[A-Za-z0-9]$/.test(equipment) ? ' ' : '');
    else text += place;
    text += defect.text;
    const clauses = r() < 0.35 ? 0 : Math.min(4, Math.floor(-Math.log(1 - r()) * 1.4));
    // a clause or remark drawn twice is written once (the draws stay, so the rest of the data is the same)
    const drawn = new Set<string>();
    for (let c = 0; c < clauses; c++) {
      const tpl = pick(DETAILS);
      const detail = fill(tpl);
      if (!drawn.has(tpl)) text += `，${detail}`;
      drawn.add(tpl);
    }
    if (r() < 0.3 && ACC_WORDS[defect.acc]) text += `，存在${ACC_WORDS[defect.acc]}风险`;
    text += '。';
    for (let n = 0; n < 8 && r() < (n === 0 ? 0.25 : 0.5); n++) {
      const tpl = pick(REMARKS);
      const remark = fill(tpl);
      if (!drawn.has(tpl)) text += remark;
      drawn.add(tpl);
    }
    if ([...text].length < 10) text = `${unit.wsName}${text}`;
    const description = [...text].length > 300 ? `${[...text].slice(0, 299).join('')}。` : text;
    const category2 = (HAZARD_CATEGORIES[defect.cat[0]] as readonly string[]).includes(defect.cat[1]) ? defect.cat[1] : null;

    // grading
    const major = defect.canBeMajor === true && r() < 0.12;
    let l: number = pickL(), e: number = pickE(), c: number = pickC();
    if (major) {
      l = Math.max(l, 3);
      e = Math.max(e, 3);
      c = Math.max(c, 40);
    }
    const riskD = lecScore(l, e, c);
    const risk = riskColor(riskD, rules.thresholds);

    // the timeline: report, confirm, assign, start, submit, accept (ms); a few stall, a few are cancelled
    const rectDays = Math.min(90, Math.max(0.2, Math.exp(Math.log(major ? 20 : 4) + 0.8 * normal())));
    const T = [foundMs];
    T.push(T[0]! + (0.5 + r() * 40) * HOUR);
    T.push(T[1]! + (0.5 + r() * 60) * HOUR);
    T.push(T[2]! + (0.5 + r() * 36) * HOUR);
    T.push(T[3]! + rectDays * DAY);
    T.push(T[4]! + (2 + r() * 94) * HOUR);
    let limit = r() < 0.012 ? Math.floor(r() * 5) : 5; // stalled: an open hazard nobody moves on (becomes overdue)
    let cancelled = r() < 0.025;
    const forced = i >= forcedFrom ? FORCED[i - forcedFrom]! : null;
    if (forced === 'cancelled') cancelled = true;
    else if (forced) {
      limit = REACHED.indexOf(forced);
      cancelled = false;
      if (T[limit]! > nowMs) {
        // squeeze the steps into the time since it was found
        const f = ((nowMs - foundMs) * 0.9) / (T[limit]! - foundMs);
        for (let s = 1; s <= limit; s++) T[s] = foundMs + (T[s]! - foundMs) * f;
      }
    }
    const cancelAt = Math.min(nowMs, foundMs + (1 + r() * 47) * HOUR);

    // who does each step; the step is not taken when nobody may take it
    const responsible = (teamId && leaders.get(teamId) && r() < 0.6 ? leaders.get(teamId)! : pick(local)).id;
    const respOp = opByWorker.get(responsible);
    let reached = 0;
    let submitter: Op | null = null;
    const actors: (Op | null)[] = [choose(ops)];
    if (!cancelled) {
      for (let s = 1; s <= limit && T[s]! <= nowMs; s++) {
        const action = STEPS[s - 1]!;
        let who: Op | null;
        if ((action === 'start' || action === 'submit') && respOp && r() < 0.7) who = respOp;
        else who = choose(allowed(action, responsible, submitter?.id ?? null));
        if (!who) break;
        if (action === 'submit') submitter = who;
        actors.push(who);
        reached = s;
      }
    }
    const cancelBy = cancelled ? choose(managers) : null;
    if (cancelled && !cancelBy) cancelled = false;
    const status: HazardStatus = cancelled ? 'cancelled' : REACHED[reached]!;
    const majorSteps = major && reached >= 1 && !cancelled ? majorRecord(T, reached, foundDate, description, defect) : null;

    const assignDate = reached >= 2 ? day(T[2]!) : null;
    const planDays = Math.max(3, Math.ceil(rectDays * (r() < 0.12 ? 0.6 : 1 + r())) + 2);
    const deadline = assignDate ? addDays(assignDate, planDays) : null;
    const planned = reached >= 2 ? Math.round((major ? 5e6 + r() * 2e8 : Math.exp(Math.log(3e5) + 1.2 * normal())) / 100) * 100 : null;
    const actual = reached >= 4 && planned !== null ? Math.round((planned * (0.7 + r() * 0.5)) / 100) * 100 : null;
    const measures = reached >= 2 ? (r() < 0.4 ? `${defect.measure}，${pick(EXTRA_MEASURES)}` : defect.measure) : null;
    const submittedAt = reached >= 4 ? iso(T[4]!) : null;
    const closedMs = reached >= 5 ? T[5]! : null;
    const lastMs = Math.max(cancelled ? cancelAt : T[reached]!, majorSteps?.at(-1)?.at ?? 0);
    const id = uuidv7();
    const duplicateOf = recent.length > 0 ? pick(recent) : null;
    const cancelKind = cancelled ? (duplicateOf && r() < 0.4 ? 'duplicate' : 'invalid') : null;
    const cancelReason = cancelKind === 'duplicate' ? `与 ${duplicateOf} 重复上报` : cancelKind ? pick(['经复核不构成隐患', '现场复查已符合要求', '属正常工艺状态，不构成隐患']) : null;

    ins.run(
      id, serial, iso(foundMs), foundDate, finder?.id ?? null, source, unit.ws, teamId, place, equipment, defect.cat[0], category2,
      defect.acc, description, reached >= 1 ? (major ? 'major' : 'general') : null, reached >= 1 ? l : null, reached >= 1 ? e : null, reached >= 1 ? c : null,
      reached >= 1 ? riskD : null, reached >= 1 ? risk : null, major && r() < 0.5 ? 'partial' : r() < 0.02 ? 'partial' : 'none', r() < 0.6 ? pick(INTERIM) : null, status,
      reached >= 2 ? responsible : null, measures, planned, deadline,
      reached >= 2 ? '按车间现场处置方案执行，发生异常立即撤离并报告' : null,
      major && reached >= 2
        ? JSON.stringify({ targets: '消除重大事故隐患', methods: measures, funding: '安全生产费用专项列支', organisation: '车间主任牵头，设备、安全部门配合', timeline: deadline, safetyPlan: '整改期间执行专项应急预案，必要时局部停产' })
        : null,
      actual, reached >= 4 ? pick(NOTES) : null, submitter?.id ?? null, submittedAt,
      reached >= 5 ? actors[5]!.id : null, closedMs !== null ? iso(closedMs) : null, closedMs !== null ? day(closedMs) : null,
      cancelKind, cancelReason,
      dueDate({ status, foundDate, deadline, submittedDate: submittedAt?.slice(0, 10) ?? null }, rules),
      iso(foundMs), iso(lastMs),
    );
    appendAudit(store, {
      id: uuidv7(), at: writtenAt, actor_id: SYSTEM_ACTOR.id, actor_name: SYSTEM_ACTOR.name, entity: 'hazard', entity_id: id, action: 'create',
      before: null, after: JSON.stringify({ serial, status, description }), reason: '演示数据',
    });
    const reporter = actors[0];
    // the timeline in the order things happened (its seq is its order): the workflow steps and the major-hazard
    // steps between them
    const events: { ms: number; args: unknown[] }[] = [];
    events.push({ ms: foundMs, args: [iso(foundMs), reporter?.id ?? null, reporter?.name ?? SYSTEM_ACTOR.name, 'report', null, 'reported', null] });
    if (cancelled) events.push({ ms: cancelAt, args: [iso(cancelAt), cancelBy!.id, cancelBy!.name, 'cancel', 'reported', 'cancelled', cancelReason] });
    for (let s = 1; s <= reached; s++) {
      const who = actors[s]!;
      events.push({ ms: T[s]!, args: [iso(T[s]!), who.id, who.name, STEPS[s - 1], REACHED[s - 1], REACHED[s], STEPS[s - 1] === 'accept' ? pick(ACCEPT_COMMENTS) : null] });
    }
    for (const m of majorSteps ?? []) events.push({ ms: m.at, args: [iso(m.at), m.who.id, m.who.name, m.action, m.status, m.status, m.comment] });
    events.sort((a, b) => a.ms - b.ms); // stable: a step and a record at the same moment keep this order
    for (const e of events) ev.run(uuidv7(), id, ...e.args);
    if (majorSteps && majorSteps.length > 0) {
      // as the service records them (workflow.ts majorStep): the hazard_major row, a timeline event per step (the
      // status unchanged, above) and an audit entry with the record before and after the step
      let before: HazardMajor = NO_MAJOR;
      for (const m of majorSteps) {
        appendAudit(store, {
          id: uuidv7(), at: writtenAt, actor_id: SYSTEM_ACTOR.id, actor_name: SYSTEM_ACTOR.name, entity: 'hazard', entity_id: id, action: m.action,
          before: JSON.stringify({ major: before }), after: JSON.stringify({ major: m.after }), reason: '演示数据',
        });
        before = m.after;
      }
      const f = before;
      insMajor.run(
        id, f.reportedDate, f.reportBody, f.reportDocNo, f.reportSummary, f.supervised ? 1 : 0, f.supervisionBody, f.supervisionDocNo, f.supervisionDate,
        f.evaluationDate, f.evaluatorKind, f.evaluator, f.evaluationConclusion, f.evaluationPassed === null ? null : f.evaluationPassed ? 1 : 0,
        iso(majorSteps.at(-1)!.at),
      );
    }
    recent.push(serial);
    if (recent.length > 50) recent.shift();
  };

  /**
   * A major hazard's steps under the national rules, by a safety manager or administrator while it is open: reported
   * to the authority within two days of grading (always once it is assigned; a freshly graded one may still wait),
   * about a third put under 挂牌督办 some days later, and the governance evaluated as passed between the submission
   * and the acceptance of the closed ones (submitted ones await their evaluation).
   */
  function majorRecord(T: number[], reached: number, foundDate: string, description: string, defect: Defect) {
    const steps: { at: number; action: MajorAction; status: HazardStatus; who: Op; comment: string | null; after: HazardMajor }[] = [];
    const statusAt = (t: number) => {
      let s = 0;
      while (s < reached && T[s + 1]! <= t) s++;
      return REACHED[s]!;
    };
    let m: HazardMajor = NO_MAJOR;
    const step = (at: number, action: MajorAction, comment: string | null, next: HazardMajor) => {
      // like the other steps, mostly the safety staff, now and then an administrator (shared/hazards/rules majorActions)
      const who = staffManagers.length > 0 && rm() < 0.85 ? pickM(staffManagers) : managers.length > 0 ? pickM(managers) : null;
      if (!who) return;
      m = next;
      steps.push({ at, action, status: statusAt(at), who, comment, after: m });
    };
    if (reached === 1 && rm() < 0.4) return steps; // graded, the report still being written
    const untilAssigned = (reached >= 2 ? T[2]! : nowMs) - T[1]!;
    const reportAt = T[1]! + rm() * Math.min(untilAssigned, 2 * DAY);
    const reportDate = day(reportAt) < foundDate ? foundDate : day(reportAt);
    const body = pickM(AUTHORITIES);
    const no = docNo('安报', reportDate.slice(0, 4));
    const state = [...description].length > 120 ? `${[...description].slice(0, 119).join('')}…。` : description;
    const summary =
      `隐患现状：${state}产生原因：${pickM(CAUSES)}。危害程度：可能导致${ACC_WORDS[defect.acc] ?? '生产安全'}事故，影响周边作业人员。` +
      '整改难易程度：需停用相关设备设施并投入专项资金治理，已制定重大事故隐患治理方案。';
    step(reportAt, 'majorReport', `${reportDate} ${body} ${no}`, { ...m, reportedDate: reportDate, reportBody: body, reportDocNo: no, reportSummary: summary });
    if (steps.length === 0) return steps;

    // the evaluation of a closed one: after the rectification was submitted, before it was accepted
    const evalAt = reached >= 5 ? T[4]! + (0.2 + rm() * 0.6) * (T[5]! - T[4]!) : null;
    if (rm() < 0.35) {
      const at = Math.min(evalAt ?? nowMs, reportAt + (1 + rm() * 14) * DAY) - (evalAt !== null ? 60_000 : 0);
      if (at > reportAt) {
        const date = day(at);
        const sBody = pickM(SUPERVISORS);
        const sNo = docNo('应急督', date.slice(0, 4));
        step(at, 'majorSupervise', [date, sBody, sNo].join(' '), { ...m, supervised: true, supervisionBody: sBody, supervisionDocNo: sNo, supervisionDate: date });
      }
    }
    if (evalAt !== null) {
      const experts = rm() < 0.5;
      const conclusion = pickM(EVAL_CONCLUSIONS);
      step(evalAt, 'majorEvaluate', conclusion, {
        ...m,
        evaluationDate: day(evalAt),
        evaluatorKind: experts ? 'experts' : 'third_party',
        evaluator: experts ? pickM(EXPERT_PANELS) : pickM(THIRD_PARTIES),
        evaluationConclusion: conclusion,
        evaluationPassed: true,
      });
    }
    return steps;
  }

  const batch = opts.batchSize && opts.batchSize > 0 ? opts.batchSize : count;
  for (let from = 0; from < count; from += batch) {
    store.bulkInsert('hazards', FTS_TRIGGERS, () => {
      const to = Math.min(count, from + batch);
      for (let i = from; i < to; i++) {
        one(i);
        if ((i & 255) === 0) job.report(i, count, 'demo.hazards');
      }
      for (const [y, last] of serials) saveSerials.run(y, last);
    });
  }
  job.report(count, count, 'demo.hazards', true);
  store.analyze();
  return { hazards: count };
}
