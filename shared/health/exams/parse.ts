// Cells of a clinic's exam sheet as clinics write them: the kind (上岗前 / 在岗 / 离岗 / 应急, 女工), the conclusion
// with its fields in one cell (复查（纯音听阈，2026-05-30前）, 职业禁忌证：高血压, 疑似职业病(噪声聋)), a list of hazard
// factors (噪声、苯), a yes/no cell. Pure: the import (electron/core/health/exams/imports.ts) and its tests use them.
import { halfWidth, parseLooseDate } from '../../roster/normalize';
import type { Conclusion, ExamKind } from '../kinds';

const bare = (v: string) => halfWidth(v).trim().replace(/\s+/g, '').toLowerCase();

const KIND_WORDS: readonly (readonly [ExamKind, RegExp])[] = [
  ['pre_job', /^(pre_?job|pre-job|上岗前|岗前|入职|新入职|上岗)/],
  ['exit', /^(exit|离岗|离职|离岗时)/],
  ['emergency', /^(emergency|应急)/],
  ['women', /^(women|女工|妇科|两癌|妇女)/],
  ['periodic', /^(periodic|在岗|定期|年度|岗中|在岗期间)/],
];

/** 上岗前 / 在岗期间 / 离岗时 / 应急 / 女工 (and the English codes); null when empty, 'bad' otherwise. */
export function parseExamKind(v: string): ExamKind | 'bad' | null {
  const s = bare(v).replace(/体检|健康检查|检查|职业健康/g, '');
  if (!bare(v)) return null;
  for (const [k, re] of KIND_WORDS) if (re.test(s)) return k;
  return 'bad';
}

export interface ConclusionParsed {
  conclusion: Conclusion;
  recheckItems: string | null;
  recheckDue: string | null;
  contraindication: string | null;
  detail: string | null;
}

const DATE_IN_TEXT = /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;
/** What follows the keyword: in brackets, after a colon, or simply after it. */
function after(s: string, keyword: RegExp): string {
  const m = keyword.exec(s);
  let rest = m ? s.slice(m.index + m[0].length) : s;
  rest = rest.replace(/^[\s:：,，、;；-]+/, '');
  const br = /^[(（[【](.*?)[)）\]】]?\s*$/.exec(rest);
  if (br) rest = br[1]!;
  return rest.replace(/[)）\]】]\s*$/, '').trim();
}

/**
 * The conclusion cell: 目前未见异常 / 未见异常 / 正常 → normal; 复查 (items and a date by when, in the cell or in their
 * own columns); 疑似职业病 (its name → detail); 职业禁忌证 (which → contraindication); 其他疾病或异常 (what → detail).
 * null when empty, 'bad' when none of these.
 */
export function parseConclusion(v: string): ConclusionParsed | 'bad' | null {
  const s = halfWidth(v).trim();
  if (!s) return null;
  const none = { recheckItems: null, recheckDue: null, contraindication: null, detail: null };
  const low = s.toLowerCase();
  if (/禁忌/.test(s) || low.startsWith('contraindication')) {
    const which = after(s, /(职业)?禁忌(证|症)?|contraindication/i);
    return { ...none, conclusion: 'contraindication', contraindication: which || null };
  }
  if (/疑似/.test(s) || low.startsWith('suspected')) {
    const what = after(s, /疑似(职业病)?|suspected/i);
    return { ...none, conclusion: 'suspected', detail: what || null };
  }
  if (/复查|复检|recheck/i.test(s)) {
    let rest = after(s, /(需要?|建议)?(复查|复检)|recheck/i);
    let due: string | null = null;
    const d = DATE_IN_TEXT.exec(rest);
    if (d) {
      const p = parseLooseDate(`${d[1]}-${d[2]}-${d[3]}`);
      due = p && p !== 'bad' ? p : null;
      rest = (rest.slice(0, d.index) + rest.slice(d.index + d[0].length)).replace(/(之前|以前|前)/, '');
    }
    const items = rest.replace(/^[\s,，、;；:：]+|[\s,，、;；:：]+$/g, '').replace(/^(项目|内容)[:：]?/, '').trim();
    return { ...none, conclusion: 'recheck', recheckItems: items || null, recheckDue: due };
  }
  if (/未见(明显)?异常|无异常|^正常|^合格|^normal/i.test(s)) return { ...none, conclusion: 'normal' };
  if (/其他|其它|异常|疾病|^other/i.test(s)) {
    const what = after(s, /其他疾病或异常|其它疾病或异常|其他疾病|其它疾病|其他异常|其他|其它|other/i);
    return { ...none, conclusion: 'other', detail: what || s };
  }
  return 'bad';
}

/** The items of a list cell: 噪声、苯; 噪声,苯 / 噪声 苯 (empty parts dropped). */
export function splitList(v: string): string[] {
  return halfWidth(v)
    .split(/[、,，;；/\s|]+/)
    .map((x) => x.trim())
    .filter(Boolean);
}

/** 是 / 有 / √ / y / 1 → true; 否 / 无 / × / n / 0 → false; null when empty, 'bad' otherwise. */
export function parseYesNo(v: string): boolean | 'bad' | null {
  const s = bare(v);
  if (!s) return null;
  if (/^(是|有|√|✓|✔|y|yes|true|1|已筛查|已做|做)$/.test(s)) return true;
  if (/^(否|无|不|×|✗|x|n|no|false|0|未筛查|未做|-)$/.test(s)) return false;
  return 'bad';
}

export interface FactorKey {
  id: string;
  code: string;
  name: string;
  levelNote: string | null;
  synonyms: readonly string[];
}

/**
 * A factor named in a cell, against the interval table: a synonym first (噪声 is the ≥ 85 dB(A) row's), then the code,
 * then the name with its level (噪声80-85dB(A)), then the name. null when none fits.
 */
export function matchFactor(word: string, factors: readonly FactorKey[]): FactorKey | null {
  const k = bare(word);
  if (!k) return null;
  return (
    factors.find((f) => f.synonyms.some((s) => bare(s) === k)) ??
    factors.find((f) => bare(f.code) === k) ??
    factors.find((f) => f.levelNote !== null && bare(f.name + f.levelNote) === k) ??
    factors.find((f) => bare(f.name) === k) ??
    null
  );
}
