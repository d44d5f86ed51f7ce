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
  type AccidentType,
  type HazardAction,
  type HazardCategory1,
  type HazardRules,
  type HazardSource,
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

// ---------------------------------------------------------------------------------------------------------
// vocabulary

type EquipKind = 'vessel' | 'tank' | 'pump' | 'conveyor' | 'cabinet' | 'crane' | 'forklift' | 'pipe' | 'detector' | 'grinder' | 'cylinder' | 'ladder' | 'valve';

interface Defect {
  text: string;
  cat: readonly [HazardCategory1, string];
  acc: AccidentType;
  measure: string;
  eq?: EquipKind;
  /** relative frequency (default 1) */
  w?: number;
  /** may be graded 重大 */
  canBeMajor?: boolean;
}

const DEFECTS: readonly Defect[] = [
  // 物的不安全状态
  { text: '安全阀铅封损坏，校验标签超过有效期', cat: ['material', 'physical'], acc: 'vessel_explosion', eq: 'vessel', measure: '更换安全阀并送有资质单位校验，建立安全附件校验台账', canBeMajor: true },
  { text: '压力表表盘模糊，未标示最高工作压力红线', cat: ['material', 'physical'], acc: 'vessel_explosion', eq: 'vessel', measure: '更换压力表并标示红线，纳入月度安全附件检查', w: 2 },
  { text: '传动皮带防护罩缺失，运转部位裸露', cat: ['material', 'physical'], acc: 'machinery', eq: 'conveyor', measure: '加装防护罩并设置联锁，张贴安全操作规程', w: 2 },
  { text: '联轴器防护罩松动脱落', cat: ['material', 'physical'], acc: 'machinery', eq: 'pump', measure: '重新固定防护罩，检查同类泵组防护', w: 2 },
  { text: '箱门未关闭，箱内接线端子松动、线路老化', cat: ['material', 'physical'], acc: 'electric', eq: 'cabinet', measure: '更换老化线路并紧固端子，配电箱加锁并张贴警示标识', w: 3 },
  { text: '临时用电线路拖地敷设，未穿管保护', cat: ['material', 'physical'], acc: 'electric', measure: '拆除违规临时线路，按临时用电作业票重新架设', w: 2 },
  { text: '外壳接地线断开', cat: ['material', 'physical'], acc: 'electric', eq: 'pump', measure: '恢复接地并测量接地电阻，记录存档' },
  { text: '隔爆面锈蚀，进线口密封圈老化', cat: ['material', 'physical'], acc: 'other_explosion', eq: 'cabinet', measure: '更换密封圈并处理隔爆面，由防爆电气专业人员复查', canBeMajor: true },
  { text: '钢丝绳断丝超标，吊钩防脱装置失效', cat: ['material', 'physical'], acc: 'lifting', eq: 'crane', measure: '停用并更换钢丝绳和吊钩防脱装置，完成特种设备定期检验' },
  { text: '制动不灵敏，倒车报警器失效', cat: ['material', 'physical'], acc: 'vehicle', eq: 'forklift', measure: '停用检修制动系统和报警器，检修合格后方可使用' },
  { text: '液位计失灵，高液位报警未投用', cat: ['material', 'physical'], acc: 'fire', eq: 'tank', measure: '修复液位计并投用高液位报警及联锁，纳入 DCS 报警管理', canBeMajor: true },
  { text: '法兰连接处渗漏，地面有积液', cat: ['material', 'chemical'], acc: 'poisoning', eq: 'pipe', measure: '更换垫片并紧固法兰，清理积液并检测周边气体浓度', w: 3 },
  { text: '阀门填料处泄漏，现场有刺激性气味', cat: ['material', 'chemical'], acc: 'poisoning', eq: 'valve', measure: '更换阀门填料，泄漏点检测合格后恢复运行', w: 3 },
  { text: '保温层破损，管道表面温度过高', cat: ['material', 'physical'], acc: 'burn', eq: 'pipe', measure: '修复保温层并设置高温警示标识', w: 2 },
  { text: '护栏立柱锈蚀断裂，踢脚板缺失', cat: ['material', 'physical'], acc: 'fall', measure: '更换护栏立柱、补装踢脚板，开展平台护栏专项排查', w: 2 },
  { text: '护笼变形，踏棍松动', cat: ['material', 'physical'], acc: 'fall', eq: 'ladder', measure: '修复护笼和踏棍，验收合格前设置禁止攀爬标识' },
  { text: '防护罩缺失，托架与砂轮间隙过大', cat: ['material', 'physical'], acc: 'object_strike', eq: 'grinder', measure: '补装防护罩，调整托架间隙不大于 3 毫米' },
  { text: '未固定，与乙炔瓶间距不足 5 米', cat: ['material', 'physical'], acc: 'fire', eq: 'cylinder', measure: '气瓶加装防倒链并分开存放，间距不少于 5 米', w: 2 },
  { text: '未按期标定，探头被杂物遮挡', cat: ['material', 'chemical'], acc: 'poisoning', eq: 'detector', measure: '清理遮挡物，委托标定并纳入周检', w: 2 },
  { text: '静电接地夹损坏，装卸时未连接', cat: ['material', 'physical'], acc: 'fire', measure: '更换静电接地夹，装卸前执行接地确认' },
  { text: '危化品包装桶破损，未按规定分区存放', cat: ['material', 'chemical'], acc: 'poisoning', measure: '转移破损包装，按化学品性质分区分类存放', w: 2 },
  { text: '废酸收集桶无标识，与碱液混放', cat: ['material', 'chemical'], acc: 'burn', measure: '张贴标识并分开存放，设置防泄漏托盘' },
  // 环境因素
  { text: '通道堆放杂物，安全出口被堵塞', cat: ['environment', 'indoor'], acc: 'fire', measure: '清理通道杂物，划定物料定置区域并每日检查', w: 3 },
  { text: '地面油污未清理，楼梯防滑条脱落', cat: ['environment', 'indoor'], acc: 'other', measure: '清理油污，更换防滑条，增加巡检频次', w: 2 },
  { text: '照明灯具损坏，夜间作业照度不足', cat: ['environment', 'indoor'], acc: 'other', measure: '更换灯具，检查同区域照明回路', w: 2 },
  { text: '排风机停运，室内通风不良', cat: ['environment', 'indoor'], acc: 'poisoning', measure: '维修排风机并检测室内有害物质浓度' },
  { text: '应急照明和疏散指示标志不亮', cat: ['environment', 'indoor'], acc: 'fire', measure: '更换应急灯具电池，每月试验一次并记录', w: 2 },
  { text: '叉车通道标线磨损不清，未设限速标志', cat: ['environment', 'indoor'], acc: 'vehicle', measure: '重新施划标线，设置限速和人车分流标志' },
  { text: '防火堤有裂缝，雨水排放阀常开', cat: ['environment', 'outdoor'], acc: 'fire', measure: '修补防火堤裂缝，排水阀常闭并挂牌管理', canBeMajor: true },
  { text: '屋面彩钢板锈穿，雨天漏水至配电柜附近', cat: ['environment', 'outdoor'], acc: 'electric', measure: '更换屋面板并对配电柜加装防雨措施' },
  { text: '厂区道路井盖缺失，夜间无警示', cat: ['environment', 'outdoor'], acc: 'fall', measure: '补装井盖，缺失期间设置围挡和警示灯' },
  { text: '管廊下方物料堆放超高', cat: ['environment', 'other'], acc: 'object_strike', measure: '降低堆放高度，划定堆放区域并张贴限高标识' },
  // 人的不安全行为
  { text: '高处作业人员未系安全带', cat: ['human', 'behaviour'], acc: 'fall', measure: '立即停止作业，开展高处作业专项教育，现场设监护人', w: 2 },
  { text: '作业人员未佩戴防毒面具进入有毒区域', cat: ['human', 'behaviour'], acc: 'poisoning', measure: '责令退出，补配个体防护用品并考核当班班长', w: 2 },
  { text: '操作工擅自短接联锁开关', cat: ['human', 'behaviour'], acc: 'machinery', measure: '恢复联锁，联锁摘除执行审批制度，对当事人教育考核', canBeMajor: true },
  { text: '检修时未执行挂牌上锁', cat: ['human', 'behaviour'], acc: 'machinery', measure: '立即停止检修，补办能量隔离并开展上锁挂牌培训', w: 2 },
  { text: '禁烟区域发现烟头', cat: ['human', 'behaviour'], acc: 'fire', measure: '追查责任人并考核，加强门岗火种检查' },
  { text: '叉车司机载货倒车时未安排指挥，视线受阻', cat: ['human', 'behaviour'], acc: 'vehicle', measure: '对司机进行教育，装卸区域设专人指挥' },
  { text: '员工在吊物下方穿行', cat: ['human', 'behaviour'], acc: 'lifting', measure: '吊装区域设置警戒，吊装作业设专人监护' },
  { text: '夜班操作工连续上岗超过 12 小时，精神疲惫', cat: ['human', 'psych'], acc: 'other', measure: '调整排班，严格执行连续工作时长规定' },
  // 管理缺陷
  { text: '动火作业未办理作业票，现场未配备灭火器', cat: ['management', 'rules'], acc: 'fire', measure: '停止违规动火，补办作业票，配备灭火器材并考核责任人', w: 2, canBeMajor: true },
  { text: '受限空间作业前未进行气体检测', cat: ['management', 'rules'], acc: 'poisoning', measure: '停止作业，严格执行先通风、再检测、后作业', canBeMajor: true },
  { text: '交接班记录填写不全，未记录异常工况', cat: ['management', 'rules'], acc: 'other', measure: '规范交接班记录，班长每班检查签字', w: 2 },
  { text: '岗位操作规程版本过期，与现行工艺不符', cat: ['management', 'rules'], acc: 'other', measure: '修订操作规程并组织岗位人员培训考试' },
  { text: '新员工未完成三级安全教育即上岗操作', cat: ['management', 'responsibility'], acc: 'other', measure: '立即停岗补训，考试合格后上岗，完善教育档案' },
  { text: '特种作业人员操作证过期仍在作业', cat: ['management', 'responsibility'], acc: 'electric', measure: '停止其特种作业，组织复审取证，建立证件到期提醒' },
  { text: '应急预案未按期演练，空气呼吸器压力不足', cat: ['management', 'emergency'], acc: 'poisoning', measure: '充装空气呼吸器，组织应急演练并评估改进' },
  { text: '灭火器过期未更换，消火栓被遮挡', cat: ['management', 'emergency'], acc: 'fire', measure: '更换灭火器，清理消火栓周边，纳入消防器材月检', w: 3 },
  { text: '洗眼器无水，应急喷淋装置损坏', cat: ['management', 'emergency'], acc: 'burn', measure: '修复洗眼器和喷淋装置，每周放水试验并记录' },
  { text: '安全设施改造资金未落实，整改计划滞后', cat: ['management', 'investment'], acc: 'other', measure: '提请安委会专题研究，落实改造资金和完成时限' },
  { text: '班组安全活动记录代签，活动流于形式', cat: ['management', 'organisation'], acc: 'other', measure: '整顿班组安全活动，车间每月抽查活动记录' },
];

const EQUIPMENT: Record<EquipKind, readonly string[]> = {
  vessel: ['{n} 号反应釜', 'R-{nnn} 聚合釜', 'V-{nnn} 缓冲罐', '换热器 E-{nnn}', '{n} 号分汽缸', '氯气缓冲罐 V-{nnn}'],
  tank: ['{n} 号甲醇储罐', 'T-{nnn} 苯储罐', '{n} 号中间罐', '液碱储罐 T-{nnn}'],
  pump: ['P-{nnn} 离心泵', '{n} 号循环水泵', '屏蔽泵 P-{nnn}', '{n} 号真空泵', '隔膜计量泵 P-{nnn}'],
  conveyor: ['{n} 号皮带输送机', '包装线螺旋输送机', '{n} 号斗式提升机'],
  cabinet: ['{n} 号动力配电箱', 'AP-{nn} 照明配电箱', '{n} 号控制柜', '防爆接线箱 JX-{nn}'],
  crane: ['{n} 吨电动葫芦', '{n} 号桥式起重机', '检修行车'],
  forklift: ['叉车 CC-{nn}', '电动叉车 {n} 号'],
  pipe: ['DN{size} 蒸汽管线', 'DN{size} 氮气管线', '甲苯输送管线', '导热油管线', '循环水回水管'],
  detector: ['可燃气体探头 GD-{nnn}', '有毒气体报警器 GT-{nn}', '氯气检测仪'],
  grinder: ['砂轮机', '台式砂轮机'],
  cylinder: ['氧气瓶', '氩气瓶', '乙炔瓶旁氧气瓶'],
  ladder: ['{n} 号储罐钢直梯', '反应釜区钢直梯'],
  valve: ['{n} 号出料阀', '截止阀 XV-{nnn}', '安全切断阀 SV-{nn}', '取样阀'],
};

const COMMON_PLACES = ['楼梯间', '配电室', '消防通道', '中控室', '更衣室外走廊', '应急物资柜旁', '屋面', '管廊', '装卸站台', '危废暂存间', '空压机房', '循环水泵房', '化验室', '维修工段', '原料仓库', '成品仓库'];
const WORKSHOP_PLACES: Record<string, readonly string[]> = {
  合成一车间: ['反应釜区二层平台', '投料口', '尾气吸收塔', '一楼泵区'],
  合成二车间: ['氯化工段', '氨水计量槽区', '反应釜区三层平台'],
  精馏车间: ['精馏塔底', '回流罐区', '塔顶冷凝器平台'],
  聚合车间: ['聚合釜顶', '干燥机房', '粉料料仓'],
  包装车间: ['包装线', '码垛区', '成品暂存区'],
  储运车间: ['甲类罐区', '汽车装卸鹤位', '防火堤内', '泵棚'],
  机修车间: ['焊接工位', '车床旁', '备件库'],
  电仪车间: ['变配电所', '电缆桥架', '仪表间'],
  公用工程车间: ['锅炉房', '水处理间', '冷冻站'],
  质检中心: ['天平室', '气瓶间', '试剂库'],
};

const OUTDOOR_PLACES = ['厂区东路', '罐区外侧道路', '南门装卸区', '循环水站旁', '仓库屋面', '污水处理站'];
const LEADS = ['巡检发现', '夜班巡查时发现', '专项检查中发现', '据班组长报告，', '职工反映：', '安全员检查时发现', '交接班时发现', '节前检查发现'];
const DETAILS = [
  '现场未设置警示标识', '已影响正常巡检', '当班人员未及时上报', '同类问题上季度检查时已指出', '车间已安排专人临时监护',
  '周边有动火作业', '距离操作岗位不足 3 米', '雨天时情况加重', '相关检查记录缺失', '夜班期间尤为明显', '附近堆放有易燃物料',
  '已拍照留存', '涉及 {k} 名作业人员', '影响约 {k} 平方米区域', '已持续约 {k} 天', '与设备台账记录不一致',
];
const REMARKS = [
  '经询问当班操作人员，称{why}。',
  '建议车间举一反三，对同类设备设施开展一次排查。',
  '该部位为车间重点监控部位，列入本月隐患整改督办清单。',
  '车间主任已到场确认，要求当日落实临时管控措施。',
  '此前曾口头要求整改，但未形成书面记录，本次纳入台账闭环管理。',
  '现场已拉设警戒线，待检修班组确认停车条件后处理。',
];
const WHYS = ['备件尚未到货', '以为不影响生产', '交班时忘记说明', '未接到相关通知', '检修后未及时恢复', '人手不足来不及处理'];
const INTERIM = ['设置警戒区域，安排专人监护', '暂停相关作业，悬挂警示牌', '临时加装防护，增加巡检频次', '已切断电源并挂牌上锁', '降低负荷运行，每两小时检查一次', '转移周边可燃物'];
const EXTRA_MEASURES = ['举一反三排查同类设备', '对责任人进行安全教育', '完善巡检记录', '纳入班组日常检查表', '修订相应操作规程'];
const NOTES = ['已按整改措施完成整改，现场复查合格', '已更换损坏部件，试运行正常', '整改完成，班组长和车间安全员已现场确认', '已完成整改并组织相关人员培训', '整改完成，附整改前后照片'];
const ACCEPT_COMMENTS = [null, null, '复查合格，同意销号', '现场验收合格', '整改到位'];
// 重大隐患 (安全生产事故隐患排查治理暂行规定): the report to the authority, 挂牌督办, the evaluation of the governance
const AUTHORITIES = ['区应急管理局', '市应急管理局', '经济技术开发区安全生产监督管理局', '化工园区管理委员会安全监管局'];
const SUPERVISORS = ['市应急管理局', '区人民政府安全生产委员会办公室', '市安全生产委员会办公室'];
const CAUSES = ['设备设施长期运行老化，日常维护保养不到位', '安全附件校验管理缺失', '现场管理制度执行不严', '作业人员安全意识淡薄，违章作业', '隐患排查流于形式，未及时发现'];
const EXPERT_PANELS = ['企业组织的专家组（工艺、设备、电气专业各 1 名）', '企业组织的专家组（3 名注册安全工程师）', '公司安委会聘请的行业专家组'];
const THIRD_PARTIES = ['安泰安全技术咨询有限公司', '恒安安全评价有限公司', '诚信安全技术服务有限公司', '省化工安全技术服务中心'];
const EVAL_CONCLUSIONS = [
  '治理方案各项措施已落实，现场复查符合相关标准规范要求，重大事故隐患已消除，同意申请销号。',
  '整改内容与治理方案一致，安全设施运行正常，检测数据合格，评估结论为治理效果合格。',
  '经现场核查、资料审查和试运行，隐患已治理完毕，满足安全生产条件，评估通过。',
];
const SOURCES: readonly { v: HazardSource; w: number }[] = [
  { v: 'self_check', w: 40 },
  { v: 'special_inspection', w: 20 },
  { v: 'worker_report', w: 25 },
  { v: 'proposal', w: 10 },
  { v: 'authority', w: 5 },
];
const ACC_WORDS: Partial<Record<AccidentType, string>> = {
  fire: '火灾', electric: '触电', fall: '高处坠落', machinery: '机械伤害', poisoning: '中毒窒息', vehicle: '车辆伤害',
  lifting: '起重伤害', burn: '灼烫', object_strike: '物体打击', vessel_explosion: '容器爆炸', other_explosion: '爆炸',
};

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
