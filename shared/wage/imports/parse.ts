// Cells of the wage sheets as offices write them: months (2026-03, 2026/3, 2026.3, 2026年3月, 202603, an Excel date or
// serial), hours with a unit (176小时, 176.5h, full-width digits), days and shifts (22天, 22班), points (-2, 扣2分,
// +3, 加3分), the kind of a behaviour record (违章 / 表扬 …) and an accident's severity (未遂 / 轻伤 / 重伤 / 死亡).
import { halfWidth, parseLooseDate } from '../../roster/normalize';
import type { AccidentSeverity, BehaviourKind } from '../records/types';

const monthOk = (y: number, m: number) => y >= 1900 && y <= 2200 && m >= 1 && m <= 12;
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

/** A month 'YYYY-MM'; null when empty, 'bad' when not a month. A date (2026-03-05, an Excel date) gives its month. */
export function parseMonth(v: string): string | 'bad' | null {
  const s = halfWidth(v).trim().replace(/\s+/g, '');
  if (!s) return null;
  const m = /^(\d{4})[-/.年](\d{1,2})月?(?:份)?$/.exec(s) ?? /^(\d{4})(\d{2})$/.exec(s);
  if (m) return monthOk(Number(m[1]), Number(m[2])) ? month(Number(m[1]), Number(m[2])) : 'bad';
  const d = parseLooseDate(s);
  if (d && d !== 'bad') return d.slice(0, 7);
  return 'bad';
}

/** The month named in a title row: 2026年3月份考勤表, 考勤表（2026-03）, 2026.3 出勤统计. null when none. */
export function monthInText(v: string): string | null {
  const s = halfWidth(v);
  const m = /(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月|份|\b)/.exec(s);
  if (m && monthOk(Number(m[1]), Number(m[2]))) return month(Number(m[1]), Number(m[2]));
  return null;
}

/**
 * A number with its unit written after it (小时, h, 工时, 天, 班, 个, 分) and full-width digits; null when empty,
 * 'bad' when not a number.
 */
export function parseAmount(v: string, units: RegExp = /(小时|工时|钟头|hours?|hrs?|h|天|日|班次|班|个|次|分)$/i): number | 'bad' | null {
  const s = halfWidth(v).trim().replace(/[\s,，]/g, '').replace(units, '');
  if (!s) return v.trim() === '' ? null : 'bad';
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return 'bad';
  const n = Number(s);
  return Number.isFinite(n) ? n : 'bad';
}

/** Hours: 176, 176.5, 176小时, 176h, １７６; a cell of two decimals at most (rounded to two when Excel wrote 176.49999). */
export function parseHours(v: string): number | 'bad' | null {
  const n = parseAmount(v);
  if (n === null || n === 'bad') return n;
  return Math.round(n * 100) / 100;
}

/** Shifts or days worked: 22, 22天, 22班 (a whole number; 21.0 reads as 21). */
export function parseShifts(v: string): number | 'bad' | null {
  const n = parseAmount(v);
  if (n === null || n === 'bad') return n;
  return Number.isInteger(Math.round(n * 1e6) / 1e6) ? Math.round(n) : 'bad';
}

/**
 * Points with their sign: -2, －２, 扣2分, 扣 2, +3, 加3分, 奖3分. `sign`: -1 when the text says 扣, +1 when it says
 * 加 or 奖 or has a + sign, 0 when it only gives a number. null when empty, 'bad' otherwise.
 */
export function parsePoints(v: string): { value: number; sign: -1 | 0 | 1 } | 'bad' | null {
  let s = halfWidth(v).trim().replace(/\s+/g, '');
  if (!s) return null;
  let sign: -1 | 0 | 1 = 0;
  const word = /^(扣|减|罚|扣除)/.exec(s) ?? /^(加|奖|奖励|增加)/.exec(s);
  if (word) {
    sign = /^(扣|减|罚)/.test(word[1]!) ? -1 : 1;
    s = s.slice(word[1]!.length);
  }
  s = s.replace(/分$/, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return 'bad';
  let n = Number(s);
  if (s.startsWith('-')) sign = -1;
  else if (s.startsWith('+')) sign = 1;
  if (sign === -1) n = -Math.abs(n);
  return { value: Math.round(n * 100) / 100, sign };
}

const VIOLATION_WORDS = ['违章', '违规', '违纪', '违反', '扣分', '处罚', '考核扣分', '不安全行为', '三违', 'violation'];
const GOOD_WORDS = ['表扬', '奖励', '加分', '良好', '安全行为', '好人好事', '合理化建议', '建议', '制止', '嘉奖', '表彰', 'goodact', 'good act', 'good'];
/** 违章 / 违规 … → violation; 表扬 / 奖励 / 加分 / 安全行为 … → good_act; null when empty, 'bad' otherwise. */
export function parseBehaviourKind(v: string): BehaviourKind | 'bad' | null {
  const s = halfWidth(v).trim().toLowerCase().replace(/[_\s]+/g, ' ');
  if (!s) return null;
  if (s === 'violation' || s === 'good_act' || s === 'good act') return s === 'violation' ? 'violation' : 'good_act';
  if (VIOLATION_WORDS.some((w) => s.includes(w))) return 'violation';
  if (GOOD_WORDS.some((w) => s.includes(w))) return 'good_act';
  return 'bad';
}

const SEVERITY: readonly (readonly [AccidentSeverity, readonly string[]])[] = [
  ['death', ['死亡', '亡人', '死', 'death', 'fatal']],
  ['serious_injury', ['重伤', 'serious']],
  ['minor_injury', ['轻伤', 'minor']],
  ['near_miss', ['未遂', '险肇', '险兆', '未伤', 'near']],
];
/** 未遂（事件）/ 险肇 → near_miss, 轻伤, 重伤, 死亡 (and the English words); null when empty, 'bad' otherwise. */
export function parseSeverity(v: string): AccidentSeverity | 'bad' | null {
  const s = halfWidth(v).trim().toLowerCase().replace(/\s+/g, '');
  if (!s) return null;
  if (s === 'near_miss' || s === 'minor_injury' || s === 'serious_injury' || s === 'death') return s;
  for (const [k, words] of SEVERITY) if (words.some((w) => s.includes(w))) return k;
  return 'bad';
}

/**
 * The people of an accident as written: 工号 or names separated by 、，,;；/ or new lines; "W001 张三" or "张三(W001)"
 * give both. Each entry: the employee number if one is written, and the name.
 */
export function splitPeople(v: string): { empNo: string | null; name: string | null; text: string }[] {
  const out: { empNo: string | null; name: string | null; text: string }[] = [];
  for (const raw of halfWidth(v).split(/[,，、;；/|\n]+/)) {
    const text = raw.trim();
    if (!text) continue;
    const tokens = text.replace(/[()（）[\]【】]/g, ' ').split(/\s+/).filter(Boolean);
    const empNo = tokens.find((t) => /^[A-Za-z0-9_-]{1,32}$/.test(t) && /\d/.test(t)) ?? null;
    const name = tokens.filter((t) => t !== empNo).join('') || null;
    out.push({ empNo, name, text });
  }
  return out;
}
