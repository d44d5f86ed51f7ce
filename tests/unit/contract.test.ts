// The contract and the handler map are merged from the modules' parts: no channel twice, every channel handled,
// no handler without a channel, every module's channels under its own prefixes, one message catalog without
// duplicate keys.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { handlers } from '../../electron/core/modules';
import { CHANNELS, contract } from '../../shared/contract';
import { glossary } from '../../shared/glossary';
import { ch, defineContract, mergeParts } from '../../shared/kernel/channel';
import { mergeMessages } from '../../shared/kernel/i18n';
import { MESSAGE_PARTS } from '../../shared/messages';
import { MODULES } from '../../shared/modules';

describe('merged contract', () => {
  it('has every module part and no channel twice', () => {
    const total = MODULES.reduce((n, m) => n + Object.keys(m.contract).length, 0);
    expect(CHANNELS.length).toBe(total);
    expect(new Set(CHANNELS).size).toBe(CHANNELS.length);
  });

  it('every channel has a handler and every handler a channel', () => {
    expect(Object.keys(handlers).sort()).toEqual([...CHANNELS].sort());
    for (const c of CHANNELS) expect(typeof handlers[c]).toBe('function');
  });

  it('every channel has an input schema and auth flags', () => {
    for (const c of CHANNELS) {
      const def = contract[c];
      expect(def.input, c).toBeInstanceOf(z.ZodType);
      expect(typeof def.auth).toBe('boolean');
      expect(typeof def.admin).toBe('boolean');
    }
  });

  it('module names are unique', () => {
    const names = MODULES.map((m) => m.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it('a channel defined twice is refused at load (and is a type error)', () => {
    const a = { 'x.one': ch<number>()(z.object({})) };
    const b = { 'x.one': ch<string>()(z.object({})) };
    // @ts-expect-error — the duplicate is a type error
    expect(() => mergeParts([a, b] as const)).toThrow(/defined twice: x\.one/);
    expect(Object.keys(mergeParts([a, { 'x.two': ch<string>()(z.object({})) }] as const))).toEqual(['x.one', 'x.two']);
  });

  it('a module may only declare channels under its own prefixes', () => {
    // @ts-expect-error — 'other.call' is outside the prefix 'mine'
    expect(() => defineContract(['mine'], { 'other.call': ch<number>()(z.object({})) })).toThrow(/outside its module/);
  });
});

describe('message catalog', () => {
  it('registers the same message parts as the modules (shared/messages.ts beside shared/modules.ts)', () => {
    expect(new Set(MESSAGE_PARTS)).toEqual(new Set(MODULES.map((m) => m.messages)));
    expect(MESSAGE_PARTS.length).toBe(MODULES.length);
  });

  it('merges every module part without duplicate keys', () => {
    const total = MODULES.reduce((n, m) => n + Object.keys(m.messages).length, 0);
    expect(Object.keys(glossary).length).toBe(total);
  });

  it('refuses a key defined twice', () => {
    expect(() => mergeMessages([{ 'a.b': { 'zh-CN': '甲', en: 'A' } }, { 'a.b': { 'zh-CN': '乙', en: 'B' } }])).toThrow(/a\.b/);
  });

  it('every term has both languages, and English has no Chinese characters', () => {
    for (const [k, v] of Object.entries(glossary)) {
      expect(v['zh-CN'], k).toBeTruthy();
      expect(v.en, k).toBeTruthy();
      expect(/[\u3400-\u9fff]/.test(v.en), `${k}: ${v.en}`).toBe(false);
    }
  });
});
