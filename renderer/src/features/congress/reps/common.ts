// Small helpers shared by the representatives tab's parts.
import dayjs from 'dayjs';
import type { Term } from '../../../../../shared/congress/reps/types';

/** A form field holding an ISO date (YYYY-MM-DD) shown in a DatePicker. */
export const dateProps = {
  getValueProps: (v: string | null | undefined) => ({ value: v ? dayjs(v) : null }),
  normalize: (v: dayjs.Dayjs | null) => (v ? v.format('YYYY-MM-DD') : undefined),
};

/** Today as the user's calendar has it. */
export function localToday(): string {
  return dayjs().format('YYYY-MM-DD');
}

/** A date clamped into the term (as the backend takes its counts). */
export function clampToTerm(term: Pick<Term, 'startDate' | 'endDate'>, d: string): string {
  return d < term.startDate ? term.startDate : d > term.endDate ? term.endDate : d;
}

/** DatePicker's disabledDate for dates outside the term. */
export function outsideTerm(term: Pick<Term, 'startDate' | 'endDate'>) {
  return (d: dayjs.Dayjs) => {
    const s = d.format('YYYY-MM-DD');
    return s < term.startDate || s > term.endDate;
  };
}
