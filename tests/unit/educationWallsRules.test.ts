// Culture walls (issue 10): the cutoff "today minus N months" at its boundaries (month ends, leap years, year turns),
// the state of a wall on and around the cutoff, the day a year's figures are taken on, and the input schemas' refusals.
import { describe, expect, it } from 'vitest';
import { asOfDay, wallCutoff, wallState } from '../../shared/education/walls/rules';
import { wallSettingsInput, wallUpdateInput } from '../../shared/education/walls/schemas';

describe('wall cutoff', () => {
  it('goes back whole calendar months, clamping the day to the month end', () => {
    expect(wallCutoff('2026-12-01', 3)).toBe('2026-09-01');
    expect(wallCutoff('2026-05-31', 3)).toBe('2026-02-28');
    expect(wallCutoff('2024-05-31', 3)).toBe('2024-02-29');
    expect(wallCutoff('2026-03-31', 1)).toBe('2026-02-28');
    expect(wallCutoff('2026-02-15', 3)).toBe('2025-11-15');
    expect(wallCutoff('2026-01-31', 13)).toBe('2024-12-31');
    expect(wallCutoff('2026-06-30', 24)).toBe('2024-06-30');
  });

  it('an update on the cutoff day is current, the day before is stale; never updated is stale', () => {
    expect(wallState('2026-09-01', '2026-12-01', 3)).toBe('current');
    expect(wallState('2026-08-31', '2026-12-01', 3)).toBe('stale');
    expect(wallState('2026-12-01', '2026-12-01', 3)).toBe('current');
    expect(wallState(null, '2026-12-01', 3)).toBe('stale');
    // an update after the day asked about does not count for that day
    expect(wallState('2026-12-02', '2026-12-01', 3)).toBe('stale');
    // the setting changes the answer
    expect(wallState('2026-08-31', '2026-12-01', 4)).toBe('current');
  });

  it("a year's figures are taken on its last day, or today for the current year", () => {
    expect(asOfDay(2025, '2026-12-01')).toBe('2025-12-31');
    expect(asOfDay(2026, '2026-12-01')).toBe('2026-12-01');
    expect(asOfDay(2026, '2026-12-31')).toBe('2026-12-31');
    expect(asOfDay(2027, '2026-12-01')).toBe('2026-12-01');
  });
});

describe('wall schemas', () => {
  const issues = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
    r.success ? [] : r.error!.issues.map((i) => `${i.path.join('.')}:${i.message}`);

  it('an update needs a past date and at least one known section, no duplicates', () => {
    expect(issues(wallUpdateInput.safeParse({ wallId: 'w', date: '2026-01-05', sections: [] }))).toEqual(['sections:v.edu.wall.sections']);
    expect(issues(wallUpdateInput.safeParse({ wallId: 'w', date: '2026-01-05', sections: ['slogans', 'slogans'] }))).toEqual(['sections:v.duplicate']);
    expect(issues(wallUpdateInput.safeParse({ wallId: 'w', date: '2026-01-05', sections: ['posters'] }))).toEqual(['sections.0:v.invalid']);
    expect(issues(wallUpdateInput.safeParse({ wallId: 'w', date: '2100-01-01', sections: ['tips'] }))).toEqual(['date:v.futureDate']);
    expect(issues(wallUpdateInput.safeParse({ wallId: 'w', date: '2026-02-30', sections: ['tips'] }))).toEqual(['date:v.date']);
    const ok = wallUpdateInput.parse({ wallId: 'w', date: '2026-01-05', sections: ['tips', 'knowledge'], content: '  ' });
    expect(ok).toEqual({ wallId: 'w', date: '2026-01-05', sections: ['tips', 'knowledge'], content: null, photoIds: [] });
  });

  it('the months setting is a whole number from 1 to 24', () => {
    expect(issues(wallSettingsInput.safeParse({ months: 0 }))).toEqual(['months:v.edu.wall.months']);
    expect(issues(wallSettingsInput.safeParse({ months: 25 }))).toEqual(['months:v.edu.wall.months']);
    expect(issues(wallSettingsInput.safeParse({ months: 2.5 }))).toEqual(['months:v.edu.wall.months']);
    expect(issues(wallSettingsInput.safeParse({}))).toEqual(['months:v.required']);
    expect(wallSettingsInput.parse({ months: 1 })).toEqual({ months: 1 });
    expect(wallSettingsInput.parse({ months: 24 })).toEqual({ months: 24 });
  });
});
