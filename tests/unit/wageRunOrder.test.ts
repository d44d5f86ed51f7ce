// The order workshops and teams are listed in (group totals, the summary PDF): the organisation's order, then natural.
import { describe, expect, it } from 'vitest';
import { chineseNumber, compareGroups, compareUnits, naturalCompare } from '../../shared/wage/runs/order';

const sorted = (names: string[]) => [...names].sort(naturalCompare);

describe('natural order of unit names', () => {
  it('Chinese numerals by value, not by pinyin: 一 二 三 … 十 十一 二十', () => {
    expect(sorted(['合成二车间', '合成十车间', '合成一车间', '合成三车间', '合成十一车间'])).toEqual(['合成一车间', '合成二车间', '合成三车间', '合成十车间', '合成十一车间']);
    expect([chineseNumber('十'), chineseNumber('十一'), chineseNumber('二十'), chineseNumber('一百零五')]).toEqual([10, 11, 20, 105]);
  });
  it('the heavenly stems in their order: 甲 乙 丙 丁', () => {
    expect(sorted(['丙班', '丁班', '甲班', '乙班'])).toEqual(['甲班', '乙班', '丙班', '丁班']);
  });
  it('digits by value: 2 before 10', () => {
    expect(sorted(['10号班', '2号班', '1号班'])).toEqual(['1号班', '2号班', '10号班']);
  });
  it('other names by the Chinese collation', () => {
    expect(sorted(['维修车间', '合成车间'])).toEqual(['合成车间', '维修车间']);
  });
});

describe('units and groups', () => {
  it('sort_order first, then the name; the unplaced last', () => {
    const units = [
      { sortOrder: 0, name: '丙班' },
      { sortOrder: 0, name: '甲班' },
      { sortOrder: null, name: null },
      { sortOrder: -1, name: '维修班' },
    ];
    expect([...units].sort(compareUnits).map((u) => u.name)).toEqual(['维修班', '甲班', '丙班', null]);
  });
  it('by team: the workshop first, then the team', () => {
    const g = (ws: string, team: string) => ({ unit: { sortOrder: 0, name: team }, workshop: { sortOrder: 0, name: ws } });
    const list = [g('合成二车间', '甲班'), g('合成一车间', '丙班'), g('合成一车间', '甲班')];
    expect(list.sort(compareGroups).map((x) => `${x.workshop.name}${x.unit.name}`)).toEqual(['合成一车间甲班', '合成一车间丙班', '合成二车间甲班']);
  });
});
