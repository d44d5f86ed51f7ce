// How points become money (shared/wage/rules.ts MoneyRule): a point value in 元/分, base × coefficient, or a budget per
// period spread over all points (点值 = 奖金总额 ÷ 总分). Amounts are typed in 元 with two decimals and kept in fen; a
// live preview turns points typed in into 元 with the shared toFen() the monthly run uses.
import { Alert, InputNumber, Radio, Space, Typography } from 'antd';
import { useId, useState } from 'react';
import { formatYuan } from '../../../../../shared/kernel/money';
import { centi, roundDiv, toFen, type MoneyRule } from '../../../../../shared/wage/rules';
import { useT } from '../../../i18n';
import { fenToYuanValue, twoDecimals, yuanToFen } from './format';

export const MONEY_KINDS = ['pointValue', 'baseTimesCoefficient', 'budget'] as const;
export type MoneyKind = (typeof MONEY_KINDS)[number];

export function defaultMoney(kind: MoneyKind): MoneyRule {
  switch (kind) {
    case 'pointValue':
      return { kind, fenPerPoint: 100 };
    case 'baseTimesCoefficient':
      return { kind, baseFen: 50000, pointsPerUnit: 100 };
    case 'budget':
      return { kind, budgetFen: 10000000 };
  }
}

/** What is wrong with a money rule (message keys; none: usable): every amount above zero. */
export function moneyProblems(m: MoneyRule): string[] {
  switch (m.kind) {
    case 'pointValue':
      return m.fenPerPoint > 0 ? [] : ['wage.sch.money.positive'];
    case 'baseTimesCoefficient':
      return m.baseFen > 0 && (m.pointsPerUnit ?? 100) > 0 ? [] : ['wage.sch.money.positive'];
    case 'budget':
      return m.budgetFen > 0 ? [] : ['wage.sch.money.positive'];
  }
}

function Yuan({ label, fen, onChange, readOnly, suffix }: { label: string; fen: number; onChange(fen: number): void; readOnly?: boolean; suffix: string }) {
  return (
    <InputNumber
      aria-label={label}
      value={fenToYuanValue(fen)}
      precision={2}
      min={0}
      disabled={readOnly}
      status={fen > 0 ? undefined : 'error'}
      style={{ width: 190 }}
      suffix={suffix}
      onChange={(v) => {
        if (typeof v === 'number' && Number.isFinite(v)) onChange(yuanToFen(v));
      }}
    />
  );
}

export function MoneyRuleEditor({ value, onChange, readOnly }: { value: MoneyRule; onChange(m: MoneyRule): void; readOnly?: boolean }) {
  const t = useT();
  const kindLabel = useId();
  const problems = moneyProblems(value);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid="money-editor">
      <Space wrap>
        <Typography.Text id={kindLabel}>{t('wage.sch.money.kind')}</Typography.Text>
        <Radio.Group
          aria-labelledby={kindLabel}
          optionType="button"
          size="small"
          disabled={readOnly}
          value={value.kind}
          onChange={(e) => onChange(defaultMoney(e.target.value as MoneyKind))}
          options={MONEY_KINDS.map((k) => ({ value: k, label: t(`wage.money.${k}`) }))}
        />
      </Space>
      {value.kind === 'pointValue' && (
        <Space wrap>
          <Typography.Text>{t('wage.sch.money.fenPerPoint')}</Typography.Text>
          <Yuan label={t('wage.sch.money.fenPerPoint')} fen={value.fenPerPoint} onChange={(fenPerPoint) => onChange({ ...value, fenPerPoint })} readOnly={readOnly} suffix={t('wage.sch.money.yuanPerPoint')} />
        </Space>
      )}
      {value.kind === 'baseTimesCoefficient' && (
        <Space wrap>
          <Typography.Text>{t('wage.sch.money.base')}</Typography.Text>
          <Yuan label={t('wage.sch.money.base')} fen={value.baseFen} onChange={(baseFen) => onChange({ ...value, baseFen })} readOnly={readOnly} suffix={t('wage.sch.yuan')} />
          <Typography.Text>{t('wage.sch.money.pointsPerUnit')}</Typography.Text>
          <InputNumber
            aria-label={t('wage.sch.money.pointsPerUnit')}
            value={value.pointsPerUnit ?? 100}
            precision={2}
            min={0}
            disabled={readOnly}
            status={(value.pointsPerUnit ?? 100) > 0 ? undefined : 'error'}
            style={{ width: 150 }}
            suffix={t('wage.sch.pointsUnit')}
            onChange={(v) => {
              if (typeof v === 'number' && Number.isFinite(v)) onChange({ ...value, pointsPerUnit: twoDecimals(v) });
            }}
          />
        </Space>
      )}
      {value.kind === 'budget' && (
        <>
          <Space wrap>
            <Typography.Text>{t('wage.sch.money.budget')}</Typography.Text>
            <Yuan label={t('wage.sch.money.budget')} fen={value.budgetFen} onChange={(budgetFen) => onChange({ ...value, budgetFen })} readOnly={readOnly} suffix={t('wage.sch.yuan')} />
          </Space>
          <Typography.Text type="secondary" data-testid="budget-explain">
            {t('wage.sch.money.budgetExplain')}
          </Typography.Text>
        </>
      )}
      <Typography.Text type="secondary">{t(`wage.sch.money.${value.kind}.hint`)}</Typography.Text>
      {problems.length > 0 && <Alert type="error" showIcon data-testid="money-problems" title={problems.map((k) => t(k)).join('；')} />}
      {problems.length === 0 && <MoneyPreview money={value} />}
    </div>
  );
}

/** Points typed in → 元 (for a budget, also the period's total points, and the point value it gives). */
function MoneyPreview({ money }: { money: MoneyRule }) {
  const t = useT();
  const [points, setPoints] = useState<number | null>(80);
  const [total, setTotal] = useState<number | null>(100000);
  const pid = useId();
  const tid = useId();
  let text = '';
  try {
    if (points !== null) {
      const c = centi(twoDecimals(points));
      if (money.kind === 'budget') {
        if (total !== null && total > 0) {
          const tc = centi(twoDecimals(total));
          // 点值 in fen per point, for the explanation (the run spreads the budget itself, rounding per component)
          const perPoint = roundDiv(money.budgetFen * 100, tc);
          text = t('wage.sch.money.previewBudget', { points: points, yuan: formatYuan(toFen(c, money, tc)), value: formatYuan(perPoint), total });
        } else text = t('wage.sch.money.previewNoTotal');
      } else text = t('wage.sch.money.preview', { points, yuan: formatYuan(toFen(c, money)) });
    }
  } catch {
    text = t('wage.sch.preview.unusable');
  }
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'center', flexWrap: 'wrap', padding: 8, background: '#fafafa', borderRadius: 4 }}>
      <label htmlFor={pid}>{t('wage.sch.money.previewPoints')}</label>
      <InputNumber id={pid} value={points} precision={2} onChange={(v) => setPoints(typeof v === 'number' ? v : null)} style={{ width: 120 }} />
      {money.kind === 'budget' && (
        <>
          <label htmlFor={tid}>{t('wage.sch.money.previewTotal')}</label>
          <InputNumber id={tid} value={total} precision={2} min={0} onChange={(v) => setTotal(typeof v === 'number' ? v : null)} style={{ width: 140 }} />
        </>
      )}
      <Typography.Text strong data-testid="money-preview-result" aria-live="polite">
        {text}
      </Typography.Text>
    </div>
  );
}
