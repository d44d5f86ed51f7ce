// Display text for hazard-ledger documents (PDF and xlsx): glossary labels, dates and money, all Chinese.
// Pure functions, no pdfkit/exceljs import, so both exporters can share them cheaply.
import { isGlossaryKey, term } from '../../../../shared/glossary';
import { riskMessages, riskStyle } from '../../../../shared/hazards/risk';
import type { RiskColor } from '../../../../shared/hazards/rules';
import { statsTotals, type StatsRow } from '../../../../shared/hazards/stats';
import type { HazardRow, HazardStats } from '../../../../shared/hazards/types';
import { formatYuan } from '../../../../shared/kernel/money';

/** glossary label for `key`, or `fallback` when the key is unknown (free text, future enum values). */
export const label = (key: string, fallback: string): string => (isGlossaryKey(key) ? term(key) : fallback);

export const sourceText = (s: HazardRow['source']): string => label(`hazardSource.${s}`, s);
export const statusText = (s: HazardRow['status']): string => label(`hazardStatus.${s}`, s);
export const gradeText = (g: HazardRow['grade']): string => (g ? label(`hazardGrade.${g}`, g) : '未定级');
/** a message from shared/hazards/risk.ts's riskMessages (used directly until the hazards catalog includes them) */
const riskTerm = (key: keyof typeof riskMessages): string => label(key, riskMessages[key]['zh-CN']);
/** 重大风险 / 较大风险 / 一般风险 / 低风险, or 未评价 */
export const riskText = (r: RiskColor | null): string => (r ? label(riskStyle(r).nameKey, r) : riskTerm('risk.unassessed'));
/** 红色 / 橙色 / 黄色 / 蓝色 */
export const riskColorText = (r: RiskColor): string => riskTerm(riskStyle(r).colorKey as keyof typeof riskMessages);
export const stopText = (s: string): string => label(`stop.${s}`, s);
export const accidentText = (a: string | null): string => (a ? label(`accident.${a}`, a) : '');

/** GB/T 13861 two levels, e.g. 物的因素 — 物理性危险和有害因素 */
export function categoryText(c1: string, c2: string | null): string {
  const top = label(`cat.${c1}`, c1);
  if (!c2) return top;
  return `${top} — ${label(`cat.${c1}.${c2}`, c2)}`;
}

export function orgText(workshop: string | null, team: string | null): string {
  return [workshop, team].filter((x): x is string => !!x).join(' / ');
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})/;

/** 'YYYY-MM-DD…' → '2026年3月5日' (the recorded calendar date, no time-zone conversion); '' for null. */
export function dateCn(s: string | null | undefined): string {
  if (!s) return '';
  const m = DATE.exec(s);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : s;
}

/** ISO time with offset (as stored) → '2026年3月5日 09:30' in the wall-clock time it was recorded in. */
export function dateTimeCn(s: string | null | undefined): string {
  if (!s) return '';
  const m = TIME.exec(s);
  return m ? `${dateCn(m[1])} ${m[2]}:${m[3]}` : dateCn(s);
}

/** ISO time → 'YYYY-MM-DD HH:mm' (for spreadsheets). */
export function dateTimeShort(s: string | null | undefined): string {
  if (!s) return '';
  const m = TIME.exec(s);
  return m ? `${m[1]} ${m[2]}:${m[3]}` : s;
}

/** A Date as '2026年3月5日' in local time. */
export function localDateCn(d: Date): string {
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`;
}

/** fen → '12,345.60'; '' for null (shared/kernel/money.ts). */
export const yuan = formatYuan;

/** '第1季度' style period label: '2026年第1季度' or '2026年度'. */
export function periodText(year: number, quarter: number | null): string {
  return quarter ? `${year}年第${quarter}季度` : `${year}年度`;
}

/** 0.8571 → '85.7%'; '—' for null. */
export function percentText(ratio: number | null): string {
  return ratio === null || !Number.isFinite(ratio) ? '—' : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`;
}

// ---- the statistics table (PDF and xlsx) ----

export type StatsTableRow = StatsRow;

/** The workshop rows and the 合计 row, summed from them (shared/hazards/stats.ts: the dashboard uses the same rule). */
export function statsRowsWithTotal(s: HazardStats): { rows: StatsTableRow[]; total: StatsTableRow } {
  const { rows, total } = statsTotals(s.table);
  return { rows, total: { workshop: '合计', ...total } };
}

/** column headings of the statistics table (the line breaks are where the narrow PDF/xlsx columns wrap them) */
export const STATS_COLUMNS = [
  '序号',
  '车间/部门',
  '发现隐患\n（项）',
  '一般隐患\n（项）',
  '重大隐患\n（项）',
  '已整改销号\n（项）',
  '整改中\n（项）',
  '逾期未整改\n（项）',
  '计划整改资金\n（元）',
  '实际投入资金\n（元）',
] as const;

/** The sentence of summary figures under the statistics table. */
export function statsSummary(s: HazardStats, total: StatsTableRow): string {
  const risk = s.byRisk
    .filter((r) => r.count > 0)
    .map((r) => `${riskText(r.risk === 'unassessed' ? null : r.risk)} ${r.count} 项`)
    .join('、');
  return (
    `本期共排查发现隐患 ${s.found} 项，其中一般隐患 ${total.general} 项、重大隐患 ${total.major} 项；` +
    `已整改销号 ${s.closed} 项，作废 ${s.cancelled} 项，尚未销号 ${s.open} 项（其中逾期 ${s.overdue} 项）。` +
    `隐患整改率 ${percentText(s.closureRate)}，平均整改用时 ${s.avgDaysToClose === null ? '—' : `${Math.round(s.avgDaysToClose * 10) / 10} 天`}；` +
    `计划整改资金 ${yuan(total.plannedFunds)} 元，实际投入资金 ${yuan(total.actualFunds)} 元。` +
    (risk ? `风险等级分布：${risk}。` : '')
  );
}

