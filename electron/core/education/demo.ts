// The demo's safety education and culture walls (issue 10, "Demo data"): the enterprise in a high-risk sector
// (hazardous chemicals: 72 h for new workers, 20 h a year); the three-level education (厂 / 车间 / 班组, a third of the
// requirement each) of the workers hired in the last two years — a few without the team level yet; post-change
// education; a year of activities: the yearly re-training of every team (two sessions), each workshop's drills, the
// 安康杯 knowledge contest, special-operation training of the certificate holders, the managers' training and a weekly
// pre-shift meeting of every team — attendees with their hours and scores (some absent, so gaps show); culture walls
// for most workshops and teams with their updates (a few stale, a few units without one); photos on some of them.
//
// One transaction, by a safety officer (else another who may record activities); rows written as the services write
// them with cached statements, one audit entry per activity (with its attendees' count), per wall and per wall update.
// Deterministic for a seed and a today (apart from ids and times).
import { EDU_WRITERS, SECTOR_SETTING, WALL_SECTIONS, type ActivityKind, type EduLevel, type WallSection } from '../../../shared/education/kinds';
import { AppError } from '../../../shared/result';
import { holdsAnyRole } from '../../../shared/roster/roles';
import { setSetting } from '../app/settings';
import { writeAudit, type Actor } from '../audit';
import type { Store } from '../db/store';
import { rng } from '../demo';
import { shiftDays } from '../health/demo';
import { progressReporter, type CallOptions } from '../kernel/jobs';
import { findOperator } from '../operators/service';
import { nowIso, todayLocal } from '../util';
import { bulkIds } from '../wage/demo';
import { HOURS_EDITORS } from '../../../shared/education/hours/types';
import { requiredHours, saveSector } from './hours/service';

export interface DemoEducationOptions extends CallOptions {
  seed?: number;
  today?: string;
  /** photos to show on activities and wall updates (generateDemoPhotos): by what they show */
  photos?: readonly { kind: 'training' | 'drill' | 'wall' | 'contest'; id: string }[];
}

export interface DemoEducationResult {
  activities: number;
  attendance: number;
  byKind: Partial<Record<ActivityKind, number>>;
  walls: number;
  wallUpdates: number;
  /** photos linked to activities and wall updates */
  photosLinked: number;
}

const PRE_SHIFT_TOPICS = [
  '交接班安全注意事项',
  '动火作业票证办理要求',
  '受限空间作业“先通风、再检测、后作业”',
  '高处作业安全带“高挂低用”',
  '劳动防护用品正确佩戴',
  '装置巡检要点与异常报告',
  '检修作业挂牌上锁',
  '可燃气体报警器的响应',
  '应急疏散路线与集合点',
];
/** the season's topic, by month: winter frost, the rainy season's lightning, summer heat */
const seasonTopic = (month: number) => (month >= 11 || month <= 2 ? '冬季防冻防凝' : month >= 6 && month <= 8 ? '夏季防暑降温' : month >= 4 ? '雨季防雷防静电' : '春季设备检修安全');
const DRILLS = ['储罐区泄漏应急演练', '火灾事故应急疏散演练', '有毒气体泄漏应急演练', '受限空间救援演练', '触电事故应急演练'];
const WALL_CONTENT: Record<WallSection, readonly string[]> = {
  knowledge: ['更新危险化学品安全技术说明书摘要', '职业病防护知识：噪声与听力保护', '新版《安全生产法》要点'],
  accident_cases: ['张贴同行业受限空间中毒事故案例及教训', '本月“身边的未遂事件”分析', '动火作业引发火灾事故案例'],
  slogans: ['更新本月安全标语：“安全生产，人人有责”', '安康杯竞赛口号征集作品展示'],
  stories: ['“安全之星”先进事迹', '班组安全标兵故事', '职工家属安全寄语'],
  tips: ['更新岗位“手指口述”操作要点', '设备点检操作提示卡', '劳保用品佩戴示意图'],
};

interface W {
  id: string;
  name: string;
  hireDate: string | null;
  workshopId: string | null;
  teamId: string | null;
  isManager: number;
  certType: string | null;
  roles: string;
}
interface Unit {
  id: string;
  name: string;
  kind: 'workshop' | 'team';
  parentId: string | null;
}

/**
 * The education records of a demo store (after generateDemo). One transaction; refuses a store that already has
 * activities or walls.
 */
export function generateDemoEducation(store: Store, opts: DemoEducationOptions = {}): DemoEducationResult {
  const job = progressReporter(opts);
  job.report(0, 1, 'demo.education', true);
  const r = rng(opts.seed ?? 20261211);
  const today = opts.today ?? todayLocal();
  const Y = Number(today.slice(0, 4));
  const result = store.tx(() => {
    if (store.get(`SELECT 1 FROM edu_activities UNION ALL SELECT 1 FROM edu_walls LIMIT 1`)) throw new AppError('CONFLICT', 'err.demo.notEmpty');
    const ops = store
      .all<{ id: string }>(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.is_admin, w.emp_no`)
      .map((o) => findOperator(store, o.id)!)
      .filter((o) => holdsAnyRole(o, EDU_WRITERS));
    const op = ops.find((o) => o.roles.includes('safety_officer')) ?? ops[0];
    if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
    const actor: Actor = { id: op.id, name: op.name };
    const now = nowIso();
    const newId = bulkIds();
    const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;

    // a hazardous-chemicals enterprise: the high-risk sector's hours
    // (through the hours area's own save when the recorder may edit the table; else as it writes it)
    if (holdsAnyRole(op, HOURS_EDITORS)) saveSector(store, op, actor, 'high_risk');
    else {
      setSetting(store, SECTOR_SETTING, 'high_risk');
      writeAudit(store, actor, { entity: 'setting', entityId: SECTOR_SETTING, action: 'update', before: { sector: 'general' }, after: { sector: 'high_risk' } }, now);
    }
    const need = requiredHours(store, 'high_risk');
    const levelHours = Math.max(1, Math.round((need.new_worker / 3) * 2) / 2);

    const workers = store.all<W>(
      `SELECT id, name, hire_date AS hireDate, workshop_id AS workshopId, team_id AS teamId, is_manager AS isManager, cert_type AS certType, roles
       FROM workers WHERE deleted_at IS NULL AND status = 'active' ORDER BY emp_no`,
    );
    const units = store.all<Unit>(`SELECT id, name, kind, parent_id AS parentId FROM org_units WHERE deleted_at IS NULL AND kind IN ('workshop', 'team') ORDER BY sort_order, name, id`);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const workshops = units.filter((u) => u.kind === 'workshop');
    const teams = units.filter((u) => u.kind === 'team');
    const byTeam = new Map<string, W[]>();
    const byWorkshop = new Map<string, W[]>();
    const push = <K>(m: Map<K, W[]>, k: K, w: W) => {
      const xs = m.get(k);
      if (xs) xs.push(w);
      else m.set(k, [w]);
    };
    for (const w of workers) {
      if (w.teamId) push(byTeam, w.teamId, w);
      if (w.workshopId) push(byWorkshop, w.workshopId, w);
    }
    // the team's leader by role; a team without one: its longest-serving worker hosts (a person, never the role's name)
    const leaderOf = (teamId: string) => {
      const ws = byTeam.get(teamId) ?? [];
      const leader = ws.find((w) => (JSON.parse(w.roles) as string[]).includes('team_leader'));
      if (leader) return leader.name;
      const senior = [...ws].sort((a, b) => (a.hireDate ?? '').localeCompare(b.hireDate ?? ''))[0];
      return senior?.name ?? null;
    };
    const from = shiftDays(today, -365);
    const dateIn = (a: string, b: string) => shiftDays(a, Math.floor(r() * Math.max(1, (Date.parse(b) - Date.parse(a)) / 86_400_000)));

    // ---- writing an activity with its attendees (the service's rows; one audit entry)
    const insA = store.stmt(
      `INSERT INTO edu_activities (id, kind, level, title, date, hours, host, org_unit_id, content, note, entered_by_id, entered_by_name, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?)`,
    );
    const insT = store.stmt(`INSERT INTO edu_attendance (activity_id, worker_id, hours, score, passed, source, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const byKind: Partial<Record<ActivityKind, number>> = {};
    let activities = 0;
    let attendance = 0;
    const activity = (
      a: { kind: ActivityKind; level?: EduLevel | null; title: string; date: string; hours: number; host: string | null; unitId: string | null; content: string },
      attendees: readonly W[],
      test: boolean,
    ) => {
      if (a.date >= today || attendees.length === 0) return null;
      const id = newId();
      insA.run(id, a.kind, a.level ?? null, a.title, a.date, a.hours, a.host, a.unitId, a.content, actor.id, actor.name, now, now);
      const source = attendees.length > 40 ? 'import' : 'manual';
      for (const w of attendees) {
        const score = test ? Math.min(100, 62 + Math.floor(r() * 39) - (r() < 0.03 ? 20 : 0)) : null;
        insT.run(id, w.id, null, score, score === null ? null : score >= 60 ? 1 : 0, source, now);
      }
      writeAudit(store, actor, { entity: 'edu_activity', entityId: id, action: 'create', after: { ...a, level: a.level ?? null, orgUnitId: a.unitId, attendees: attendees.length }, reason: '演示数据' }, now);
      byKind[a.kind] = (byKind[a.kind] ?? 0) + 1;
      activities++;
      attendance += attendees.length;
      if ((activities & 63) === 0) job.report(activities, null, 'demo.education');
      return id;
    };
    /** where the photos go: activities and wall updates by what they show */
    const shown: Record<'training' | 'drill' | 'wall' | 'contest', string[]> = { training: [], drill: [], wall: [], contest: [] };
    const show = (kind: keyof typeof shown, id: string | null) => {
      if (id) shown[kind].push(id);
    };
    const present = (ws: readonly W[], share: number, date: string) => ws.filter((w) => (!w.hireDate || w.hireDate <= date) && r() < share);

    // ---- three-level education of the workers hired in the last two years: 厂级 on the hire day, 车间级 three days
    // later, 班组级 six days later (one in ten has not had the team level yet)
    const hires = workers.filter((w) => w.hireDate && w.hireDate >= shiftDays(today, -730) && w.hireDate < today).sort((a, b) => (a.hireDate! < b.hireDate! ? -1 : 1));
    const groupBy = <K>(xs: readonly W[], key: (w: W) => K) => {
      const m = new Map<K, W[]>();
      for (const w of xs) push(m, key(w), w);
      return m;
    };
    for (const [day, ws] of groupBy(hires, (w) => w.hireDate!)) {
      const content = '安全生产法律法规、本单位安全生产规章制度、劳动纪律、事故案例、职业病危害及防护、应急救援与自救互救';
      show('training', activity({ kind: 'three_level', level: 'company', title: '新员工厂级安全教育', date: day, hours: levelHours, host: '安全环保部', unitId: null, content }, ws, true));
      for (const [wsId, wws] of groupBy(ws, (w) => w.workshopId)) {
        const name = unitName.get(wsId ?? '') ?? '车间';
        activity(
          { kind: 'three_level', level: 'workshop', title: `新员工车间级安全教育（${name}）`, date: shiftDays(day, 3), hours: levelHours, host: `${name}安全员`, unitId: wsId, content: '本车间工艺流程、危险源与危险化学品、安全操作规程、防护设施与应急预案' },
          wws,
          true,
        );
      }
      for (const [teamId, tws] of groupBy(
        ws.filter(() => r() < 0.9),
        (w) => w.teamId,
      )) {
        if (!teamId) continue;
        activity(
          { kind: 'three_level', level: 'team', title: `新员工班组级安全教育（${unitName.get(teamId) ?? ''}）`, date: shiftDays(day, 6), hours: levelHours, host: leaderOf(teamId), unitId: teamId, content: '岗位安全操作规程、设备与防护用品使用、岗位间衔接配合、师徒结对' },
          tws,
          true,
        );
      }
    }

    // ---- post changes: workshop and team levels again for one worker in two hundred
    for (const w of workers.filter(() => r() < 0.005)) {
      const day = dateIn(from, today);
      const name = unitName.get(w.workshopId ?? '') ?? '车间';
      activity({ kind: 'post_change', level: 'workshop', title: `转岗安全教育（${name}）`, date: day, hours: 8, host: `${name}安全员`, unitId: w.workshopId, content: '新岗位的危险源、安全操作规程与应急处置' }, [w], true);
      if (w.teamId) activity({ kind: 'post_change', level: 'team', title: `转岗班组级安全教育（${unitName.get(w.teamId) ?? ''}）`, date: shiftDays(day, 2), hours: 4, host: leaderOf(w.teamId), unitId: w.teamId, content: '岗位操作要点与师徒结对' }, [w], true);
    }

    // ---- the yearly re-training: two sessions per team (8 hours each; one in twenty-five absent from each), and a
    // make-up session per workshop near the end for those who missed one (most of them come)
    const missed = new Map<string, W[]>();
    teams.forEach((t, k) => {
      const ws = byTeam.get(t.id) ?? [];
      for (const [n, offset] of [[1, 70], [2, 250]] as const) {
        const day = shiftDays(from, offset + (k % 25));
        const there = present(ws, 0.96, day);
        const id = activity(
          { kind: 'retraining', title: `${Y}年度从业人员安全再培训（第${n === 1 ? '一' : '二'}期·${unitName.get(t.parentId ?? '') ?? ''}${t.name}）`, date: day, hours: 8, host: '安全环保部', unitId: t.id, content: '新修订法规标准、本年度事故案例、岗位风险辨识与隐患排查、应急处置' },
          there,
          true,
        );
        if (!id) continue;
        const got = new Set(there);
        for (const w of ws) if (!got.has(w) && (!w.hireDate || w.hireDate <= day) && w.workshopId) push(missed, w.workshopId, w);
      }
    });
    workshops.forEach((u, k) => {
      const day = shiftDays(from, 320 + k);
      const absent = [...new Set(missed.get(u.id) ?? [])];
      activity({ kind: 'retraining', title: `${Y}年度从业人员安全再培训（补训·${u.name}）`, date: day, hours: 8, host: '安全环保部', unitId: u.id, content: '未参加再培训人员补训' }, present(absent, 0.9, day), true);
    });

    // ---- drills: two per workshop (2 hours; nine in ten there)
    workshops.forEach((u, k) => {
      for (const offset of [110 + k * 3, 290 + k * 3]) {
        const day = shiftDays(from, offset);
        const title = DRILLS[(k + (offset > 200 ? 1 : 0)) % DRILLS.length]!;
        show('drill', activity({ kind: 'drill', title: `${u.name}${title}`, date: day, hours: 2, host: `${u.name}主任`, unitId: u.id, content: '按现场处置方案演练报警、隔离、疏散、救援与恢复，演练后讲评' }, present(byWorkshop.get(u.id) ?? [], 0.95, day), false));
      }
    });

    // ---- the 安康杯 knowledge contest (a quarter of the workforce, scored)
    const contest = shiftDays(from, 180);
    show('contest', activity({ kind: 'ankang_cup', title: `${Y}年“安康杯”安全知识竞赛`, date: contest, hours: 2, host: '公司工会', unitId: null, content: '安全生产法律法规与职业健康知识竞赛（笔试与现场抢答）' }, present(workers, 0.25, contest), true));

    // ---- special-operation training of the certificate holders, one session per certificate text
    const certs = groupBy(
      workers.filter((w) => w.certType),
      (w) => w.certType!,
    );
    [...certs.entries()].forEach(([text, ws], k) => {
      const day = shiftDays(from, 140 + k * 9);
      activity({ kind: 'special', title: `特种作业人员专项安全培训（${text}）`, date: day, hours: 8, host: '安全环保部', unitId: null, content: `${text}安全技术、操作规程与典型事故案例` }, present(ws, 0.95, day), true);
    });

    // ---- managers: two sessions of the yearly training
    const managers = workers.filter((w) => w.isManager === 1);
    for (const offset of [95, 275]) {
      const day = shiftDays(from, offset);
      activity({ kind: 'manager', title: '主要负责人和安全生产管理人员年度再培训', date: day, hours: need.manager_yearly / 2 || 8, host: '安全环保部', unitId: null, content: '安全生产责任制、双重预防机制、重大危险源管理与应急管理' }, present(managers, 0.9, day), true);
    }

    // ---- pre-shift meetings: one recorded a week per team, most of the team attending — a few absent (leave, rest
    // days, sick), more or fewer from week to week (a fixed hash, not r(): the rest of the demo keeps its numbers)
    teams.forEach((t, k) => {
      const ws = byTeam.get(t.id) ?? [];
      if (ws.length === 0) return;
      for (let week = 0; week < 52; week++) {
        const day = shiftDays(from, week * 7 + (k % 7));
        const absentShare = 3 + ((week * 7 + k * 3) % 11); // 3–13 % of the team away
        const shift = ws.filter((w, i) => (!w.hireDate || w.hireDate <= day) && ((i * 37 + week * 11 + k * 5) % 100) >= absentShare);
        const topic = (week + k) % 5 === 0 ? seasonTopic(Number(day.slice(5, 7))) : PRE_SHIFT_TOPICS[(week + k) % PRE_SHIFT_TOPICS.length]!;
        activity({ kind: 'pre_shift', title: `班前会：${topic}`, date: day, hours: 0.25, host: leaderOf(t.id), unitId: t.id, content: `班组长讲评上一班安全情况，强调${topic}，检查劳动防护用品` }, shift, false);
      }
    });

    // ---- culture walls: most workshops and teams have one, updated every month or two; one in ten is stale (last
    // updated four to seven months ago), one in twelve has none
    const insW = store.stmt(`INSERT INTO edu_walls (id, org_unit_id, name, location, note, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?)`);
    const insU = store.stmt(`INSERT INTO edu_wall_updates (id, wall_id, date, sections, content, entered_by_name, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    let walls = 0;
    let wallUpdates = 0;
    for (const u of units) {
      if (r() < 0.08) continue;
      const id = newId();
      const name = u.kind === 'workshop' ? `${u.name}安康文化墙` : `${unitName.get(u.parentId ?? '') ?? ''}${u.name}安康文化角`;
      const location = u.kind === 'workshop' ? pick(['车间办公楼一楼走廊', '车间控制室外墙', '车间更衣室入口']) : pick(['班组休息室', '交接班室', '岗位操作室门口']);
      insW.run(id, u.id, name, location, now, now);
      writeAudit(store, actor, { entity: 'edu_wall', entityId: id, action: 'create', after: { orgUnitId: u.id, name, location }, reason: '演示数据' }, now);
      walls++;
      const stale = r() < 0.08;
      let day = stale ? shiftDays(today, -120 - Math.floor(r() * 90)) : shiftDays(today, -5 - Math.floor(r() * 60));
      const dates: string[] = [];
      while (day >= from) {
        dates.unshift(day);
        day = shiftDays(day, -30 - Math.floor(r() * 35));
      }
      for (const d of dates) {
        const sections = WALL_SECTIONS.filter(() => r() < 0.45);
        if (sections.length === 0) sections.push(pick(WALL_SECTIONS));
        const content = sections.map((s) => pick(WALL_CONTENT[s])).join('；');
        const uid = newId();
        insU.run(uid, id, d, JSON.stringify(sections), content, actor.name, now, now);
        writeAudit(store, actor, { entity: 'edu_wall_update', entityId: uid, action: 'create', after: { wallId: id, date: d, sections, content }, reason: '演示数据' }, now);
        wallUpdates++;
        if (d === dates.at(-1)) show('wall', uid);
      }
    }
    // ---- the photos: each on the newest activities (or wall updates) of what it shows
    const insAP = store.stmt(`INSERT INTO edu_activity_photos (activity_id, attachment_id, sort_order) VALUES (?, ?, ?)`);
    const insWP = store.stmt(`INSERT INTO edu_wall_photos (update_id, attachment_id, sort_order) VALUES (?, ?, ?)`);
    let photosLinked = 0;
    const used = { training: 0, drill: 0, wall: 0, contest: 0 };
    for (const p of opts.photos ?? []) {
      const targets = shown[p.kind];
      const target = targets[targets.length - 1 - used[p.kind]++];
      if (!target) continue;
      (p.kind === 'wall' ? insWP : insAP).run(target, p.id, 0);
      writeAudit(store, actor, { entity: p.kind === 'wall' ? 'edu_wall_update' : 'edu_activity', entityId: target, action: 'photo_add', after: { attachmentId: p.id }, reason: '演示数据' }, now);
      photosLinked++;
    }
    return { activities, attendance, byKind, walls, wallUpdates, photosLinked };
  });
  job.report(1, 1, 'demo.education', true);
  return result;
}
