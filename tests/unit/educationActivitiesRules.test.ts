// The education activities' pure rules at their boundaries: pass from 60, the sign-in sheet's 签到 / 学时 / 成绩 cells,
// and the activity schema's level rules.
import { describe, expect, it } from 'vitest';
import { parseHoursCell, parseScoreCell, parseSignedIn, passedOf } from '../../shared/education/activities/rules';
import { activityInput, monthDays } from '../../shared/education/activities/schemas';

describe('education activity rules', () => {
  it('passed: as stated, else 60 and above, else unknown', () => {
    expect(passedOf(60, null)).toBe(true);
    expect(passedOf(59.9, null)).toBe(false);
    expect(passedOf(null, null)).toBe(null);
    expect(passedOf(40, true)).toBe(true);
    expect(passedOf(100, false)).toBe(false);
  });
  it('签到: marks and signatures are present; blanks, crosses and leave are absent', () => {
    for (const v of ['√', '✓', '是', '到', '张三', '08:30', ' Y ']) expect(parseSignedIn(v), v).toBe(true);
    for (const v of ['', ' ', '×', 'x', '否', '缺席', '请假', '未到', '-', '/']) expect(parseSignedIn(v), v).toBe(false);
  });
  it('学时: 0 to the max with two decimals, units read, the rest refused', () => {
    expect(parseHoursCell('', 200)).toBe(null);
    expect(parseHoursCell('0', 200)).toBe(0);
    expect(parseHoursCell('200', 200)).toBe(200);
    expect(parseHoursCell('200.01', 200)).toBe('bad');
    expect(parseHoursCell('1.25', 200)).toBe(1.25);
    expect(parseHoursCell('1.255', 200)).toBe('bad');
    expect(parseHoursCell('2学时', 200)).toBe(2);
    expect(parseHoursCell('2 h', 200)).toBe(2);
    expect(parseHoursCell('-1', 200)).toBe('bad');
    expect(parseHoursCell('两小时', 200)).toBe('bad');
  });
  it('成绩: 0–100 with one decimal, 合格 / 不合格 words', () => {
    expect(parseScoreCell('')).toEqual({ score: null, passed: null });
    expect(parseScoreCell('100')).toEqual({ score: 100, passed: null });
    expect(parseScoreCell('0')).toEqual({ score: 0, passed: null });
    expect(parseScoreCell('88.5分')).toEqual({ score: 88.5, passed: null });
    expect(parseScoreCell('100.5')).toBe('bad');
    expect(parseScoreCell('88.25')).toBe('bad');
    expect(parseScoreCell('合格')).toEqual({ score: null, passed: true });
    expect(parseScoreCell('不合格')).toEqual({ score: null, passed: false });
    expect(parseScoreCell('优')).toBe('bad');
  });
  it('levels: required for three-level and post-change (not 厂级 for a post change), none for the rest', () => {
    const base = { title: 't', date: '2026-01-05', hours: 1 };
    const issues = (x: object) => (activityInput.safeParse({ ...base, ...x }).error?.issues ?? []).map((i) => i.message);
    expect(issues({ kind: 'three_level', level: 'company' })).toEqual([]);
    expect(issues({ kind: 'three_level' })).toEqual(['v.edu.act.levelRequired']);
    expect(issues({ kind: 'post_change', level: 'team' })).toEqual([]);
    expect(issues({ kind: 'post_change', level: 'company' })).toEqual(['v.edu.act.postChangeLevel']);
    expect(issues({ kind: 'drill', level: 'team' })).toEqual(['v.edu.act.levelNotApplicable']);
    // a training carries at least half a class hour; a pre-shift meeting's duration at least 0.1 h (6 minutes)
    expect(issues({ kind: 'drill', hours: 0.5 })).toEqual([]);
    expect(issues({ kind: 'drill', hours: 0.01 })).toEqual(['v.edu.act.hoursMin']);
    expect(issues({ kind: 'drill', hours: 0 })).toEqual(['v.edu.act.hoursMin']);
    expect(issues({ kind: 'pre_shift', hours: 0.1 })).toEqual([]);
    expect(issues({ kind: 'pre_shift', hours: 0.05 })).toEqual(['v.edu.act.durationMin']);
    expect(issues({ kind: 'drill', hours: 999 })).toEqual(['v.edu.act.hours']);
  });
  it('monthDays: the last day of the month, February in leap years', () => {
    expect(monthDays('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(monthDays('2026-02').to).toBe('2026-02-28');
    expect(monthDays('2026-12').to).toBe('2026-12-31');
  });
});
