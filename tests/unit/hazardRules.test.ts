// Hazard ledger rules as pure functions: the workflow table (every action × status × role set), LEC grading,
// due dates, date arithmetic, serial numbers, money, and the zod schemas shared by backend and forms.
import { describe, expect, it } from 'vitest';
import { COMMITTEE_ROLES, type CommitteeRole } from '../../shared/roster/roles';
import { majorActions, noticePrintable, DEFAULT_HAZARD_RULES, DEFAULT_RISK_THRESHOLDS, HAZARD_ACTIONS, HAZARD_STATUSES, OPEN_STATUSES, TRANSITIONS, addDays, allowedActions, daysBetween, dueDate, fenToYuan, isOpen, lecScore, refusal, riskColor, serialNumber, type Actor4Rules, type HazardAction, type HazardState4Rules, type HazardStatus, type RefusalReason } from '../../shared/hazards/rules';
import { assignInput, cancelInput, hazardInput, lecSchema, localDateTime, moneyYuan, submitInput } from '../../shared/hazards/schemas';
import { isoDate, toFieldIssues } from '../../shared/kernel/schemas';

// ---------------------------------------------------------------------------------------------
// The expected workflow, written out by hand (not derived from TRANSITIONS), so a change to either
// the table or refusal() shows up here.
const FROM: Record<HazardAction, HazardStatus[]> = {
  confirm: ['reported'],
  assign: ['confirmed', 'assigned'],
  start: ['assigned'],
  submit: ['rectifying'],
  accept: ['submitted'],
  reject: ['submitted'],
  cancel: ['reported', 'confirmed', 'assigned', 'rectifying', 'submitted'],
};
const TO: Record<HazardAction, HazardStatus> = {
  confirm: 'confirmed',
  assign: 'assigned',
  start: 'rectifying',
  submit: 'submitted',
  accept: 'closed',
  reject: 'rectifying',
  cancel: 'cancelled',
};
/** Which single committee role may perform each action (admins may do everything). */
const MAY: Record<HazardAction, CommitteeRole[]> = {
  confirm: ['safety_officer', 'union_officer', 'oh_manager'],
  assign: ['safety_officer', 'union_officer', 'oh_manager'],
  start: ['safety_officer', 'union_officer', 'oh_manager', 'team_leader'],
  submit: ['safety_officer', 'union_officer', 'oh_manager', 'team_leader'],
  accept: ['safety_officer', 'union_officer', 'lp_supervisor'],
  reject: ['safety_officer', 'union_officer', 'lp_supervisor'],
  cancel: ['safety_officer', 'union_officer', 'oh_manager'],
};

interface RoleSet {
  label: string;
  roles: CommitteeRole[];
  isAdmin: boolean;
}
const ROLE_SETS: RoleSet[] = [
  ...COMMITTEE_ROLES.map((r) => ({ label: r, roles: [r], isAdmin: false })),
  { label: 'admin (no committee role)', roles: [], isAdmin: true },
  { label: 'no role', roles: [], isAdmin: false },
];

/** A hazard whose responsible worker and submitter are other people than the actor. */
const hazard = (status: HazardStatus, o: Partial<HazardState4Rules> = {}): HazardState4Rules => ({
  status,
  responsibleId: 'w-responsible',
  submittedBy: status === 'submitted' ? 'op-submitter' : null,
  ...o,
});
const actor = (rs: Pick<RoleSet, 'roles' | 'isAdmin'>, o: Partial<Actor4Rules> = {}): Actor4Rules => ({
  roles: rs.roles,
  isAdmin: rs.isAdmin,
  workerId: 'w-actor',
  operatorId: 'op-actor',
  ...o,
});

function expected(action: HazardAction, status: HazardStatus, rs: RoleSet): RefusalReason | null {
  if (!FROM[action].includes(status)) return 'status';
  if (!rs.isAdmin && !rs.roles.some((r) => MAY[action].includes(r))) return 'role';
  return null;
}

describe('重大隐患 rules and the rectification notice', () => {
  const so = actor({ roles: ['safety_officer'], isAdmin: false });
  const admin = actor({ roles: [], isAdmin: true });
  it('a major hazard is voided by an administrator only', () => {
    expect(refusal('cancel', hazard('confirmed', { grade: 'major' }), so)).toBe('major_admin');
    expect(refusal('cancel', hazard('confirmed', { grade: 'major' }), admin)).toBeNull();
    expect(refusal('cancel', hazard('confirmed', { grade: 'general' }), so)).toBeNull();
  });
  it('a major hazard is accepted only after the report and a passed evaluation', () => {
    const h = (o: Partial<HazardState4Rules>) => hazard('submitted', { grade: 'major', ...o });
    expect(refusal('accept', h({}), so)).toBe('major_pending');
    expect(refusal('accept', h({ majorReported: true }), so)).toBe('major_pending');
    expect(refusal('accept', h({ majorEvaluated: true }), so)).toBe('major_pending');
    expect(refusal('accept', h({ majorReported: true, majorEvaluated: true }), so)).toBeNull();
    expect(refusal('reject', h({}), so)).toBeNull(); // rejecting needs neither
  });
  it('the major steps: managers and admins, open major hazards; the evaluation once rectifying', () => {
    expect(majorActions({ status: 'confirmed', grade: 'major' }, so)).toEqual(['majorReport', 'majorSupervise']);
    expect(majorActions({ status: 'submitted', grade: 'major' }, admin)).toEqual(['majorReport', 'majorSupervise', 'majorEvaluate']);
    expect(majorActions({ status: 'submitted', grade: 'general' }, admin)).toEqual([]);
    expect(majorActions({ status: 'closed', grade: 'major' }, admin)).toEqual([]);
    expect(majorActions({ status: 'rectifying', grade: 'major' }, actor({ roles: ['team_leader'], isAdmin: false }))).toEqual([]);
  });
  it('the notice is printable once the 五落实 exist, never for a voided hazard', () => {
    expect(noticePrintable({ status: 'confirmed', responsibleId: null, deadline: null })).toBe(false);
    expect(noticePrintable({ status: 'assigned', responsibleId: 'w', deadline: '2026-05-01' })).toBe(true);
    expect(noticePrintable({ status: 'cancelled', responsibleId: 'w', deadline: '2026-05-01' })).toBe(false);
  });
});

describe('workflow table', () => {
  it('the statuses, open statuses and actions are the documented ones', () => {
    expect([...HAZARD_STATUSES]).toEqual(['reported', 'confirmed', 'assigned', 'rectifying', 'submitted', 'closed', 'cancelled']);
    expect([...OPEN_STATUSES]).toEqual(['reported', 'confirmed', 'assigned', 'rectifying', 'submitted']);
    expect(HAZARD_STATUSES.filter(isOpen)).toEqual([...OPEN_STATUSES]);
    expect([...HAZARD_ACTIONS].sort()).toEqual(Object.keys(FROM).sort());
  });

  it.each(HAZARD_ACTIONS)('TRANSITIONS.%s has the expected from-statuses, target and roles', (action) => {
    const t = TRANSITIONS[action];
    expect([...t.from].sort()).toEqual([...FROM[action]].sort());
    expect(t.to).toBe(TO[action]);
    expect([...t.roles].sort()).toEqual([...MAY[action]].sort());
    // no transition leaves a terminal state
    expect(t.from).not.toContain('closed');
    expect(t.from).not.toContain('cancelled');
  });

  // every action × every status × every role set
  const cases = HAZARD_ACTIONS.flatMap((action) =>
    HAZARD_STATUSES.flatMap((status) => ROLE_SETS.map((rs) => [action, status, rs.label, expected(action, status, rs)] as const)),
  );
  it(`refusal() for all ${HAZARD_ACTIONS.length} × ${HAZARD_STATUSES.length} × ${ROLE_SETS.length} combinations`, () => {
    expect(cases).toHaveLength(7 * 7 * 7);
    const wrong: string[] = [];
    for (const [action, status, label, exp] of cases) {
      const rs = ROLE_SETS.find((r) => r.label === label)!;
      const got = refusal(action, hazard(status), actor(rs));
      if (got !== exp) wrong.push(`${action} / ${status} / ${label}: expected ${exp}, got ${got}`);
    }
    expect(wrong).toEqual([]);
    // sanity: each outcome occurs
    const outcomes = new Set(cases.map((c) => c[3]));
    expect(outcomes).toEqual(new Set([null, 'status', 'role']));
  });

  it('a worker holding several roles gets the union of what each role allows', () => {
    const tlAndLp = actor({ roles: ['team_leader', 'lp_supervisor'], isAdmin: false });
    expect(allowedActions(hazard('assigned'), tlAndLp)).toEqual(['start']);
    expect(allowedActions(hazard('submitted'), tlAndLp)).toEqual(['accept', 'reject']);
    expect(refusal('confirm', hazard('reported'), tlAndLp)).toBe('role');
  });

  it('status is checked before role: a role-less actor on the wrong status gets "status"', () => {
    expect(refusal('confirm', hazard('closed'), actor({ roles: [], isAdmin: false }))).toBe('status');
    expect(refusal('accept', hazard('rectifying'), actor({ roles: [], isAdmin: false }))).toBe('status');
  });

  describe('the responsible person', () => {
    const me = { roles: [] as CommitteeRole[], isAdmin: false };
    const mine = (status: HazardStatus) => hazard(status, { responsibleId: 'w-actor' });

    it('may start and submit their own rectification without a committee role', () => {
      expect(refusal('start', mine('assigned'), actor(me))).toBeNull();
      expect(refusal('submit', mine('rectifying'), actor(me))).toBeNull();
      expect(allowedActions(mine('assigned'), actor(me))).toEqual(['start']);
      expect(allowedActions(mine('rectifying'), actor(me))).toEqual(['submit']);
    });

    it('may not start or submit someone else’s, nor do anything else with their own', () => {
      expect(refusal('start', hazard('assigned'), actor(me))).toBe('role');
      expect(refusal('submit', hazard('rectifying'), actor(me))).toBe('role');
      for (const a of ['confirm', 'assign', 'accept', 'reject', 'cancel'] as const) {
        for (const s of FROM[a]) expect(refusal(a, mine(s), actor(me)), `${a}/${s}`).toBe('role');
      }
      // and the exemption does not bypass the status
      expect(refusal('start', mine('rectifying'), actor(me))).toBe('status');
      expect(refusal('submit', mine('assigned'), actor(me))).toBe('status');
    });

    it('a null responsible id never matches an actor', () => {
      expect(refusal('start', hazard('assigned', { responsibleId: null }), actor(me, { workerId: '' }))).toBe('role');
    });
  });

  describe('the acceptor is not the rectifier', () => {
    const acceptorSets = ROLE_SETS.filter((rs) => rs.isAdmin || rs.roles.some((r) => MAY.accept.includes(r)));

    it.each(['accept', 'reject'] as const)('%s: refused for the responsible worker, even an admin or an acceptor role', (action) => {
      expect(acceptorSets.map((r) => r.label).sort()).toEqual(['admin (no committee role)', 'lp_supervisor', 'safety_officer', 'union_officer']);
      for (const rs of acceptorSets) {
        const h = hazard('submitted', { responsibleId: 'w-actor', submittedBy: 'op-other' });
        expect(refusal(action, h, actor(rs)), rs.label).toBe('acceptor_is_rectifier');
        expect(allowedActions(h, actor(rs))).not.toContain(action);
      }
    });

    it.each(['accept', 'reject'] as const)('%s: refused for the operator who submitted', (action) => {
      for (const rs of acceptorSets) {
        const h = hazard('submitted', { responsibleId: 'w-other', submittedBy: 'op-actor' });
        expect(refusal(action, h, actor(rs)), rs.label).toBe('acceptor_is_rectifier');
      }
    });

    it('allowed for anyone else with an acceptor role; a role-less responsible worker gets "role"', () => {
      const h = hazard('submitted', { responsibleId: 'w-other', submittedBy: 'op-other' });
      for (const rs of acceptorSets) expect(refusal('accept', h, actor(rs)), rs.label).toBeNull();
      expect(refusal('accept', hazard('submitted', { responsibleId: 'w-actor' }), actor({ roles: [], isAdmin: false }))).toBe('role');
      // cancel of a submitted hazard is not an acceptance: the submitter may cancel it
      expect(refusal('cancel', hazard('submitted', { submittedBy: 'op-actor' }), actor({ roles: ['safety_officer'], isAdmin: false }))).toBeNull();
    });
  });

  it('allowedActions is exactly the actions refusal() lets through, in HAZARD_ACTIONS order, for every status and role set', () => {
    for (const status of HAZARD_STATUSES) {
      for (const rs of ROLE_SETS) {
        const exp = HAZARD_ACTIONS.filter((a) => expected(a, status, rs) === null);
        expect(allowedActions(hazard(status), actor(rs)), `${status} / ${rs.label}`).toEqual(exp);
      }
    }
    // spot checks written out
    const admin = actor({ roles: [], isAdmin: true });
    expect(allowedActions(hazard('reported'), admin)).toEqual(['confirm', 'cancel']);
    expect(allowedActions(hazard('confirmed'), admin)).toEqual(['assign', 'cancel']);
    expect(allowedActions(hazard('assigned'), admin)).toEqual(['assign', 'start', 'cancel']);
    expect(allowedActions(hazard('rectifying'), admin)).toEqual(['submit', 'cancel']);
    expect(allowedActions(hazard('submitted'), admin)).toEqual(['accept', 'reject', 'cancel']);
    expect(allowedActions(hazard('closed'), admin)).toEqual([]);
    expect(allowedActions(hazard('cancelled'), admin)).toEqual([]);
    expect(allowedActions(hazard('submitted'), actor({ roles: ['lp_supervisor'], isAdmin: false }))).toEqual(['accept', 'reject']);
    expect(allowedActions(hazard('reported'), actor({ roles: ['team_leader'], isAdmin: false }))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('LEC risk grading', () => {
  it('D = L × E × C, rounded to two decimals', () => {
    expect(lecScore(3, 6, 15)).toBe(270);
    expect(lecScore(10, 10, 100)).toBe(10000);
    expect(lecScore(0.1, 0.5, 1)).toBe(0.05);
    expect(lecScore(0.2, 3, 7)).toBe(4.2); // 4.200000000000001 in floating point
    expect(lecScore(0.1, 3, 7)).toBe(2.1);
    expect(lecScore(0.5, 6, 40)).toBe(120);
  });

  it.each([
    [10000, 'red'],
    [320.01, 'red'],
    [321, 'red'],
    [320, 'orange'], // 160 < D ≤ 320
    [160.01, 'orange'],
    [161, 'orange'],
    [160, 'yellow'], // 70 ≤ D ≤ 160
    [70, 'yellow'],
    [69.99, 'blue'],
    [0.05, 'blue'],
  ] as const)('default thresholds: D = %s → %s', (d, color) => {
    expect(riskColor(d)).toBe(color);
    expect(riskColor(d, DEFAULT_RISK_THRESHOLDS)).toBe(color);
  });

  it('the default thresholds are 320 / 160 / 70', () => {
    expect(DEFAULT_RISK_THRESHOLDS).toEqual({ red: 320, orange: 160, yellow: 70 });
    expect(DEFAULT_HAZARD_RULES.thresholds).toEqual(DEFAULT_RISK_THRESHOLDS);
  });

  it.each([
    [401, 'red'],
    [400, 'orange'],
    [201, 'orange'],
    [200, 'yellow'],
    [100, 'yellow'],
    [99.99, 'blue'],
    [360, 'orange'], // red under the defaults
    [90, 'blue'], // yellow under the defaults
  ] as const)('custom thresholds 400/200/100: D = %s → %s', (d, color) => {
    expect(riskColor(d, { red: 400, orange: 200, yellow: 100 })).toBe(color);
  });

  it('the textbook combinations', () => {
    expect(riskColor(lecScore(3, 6, 15))).toBe('orange'); // 270
    expect(riskColor(lecScore(6, 6, 15))).toBe('red'); // 540
    expect(riskColor(lecScore(1, 6, 15))).toBe('yellow'); // 90
    expect(riskColor(lecScore(1, 2, 7))).toBe('blue'); // 14
  });
});

// ---------------------------------------------------------------------------------------------
describe('due dates', () => {
  const base = { foundDate: '2026-03-10', deadline: '2026-04-30', submittedDate: '2026-04-20' };
  it.each([
    ['reported', '2026-03-13'],
    ['confirmed', '2026-03-13'],
    ['assigned', '2026-04-30'],
    ['rectifying', '2026-04-30'],
    ['submitted', '2026-04-25'],
    ['closed', null],
    ['cancelled', null],
  ] as const)('default rules: %s → %s', (status, due) => {
    expect(dueDate({ ...base, status })).toBe(due);
  });

  it('a submitted hazard without a submission date falls back to the deadline', () => {
    expect(dueDate({ ...base, status: 'submitted', submittedDate: null })).toBe('2026-04-30');
  });

  it('custom rules: response and acceptance windows', () => {
    const rules = { ...DEFAULT_HAZARD_RULES, responseDays: 10, acceptDays: 1 };
    expect(dueDate({ ...base, status: 'reported' }, rules)).toBe('2026-03-20');
    expect(dueDate({ ...base, status: 'confirmed' }, rules)).toBe('2026-03-20');
    expect(dueDate({ ...base, status: 'submitted' }, rules)).toBe('2026-04-21');
    expect(dueDate({ ...base, status: 'rectifying' }, rules)).toBe('2026-04-30');
  });

  it('an assigned hazard without a deadline has no due date', () => {
    expect(dueDate({ ...base, status: 'assigned', deadline: null })).toBeNull();
  });

  it('the response window crosses a month and a leap day', () => {
    expect(dueDate({ status: 'reported', foundDate: '2024-02-27', deadline: null, submittedDate: null })).toBe('2024-03-01');
    expect(dueDate({ status: 'reported', foundDate: '2025-02-27', deadline: null, submittedDate: null })).toBe('2025-03-02');
    expect(dueDate({ status: 'reported', foundDate: '2025-12-30', deadline: null, submittedDate: null })).toBe('2026-01-02');
  });
});

describe('date arithmetic', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-01'],
    ['2026-02-28', 1, '2026-03-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-29', 1, '2024-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2023-03-01', -1, '2023-02-28'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-11-24', 0, '2026-11-24'],
    ['2024-01-01', 366, '2025-01-01'],
    ['2025-01-01', 365, '2026-01-01'],
    ['2026-03-28', 3, '2026-03-31'], // a DST weekend elsewhere does not matter (UTC arithmetic)
  ] as const)('addDays(%s, %i) = %s', (d, n, out) => {
    expect(addDays(d, n)).toBe(out);
  });

  it.each([
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-01-01', '2025-12-31', -1],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2026-01-31', '2026-03-01', 29],
    ['2026-11-24', '2026-11-24', 0],
  ] as const)('daysBetween(%s, %s) = %i', (a, b, n) => {
    expect(daysBetween(a, b)).toBe(n);
  });

  it('daysBetween inverts addDays over four years, day by day', () => {
    let d = '2023-01-01';
    for (let i = 0; i < 4 * 366; i += 7) {
      const e = addDays('2023-01-01', i);
      expect(daysBetween('2023-01-01', e)).toBe(i);
      expect(addDays(e, -i)).toBe('2023-01-01');
      d = e;
    }
    expect(d > '2026-12-01').toBe(true);
  });
});

describe('serial numbers and money', () => {
  it('serialNumber pads to four digits and grows beyond them', () => {
    expect(serialNumber(2026, 1)).toBe('YH-2026-0001');
    expect(serialNumber(2026, 42)).toBe('YH-2026-0042');
    expect(serialNumber(2025, 9999)).toBe('YH-2025-9999');
    expect(serialNumber(2026, 12345)).toBe('YH-2026-12345');
  });

  it('fenToYuan shows two decimals; null/undefined are empty', () => {
    expect(fenToYuan(123456)).toBe('1234.56');
    expect(fenToYuan(120050)).toBe('1200.50');
    expect(fenToYuan(5)).toBe('0.05');
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(null)).toBe('');
    expect(fenToYuan(undefined)).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------
const issues = (r: { success: boolean; error?: unknown }) =>
  r.success ? [] : toFieldIssues(r.error as Parameters<typeof toFieldIssues>[0]);

describe('schemas', () => {
  it('an empty amount or deadline is "required", a malformed one is a format error', () => {
    const msg = (r: { success: boolean; error?: unknown }) => (r.success ? null : toFieldIssues(r.error as never)[0]!.message);
    expect(msg(moneyYuan.safeParse(undefined))).toBe('v.required');
    expect(msg(moneyYuan.safeParse(null))).toBe('v.required');
    expect(msg(moneyYuan.safeParse('12'))).toBe('v.money');
    expect(msg(moneyYuan.safeParse(1.234))).toBe('v.money');
    expect(moneyYuan.parse(12.5)).toBe(1250);
    expect(msg(isoDate.safeParse(''))).toBe('v.required');
    expect(msg(isoDate.safeParse(undefined))).toBe('v.required');
    expect(msg(isoDate.safeParse('2026-02-30'))).toBe('v.date');
    expect(msg(isoDate.safeParse('20260201'))).toBe('v.date');
    expect(isoDate.parse('2026-02-28')).toBe('2026-02-28');
  });

  describe('moneyYuan (yuan → integer fen)', () => {
    it.each([
      [0, 0],
      [0.01, 1],
      [1, 100],
      [19.99, 1999],
      [1200.5, 120050],
      [0.07, 7],
      [1234567.89, 123456789],
      [1e10, 1e12],
    ])('%s yuan → %s fen', (yuan, fen) => {
      expect(moneyYuan.parse(yuan)).toBe(fen);
    });

    it.each([[1.005], [1.234], [0.001], [-0.01], [-1], [1e10 + 1], [Number.NaN], [Infinity]])('%s is refused', (v) => {
      const r = moneyYuan.safeParse(v);
      expect(r.success).toBe(false);
      expect(issues(r).map((i) => i.message)).toContain('v.money');
    });

    it('a string is refused', () => {
      expect(moneyYuan.safeParse('12.00').success).toBe(false);
    });
  });

  describe('lecSchema ranges: L 0.1–10, E 0.5–10, C 1–100', () => {
    it('the bounds are accepted', () => {
      expect(lecSchema.parse({ l: 0.1, e: 0.5, c: 1 })).toEqual({ l: 0.1, e: 0.5, c: 1 });
      expect(lecSchema.parse({ l: 10, e: 10, c: 100 })).toEqual({ l: 10, e: 10, c: 100 });
      expect(lecSchema.safeParse({ l: 3, e: 6, c: 15 }).success).toBe(true);
    });
    it.each([
      [{ l: 0.09, e: 1, c: 1 }, 'l'],
      [{ l: 10.1, e: 1, c: 1 }, 'l'],
      [{ l: 1, e: 0.4, c: 1 }, 'e'],
      [{ l: 1, e: 10.5, c: 1 }, 'e'],
      [{ l: 1, e: 1, c: 0.9 }, 'c'],
      [{ l: 1, e: 1, c: 101 }, 'c'],
      [{ l: 1, e: 1, c: 'x' }, 'c'],
    ])('%o is refused at %s', (v, field) => {
      const r = lecSchema.safeParse(v);
      expect(r.success).toBe(false);
      expect(issues(r)).toEqual([{ path: field, message: 'v.lec' }]);
    });
    it('a value left empty is "required", not "out of range"', () => {
      expect(issues(lecSchema.safeParse({ l: 1, e: 1 }))).toEqual([{ path: 'c', message: 'v.required' }]);
      expect(issues(lecSchema.safeParse({ l: null, e: 1, c: 1 }))).toEqual([{ path: 'l', message: 'v.required' }]);
    });
    it('every LEC value has its standard meaning in both languages', async () => {
      const { messages } = await import('../../shared/hazards/messages');
      const { LEC_VALUES, lecMeaningKey } = await import('../../shared/hazards/rules');
      const keys = (['l', 'e', 'c'] as const).flatMap((a) => LEC_VALUES[a].map((v) => lecMeaningKey(a, v)));
      expect(keys).toHaveLength(19);
      for (const k of keys) {
        const m = (messages as Record<string, { 'zh-CN': string; en: string }>)[k];
        expect(m, k).toBeDefined();
        expect(m!.en).not.toMatch(/[\u4e00-\u9fff]/);
      }
      expect((messages as Record<string, { 'zh-CN': string }>)[lecMeaningKey('l', 10)]!['zh-CN']).toBe('完全可以预料');
      expect((messages as Record<string, { 'zh-CN': string }>)[lecMeaningKey('e', 0.5)]!['zh-CN']).toBe('非常罕见地暴露');
      expect((messages as Record<string, { 'zh-CN': string }>)[lecMeaningKey('c', 100)]!['zh-CN']).toBe('大灾难，许多人死亡');
    });
    it('a discovery date before 2000 is refused by the schema', () => {
      expect(issues(hazardInput.safeParse({ foundAt: '1999-12-31T23:59', source: 'self_check', category1: 'material', description: 'x' }))).toEqual([
        { path: 'foundAt', message: 'v.foundTooOld' },
      ]);
      expect(hazardInput.safeParse({ foundAt: '2000-01-01T00:00', source: 'self_check', category1: 'material', description: 'x' }).success).toBe(true);
    });
  });

  describe('hazardInput', () => {
    const base = { foundAt: '2026-03-10T09:30', source: 'self_check', category1: 'material', description: '配电箱门未关闭' } as const;

    it('minimal input gets its defaults', () => {
      const v = hazardInput.parse(base);
      expect(v).toMatchObject({
        finderId: null,
        orgUnitId: null,
        category2: null,
        accidentType: null,
        productionStop: 'none',
        grade: null,
        lec: null,
        photoIds: [],
        place: null,
      });
    });

    it('category2 must belong to category1', () => {
      expect(hazardInput.parse({ ...base, category2: 'chemical' }).category2).toBe('chemical');
      expect(hazardInput.parse({ ...base, category1: 'human', category2: 'psych' }).category2).toBe('psych');
      expect(hazardInput.parse({ ...base, category2: '' }).category2).toBeNull();
      const r = hazardInput.safeParse({ ...base, category2: 'psych' });
      expect(issues(r)).toEqual([{ path: 'category2', message: 'v.category2' }]);
      expect(issues(hazardInput.safeParse({ ...base, category1: 'management', category2: 'chemical' }))).toEqual([
        { path: 'category2', message: 'v.category2' },
      ]);
    });

    it('refuses a missing description, unknown source/category/accident type and too many photos', () => {
      expect(issues(hazardInput.safeParse({ ...base, description: '   ' })).map((i) => i.path)).toEqual(['description']);
      expect(issues(hazardInput.safeParse({ ...base, source: 'rumour' })).map((i) => i.path)).toEqual(['source']);
      expect(issues(hazardInput.safeParse({ ...base, category1: 'weather' })).map((i) => i.path)).toContain('category1');
      expect(issues(hazardInput.safeParse({ ...base, accidentType: 'meteor' })).map((i) => i.path)).toEqual(['accidentType']);
      expect(hazardInput.safeParse({ ...base, photoIds: Array.from({ length: 21 }, (_, i) => `p${i}`) }).success).toBe(false);
      expect(hazardInput.safeParse({ ...base, photoIds: Array.from({ length: 20 }, (_, i) => `p${i}`) }).success).toBe(true);
      expect(issues(hazardInput.safeParse({ ...base, foundAt: '2026-03-10' })).map((i) => i.path)).toEqual(['foundAt']);
    });
  });

  describe('assignInput (五落实)', () => {
    const ok = {
      id: 'h1',
      responsibleId: 'w1',
      measures: '更换安全阀',
      plannedFunds: 1200.5,
      deadline: '2026-12-31',
      emergencyPlan: '现场处置方案',
    };
    it('valid input: funds in fen, no governance plan → null', () => {
      expect(assignInput.parse(ok)).toEqual({ ...ok, plannedFunds: 120050, governancePlan: null, comment: null });
    });
    it.each(['responsibleId', 'measures', 'plannedFunds', 'deadline', 'emergencyPlan'] as const)('missing %s is refused', (field) => {
      const { [field]: _omit, ...rest } = ok;
      const r = assignInput.safeParse(rest);
      expect(r.success).toBe(false);
      expect(issues(r).map((i) => i.path)).toEqual([field]);
    });
    it('blank text, a non-date deadline and three-decimal funds are refused', () => {
      expect(issues(assignInput.safeParse({ ...ok, measures: '  ' }))).toEqual([{ path: 'measures', message: 'v.required' }]);
      expect(issues(assignInput.safeParse({ ...ok, emergencyPlan: '' }))).toEqual([{ path: 'emergencyPlan', message: 'v.required' }]);
      expect(issues(assignInput.safeParse({ ...ok, deadline: '2026-02-30' }))).toEqual([{ path: 'deadline', message: 'v.date' }]);
      expect(issues(assignInput.safeParse({ ...ok, plannedFunds: 1.005 }))).toEqual([{ path: 'plannedFunds', message: 'v.money' }]);
    });
    it('a governance plan must have all six parts', () => {
      const plan = { targets: '消除', methods: '停产', funding: '专项', organisation: '车间', timeline: '30 天', safetyPlan: '预案' };
      expect(assignInput.parse({ ...ok, governancePlan: plan }).governancePlan).toEqual(plan);
      const { safetyPlan: _s, ...partial } = plan;
      // (the union with null reports the failure on the plan as a whole, not on the missing part)
      expect(issues(assignInput.safeParse({ ...ok, governancePlan: partial })).map((i) => i.path)).toEqual(['governancePlan']);
      expect(assignInput.safeParse({ ...ok, governancePlan: { ...plan, methods: ' ' } }).success).toBe(false);
    });
  });

  describe('submitInput', () => {
    const ok = { id: 'h1', actualFunds: 800, rectificationNote: '已更换', afterPhotoIds: ['a1'] };
    it('needs at least one after photo', () => {
      expect(submitInput.parse(ok)).toMatchObject({ actualFunds: 80000, afterPhotoIds: ['a1'] });
      expect(issues(submitInput.safeParse({ ...ok, afterPhotoIds: [] }))).toEqual([{ path: 'afterPhotoIds', message: 'v.afterPhoto' }]);
      const { afterPhotoIds: _a, ...none } = ok;
      expect(submitInput.safeParse(none).success).toBe(false);
      expect(issues(submitInput.safeParse({ ...ok, rectificationNote: '' })).map((i) => i.path)).toEqual(['rectificationNote']);
    });
  });

  describe('cancelInput', () => {
    it('a reason is required (whitespace is not a reason)', () => {
      expect(cancelInput.parse({ id: 'h', kind: 'invalid', reason: ' 误报 ' })).toEqual({ id: 'h', kind: 'invalid', duplicateOf: null, reason: '误报' });
      expect(issues(cancelInput.safeParse({ id: 'h', kind: 'invalid', reason: '   ' }))).toEqual([{ path: 'reason', message: 'v.reason' }]);
      expect(issues(cancelInput.safeParse({ id: 'h', kind: 'invalid' }))).toEqual([{ path: 'reason', message: 'v.reason' }]);
    });
  });

  describe('localDateTime', () => {
    it.each([
      '2026-11-20T09:30',
      '2026-11-20T09:30:15',
      '2026-11-20T09:30:15.5',
      '2026-11-20T09:30:15.123',
      '2026-11-20T09:30:15.123+08:00',
      '2026-11-20T09:30:15-05:00',
      '2026-11-20T09:30Z',
      '2024-02-29T23:59',
    ])('%s is accepted', (v) => {
      expect(localDateTime.parse(v)).toBe(v);
    });
    it.each([
      '2026-11-20',
      '2026-11-20 09:30',
      '2026-11-20T9:30',
      '2026-11-20T09:30:15.1234',
      '2026-11-20T09:30+0800',
      '2026-13-01T09:30',
      '2026-11-20T25:00',
      '20261120T0930',
      '',
    ])('%s is refused', (v) => {
      const r = localDateTime.safeParse(v);
      expect(r.success).toBe(false);
      expect(issues(r)[0]!.message).toBe('v.date');
    });
  });
});

describe('grams (one- and two-character search tokens)', () => {
  it('lists every character and character pair once, lower-cased, split at punctuation', async () => {
    const { grams } = await import('../../electron/core/db/store');
    const set = (v: string) => v.split(' ').sort();
    expect(set(grams('反应釜，2号B'))).toEqual(set('反 应 釜 反应 应釜 2 号 b 2号 号b'));
    expect(set(grams('护栏护栏'))).toEqual(set('护 栏 护栏 栏护'));
    expect(grams('反应釜，2号B')).not.toContain('釜2'); // no pair across punctuation
    expect(grams('  ')).toBe('');
  });
});
