// The education module's fixed value lists (the CHECK constraints of migrations 017/018 use these) and the seeded
// requirement table (生产经营单位安全培训规定 — editable in the app).

/** 三级教育 / 转岗复岗教育 / 年度再培训 / 班前会 / 应急演练 / 安康杯活动 / 专项培训 / 管理人员培训 */
export const ACTIVITY_KINDS = ['three_level', 'post_change', 'retraining', 'pre_shift', 'drill', 'ankang_cup', 'special', 'manager'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** the level of a three-level (or post-change) education: 厂级 / 车间级 / 班组级 */
export const EDU_LEVELS = ['company', 'workshop', 'team'] as const;
export type EduLevel = (typeof EDU_LEVELS)[number];

/** general industries, or the high-risk ones (mines, hazardous chemicals, fireworks, metal smelting) */
export const SECTORS = ['general', 'high_risk'] as const;
export type Sector = (typeof SECTORS)[number];
/** settings-table key: the enterprise's sector ("general" | "high_risk", JSON string) */
export const SECTOR_SETTING = 'education.sector';

/** who a requirement applies to: new workers' first training, every worker's yearly re-training, managers' first and yearly */
export const REQUIREMENT_ROLES = ['new_worker', 'worker_yearly', 'manager_first', 'manager_yearly'] as const;
export type RequirementRole = (typeof REQUIREMENT_ROLES)[number];

export interface RequirementSeed {
  sector: Sector;
  role: RequirementRole;
  /** hours required; 0 means no fixed minimum */
  hours: number;
}
export const REQUIREMENT_SEEDS: readonly RequirementSeed[] = [
  { sector: 'general', role: 'new_worker', hours: 24 },
  { sector: 'general', role: 'worker_yearly', hours: 0 },
  { sector: 'general', role: 'manager_first', hours: 32 },
  { sector: 'general', role: 'manager_yearly', hours: 12 },
  { sector: 'high_risk', role: 'new_worker', hours: 72 },
  { sector: 'high_risk', role: 'worker_yearly', hours: 20 },
  { sector: 'high_risk', role: 'manager_first', hours: 48 },
  { sector: 'high_risk', role: 'manager_yearly', hours: 16 },
];

/** the sections of a culture wall (安康文化墙): knowledge, accident cases, slogans, stories, operating tips */
export const WALL_SECTIONS = ['knowledge', 'accident_cases', 'slogans', 'stories', 'tips'] as const;
export type WallSection = (typeof WALL_SECTIONS)[number];
/** settings-table key: a wall counts as current when updated within this many months (JSON number) */
export const WALL_MONTHS_SETTING = 'education.wallMonths';
export const WALL_MONTHS_DEFAULT = 3;

/** who records activities and attendance: 安全员, 工会干部, 班组长 (pre-shift meetings), 职业卫生管理员 (admins hold every role) */
export const EDU_WRITERS = ['safety_officer', 'union_officer', 'team_leader', 'oh_manager'] as const;
/** who keeps the culture walls */
export const WALL_WRITERS = ['union_officer', 'team_leader', 'safety_officer'] as const;
