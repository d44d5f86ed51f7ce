// The message filler (shared/kernel/i18n.ts fill): {name} placeholders, '@key' values translated, and
// {name|one|other} choosing a word by the number — so English says "1 worker" and "2 workers".
import { describe, expect, it } from 'vitest';
import { fill, makeTranslator } from '../../shared/kernel/i18n';

describe('fill', () => {
  it('replaces placeholders and leaves unknown ones as written', () => {
    expect(fill('{a} and {b}', { a: 1 })).toBe('1 and {b}');
    expect(fill('{x}', undefined)).toBe('{x}');
  });
  it('picks the singular for exactly 1 and the plural otherwise (0, 2, 1.5, "1,000")', () => {
    const s = '{n} {n|worker|workers} below';
    expect(fill(s, { n: 1 })).toBe('1 worker below');
    expect(fill(s, { n: '1' })).toBe('1 worker below');
    expect(fill(s, { n: 0 })).toBe('0 workers below');
    expect(fill(s, { n: 2 })).toBe('2 workers below');
    expect(fill(s, { n: 1.5 })).toBe('1.5 workers below');
    expect(fill(s, { n: '1,000' })).toBe('1,000 workers below');
    // a missing number leaves the choice as written; other placeholders still fill
    expect(fill('{n|a|b} {m}', { m: 3 })).toBe('{n|a|b} 3');
  });
  it('works through the translator with a translated value beside it', () => {
    const t = makeTranslator(
      { x: { 'zh-CN': '{n} 名职工（{k}）', en: '{n} {n|worker|workers} ({k})' }, y: { 'zh-CN': '车间', en: 'workshop' } },
      'en',
    );
    expect(t('x', { n: 1, k: '@y' })).toBe('1 worker (workshop)');
    expect(makeTranslator({ x: { 'zh-CN': '{n} 名职工', en: '{n} {n|worker|workers}' } }, 'zh-CN')('x', { n: 1 })).toBe('1 名职工');
  });
});
