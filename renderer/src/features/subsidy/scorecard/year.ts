// The year a subsidy tab shows: the route's segment after the tab (#/subsidy/<tab>/<YYYY>), else this year; the years
// offered: this year and the four before it, and next year (the call may open before the year ends).
import dayjs from 'dayjs';

export const thisYear = () => dayjs().year();

export function yearFromRest(rest: readonly string[]): number {
  const y = rest[0] && /^\d{4}$/.test(rest[0]) ? Number(rest[0]) : null;
  return y !== null && y >= 2000 && y <= 2100 ? y : thisYear();
}

export function yearOptions(selected: number): number[] {
  const now = thisYear();
  const ys = new Set([now + 1, now, now - 1, now - 2, now - 3, now - 4, selected]);
  return [...ys].sort((a, b) => b - a);
}

/** the route's id of a tab and year (this year: the bare tab) */
export const subsidyId = (tab: string, year: number) => (year === thisYear() ? tab : `${tab}/${year}`);
