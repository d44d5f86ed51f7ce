// Small pure helpers of the monthly runs tab: months, 元 from fen, points from centipoints, the scheme in effect for a
// month (the backend's rule, for the empty state), and which buttons a run shows to the signed-in operator.
import dayjs from 'dayjs';
import type { Locale } from '../../../../../shared/kernel/i18n';
import { formatYuan } from '../../../../../shared/kernel/money';
import type { Operator } from '../../../../../shared/operators/types';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import type { RunIndicator, RunSummary } from '../../../../../shared/wage/runs/types';
import { usableForRuns, WAGE_RUNNERS } from '../../../../../shared/wage/scheme';
import type { SchemeVersion } from '../../../../../shared/wage/schemes/types';

/** 'YYYY-MM' of the month before `today` (local clock): the month usually paid. */
export function lastMonth(today: dayjs.Dayjs = dayjs()): string {
  return today.subtract(1, 'month').format('YYYY-MM');
}

/** 'YYYY-MM' of this month (local clock). */
export function thisMonth(today: dayjs.Dayjs = dayjs()): string {
  return today.format('YYYY-MM');
}

/** fen → '1,234.50' (元, two decimals). */
export const yuan = (fen: number) => formatYuan(fen);

/** fen difference → '+12.00' / '-3.50' / '0.00'. */
export function signedYuan(fen: number): string {
  return fen > 0 ? `+${formatYuan(fen)}` : formatYuan(fen);
}

/** centipoints → '12.5' (up to two decimals, no trailing zeros). */
export function pointsText(centipoints: number): string {
  return String(Number((centipoints / 100).toFixed(2)));
}

/** a share 0–1 → '83.3' (one decimal). */
export function pctText(share: number): string {
  return (Math.round(share * 1000) / 10).toFixed(1);
}

/** an ISO time → 'YYYY-MM-DD HH:mm' in local time. */
export function when(iso: string | null): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '';
}

/** A component's name in the language (its code when the run does not know it). */
export function indicatorName(indicators: readonly RunIndicator[], code: string, locale: Locale): string {
  return indicators.find((i) => i.code === code)?.name[locale] ?? code;
}

/**
 * The scheme version a month is calculated with — the backend's rule (electron/core/wage/runs/scheme.ts): the version
 * effective on the month's first day (made effective on or before it, not superseded by then), the latest such.
 */
export function schemeForMonth(versions: readonly SchemeVersion[], period: string): SchemeVersion | null {
  const day = `${period}-01`;
  const usable = versions.filter((v) => usableForRuns(v.state) && !!v.effectiveFrom && v.effectiveFrom <= day && (!v.supersededOn || v.supersededOn > day));
  usable.sort((a, b) => (b.effectiveFrom! < a.effectiveFrom! ? -1 : b.effectiveFrom! > a.effectiveFrom! ? 1 : b.version - a.version));
  return usable[0] ?? null;
}

export interface RunButtons {
  /** calculate (no run yet) or recalculate */
  calculate: boolean;
  review: boolean;
  approve: boolean;
  /** the operator reviewed this version: approval is for someone else */
  ownReview: boolean;
}

/**
 * The buttons a month shows: runners (WAGE_RUNNERS; administrators hold every role) calculate a month that has begun;
 * a calculated version is reviewed (复核); a reviewed one is approved (审批) by another operator than its reviewer
 * (compared by operator id, as the backend does — two operators may share a name). A replaced version takes no step.
 */
export function runButtons(run: Pick<RunSummary, 'state' | 'reviewedById'> | null, operator: Operator | null, period: string, now: string = thisMonth()): RunButtons {
  const runner = !!operator && holdsAnyRole(operator, WAGE_RUNNERS);
  const ownReview = !!operator && run?.state === 'reviewed' && run.reviewedById === operator.id;
  return {
    calculate: runner && period <= now,
    review: runner && run?.state === 'calculated',
    approve: runner && run?.state === 'reviewed' && !ownReview,
    ownReview: runner && ownReview,
  };
}

// ---------------------------------------------------------------------------------------------------------
// The runs tab's address: #/wage/runs/<YYYY-MM>[/worker/<workerId>] — the month shown and the worker whose explanation
// is open, so Back, reload and a link return to them (the route's id: renderer/src/features/wage/tabs.ts).

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const ID = /^[A-Za-z0-9_.~-]{1,64}$/;

/** The month and the open worker of a wage route id ('runs', 'runs/2026-09', 'runs/2026-09/worker/<id>'). */
export function parseRunsId(id: string | null): { period: string | null; workerId: string | null } {
  const [tab, period, kind, worker] = (id ?? '').split('/');
  if (tab !== 'runs' || !period || !MONTH.test(period)) return { period: null, workerId: null };
  return { period, workerId: kind === 'worker' && worker && ID.test(worker) ? worker : null };
}

/** The wage route id of the runs tab on a month, with a worker's explanation open. */
export function runsId(period: string, workerId: string | null = null): string {
  return workerId ? `runs/${period}/worker/${workerId}` : `runs/${period}`;
}
