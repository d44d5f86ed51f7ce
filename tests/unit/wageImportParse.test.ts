// The wage sheets' cells as offices write them (shared/wage/imports/parse.ts): months, hours and days with units,
// points with 扣 / 加, the kind of a behaviour record, an accident's severity, the people of an accident.
import { describe, expect, it } from 'vitest';
import { monthInText, parseBehaviourKind, parseHours, parseMonth, parsePoints, parseSeverity, parseShifts, splitPeople } from '../../shared/wage/imports/parse';

describe('wage import cells', () => {
  it('months: 2026-03, 2026/3, 2026.3, 2026年3月(份), 202603, a date, an Excel serial; not a bare 3月 or month 13', () => {
    for (const v of ['2026-03', '2026/3', '2026.3', '2026年3月', '2026年03月份', '202603', '２０２６－０３', '2026-03-15', '2026/3/15', '46082']) expect(parseMonth(v)).toBe('2026-03');
    expect(parseMonth('')).toBeNull();
    for (const v of ['3月', '2026-13', '202613', 'March']) expect(parseMonth(v)).toBe('bad');
    expect(monthInText('2026年3月份安全生产工时考勤表')).toBe('2026-03');
    expect(monthInText('考勤表（2026-03）')).toBe('2026-03');
    expect(monthInText('安全生产工时考勤表')).toBeNull();
  });

  it('hours and days with their units and full-width digits; days are whole', () => {
    expect(parseHours('176小时')).toBe(176);
    expect(parseHours('176.5 h')).toBe(176.5);
    expect(parseHours('１６８')).toBe(168);
    expect(parseHours('176.499999999')).toBe(176.5);
    expect(parseHours('')).toBeNull();
    expect(parseHours('很多')).toBe('bad');
    expect(parseShifts('22天')).toBe(22);
    expect(parseShifts('21班')).toBe(21);
    expect(parseShifts('21.0')).toBe(21);
    expect(parseShifts('21.5')).toBe('bad');
  });

  it('points with their sign: -2, 扣2分, +3, 加３分, a bare number', () => {
    expect(parsePoints('-2')).toEqual({ value: -2, sign: -1 });
    expect(parsePoints('－２')).toEqual({ value: -2, sign: -1 });
    expect(parsePoints('扣2分')).toEqual({ value: -2, sign: -1 });
    expect(parsePoints('+3')).toEqual({ value: 3, sign: 1 });
    expect(parsePoints('加３分')).toEqual({ value: 3, sign: 1 });
    expect(parsePoints('5')).toEqual({ value: 5, sign: 0 });
    expect(parsePoints('')).toBeNull();
    expect(parsePoints('两分')).toBe('bad');
  });

  it('kinds and severities by their words', () => {
    for (const v of ['违章', '违规', '三违', 'violation']) expect(parseBehaviourKind(v)).toBe('violation');
    for (const v of ['表扬', '奖励', '加分', '安全行为', '合理化建议', 'good_act']) expect(parseBehaviourKind(v)).toBe('good_act');
    expect(parseBehaviourKind('批评')).toBe('bad');
    expect(parseBehaviourKind(' ')).toBeNull();
    expect(parseSeverity('未遂事件')).toBe('near_miss');
    expect(parseSeverity('险肇')).toBe('near_miss');
    expect(parseSeverity('轻伤')).toBe('minor_injury');
    expect(parseSeverity('重伤事故')).toBe('serious_injury');
    expect(parseSeverity('死亡')).toBe('death');
    expect(parseSeverity('很严重')).toBe('bad');
  });

  it('the people of an accident: employee numbers, names or both, in any separator', () => {
    expect(splitPeople('W001 张三、W002；李四,张三(W003)')).toEqual([
      { empNo: 'W001', name: '张三', text: 'W001 张三' },
      { empNo: 'W002', name: null, text: 'W002' },
      { empNo: null, name: '李四', text: '李四' },
      { empNo: 'W003', name: '张三', text: '张三(W003)' },
    ]);
  });
});
