// Chart options and their text alternatives, as pure functions of HazardStats.
import { RISK_LEVELS, RISK_STYLE, type RiskLevel } from '../../../../shared/hazards/risk';
import type { HazardStats } from '../../../../shared/hazards/types';
import type { ChartOption } from './EChart';
import { monthLabel, type DashT } from './dashT';

/** the risk colours of the four-colour risk map (红橙黄蓝): one table for screen, print and spreadsheets */
export const RISK_HEX: Record<RiskLevel, string> = Object.fromEntries(RISK_LEVELS.map((r) => [r, RISK_STYLE[r].hex])) as Record<RiskLevel, string>;
export const GRADE_HEX = { general: '#faad14', major: '#cf1322', ungraded: '#bfbfbf' } as const;
const FOUND_HEX = '#0f766e';
const CLOSED_HEX = '#52c41a';

const GRADE_ORDER = ['general', 'major', 'ungraded'] as const;
const RISK_ORDER = RISK_LEVELS;

export interface ChartSpec {
  option: ChartOption;
  label: string;
  /** false when there is nothing to draw */
  hasData: boolean;
  height: number;
}

const gradeName = (t: DashT, g: (typeof GRADE_ORDER)[number]) => (g === 'ungraded' ? t('chart.ungraded') : t(`hazardGrade.${g}`));
const riskName = (t: DashT, r: RiskLevel) => t(RISK_STYLE[r].nameKey);

function list(t: DashT, items: string[]) {
  return items.join(t('chart.sep'));
}

function pie(data: { name: string; value: number; itemStyle: { color: string } }[], seriesName: string): ChartOption {
  return {
    tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
    legend: { bottom: 0, type: 'plain' },
    series: [
      {
        type: 'pie',
        name: seriesName,
        radius: ['40%', '68%'],
        center: ['50%', '45%'],
        avoidLabelOverlap: true,
        label: { formatter: '{b}\n{c}' },
        data,
      },
    ],
  };
}

export function gradeChart(s: HazardStats, t: DashT): ChartSpec {
  const count = (g: string) => s.openByGrade.filter((x) => x.grade === g).reduce((n, x) => n + x.count, 0);
  const rows = GRADE_ORDER.map((g) => ({ name: gradeName(t, g), value: count(g), itemStyle: { color: GRADE_HEX[g] } }));
  const data = rows.filter((r) => r.value > 0);
  const title = t('chart.grade');
  return {
    option: pie(data, title),
    hasData: data.length > 0,
    height: 260,
    label: data.length
      ? t('chart.aria.grade', { list: list(t, rows.map((r) => t('chart.aria.items', { name: r.name, n: r.value }))) })
      : t('chart.aria.empty', { title }),
  };
}

/** a workshop's name, or the screen's own label for hazards placed in no workshop */
const wsLabel = (t: DashT, w: { workshop: string; workshopId?: string | null }) => (w.workshopId === null ? t('rem.noWorkshop') : w.workshop);

export function workshopChart(s: HazardStats, t: DashT): ChartSpec {
  const ws = s.openByWorkshop;
  const title = t('chart.workshop');
  const series = GRADE_ORDER.map((g) => ({
    type: 'bar' as const,
    name: gradeName(t, g),
    stack: 'open',
    barMaxWidth: 28,
    itemStyle: { color: GRADE_HEX[g] },
    data: ws.map((w) => w[g]),
  }));
  return {
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 8, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'value', minInterval: 1 },
      // first workshop at the top
      yAxis: { type: 'category', inverse: true, data: ws.map((w) => wsLabel(t, w)), axisLabel: { width: 110, overflow: 'truncate' } },
      series,
    },
    hasData: ws.some((w) => w.general + w.major + w.ungraded > 0),
    height: Math.max(260, ws.length * 30 + 70),
    label: ws.length
      ? t('chart.aria.workshop', {
          list: list(
            t,
            ws.map((w) => t('chart.aria.workshopItem', { name: wsLabel(t, w), general: w.general, major: w.major, ungraded: w.ungraded })),
          ),
        })
      : t('chart.aria.empty', { title }),
  };
}

export function monthlyChart(s: HazardStats, t: DashT): ChartSpec {
  const months = s.monthly.map((m) => monthLabel(t, m.month));
  const title = t('chart.monthly');
  return {
    option: {
      tooltip: { trigger: 'axis' },
      legend: { bottom: 0 },
      grid: { left: 8, right: 16, top: 16, bottom: 32, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
      xAxis: { type: 'category', data: months },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', name: t('chart.found'), barMaxWidth: 24, itemStyle: { color: FOUND_HEX }, data: s.monthly.map((m) => m.found) },
        { type: 'line', name: t('chart.closed'), smooth: false, symbolSize: 6, itemStyle: { color: CLOSED_HEX }, data: s.monthly.map((m) => m.closed) },
      ],
    },
    hasData: s.monthly.length > 0,
    height: 260,
    label: s.monthly.length
      ? t('chart.aria.monthly', {
          list: list(
            t,
            s.monthly.map((m, i) => t('chart.aria.monthItem', { month: months[i] ?? m.month, found: m.found, closed: m.closed })),
          ),
        })
      : t('chart.aria.empty', { title }),
  };
}

export function riskChart(s: HazardStats, t: DashT): ChartSpec {
  const count = (r: string) => s.byRisk.filter((x) => x.risk === r).reduce((n, x) => n + x.count, 0);
  const rows = RISK_ORDER.map((r) => ({ name: riskName(t, r), value: count(r), itemStyle: { color: RISK_HEX[r] } }));
  const data = rows.filter((r) => r.value > 0);
  const title = t('chart.risk');
  return {
    option: pie(data, title),
    hasData: data.length > 0,
    height: 260,
    label: data.length
      ? t('chart.aria.risk', { list: list(t, rows.map((r) => t('chart.aria.items', { name: r.name, n: r.value }))) })
      : t('chart.aria.empty', { title }),
  };
}
