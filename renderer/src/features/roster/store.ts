import { create } from 'zustand';
import type { WorkerQueryInput } from '../../../../shared/roster/schemas';
import type { OrgUnit } from '../../../../shared/org/types';
import type { WorkerRow } from '../../../../shared/roster/types';
import { call } from '../../lib/api';

export type RosterQuery = Required<Pick<WorkerQueryInput, 'search' | 'status' | 'sortField' | 'sortDir' | 'page' | 'pageSize'>> &
  Pick<WorkerQueryInput, 'orgUnitId' | 'role' | 'special' | 'certDue'>;

interface RosterState {
  query: RosterQuery;
  rows: WorkerRow[];
  total: number;
  loading: boolean;
  /** the failure as thrown (an ApiError carries a message key): show it with errorText() */
  error: unknown;
  units: OrgUnit[];
  showRetired: boolean;
  setQuery(patch: Partial<RosterQuery>): void;
  load(): Promise<void>;
  loadUnits(): Promise<void>;
  setShowRetired(v: boolean): void;
}

export const initialQuery: RosterQuery = {
  search: '',
  status: 'active',
  sortField: 'empNo',
  sortDir: 'asc',
  page: 1,
  pageSize: 100,
  orgUnitId: null,
  role: null,
  special: null,
  certDue: null,
};

let seq = 0;

export const useRoster = create<RosterState>((set, get) => ({
  query: initialQuery,
  rows: [],
  total: 0,
  loading: false,
  error: null,
  units: [],
  showRetired: false,
  setQuery(patch) {
    const resetPage = Object.keys(patch).some((k) => k !== 'page' && k !== 'pageSize');
    set({ query: { ...get().query, ...patch, ...(resetPage && patch.page === undefined ? { page: 1 } : {}) } });
    void get().load();
  },
  async load() {
    const my = ++seq;
    set({ loading: true, error: null });
    try {
      const page = await call('workers.list', get().query);
      if (my === seq) set({ rows: page.rows, total: page.total, loading: false });
    } catch (e) {
      if (my === seq) set({ loading: false, error: e });
    }
  },
  async loadUnits() {
    const units = await call('org.tree', { includeRetired: get().showRetired });
    set({ units });
  },
  setShowRetired(v) {
    set({ showRetired: v });
    void get().loadUnits();
  },
}));
