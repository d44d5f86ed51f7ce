// Realistic demo data for a Taizhou chemical enterprise: ~10 workshops, their teams and workers.
// Deterministic (seeded), every ID-card and credit-code check character valid.
import type { CommitteeRole } from '../../shared/roster/roles';
import { AppError } from '../../shared/result';
import { idCardCheckChar } from '../../shared/roster/idcard';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import type { WorkerData } from '../../shared/roster/schemas';
import { SYSTEM_ACTOR } from './audit';
import type { Store } from './db/store';
import { progressReporter, type CallOptions } from './kernel/jobs';
import { createEnterprise } from './enterprise/service';
import { insertUnit } from './org/service';
import { insertOperator } from './operators/service';
import { insertWorker } from './roster/workers';
import { nowIso } from './util';

export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
const GIVEN_M = '伟强磊军勇杰涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆晨阳峰建国志文海东亮林荣新春松峻';
const GIVEN_F = '芳娜敏静丽艳娟霞秀英华玲红梅琳燕萍雪琴云莉洁婷慧颖倩佳欣怡璐晶月兰萌';
const REGIONS = ['321202', '321203', '321204', '321281', '321282', '321283', '320902', '321002', '320602'];

const WORKSHOPS: { name: string; posts: string[]; hazards: string[]; cert?: string }[] = [
  { name: '合成一车间', posts: ['反应釜操作工', '化工总控工', '巡检工'], hazards: ['苯', '甲苯', '噪声'], cert: '危险化学品安全作业' },
  { name: '合成二车间', posts: ['反应釜操作工', '化工总控工', '投料工'], hazards: ['氯气', '氨', '噪声'], cert: '危险化学品安全作业' },
  { name: '精馏车间', posts: ['精馏操作工', 'DCS 操作员', '巡检工'], hazards: ['甲醇', '高温'], cert: '危险化学品安全作业' },
  { name: '聚合车间', posts: ['聚合操作工', '干燥工', '巡检工'], hazards: ['粉尘', '噪声', '高温'] },
  { name: '包装车间', posts: ['包装工', '叉车司机', '码垛工'], hazards: ['粉尘', '噪声'], cert: '场（厂）内专用机动车辆作业' },
  { name: '储运车间', posts: ['罐区操作工', '装卸工', '叉车司机'], hazards: ['苯', '硫化氢'], cert: '危险化学品安全作业' },
  { name: '机修车间', posts: ['钳工', '焊工', '管工'], hazards: ['电焊烟尘', '紫外辐射', '噪声'], cert: '焊接与热切割作业' },
  { name: '电仪车间', posts: ['电工', '仪表工', '维修电工'], hazards: ['工频电场', '噪声'], cert: '电工作业' },
  { name: '公用工程车间', posts: ['锅炉工', '空压站操作工', '水处理工'], hazards: ['高温', '噪声', '一氧化碳'], cert: '特种设备（锅炉）作业' },
  { name: '质检中心', posts: ['化验员', '分析工', '取样工'], hazards: ['苯', '盐酸', '氢氧化钠'] },
];
const TEAMS = ['甲班', '乙班', '丙班', '丁班', '维修班', '检修班'];

export interface DemoResult {
  workshops: number;
  teams: number;
  workers: number;
  operators: number;
}

export function demoUscc(): string {
  const first = '91321200MA1NX7Q8K';
  return first + usccCheckChar(first);
}

function idCard(r: () => number, gender: 'M' | 'F', serial: number, used?: Set<string>): string {
  const region = REGIONS[Math.floor(r() * REGIONS.length)]!;
  const year = 1966 + Math.floor(r() * 38);
  const month = 1 + Math.floor(r() * 12);
  const day = 1 + Math.floor(r() * 28);
  const seq2 = String(serial % 100).padStart(2, '0');
  const g = Math.floor(r() * 5) * 2 + (gender === 'M' ? 1 : 0);
  const first17 = `${region}${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${seq2}${g}`;
  const v = first17 + idCardCheckChar(first17);
  if (used) {
    if (used.has(v)) return idCard(r, gender, serial + 1, used);
    used.add(v);
  }
  return v;
}

export interface DemoOptions extends CallOptions {
  seed?: number;
}

/**
 * The demo's operators, by worker index: the union officer (administrator), two safety officers, the
 * occupational-health manager, the labour-protection supervisor and a team leader — every workflow step has
 * someone who may take it, and the acceptor is never the one who submitted.
 */
const OPERATORS: readonly { index: number; isAdmin: boolean }[] = [
  { index: 2, isAdmin: true },
  { index: 1, isAdmin: false },
  { index: 41, isAdmin: false },
  { index: 7, isAdmin: false },
  { index: 11, isAdmin: false },
  { index: 0, isAdmin: false },
];

/**
 * Fills an empty store. Everything in one transaction, every row audited like any other change; the roster's
 * text indexes are built once at the end (Store.bulkInsert).
 */
export function generateDemo(store: Store, size: 'small' | 'large', opts: DemoOptions = {}): DemoResult {
  const total = size === 'large' ? 50_000 : 860;
  const count = store.get<{ n: number }>('SELECT count(*) AS n FROM workers')!.n;
  if (count > 0) throw new AppError('CONFLICT', 'err.demo.notEmpty');
  const r = rng(opts.seed ?? 20261124);
  const pick = <T>(a: readonly T[]) => a[Math.floor(r() * a.length)]!;
  const actor = SYSTEM_ACTOR;
  const job = progressReporter(opts);
  const result = store.bulkInsert('workers', ['workers_fts_ai', 'workers_grams_ai'], () => {
    const now = nowIso();
    createEnterprise(store, actor, {
      name: '泰州市安康化工有限公司',
      uscc: demoUscc(),
      address: '江苏省泰州市泰兴经济开发区沿江大道 88 号',
      industry: '化学原料和化学制品制造业',
      headcount: total,
    });
    const units: { wsIndex: number; id: string; workshopId: string }[] = [];
    let teams = 0;
    WORKSHOPS.forEach((w, wi) => {
      const ws = insertUnit(store, actor, { kind: 'workshop', parentId: null, name: w.name }, now);
      const n = 3 + (wi % 4);
      for (let t = 0; t < n; t++) {
        const team = insertUnit(store, actor, { kind: 'team', parentId: ws.id, name: TEAMS[t]! }, now);
        units.push({ wsIndex: wi, id: team.id, workshopId: ws.id });
        teams++;
      }
    });
    const teamLeaderDone = new Set<string>();
    const usedIds = new Set<string>();
    const operatorWorkers = new Map<number, string>();
    for (let i = 0; i < total; i++) {
      if (i % 500 === 0) job.report(i, total, 'demo.workers');
      const u = units[i % units.length]!;
      const w = WORKSHOPS[u.wsIndex]!;
      const gender: 'M' | 'F' = r() < (w.name === '质检中心' || w.name === '包装车间' ? 0.55 : 0.2) ? 'F' : 'M';
      const given = gender === 'M' ? GIVEN_M : GIVEN_F;
      const name = pick(SURNAMES.split('')) + pick(given.split('')) + (r() < 0.6 ? pick(given.split('')) : '');
      const roles: CommitteeRole[] = [];
      if (!teamLeaderDone.has(u.id)) {
        roles.push('team_leader');
        teamLeaderDone.add(u.id);
      }
      if (i % 40 === 1) roles.push('safety_officer');
      if (i % 400 === 7) roles.push('oh_manager');
      if (i % 300 === 11) roles.push('lp_supervisor');
      if (i === 2) roles.push('union_officer');
      const post = pick(w.posts);
      const hasCert = w.cert !== undefined && r() < 0.35;
      const exposed = r() < 0.6;
      const year = 2000 + Math.floor(r() * 26);
      const d: WorkerData = {
        empNo: `AK${String(i + 1).padStart(6, '0')}`,
        name,
        gender,
        idCard: idCard(r, gender, i, usedIds),
        phone: `1${pick(['33', '35', '38', '39', '50', '52', '58', '77', '80', '86', '89'])}${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
        orgUnitId: u.id,
        post,
        hireDate: `${Math.min(year, 2025)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`,
        skillGrade: 1 + Math.floor(r() * 5),
        status: r() < 0.03 ? 'left' : 'active',
        roles,
        // 职工代表: about 6 % of staff (0.7 % in the large demo, whose congress agrees its own number), women a little
        // above their share so the composition's women check holds
        isRepresentative: r() < (size === 'large' ? 0.007 : 0.06) * (gender === 'F' ? 1.25 : 1) || i === 2,
        isFrontline: r() < 0.8,
        isManager: r() < 0.05,
        certType: hasCert ? w.cert! : null,
        certNo: hasCert ? `T${idCard(r, gender, i).slice(0, 17)}` : null,
        certExpiry: hasCert ? `${2025 + Math.floor(r() * 6)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-15` : null,
        hazardFactors: exposed ? w.hazards.filter(() => r() < 0.7) : [],
      };
      const asOperator = OPERATORS.some((o) => o.index === i);
      if (asOperator) d.status = 'active';
      // emp nos and ID cards are unique by construction, and the team is known: the bulk path
      const workerId = insertWorker(store, actor, d, now, '演示数据', { place: { workshopId: u.workshopId, teamId: u.id } });
      if (asOperator) operatorWorkers.set(i, workerId);
    }
    for (const o of OPERATORS) insertOperator(store, actor, { workerId: operatorWorkers.get(o.index)!, isAdmin: o.isAdmin, pin: null }, now);
    return { workshops: WORKSHOPS.length, teams, workers: total, operators: OPERATORS.length };
  });
  job.report(total, total, 'demo.workers', true);
  store.analyze();
  return result;
}
