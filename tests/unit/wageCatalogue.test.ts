// The indicator catalogue a scheme starts from (issue 9): the four indicators of the ten measures, usable rules,
// weights adding up to 100 %, and the points a typical worker's month gives.
import { describe, expect, it } from 'vitest';
import { messages as rosterMessages } from '../../shared/roster/messages';
import { DEFAULT_CATALOGUE, INDICATOR_SOURCES, SKILL_GRADES, skillGradeLabel } from '../../shared/wage/catalogue';
import { ruleProblems, score, toFen, weighted, workerPeriod } from '../../shared/wage/rules';

const byCode = Object.fromEntries(DEFAULT_CATALOGUE.map((d) => [d.code, d]));

describe('the default catalogue', () => {
  it('four indicators, each with a usable rule, a known source, both languages; weights add up to 100 %', () => {
    expect(DEFAULT_CATALOGUE.map((d) => d.code)).toEqual(['SKILL', 'SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
    for (const d of DEFAULT_CATALOGUE) {
      expect(ruleProblems(d.rule), d.code).toEqual([]);
      expect(INDICATOR_SOURCES).toContain(d.source);
      expect(d.name['zh-CN'] && d.name.en && d.unit['zh-CN'] && d.unit.en).toBeTruthy();
    }
    expect(DEFAULT_CATALOGUE.reduce((s, d) => s + d.weightPct, 0)).toBe(100);
    // the skill grade is pay for skill; the other three are the safety part a veto zeroes
    expect(DEFAULT_CATALOGUE.filter((d) => d.safety).map((d) => d.code)).toEqual(['SAFE_TIME', 'BEHAVIOUR', 'HAZARDS']);
  });

  it('the skill grade scores the roster’s way round: 一级（高级技师, the highest）100 … 五级（初级工）20', () => {
    const skill = byCode.SKILL!.rule;
    expect([1, 2, 3, 4, 5].map((g) => score(skill, g))).toEqual([10000, 8000, 6000, 4000, 2000]);
    expect(skillGradeLabel(1)).toBe('一级（高级技师）');
    expect(skillGradeLabel('5')).toBe('五级（初级工）');
    expect(skillGradeLabel(2, 'en')).toBe('Grade 2 (technician)');
    expect(skillGradeLabel('x')).toBe('x');
    // the same names as the roster's own messages
    for (const g of SKILL_GRADES) {
      expect(skillGradeLabel(g)).toBe(rosterMessages[`grade.${g}`]['zh-CN']);
      expect(skillGradeLabel(g, 'en')).toBe(rosterMessages[`grade.${g}`].en);
    }
  });

  it('scores a month at the edges of each rule', () => {
    expect(score(byCode.SKILL!.rule, 3)).toBe(6000);
    expect(score(byCode.SKILL!.rule, 1)).toBe(10000);
    expect(score(byCode.SKILL!.rule, null)).toBe(0);
    expect(score(byCode.SAFE_TIME!.rule, 173.9)).toBe(8000);
    expect(score(byCode.SAFE_TIME!.rule, 174)).toBe(10000);
    expect(score(byCode.SAFE_TIME!.rule, 79)).toBe(0);
    expect(score(byCode.BEHAVIOUR!.rule, -30)).toBe(-2000);
    expect(score(byCode.BEHAVIOUR!.rule, 7)).toBe(700);
    expect(score(byCode.HAZARDS!.rule, ['general', 'major'])).toBe(5000);
    expect(score(byCode.HAZARDS!.rule, Array(20).fill('general'))).toBe(10000); // capped
  });

  it('a typical worker’s month, at 1.50 元 a point, adds up to the fen', () => {
    const raw: Record<string, number | string[]> = { SKILL: 4, SAFE_TIME: 176, BEHAVIOUR: -3, HAZARDS: ['general'] };
    const components = DEFAULT_CATALOGUE.map((d) => {
      const points = weighted(score(d.rule, raw[d.code] as never), d.weightPct);
      return { code: d.code, fen: toFen(points, { kind: 'pointValue', fenPerPoint: 150 }), safety: d.safety };
    });
    // SKILL 四级 40 × 30 % = 12 → 18.00 元; SAFE_TIME 100 × 30 % = 30 → 45.00; BEHAVIOUR −3 × 20 % = −0.6 → −0.90; HAZARDS 10 × 20 % = 2 → 3.00
    expect(components.map((c) => c.fen)).toEqual([1800, 4500, -90, 300]);
    expect(workerPeriod(components).totalFen).toBe(6510);
    expect(workerPeriod(components, { veto: true }).totalFen).toBe(1710); // the skill pay, and the deduction stands
  });
});
