// The demo's subsidy dossier (issue 10, "Demo data"): this year's application as a draft — safety leadership, the
// summary of the work and its results, the amount requested, the contact — and the nominees the money would reward,
// taken from the roster's committee roles: two team leaders, two safety officers, the occupational-health manager, a
// labour-protection supervisor and the union officer, each with the reason they are nominated.
//
// Through the dossier's own save (its checks and audit entry), by the union officer who prepares the dossier.
import { SUBSIDY_WRITERS } from '../../../shared/subsidy/kinds';
import { AppError } from '../../../shared/result';
import { holdsAnyRole } from '../../../shared/roster/roles';
import type { Actor } from '../audit';
import type { Store } from '../db/store';
import { progressReporter, type CallOptions } from '../kernel/jobs';
import { findOperator } from '../operators/service';
import { todayLocal } from '../util';
import { dossierSave } from '../../../shared/subsidy/dossier/schemas';
import { MAX_DOSSIER_PHOTOS, type Dossier, type NomineeRole } from '../../../shared/subsidy/dossier/types';
import { yearPhotoIds } from './dossier/records';
import { accidentsOf, saveDossier } from './dossier/service';

export interface DemoSubsidyOptions extends CallOptions {
  today?: string;
  /** photos offered for the annex (the education demo's): those of the year's activities and wall updates are chosen */
  photoIds?: string[];
  /** photos chosen at most (default MAX_DOSSIER_PHOTOS) */
  maxPhotos?: number;
}

export interface DemoSubsidyResult {
  year: number;
  dossierId: string;
  nominees: number;
}

/** the roles nominees are chosen in, and how many of each (in the dossier's order) */
export const DEMO_NOMINEE_ROLES = [
  ['team_leader', 2],
  ['safety_officer', 2],
  ['oh_manager', 1],
  ['lp_supervisor', 1],
  ['union_officer', 1],
] as const;
const REASONS: Record<NomineeRole, string> = {
  team_leader: '带领班组坚持班前会和“手指口述”，全年班组无违章、无事故，班组安全文化墙按月更新',
  safety_officer: '全年带队开展隐患排查，发现并督促整改隐患，组织应急演练和从业人员再培训',
  oh_manager: '组织职业健康检查和复查，建立职业健康监护档案，落实职业禁忌证人员调岗',
  lp_supervisor: '监督劳动防护用品配发和佩戴，参与职代会安全专题提案的督办',
  union_officer: '组织安康杯竞赛和职代会安全专题会议，推动安全生产能级工资落地',
};

/** the year's records the demo's summary states (read from the store, so it says nothing they contradict) */
export interface DemoSummaryFacts {
  activities: number;
  preShift: number;
  hazardsFound: number;
  hazardsClosed: number;
  /** congress sessions of the year closed (held, with minutes) */
  congressClosed: number;
  accidents: Dossier['accidents'];
}

export function demoSummaryFacts(store: Store, year: number, today: string): DemoSummaryFacts {
  const from = `${year}-01-01`;
  const end = `${year}-12-31`;
  const asOf = today < end ? today : end;
  const edu = store.get<{ n: number; pre: number | null }>(
    `SELECT count(*) AS n, sum(kind = 'pre_shift') AS pre FROM edu_activities WHERE deleted_at IS NULL AND date BETWEEN ? AND ?`,
    [from, asOf],
  )!;
  const hz = store.get<{ n: number; closed: number | null }>(
    `SELECT count(*) AS n, sum(status = 'closed') AS closed FROM hazards WHERE deleted_at IS NULL AND status <> 'cancelled' AND found_date BETWEEN ? AND ?`,
    [from, asOf],
  )!;
  const congressClosed = store.get<{ n: number }>(`SELECT count(*) AS n FROM congress_sessions WHERE deleted_at IS NULL AND status = 'closed' AND date BETWEEN ? AND ?`, [from, end])!.n;
  return { activities: edu.n, preShift: edu.pre ?? 0, hazardsFound: hz.n, hazardsClosed: hz.closed ?? 0, congressClosed, accidents: accidentsOf(store, year) };
}

/**
 * The application's fields as the demo writes them (the dossier's save input, the amount in yuan). The summary tells
 * what was done and states only figures taken from the year's records (activities, hazards, congress sessions,
 * accidents) — no claim such as "every certificate current" or "no occupational disease" that the demo's own records
 * (lapsed certificates, a suspected case) contradict.
 */
export function demoDossierFields(year: number, f: DemoSummaryFacts) {
  const ofYear = f.accidents.list.filter((x) => x.date.startsWith(`${year}-`));
  const nearMisses = ofYear.filter((x) => x.severity === 'near_miss').length;
  const accidents =
    ofYear.length === 0 ? '本年度未记录生产安全事故及未遂事件' : `本年度记录生产安全事故 ${ofYear.length - nearMisses} 起、未遂事件 ${nearMisses} 起，详见第三部分`;
  const hazards =
    f.hazardsFound === 0
      ? '本年度尚未登记隐患'
      : `本年度排查登记隐患 ${f.hazardsFound} 项，已整改销号 ${f.hazardsClosed} 项（${((f.hazardsClosed / f.hazardsFound) * 100).toFixed(1)}%）`;
  const congress = f.congressClosed === 0 ? '筹备职代会安全生产专题会议' : `召开职代会 ${f.congressClosed} 次，审议安全生产议题`;
  return {
    leadership: '公司成立以总经理为组长、工会主席和分管安全副总经理为副组长的安全生产委员会，下设安全环保部，配备专职安全管理人员，车间设兼职安全员、班组设安全员。',
    summary:
      `${year}年，公司以“安全赋能”十项举措为抓手：组织安全教育培训活动 ${f.activities} 次（其中班前会 ${f.preShift} 次）；` +
      '组织接害职工职业健康检查并建立监护档案；开展特种作业证复审管理；实行安全生产能级工资，将安全绩效与收入挂钩；' +
      `${congress}；建设车间和班组安康文化墙。${hazards}；${accidents}。` +
      '职业健康检查结论、特种作业证状态等数据见附件一，未达标事项正在整改。',
    amountYuan: 300_000,
    contactPhone: '0523-86880000',
  };
}

export function generateDemoSubsidy(store: Store, opts: DemoSubsidyOptions = {}): DemoSubsidyResult {
  const job = progressReporter(opts);
  job.report(0, 1, 'demo.subsidy', true);
  const today = opts.today ?? todayLocal();
  const year = Number(today.slice(0, 4));
  const result = store.tx(() => {
    if (store.get(`SELECT 1 FROM subsidy_dossiers WHERE year = ?`, [year])) throw new AppError('CONFLICT', 'err.demo.notEmpty');
    const ops = store
      .all<{ id: string }>(`SELECT o.id FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.is_admin DESC, w.emp_no`)
      .map((o) => findOperator(store, o.id)!)
      .filter((o) => holdsAnyRole(o, SUBSIDY_WRITERS));
    const op = ops.find((o) => o.roles.includes('union_officer')) ?? ops[0];
    if (!op) throw new AppError('NOT_FOUND', 'err.operator.notFound', { id: '' });
    const actor: Actor = { id: op.id, name: op.name };
    const chosen = new Set<string>();
    const nominees: { workerId: string; role: NomineeRole; reason: string }[] = [];
    for (const [role, n] of DEMO_NOMINEE_ROLES) {
      // the role's holders on the roster, longest serving first (the roles are a JSON list on the worker)
      const holders = store.all<{ id: string }>(
        `SELECT w.id FROM workers w WHERE w.deleted_at IS NULL AND w.status = 'active' AND EXISTS (SELECT 1 FROM json_each(w.roles) WHERE value = ?)
         ORDER BY w.hire_date, w.emp_no LIMIT ?`,
        [role, n + DEMO_NOMINEE_ROLES.length],
      );
      for (const h of holders.filter((x) => !chosen.has(x.id)).slice(0, n)) {
        chosen.add(h.id);
        nominees.push({ workerId: h.id, role, reason: REASONS[role]! });
      }
    }
    // through the dossier's own save (its checks: each nominee active and holding the role; audited)
    // the photos offered that show the year's activities and wall updates, at most `maxPhotos`
    const ofYear = new Set(yearPhotoIds(store, year, today));
    const photoIds = (opts.photoIds ?? []).filter((id) => ofYear.has(id)).slice(0, opts.maxPhotos ?? MAX_DOSSIER_PHOTOS);
    const fields = demoDossierFields(year, demoSummaryFacts(store, year, today));
    const d = saveDossier(store, op, actor, dossierSave.parse({ year, ...fields, contactName: op.name, photoIds, nominees }));
    const id = d.id!;
    return { year, dossierId: id, nominees: nominees.length };
  });
  job.report(1, 1, 'demo.subsidy', true);
  return result;
}
