// The clinic sheet's cells (issue 10, HEALTH-EXAMS): kinds, conclusions with their fields, factor names against the
// interval table, yes/no cells.
import { describe, expect, it } from 'vitest';
import { matchFactor, parseConclusion, parseExamKind, parseYesNo, splitList } from '../../shared/health/exams/parse';
import { FACTOR_SEEDS } from '../../shared/health/kinds';

describe('parseExamKind', () => {
  it.each([
    ['上岗前', 'pre_job'],
    ['上岗前职业健康检查', 'pre_job'],
    ['岗前', 'pre_job'],
    ['在岗期间', 'periodic'],
    ['在岗', 'periodic'],
    ['定期体检', 'periodic'],
    ['离岗时', 'exit'],
    ['离岗', 'exit'],
    ['应急', 'emergency'],
    ['女工体检', 'women'],
    ['两癌筛查', 'women'],
    ['periodic', 'periodic'],
    ['ＰＲＥ_ＪＯＢ', 'pre_job'],
  ])('%s → %s', (v, k) => expect(parseExamKind(v)).toBe(k));
  it('empty is null, anything else bad', () => {
    expect(parseExamKind('  ')).toBeNull();
    expect(parseExamKind('体检')).toBe('bad');
    expect(parseExamKind('年检2')).toBe('bad');
  });
});

describe('parseConclusion', () => {
  const none = { recheckItems: null, recheckDue: null, contraindication: null, detail: null };
  it('the normal words', () => {
    for (const v of ['目前未见异常', '未见异常', '正常', '未见明显异常', 'normal']) expect(parseConclusion(v)).toEqual({ ...none, conclusion: 'normal' });
  });
  it('复查 with its items and the date by when, in brackets or after a colon', () => {
    expect(parseConclusion('复查（纯音听阈测试，2026-05-30前）')).toEqual({ ...none, conclusion: 'recheck', recheckItems: '纯音听阈测试', recheckDue: '2026-05-30' });
    expect(parseConclusion('复查:血常规 2026年6月1日之前')).toEqual({ ...none, conclusion: 'recheck', recheckItems: '血常规', recheckDue: '2026-06-01' });
    expect(parseConclusion('复查')).toEqual({ ...none, conclusion: 'recheck' });
    expect(parseConclusion('建议复查(肝功能)')).toEqual({ ...none, conclusion: 'recheck', recheckItems: '肝功能' });
  });
  it('疑似职业病 with its name, 职业禁忌证 with which, 其他疾病或异常 with what', () => {
    expect(parseConclusion('疑似职业病（职业性噪声聋）')).toEqual({ ...none, conclusion: 'suspected', detail: '职业性噪声聋' });
    expect(parseConclusion('职业禁忌证：高血压')).toEqual({ ...none, conclusion: 'contraindication', contraindication: '高血压' });
    expect(parseConclusion('职业禁忌症(再生障碍性贫血)')).toEqual({ ...none, conclusion: 'contraindication', contraindication: '再生障碍性贫血' });
    expect(parseConclusion('职业禁忌证')).toEqual({ ...none, conclusion: 'contraindication' });
    expect(parseConclusion('其他疾病或异常（脂肪肝）')).toEqual({ ...none, conclusion: 'other', detail: '脂肪肝' });
    expect(parseConclusion('其他疾病或异常')).toEqual({ ...none, conclusion: 'other', detail: '其他疾病或异常' });
  });
  it('empty is null, anything else bad', () => {
    expect(parseConclusion('')).toBeNull();
    expect(parseConclusion('看不懂')).toBe('bad');
  });
});

describe('factors and lists', () => {
  const factors = FACTOR_SEEDS.map((f) => ({ ...f, id: f.code }));
  it('a synonym first (噪声 is the ≥ 85 row), then the code, then the name with its level', () => {
    expect(matchFactor('噪声', factors)?.id).toBe('NOISE_85');
    expect(matchFactor('噪音', factors)?.id).toBe('NOISE_85');
    expect(matchFactor('噪声80-85', factors)?.id).toBe('NOISE_80');
    expect(matchFactor('noise_80', factors)?.id).toBe('NOISE_80');
    expect(matchFactor('噪声80–85 dB(A)', factors)?.id).toBe('NOISE_80');
    expect(matchFactor('H2S', factors)?.id).toBe('H2S');
    expect(matchFactor('铅及其无机化合物', factors)?.id).toBe('LEAD');
    expect(matchFactor('石棉', factors)).toBeNull();
    expect(matchFactor(' ', factors)).toBeNull();
  });
  it('splits a list on 、 , ； / and spaces', () => {
    expect(splitList('噪声、苯,甲醛；氨 / 氯气')).toEqual(['噪声', '苯', '甲醛', '氨', '氯气']);
    expect(splitList('')).toEqual([]);
  });
  it('yes and no', () => {
    expect(parseYesNo('是')).toBe(true);
    expect(parseYesNo('√')).toBe(true);
    expect(parseYesNo('否')).toBe(false);
    expect(parseYesNo('')).toBeNull();
    expect(parseYesNo('也许')).toBe('bad');
  });
});
