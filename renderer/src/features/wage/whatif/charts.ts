// The what-if's two charts as ECharts options, with a text alternative (the numbers in words): the cost per month
// under the version effective then and under the candidate; the distribution of a worker's monthly amount.
import type { Locale } from '../../../../../shared/kernel/i18n';
import { formatYuan } from '../../../../../shared/kernel/money';
import type { WhatIfResult } from '../../../../../shared/wage/whatif';
import type { ChartOption } from '../../dashboard/EChart';
import type { TFunc } from '../../../i18n';
import { intText, moneyAxis } from './format';

export const BASE_HEX = '#8c8c8c';
export const CAND_HEX = '#1677ff';

export interface WhatIfChart {
  option: ChartOption;
  label: string;
}

export function costChart(r: WhatIfResult, t: TFunc, locale: Locale): WhatIfChart {
  const months = r.periods.map((p) => p.period);
  // the axis in 元 with separators, or in 万元 (Chinese) once a month costs 10 万元 or more; its unit named above it
  const axis = moneyAxis(Math.max(0, ...r.periods.flatMap((p) => [p.baselineFen, p.candidateFen])), locale);
  return {
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v) => `${formatYuan(Number(v))} ${t('wage.wi.yuan')}` },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', name: t(axis.unit === 'wan' ? 'wage.wi.axisWan' : 'wage.wi.axisYuan'), nameTextStyle: { align: 'left' }, axisLabel: { formatter: axis.formatter } },
      series: [
        { type: 'bar', name: t('wage.wi.baseline'), barMaxWidth: 22, itemStyle: { color: BASE_HEX }, data: r.periods.map((p) => p.baselineFen) },
        { type: 'bar', name: t('wage.wi.candidate'), barMaxWidth: 22, itemStyle: { color: CAND_HEX }, data: r.periods.map((p) => p.candidateFen) },
      ],
    },
    label: t('wage.wi.costAria', {
      list: r.periods.map((p) => t('wage.wi.costAriaItem', { month: p.period, base: formatYuan(p.baselineFen), cand: formatYuan(p.candidateFen) })).join('；'),
    }),
  };
}

export function histogramChart(r: WhatIfResult, t: TFunc): WhatIfChart {
  const buckets = r.histogram.buckets;
  const names = buckets.map((b) => `${intText(b.fromFen / 100)}–${intText(b.toFen / 100)}`);
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: names },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('wage.wi.baseline'), itemStyle: { color: BASE_HEX }, data: buckets.map((b) => b.baseline) },
        { type: 'bar', name: t('wage.wi.candidate'), itemStyle: { color: CAND_HEX }, data: buckets.map((b) => b.candidate) },
      ],
    },
    label: t('wage.wi.histAria', {
      list: buckets.map((b, i) => t('wage.wi.histAriaItem', { range: names[i]!, base: b.baseline, cand: b.candidate })).join('；'),
    }),
  };
}
