// Emoji print as empty boxes in PDFs (no glyph in the embedded fonts): every free-text field — names, descriptions,
// the enterprise profile — refuses them with their own message, while rare CJK characters and text symbols pass.
import { describe, expect, it } from 'vitest';
import { enterpriseInput } from '../../shared/enterprise/schemas';
import { EMOJI_RE, optText, reqText } from '../../shared/kernel/schemas';
import { workerInput } from '../../shared/roster/schemas';
import { term } from '../../shared/glossary';

const messages = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => [i.path.join('.'), i.message]);

describe('emoji in text fields', () => {
  it.each(['张三😀', '🔥隐患', '❤️', '安全✅', '1️⃣号', '👍🏻', '🇨🇳'])('refuses %s', (v) => {
    expect(EMOJI_RE.test(v)).toBe(true);
    expect(messages(reqText(50).safeParse(v))).toEqual([['', 'v.emoji']]);
    expect(messages(optText(50).safeParse(v))).toEqual([['', 'v.emoji']]);
  });
  it.each(['𠮷田春', '王𡈽生', '√ ✓ ★ ☆ ℃ ① ※ → ×', '配电箱（2#）', 'Zhang San-2'])('accepts %s', (v) => {
    expect(EMOJI_RE.test(v)).toBe(false);
    expect(reqText(50).safeParse(v).success).toBe(true);
  });
  it('lands on the field: a worker’s name, the enterprise name', () => {
    expect(messages(workerInput.safeParse({ empNo: 'E1', name: '李😀', gender: 'M' }))).toEqual([['name', 'v.emoji']]);
    expect(workerInput.safeParse({ empNo: 'E1', name: '𠮷田', gender: 'M' }).success).toBe(true);
    expect(messages(enterpriseInput.safeParse({ name: '安康🏭', uscc: '9144030071526726XG', headcount: 1 }))).toEqual([['name', 'v.emoji']]);
  });
  it('says why in both languages', () => {
    expect(term('v.emoji', 'zh-CN')).toBe('不能包含表情符号（打印时无法显示），请删除');
    expect(term('v.emoji', 'en')).toBe('Emoji cannot be printed; remove them');
  });
});

describe('control characters in text fields', () => {
  it.each(['x\u0007y', 'a\u0000b', '班组\u001b[31m', 'del\u007f'])('refuses %j with its own message', (v) => {
    expect(messages(reqText(50).safeParse(v))).toEqual([['', 'v.control']]);
    expect(messages(optText(50).safeParse(v))).toEqual([['', 'v.control']]);
  });
  it('keeps tabs and line breaks inside a text (notes run over several lines)', () => {
    expect(optText(50).safeParse('第一行\n第二行\r\n\t第三行').success).toBe(true);
  });
  it('says why in both languages', () => {
    expect(term('v.control', 'zh-CN')).toContain('控制字符');
    expect(term('v.control', 'en')).toContain('control characters');
  });
});
