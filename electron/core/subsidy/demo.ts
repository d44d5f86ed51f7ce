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
import type { NomineeRole } from '../../../shared/subsidy/dossier/types';
import { saveDossier } from './dossier/service';

export interface DemoSubsidyOptions extends CallOptions {
  today?: string;
  /** photos chosen for the annex (the education demo's) */
  photoIds?: string[];
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

/** The application's fields as the demo writes them (the dossier's save input, the amount in yuan). */
export function demoDossierFields(year: number) {
  return {
    leadership: '公司成立以总经理为组长、工会主席和分管安全副总经理为副组长的安全生产委员会，下设安全环保部，配备专职安全管理人员，车间设兼职安全员、班组设安全员。',
    summary:
      `${year}年，公司以“安全赋能”十项举措为抓手：开展全员安全教育培训和三级安全教育，坚持班前会制度；组织职业健康检查并建立监护档案；` +
      '实行安全生产能级工资，将安全绩效与收入挂钩；召开职代会安全生产专题会议审议安全议题；建设车间和班组安康文化墙。' +
      '全年未发生一般及以上生产安全事故和职业病病例，隐患整改率持续提高，特种作业人员持证上岗率 100%。',
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
    const d = saveDossier(store, op, actor, dossierSave.parse({ year, ...demoDossierFields(year), contactName: op.name, photoIds: opts.photoIds ?? [], nominees }));
    const id = d.id!;
    return { year, dossierId: id, nominees: nominees.length };
  });
  job.report(1, 1, 'demo.subsidy', true);
  return result;
}
