// What the what-if tab keeps for the browser tab's life: the version and the months chosen, and the last result with who
// ran it and when — so switching to another tab (which unmounts this one) or reloading the page shows it again, and a
// what-if still running when the operator leaves lands here and is shown on return. Kept in memory (a zustand store)
// and in sessionStorage (per browser tab, like the records tab's month). A result is only shown to the operator who ran
// it (another sign-in in the same browser tab starts empty).
import dayjs from 'dayjs';
import { create } from 'zustand';
import type { WhatIfResult } from '../../../../../shared/wage/whatif';
import { call } from '../../../lib/api';

const REMEMBER = 'ankang.wage.whatif';
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export const thisMonth = () => dayjs().format('YYYY-MM');
export const addMonths = (p: string, n: number) => dayjs(`${p}-01`).add(n, 'month').format('YYYY-MM');

/**
 * The default range: the last 12 finished months (last month and the 11 before it) — a year whose records are in; this
 * month may be chosen too (the tab then says its records may not all be in yet).
 */
export function defaultRange(): { from: string; to: string } {
  const to = addMonths(thisMonth(), -1);
  return { from: addMonths(to, -11), to };
}

interface Kept {
  schemeId: string | null;
  from: string;
  to: string;
  result: WhatIfResult | null;
  /** who ran the result, and when (ISO) */
  operatorId: string | null;
  at: string | null;
}

interface WhatIfState extends Kept {
  busy: boolean;
  /** the last run's failure as thrown (shown with errorText, so in the language of the moment) */
  error: unknown;
  choose(patch: Partial<Pick<Kept, 'schemeId' | 'from' | 'to'>>): void;
  run(operatorId: string | null): Promise<void>;
}

function initial(): Kept {
  return { schemeId: null, ...defaultRange(), result: null, operatorId: null, at: null };
}

/** What sessionStorage holds, checked (months that have begun, a result of the right shape); the defaults otherwise. */
export function remembered(): Kept {
  const d = initial();
  try {
    const v = JSON.parse(sessionStorage.getItem(REMEMBER) ?? 'null') as Partial<Kept> | null;
    if (!v || typeof v !== 'object') return d;
    const ok = (p: unknown): p is string => typeof p === 'string' && MONTH.test(p) && p <= thisMonth();
    const range = ok(v.from) && ok(v.to) ? { from: v.from, to: v.to } : { from: d.from, to: d.to };
    const r = v.result;
    const result = r && typeof r === 'object' && Array.isArray(r.periods) && Array.isArray(r.gainers) && r.totals && r.scheme ? r : null;
    return {
      schemeId: typeof v.schemeId === 'string' ? v.schemeId : null,
      ...range,
      result,
      operatorId: result && typeof v.operatorId === 'string' ? v.operatorId : null,
      at: result && typeof v.at === 'string' ? v.at : null,
    };
  } catch {
    return d;
  }
}

function keep(s: Kept) {
  const { schemeId, from, to, result, operatorId, at } = s;
  try {
    sessionStorage.setItem(REMEMBER, JSON.stringify({ schemeId, from, to, result, operatorId, at }));
  } catch {
    // storage full or refused: the in-memory store still keeps it while the page lives
  }
}

let seq = 0;

export const useWhatIf = create<WhatIfState>((set, get) => ({
  ...remembered(),
  busy: false,
  error: null,
  choose(patch) {
    set(patch);
    keep(get());
  },
  async run(operatorId) {
    const { schemeId, from, to } = get();
    if (!schemeId) return;
    const my = ++seq;
    set({ busy: true, error: null });
    try {
      const result = await call('wage.whatIf', { schemeId, from, to });
      if (my !== seq) return;
      set({ result, operatorId, at: new Date().toISOString(), busy: false });
      keep(get());
    } catch (e) {
      if (my !== seq) return;
      set({ busy: false, error: e });
    }
  },
}));

/** Back to a fresh browser tab (tests; nothing else calls it). */
export function resetWhatIf() {
  seq++;
  try {
    sessionStorage.removeItem(REMEMBER);
  } catch {
    // nothing kept
  }
  useWhatIf.setState({ ...initial(), busy: false, error: null });
}
