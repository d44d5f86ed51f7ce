// Pure rules: GB 11643 citizen ID numbers, GB 32100 unified social credit codes, and the shared zod schemas.
import { describe, expect, it } from 'vitest';
import { glossary, isGlossaryKey } from '../../shared/glossary';
import { idCardBirthDate, idCardCheckChar, idCardGender, idCardProblem, maskIdCard, normalizeIdCard } from '../../shared/roster/idcard';
import { normalizeUscc, usccCheckChar, usccProblem } from '../../shared/enterprise/uscc';
import { enterpriseInput } from '../../shared/enterprise/schemas';
import { isValidIsoDate, localToday, toFieldIssues } from '../../shared/kernel/schemas';
import { workerInput, type WorkerInput } from '../../shared/roster/schemas';
import { demoUscc } from '../../electron/core/demo';

/** A valid 18-character ID number from region, birth date (YYYYMMDD) and 3-digit sequence. */
function makeId(region: string, birth: string, seq: string): string {
  const first17 = `${region}${birth}${seq}`;
  return first17 + idCardCheckChar(first17);
}
const ymd = (d: Date) => `${d.getUTCFullYear()}${String(d.getUTCMonth() + 1).padStart(2, '0')}${String(d.getUTCDate()).padStart(2, '0')}`;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

// Each: first 17 digits and the check character computed by hand with the GB 11643 weights.
const HAND_CHECKED: [string, string][] = [
  ['11010519491231002', 'X'], // sum 68 → 68 % 11 = 2 → 'X' (the standard's own example)
  ['44052418800101001', '4'], // the standard's second example (born 1880)
  ['32010219850615123', '6'],
  ['00000000000000000', '1'], // sum 0 → '1'
];

describe('GB 11643 ID card: check character', () => {
  it.each(HAND_CHECKED)('check char of %s is %s', (first17, expected) => {
    expect(idCardCheckChar(first17)).toBe(expected);
  });

  it('every residue 0..10 maps to the right character (changing one digit walks the table)', () => {
    const seen = new Set<string>();
    for (let d = 0; d <= 9; d++) seen.add(idCardCheckChar(`3201021985061512${d}`));
    // the last weight is 2, so the ten digits give ten distinct residues
    expect(seen.size).toBe(10);
    expect([...seen].every((c) => /^[0-9X]$/.test(c))).toBe(true);
  });

  it('rejects inputs that are not 17 digits', () => {
    expect(() => idCardCheckChar('1234')).toThrow();
    expect(() => idCardCheckChar('1101051949123100X')).toThrow();
    expect(() => idCardCheckChar('110105194912310021')).toThrow();
  });
});

describe('GB 11643 ID card: validation', () => {
  it('accepts real-format literals and computed numbers', () => {
    expect(idCardProblem('11010519491231002X')).toBeNull();
    expect(idCardProblem('320102198506151236')).toBeNull();
    for (const [region, birth, seq] of [
      ['321202', '19660101', '011'],
      ['320602', '20000229', '452'], // leap day in a leap century year
      ['110105', '19000101', '999'], // earliest accepted year
      ['440305', ymd(new Date(Date.now() - 86_400_000)), '002'], // born yesterday
    ] as const) {
      expect(idCardProblem(makeId(region, birth, seq))).toBeNull();
    }
  });

  it('accepts a lower-case x and surrounding whitespace', () => {
    expect(idCardProblem('11010519491231002x')).toBeNull();
    expect(idCardProblem('  11010519491231002X \t')).toBeNull();
    expect(normalizeIdCard(' 11010519491231002x ')).toBe('11010519491231002X');
  });

  it('reports a wrong check digit as checksum', () => {
    expect(idCardProblem('110105194912310021')).toBe('checksum');
    expect(idCardProblem('320102198506151230')).toBe('checksum');
    // flip one body digit of a valid number: the check char no longer matches
    expect(idCardProblem('320102198506151336')).toBe('checksum');
  });

  it('reports impossible or future birth dates', () => {
    expect(idCardProblem(makeId('320102', '19900230', '123'))).toBe('birthdate');
    expect(idCardProblem(makeId('320102', '19000229', '123'))).toBe('birthdate'); // 1900 not a leap year
    expect(idCardProblem(makeId('320102', '19851301', '123'))).toBe('birthdate'); // month 13
    expect(idCardProblem(makeId('320102', '19850600', '123'))).toBe('birthdate'); // day 0
    expect(idCardProblem(makeId('320102', '18991231', '123'))).toBe('birthdate'); // before 1900
    const nextYear = new Date().getUTCFullYear() + 1;
    expect(idCardProblem(makeId('320102', `${nextYear}0101`, '123'))).toBe('birthdate');
    expect(idCardProblem(makeId('320102', ymd(new Date(Date.now() + 3 * 86_400_000)), '123'))).toBe('birthdate');
    // the standard's 1880 example has a correct check digit but is refused by the 1900 floor
    expect(idCardProblem('440524188001010014')).toBe('birthdate');
  });

  it('reports format problems', () => {
    for (const bad of ['', '1101051949123100', '11010519491231002XX', '1101051949123100X2', '11010519491231002Y', '１１０１０５１９４９１２３１００２Ｘ', '110105-19491231-002X']) {
      expect(idCardProblem(bad), bad).toBe('format');
    }
  });

  it('masks region-kept / birth-and-sequence hidden', () => {
    expect(maskIdCard('11010519491231002X')).toBe('110105********002X');
    expect(maskIdCard('320102198506151236')).toBe('320102********1236');
    expect(maskIdCard(null)).toBe('');
    expect(maskIdCard(undefined)).toBe('');
    expect(maskIdCard('')).toBe('');
    expect(maskIdCard('12345')).toBe('*****');
    // the mask never reveals the birth date
    expect(maskIdCard('11010519491231002X')).not.toContain('1949');
  });

  it('derives gender from the 17th digit and the birth date from digits 7–14', () => {
    expect(idCardGender('11010519491231002X')).toBe('F'); // 17th digit 2
    expect(idCardGender('320102198506151236')).toBe('M'); // 17th digit 3
    expect(idCardGender(makeId('320102', '19850615', '120'))).toBe('F');
    expect(idCardGender(makeId('320102', '19850615', '129'))).toBe('M');
    expect(idCardGender('11010519491231002x')).toBe('F');
    expect(idCardGender('not an id')).toBeNull();
    expect(idCardBirthDate('11010519491231002X')).toBe('1949-12-31');
    expect(idCardBirthDate('bad')).toBeNull();
  });
});

describe('GB 32100 unified social credit code', () => {
  it('accepts real codes and the demo code', () => {
    for (const code of ['91330100799655058B', '9144030071526726XG', '914403001922038216', demoUscc()]) {
      expect(usccProblem(code), code).toBeNull();
    }
  });

  it('computes the check character (mod 31 over the 17-character body)', () => {
    expect(usccCheckChar('91330100799655058')).toBe('B');
    expect(usccCheckChar('9144030071526726X')).toBe('G');
    expect(usccCheckChar('91440300192203821')).toBe('6');
    // 31 - (sum % 31) === 31 wraps to '0': the all-zero body sums to 0
    expect(usccCheckChar('00000000000000000')).toBe('0');
    expect(() => usccCheckChar('1234')).toThrow();
    expect(() => usccCheckChar('9133010079965505I')).toThrow(/invalid character/);
  });

  it('reports a wrong check character as checksum', () => {
    expect(usccProblem('91330100799655058C')).toBe('checksum');
    expect(usccProblem('914403001922038217')).toBe('checksum');
    // a transposition in the body is caught
    expect(usccProblem('91330100799655508B')).toBe('checksum');
  });

  it('reports format problems: length and letters outside the charset (I O Z S V)', () => {
    expect(usccProblem('')).toBe('format');
    expect(usccProblem('91330100799655058')).toBe('format');
    expect(usccProblem('91330100799655058BB')).toBe('format');
    for (const ch of ['I', 'O', 'Z', 'S', 'V', '-', '中']) {
      expect(usccProblem(`9133010079965505${ch}B`), ch).toBe('format');
    }
  });

  it('is case-insensitive and trims', () => {
    expect(usccProblem(' 9144030071526726xg ')).toBeNull();
    expect(normalizeUscc(' 9144030071526726xg ')).toBe('9144030071526726XG');
  });
});

describe('isValidIsoDate', () => {
  it('accepts real calendar dates and rejects others', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2023-02-29')).toBe(false);
    expect(isValidIsoDate('2024-2-9')).toBe(false);
    expect(isValidIsoDate('1899-12-31')).toBe(false);
    expect(isValidIsoDate('2024/02/01')).toBe(false);
  });
});

const base: WorkerInput = { empNo: 'E001', name: '张三', gender: 'M' };
function issues(input: unknown) {
  const r = workerInput.safeParse(input);
  if (r.success) return [];
  return r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}
function parseOk(input: WorkerInput) {
  const r = workerInput.safeParse(input);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data;
}

describe('workerInput schema', () => {
  it('trims text, turns empty optional values into null and applies defaults', () => {
    const d = parseOk({
      empNo: '  E001 ',
      name: '  张三\t',
      gender: 'M',
      idCard: '   ',
      phone: '',
      post: '  ',
      hireDate: '',
      certType: '',
      certNo: null,
      certExpiry: undefined,
    });
    expect(d).toEqual({
      empNo: 'E001',
      name: '张三',
      gender: 'M',
      idCard: null,
      phone: null,
      orgUnitId: null,
      post: null,
      hireDate: null,
      skillGrade: null,
      status: 'active',
      roles: [],
      isRepresentative: false,
      isFrontline: false,
      isManager: false,
      certType: null,
      certNo: null,
      certExpiry: null,
      hazardFactors: [],
    });
  });

  it('upper-cases and keeps a valid ID card; rejects a bad one with the specific key', () => {
    expect(parseOk({ ...base, gender: 'F', idCard: ' 11010519491231002x ' }).idCard).toBe('11010519491231002X');
    expect(issues({ ...base, gender: 'F', idCard: '110105194912310021' })).toEqual([{ path: 'idCard', message: 'v.idCard.checksum' }]);
    expect(issues({ ...base, idCard: makeId('320102', '19900230', '123') })).toContainEqual({ path: 'idCard', message: 'v.idCard.birthdate' });
    expect(issues({ ...base, idCard: '12345' })).toEqual([{ path: 'idCard', message: 'v.idCard.format' }]);
  });

  it('requires empNo and name, and restricts the employee number charset', () => {
    // an empty number is reported as required first (the charset check also fires, as zod does not abort)
    expect(issues({ ...base, empNo: '   ' })[0]).toEqual({ path: 'empNo', message: 'v.required' });
    expect(issues({ ...base, name: ' ' })).toEqual([{ path: 'name', message: 'v.required' }]);
    expect(issues({ ...base, empNo: '工号1' })).toEqual([{ path: 'empNo', message: 'v.empNo' }]);
    expect(issues({ ...base, empNo: 'A'.repeat(33) })).toEqual([{ path: 'empNo', message: 'v.empNo' }]);
    expect(parseOk({ ...base, empNo: 'Ab-_09' }).empNo).toBe('Ab-_09');
    expect(issues({ ...base, name: '名'.repeat(51) })).toEqual([{ path: 'name', message: 'v.tooLong' }]);
    expect(parseOk({ ...base, name: '名'.repeat(50) }).name).toHaveLength(50);
  });

  it('cert triple rule: all three or none; the missing ones are flagged', () => {
    expect(issues({ ...base, certType: '电工作业' })).toEqual([
      { path: 'certNo', message: 'v.cert' },
      { path: 'certExpiry', message: 'v.cert' },
    ]);
    expect(issues({ ...base, certType: '电工作业', certNo: 'T123' })).toEqual([{ path: 'certExpiry', message: 'v.cert' }]);
    expect(issues({ ...base, certExpiry: '2027-01-01' })).toEqual([
      { path: 'certType', message: 'v.cert' },
      { path: 'certNo', message: 'v.cert' },
    ]);
    const full = parseOk({ ...base, certType: '电工作业', certNo: 'T123', certExpiry: '2027-01-01' });
    expect([full.certType, full.certNo, full.certExpiry]).toEqual(['电工作业', 'T123', '2027-01-01']);
    // whitespace-only counts as empty
    expect(issues({ ...base, certType: '电工作业', certNo: '  ', certExpiry: '2027-01-01' })).toEqual([{ path: 'certNo', message: 'v.cert' }]);
  });

  it('flags a gender that contradicts the ID card', () => {
    expect(issues({ ...base, gender: 'M', idCard: '11010519491231002X' })).toEqual([{ path: 'gender', message: 'v.genderMismatch' }]);
    expect(issues({ ...base, gender: 'F', idCard: '320102198506151236' })).toEqual([{ path: 'gender', message: 'v.genderMismatch' }]);
    expect(issues({ ...base, gender: 'F', idCard: '11010519491231002X' })).toEqual([]);
  });

  it('rejects a future hire date and invalid dates, accepts today', () => {
    expect(issues({ ...base, hireDate: isoDay(2) })).toEqual([{ path: 'hireDate', message: 'v.futureDate' }]);
    // beside the row's other problems, not only once they are fixed (an import preview shows them all at once)
    expect(issues({ ...base, hireDate: isoDay(2), phone: '12345' })).toEqual(
      expect.arrayContaining([
        { path: 'hireDate', message: 'v.futureDate' },
        { path: 'phone', message: 'v.phone' },
      ]),
    );
    // today on this machine's clock (local date; the UTC date lags by eight hours in China)
    expect(issues({ ...base, hireDate: localToday() })).toEqual([]);
    expect(issues({ ...base, hireDate: '2024-02-30' })).toEqual([{ path: 'hireDate', message: 'v.date' }]);
    // the spellings an HR sheet uses are read as the date they name (the form accepts what import accepts)
    expect(parseOk({ ...base, hireDate: '2024/02/01' }).hireDate).toBe('2024-02-01');
    expect(issues({ ...base, hireDate: '2024/02/30' })).toEqual([{ path: 'hireDate', message: 'v.date' }]);
    expect(parseOk({ ...base, hireDate: '2020-03-05' }).hireDate).toBe('2020-03-05');
    expect(parseOk({ ...base, hireDate: isoDay(-1) }).hireDate).toBe(isoDay(-1));
    // a certificate expiry may lie in the future
    expect(parseOk({ ...base, certType: 'a', certNo: 'b', certExpiry: isoDay(400) }).certExpiry).toBe(isoDay(400));
  });

  it.each([
    ['13812345678', '13812345678'],
    [' 138 1234 5678 ', '13812345678'],
    ['0523-86881234', '0523-86881234'],
    ['052386881234', '052386881234'],
    ['010-1234567', '010-1234567'],
    ['+8613812345678', '13812345678'],
    ['138-1234-5678', '13812345678'],
    ['', null],
    [null, null],
  ])('phone %j is accepted as %j', (input, expected) => {
    expect(parseOk({ ...base, phone: input }).phone).toBe(expected);
  });

  it.each(['12345', '23812345678', '1381234567', '138123456789', '0523-123', '+8623812345678', '电话'])('phone %j is rejected', (p) => {
    expect(issues({ ...base, phone: p })).toEqual([{ path: 'phone', message: 'v.phone' }]);
  });

  it('removes duplicate roles and hazard factors, rejects unknown roles', () => {
    const d = parseOk({ ...base, roles: ['safety_officer', 'team_leader', 'safety_officer'], hazardFactors: ['苯', ' 苯 ', '噪声'] });
    expect(d.roles).toEqual(['safety_officer', 'team_leader']);
    expect(d.hazardFactors).toEqual(['苯', '噪声']);
    expect(issues({ ...base, roles: ['chairman'] })).toEqual([{ path: 'roles.0', message: 'v.role' }]);
  });

  it('skill grade must be 1–5 and reports v.grade', () => {
    expect(parseOk({ ...base, skillGrade: 3 }).skillGrade).toBe(3);
    for (const g of [0, 6, 2.5, '3']) {
      expect(issues({ ...base, skillGrade: g }), String(g)).toEqual([{ path: 'skillGrade', message: 'v.grade' }]);
    }
  });

  it('every validation message for bad form values is a glossary key (v.*)', () => {
    const bad: Record<string, unknown>[] = [
      {},
      { empNo: '', name: '', gender: 'X' },
      { ...base, empNo: 'a b' },
      { ...base, idCard: '1' },
      { ...base, idCard: '110105194912310021' },
      { ...base, phone: '1' },
      { ...base, hireDate: 'yesterday' },
      { ...base, hireDate: isoDay(10) },
      { ...base, skillGrade: 9 },
      { ...base, status: 'retired' },
      { ...base, roles: ['boss'] },
      { ...base, isRepresentative: 'yes' },
      { ...base, certNo: 'x' },
      { ...base, gender: 'M', idCard: '11010519491231002X' },
      { ...base, hazardFactors: [''] },
      { ...base, orgUnitId: '' },
      { ...base, post: 'p'.repeat(51) },
    ];
    let count = 0;
    for (const input of bad) {
      const r = workerInput.safeParse(input);
      expect(r.success, JSON.stringify(input)).toBe(false);
      for (const i of r.error!.issues) {
        count++;
        expect(i.message.startsWith('v.'), `${JSON.stringify(input)} → ${i.message}`).toBe(true);
        expect(isGlossaryKey(i.message), i.message).toBe(true);
      }
      for (const fi of toFieldIssues(r.error!)) expect(isGlossaryKey(fi.message)).toBe(true);
    }
    expect(count).toBeGreaterThan(bad.length);
  });

  it('toFieldIssues flattens paths and replaces non-glossary messages with v.invalid', () => {
    const r = workerInput.safeParse(null);
    expect(r.success).toBe(false);
    expect(toFieldIssues(r.error!)).toEqual([{ path: '', message: 'v.invalid' }]);
    const r2 = workerInput.safeParse({ ...base, roles: ['x'] });
    expect(toFieldIssues(r2.error!)).toEqual([{ path: 'roles.0', message: 'v.role' }]);
  });
});

describe('enterpriseInput schema', () => {
  const ent = { name: ' 泰州化工 ', uscc: ' 9144030071526726xg ', headcount: 120, address: '  ', industry: '化工' };
  it('trims, normalises the credit code and nulls empty optionals', () => {
    const r = enterpriseInput.parse(ent);
    expect(r).toEqual({ name: '泰州化工', uscc: '9144030071526726XG', headcount: 120, address: null, industry: '化工' });
  });
  it('rejects a bad credit code with the specific key', () => {
    expect(enterpriseInput.safeParse({ ...ent, uscc: '9144030071526726XA' }).error?.issues.map((i) => i.message)).toEqual(['v.uscc.checksum']);
    expect(enterpriseInput.safeParse({ ...ent, uscc: 'ABC' }).error?.issues.map((i) => i.message)).toEqual(['v.uscc.format']);
  });
  it.each([0, -1, 1.5, 1_000_001, '100'])('rejects headcount %j with v.headcount', (h) => {
    const r = enterpriseInput.safeParse({ ...ent, headcount: h });
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['headcount', 'v.headcount']]);
  });
  it('requires name and credit code; every message is a glossary key', () => {
    const r = enterpriseInput.safeParse({});
    expect(r.success).toBe(false);
    const msgs = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
    expect(msgs).toEqual([
      ['name', 'v.required'],
      ['uscc', 'v.required'],
      ['headcount', 'v.headcount'],
    ]);
    for (const [, m] of msgs) expect(Object.keys(glossary)).toContain(m);
  });
});
