// The demo's workers' congress (issue 8): 第3届 with the roster's flagged representatives in one group per workshop,
// observers, a presidium, a recall and a by-election; last year's safety-themed 5+X session held and closed (papers
// issued, attendance above the quorum, votes counted and announced — one failing for lack of an absolute majority
// although most of those present voted yes — resolutions), so its minutes print; this year's session in preparation
// from the template; proposals for it in every state, with co-signers, one linked to a new hazard.
//
// Every write goes through the congress services with their inputs parsed by the channels' own schemas, in one
// transaction, by the union officer (the demo's administrator): the rules are applied and every change is audited, as
// if entered on the screens. The actions carry today's time (the services stamp them); the dates of the record (the
// term, the stints, the sessions, the proposals) are the demo's.
import { majorityNeeded } from '../../../shared/congress/rules';
import { groupInput, membersQuery, memberAdd, memberEnd, memberUpdate, termInput } from '../../../shared/congress/reps/schemas';
import {
  attendanceSet,
  itemAdd,
  itemRecord,
  itemUpdate,
  sessionCreate,
  voteCount,
  voteOpen,
} from '../../../shared/congress/sessions/schemas';
import type { AgendaItem, SessionDetail } from '../../../shared/congress/sessions/types';
import {
  proposalAnswer,
  proposalAssign,
  proposalFeedback,
  proposalHazardCreate,
  proposalReview,
  proposalSettingsInput,
  proposalSubmit,
} from '../../../shared/congress/proposals/schemas';
import type { ProposalCategory } from '../../../shared/congress/proposals/types';
import { shiftDate } from '../../../shared/congress/proposals/workflow';
import { AppError } from '../../../shared/result';
import type { Actor } from '../audit';
import type { Store } from '../db/store';
import { progressReporter, type CallOptions } from '../kernel/jobs';
import { findOperator } from '../operators/service';
import { todayLocal } from '../util';
import * as P from './proposals/workflow';
import { importFromRoster, insertMember, composition, endMember, listMembers, updateMember } from './reps/members';
import { createTerm, listGroups, saveGroup } from './reps/terms';
import { announceVote, countVote, listAttendance, openVote, setAttendance } from './sessions/day';
import { addItem, createSession, recordItem, stepSession, updateItem } from './sessions/sessions';

export interface DemoCongressResult {
  termNumber: number;
  representatives: number;
  sessions: number;
  proposals: number;
}

/** The demo's term number and the sessions' places (data, Chinese like the papers). */
export const DEMO_TERM_NUMBER = 3;
const PLACE = '公司职工活动中心二楼会议室';
const CONVENOR = '公司工会委员会';

/** x items of last year's session: one passes, one fails for lack of an absolute majority */
export const DEMO_PAST_PASSING = '审议《劳动防护用品配发标准（修订稿）》';
export const DEMO_PAST_FAILING = '审议《高温季节作业时间调整方案》';

const SUMMARIES: Partial<Record<string, string>> = {
  work_report: '听取了安全总监所作的年度安全生产和职业健康工作报告，代表们分组讨论，认为报告实事求是，提出加强承包商管理和夜班巡检等意见。',
  education: '各代表组汇报了班组安全活动开展情况，会议同意推行“班前五分钟安全讲话”和师带徒安全帮教制度。',
  skills: '审议了职工安全技能培训和应急演练计划，全年计划开展岗位练兵 24 场、综合应急演练 4 次。',
  protection: '审议了劳动保护设施配备情况，代表提出增加罐区洗眼器和更换老旧防毒面具的意见，由设备部落实。',
  wage: '就安全生产“能级工资”方案进行专题协商，方案将安全技能等级与岗位工资挂钩，经表决通过。',
  hazards: '听取了上年度安全隐患提案整改落实情况和隐患排查治理情况的报告，重大隐患均已按期整改销号。',
  resolutions: '大会对本次会议决议草案进行了表决。',
};
const RESOLUTIONS: Partial<Record<string, string>> = {
  wage: '同意实施安全生产“能级工资”方案，自本年度 7 月 1 日起执行，由人力资源部会同工会组织落实。',
  resolutions: '大会号召全体职工牢固树立安全发展理念，落实全员安全生产责任制，确保全年不发生一般及以上生产安全事故。',
};

const PROPOSALS: { category: ProposalCategory; title: string; reason: string; measure: string }[] = [
  {
    category: 'safety',
    title: '关于罐区增设可燃气体检测报警点的提案',
    reason: '储运车间甲醇罐区东侧装卸台距现有检测点较远，夜间装卸时一旦泄漏不能及时报警。',
    measure: '在装卸台东西两侧各增设一个可燃气体检测报警点，信号接入中控室 DCS。',
  },
  {
    category: 'safety',
    title: '关于合成一车间反应釜平台护栏加高的提案',
    reason: '反应釜二层操作平台护栏高度仅 0.9 米，低于现行标准要求，巡检时存在高处坠落风险。',
    measure: '将平台护栏加高至 1.2 米并补装踢脚板，同时排查全厂同类平台。',
  },
  {
    category: 'protective_equipment',
    title: '关于更换包装车间防尘口罩型号的提案',
    reason: '现配发的防尘口罩密合性差，夏季佩戴闷热，职工反映不愿长时间佩戴。',
    measure: '改配带呼气阀的 KN95 防尘口罩，并按岗位粉尘浓度确定更换周期。',
  },
  {
    category: 'occupational_health',
    title: '关于增加噪声岗位职工听力检查频次的提案',
    reason: '空压站和机修车间噪声较大，部分职工反映听力下降，目前每年只做一次体检。',
    measure: '噪声岗位职工听力检查改为每半年一次，并为其配发降噪耳罩。',
  },
  {
    category: 'wage',
    title: '关于提高夜班津贴标准的建议',
    reason: '夜班津贴标准多年未调整，与周边同类企业相比偏低。',
    measure: '参照本地区同行业水平调整夜班津贴，并纳入下一轮工资集体协商。',
  },
  {
    category: 'other',
    title: '关于在厂区增设职工休息亭的提案',
    reason: '厂区道路两侧缺少遮阳避雨的地方，职工往返各车间不便。',
    measure: '在主干道沿线增设休息亭三处。',
  },
  {
    category: 'safety',
    title: '关于机修车间焊接作业区加装局部排风的提案',
    reason: '焊接作业区通风不良，电焊烟尘浓度偏高，现有移动式排烟机数量不足。',
    measure: '在固定焊接工位加装局部排风罩和集中除尘装置。',
  },
  {
    category: 'safety',
    title: '关于完善有限空间作业审批流程的提案',
    reason: '检修期间有限空间作业较多，纸质审批单流转慢，气体检测记录不完整。',
    measure: '统一有限空间作业票格式，作业前气体检测数据附票存档，监护人持证上岗。',
  },
];

/**
 * Adds the congress to a demo store (after generateDemo and the hazards, so last year's item 5 has figures to freeze).
 * One transaction; refuses a store that already has a term. `leaveWageVote`: last year's session is left in session
 * before its item 4 (能级工资) is voted on, for the wage demo to put its scheme to that item, hold the vote and close
 * the session (electron/core/wage/demo.ts).
 */
export function generateDemoCongress(store: Store, opts: CallOptions & { today?: string; leaveWageVote?: boolean } = {}): DemoCongressResult {
  const job = progressReporter(opts);
  job.report(0, 1, 'demo.congress', true);
  const result = store.tx(() => {
    if (store.get(`SELECT 1 FROM congress_terms`)) throw new AppError('CONFLICT', 'err.demo.notEmpty');
    const opId = store.get<{ id: string }>(
      `SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.is_admin = 1 AND o.deleted_at IS NULL ORDER BY w.emp_no LIMIT 1`,
    )?.id;
    const op = opId ? findOperator(store, opId) : null;
    if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
    const actor: Actor = { id: op.id, name: op.name };
    const pc: P.ProposalCtx = { store, actor, operator: op };
    const today = opts.today ?? todayLocal();
    const Y = Number(today.slice(0, 4));
    const nameOf = (empNo: string) => store.get<{ name: string }>(`SELECT name FROM workers WHERE emp_no = ?`, [empNo])?.name ?? null;

    // ---- the term, its groups and representatives
    const staff = store.get<{ n: number }>(`SELECT count(*) AS n FROM workers WHERE deleted_at IS NULL AND status = 'active'`)!.n;
    const start = `${Y - 2}-09-26`;
    const term = createTerm(
      store,
      op,
      actor,
      termInput.parse({
        number: DEMO_TERM_NUMBER,
        startDate: start,
        endDate: `${Y + 2}-09-25`,
        // above a hundred representatives the number is agreed with the union (企业民主管理规定 art. 13): 6‰ here
        settings: staff > 2000 ? { quotaPreset: 'custom', customQuota: { perMille: 6, min: 30 } } : { quotaPreset: 'national' },
      }),
    );
    importFromRoster(store, op, actor, { termId: term.id, joinedOn: start });
    const reps = listMembers(store, membersQuery.parse({ termId: term.id, asOf: start }));
    // the presidium (5, or 7 above a hundred representatives): the union officer, a manager, the rest front-line
    const presSize = reps.length > 100 ? 7 : 5;
    const officer = reps.find((m) => m.workerId === op.workerId);
    const manager = reps.find((m) => m.isManager && m !== officer);
    const pres = [...(officer ? [officer] : []), ...(manager ? [manager] : [])];
    pres.push(...reps.filter((m) => m.isFrontline && !m.isManager && !pres.includes(m)).slice(0, presSize - pres.length));
    for (const m of pres) updateMember(store, op, actor, memberUpdate.parse({ id: m.id, presidium: true }));
    // a group leader for every group: its first front-line representative
    for (const g of listGroups(store, term.id, start)) {
      const leader = reps.find((m) => m.groupId === g.id && m.isFrontline) ?? reps.find((m) => m.groupId === g.id);
      if (leader) saveGroup(store, op, actor, groupInput.parse({ termId: term.id, id: g.id, name: g.name, orgUnitId: g.orgUnitId, leaderWorkerId: leader.workerId }));
    }
    // two observers (列席代表): the occupational-health manager and a dispatched worker of the laboratory
    const observerIds = store
      .all<{ id: string }>(
        `SELECT w.id FROM workers w WHERE w.deleted_at IS NULL AND w.status = 'active' AND w.is_representative = 0
           AND NOT EXISTS (SELECT 1 FROM congress_members m WHERE m.worker_id = w.id)
         ORDER BY (w.emp_no = 'AK000008') DESC, w.emp_no DESC LIMIT 2`,
      )
      .map((r) => r.id);
    for (const w of observerIds) insertMember(store, actor, memberAdd.parse({ termId: term.id, workerId: w, kind: 'observer', joinedOn: start, joinedBy: 'invitation' }));

    // a recall, and the by-election in the same constituency
    const recalled = [...reps].reverse().find((m) => !pres.includes(m) && m.groupId && reps.some((x) => x.groupId === m.groupId && x !== m && x.isFrontline));
    if (recalled) {
      endMember(
        store,
        op,
        actor,
        memberEnd.parse({ id: recalled.id, leftOn: `${Y - 1}-01-12`, leftBy: 'recall', note: '严重违反劳动纪律，经所在选区全体职工过半数通过罢免' }),
      );
      const g = listGroups(store, term.id).find((x) => x.id === recalled.groupId)!;
      const by = store.get<{ id: string }>(
        `SELECT w.id FROM workers w WHERE w.deleted_at IS NULL AND w.status = 'active' AND w.workshop_id = ? AND w.is_frontline = 1 AND w.is_manager = 0
           AND w.gender = ? AND NOT EXISTS (SELECT 1 FROM congress_members m WHERE m.worker_id = w.id) ORDER BY w.emp_no LIMIT 1`,
        [g.orgUnitId, recalled.gender],
      );
      if (by) insertMember(store, actor, memberAdd.parse({ termId: term.id, workerId: by.id, groupId: g.id, joinedOn: `${Y - 1}-02-25`, joinedBy: 'by_election' }));
    }

    // ---- last year's safety-themed session: held and closed
    const safetyChief = nameOf('AK000002');
    const ohManager = nameOf('AK000008');
    const chair = op.name;
    let past = createSession(
      store,
      op,
      actor,
      sessionCreate.parse({ termId: term.id, kind: 'safety', date: `${Y - 1}-04-22`, time: '08:30', place: PLACE, convenor: CONVENOR }),
    );
    const presenters: Partial<Record<string, string | null>> = {
      opening: chair,
      work_report: safetyChief,
      education: safetyChief,
      skills: '人力资源部',
      protection: ohManager,
      wage: '人力资源部',
      hazards: safetyChief,
      resolutions: chair,
      closing: chair,
    };
    const setPresenters = (s: SessionDetail) => {
      for (const i of s.agenda) {
        const p = i.templateKey ? presenters[i.templateKey] : undefined;
        if (p) s = updateItem(store, op, actor, itemUpdate.parse({ id: i.id, title: i.title, kind: i.kind, presenter: p, plannedMinutes: i.plannedMinutes }));
      }
      return s;
    };
    past = setPresenters(past);
    past = addItem(store, op, actor, itemAdd.parse({ sessionId: past.id, title: DEMO_PAST_PASSING, kind: 'vote', presenter: ohManager, plannedMinutes: 15 }));
    past = addItem(store, op, actor, itemAdd.parse({ sessionId: past.id, title: DEMO_PAST_FAILING, kind: 'vote', presenter: '生产部', plannedMinutes: 15 }));
    past = stepSession(store, op, actor, past.id, 'issue');
    past = stepSession(store, op, actor, past.id, 'open');
    // attendance: about nine in ten present, a few on leave, the rest absent
    const rows = listAttendance(store, past.id, null).rows;
    const leave = rows.filter((_, k) => k % 17 === 5).map((r) => r.memberId);
    const absent = rows.filter((_, k) => k % 29 === 11 && !leave.includes(rows[k]!.memberId)).map((r) => r.memberId);
    const present = rows.map((r) => r.memberId).filter((m) => !leave.includes(m) && !absent.includes(m));
    for (let k = 0; k < present.length; k += 2000) setAttendance(store, op, actor, attendanceSet.parse({ sessionId: past.id, memberIds: present.slice(k, k + 2000), status: 'present' }));
    if (leave.length > 0) setAttendance(store, op, actor, attendanceSet.parse({ sessionId: past.id, memberIds: leave, status: 'leave' }));
    if (absent.length > 0) setAttendance(store, op, actor, attendanceSet.parse({ sessionId: past.id, memberIds: absent, status: 'absent' }));
    const entitled = rows.length;
    const p = present.length;
    const needed = majorityNeeded(entitled);
    const vote = (item: AgendaItem, pass: boolean) => {
      const s = openVote(store, op, actor, voteOpen.parse({ itemId: item.id }));
      const v = s.agenda.find((i) => i.id === item.id)!.votes.at(-1)!;
      // passing: nearly all yes; failing: most of those present yes, yet fewer than half of ALL representatives
      const yes = pass ? p - 3 : needed - 1;
      const rest = p - yes;
      const no = pass ? 1 : Math.ceil(rest * 0.6);
      const invalid = 1;
      const abstain = rest - no - invalid;
      countVote(store, op, actor, v.id, voteCount.parse({ id: v.id, counts: { issued: p, yes, no, abstain, invalid } }).counts);
      return announceVote(store, op, actor, v.id);
    };
    const leftOpen = (item: AgendaItem) => opts.leaveWageVote === true && item.templateKey === 'wage';
    for (const item of past.agenda) {
      if (item.kind !== 'vote' || leftOpen(item)) continue;
      past = vote(item, item.title !== DEMO_PAST_FAILING);
    }
    for (const item of past.agenda) {
      if (leftOpen(item)) continue;
      const summary =
        item.templateKey !== null
          ? (SUMMARIES[item.templateKey] ?? null)
          : item.title === DEMO_PAST_PASSING
            ? '审议了修订后的劳动防护用品配发标准，代表们对防尘、防毒用品的配发周期提出了修改意见。'
            : '审议了高温季节作业时间调整方案，部分代表认为方案对连续生产岗位考虑不足，建议修改后再提交。';
      const resolution =
        item.templateKey !== null
          ? (RESOLUTIONS[item.templateKey] ?? null)
          : item.title === DEMO_PAST_PASSING
            ? '通过《劳动防护用品配发标准（修订稿）》，由安全环保部负责组织实施。'
            : null;
      if (summary || resolution) past = recordItem(store, op, actor, itemRecord.parse({ id: item.id, summary, resolution }));
    }
    if (!opts.leaveWageVote) past = stepSession(store, op, actor, past.id, 'close');

    // ---- this year's session: in preparation from the template, papers not yet issued
    const nextDate = shiftDate(today, 20) <= `${Y}-12-31` ? shiftDate(today, 20) : `${Y}-12-31`;
    let next = createSession(
      store,
      op,
      actor,
      sessionCreate.parse({ termId: term.id, kind: 'safety', date: nextDate, time: '08:30', place: PLACE, convenor: CONVENOR }),
    );
    next = setPresenters(next);
    addItem(store, op, actor, itemAdd.parse({ sessionId: next.id, title: '审议《职工安全生产奖惩办法》', kind: 'vote', presenter: safetyChief, plannedMinutes: 20 }));

    // ---- proposals for this year's session, with co-signers, in every state
    const now = listMembers(store, { termId: term.id, asOf: today, history: false }).filter((m) => m.kind === 'representative');
    P.saveSettings(
      store,
      op,
      actor,
      proposalSettingsInput.parse({ termId: term.id, windowDays: 30, minCosigners: 2, secondAnswerDays: 15, sessionDate: nextDate, committee: pres.slice(1, 3).map((m) => m.workerId) }),
    );
    const opens = shiftDate(nextDate, -30);
    const closes = shiftDate(nextDate, -1);
    const lastDay = closes < today ? closes : today;
    const units = new Map(store.all<{ name: string; id: string }>(`SELECT name, id FROM org_units WHERE kind = 'workshop' AND deleted_at IS NULL`).map((u) => [u.name, u.id]));
    const unitOf = (m: (typeof now)[number]) => (m.workshopName && units.get(m.workshopName)) || [...units.values()][0]!;
    const due = shiftDate(today, 30);
    let made = 0;
    PROPOSALS.forEach((x, k) => {
      const proposer = now[(k * 7 + 3) % now.length]!;
      const cos = [1, 2, 3]
        .slice(0, 2 + (k % 2))
        .map((d) => now[(k * 7 + 3 + d * 5) % now.length]!)
        .filter((m) => m.workerId !== proposer.workerId);
      const on = shiftDate(opens, Math.min(k * 2, Math.max(0, (Date.parse(lastDay) - Date.parse(opens)) / 86_400_000)));
      let d = P.submitProposal(
        pc,
        proposalSubmit.parse({ termId: term.id, ...x, proposerId: proposer.workerId, cosignerIds: cos.map((m) => m.workerId), submittedOn: on > lastDay ? lastDay : on }),
      );
      made++;
      const id = d.id;
      const lead = unitOf(proposer);
      const assign = () => (d = P.assignProposal(pc, proposalAssign.parse({ id, leadUnitId: lead, coUnitIds: [...units.values()].filter((u) => u !== lead).slice(0, 1), dueDate: due })));
      switch (k) {
        case 0: // waiting for the committee
          break;
        case 1: // filed, assigned, and a hazard raised in the ledger from it
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'file' }));
          assign();
          P.createLinkedHazard(
            pc,
            proposalHazardCreate.parse({ id, description: '反应釜二层操作平台护栏高度不足 1.2 米，缺少踢脚板', orgUnitId: lead, place: '反应釜二层操作平台', category1: 'material', accidentType: 'fall' }),
          );
          break;
        case 2: // answered A and closed with the proposer satisfied
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'file' }));
          assign();
          P.answerProposal(pc, proposalAnswer.parse({ id, answerClass: 'A', text: '已采购带呼气阀的 KN95 防尘口罩并完成首批配发，更换周期按岗位粉尘浓度确定。', cost: 18600 }));
          P.feedbackProposal(pc, proposalFeedback.parse({ id, feedback: 'satisfied' }));
          break;
        case 3: // answered B: planned, waiting for the proposer's feedback
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'file' }));
          assign();
          P.answerProposal(
            pc,
            proposalAnswer.parse({ id, answerClass: 'B', text: '同意调整听力检查频次。', plan: '明年起噪声岗位职工听力检查每半年一次，降噪耳罩随下批劳保用品配发。', plannedBy: shiftDate(today, 120), cost: 42000 }),
          );
          break;
        case 4: // passed on as an opinion (wages are negotiated collectively)
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'refer', note: '属于工资集体协商事项，转人力资源部作为意见建议在下一轮协商中研究。' }));
          break;
        case 5: // not filed
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'reject', note: '不属于安全生产专题职代会提案范围，已转后勤部门作为一般建议处理。' }));
          break;
        case 6: // answered C, the proposer dissatisfied: back to the department for the second answer
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'file' }));
          assign();
          P.answerProposal(pc, proposalAnswer.parse({ id, answerClass: 'C', text: '经评估暂不具备改造条件。', reason: '焊接工位计划于明年随厂房改造整体搬迁，现阶段加装固定排风设施投入较大。' }));
          P.feedbackProposal(pc, proposalFeedback.parse({ id, feedback: 'dissatisfied', note: '搬迁时间未定，职工每天都在接触电焊烟尘，建议先增配移动式排烟机。' }));
          break;
        default: // filed, not yet assigned
          P.reviewProposal(pc, proposalReview.parse({ id, decision: 'file' }));
      }
    });

    const c = composition(store, { termId: term.id, asOf: today });
    return { termNumber: term.number, representatives: c.representatives.total, sessions: 2, proposals: made };
  });
  job.report(1, 1, 'demo.congress', true);
  return result;
}
