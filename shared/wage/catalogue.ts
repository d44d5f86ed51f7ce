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
  /**
   * hours of safety education attended in the period (the education module's attendance: the worker's own hours, else
   * the activity's; pre-shift meetings are counted as meetings, not hours, and are left out)
   */
  'training.hours',
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

/** The roster's safety skill grades, highest first: 1 = 一级（高级技师） … 5 = 五级（初级工）. */
export const SKILL_GRADES = [1, 2, 3, 4, 5] as const;

const GRADE_LABELS: Readonly<Record<number, { 'zh-CN': string; en: string }>> = {
  1: { 'zh-CN': '一级（高级技师）', en: 'Grade 1 (senior technician)' },
  2: { 'zh-CN': '二级（技师）', en: 'Grade 2 (technician)' },
  3: { 'zh-CN': '三级（高级工）', en: 'Grade 3 (senior worker)' },
  4: { 'zh-CN': '四级（中级工）', en: 'Grade 4 (intermediate worker)' },
  5: { 'zh-CN': '五级（初级工）', en: 'Grade 5 (junior worker)' },
};

/**
 * A safety skill grade by its name, as the roster names it (its messages grade.1 … grade.5): 1 → 一级（高级技师）.
 * Anything else (a lookup key that is not a grade) comes back as it was given.
 */
export function skillGradeLabel(grade: number | string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const g = typeof grade === 'number' ? grade : /^[1-5]$/.test(grade.trim()) ? Number(grade.trim()) : NaN;
  return GRADE_LABELS[g]?.[locale] ?? String(grade);
}

export const DEFAULT_CATALOGUE: readonly IndicatorDef[] = [
  {
    code: 'SKILL',
    name: { 'zh-CN': '安全技能等级', en: 'Safety skill grade' },
    unit: { 'zh-CN': '级', en: 'grade' },
    source: 'roster.skillGrade',
    // the roster's grades: 1 = 一级（高级技师, the highest） … 5 = 五级（初级工, the lowest） (shared/roster/normalize.ts):
    // the higher the grade, the more points; no grade recorded scores nothing
    rule: { kind: 'lookup', table: { '1': 100, '2': 80, '3': 60, '4': 40, '5': 20 }, missing: 0 },
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
