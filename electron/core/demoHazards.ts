// Demo hazards: realistic ledger entries spread over the last years, in every workflow state.
import { ACCIDENT_TYPES, HAZARD_CATEGORIES, HAZARD_SOURCES, addDays, dueDate, DEFAULT_HAZARD_RULES, serialNumber, type HazardCategory1 } from '../../shared/hazards/rules';
import type { HazardData } from '../../shared/hazards/schemas';
import { SYSTEM_ACTOR } from './audit';
import type { Store } from './db/store';
import { rng } from './demo';
import { nowIso, todayLocal, uuidv7 } from './util';

const TEMPLATES: { d: string; cat: [HazardCategory1, string]; acc: (typeof ACCIDENT_TYPES)[number]; place: string; eq?: string; m: string }[] = [
  { d: '反应釜安全阀铅封损坏，压力表超过检定有效期', cat: ['material', 'physical'], acc: 'vessel_explosion', place: '反应釜区二层平台', eq: '2 号反应釜', m: '更换安全阀并重新校验压力表，建立检定台账' },
  { d: '配电箱门未关闭，箱内线路老化、接线端子松动', cat: ['material', 'physical'], acc: 'electric', place: '配电间', eq: '3 号动力配电箱', m: '更换老化线路并紧固端子，配电箱加锁并张贴警示标识' },
  { d: '高处作业人员未系安全带，作业平台护栏缺失一段', cat: ['human', 'behaviour'], acc: 'fall', place: '管廊检修平台', m: '补装护栏，开展高处作业专项教育，现场设监护人' },
  { d: '危化品仓库通风设施故障，可燃气体报警器未定期标定', cat: ['material', 'chemical'], acc: 'poisoning', place: '甲类仓库', eq: '可燃气体报警器', m: '维修通风机，委托标定报警器并纳入周检' },
  { d: '叉车通道堆放杂物，通道标线磨损不清', cat: ['environment', 'indoor'], acc: 'vehicle', place: '成品仓库通道', eq: '叉车', m: '清理通道杂物，重新施划标线，设置限速标志' },
  { d: '动火作业未办理作业票，现场未配备灭火器', cat: ['management', 'rules'], acc: 'fire', place: '储罐区', m: '停止违规动火，补办作业票，配备灭火器材并考核责任人' },
  { d: '传动皮带防护罩缺失，设备运转时存在卷入风险', cat: ['material', 'physical'], acc: 'machinery', place: '包装线', eq: '输送机', m: '加装防护罩并设置联锁，张贴安全操作规程' },
  { d: '应急预案未按期演练，应急物资柜内空气呼吸器压力不足', cat: ['management', 'emergency'], acc: 'poisoning', place: '中控室', eq: '空气呼吸器', m: '补充充装空气呼吸器，组织应急演练并评估' },
  { d: '行车钢丝绳断丝超标，吊钩防脱装置失效', cat: ['material', 'physical'], acc: 'lifting', place: '机修车间', eq: '5 吨行车', m: '更换钢丝绳和吊钩防脱装置，完成特种设备定期检验' },
  { d: '新员工未完成三级安全教育即上岗操作', cat: ['management', 'responsibility'], acc: 'other', place: '合成车间', m: '立即停岗补训，考试合格后上岗，完善教育档案' },
  { d: '地面油污未清理，楼梯防滑条脱落', cat: ['environment', 'indoor'], acc: 'other', place: '压缩机房', m: '清理油污，更换防滑条，增加巡检频次' },
  { d: '蒸汽管道保温层破损，表面温度过高', cat: ['material', 'physical'], acc: 'burn', place: '公用工程管廊', eq: '蒸汽主管', m: '修复保温层并设置高温警示' },
];

export interface DemoHazardResult {
  hazards: number;
}

/** Adds `count` hazards found over the last ~3 years; older ones are mostly closed, recent ones in every state. */
export function generateDemoHazards(store: Store, count: number, seed = 7): DemoHazardResult {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const units = store.all<{ id: string }>(`SELECT id FROM org_units WHERE kind = 'team' AND deleted_at IS NULL AND retired_at IS NULL`).map((u) => u.id);
  const workers = store.all<{ id: string }>(`SELECT id FROM workers WHERE deleted_at IS NULL AND status = 'active' LIMIT 5000`).map((w) => w.id);
  const ops = store.all<{ id: string; name: string }>(
    `SELECT o.id, w.name FROM operators o JOIN workers w ON w.id = o.worker_id WHERE o.deleted_at IS NULL ORDER BY o.created_at`,
  );
  if (units.length === 0 || workers.length === 0) return { hazards: 0 };
  const today = todayLocal();
  const L = [0.5, 1, 3, 6, 10];
  const E = [1, 2, 3, 6];
  const C = [1, 3, 7, 15, 40];
  const ins = store.db.prepare(
    `INSERT INTO hazards (id, serial, found_at, found_date, finder_id, source, workshop_id, team_id, place, equipment, category1, category2,
       accident_type, description, grade, lec_l, lec_e, lec_c, risk_d, risk, production_stop, interim_measures, status,
       responsible_id, measures, planned_funds, deadline, emergency_plan, governance_plan, actual_funds, rectification_note,
       submitted_by, submitted_at, accepted_by, accepted_at, closed_date, due_date, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const audit = store.db.prepare(
    `INSERT INTO audit_log (id, at, actor_id, actor_name, entity, entity_id, action, before, after, reason) VALUES (?, ?, NULL, ?, 'hazard', ?, 'create', NULL, ?, '演示数据')`,
  );
  const cancel = store.db.prepare(`UPDATE hazards SET cancel_kind = 'invalid', cancel_reason = '经复核不构成隐患' WHERE id = ?`);
  const unitOf = new Map(
    store.all<{ id: string; parent_id: string }>(`SELECT id, parent_id FROM org_units WHERE kind = 'team'`).map((u) => [u.id, u.parent_id]),
  );
  const serials = new Map<number, number>();
  for (const r0 of store.all<{ year: number; last: number }>(`SELECT year, last FROM serials WHERE kind = 'hazard'`)) serials.set(r0.year, r0.last);
  const ev = store.db.prepare(
    `INSERT INTO hazard_events (id, hazard_id, at, actor_id, actor_name, action, from_status, to_status, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const STEPS = ['confirm', 'assign', 'start', 'submit', 'accept'] as const;
  const TO = { confirm: 'confirmed', assign: 'assigned', start: 'rectifying', submit: 'submitted', accept: 'closed' } as const;
  const at = (date: string, h: number) => `${date}T${String(h).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00.000+08:00`;
  const result = store.tx(() => {
    for (let i = 0; i < count; i++) {
      const age = Math.floor(Math.pow(r(), 1.6) * 1000); // more recent than old
      const foundDate = addDays(today, -age);
      const t = pick(TEMPLATES);
      const d: HazardData = {
        foundAt: at(foundDate, 8 + Math.floor(r() * 9)),
        finderId: pick(workers),
        source: pick(HAZARD_SOURCES),
        orgUnitId: pick(units),
        place: t.place,
        equipment: t.eq ?? null,
        category1: t.cat[0],
        category2: (HAZARD_CATEGORIES[t.cat[0]] as readonly string[]).includes(t.cat[1]) ? t.cat[1] : null,
        accidentType: t.acc,
        description: `${t.d}（第 ${i + 1} 项）`,
        productionStop: r() < 0.05 ? 'partial' : 'none',
        interimMeasures: r() < 0.7 ? '设置警戒区域，安排专人监护' : null,
        grade: null,
        lec: null,
        photoIds: [],
      };
      const id = uuidv7();
      const year = Number(foundDate.slice(0, 4));
      const seqNo = (serials.get(year) ?? 0) + 1;
      serials.set(year, seqNo);
      const serial = serialNumber(year, seqNo);
      // how far it got: old ones closed, young ones anywhere
      const stage = age > 60 ? (r() < 0.93 ? 5 : Math.floor(r() * 5)) : Math.floor(r() * 6);
      const graded = stage > 0;
      const grade = r() < 0.04 ? 'major' : 'general';
      const l = pick(L), e = pick(E), c = pick(C);
      const dv = l * e * c;
      const risk = dv > 320 ? 'red' : dv > 160 ? 'orange' : dv >= 70 ? 'yellow' : 'blue';
      const deadline = addDays(foundDate, 7 + Math.floor(r() * 30));
      const op = ops[Math.floor(r() * ops.length)] ?? { id: null, name: '系统' };
      const acceptor = ops.find((o) => o.id !== op.id) ?? op;
      const responsible = pick(workers);
      const closeDate = addDays(foundDate, 3 + Math.floor(r() * 40));
      const cancelledNow = stage === 0 && r() < 0.15;
      const status = cancelledNow ? 'cancelled' : stage === 0 ? 'reported' : stage >= 5 && closeDate <= today ? 'closed' : TO[STEPS[Math.min(stage, 4) - 1]!];
      const reached = status === 'reported' || status === 'cancelled' ? -1 : STEPS.indexOf(Object.entries(TO).find(([, v]) => v === status)![0] as (typeof STEPS)[number]);
      const planned = Math.round(r() * 2_000_000);
      const stepDate = (k: number) => (addDays(foundDate, k) < today ? addDays(foundDate, k) : today);
      const submittedAt = reached >= 3 ? at(stepDate(2), 15) : null;
      const now = nowIso();
      ins.run(
        id, serial, d.foundAt, foundDate, d.finderId, d.source, unitOf.get(d.orgUnitId!) ?? null, d.orgUnitId, d.place, d.equipment, d.category1, d.category2,
        d.accidentType, d.description, graded ? grade : null, graded ? l : null, graded ? e : null, graded ? c : null, graded ? dv : null, graded ? risk : null,
        d.productionStop, d.interimMeasures, status,
        reached >= 1 ? responsible : null, reached >= 1 ? t.m : null, reached >= 1 ? planned : null, reached >= 1 ? deadline : null,
        reached >= 1 ? '按车间现场处置方案执行，发生异常立即撤离并报告' : null,
        grade === 'major' && reached >= 1 ? JSON.stringify({ targets: '消除重大隐患', methods: t.m, funding: '专项资金', organisation: '车间主任牵头', timeline: deadline, safetyPlan: '停产整改期间执行专项应急预案' }) : null,
        reached >= 3 ? Math.round(planned * (0.7 + r() * 0.5)) : null, reached >= 3 ? '已按整改措施完成整改，现场复查合格' : null,
        reached >= 3 ? op.id : null, submittedAt,
        reached >= 4 ? acceptor.id : null, reached >= 4 ? at(closeDate, 16) : null, reached >= 4 ? closeDate : null,
        dueDate({ status, foundDate, deadline: reached >= 1 ? deadline : null, submittedDate: submittedAt?.slice(0, 10) ?? null }, DEFAULT_HAZARD_RULES),
        now, now,
      );
      audit.run(uuidv7(), now, SYSTEM_ACTOR.name, id, JSON.stringify({ serial, status, description: d.description }));
      ev.run(uuidv7(), id, d.foundAt, null, SYSTEM_ACTOR.name, 'report', null, 'reported', null);
      if (cancelledNow) {
        cancel.run(id);
        ev.run(uuidv7(), id, at(stepDate(1), 10), op.id, op.name, 'cancel', 'reported', 'cancelled', '经复核不构成隐患');
      }
      let prev = 'reported';
      for (let s = 0; s <= reached; s++) {
        const step = STEPS[s]!;
        ev.run(uuidv7(), id, step === 'accept' ? at(closeDate, 16) : at(stepDate(s), 9 + s), step === 'accept' ? acceptor.id : op.id, step === 'accept' ? acceptor.name : op.name, step, prev, TO[step], null);
        prev = TO[step];
      }
    }
    for (const [year, last] of serials) {
      store.run(`INSERT INTO serials (kind, year, last) VALUES ('hazard', ?, ?) ON CONFLICT (kind, year) DO UPDATE SET last = excluded.last`, [year, last]);
    }
    return { hazards: count };
  });
  store.analyze();
  return result;
}
