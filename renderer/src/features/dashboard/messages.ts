// Dashboard UI strings, kept inside the feature (the shared dictionary belongs to others).
// Domain terms (hazard grades, risk colours, 已逾期 / 即将到期 …) come from the glossary through useT().
import { useMemo } from 'react';
import type { Locale } from '../../../../shared/glossary';
import { translate, useI18n } from '../../i18n';

const zh = {
  'dash.title': '隐患排查治理总览',
  'dash.period': '统计期间',
  'dash.year': '年度',
  'dash.yearOption': '{year} 年',
  'dash.quarter': '季度',
  'dash.fullYear': '全年',
  'dash.q1': '第一季度',
  'dash.q2': '第二季度',
  'dash.q3': '第三季度',
  'dash.q4': '第四季度',
  'dash.refresh': '刷新',
  'dash.retry': '重试',
  'dash.loading': '正在加载统计数据…',
  'dash.statsError': '统计数据加载失败',
  'dash.remindersError': '整改提醒加载失败',
  'dash.range': '{from} 至 {to}',
  // KPI
  'kpi.open': '未销号隐患',
  'kpi.openHint': '当前',
  'kpi.overdue': '逾期未整改',
  'kpi.overdueHint': '当前',
  'kpi.closureRate': '整改销号率',
  'kpi.closureRateHint': '本期发现的隐患',
  'kpi.avgDays': '平均整改天数',
  'kpi.avgDaysHint': '本期销号的隐患',
  'kpi.days': '天',
  'kpi.found': '本期发现',
  'kpi.closed': '本期销号',
  'kpi.items': '项',
  'kpi.none': '—',
  // reminders
  'rem.title': '整改提醒',
  'rem.total': '共 {n} 项',
  'rem.shown': '共 {n} 项，显示前 {m} 项',
  'rem.emptyOverdue': '没有逾期隐患',
  'rem.emptyDueSoon': '近期没有即将到期的隐患',
  'rem.days': '天数',
  'rem.daysOverdue': '逾期 {n} 天',
  'rem.oneDayOverdue': '逾期 1 天',
  'rem.dueToday': '今天到期',
  'rem.daysLeft': '剩 {n} 天',
  'rem.oneDayLeft': '剩 1 天',
  'rem.noWorkshop': '（未指定车间）',
  'rem.open': '打开隐患 {serial}',
  // charts
  'chart.grade': '未销号隐患（按等级）',
  'chart.workshop': '未销号隐患（按车间）',
  'chart.monthly': '发现与销号趋势（按月）',
  'chart.risk': '本期发现隐患的风险等级分布',
  'chart.ungraded': '未定级',
  'chart.unassessed': '未评估',
  'chart.found': '发现',
  'chart.closed': '销号',
  'chart.empty': '暂无数据',
  'chart.month': '{m}月',
  'chart.aria.items': '{name} {n} 项',
  'chart.aria.grade': '未销号隐患按等级：{list}。',
  'chart.aria.workshop': '未销号隐患按车间（一般/重大/未定级）：{list}。',
  'chart.aria.workshopItem': '{name} {general}/{major}/{ungraded}',
  'chart.aria.monthly': '按月发现与销号：{list}。',
  'chart.aria.monthItem': '{month} 发现 {found} 销号 {closed}',
  'chart.aria.risk': '本期发现隐患按风险等级：{list}。',
  'chart.aria.empty': '{title}：暂无数据。',
  'chart.sep': '，',
  // statistics table
  'table.card': '统计报表（打印后签字）',
  'table.title': '{period} 隐患排查治理统计表',
  'table.periodYear': '{year} 年度',
  'table.periodQuarter': '{year} 年第{q}季度',
  'table.range': '统计期间：{from} 至 {to}',
  'table.workshop': '车间（部门）',
  'table.found': '排查隐患数',
  'table.general': '一般隐患',
  'table.major': '重大隐患',
  'table.closed': '已整改销号',
  'table.rectifying': '正在整改',
  'table.overdue': '逾期未整改',
  'table.plannedFunds': '计划整改资金（元）',
  'table.actualFunds': '实际投入资金（元）',
  'table.total': '合计',
  'table.empty': '本期没有隐患记录',
  'table.export': '导出 Excel',
  'table.pdf': '导出 PDF',
  'table.exported': '已导出统计表',
  'table.print': '打印',
  'sign.colon': '：',
  'sign.preparer': '填表人',
  'sign.reviewer': '审核人',
  'sign.principal': '主要负责人（签字）',
  'sign.date': '日期',
  'sign.dateBlank': '年　　月　　日',
} as const;

export type DashKey = keyof typeof zh;

const en: Record<DashKey, string> = {
  'dash.title': 'Hazard overview',
  'dash.period': 'Period',
  'dash.year': 'Year',
  'dash.yearOption': '{year}',
  'dash.quarter': 'Quarter',
  'dash.fullYear': 'Full year',
  'dash.q1': 'Q1',
  'dash.q2': 'Q2',
  'dash.q3': 'Q3',
  'dash.q4': 'Q4',
  'dash.refresh': 'Refresh',
  'dash.retry': 'Retry',
  'dash.loading': 'Loading statistics…',
  'dash.statsError': 'Could not load the statistics',
  'dash.remindersError': 'Could not load the reminders',
  'dash.range': '{from} to {to}',
  'kpi.open': 'Open hazards',
  'kpi.openHint': 'now',
  'kpi.overdue': 'Overdue',
  'kpi.overdueHint': 'now',
  'kpi.closureRate': 'Closure rate',
  'kpi.closureRateHint': 'of hazards found in the period',
  'kpi.avgDays': 'Average days to close',
  'kpi.avgDaysHint': 'of hazards closed in the period',
  'kpi.days': 'days',
  'kpi.found': 'Found in period',
  'kpi.closed': 'Closed in period',
  'kpi.items': '',
  'kpi.none': '—',
  'rem.title': 'Reminders',
  'rem.total': '{n} in total',
  'rem.shown': '{n} in total, first {m} shown',
  'rem.emptyOverdue': 'No overdue hazards',
  'rem.emptyDueSoon': 'Nothing due soon',
  'rem.days': 'Days',
  'rem.daysOverdue': '{n} days overdue',
  'rem.oneDayOverdue': '1 day overdue',
  'rem.dueToday': 'Due today',
  'rem.daysLeft': '{n} days left',
  'rem.oneDayLeft': '1 day left',
  'rem.noWorkshop': '(no workshop)',
  'rem.open': 'Open hazard {serial}',
  'chart.grade': 'Open hazards by grade',
  'chart.workshop': 'Open hazards by workshop',
  'chart.monthly': 'Found vs closed by month',
  'chart.risk': 'Risk levels of hazards found in the period',
  'chart.ungraded': 'Ungraded',
  'chart.unassessed': 'Not assessed',
  'chart.found': 'Found',
  'chart.closed': 'Closed',
  'chart.empty': 'No data',
  'chart.month': '{mon}',
  'chart.aria.items': '{name} {n}',
  'chart.aria.grade': 'Open hazards by grade: {list}.',
  'chart.aria.workshop': 'Open hazards by workshop (general/major/ungraded): {list}.',
  'chart.aria.workshopItem': '{name} {general}/{major}/{ungraded}',
  'chart.aria.monthly': 'Found and closed by month: {list}.',
  'chart.aria.monthItem': '{month} found {found} closed {closed}',
  'chart.aria.risk': 'Hazards found in the period by risk level: {list}.',
  'chart.aria.empty': '{title}: no data.',
  'chart.sep': ', ',
  'table.card': 'Statistics report (print and sign)',
  'table.title': 'Hazard investigation and rectification statistics — {period}',
  'table.periodYear': '{year}',
  'table.periodQuarter': 'Q{q} {year}',
  'table.range': 'Period: {from} to {to}',
  'table.workshop': 'Workshop (department)',
  'table.found': 'Found',
  'table.general': 'General',
  'table.major': 'Major',
  'table.closed': 'Closed',
  'table.rectifying': 'Rectifying',
  'table.overdue': 'Overdue',
  'table.plannedFunds': 'Planned funds (yuan)',
  'table.actualFunds': 'Actual funds (yuan)',
  'table.total': 'Total',
  'table.empty': 'No hazards in this period',
  'table.export': 'Export Excel',
  'table.pdf': 'Export PDF',
  'table.exported': 'Statistics exported',
  'table.print': 'Print',
  'sign.colon': ': ',
  'sign.preparer': 'Prepared by',
  'sign.reviewer': 'Reviewed by',
  'sign.principal': 'Principal (signature)',
  'sign.date': 'Date',
  'sign.dateBlank': '',
};

const dicts: Record<Locale, Record<DashKey, string>> = { 'zh-CN': zh, en };

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const QUARTERS_ZH = ['一', '二', '三', '四'];

function fill(s: string, vars?: Record<string, string | number>) {
  return vars ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? `{${k}}`)) : s;
}

function isDashKey(key: string): key is DashKey {
  return Object.prototype.hasOwnProperty.call(zh, key);
}

export type DashT = (key: DashKey | string, vars?: Record<string, string | number>) => string;

/** Translator for the dashboard: local keys first, then the app's messages and the glossary (what useT() reads).
 * Stable per locale, so memoised chart options only rebuild when the data or the language change. */
export function useDashT(): { t: DashT; locale: Locale } {
  const locale = useI18n((s) => s.locale);
  const t = useMemo<DashT>(() => (key, vars) => (isDashKey(key) ? fill(dicts[locale][key], vars) : translate(locale, key, vars)), [locale]);
  return { t, locale };
}

/** "2026 年第四季度" / "Q4 2026"; "2026 年度" / "2026". */
export function periodLabel(t: DashT, locale: Locale, year: number, quarter: number | null): string {
  if (quarter === null) return t('table.periodYear', { year });
  return t('table.periodQuarter', { year, q: locale === 'en' ? quarter : (QUARTERS_ZH[quarter - 1] ?? quarter) });
}

/** "2026-03" → "3月" / "Mar". */
export function monthLabel(t: DashT, month: string): string {
  const m = Number(month.slice(5, 7));
  return t('chart.month', { m, mon: MONTHS_EN[m - 1] ?? month });
}
