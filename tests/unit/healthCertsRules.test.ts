// Special-operation certificates (issue 10): the next review, the due date, the review window and the four states at
// their boundaries; the category read from the roster's free text.
import { describe, expect, it } from 'vitest';
import { addYears, categoryFromText, certDue, certDueDate, certStatus, nextReviewDate, reviewWindowOpens, worseStatus } from '../../shared/health/certs/rules';
import { CERT_REVIEW_WINDOW_DAYS } from '../../shared/health/kinds';
import { addDays } from '../../shared/roster/certs';

const cert = (over: Partial<Parameters<typeof certStatus>[0]> = {}) => ({ issueDate: '2020-05-10', lastReviewDate: null, reviewYears: 3, expiryDate: '2026-05-10', ...over });

describe('dates', () => {
  it('adds whole years; 29 February lands on 1 March in a common year (as SQLite does)', () => {
    expect(addYears('2023-05-10', 3)).toBe('2026-05-10');
    expect(addYears('2024-02-29', 3)).toBe('2027-03-01');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });
  it('the next review is the last review, or else the issue date, plus the cycle (3 or 6 years)', () => {
    expect(nextReviewDate(cert())).toBe('2023-05-10');
    expect(nextReviewDate(cert({ lastReviewDate: '2023-04-20' }))).toBe('2026-04-20');
    expect(nextReviewDate(cert({ reviewYears: 6 }))).toBe('2026-05-10');
    expect(nextReviewDate(cert({ issueDate: null }))).toBeNull();
  });
  it('the due date is the review, or the expiry when that comes first or no review date is known', () => {
    expect(certDueDate(cert())).toBe('2023-05-10');
    expect(certDueDate(cert({ lastReviewDate: '2023-06-01' }))).toBe('2026-05-10');
    expect(certDueDate(cert({ issueDate: null }))).toBe('2026-05-10');
    expect(reviewWindowOpens(cert())).toBe(addDays('2023-05-10', -CERT_REVIEW_WINDOW_DAYS));
    expect(reviewWindowOpens(cert())).toBe('2023-03-11');
  });
  it('what falls due is never later than the expiry: a review cycle ending on or after it is replaced by the renewal', () => {
    // the review a day before the expiry is still a review
    expect(certDue(cert({ lastReviewDate: '2023-05-09' }))).toEqual({ date: '2026-05-09', kind: 'review' });
    // on the expiry day itself, or after it: the renewal at the expiry
    expect(certDue(cert({ lastReviewDate: '2023-05-10' }))).toEqual({ date: '2026-05-10', kind: 'renewal' });
    expect(certDue(cert({ lastReviewDate: '2023-06-01' }))).toEqual({ date: '2026-05-10', kind: 'renewal' });
    expect(certDue(cert({ issueDate: null }))).toEqual({ date: '2026-05-10', kind: 'renewal' });
    // the tester's two cases: issued 2024-05-01 valid to 2027-01-20; reviewed 2026-12-02 with the expiry 2027-04-15
    expect(certDue({ issueDate: '2024-05-01', lastReviewDate: null, reviewYears: 3, expiryDate: '2027-01-20' })).toEqual({ date: '2027-01-20', kind: 'renewal' });
    expect(certDue({ issueDate: '2021-01-01', lastReviewDate: '2026-12-02', reviewYears: 3, expiryDate: '2027-04-15' })).toEqual({ date: '2027-04-15', kind: 'renewal' });
    // the state counts to the same date: the window opens 60 days before the renewal
    const renewal = { issueDate: '2024-05-01', lastReviewDate: null, reviewYears: 3, expiryDate: '2027-01-20' };
    expect(certDueDate(renewal)).toBe('2027-01-20');
    expect(certStatus(renewal, addDays('2027-01-20', -CERT_REVIEW_WINDOW_DAYS - 1))).toBe('current');
    expect(certStatus(renewal, addDays('2027-01-20', -CERT_REVIEW_WINDOW_DAYS))).toBe('window');
    expect(certStatus(renewal, '2027-01-20')).toBe('window');
    expect(certStatus(renewal, '2027-01-21')).toBe('expired');
  });
});

describe('states at their boundaries', () => {
  const c = cert(); // review due 2023-05-10, window opens 2023-03-11, expires 2026-05-10
  it('current until the day before the window opens', () => {
    expect(certStatus(c, '2023-03-10')).toBe('current');
  });
  it(`the window opens ${CERT_REVIEW_WINDOW_DAYS} days before the review and lasts through its day`, () => {
    expect(certStatus(c, '2023-03-11')).toBe('window');
    expect(certStatus(c, '2023-05-10')).toBe('window');
  });
  it('review overdue the day after, until the expiry day itself', () => {
    expect(certStatus(c, '2023-05-11')).toBe('overdue');
    expect(certStatus(c, '2026-05-10')).toBe('overdue');
  });
  it('expired the day after the expiry, whatever the review', () => {
    expect(certStatus(c, '2026-05-11')).toBe('expired');
    expect(certStatus(cert({ lastReviewDate: '2026-01-01' }), '2026-05-11')).toBe('expired');
  });
  it('a certificate known by its expiry alone: its window opens 60 days before the expiry', () => {
    const e = cert({ issueDate: null, expiryDate: '2027-01-31' });
    expect(certStatus(e, '2026-12-02')).toBe('window');
    expect(certStatus(e, '2026-12-01')).toBe('current');
    expect(certStatus(e, '2027-01-31')).toBe('window');
    expect(certStatus(e, '2027-02-01')).toBe('expired');
  });
  it('a review held moves the window on by a cycle', () => {
    const r = cert({ lastReviewDate: '2023-05-01' });
    expect(certStatus(r, '2023-05-11')).toBe('current');
    expect(certStatus(r, '2026-03-01')).toBe('current');
    expect(certStatus(r, '2026-03-02')).toBe('window'); // the expiry 2026-05-10 comes after the review 2026-05-01
  });
  it('the worse of two states', () => {
    expect(worseStatus('current', 'window')).toBe('window');
    expect(worseStatus('expired', 'overdue')).toBe('expired');
    expect(worseStatus('overdue', 'current')).toBe('overdue');
  });
});

describe('category from the roster text', () => {
  it.each([
    ['电工作业', 'electrician'],
    ['低压电工作业', 'electrician'],
    ['焊工', 'welding'],
    ['熔化焊接与热切割作业', 'welding'],
    ['电焊工', 'welding'],
    ['登高架设作业', 'height'],
    ['架子工', 'height'],
    ['制冷与空调设备运行操作', 'refrigeration'],
    ['煤矿安全检查作业', 'coal_mine'],
    ['金属非金属矿山支柱作业', 'metal_mine'],
    ['石油天然气司钻作业', 'oil_gas'],
    ['冶金（有色）生产安全作业', 'metallurgy'],
    ['危化品 操作', 'hazardous_chemicals'],
    ['危险化学品安全作业', 'hazardous_chemicals'],
    ['烟花爆竹安全作业', 'fireworks'],
    ['welding', 'welding'],
  ])('%s → %s', (text, cat) => expect(categoryFromText(text)).toBe(cat));
  it('an unknown or empty text has no category (the text is kept as it is)', () => {
    expect(categoryFromText('叉车司机')).toBeNull();
    expect(categoryFromText('')).toBeNull();
    expect(categoryFromText(null)).toBeNull();
  });
});
