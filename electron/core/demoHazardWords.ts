// The demo hazards' vocabulary: defects with their category, accident type and measure, equipment, places, the words
// of leads, details, remarks, notes and comments, and the major-hazard reports' authorities and evaluators.
import type { AccidentType, HazardCategory1, HazardSource } from '../../shared/hazards/rules';

// ---------------------------------------------------------------------------------------------------------
// vocabulary

export type EquipKind = 'vessel' | 'tank' | 'pump' | 'conveyor' | 'cabinet' | 'crane' | 'forklift' | 'pipe' | 'detector' | 'grinder' | 'cylinder' | 'ladder' | 'valve';

export interface Defect {
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

export const DEFECTS: readonly Defect[] = [
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

export const EQUIPMENT: Record<EquipKind, readonly string[]> = {
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

export const COMMON_PLACES = ['楼梯间', '配电室', '消防通道', '中控室', '更衣室外走廊', '应急物资柜旁', '屋面', '管廊', '装卸站台', '危废暂存间', '空压机房', '循环水泵房', '化验室', '维修工段', '原料仓库', '成品仓库'];
export const WORKSHOP_PLACES: Record<string, readonly string[]> = {
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

export const OUTDOOR_PLACES = ['厂区东路', '罐区外侧道路', '南门装卸区', '循环水站旁', '仓库屋面', '污水处理站'];
export const LEADS = ['巡检发现', '夜班巡查时发现', '专项检查中发现', '据班组长报告，', '职工反映：', '安全员检查时发现', '交接班时发现', '节前检查发现'];
export const DETAILS = [
  '现场未设置警示标识', '已影响正常巡检', '当班人员未及时上报', '同类问题上季度检查时已指出', '车间已安排专人临时监护',
  '周边有动火作业', '距离操作岗位不足 3 米', '雨天时情况加重', '相关检查记录缺失', '夜班期间尤为明显', '附近堆放有易燃物料',
  '已拍照留存', '涉及 {k} 名作业人员', '影响约 {k} 平方米区域', '已持续约 {k} 天', '与设备台账记录不一致',
];
export const REMARKS = [
  '经询问当班操作人员，称{why}。',
  '建议车间举一反三，对同类设备设施开展一次排查。',
  '该部位为车间重点监控部位，列入本月隐患整改督办清单。',
  '车间主任已到场确认，要求当日落实临时管控措施。',
  '此前曾口头要求整改，但未形成书面记录，本次纳入台账闭环管理。',
  '现场已拉设警戒线，待检修班组确认停车条件后处理。',
];
export const WHYS = ['备件尚未到货', '以为不影响生产', '交班时忘记说明', '未接到相关通知', '检修后未及时恢复', '人手不足来不及处理'];
export const INTERIM = ['设置警戒区域，安排专人监护', '暂停相关作业，悬挂警示牌', '临时加装防护，增加巡检频次', '已切断电源并挂牌上锁', '降低负荷运行，每两小时检查一次', '转移周边可燃物'];
export const EXTRA_MEASURES = ['举一反三排查同类设备', '对责任人进行安全教育', '完善巡检记录', '纳入班组日常检查表', '修订相应操作规程'];
export const NOTES = ['已按整改措施完成整改，现场复查合格', '已更换损坏部件，试运行正常', '整改完成，班组长和车间安全员已现场确认', '已完成整改并组织相关人员培训', '整改完成，附整改前后照片'];
export const ACCEPT_COMMENTS = [null, null, '复查合格，同意销号', '现场验收合格', '整改到位'];
// 重大隐患 (安全生产事故隐患排查治理暂行规定): the report to the authority, 挂牌督办, the evaluation of the governance
export const AUTHORITIES = ['区应急管理局', '市应急管理局', '经济技术开发区安全生产监督管理局', '化工园区管理委员会安全监管局'];
export const SUPERVISORS = ['市应急管理局', '区人民政府安全生产委员会办公室', '市安全生产委员会办公室'];
export const CAUSES = ['设备设施长期运行老化，日常维护保养不到位', '安全附件校验管理缺失', '现场管理制度执行不严', '作业人员安全意识淡薄，违章作业', '隐患排查流于形式，未及时发现'];
export const EXPERT_PANELS = ['企业组织的专家组（工艺、设备、电气专业各 1 名）', '企业组织的专家组（3 名注册安全工程师）', '公司安委会聘请的行业专家组'];
export const THIRD_PARTIES = ['安泰安全技术咨询有限公司', '恒安安全评价有限公司', '诚信安全技术服务有限公司', '省化工安全技术服务中心'];
export const EVAL_CONCLUSIONS = [
  '治理方案各项措施已落实，现场复查符合相关标准规范要求，重大事故隐患已消除，同意申请销号。',
  '整改内容与治理方案一致，安全设施运行正常，检测数据合格，评估结论为治理效果合格。',
  '经现场核查、资料审查和试运行，隐患已治理完毕，满足安全生产条件，评估通过。',
];
export const SOURCES: readonly { v: HazardSource; w: number }[] = [
  { v: 'self_check', w: 40 },
  { v: 'special_inspection', w: 20 },
  { v: 'worker_report', w: 25 },
  { v: 'proposal', w: 10 },
  { v: 'authority', w: 5 },
];
export const ACC_WORDS: Partial<Record<AccidentType, string>> = {
  fire: '火灾', electric: '触电', fall: '高处坠落', machinery: '机械伤害', poisoning: '中毒窒息', vehicle: '车辆伤害',
  lifting: '起重伤害', burn: '灼烫', object_strike: '物体打击', vessel_explosion: '容器爆炸', other_explosion: '爆炸',
};
