// The indicator catalogue the skill-level wage ships with: the four safety indicators of the ten measures (安全技能等级,
// 安全生产时长, 安全行为, 隐患排查), with scoring rules after real schemes (../shared/DOMAIN.md, Skill-level wage).
// A scheme starts from these and the committee changes any number in negotiation.
import type { ScoringRule } from './rules';

/** Where an indicator's raw value comes from each period. */
export const INDICATOR_SOURCES = [
  /** the roster's safety skill grade (1–5) on the period's last day */
  'roster.skillGrade',
  /** hours worked in the period (timekeeping) */
  'timekeeping.hours',
  /** behaviour records of the period: their points summed (violations negative) */
  'behaviour.points',
  /** hazards the worker found, counted when confirmed, by grade (cancelled ones never count) */
  'hazards.found',
  /** a figure entered by hand each period */
  'manual',
] as const;
export type IndicatorSource = (typeof INDICATOR_SOURCES)[number];

export interface IndicatorDef {
  code: string;
  name: { 'zh-CN': string; en: string };
  unit: { 'zh-CN': string; en: string };
  source: IndicatorSource;
  rule: ScoringRule;
  /** weight in whole per cent */
  weightPct: number;
  /** zeroed by a veto (一票否决) */
  safety: boolean;
}

export const DEFAULT_CATALOGUE: readonly IndicatorDef[] = [
  {
    code: 'SKILL',
    name: { 'zh-CN': '安全技能等级', en: 'Safety skill grade' },
    unit: { 'zh-CN': '级', en: 'grade' },
    source: 'roster.skillGrade',
    // 一级 … 五级 (初级工 … 高级技师): points rise with the grade; no grade recorded scores nothing
    rule: { kind: 'lookup', table: { '1': 20, '2': 40, '3': 60, '4': 80, '5': 100 }, missing: 0 },
    weightPct: 30,
    safety: false,
  },
  {
    code: 'SAFE_TIME',
    name: { 'zh-CN': '安全生产时长', en: 'Safe production time' },
    unit: { 'zh-CN': '小时', en: 'hours' },
    source: 'timekeeping.hours',
    // a full month is about 174 hours (21.75 days × 8): tiers reward the time on the job
    rule: {
      kind: 'tiers',
      tiers: [
        { min: 80, points: 40 },
        { min: 120, points: 60 },
        { min: 160, points: 80 },
        { min: 174, points: 100 },
      ],
    },
    weightPct: 30,
    safety: true,
  },
  {
    code: 'BEHAVIOUR',
    name: { 'zh-CN': '安全行为', en: 'Safe behaviour' },
    unit: { 'zh-CN': '分', en: 'points' },
    source: 'behaviour.points',
    // the period's behaviour points as recorded (violations −3…−5, no PPE −1; adopted suggestions +5…+15): a deduction
    // when negative, held within −20 … +20 a month
    rule: { kind: 'linear', perUnit: 1, floor: -20, cap: 20 },
    weightPct: 20,
    safety: true,
  },
  {
    code: 'HAZARDS',
    name: { 'zh-CN': '隐患排查', en: 'Hazards found' },
    unit: { 'zh-CN': '项', en: 'hazards' },
    source: 'hazards.found',
    // by grade, counted when confirmed: a major hazard counts more
    rule: { kind: 'perEvent', points: { general: 10, major: 40 }, other: 0, floor: 0, cap: 100 },
    weightPct: 20,
    safety: true,
  },
];
