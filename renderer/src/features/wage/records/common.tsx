// Small pieces the records tab's sections share: the month, who may write, the undo note after a delete.
import type { MessageInstance } from 'antd/es/message/interface';
import dayjs from 'dayjs';
import { holdsAnyRole } from '../../../../../shared/roster/roles';
import { WAGE_RECORDERS } from '../../../../../shared/wage/records/types';
import { useSession } from '../../../app/session';
import type { TFunc } from '../../../i18n';
import { showUndoNote } from '../../../components/undoNote';

/** This month as 'YYYY-MM' on the user's calendar. */
export function thisMonth(): string {
  return dayjs().format('YYYY-MM');
}

/** A month moved by `n` months. */
export function addMonths(period: string, n: number): string {
  return dayjs(`${period}-01`).add(n, 'month').format('YYYY-MM');
}

/** Today as the user's calendar has it. */
export function today(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** A sensible date for a new record of the month shown: today in this month, else the month's last day (never after today). */
export function defaultDate(period: string): string {
  const t = today();
  const last = dayjs(`${period}-01`).endOf('month').format('YYYY-MM-DD');
  return t.startsWith(period) || last > t ? t : last;
}

/** A stored instant (ISO, UTC) as the user's clock shows it: 2026-03-05 14:30. */
export function localTime(iso: string): string {
  return dayjs(iso).format('YYYY-MM-DD HH:mm');
}

/** A form field holding an ISO date (YYYY-MM-DD) shown in a DatePicker. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};

/** Dates after today cannot be chosen (a record is of something that happened). */
export const afterToday = (d: dayjs.Dayjs) => d.format('YYYY-MM-DD') > today();

/** Union officers, safety officers and administrators write the records (the backend refuses the rest). */
export function useCanRecord(): boolean {
  const operator = useSession((s) => s.operator);
  return operator ? holdsAnyRole(operator, WAGE_RECORDERS) : false;
}

/** Points (or a figure) with up to two decimals, a plus sign on a gain when asked. */
export function num(v: number, signed = false): string {
  const s = String(Math.round(v * 100) / 100);
  return signed && v > 0 ? `+${s}` : s;
}

/** After a delete: "已删除 …" with an Undo button for a few seconds. */
export function undoNote(message: MessageInstance, t: TFunc, key: string, what: string, undo: () => Promise<unknown>, after: () => unknown) {
  showUndoNote(message, t, { key, deleted: t('wage.rec.deleted', { what }), restored: t('wage.rec.restored') }, undo, after);
}
