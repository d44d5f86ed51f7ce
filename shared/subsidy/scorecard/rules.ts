// The readiness scorecard's rules: each criterion's light from the year's inputs (./types.ts ScoreInputs). Pure and
// tested at every threshold (tests/unit/subsidyScorecard.test.ts). The thresholds are the app's reading of "strong",
// "solid", "real impact", "regularly" and "as required" — no official scoring sheet was found — kept here as named
// constants so they can be discussed and changed in one place.
import type { Criterion, Light } from '../kinds';
import type { CriterionCard, Evidence, Figure, Reason, ScoreInputs } from './types';

// ---- daily education (日常教育)
/** activities held: at least this many per month of the year counted (green) */
export const EDU_ACTIVITIES_PER_MONTH = 1;
/** workers with a training requirement who meet it: green from this share … */
export const EDU_MEETING_GREEN = 0.9;
/** … red below this one */
export const EDU_MEETING_RED = 0.6;
/** new workers of the year with their three-level education complete: green from this share */
export const EDU_NEW_COMPLETE_GREEN = 0.9;
/** workshops and teams whose culture wall is current: green from this share */
export const WALLS_CURRENT_GREEN = 0.8;

// ---- capability building (能力建设)
/** active workers with a skill grade on the roster: green from this share … */
export const GRADED_GREEN = 0.8;
/** … red below this one */
export const GRADED_RED = 0.5;
/** special-operation certificates lapsed (expired, or past their review date — 逾期未复审的证书失效): red above this
 * share (green only with none lapsed) */
export const CERT_EXPIRED_RED = 0.1;
/** training person-hours of the year per active worker: green from */
export const HOURS_PER_HEAD_GREEN = 8;

// ---- the skill-level wage (能级工资)
/** worker-months paid a safety component above zero: green from this share … */
export const SAFETY_SHARE_GREEN = 0.8;
/** … red below this one */
export const SAFETY_SHARE_RED = 0.3;
/** months of the year (up to the last one paid) that may lack an approved run and still be green */
export const WAGE_MONTHS_SLACK = 1;

// ---- special-group health exams (特殊群体体检)
/** exams due in the year held on time: green from this share … */
export const EXAMS_ON_TIME_GREEN = 0.9;
/** … red below this one */
export const EXAMS_ON_TIME_RED = 0.6;
/** women workers' exams due in the year held on time: green from this share */
export const WOMEN_ON_TIME_GREEN = 0.9;

/** a / b, or null when there is nothing to divide by */
export const share = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** red if any red reason, else amber if any amber reason, else green */
function card(criterion: Criterion, red: Reason[], amber: Reason[], figures: Figure[], evidence: Evidence[]): CriterionCard {
  const light: Light = red.length > 0 ? 'red' : amber.length > 0 ? 'amber' : 'green';
  const reasons = [...red.map((r): Reason => ({ ...r, level: 'red' })), ...amber.map((r): Reason => ({ ...r, level: 'amber' }))];
  return { criterion, light, reasons, figures, evidence, unavailable: false };
}

/** nothing to judge: grey 'none' with the reason saying what is missing (never counted as a pass) */
function nothingToJudge(criterion: Criterion, key: string, figures: Figure[], evidence: Evidence[]): CriterionCard {
  return { criterion, light: 'none', reasons: [{ key }], figures, evidence, unavailable: false };
}

function unavailable(criterion: Criterion, evidence: Evidence[]): CriterionCard {
  return { criterion, light: 'red', reasons: [{ key: 'subsidy.why.noData', level: 'red' }], figures: [], evidence, unavailable: true };
}

const pct = (v: number) => Math.round(v * 1000) / 10;

export function educationCard(i: ScoreInputs): CriterionCard {
  const evidence: Evidence[] = [
    { key: 'subsidy.ev.activities', link: { page: 'education', id: 'activities' } },
    { key: 'subsidy.ev.hours', link: { page: 'education', id: 'hours' } },
    { key: 'subsidy.ev.walls', link: { page: 'education', id: 'walls' } },
  ];
  const e = i.education;
  if (!e) return unavailable('education', evidence);
  const need = i.monthsElapsed * EDU_ACTIVITIES_PER_MONTH;
  const meeting = share(e.workersMeeting, e.workersRequired);
  const newDone = share(e.newWorkersComplete, e.newWorkers);
  const walls = share(e.walls.current, e.walls.units);
  const red: Reason[] = [];
  const amber: Reason[] = [];
  const nothing = i.roster.active === 0 && e.activities === 0 && e.workersRequired === 0;
  if (e.activities === 0) red.push({ key: 'subsidy.why.noActivities' });
  else if (e.activities < need) amber.push({ key: 'subsidy.why.fewActivities', params: { n: e.activities, need } });
  if (meeting !== null && meeting < EDU_MEETING_RED) red.push({ key: 'subsidy.why.hoursLow', params: { pct: pct(meeting), min: pct(EDU_MEETING_RED) } });
  else if (meeting !== null && meeting < EDU_MEETING_GREEN) amber.push({ key: 'subsidy.why.hoursGap', params: { pct: pct(meeting), min: pct(EDU_MEETING_GREEN) } });
  if (newDone !== null && newDone < EDU_NEW_COMPLETE_GREEN) amber.push({ key: 'subsidy.why.newWorkers', params: { n: e.newWorkers - e.newWorkersComplete } });
  if (walls !== null && walls < WALLS_CURRENT_GREEN) amber.push({ key: 'subsidy.why.walls', params: { n: e.walls.units - e.walls.current, months: e.walls.months } });
  const figures: Figure[] = [
    { key: 'subsidy.fig.activities', value: e.activities, unit: 'count' },
    { key: 'subsidy.fig.preShift', value: e.preShiftMeetings, unit: 'count' },
    { key: 'subsidy.fig.personHours', value: e.personHours, unit: 'hours' },
    { key: 'subsidy.fig.meetingShare', value: meeting, unit: 'share' },
    { key: 'subsidy.fig.newWorkersDone', value: newDone, unit: 'share' },
    { key: 'subsidy.fig.wallsCurrent', value: walls, unit: 'share' },
  ];
  if (nothing) return nothingToJudge('education', 'subsidy.none.education', figures, evidence);
  return card('education', red, amber, figures, evidence);
}

export function capabilityCard(i: ScoreInputs): CriterionCard {
  const evidence: Evidence[] = [
    { key: 'subsidy.ev.certs', link: { page: 'health', id: 'certs' } },
    { key: 'subsidy.ev.grades', link: { page: 'roster', id: null } },
    { key: 'subsidy.ev.training', link: { page: 'education', id: 'hours' } },
  ];
  const h = i.health;
  const e = i.education;
  if (!h || !e) return unavailable('capability', evidence);
  const c = h.certificates;
  const graded = share(i.roster.graded, i.roster.active);
  // 逾期未复审的证书失效: a certificate past its review date counts as lapsed, like an expired one
  const overdue = c.reviewOverdue;
  const lapsedN = c.expired + overdue;
  const lapsed = share(lapsedN, c.total);
  const perHead = i.roster.active > 0 ? e.personHours / i.roster.active : null;
  const red: Reason[] = [];
  const amber: Reason[] = [];
  if (graded !== null && graded < GRADED_RED) red.push({ key: 'subsidy.why.gradedLow', params: { pct: pct(graded), min: pct(GRADED_RED) } });
  else if (graded !== null && graded < GRADED_GREEN) amber.push({ key: 'subsidy.why.gradedGap', params: { pct: pct(graded), min: pct(GRADED_GREEN) } });
  if (lapsed !== null && lapsed > CERT_EXPIRED_RED) red.push({ key: 'subsidy.why.certsLapsedMany', params: { n: lapsedN, expired: c.expired, overdue, pct: pct(lapsed) } });
  else if (lapsedN > 0) amber.push({ key: 'subsidy.why.certsLapsed', params: { n: lapsedN, expired: c.expired, overdue } });
  if (i.roster.active > 0 && e.personHours === 0) red.push({ key: 'subsidy.why.noTraining' });
  else if (perHead !== null && perHead < HOURS_PER_HEAD_GREEN) amber.push({ key: 'subsidy.why.trainingLow', params: { hours: Math.round(perHead * 10) / 10, min: HOURS_PER_HEAD_GREEN } });
  const figures: Figure[] = [
    { key: 'subsidy.fig.certsTotal', value: c.total, unit: 'count' },
    { key: 'subsidy.fig.certsCurrent', value: c.current, unit: 'count' },
    { key: 'subsidy.fig.certsWindow', value: c.reviewDue - overdue, unit: 'count' },
    { key: 'subsidy.fig.certsLapsed', value: lapsedN, unit: 'count' },
    { key: 'subsidy.fig.graded', value: graded, unit: 'share' },
    { key: 'subsidy.fig.hoursPerHead', value: perHead === null ? null : Math.round(perHead * 10) / 10, unit: 'hours' },
  ];
  if (i.roster.active === 0 && c.total === 0) return nothingToJudge('capability', 'subsidy.none.capability', figures, evidence);
  return card('capability', red, amber, figures, evidence);
}

/** the months of the year that should have an approved run by `asOf`: all twelve of a past year, else those before this month */
export function wageMonthsExpected(i: Pick<ScoreInputs, 'monthsElapsed' | 'asOf' | 'year'>): number {
  return i.asOf >= `${i.year}-12-31` ? 12 : Math.max(0, i.monthsElapsed - 1);
}

export function wageCard(i: ScoreInputs): CriterionCard {
  const evidence: Evidence[] = [
    { key: 'subsidy.ev.scheme', link: { page: 'wage', id: 'schemes' } },
    { key: 'subsidy.ev.runs', link: { page: 'wage', id: 'runs' } },
  ];
  const w = i.wage;
  const safety = share(w.safetyPaidMonths, w.workerMonths);
  const expected = wageMonthsExpected(i);
  const red: Reason[] = [];
  const amber: Reason[] = [];
  if (!w.scheme) red.push({ key: 'subsidy.why.noScheme' });
  else if (w.scheme.state === 'adopted') amber.push({ key: 'subsidy.why.schemeNotEffective', params: { name: w.scheme.name } });
  if (w.approvedMonths === 0) red.push({ key: 'subsidy.why.noRuns' });
  else if (w.approvedMonths < expected - WAGE_MONTHS_SLACK) amber.push({ key: 'subsidy.why.fewRuns', params: { n: w.approvedMonths, need: expected } });
  if (safety !== null && safety < SAFETY_SHARE_RED) red.push({ key: 'subsidy.why.safetyLow', params: { pct: pct(safety), min: pct(SAFETY_SHARE_RED) } });
  else if (safety !== null && safety < SAFETY_SHARE_GREEN) amber.push({ key: 'subsidy.why.safetyGap', params: { pct: pct(safety), min: pct(SAFETY_SHARE_GREEN) } });
  const figures: Figure[] = [
    { key: 'subsidy.fig.scheme', value: w.scheme ? `${w.scheme.name}（v${w.scheme.version}）` : null, unit: 'text' },
    { key: 'subsidy.fig.approvedMonths', value: w.approvedMonths, unit: 'months' },
    { key: 'subsidy.fig.safetyShare', value: safety, unit: 'share' },
    { key: 'subsidy.fig.perHead', value: w.workerMonths > 0 ? Math.round(w.totalFen / w.workerMonths) : null, unit: 'fen' },
    { key: 'subsidy.fig.wageTotal', value: w.totalFen, unit: 'fen' },
  ];
  return card('wage', red, amber, figures, evidence);
}

export function congressCard(i: ScoreInputs): CriterionCard {
  const closed = i.congress.sessions.filter((s) => s.status === 'closed');
  const pending = i.congress.sessions.filter((s) => s.status !== 'closed');
  const yearOver = i.asOf >= `${i.year}-12-31`;
  const evidence: Evidence[] = closed.length
    ? closed.flatMap((s): Evidence[] => [
        { key: 'subsidy.ev.session', params: { name: s.name, date: s.date }, link: { page: 'congress', id: 'sessions' } },
        { key: 'subsidy.ev.minutes', params: { name: s.name }, link: { page: 'congress', id: 'sessions' } },
      ])
    : [{ key: 'subsidy.ev.sessions', link: { page: 'congress', id: 'sessions' } }];
  const red: Reason[] = [];
  const amber: Reason[] = [];
  if (closed.length === 0) {
    if (pending.length > 0 && !yearOver) amber.push({ key: 'subsidy.why.sessionPending', params: { name: pending[0]!.name, date: pending[0]!.date } });
    else red.push({ key: 'subsidy.why.noSession' });
  }
  const figures: Figure[] = [
    { key: 'subsidy.fig.sessionsHeld', value: closed.length, unit: 'count' },
    { key: 'subsidy.fig.sessionsNames', value: closed.length ? closed.map((s) => `${s.name}（${s.date}）`).join('、') : null, unit: 'text' },
  ];
  return card('congress', red, amber, figures, evidence);
}

export function healthCard(i: ScoreInputs): CriterionCard {
  const evidence: Evidence[] = [
    { key: 'subsidy.ev.plan', link: { page: 'health', id: 'plan' } },
    { key: 'subsidy.ev.exams', link: { page: 'health', id: 'exams' } },
  ];
  const h = i.health;
  if (!h) return unavailable('health', evidence);
  const onTime = share(h.examsOnTime, h.examsDue);
  const women = share(h.womenOnTime, h.womenDue);
  const red: Reason[] = [];
  const amber: Reason[] = [];
  if (onTime !== null && onTime < EXAMS_ON_TIME_RED) red.push({ key: 'subsidy.why.examsLow', params: { pct: pct(onTime), min: pct(EXAMS_ON_TIME_RED) } });
  else if (onTime !== null && onTime < EXAMS_ON_TIME_GREEN) amber.push({ key: 'subsidy.why.examsGap', params: { pct: pct(onTime), min: pct(EXAMS_ON_TIME_GREEN) } });
  if (women !== null && women < WOMEN_ON_TIME_GREEN) amber.push({ key: 'subsidy.why.womenGap', params: { pct: pct(women), min: pct(WOMEN_ON_TIME_GREEN) } });
  if (h.contraindicationsInPost > 0) amber.push({ key: 'subsidy.why.contraindications', params: { n: h.contraindicationsInPost } });
  if (h.rechecksMissed > 0) amber.push({ key: 'subsidy.why.rechecksMissed', params: { n: h.rechecksMissed } });
  const figures: Figure[] = [
    { key: 'subsidy.fig.exposed', value: h.exposedWorkers, unit: 'count' },
    { key: 'subsidy.fig.examsDue', value: h.examsDue, unit: 'count' },
    { key: 'subsidy.fig.examsOnTime', value: onTime, unit: 'share' },
    { key: 'subsidy.fig.examsLate', value: h.examsLate, unit: 'count' },
    { key: 'subsidy.fig.examsMissing', value: h.examsMissing, unit: 'count' },
    { key: 'subsidy.fig.womenOnTime', value: women, unit: 'share' },
    { key: 'subsidy.fig.contraindications', value: h.contraindicationsInPost, unit: 'count' },
  ];
  // no exposed workers and no exam due (no women's exam either): nothing to judge — but exposed workers with exams due
  // and none held stay red above
  if (h.exposedWorkers === 0 && h.examsDue === 0 && h.womenDue === 0) return nothingToJudge('health', 'subsidy.none.health', figures, evidence);
  return card('health', red, amber, figures, evidence);
}

/** The five criteria in their order. */
export function scoreYear(i: ScoreInputs): CriterionCard[] {
  return [educationCard(i), capabilityCard(i), wageCard(i), congressCard(i), healthCard(i)];
}

/** months of `year` counted on `today`: 12 for a past year, the month's number for the current one, 0 for a future one */
export function monthsElapsed(year: number, today: string): number {
  const y = Number(today.slice(0, 4));
  if (year < y) return 12;
  if (year > y) return 0;
  return Number(today.slice(5, 7));
}

/** the day the year's figures run to: its last day, or `today` while it lasts */
export function asOfDay(year: number, today: string): string {
  const end = `${year}-12-31`;
  return today < end ? today : end;
}
