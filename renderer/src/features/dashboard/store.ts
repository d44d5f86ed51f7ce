import { create } from 'zustand';
import type { HazardReminders, HazardStats } from '../../../../shared/hazards/types';
import { call } from '../../lib/api';

export interface Period {
  year: number;
  quarter: number | null;
}

/** how many rows each reminder list shows */
export const REMINDER_LIMIT = 10;

interface DashboardState {
  period: Period;
  stats: HazardStats | null;
  /** the period `stats` belongs to (stats of another period are never shown under this one's header) */
  statsPeriod: Period | null;
  statsLoading: boolean;
  statsError: unknown;
  reminders: HazardReminders | null;
  remindersLoading: boolean;
  remindersError: unknown;
  /** moved by 刷新: the home page's cards (built-in and the modules') read their figures again */
  cardsTick: number;
  setPeriod(patch: Partial<Period>): void;
  refreshCards(): void;
  loadStats(): Promise<void>;
  loadReminders(): Promise<void>;
}

export function defaultPeriod(now = new Date()): Period {
  return { year: now.getFullYear(), quarter: null };
}

export function initialDashboardState() {
  return {
    period: defaultPeriod(),
    stats: null,
    statsPeriod: null,
    statsLoading: false,
    statsError: null,
    reminders: null,
    remindersLoading: false,
    remindersError: null,
    cardsTick: 0,
  } satisfies Partial<DashboardState>;
}

export const samePeriod = (a: Period | null, b: Period) => a !== null && a.year === b.year && a.quarter === b.quarter;

let statsSeq = 0;
let remindersSeq = 0;

export const useDashboard = create<DashboardState>((set, get) => ({
  ...initialDashboardState(),
  setPeriod(patch) {
    const period = { ...get().period, ...patch };
    if (samePeriod(get().period, period)) return;
    set({ period });
    void get().loadStats();
  },
  refreshCards() {
    set({ cardsTick: get().cardsTick + 1 });
  },
  async loadStats() {
    const my = ++statsSeq;
    const period = get().period;
    set({ statsLoading: true, statsError: null });
    try {
      const stats = await call('hazards.stats', { year: period.year, quarter: period.quarter });
      if (my === statsSeq) set({ stats, statsPeriod: period, statsLoading: false });
    } catch (e) {
      if (my === statsSeq) set({ statsLoading: false, statsError: e });
    }
  },
  async loadReminders() {
    const my = ++remindersSeq;
    set({ remindersLoading: true, remindersError: null });
    try {
      const reminders = await call('hazards.reminders', { limit: REMINDER_LIMIT });
      if (my === remindersSeq) set({ reminders, remindersLoading: false });
    } catch (e) {
      if (my === remindersSeq) set({ remindersLoading: false, remindersError: e });
    }
  },
}));
