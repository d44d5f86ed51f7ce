// The demo's special-group health (issue 10, "Demo data"): exposures made by 按花名册生成 (the plan area's own service:
// the factors' synonyms, start = hire date, post = the roster's; words no factor knows are left out) and, for the
// workers who left, ended on the day they left; a few exposures starting soon after a post change (the exposures
// service); two years of exam batches from the occupational-disease clinic — periodic exams by workshop, pre-job exams
// of the new hires, women workers' exams with the screening from 35, exit exams of most who left, an emergency exam —
// with every conclusion (rechecks done and still open, contraindications moved out of the post and still in it, a
// suspected occupational disease); the special-operation certificates of the roster's columns (plus a second one for
// some) in every state: current, review window open, review overdue, expired (most of the expired renewed: the
// roster's column moves with them). Then the plan of every worker is rebuilt (health_due), so every alert kind shows.
//
// One transaction, by the occupational-health manager (else a safety officer, else the administrator); the exams and
// certificates written as the services write them with cached statements, one audit entry per batch (action 'import'
// with its row and conclusion counts) and per certificate. Deterministic for a seed and a today (apart from ids and
// times).
import { HEALTH_WRITERS, type CertCategory, type Conclusion, type ExamKind } from '../../../shared/health/kinds';
import { AppError } from '../../../shared/result';
import { holdsAnyRole } from '../../../shared/roster/roles';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { rng } from '../demo';
import { progressReporter, type CallOptions } from '../kernel/jobs';
import { findOperator } from '../operators/service';
import { nowIso, todayLocal } from '../util';
import { bulkIds } from '../wage/demo';
import { addYears, categoryFromText } from '../../../shared/health/certs/rules';
import { exposureAdd } from '../../../shared/health/plan/schemas';
import { addExposure, exposuresFromRoster } from './plan/exposures';
import { rebuildHealthDue } from './plan/due';

export interface DemoHealthOptions extends CallOptions {
  seed?: number;
  today?: string;
}

export interface DemoHealthResult {
  exposures: number;
  batches: number;
  exams: number;
  certificates: number;
  /** exams by conclusion */
  conclusions: Record<Conclusion, number>;
}

/** the clinics (data, as the reports name them) */
export const DEMO_CLINIC = '泰州市职业病防治院';
const WOMEN_CLINIC = '泰州市妇幼保健院';
/** periodic exams: the workshops go in five groups, the latest visit of each group this many days before today */
const GROUP_OFFSETS = [30, 95, 170, 250, 345];

export const shiftDays = (d: string, n: number): string => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();

/** what a recheck looks at, a contraindication and a suspected disease, by factor code (data, as the clinics write) */
const RECHECK_ITEMS: Record<string, string> = {
  NOISE_85: '纯音听阈测试',
  NOISE_80: '纯音听阈测试',
  BENZENE: '血常规（白细胞计数）',
  LEAD: '血铅',
  CHLORINE: '肺功能、胸部 X 线',
  AMMONIA: '肺功能',
  FORMALDEHYDE: '肺功能、血常规',
  CO: '心电图',
  H2S: '心电图、神经系统检查',
  COAL_DUST: '高千伏胸片',
};
const CONTRAINDICATIONS: Record<string, string> = {
  NOISE_85: '各种原因引起永久性感音神经性听力损失（500 Hz、1000 Hz 和 2000 Hz 中任一频率纯音气导听阈 > 25 dB）',
  NOISE_80: '中度以上传导性耳聋',
  BENZENE: '血常规检出异常（白细胞计数低于 4×10⁹/L）',
  LEAD: '贫血',
  CHLORINE: '慢性阻塞性肺病',
  AMMONIA: '支气管哮喘',
  FORMALDEHYDE: '支气管哮喘',
  CO: '中枢神经系统器质性疾病',
  H2S: '中枢神经系统器质性疾病',
  COAL_DUST: '活动性肺结核病',
};
const SUSPECTED: Record<string, string> = {
  NOISE_85: '疑似职业性噪声聋',
  NOISE_80: '疑似职业性噪声聋',
  BENZENE: '疑似职业性慢性苯中毒',
  LEAD: '疑似职业性慢性铅中毒',
  CHLORINE: '疑似职业性慢性化学物中毒',
  AMMONIA: '疑似职业性慢性化学物中毒',
  FORMALDEHYDE: '疑似职业性哮喘',
  CO: '疑似职业性一氧化碳中毒',
  H2S: '疑似职业性硫化氢中毒',
  COAL_DUST: '疑似煤工尘肺',
};
const OTHER = ['血压偏高，建议内科随诊', '脂肪肝', '窦性心动过缓', '血脂偏高', '甲状腺结节，建议专科随诊', '轻度贫血'];
const WOMEN_OTHER = ['乳腺增生，建议定期复查', '宫颈炎症，建议妇科随诊', '子宫肌瘤，建议妇科随诊'];

interface W {
  id: string;
  empNo: string;
  gender: 'M' | 'F';
  idCard: string | null;
  post: string | null;
  hireDate: string | null;
  status: 'active' | 'left';
  workshopId: string | null;
  factors: string;
  certType: string | null;
  certNo: string | null;
  certExpiry: string | null;
}
interface Factor {
  id: string;
  code: string;
  synonyms: string;
}

/**
 * The health records of a demo store (after generateDemo). One transaction; refuses a store that already has exposures,
 * exams or certificates other than the roster's own.
 */
export function generateDemoHealth(store: Store, opts: DemoHealthOptions = {}): DemoHealthResult {
  const job = progressReporter(opts);
  job.report(0, 1, 'demo.health', true);
  const r = rng(opts.seed ?? 20261210);
  const today = opts.today ?? todayLocal();
  const result = store.tx(() => {
    if (store.get(`SELECT 1 FROM health_exposures UNION ALL SELECT 1 FROM health_exams UNION ALL SELECT 1 FROM health_exam_batches LIMIT 1`)) {
      throw new AppError('CONFLICT', 'err.demo.notEmpty');
    }
    const ops = store
      .all<{ id: string }>(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.is_admin, w.emp_no`)
      .map((o) => findOperator(store, o.id)!)
      .filter((o) => holdsAnyRole(o, HEALTH_WRITERS));
    const op = ops.find((o) => o.roles.includes('oh_manager')) ?? ops.find((o) => o.roles.includes('safety_officer')) ?? ops[0];
    if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
    const actor: Actor = { id: op.id, name: op.name };
    const now = nowIso();
    const newId = bulkIds();
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;

    const factors = store.all<Factor>(`SELECT id, code, synonyms FROM health_factors WHERE deleted_at IS NULL ORDER BY sort_order, rid`);
    const bySynonym = new Map<string, Factor>();
    for (const f of factors) for (const s of JSON.parse(f.synonyms) as string[]) if (!bySynonym.has(norm(s))) bySynonym.set(norm(s), f);
    const codeOf = new Map(factors.map((f) => [f.id, f.code]));
    const factorByCode = new Map(factors.map((f) => [f.code, f]));

    const workers = store.all<W>(
      `SELECT id, emp_no AS empNo, gender, id_card AS idCard, post, hire_date AS hireDate, status, workshop_id AS workshopId, hazard_factors AS factors,
              cert_type AS certType, cert_no AS certNo, cert_expiry AS certExpiry
       FROM workers WHERE deleted_at IS NULL ORDER BY emp_no`,
    );
    const workshops = store.all<{ id: string; name: string }>(`SELECT id, name FROM org_units WHERE kind = 'workshop' AND deleted_at IS NULL ORDER BY sort_order, name, id`);
    const group = new Map(workshops.map((w, k) => [w.id, k % GROUP_OFFSETS.length]));
    const total = workers.length * 3;
    let done = 0;
    const tick = () => {
      if ((++done & 1023) === 0) job.report(done, total, 'demo.health');
    };

    // ---- exposures: 按花名册生成 for the active workers (the plan area's own service: its matching, start = hire date,
    // post = the roster's, one audit entry); the workers who left get theirs ended on the day they left
    exposuresFromRoster(store, op, actor, false, today);
    /** a worker's exposures */
    const exposed = new Map<string, { factorId: string; start: string; end: string | null; id: string }[]>();
    const addExp = (workerId: string, e: { factorId: string; start: string; end: string | null; id: string }) => {
      const xs = exposed.get(workerId);
      if (xs) xs.push(e);
      else exposed.set(workerId, [e]);
    };
    for (const e of store.all<{ id: string; workerId: string; factorId: string; start: string }>(
      `SELECT id, worker_id AS workerId, factor_id AS factorId, start_date AS start FROM health_exposures WHERE deleted_at IS NULL ORDER BY rid`,
    )) {
      addExp(e.workerId, { factorId: e.factorId, start: e.start, end: null, id: e.id });
    }
    const insExp = store.stmt(
      `INSERT INTO health_exposures (id, worker_id, factor_id, post, start_date, end_date, source, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'roster', NULL, ?, ?)`,
    );
    /** the day a left worker left (their exposures end then; most have an exit exam) */
    const leftOn = new Map<string, string>();
    let leftRows = 0;
    for (const w of workers) {
      tick();
      if (w.status !== 'left') continue;
      const words = JSON.parse(w.factors) as string[];
      const fs = [...new Set(words.map((x) => bySynonym.get(norm(x))).filter((f): f is Factor => f !== undefined))];
      if (fs.length === 0) continue;
      const start = w.hireDate ?? '2010-01-01';
      let end = shiftDays(today, -20 - Math.floor(r() * 690));
      if (end < start) end = start;
      leftOn.set(w.id, end);
      for (const f of fs) {
        const id = newId();
        insExp.run(id, w.id, f.id, w.post, start, end, now, now);
        addExp(w.id, { factorId: f.id, start, end, id });
        leftRows++;
      }
    }
    if (leftRows > 0) {
      writeAudit(store, actor, { entity: 'health_exposure', entityId: 'roster', action: 'import', after: { created: leftRows, workers: leftOn.size, left: true } }, now);
    }

    // a few post changes into exposed work, starting soon (a pre-job exam is due) — and one begun without it: through
    // the exposures service
    const noise = factorByCode.get('NOISE_85');
    const manualPlan: { w: W; start: string; note: string }[] = [];
    if (noise) {
      const candidates = workers.filter((w) => w.status === 'active' && !exposed.has(w.id));
      const n = Math.max(3, Math.round(candidates.length / 150));
      for (let k = 0; k < n && candidates.length > 0; k++) {
        const w = candidates[Math.floor(r() * candidates.length)]!;
        if (manualPlan.some((m) => m.w.id === w.id)) continue;
        const start = k === 0 ? shiftDays(today, -6) : shiftDays(today, 5 + Math.floor(r() * 20));
        manualPlan.push({ w, start, note: '转岗至压缩机房巡检岗位' });
      }
      for (const m of manualPlan) {
        const x = addExposure(store, op, actor, exposureAdd.parse({ workerId: m.w.id, factorId: noise.id, post: '压缩机房巡检工', startDate: m.start, note: m.note }));
        addExp(m.w.id, { factorId: noise.id, start: m.start, end: null, id: x.id });
      }
    }
    const exposures = [...exposed.values()].reduce((a, xs) => a + xs.length, 0);
    const manualIds = new Set(manualPlan.map((m) => m.w.id));

    // ---- the exams, collected per batch first
    interface Exam {
      workerId: string;
      date: string;
      factorIds: string[];
      conclusion: Conclusion;
      recheckItems: string | null;
      recheckDue: string | null;
      contraindication: string | null;
      detail: string | null;
      screening: 0 | 1;
    }
    interface Batch {
      date: string;
      institution: string;
      kind: ExamKind;
      note: string | null;
      exams: Exam[];
    }
    const batches = new Map<string, Batch>();
    /** the batch of a visit (key: its day, or the month of pre-job and the quarter of exit exams: dated by its first exam) */
    const batchOf = (date: string, kind: ExamKind, institution: string, note: string | null, key = date) => {
      const k = `${key}|${kind}|${institution}`;
      let b = batches.get(k);
      if (!b) batches.set(k, (b = { date, institution, kind, note, exams: [] }));
      if (date < b.date) b.date = date;
      return b;
    };
    const factorsOn = (w: W, date: string) => (exposed.get(w.id) ?? []).filter((e) => e.start <= date && (e.end === null || e.end >= date)).map((e) => e.factorId);
    /** a conclusion drawn for an exam of these factors (null: the worker was moved out after a contraindication) */
    const conclude = (date: string, factorIds: string[], kind: ExamKind, recent: boolean): Omit<Exam, 'workerId' | 'date' | 'factorIds' | 'screening'> => {
      const x = r();
      const code = codeOf.get(pick(factorIds.length ? factorIds : [''])) ?? '';
      const none = { recheckItems: null, recheckDue: null, contraindication: null, detail: null };
      if (kind === 'women') {
        if (x < 0.1) return { ...none, conclusion: 'other', detail: pick(WOMEN_OTHER) };
        if (x < 0.13) return { ...none, conclusion: 'recheck', recheckItems: '乳腺彩超', recheckDue: shiftDays(date, 60) };
        return { ...none, conclusion: 'normal' };
      }
      if (kind === 'exit' || kind === 'emergency' || factorIds.length === 0) return x < 0.08 ? { ...none, conclusion: 'other', detail: pick(OTHER) } : { ...none, conclusion: 'normal' };
      if (x < 0.045) return { ...none, conclusion: 'recheck', recheckItems: RECHECK_ITEMS[code] ?? '血常规', recheckDue: shiftDays(date, recent ? 30 : 45) };
      if (x < 0.06) return { ...none, conclusion: 'contraindication', contraindication: CONTRAINDICATIONS[code] ?? '中枢神经系统器质性疾病' };
      if (x < 0.063) return { ...none, conclusion: 'suspected', detail: SUSPECTED[code] ?? '疑似职业病' };
      if (x < 0.14) return { ...none, conclusion: 'other', detail: pick(OTHER) };
      return { ...none, conclusion: 'normal' };
    };
    const add = (b: Batch, w: W, date: string, factorIds: string[], c: ReturnType<typeof conclude>, screening: 0 | 1 = 0) => {
      b.exams.push({ workerId: w.id, date, factorIds, screening, ...c });
      return b.exams.at(-1)!;
    };
    const endExposure = store.stmt(`UPDATE health_exposures SET end_date = ?, updated_at = ? WHERE id = ?`);
    const birth = (w: W) => (w.idCard && w.idCard.length === 18 ? `${w.idCard.slice(6, 10)}-${w.idCard.slice(10, 12)}-${w.idCard.slice(12, 14)}` : null);
    const ageOn = (w: W, date: string) => {
      const b = birth(w);
      if (!b) return 0;
      return Number(date.slice(0, 4)) - Number(b.slice(0, 4)) - (date.slice(5) < b.slice(5) ? 1 : 0);
    };
    const twoYearsAgo = shiftDays(today, -730);

    for (const w of workers) {
      tick();
      const exps = exposed.get(w.id);
      if (!exps || manualIds.has(w.id)) continue;
      const start = exps[0]!.start;
      // pre-job: the new hires of the two years, a few days before they start (one in ten missing)
      if (start >= twoYearsAgo && start < today && r() < 0.9) {
        const d = shiftDays(start, -2 - Math.floor(r() * 8));
        add(batchOf(d, 'pre_job', DEMO_CLINIC, '上岗前职业健康检查', d.slice(0, 7)), w, d, exps.map((e) => e.factorId), conclude(d, [], 'pre_job', false));
      }
      // periodic: the workshop group's visits of last year and this year (one in twenty-five misses this year's)
      const g = group.get(w.workshopId ?? '') ?? 0;
      const left = leftOn.get(w.id) ?? null;
      const visits = [shiftDays(today, -GROUP_OFFSETS[g]! - 365), shiftDays(today, -GROUP_OFFSETS[g]!)];
      const skipRecent = r() < 0.04;
      for (const [k, d] of visits.entries()) {
        if (d < start || (left && d > left) || (k === 1 && skipRecent)) continue;
        const fids = factorsOn(w, d);
        if (fids.length === 0) continue;
        const recent = k === 1;
        const c = conclude(d, fids, 'periodic', recent);
        add(batchOf(d, 'periodic', DEMO_CLINIC, '在岗期间职业健康检查'), w, d, fids, c);
        if (c.conclusion === 'recheck' && c.recheckDue) {
          // rechecks done a little before they were due (a later exam of the worker): nearly all the older ones, fewer
          // of the last two months'
          const rd = shiftDays(d, 25);
          if (rd < today && r() < (rd < shiftDays(today, -60) ? 0.92 : 0.4)) add(batchOf(rd, 'periodic', DEMO_CLINIC, '复查'), w, rd, fids, { conclusion: 'normal', recheckItems: null, recheckDue: null, contraindication: null, detail: `复查：${c.recheckItems}未见异常` });
        }
        if (c.conclusion === 'contraindication' && r() < 0.6) {
          // moved out of the post within three weeks (the exposure ends); the rest are still in it
          const out = shiftDays(d, 7 + Math.floor(r() * 14));
          for (const e of exps) if (fids.includes(e.factorId) && out < today && e.end === null) {
            e.end = out;
            endExposure.run(out, now, e.id);
          }
        }
      }
      // exit: most of those who left, a few days before they left
      if (left && r() < 0.75) {
        const d = shiftDays(left, -1 - Math.floor(r() * 5));
        const quarter = `${d.slice(0, 4)}Q${Math.floor((Number(d.slice(5, 7)) - 1) / 3) + 1}`;
        add(batchOf(d, 'exit', DEMO_CLINIC, '离岗时职业健康检查', quarter), w, d, exps.map((e) => e.factorId), conclude(d, [], 'exit', false));
      }
    }

    // women workers' exams: most this year (on time: the cycle before was 24 months and a few days earlier), the others
    // two years ago (the interval's 24 months: the one of 712 days ago falls due within the month, the one of 760 days
    // ago is overdue); screening from 35
    const womenDates = [shiftDays(today, -200), shiftDays(today, -712), shiftDays(today, -760)];
    const womenBefore = shiftDays(today, -915);
    for (const w of workers) {
      tick();
      if (w.gender !== 'F' || w.status !== 'active') continue;
      const x = r();
      let d = x < 0.82 ? womenDates[0]! : x < 0.91 ? womenDates[1]! : womenDates[2]!;
      // hired since: examined soon after joining (or not yet)
      if (w.hireDate && w.hireDate > d) d = shiftDays(w.hireDate, 15);
      if (d >= today) continue;
      for (const day of d === womenDates[0] && (!w.hireDate || w.hireDate <= womenBefore) ? [womenBefore, d] : [d]) {
        const c = conclude(day, [], 'women', false);
        // the clinic's visits; new hires' first exams by month
        const key = womenDates.includes(day) || day === womenBefore ? day : `new-${day.slice(0, 7)}`;
        add(batchOf(day, 'women', WOMEN_CLINIC, '女职工健康检查（含两癌筛查）', key), w, day, [], c, ageOn(w, day) >= 35 ? 1 : 0);
        // most rechecks (乳腺彩超) done six weeks later
        const follow = shiftDays(day, 42);
        if (c.conclusion === 'recheck' && follow < today && r() < 0.85) {
          add(batchOf(follow, 'women', WOMEN_CLINIC, '复查'), w, follow, [], { conclusion: 'normal', recheckItems: null, recheckDue: null, contraindication: null, detail: `复查：${c.recheckItems}未见异常` }, ageOn(w, follow) >= 35 ? 1 : 0);
        }
      }
    }

    // an emergency exam: the storage workshop's crew after a hydrogen-sulphide alarm
    const h2s = factorByCode.get('H2S');
    const storage = workshops.find((x) => x.name === '储运车间');
    if (h2s && storage) {
      const d = shiftDays(today, -130);
      const crew = workers.filter((w) => w.workshopId === storage.id && w.status === 'active' && factorsOn(w, d).includes(h2s.id)).slice(0, 6);
      const b = batchOf(d, 'emergency', DEMO_CLINIC, '储运车间罐区硫化氢报警后应急健康检查');
      for (const w of crew) add(b, w, d, [h2s.id], conclude(d, [h2s.id], 'emergency', false));
    }

    // ---- write the batches (oldest first) and their exams; one audit entry per batch
    const insB = store.stmt(
      `INSERT INTO health_exam_batches (id, date, institution, kind, report_id, source, file_name, note, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, NULL, 'import', ?, ?, ?, ?, ?, ?)`,
    );
    const insE = store.stmt(
      `INSERT INTO health_exams (id, batch_id, worker_id, date, kind, factor_ids, conclusion, recheck_items, recheck_due, contraindication, detail, screening, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const conclusions: Record<Conclusion, number> = { normal: 0, recheck: 0, suspected: 0, contraindication: 0, other: 0 };
    let exams = 0;
    const ordered = [...batches.values()].filter((b) => b.exams.length > 0 && b.date < today).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.kind < b.kind ? -1 : 1));
    for (const b of ordered) {
      const id = newId();
      const fileName = `${b.date.replace(/-/g, '')}${b.institution}${b.note ?? ''}.xlsx`;
      insB.run(id, b.date, b.institution, b.kind, fileName, b.note, actor.id, actor.name, now, now);
      const seen = new Set<string>();
      const counts: Record<string, number> = {};
      for (const e of b.exams) {
        if (seen.has(e.workerId)) continue; // one exam per worker in a batch
        seen.add(e.workerId);
        insE.run(newId(), id, e.workerId, e.date, b.kind, JSON.stringify(e.factorIds), e.conclusion, e.recheckItems, e.recheckDue, e.contraindication, e.detail, e.screening, now, now);
        conclusions[e.conclusion]++;
        counts[e.conclusion] = (counts[e.conclusion] ?? 0) + 1;
        exams++;
      }
      writeAudit(store, actor, { entity: 'health_exam_batch', entityId: id, action: 'import', after: { date: b.date, institution: b.institution, kind: b.kind, rows: seen.size, conclusions: counts }, reason: '演示数据' }, now);
    }

    // ---- certificates: the roster's (category from the text; issued six years before expiry, reviewed after three
    // — most on time, some overdue) and a second one for some of the maintenance crew (高处作业, every 6 years with approval)
    const insC = store.stmt(
      `INSERT INTO health_certificates (id, worker_id, category, type_text, cert_no, issue_date, review_years, approval_note, last_review_date, expiry_date, note, source, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const updC = store.stmt(
      `UPDATE health_certificates SET category = coalesce(category, ?), issue_date = ?, review_years = ?, approval_note = ?, last_review_date = ?, expiry_date = ?, updated_at = ? WHERE id = ?`,
    );
    const existing = store.stmt(`SELECT id FROM health_certificates WHERE worker_id = ? AND cert_no = ? AND deleted_at IS NULL`);
    let certificates = 0;
    const writeCert = (w: W, c: { category: CertCategory | null; typeText: string | null; certNo: string; expiry: string; reviewYears: 3 | 6; approval: string | null; source: 'roster' | 'manual' }) => {
      const issue = addYears(c.expiry, -6);
      const due = addYears(issue, c.reviewYears);
      const last = due < today && c.reviewYears === 3 && r() < 0.92 ? shiftDays(due, -10 - Math.floor(r() * 40)) : null;
      const had = existing.get(w.id, c.certNo) as { id: string } | undefined;
      const after = { workerId: w.id, category: c.category, typeText: c.typeText, certNo: c.certNo, issueDate: issue, reviewYears: c.reviewYears, approvalNote: c.approval, lastReviewDate: last, expiryDate: c.expiry };
      if (had) {
        updC.run(c.category, issue, c.reviewYears, c.approval, last, c.expiry, now, had.id);
        writeAudit(store, actor, { entity: 'health_certificate', entityId: had.id, action: 'update', after, reason: '演示数据' }, now);
      } else {
        const id = newId();
        insC.run(id, w.id, c.category, c.category ? null : c.typeText, c.certNo, issue, c.reviewYears, c.approval, last, c.expiry, null, c.source, now, now);
        writeAudit(store, actor, { entity: 'health_certificate', entityId: id, action: 'create', after, reason: '演示数据' }, now);
      }
      certificates++;
    };
    const repair = workshops.find((x) => x.name === '机修车间');
    const renewWorker = store.stmt(`UPDATE workers SET cert_expiry = ?, updated_at = ? WHERE id = ?`);
    for (const w of workers) {
      tick();
      if (w.certType && w.certNo && w.certExpiry) {
        let expiry = w.certExpiry;
        if (expiry < today && w.status === 'active' && r() < 0.9) {
          // renewed on expiry (换证, the same number for six more years): the roster's column moves with it
          expiry = addYears(expiry, 6);
          renewWorker.run(expiry, now, w.id);
          writeAudit(store, actor, { entity: 'worker', entityId: w.id, action: 'update', before: { certExpiry: w.certExpiry }, after: { certExpiry: expiry }, reason: '演示数据：特种作业证换证' }, now);
        }
        writeCert(w, { category: categoryFromText(w.certType), typeText: w.certType, certNo: w.certNo, expiry, reviewYears: 3, approval: null, source: 'roster' });
      }
      if (repair && w.workshopId === repair.id && w.status === 'active' && r() < 0.25) {
        const expiry = shiftDays(today, Math.floor(r() * 6 * 365) - 200);
        const six = r() < 0.3;
        writeCert(w, {
          category: 'height',
          typeText: null,
          certNo: `T${w.empNo}G`,
          expiry,
          reviewYears: six ? 6 : 3,
          approval: six ? '连续从事本工种 10 年以上，无违法行为，经考核发证机关同意复审时间延长至每 6 年 1 次' : null,
          source: 'manual',
        });
      }
    }
    // the plan of every worker, from all of it
    rebuildHealthDue(store, today);
    return { exposures, batches: ordered.length, exams, certificates, conclusions };
  });
  job.report(1, 1, 'demo.health', true);
  return result;
}
