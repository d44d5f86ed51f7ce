// Input schemas of the wage schemes' channels (zod 4): the indicator catalogue, a scheme version's content and the
// lifecycle actions. Messages are keys (v.* shared, v.wage.* here). A saved content is always usable by a run: every
// rule passes ruleProblems(), the weights add up to exactly 100 (refused otherwise — the editor shows the running sum),
// codes are unique, money values are positive whole fen, veto severities are the accident severities.
import { z } from 'zod';
import { idSchema, isoDate, optText, reqText } from '../../kernel/schemas';
import { INDICATOR_SOURCES } from '../catalogue';
import { ACCIDENT_SEVERITIES } from '../records/types';
import { ruleProblems, type ScoringRule } from '../rules';

/** An indicator code: capitals, digits and _ (SKILL, SAFE_TIME), starting with a letter, up to 20. */
export const INDICATOR_CODE_RE = /^[A-Z][A-Z0-9_]{0,19}$/;
/** The most points one rule value may carry, either way. */
export const MAX_RULE_POINTS = 100_000;
/** The most fen any money value may be (100 million 元). */
export const MAX_FEN = 10_000_000_000;
/** The most indicators a scheme holds. */
export const MAX_SCHEME_INDICATORS = 20;

const hasTwoDecimals = (v: number) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-6;

/** Points as a rule writes them: up to two decimals, within ±MAX_RULE_POINTS. */
const pts = z
  .number({ error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') })
  .refine(Number.isFinite, { error: 'v.invalid' })
  .min(-MAX_RULE_POINTS, { error: 'v.range' })
  .max(MAX_RULE_POINTS, { error: 'v.range' })
  .refine(hasTwoDecimals, { error: 'v.wage.points' });
/** A raw value bound (a tier's minimum): finite, up to two decimals. */
const bound = z
  .number({ error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') })
  .refine(Number.isFinite, { error: 'v.invalid' })
  .min(-1_000_000, { error: 'v.range' })
  .max(1_000_000, { error: 'v.range' })
  .refine(hasTwoDecimals, { error: 'v.wage.points' });
/** A key of a points table (a grade, a kind): 1–20 characters. */
const tableKey = z.string().trim().min(1, { error: 'v.required' }).max(20, { error: 'v.tooLong' });
const pointsTable = z
  .record(tableKey, pts, { error: 'v.invalid' })
  .refine((t) => Object.keys(t).length <= 50, { error: 'v.tooLong' });

export const scoringRule = z
  .discriminatedUnion(
    'kind',
    [
      z
        .object({
          kind: z.literal('tiers'),
          tiers: z.array(z.object({ min: bound, points: pts }).strict(), { error: 'v.invalid' }).max(20, { error: 'v.tooLong' }).readonly(),
          below: pts.optional(),
        })
        .strict(),
      z.object({ kind: z.literal('linear'), perUnit: pts, floor: pts, cap: pts }).strict(),
      z.object({ kind: z.literal('perEvent'), points: pointsTable, other: pts.optional(), floor: pts.optional(), cap: pts.optional() }).strict(),
      z.object({ kind: z.literal('lookup'), table: pointsTable, missing: pts }).strict(),
    ],
    { error: 'v.invalid' },
  )
  .superRefine((rule, ctx) => {
    for (const p of ruleProblems(rule as ScoringRule)) ctx.addIssue({ code: 'custom', path: [], message: `v.${p.key}` });
  });

/** A whole number of fen, above zero. */
const positiveFen = z
  .number({ error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') })
  .int({ error: 'v.wage.moneyPositive' })
  .min(1, { error: 'v.wage.moneyPositive' })
  .max(MAX_FEN, { error: 'v.range' });
const optCapFen = z.union([positiveFen, z.null()]).optional().default(null);

export const moneyRule = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('pointValue'), fenPerPoint: positiveFen }).strict(),
    z
      .object({
        kind: z.literal('baseTimesCoefficient'),
        baseFen: positiveFen,
        pointsPerUnit: z
          .number({ error: 'v.invalid' })
          .refine((v) => Number.isFinite(v) && v > 0, { error: 'v.wage.moneyPositive' })
          .refine(hasTwoDecimals, { error: 'v.wage.points' })
          .optional(),
      })
      .strict(),
    z.object({ kind: z.literal('budget'), budgetFen: positiveFen }).strict(),
  ],
  { error: 'v.invalid' },
);

const indicatorCode = z
  .string({ error: 'v.required' })
  .trim()
  .min(1, { error: 'v.required' })
  .refine((v) => v === '' || INDICATOR_CODE_RE.test(v), { error: 'v.wage.code' });

/** A name in both languages: Chinese required; English left empty takes the Chinese. */
const bilingual = (max: number) =>
  z
    .object({ 'zh-CN': reqText(max), en: optText(max * 2) }, { error: 'v.invalid' })
    .strict()
    .transform((n) => ({ 'zh-CN': n['zh-CN'], en: n.en ?? n['zh-CN'] }));

const weightPct = z
  .number({ error: (iss) => (iss.input === undefined ? 'v.required' : 'v.invalid') })
  .int({ error: 'v.wage.weight' })
  .min(0, { error: 'v.wage.weight' })
  .max(100, { error: 'v.wage.weight' });

const indicatorFields = {
  code: indicatorCode,
  name: bilingual(40),
  unit: bilingual(10),
  source: z.enum(INDICATOR_SOURCES, { error: 'v.invalid' }),
  rule: scoringRule,
  weightPct,
  safety: z.boolean({ error: 'v.bool' }),
};

// ---------------------------------------------------------------------------------------------------------
// The catalogue

export const catalogueQuery = z
  .object({ deleted: z.boolean({ error: 'v.bool' }).optional().default(false) })
  .strict()
  .optional()
  .default({ deleted: false });

/** Create (no id) or update an entry of the catalogue; a built-in entry keeps its code. */
export const catalogueSave = z
  .object({
    id: z.union([idSchema, z.null()]).optional().default(null),
    ...indicatorFields,
    note: optText(200),
  })
  .strict();

// ---------------------------------------------------------------------------------------------------------
// A scheme version's content

export const schemeIndicator = z.object({ ...indicatorFields, capFen: optCapFen }).strict();

export const vetoRule = z
  .object({
    severities: z
      .array(z.enum(ACCIDENT_SEVERITIES, { error: 'v.wage.severity' }), { error: 'v.invalid' })
      .max(ACCIDENT_SEVERITIES.length, { error: 'v.invalid' })
      .refine((s) => new Set(s).size === s.length, { error: 'v.wage.severityTwice' }),
    team: z.boolean({ error: 'v.bool' }),
  })
  .strict();

export const schemeContent = z
  .object({
    indicators: z
      .array(schemeIndicator, { error: 'v.invalid' })
      .min(1, { error: 'v.wage.noIndicators' })
      .max(MAX_SCHEME_INDICATORS, { error: 'v.tooLong' }),
    money: moneyRule,
    totalCapFen: optCapFen,
    veto: vetoRule,
    proRata: z.boolean({ error: 'v.bool' }),
  })
  .strict()
  .superRefine((c, ctx) => {
    const seen = new Set<string>();
    c.indicators.forEach((ind, i) => {
      if (seen.has(ind.code)) ctx.addIssue({ code: 'custom', path: ['indicators', i, 'code'], message: 'v.wage.codeTwice' });
      seen.add(ind.code);
    });
    const sum = c.indicators.reduce((s, ind) => s + ind.weightPct, 0);
    if (c.indicators.length > 0 && sum !== 100) ctx.addIssue({ code: 'custom', path: ['indicators'], message: 'v.wage.weightsSum' });
  });

// ---------------------------------------------------------------------------------------------------------
// Scheme versions

const schemeName = reqText(60);

/** The parsed wage.schemeCreate: a draft from catalogue codes, or a copy of a version. */
export type SchemeCreateParsed = { name: string; codes: string[]; note: string | null } | { copyOf: string; name: string | null; note: string | null };

/**
 * A new draft: `{ name, codes }` from catalogue codes (weights scaled to 100, a point value of 1 元) — or `{ copyOf,
 * name? }` a copy of any version. One object (the CLI's JSON Schema of every input is an object), checked by shape.
 */
export const schemeCreate = z
  .object({
    name: z.union([schemeName, z.null()]).optional(),
    codes: z
      .array(indicatorCode, { error: 'v.invalid' })
      .min(1, { error: 'v.wage.noIndicators' })
      .max(MAX_SCHEME_INDICATORS, { error: 'v.tooLong' })
      .refine((c) => new Set(c).size === c.length, { error: 'v.wage.codeTwice' })
      .optional(),
    copyOf: idSchema.optional(),
    note: optText(200),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.copyOf !== undefined) {
      if (d.codes !== undefined) ctx.addIssue({ code: 'custom', path: ['codes'], message: 'v.invalid' });
      return;
    }
    if (!d.name) ctx.addIssue({ code: 'custom', path: ['name'], message: 'v.required' });
    if (d.codes === undefined) ctx.addIssue({ code: 'custom', path: ['codes'], message: 'v.wage.noIndicators' });
  })
  .transform((d): SchemeCreateParsed => (d.copyOf !== undefined ? { copyOf: d.copyOf, name: d.name ?? null, note: d.note } : { name: d.name!, codes: d.codes!, note: d.note }));

/** A draft's name, note and content (only a draft). */
export const schemeUpdate = z.object({ id: idSchema, name: schemeName, note: optText(200), content: schemeContent }).strict();

/** The lifecycle steps wage.schemeAction takes ('edit' and 'delete' are wage.schemeUpdate and wage.schemeDelete). */
export const SCHEME_STEP_ACTIONS = ['propose', 'withdraw', 'recordVote', 'adoptElsewhere', 'makeEffective', 'supersede', 'copy'] as const;

/** The parsed wage.schemeAction: the step with what it needs. */
export type SchemeActionParsed =
  | { id: string; action: 'propose'; agendaItemId: string }
  | { id: string; action: 'withdraw' | 'recordVote' }
  | { id: string; action: 'adoptElsewhere'; docNo: string; date: string }
  | { id: string; action: 'makeEffective'; effectiveFrom: string }
  | { id: string; action: 'supersede'; on: string }
  | { id: string; action: 'copy'; name: string | null };

/** Which fields each step takes (each required; any other is refused). */
const STEP_FIELDS: Record<(typeof SCHEME_STEP_ACTIONS)[number], readonly ('agendaItemId' | 'docNo' | 'date' | 'effectiveFrom' | 'on' | 'name')[]> = {
  propose: ['agendaItemId'],
  withdraw: [],
  recordVote: [],
  adoptElsewhere: ['docNo', 'date'],
  makeEffective: ['effectiveFrom'],
  supersede: ['on'],
  copy: ['name'],
};

/**
 * A lifecycle step with what it needs: propose {agendaItemId}, adoptElsewhere {docNo, date}, makeEffective
 * {effectiveFrom}, supersede {on}, copy {name?}; the backend reads the rest (the vote, the adoption date) from the store.
 */
export const schemeAction = z
  .object({
    id: idSchema,
    action: z.enum(SCHEME_STEP_ACTIONS, { error: 'v.invalid' }),
    agendaItemId: idSchema.optional(),
    docNo: reqText(60).optional(),
    date: isoDate.optional(),
    effectiveFrom: isoDate.optional(),
    on: isoDate.optional(),
    name: z.union([schemeName, z.null()]).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const wanted = STEP_FIELDS[d.action];
    for (const f of ['agendaItemId', 'docNo', 'date', 'effectiveFrom', 'on', 'name'] as const) {
      const given = d[f] !== undefined;
      if (wanted.includes(f) && !given && f !== 'name') ctx.addIssue({ code: 'custom', path: [f], message: 'v.required' });
      if (!wanted.includes(f) && given) ctx.addIssue({ code: 'custom', path: [f], message: 'v.invalid' });
    }
  })
  .transform((d): SchemeActionParsed => {
    switch (d.action) {
      case 'propose':
        return { id: d.id, action: d.action, agendaItemId: d.agendaItemId! };
      case 'withdraw':
      case 'recordVote':
        return { id: d.id, action: d.action };
      case 'adoptElsewhere':
        return { id: d.id, action: d.action, docNo: d.docNo!, date: d.date! };
      case 'makeEffective':
        return { id: d.id, action: d.action, effectiveFrom: d.effectiveFrom! };
      case 'supersede':
        return { id: d.id, action: d.action, on: d.on! };
      case 'copy':
        return { id: d.id, action: d.action, name: d.name ?? null };
    }
  });

/**
 * wage.schemeCorrectDates: a wrong adoption date (of an adoption recorded elsewhere; a vote's is its session's) or
 * effective-from date put right, with the reason (audited); at least one date. The backend refuses it once an approved
 * run used the version.
 */
export const schemeCorrectDates = z
  .object({
    id: idSchema,
    adoptionDate: isoDate.optional(),
    effectiveFrom: isoDate.optional(),
    reason: z.string({ error: 'v.invalid' }).max(200, { error: 'v.tooLong' }).optional().default(''),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.adoptionDate === undefined && d.effectiveFrom === undefined) ctx.addIssue({ code: 'custom', path: ['effectiveFrom'], message: 'v.required' });
  });
export type SchemeCorrectDatesInput = z.output<typeof schemeCorrectDates>;

export const schemeAgendaQuery = z.object({ id: z.union([idSchema, z.null()]).optional().default(null) }).strict();

export type CatalogueSaveInput = z.output<typeof catalogueSave>;
export type SchemeContentInput = z.output<typeof schemeContent>;
export type SchemeCreateInput = SchemeCreateParsed;
export type SchemeUpdateInput = z.output<typeof schemeUpdate>;
export type SchemeActionInput = SchemeActionParsed;
