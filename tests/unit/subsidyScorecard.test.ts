// The readiness scorecard's rules at their thresholds: each criterion green on good figures, amber and red at the named
// constants' boundaries (a share exactly at a threshold passes it), unavailable facts red and said so; the months
// counted for a year, the day the figures run to, and the figures' text.
import { describe, expect, it } from 'vitest';
import type { EducationYearFacts, HealthYearFacts } from '../../shared/subsidy/facts';
import { figureText } from '../../shared/subsidy/scorecard/format';
import {
  asOfDay,
  capabilityCard,
  CERT_EXPIRED_RED,
  congressCard,
  educationCard,
  EDU_MEETING_GREEN,
  EDU_MEETING_RED,
  EXAMS_ON_TIME_GREEN,
  EXAMS_ON_TIME_RED,
  GRADED_GREEN,
  GRADED_RED,
  healthCard,
  HOURS_PER_HEAD_GREEN,
  monthsElapsed,
  SAFETY_SHARE_GREEN,
  SAFETY_SHARE_RED,
  scoreYear,
  wageCard,
  wageMonthsExpected,
  WALLS_CURRENT_GREEN,
} from '../../shared/subsidy/scorecard/rules';
import type { ScoreInputs } from '../../shared/subsidy/scorecard/types';

const edu = (o: Partial<EducationYearFacts> = {}): EducationYearFacts => ({
  year: 2025,
  activities: 40,
  byKind: { three_level: 10, pre_shift: 30 },
  personHours: 2000,
  workersRequired: 100,
  workersMeeting: 95,
  newWorkers: 10,
  newWorkersComplete: 10,
  preShiftMeetings: 30,
  walls: { units: 10, withWall: 10, current: 9, months: 3 },
  photoIds: [],
  ...o,
});
const health = (o: Partial<HealthYearFacts> = {}): HealthYearFacts => ({
  year: 2025,
  exposedWorkers: 50,
  examsDue: 100,
  examsOnTime: 95,
  examsLate: 3,
  examsMissing: 2,
  womenDue: 10,
  womenOnTime: 10,
  conclusions: { normal: 90, recheck: 5, suspected: 0, contraindication: 1, other: 2 },
  contraindicationsInPost: 0,
  rechecksMissed: 0,
  certificates: { total: 20, current: 18, reviewDue: 2, reviewOverdue: 0, expired: 0, byCategory: { electrician: 12, welding: 8 } },
  ...o,
});
const inputs = (o: Partial<ScoreInputs> = {}): ScoreInputs => ({
  year: 2025,
  asOf: '2025-12-31',
  monthsElapsed: 12,
  education: edu(),
  health: health(),
  roster: { active: 100, graded: 90 },
  wage: { scheme: { name: '能级工资方案', version: 2, state: 'effective', adoptedOn: '2025-01-10', effectiveFrom: '2025-02-01' }, approvedMonths: 11, workerMonths: 1100, safetyPaidMonths: 990, totalFen: 49_500_000 },
  congress: { sessions: [{ id: 's1', name: '第1届第2次职工代表大会', date: '2025-03-20', status: 'closed', kind: 'regular' }] },
  ...o,
});
const at = (share: number, of = 1000) => Math.round(share * of);

describe('the scorecard rules', () => {
  it('good figures: all five green with no reasons, in the criteria order', () => {
    const cards = scoreYear(inputs());
    expect(cards.map((c) => [c.criterion, c.light, c.reasons.length, c.unavailable])).toEqual([
      ['education', 'green', 0, false],
      ['capability', 'green', 0, false],
      ['wage', 'green', 0, false],
      ['congress', 'green', 0, false],
      ['health', 'green', 0, false],
    ]);
  });

  it('education: no activity red; fewer than one a month amber; hours met at the thresholds', () => {
    expect(educationCard(inputs({ education: edu({ activities: 0 }) })).light).toBe('red');
    expect(educationCard(inputs({ education: edu({ activities: 11 }) })).reasons[0]).toEqual({ key: 'subsidy.why.fewActivities', params: { n: 11, need: 12 }, level: 'amber' });
    expect(educationCard(inputs({ education: edu({ activities: 12 }) })).light).toBe('green');
    // the current year counts the months so far
    expect(educationCard(inputs({ monthsElapsed: 3, asOf: '2025-03-15', education: edu({ activities: 3 }) })).light).toBe('green');
    const meet = (share: number) => educationCard(inputs({ education: edu({ workersRequired: 1000, workersMeeting: at(share) }) })).light;
    expect(meet(EDU_MEETING_GREEN)).toBe('green');
    expect(meet(EDU_MEETING_GREEN - 0.001)).toBe('amber');
    expect(meet(EDU_MEETING_RED)).toBe('amber');
    expect(meet(EDU_MEETING_RED - 0.001)).toBe('red');
    // nobody with a requirement: not held against the enterprise
    expect(educationCard(inputs({ education: edu({ workersRequired: 0, workersMeeting: 0 }) })).light).toBe('green');
    const walls = (current: number) => educationCard(inputs({ education: edu({ walls: { units: 10, withWall: 10, current, months: 3 } }) }));
    expect(walls(WALLS_CURRENT_GREEN * 10).light).toBe('green');
    expect(walls(WALLS_CURRENT_GREEN * 10 - 1).reasons).toEqual([{ key: 'subsidy.why.walls', params: { n: 3, months: 3 }, level: 'amber' }]);
    expect(educationCard(inputs({ education: edu({ newWorkers: 10, newWorkersComplete: 8 }) })).reasons).toEqual([{ key: 'subsidy.why.newWorkers', params: { n: 2 }, level: 'amber' }]);
    expect(educationCard(inputs({ education: edu({ newWorkers: 10, newWorkersComplete: 9 }) })).light).toBe('green');
  });

  it('capability: skill grades, expired certificates and training hours at the thresholds', () => {
    const graded = (share: number) => capabilityCard(inputs({ roster: { active: 1000, graded: at(share) }, education: edu({ personHours: 10_000 }) })).light;
    expect(graded(GRADED_GREEN)).toBe('green');
    expect(graded(GRADED_GREEN - 0.001)).toBe('amber');
    expect(graded(GRADED_RED)).toBe('amber');
    expect(graded(GRADED_RED - 0.001)).toBe('red');
    const certs = (expired: number, overdue = 0, window = 0) =>
      capabilityCard(inputs({ health: health({ certificates: { total: 100, current: 100 - expired - overdue - window, reviewDue: overdue + window, reviewOverdue: overdue, expired, byCategory: {} } }) }));
    expect(certs(0).light).toBe('green');
    expect(certs(1).reasons).toEqual([{ key: 'subsidy.why.certsLapsed', params: { n: 1, expired: 1, overdue: 0 }, level: 'amber' }]);
    expect(certs(CERT_EXPIRED_RED * 100).light).toBe('amber');
    expect(certs(CERT_EXPIRED_RED * 100 + 1).light).toBe('red');
    // 逾期未复审的证书失效: review-overdue certificates are lapsed like expired ones; the review window open is not
    expect(certs(0, 0, 30).light).toBe('green');
    expect(certs(0, 1).reasons).toEqual([{ key: 'subsidy.why.certsLapsed', params: { n: 1, expired: 0, overdue: 1 }, level: 'amber' }]);
    expect(certs(5, CERT_EXPIRED_RED * 100 - 5).light).toBe('amber');
    expect(certs(5, CERT_EXPIRED_RED * 100 - 4).light).toBe('red');
    expect(certs(5, CERT_EXPIRED_RED * 100 - 4).reasons[0]).toEqual({ key: 'subsidy.why.certsLapsedMany', params: { n: 11, expired: 5, overdue: 6, pct: 11 }, level: 'red' });
    const figs = Object.fromEntries(certs(2, 3, 4).figures.map((f) => [f.key, f.value]));
    expect(figs).toMatchObject({ 'subsidy.fig.certsCurrent': 91, 'subsidy.fig.certsWindow': 4, 'subsidy.fig.certsLapsed': 5 });
    const hours = (personHours: number) => capabilityCard(inputs({ education: edu({ personHours }) }));
    expect(hours(HOURS_PER_HEAD_GREEN * 100).light).toBe('green');
    expect(hours(HOURS_PER_HEAD_GREEN * 100 - 1).light).toBe('amber');
    expect(hours(0).reasons[0]).toEqual({ key: 'subsidy.why.noTraining', level: 'red' });
    expect(hours(0).light).toBe('red');
    // no certificates held: nothing expired
    expect(capabilityCard(inputs({ health: health({ certificates: { total: 0, current: 0, reviewDue: 0, reviewOverdue: 0, expired: 0, byCategory: {} } }) })).light).toBe('green');
  });

  it('wage: no scheme or no approved run red; adopted not effective amber; safety share and months at the thresholds', () => {
    const base = inputs().wage;
    expect(wageCard(inputs({ wage: { ...base, scheme: null } })).reasons[0]).toEqual({ key: 'subsidy.why.noScheme', level: 'red' });
    expect(wageCard(inputs({ wage: { ...base, approvedMonths: 0, workerMonths: 0, safetyPaidMonths: 0, totalFen: 0 } })).light).toBe('red');
    expect(wageCard(inputs({ wage: { ...base, scheme: { ...base.scheme!, state: 'adopted' } } })).light).toBe('amber');
    expect(wageCard(inputs({ wage: { ...base, scheme: { ...base.scheme!, state: 'superseded' } } })).light).toBe('green');
    const safety = (share: number) => wageCard(inputs({ wage: { ...base, workerMonths: 1000, safetyPaidMonths: at(share) } })).light;
    expect(safety(SAFETY_SHARE_GREEN)).toBe('green');
    expect(safety(SAFETY_SHARE_GREEN - 0.001)).toBe('amber');
    expect(safety(SAFETY_SHARE_RED)).toBe('amber');
    expect(safety(SAFETY_SHARE_RED - 0.001)).toBe('red');
    // a past year wants 12 months, one may be missing
    expect(wageCard(inputs({ wage: { ...base, approvedMonths: 11 } })).light).toBe('green');
    expect(wageCard(inputs({ wage: { ...base, approvedMonths: 10 } })).reasons).toEqual([{ key: 'subsidy.why.fewRuns', params: { n: 10, need: 12 }, level: 'amber' }]);
    // the current year: the months before this one (the pay month lags)
    expect(wageMonthsExpected({ year: 2026, asOf: '2026-06-15', monthsElapsed: 6 })).toBe(5);
    expect(wageMonthsExpected({ year: 2025, asOf: '2025-12-31', monthsElapsed: 12 })).toBe(12);
    expect(wageMonthsExpected({ year: 2027, asOf: '2026-06-15', monthsElapsed: 0 })).toBe(0);
    expect(wageCard(inputs({ year: 2026, asOf: '2026-06-15', monthsElapsed: 6, wage: { ...base, approvedMonths: 4 } })).light).toBe('green');
    expect(wageCard(inputs({ year: 2026, asOf: '2026-06-15', monthsElapsed: 6, wage: { ...base, approvedMonths: 3 } })).light).toBe('amber');
    const perHead = wageCard(inputs()).figures.find((f) => f.key === 'subsidy.fig.perHead');
    expect(perHead).toEqual({ key: 'subsidy.fig.perHead', value: 45_000, unit: 'fen' });
  });

  it('congress: a closed session green; one still to close amber while the year lasts, red after; none red', () => {
    const s = (status: 'closed' | 'issued') => ({ id: 's', name: '第1届第3次职工代表大会', date: '2025-11-20', status, kind: 'regular' as const });
    expect(congressCard(inputs({ congress: { sessions: [s('closed')] } })).evidence.map((e) => e.key)).toEqual(['subsidy.ev.session', 'subsidy.ev.minutes']);
    expect(congressCard(inputs({ asOf: '2025-11-01', congress: { sessions: [s('issued')] } })).light).toBe('amber');
    expect(congressCard(inputs({ asOf: '2025-12-31', congress: { sessions: [s('issued')] } })).light).toBe('red');
    expect(congressCard(inputs({ congress: { sessions: [] } })).reasons).toEqual([{ key: 'subsidy.why.noSession', level: 'red' }]);
  });

  it('health: exams on time at the thresholds; women, contraindications in post and missed rechecks amber', () => {
    const onTime = (share: number) => healthCard(inputs({ health: health({ examsDue: 1000, examsOnTime: at(share) }) })).light;
    expect(onTime(EXAMS_ON_TIME_GREEN)).toBe('green');
    expect(onTime(EXAMS_ON_TIME_GREEN - 0.001)).toBe('amber');
    expect(onTime(EXAMS_ON_TIME_RED)).toBe('amber');
    expect(onTime(EXAMS_ON_TIME_RED - 0.001)).toBe('red');
    expect(healthCard(inputs({ health: health({ womenDue: 10, womenOnTime: 8 }) })).light).toBe('amber');
    expect(healthCard(inputs({ health: health({ contraindicationsInPost: 1 }) })).reasons).toEqual([{ key: 'subsidy.why.contraindications', params: { n: 1 }, level: 'amber' }]);
    expect(healthCard(inputs({ health: health({ rechecksMissed: 2 }) })).light).toBe('amber');
    // a red card keeps each reason's own level: the red ones first, then the amber ones (shown amber, not red)
    const both = healthCard(inputs({ health: health({ examsDue: 1000, examsOnTime: at(EXAMS_ON_TIME_RED - 0.01), contraindicationsInPost: 1 }) }));
    expect(both.light).toBe('red');
    expect(both.reasons.map((r) => [r.key, r.level])).toEqual([
      ['subsidy.why.examsLow', 'red'],
      ['subsidy.why.contraindications', 'amber'],
    ]);
    expect(healthCard(inputs({ health: health({ examsDue: 0, examsOnTime: 0, womenDue: 0, womenOnTime: 0 }) })).light).toBe('green');
  });

  it("nothing to judge is 'none' (grey, not a pass), saying what is missing; exposed workers with no exam held stay red", () => {
    const none = { exposedWorkers: 0, examsDue: 0, examsOnTime: 0, examsLate: 0, examsMissing: 0, womenDue: 0, womenOnTime: 0 };
    const h = healthCard(inputs({ health: health(none) }));
    expect([h.light, h.reasons, h.unavailable]).toEqual(['none', [{ key: 'subsidy.none.health' }], false]);
    expect(h.figures.find((f) => f.key === 'subsidy.fig.examsOnTime')!.value).toBeNull();
    // one base above zero is something to judge
    expect(healthCard(inputs({ health: health({ ...none, exposedWorkers: 1 }) })).light).toBe('green');
    expect(healthCard(inputs({ health: health({ ...none, womenDue: 1, womenOnTime: 1 }) })).light).toBe('green');
    expect(healthCard(inputs({ health: health({ ...none, womenDue: 1 }) })).light).toBe('amber');
    expect(healthCard(inputs({ health: health({ ...none, exposedWorkers: 3, examsDue: 3, examsMissing: 3 }) })).light).toBe('red');
    // an empty enterprise: no active workers, no activity, no requirement, no certificate
    const empty = inputs({
      roster: { active: 0, graded: 0 },
      education: edu({ activities: 0, byKind: {}, personHours: 0, workersRequired: 0, workersMeeting: 0, newWorkers: 0, newWorkersComplete: 0, preShiftMeetings: 0, walls: { units: 0, withWall: 0, current: 0, months: 3 } }),
      health: health({ ...none, certificates: { total: 0, current: 0, reviewDue: 0, reviewOverdue: 0, expired: 0, byCategory: {} } }),
      wage: { scheme: null, approvedMonths: 0, workerMonths: 0, safetyPaidMonths: 0, totalFen: 0 },
      congress: { sessions: [] },
    });
    expect(scoreYear(empty).map((c) => [c.criterion, c.light, c.reasons[0]!.key])).toEqual([
      ['education', 'none', 'subsidy.none.education'],
      ['capability', 'none', 'subsidy.none.capability'],
      ['wage', 'red', 'subsidy.why.noScheme'],
      ['congress', 'red', 'subsidy.why.noSession'],
      ['health', 'none', 'subsidy.none.health'],
    ]);
    // workers on the roster but no activity: red, not 'none'; a certificate held: judged
    expect(educationCard({ ...empty, roster: { active: 1, graded: 0 } }).light).toBe('red');
    expect(capabilityCard({ ...empty, health: health({ ...none, certificates: { total: 1, current: 1, reviewDue: 0, reviewOverdue: 0, expired: 0, byCategory: {} } }) }).light).toBe('green');
  });

  it('a module whose facts could not be read: its criteria red and unavailable, with their evidence links', () => {
    const cards = scoreYear(inputs({ health: null, education: null }));
    expect(cards.filter((c) => c.unavailable).map((c) => c.criterion)).toEqual(['education', 'capability', 'health']);
    expect(cards[0]!.light).toBe('red');
    expect(cards[0]!.reasons).toEqual([{ key: 'subsidy.why.noData', level: 'red' }]);
    expect(cards[0]!.evidence[1]!.link).toEqual({ page: 'education', id: 'hours' });
  });

  it('months counted and the day the year runs to', () => {
    expect(monthsElapsed(2025, '2026-03-10')).toBe(12);
    expect(monthsElapsed(2026, '2026-03-10')).toBe(3);
    expect(monthsElapsed(2027, '2026-03-10')).toBe(0);
    expect(asOfDay(2025, '2026-03-10')).toBe('2025-12-31');
    expect(asOfDay(2026, '2026-03-10')).toBe('2026-03-10');
  });

  it('figures as text', () => {
    expect(figureText({ value: 0.8765, unit: 'share' })).toBe('87.7%');
    expect(figureText({ value: 123456, unit: 'fen' })).toBe('1,234.56');
    expect(figureText({ value: 12.345, unit: 'hours' })).toBe('12.3');
    expect(figureText({ value: null, unit: 'share' })).toBe('—');
    expect(figureText({ value: '方案', unit: 'text' })).toBe('方案');
  });
});
