// The editors of an indicator's scoring rule (shared/wage/rules.ts), one per kind — tiers (rows of "from min → points",
// rising), linear (per unit within a floor and a cap), points per event (by kind or grade, plus other, floor, cap) and a
// lookup table (key → points, plus missing) — each with the rule's problems (ruleProblems) shown inline and a live
// preview of "raw value → points" for a value typed in (score(), the same function the monthly run uses).
import { Alert, Button, Input, InputNumber, Radio, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import type { IndicatorSource } from '../../../../../shared/wage/catalogue';
import { ruleProblems, score, type RawValue, type ScoringRule } from '../../../../../shared/wage/rules';
import { useT, type TFunc } from '../../../i18n';
import { pointsText, twoDecimals } from './format';

export const RULE_KINDS = ['tiers', 'linear', 'perEvent', 'lookup'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A fresh rule of a kind (when the kind is switched). */
export function defaultRule(kind: RuleKind): ScoringRule {
  switch (kind) {
    case 'tiers':
      return { kind, tiers: [{ min: 0, points: 0 }] };
    case 'linear':
      return { kind, perUnit: 1, floor: 0, cap: 100 };
    case 'perEvent':
      return { kind, points: {}, other: 0 };
    case 'lookup':
      return { kind, table: {}, missing: 0 };
  }
}

/** The keys a source usually gives (offered as one-click rows) and how they read. */
export function knownKeys(source: IndicatorSource | undefined, t: TFunc): { key: string; label: string }[] {
  switch (source) {
    case 'hazards.found':
      return ['general', 'major'].map((key) => ({ key, label: t(`hazardGrade.${key}`) }));
    case 'roster.skillGrade':
      // the roster's own names: 1 = 一级（高级技师, the highest） … 5 = 五级（初级工）
      return ['1', '2', '3', '4', '5'].map((key) => ({ key, label: t(`grade.${key}`) }));
    case 'behaviour.points':
      return ['violation', 'good_act'].map((key) => ({ key, label: t(`wage.kind.${key}`) }));
    default:
      return [];
  }
}

interface Props {
  value: ScoringRule;
  onChange(rule: ScoringRule): void;
  /** where the raw value comes from (offers the usual keys) */
  source?: IndicatorSource;
  /** the raw value's unit, e.g. 小时 */
  unit?: string;
  /** shown, not editable (an adopted version) */
  readOnly?: boolean;
}

/** The kind switch, the kind's editor, its problems and the preview. */
export function RuleEditor({ value, onChange, source, unit, readOnly }: Props) {
  const t = useT();
  const kindLabel = useId();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="rule-editor">
      <Space wrap>
        <Typography.Text id={kindLabel}>{t('wage.sch.rule.kind')}</Typography.Text>
        <Radio.Group
          aria-labelledby={kindLabel}
          disabled={readOnly}
          optionType="button"
          size="small"
          value={value.kind}
          onChange={(e) => onChange(defaultRule(e.target.value as RuleKind))}
          options={RULE_KINDS.map((k) => ({ value: k, label: t(`wage.rule.kind.${k}`) }))}
        />
      </Space>
      <Typography.Text type="secondary">{t(`wage.sch.rule.${value.kind}.hint`)}</Typography.Text>
      {value.kind === 'tiers' && <TiersEditor rule={value} onChange={onChange} unit={unit} readOnly={readOnly} />}
      {value.kind === 'linear' && <LinearEditor rule={value} onChange={onChange} unit={unit} readOnly={readOnly} />}
      {value.kind === 'perEvent' && <PerEventEditor rule={value} onChange={onChange} source={source} readOnly={readOnly} />}
      {value.kind === 'lookup' && <LookupEditor rule={value} onChange={onChange} source={source} readOnly={readOnly} />}
      <RuleProblems rule={value} />
      <RulePreview rule={value} unit={unit} source={source} />
    </div>
  );
}

/** ruleProblems() as messages (nothing when the rule is usable). */
export function RuleProblems({ rule }: { rule: ScoringRule }) {
  const t = useT();
  const problems = ruleProblems(rule);
  if (problems.length === 0) return null;
  return <Alert type="error" showIcon data-testid="rule-problems" title={problems.map((p) => t(p.key)).join('；')} />;
}

/** Parses what was typed into the raw value a rule takes (null: nothing typed; undefined: not a number). */
export function parseRaw(rule: ScoringRule, text: string): RawValue | undefined {
  const s = text.trim();
  if (s === '') return rule.kind === 'perEvent' ? [] : null;
  switch (rule.kind) {
    case 'tiers':
    case 'linear': {
      const n = Number(s);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'perEvent':
      return s.split(/[,，、\s]+/).filter(Boolean);
    case 'lookup':
      return s;
  }
}

/** "raw value → points" for a value typed in, scored with the shared score(). */
export function RulePreview({ rule, unit, source }: { rule: ScoringRule; unit?: string; source?: IndicatorSource }) {
  const t = useT();
  const [text, setText] = useState('');
  const inputId = useId();
  const usable = ruleProblems(rule).length === 0;
  let result: string;
  const raw = parseRaw(rule, text);
  if (!usable) result = t('wage.sch.preview.unusable');
  else if (raw === undefined) result = t('wage.sch.preview.notNumber');
  else {
    try {
      const c = score(rule, raw);
      const shown = raw === null ? t('wage.sch.preview.none') : Array.isArray(raw) ? t('wage.sch.preview.events', { n: raw.length }) : `${String(raw)}${unit ? ` ${unit}` : ''}`;
      result = t('wage.sch.preview.result', { raw: shown, points: pointsText(c) });
    } catch {
      result = t('wage.sch.preview.unusable');
    }
  }
  const placeholder =
    rule.kind === 'perEvent'
      ? t('wage.sch.preview.eventsHint', { keys: knownKeys(source, t).map((k) => k.key).join(', ') || 'a, b' })
      : rule.kind === 'lookup'
        ? t('wage.sch.preview.keyHint')
        : t('wage.sch.preview.numberHint');
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: 8, background: '#fafafa', borderRadius: 4 }}>
      <label htmlFor={inputId}>{t('wage.sch.preview.label')}</label>
      <Input id={inputId} value={text} onChange={(e) => setText(e.target.value)} placeholder={placeholder} style={{ width: 220 }} allowClear />
      <Typography.Text strong data-testid="rule-preview-result" aria-live="polite">
        {result}
      </Typography.Text>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------------
// The four kinds

type Tiers = Extract<ScoringRule, { kind: 'tiers' }>;
type Linear = Extract<ScoringRule, { kind: 'linear' }>;
type PerEvent = Extract<ScoringRule, { kind: 'perEvent' }>;
type Lookup = Extract<ScoringRule, { kind: 'lookup' }>;

/** A number field that keeps its last value when cleared (a required number); kept to two decimals, shown without trailing zeros. */
function Num(props: { label: string; value: number; onChange(v: number): void; readOnly?: boolean; addonAfter?: string; error?: boolean; width?: number; min?: number }) {
  return (
    <InputNumber
      aria-label={props.label}
      value={props.value}
      min={props.min}
      disabled={props.readOnly}
      status={props.error ? 'error' : undefined}
      style={{ width: props.width ?? 150 }}
      suffix={props.addonAfter}
      onChange={(v) => {
        if (typeof v === 'number' && Number.isFinite(v)) props.onChange(twoDecimals(v));
      }}
    />
  );
}

/** A number field that may be left empty (an optional bound): empty is undefined. */
function OptNum(props: { label: string; value: number | undefined; onChange(v: number | undefined): void; readOnly?: boolean; placeholder?: string; error?: boolean }) {
  return (
    <InputNumber
      aria-label={props.label}
      value={props.value ?? null}
      disabled={props.readOnly}
      placeholder={props.placeholder}
      status={props.error ? 'error' : undefined}
      style={{ width: 150 }}
      onChange={(v) => props.onChange(typeof v === 'number' && Number.isFinite(v) ? twoDecimals(v) : undefined)}
    />
  );
}

export function TiersEditor({ rule, onChange, unit, readOnly }: { rule: Tiers; onChange(r: ScoringRule): void; unit?: string; readOnly?: boolean }) {
  const t = useT();
  const setTier = (i: number, patch: Partial<{ min: number; points: number }>) => onChange({ ...rule, tiers: rule.tiers.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const add = () => {
    const last = rule.tiers.at(-1);
    onChange({ ...rule, tiers: [...rule.tiers, last ? { min: twoDecimals(last.min + 1), points: last.points } : { min: 0, points: 0 }] });
  };
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      {rule.tiers.length === 0 && <Typography.Text type="secondary">{t('wage.sch.tiers.none')}</Typography.Text>}
      <ol style={{ margin: 0, padding: 0, listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 6 }} aria-label={t('wage.rule.kind.tiers')}>
        {rule.tiers.map((tier, i) => {
          const outOfOrder = i > 0 && tier.min <= rule.tiers[i - 1]!.min;
          return (
            <li key={i} data-testid={`tier-${i}`}>
              <Space wrap>
                <Typography.Text>{t('wage.sch.tiers.from')}</Typography.Text>
                <Num label={t('wage.sch.tiers.min', { n: i + 1 })} value={tier.min} onChange={(min) => setTier(i, { min })} readOnly={readOnly} addonAfter={unit} error={outOfOrder} />
                <Typography.Text>→</Typography.Text>
                <Num label={t('wage.sch.tiers.points', { n: i + 1 })} value={tier.points} onChange={(points) => setTier(i, { points })} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} />
                {!readOnly && (
                  <Button size="small" aria-label={t('wage.sch.tiers.remove', { n: i + 1 })} onClick={() => onChange({ ...rule, tiers: rule.tiers.filter((_, k) => k !== i) })}>
                    {t('wage.sch.remove')}
                  </Button>
                )}
                {outOfOrder && <Typography.Text type="danger">{t('wage.sch.tiers.notRising')}</Typography.Text>}
              </Space>
            </li>
          );
        })}
      </ol>
      <Space wrap>
        {!readOnly && (
          <Button size="small" onClick={add}>
            {t('wage.sch.tiers.add')}
          </Button>
        )}
        <Typography.Text>{t('wage.sch.tiers.below')}</Typography.Text>
        <Num label={t('wage.sch.tiers.below')} value={rule.below ?? 0} onChange={(below) => onChange({ ...rule, below })} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} />
      </Space>
    </div>
  );
}

export function LinearEditor({ rule, onChange, unit, readOnly }: { rule: Linear; onChange(r: ScoringRule): void; unit?: string; readOnly?: boolean }) {
  const t = useT();
  const bad = rule.floor > rule.cap;
  return (
    <Space wrap>
      <Typography.Text>{t('wage.sch.linear.perUnit', { unit: unit ?? t('wage.sch.linear.unit') })}</Typography.Text>
      <Num label={t('wage.sch.linear.perUnitLabel')} value={rule.perUnit} onChange={(perUnit) => onChange({ ...rule, perUnit })} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} />
      <Typography.Text>{t('wage.sch.floor')}</Typography.Text>
      <Num label={t('wage.sch.floor')} value={rule.floor} onChange={(floor) => onChange({ ...rule, floor })} readOnly={readOnly} error={bad} />
      <Typography.Text>{t('wage.sch.cap')}</Typography.Text>
      <Num label={t('wage.sch.cap')} value={rule.cap} onChange={(cap) => onChange({ ...rule, cap })} readOnly={readOnly} error={bad} />
    </Space>
  );
}

interface Row {
  key: string;
  points: number;
}
const toRecord = (rows: readonly Row[]): Record<string, number> => Object.fromEntries(rows.filter((r) => r.key.trim() !== '').map((r) => [r.key.trim(), r.points]));
const sameRecord = (a: Readonly<Record<string, number>>, b: Readonly<Record<string, number>>) => {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && b[k] === a[k]);
};

/** key → points rows (perEvent's points, lookup's table): kept as rows while typing (an empty or repeated key is shown, not lost). */
function KeyedRows({
  record,
  onChange,
  source,
  readOnly,
  keyLabel,
  testId,
}: {
  record: Readonly<Record<string, number>>;
  onChange(r: Record<string, number>): void;
  source?: IndicatorSource;
  readOnly?: boolean;
  keyLabel: string;
  testId: string;
}) {
  const t = useT();
  const [rows, setRows] = useState<Row[]>(() => Object.entries(record).map(([key, points]) => ({ key, points })));
  // the record changed from outside (another indicator, a reload): show it
  if (!sameRecord(toRecord(rows), record)) setRows(Object.entries(record).map(([key, points]) => ({ key, points })));
  const update = (next: Row[]) => {
    setRows(next);
    onChange(toRecord(next));
  };
  const known = knownKeys(source, t);
  const labelOf = (key: string) => known.find((k) => k.key === key.trim())?.label;
  const missing = known.filter((k) => !rows.some((r) => r.key.trim() === k.key));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.key.trim(), (counts.get(r.key.trim()) ?? 0) + 1);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }} data-testid={testId}>
      {rows.length === 0 && <Typography.Text type="secondary">{t('wage.sch.keyed.none')}</Typography.Text>}
      {rows.map((r, i) => {
        const dup = r.key.trim() !== '' && (counts.get(r.key.trim()) ?? 0) > 1;
        const empty = r.key.trim() === '';
        return (
          <Space key={i} wrap>
            <Input
              aria-label={t('wage.sch.keyed.key', { what: keyLabel, n: i + 1 })}
              value={r.key}
              disabled={readOnly}
              status={dup || empty ? 'error' : undefined}
              style={{ width: 140 }}
              placeholder={keyLabel}
              onChange={(e) => update(rows.map((x, k) => (k === i ? { ...x, key: e.target.value } : x)))}
            />
            {labelOf(r.key) && <Typography.Text type="secondary">{labelOf(r.key)}</Typography.Text>}
            <Typography.Text>→</Typography.Text>
            <Num label={t('wage.sch.keyed.points', { n: i + 1 })} value={r.points} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} onChange={(points) => update(rows.map((x, k) => (k === i ? { ...x, points } : x)))} />
            {!readOnly && (
              <Button size="small" aria-label={t('wage.sch.keyed.remove', { n: i + 1 })} onClick={() => update(rows.filter((_, k) => k !== i))}>
                {t('wage.sch.remove')}
              </Button>
            )}
            {dup && <Typography.Text type="danger">{t('wage.sch.keyed.duplicate')}</Typography.Text>}
            {empty && <Typography.Text type="danger">{t('wage.sch.keyed.empty')}</Typography.Text>}
          </Space>
        );
      })}
      {!readOnly && (
        <Space wrap>
          <Button size="small" onClick={() => update([...rows, { key: '', points: 0 }])}>
            {t('wage.sch.keyed.add')}
          </Button>
          {missing.map((k) => (
            <Button key={k.key} size="small" type="dashed" onClick={() => update([...rows, { key: k.key, points: 0 }])}>
              {t('wage.sch.keyed.addKnown', { label: k.label })}
            </Button>
          ))}
        </Space>
      )}
    </div>
  );
}

export function PerEventEditor({ rule, onChange, source, readOnly }: { rule: PerEvent; onChange(r: ScoringRule): void; source?: IndicatorSource; readOnly?: boolean }) {
  const t = useT();
  const bad = rule.floor !== undefined && rule.cap !== undefined && rule.floor > rule.cap;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <KeyedRows record={rule.points} onChange={(points) => onChange({ ...rule, points })} source={source} readOnly={readOnly} keyLabel={t('wage.sch.perEvent.kind')} testId="per-event-rows" />
      <Space wrap>
        <Typography.Text>{t('wage.sch.perEvent.other')}</Typography.Text>
        <Num label={t('wage.sch.perEvent.other')} value={rule.other ?? 0} onChange={(other) => onChange({ ...rule, other })} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} />
        <Typography.Text>{t('wage.sch.floor')}</Typography.Text>
        <OptNum label={t('wage.sch.floor')} value={rule.floor} placeholder={t('wage.sch.noBound')} readOnly={readOnly} error={bad} onChange={(floor) => onChange(withOptional(rule, 'floor', floor))} />
        <Typography.Text>{t('wage.sch.cap')}</Typography.Text>
        <OptNum label={t('wage.sch.cap')} value={rule.cap} placeholder={t('wage.sch.noBound')} readOnly={readOnly} error={bad} onChange={(cap) => onChange(withOptional(rule, 'cap', cap))} />
      </Space>
    </div>
  );
}

/** The rule with an optional bound set, or left out when cleared (no `undefined` values in the stored JSON). */
function withOptional(rule: PerEvent, field: 'floor' | 'cap', v: number | undefined): PerEvent {
  const next: PerEvent = { ...rule };
  if (v === undefined) delete (next as { floor?: number; cap?: number })[field];
  else (next as { floor?: number; cap?: number })[field] = v;
  return next;
}

export function LookupEditor({ rule, onChange, source, readOnly }: { rule: Lookup; onChange(r: ScoringRule): void; source?: IndicatorSource; readOnly?: boolean }) {
  const t = useT();
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <KeyedRows record={rule.table} onChange={(table) => onChange({ ...rule, table })} source={source} readOnly={readOnly} keyLabel={t('wage.sch.lookup.key')} testId="lookup-rows" />
      <Space wrap>
        <Typography.Text>{t('wage.sch.lookup.missing')}</Typography.Text>
        <Num label={t('wage.sch.lookup.missing')} value={rule.missing} onChange={(missing) => onChange({ ...rule, missing })} readOnly={readOnly} addonAfter={t('wage.sch.pointsUnit')} />
      </Space>
    </div>
  );
}
