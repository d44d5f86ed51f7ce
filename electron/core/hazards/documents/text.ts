// Display text for hazard-ledger documents (PDF and xlsx): glossary labels, dates and money, all Chinese.
// Pure functions, no pdfkit/exceljs import, so both exporters can share them cheaply.
import { isGlossaryKey, term } from '../../../../shared/glossary';
import { RISK_LEVELS, riskMessages, riskStyle } from '../../../../shared/hazards/risk';
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
  '未定级\n（项）',
  '已整改销号\n（项）',
  '整改中\n（项）',
  '逾期未整改\n（项）',
  '计划整改资金\n（元）',
  '实际投入资金\n（元）',
] as const;

/**
 * The summary under the statistics table. Its first figures are those of the table: the hazards found in the period
 * (合计 row), with their state as of the table date (制表日) — closed, cancelled, still open, overdue — so they add up
 * to the number found. Figures on another base say so: hazards closed during the period whatever their finding date
 * (with the average time they took), and all hazards still open on the table date ("截至制表日，全厂…", only when they
 * differ from the period's). Risk levels in RISK_LEVELS order (red, orange, yellow, blue, unassessed).
 */
export function statsSummary(s: HazardStats, total: StatsTableRow): string {
  const byRisk = new Map(s.byRisk.map((r) => [r.risk, r.count]));
  const risk = RISK_LEVELS.filter((r) => (byRisk.get(r) ?? 0) > 0)
    .map((r) => `${riskText(r === 'unassessed' ? null : r)} ${byRisk.get(r)} 项`)
    .join('、');
  // the found hazards' state: closed + cancelled + open = found (cancelled ones are in no table column)
  const cancelled = Math.min(s.cancelled, Math.max(0, total.found - total.closed));
  const open = Math.max(0, total.found - total.closed - cancelled);
  const waiting = Math.max(0, open - total.rectifying);
  const countable = total.found - cancelled;
  const rate = countable > 0 ? total.closed / countable : null;
  const openParts = [`整改中 ${total.rectifying} 项`, ...(waiting > 0 ? [`待确认或待分派 ${waiting} 项`] : [])];
  // hazards not yet graded (reported, or cancelled before grading): their own column, named here when there are any
  const ungraded = total.ungraded;
  const days = s.avgDaysToClose === null ? null : `${Math.round(s.avgDaysToClose * 10) / 10} 天`;
  const allOpenDiffers = s.open !== open || s.overdue !== total.overdue;
  return (
    `本期共排查发现隐患 ${total.found} 项，其中一般隐患 ${total.general} 项、重大隐患 ${total.major} 项${ungraded > 0 ? `、尚未定级 ${ungraded} 项` : ''}。` +
    `截至制表日，本期发现的隐患已整改销号 ${total.closed} 项，作废 ${cancelled} 项，尚未销号 ${open} 项（${openParts.join('，')}；其中逾期未整改 ${total.overdue} 项），` +
    `隐患整改率 ${percentText(rate)}。` +
    `本期内销号的隐患（含以前期间发现的）共 ${s.closed} 项${days ? `，平均整改用时 ${days}` : ''}。` +
    `计划整改资金 ${yuan(total.plannedFunds)} 元，实际投入资金 ${yuan(total.actualFunds)} 元。` +
    (allOpenDiffers ? `截至制表日，全厂尚未销号的隐患共 ${s.open} 项（含其他期间发现的），其中逾期 ${s.overdue} 项。` : '') +
    (risk ? `本期发现隐患的风险等级分布：${risk}。` : '')
  );
}

