// Hours against the requirement (shared/education/hours/rules.ts): which requirement applies, which kinds count toward
// it, the counting windows at their boundaries, and the gap.
import { describe, expect, it } from 'vitest';
import { addDays, assess, countingWindow, counts, firstYearEnd, PRE_HIRE_DAYS, requirementRole } from '../../shared/education/hours/rules';

describe('which requirement applies', () => {
  it('hired in the year: new worker / new manager; before it or no hire date: the yearly ones', () => {
    expect(requirementRole({ hireDate: '2025-01-01', isManager: false }, 2025)).toBe('new_worker');
    expect(requirementRole({ hireDate: '2025-12-31', isManager: false }, 2025)).toBe('new_worker');
    expect(requirementRole({ hireDate: '2024-12-31', isManager: false }, 2025)).toBe('worker_yearly');
    expect(requirementRole({ hireDate: null, isManager: false }, 2025)).toBe('worker_yearly');
    expect(requirementRole({ hireDate: '2025-03-01', isManager: true }, 2025)).toBe('manager_first');
    expect(requirementRole({ hireDate: '2020-03-01', isManager: true }, 2025)).toBe('manager_yearly');
    expect(requirementRole({ hireDate: null, isManager: true }, 2025)).toBe('manager_yearly');
  });
});

describe('the first year', () => {
  it('ends the day before the anniversary; 29 February ends on 28 February', () => {
    expect(firstYearEnd('2025-03-10')).toBe('2026-03-09');
    expect(firstYearEnd('2025-01-01')).toBe('2025-12-31');
    expect(firstYearEnd('2024-02-29')).toBe('2025-02-28');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
  });
});

describe('what counts', () => {
  const newW = { hireDate: '2025-06-15', isManager: false };
  const old = { hireDate: '2019-01-01', isManager: false };
  const mgr = { hireDate: '2019-01-01', isManager: true };
  const today = '2026-12-31';
  it("a new worker: three-level education from PRE_HIRE_DAYS before the hire date to the end of the first year", () => {
    const w = countingWindow(newW, 2025, today);
    expect(w).toEqual({ role: 'new_worker', from: addDays('2025-06-15', -PRE_HIRE_DAYS), to: '2026-06-14' });
    expect(counts(newW, 2025, today, 'three_level', w.from)).toBe(true);
    expect(counts(newW, 2025, today, 'three_level', addDays(w.from, -1))).toBe(false);
    expect(counts(newW, 2025, today, 'three_level', '2026-06-14')).toBe(true);
    expect(counts(newW, 2025, today, 'three_level', '2026-06-15')).toBe(false);
    // other kinds never count toward it
    expect(counts(newW, 2025, today, 'retraining', '2025-07-01')).toBe(false);
    expect(counts(newW, 2025, today, 'pre_shift', '2025-07-01')).toBe(false);
  });
  it('nothing dated after today counts (a planned activity is not held)', () => {
    expect(counts(newW, 2025, '2025-07-01', 'three_level', '2025-07-01')).toBe(true);
    expect(counts(newW, 2025, '2025-07-01', 'three_level', '2025-07-02')).toBe(false);
    expect(countingWindow(old, 2025, '2025-03-01').to).toBe('2025-03-01');
  });
  it('yearly re-training: re-training, special, drills, 安康杯 and post-change education dated in the calendar year', () => {
    for (const k of ['retraining', 'special', 'drill', 'ankang_cup', 'post_change'] as const) {
      expect(counts(old, 2025, today, k, '2025-01-01')).toBe(true);
      expect(counts(old, 2025, today, k, '2025-12-31')).toBe(true);
      expect(counts(old, 2025, today, k, '2024-12-31')).toBe(false);
      expect(counts(old, 2025, today, k, '2026-01-01')).toBe(false);
    }
    for (const k of ['three_level', 'pre_shift', 'manager'] as const) expect(counts(old, 2025, today, k, '2025-05-01')).toBe(false);
  });
  it("managers: managers' training only", () => {
    expect(counts(mgr, 2025, today, 'manager', '2025-05-01')).toBe(true);
    expect(counts(mgr, 2025, today, 'retraining', '2025-05-01')).toBe(false);
    const first = { hireDate: '2025-05-01', isManager: true };
    expect(counts(first, 2025, today, 'manager', '2026-04-30')).toBe(true);
    expect(counts(first, 2025, today, 'three_level', '2025-05-02')).toBe(false);
  });
});

describe('the gap', () => {
  it('required minus counted, never below zero; met exactly at the requirement; 0 required: does not apply', () => {
    expect(assess('new_worker', 24, 23.9)).toEqual({ role: 'new_worker', required: 24, counted: 23.9, gap: 0.1, applies: true, meets: false });
    expect(assess('new_worker', 24, 24)).toMatchObject({ gap: 0, meets: true });
    expect(assess('new_worker', 24, 30)).toMatchObject({ gap: 0, meets: true, counted: 30 });
    expect(assess('worker_yearly', 0, 0)).toMatchObject({ applies: false, meets: false, gap: 0 });
    expect(assess('worker_yearly', 20, 0)).toMatchObject({ applies: true, meets: false, gap: 20 });
  });
});
