// The health module's fixed value lists (the CHECK constraints of migrations 015/016 use these) and the seeded
// interval table (GBZ 188-2014 defaults — the UI says they must be checked against GBZ 188).

/** 上岗前 / 在岗期间（定期） / 离岗时 / 应急; 'women' is the women workers' exam (妇科、两癌筛查) */
export const EXAM_KINDS = ['pre_job', 'periodic', 'exit', 'emergency', 'women'] as const;
export type ExamKind = (typeof EXAM_KINDS)[number];

/** The five conclusions of GBZ 188: 目前未见异常 / 复查 / 疑似职业病 / 职业禁忌证 / 其他疾病或异常 */
export const CONCLUSIONS = ['normal', 'recheck', 'suspected', 'contraindication', 'other'] as const;
export type Conclusion = (typeof CONCLUSIONS)[number];

export const FACTOR_CATEGORIES = ['dust', 'chemical', 'physical', 'biological', 'radiation', 'other'] as const;
export type FactorCategory = (typeof FACTOR_CATEGORIES)[number];

export interface FactorSeed {
  code: string;
  name: string;
  category: FactorCategory;
  /** months between periodic exams */
  intervalMonths: number;
  /** the exposure level the interval applies to (e.g. ≥ 85 dB(A)), shown beside the name */
  levelNote: string | null;
  /** the words a roster's free-text 接触职业病危害因素 uses for it (matched after removing spaces) */
  synonyms: readonly string[];
}

/** GBZ 188-2014 defaults as the issue and DOMAIN.md give them. Editable in the app; "check against GBZ 188". */
export const FACTOR_SEEDS: readonly FactorSeed[] = [
  { code: 'NOISE_85', name: '噪声', category: 'physical', intervalMonths: 12, levelNote: '≥ 85 dB(A)', synonyms: ['噪声', '噪音', '噪声≥85', '强噪声'] },
  { code: 'NOISE_80', name: '噪声', category: 'physical', intervalMonths: 24, levelNote: '80–85 dB(A)', synonyms: ['噪声80-85', '低噪声'] },
  { code: 'LEAD', name: '铅及其无机化合物', category: 'chemical', intervalMonths: 12, levelNote: null, synonyms: ['铅', '铅烟', '铅尘', '铅及其化合物'] },
  { code: 'BENZENE', name: '苯', category: 'chemical', intervalMonths: 12, levelNote: null, synonyms: ['苯', '苯系物'] },
  { code: 'CHLORINE', name: '氯气', category: 'chemical', intervalMonths: 12, levelNote: null, synonyms: ['氯', '氯气'] },
  { code: 'AMMONIA', name: '氨', category: 'chemical', intervalMonths: 12, levelNote: null, synonyms: ['氨', '氨气'] },
  { code: 'FORMALDEHYDE', name: '甲醛', category: 'chemical', intervalMonths: 12, levelNote: null, synonyms: ['甲醛'] },
  { code: 'CO', name: '一氧化碳', category: 'chemical', intervalMonths: 36, levelNote: null, synonyms: ['一氧化碳', 'co'] },
  { code: 'H2S', name: '硫化氢', category: 'chemical', intervalMonths: 36, levelNote: null, synonyms: ['硫化氢', 'h2s'] },
  { code: 'COAL_DUST', name: '煤尘', category: 'dust', intervalMonths: 24, levelNote: null, synonyms: ['煤尘', '煤矿粉尘'] },
];

/** Women workers' exams: every `intervalMonths`, with breast and cervical screening (两癌筛查) from `screeningFromAge`. */
export interface WomenExamSettings {
  intervalMonths: number;
  screeningFromAge: number;
}
export const WOMEN_EXAM_DEFAULTS: WomenExamSettings = { intervalMonths: 24, screeningFromAge: 35 };
/** settings-table key of WomenExamSettings (JSON) */
export const WOMEN_EXAM_SETTING = 'health.women';

/** 特种作业 (总局令第30号): the 10 categories */
export const CERT_CATEGORIES = [
  'electrician', // 电工作业
  'welding', // 焊接与热切割作业
  'height', // 高处作业
  'refrigeration', // 制冷与空调作业
  'coal_mine', // 煤矿安全作业
  'metal_mine', // 金属非金属矿山安全作业
  'oil_gas', // 石油天然气安全作业
  'metallurgy', // 冶金（有色）生产安全作业
  'hazardous_chemicals', // 危险化学品安全作业
  'fireworks', // 烟花爆竹安全作业
] as const;
export type CertCategory = (typeof CERT_CATEGORIES)[number];
/** a certificate is reviewed every 3 years; every 6 after 10 compliant years with approval */
export const CERT_REVIEW_YEARS = [3, 6] as const;
/** the review is applied for within this many days before it is due */
export const CERT_REVIEW_WINDOW_DAYS = 60;

/** who records exposures, exams, certificates and edits the interval table: 职业卫生管理员, 安全员, 工会干部 (admins hold every role) */
export const HEALTH_WRITERS = ['oh_manager', 'safety_officer', 'union_officer'] as const;
/** a periodic exam or recheck counts as "due soon" this many days ahead */
export const HEALTH_DUE_SOON_DAYS = 30;
