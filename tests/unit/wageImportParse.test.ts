// The wage sheets' cells as offices write them (shared/wage/imports/parse.ts): months, hours and days with units,
// points with 扣 / 加, the kind of a behaviour record, an accident's severity, the people of an accident.
import { describe, expect, it } from 'vitest';
import { chineseNumber, dayColumns, dayOfHeader, isWeekdayRow, monthInText, parseDayCell, parseBehaviourKind, parseHours, parseMonth, parsePoints, parseSeverity, parseShifts, splitPeople } from '../../shared/wage/imports/parse';

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
    expect(parsePoints('一百分')).toEqual({ value: 100, sign: 0 });
    expect(parsePoints('很多分')).toBe('bad');
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

  it('points in words as behaviour sheets write them: 扣两分, 扣除五分, 奖励3分, 处罚10分, 加半分, 扣一分半, 扣 2 分', () => {
    expect(parsePoints('扣两分')).toEqual({ value: -2, sign: -1 });
    expect(parsePoints('扣除五分')).toEqual({ value: -5, sign: -1 });
    expect(parsePoints('处罚10分')).toEqual({ value: -10, sign: -1 });
    expect(parsePoints('奖励3分')).toEqual({ value: 3, sign: 1 });
    expect(parsePoints('加半分')).toEqual({ value: 0.5, sign: 1 });
    expect(parsePoints('扣一分半')).toEqual({ value: -1.5, sign: -1 });
    expect(parsePoints('扣 2 分')).toEqual({ value: -2, sign: -1 });
    expect(parsePoints('扣十二分')).toEqual({ value: -12, sign: -1 });
    for (const [w, n] of [['十', 10], ['二十', 20], ['九十九', 99], ['一百', 100], ['一百零五', 105], ['两百', 200], ['一点五', 1.5]] as const) expect(chineseNumber(w)).toBe(n);
    for (const w of ['', '十十', '百百', '点五']) expect(chineseNumber(w)).toBeNull();
  });

  it('hours: a dash, a slash or 休 in a total column is 0 hours', () => {
    for (const v of ['-', '—', '－', '/', '休', '无']) {
      expect(parseHours(v)).toBe(0);
      expect(parseShifts(v)).toBe(0);
    }
  });

  it('the per-day grid: day headers, the day columns of a row (28 at least, in order), weekday rows, day cells', () => {
    for (const [v, d] of [['1', 1], ['01', 1], ['31', 31], ['5日', 5], ['５号', 5], ['第3天', 3]] as const) expect(dayOfHeader(v)).toBe(d);
    for (const v of ['0', '32', '1月', '']) expect(dayOfHeader(v)).toBeNull();
    const row = ['工号', '姓名', ...Array.from({ length: 30 }, (_, i) => String(i + 1)), '合计'];
    expect([...dayColumns(row).entries()].slice(0, 2)).toEqual([[2, 1], [3, 2]]);
    expect(dayColumns(row).size).toBe(30);
    expect(dayColumns(['序号', ...Array.from({ length: 20 }, (_, i) => String(i + 1))]).size).toBe(0);
    expect(isWeekdayRow(['', '星期', '三', '四', '五', '六', '日', '一', '二', '三'])).toBe(true);
    expect(isWeekdayRow(['W001', '张三', '√', '√', '√', '√', '√', '√', '√'])).toBe(false);
    for (const v of ['√', '○', '夜', '白班', '●']) expect(parseDayCell(v)).toEqual({ hours: null, worked: true });
    for (const v of ['休', '-', '病', '事假', '×', '0', '旷']) expect(parseDayCell(v)).toEqual({ hours: 0, worked: false });
    expect(parseDayCell('8')).toEqual({ hours: 8, worked: true });
    expect(parseDayCell('7.5h')).toEqual({ hours: 7.5, worked: true });
    expect(parseDayCell('８小时')).toEqual({ hours: 8, worked: true });
    expect(parseDayCell('')).toBeNull();
    for (const v of ['25', '出差?', 'abc']) expect(parseDayCell(v)).toBe('bad');
  });
});
