import { create } from 'zustand';
import type { HazardQueryInput } from '../../../../shared/hazards/schemas';
import type { HazardRow } from '../../../../shared/hazards/types';
import { call } from '../../lib/api';

export type LedgerQuery = HazardQueryInput & { page: number; pageSize: number };
export const initialLedgerQuery: LedgerQuery = { status: 'open', sortField: 'foundAt', sortDir: 'desc', page: 1, pageSize: 100, search: '' };

interface LedgerState {
  query: LedgerQuery;
  rows: HazardRow[];
  total: number;
  /** the backend stopped counting at a cap: there are more than `total` hazards */
  totalCapped: boolean;
  loading: boolean;
  /** the failure as thrown (an ApiError carries a message key): show it with errorText() */
  error: unknown;
  setQuery(patch: Partial<LedgerQuery>, replace?: boolean): void;
  load(): Promise<void>;
}

let seq = 0;
export const useLedger = create<LedgerState>((set, get) => ({
  query: initialLedgerQuery,
  rows: [],
  total: 0,
  totalCapped: false,
  loading: false,
  error: null,
  setQuery(patch, replace = false) {
    const base = replace ? initialLedgerQuery : get().query;
    const resetPage = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize');
    set({ query: { ...base, ...patch, ...(resetPage && patch.page === undefined ? { page: 1 } : {}) } });
    void get().load();
  },
  async load() {
    const my = ++seq;
    set({ loading: true, error: null });
    try {
      const p = await call('hazards.list', get().query);
      if (my === seq) set({ rows: p.rows, total: p.total, totalCapped: p.totalCapped === true, loading: false });
    } catch (e) {
      if (my === seq) set({ loading: false, error: e });
    }
  },
}));
