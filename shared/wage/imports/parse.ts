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

/** A cell that says "none" the way sheets write it: -, —, /, 无, 休 (the worker was off): 0. */
const NONE_CELL = /^(-+|－+|—+|–|\/|无|休|休息|轮休|公休)$/;

/** Hours: 176, 176.5, 176小时, 176h, 176 小时, １７６, and -, 休 as 0; a cell of two decimals at most (rounded to two when
 * Excel wrote 176.49999). */
export function parseHours(v: string): number | 'bad' | null {
  if (NONE_CELL.test(halfWidth(v).trim())) return 0;
  const n = parseAmount(v);
  if (n === null || n === 'bad') return n;
  return Math.round(n * 100) / 100;
}

/** Shifts or days worked: 22, 22天, 22班 (a whole number; 21.0 reads as 21). */
export function parseShifts(v: string): number | 'bad' | null {
  if (NONE_CELL.test(halfWidth(v).trim())) return 0;
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
  const word = /^(扣除|扣|减去|减|罚|处罚)/.exec(s) ?? /^(奖励|增加|加|奖)/.exec(s);
  if (word) {
    sign = /^(扣|减|罚|处罚)/.test(word[1]!) ? -1 : 1;
    s = s.slice(word[1]!.length);
  }
  s = s.replace(/分半$/, '半').replace(/分$/, '');
  const cn = chineseNumber(s);
  if (cn !== null) s = String(cn);
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s)) return 'bad';
  let n = Number(s);
  if (s.startsWith('-')) sign = -1;
  else if (s.startsWith('+')) sign = 1;
  if (sign === -1) n = -Math.abs(n);
  return { value: Math.round(n * 100) / 100, sign };
}

const CN_DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 壹: 1, 二: 2, 两: 2, 贰: 2, 三: 3, 叁: 3, 四: 4, 肆: 4, 五: 5, 伍: 5, 六: 6, 陆: 6, 七: 7, 柒: 7, 八: 8, 捌: 8, 九: 9, 玖: 9 };
/**
 * A small number in Chinese words as point cells write it: 两, 五, 十, 十二, 二十, 九十九, 一百, 半 (0.5), 一点五, 两分半
 * (2.5 — 分 already taken off). null when the text is not one.
 */
export function chineseNumber(s: string): number | null {
  const m = /^([零〇一壹二两贰三叁四肆五伍六陆七柒八捌九玖十拾百佰]*)(?:点([零〇一二三四五六七八九]+)|(半))?$/.exec(s);
  if (!m || (!m[1] && !m[3])) return null;
  let whole = 0;
  if (m[1]) {
    const t = m[1];
    const hundred = /^([一壹二两贰三叁四肆五伍六陆七柒八捌九玖])?[百佰](.*)$/.exec(t);
    let rest = t;
    if (hundred) {
      whole += (hundred[1] ? CN_DIGIT[hundred[1]]! : 1) * 100;
      rest = hundred[2]!.replace(/^[零〇]/, '');
    }
    if (rest) {
      const ten = /^([一壹二两贰三叁四肆五伍六陆七柒八捌九玖])?[十拾]([一壹二两贰三叁四肆五伍六陆七柒八捌九玖])?$/.exec(rest);
      if (ten) whole += (ten[1] ? CN_DIGIT[ten[1]]! : 1) * 10 + (ten[2] ? CN_DIGIT[ten[2]]! : 0);
      else if (rest.length === 1 && CN_DIGIT[rest] !== undefined) whole += CN_DIGIT[rest]!;
      else return null;
    }
  }
  if (m[2]) return Number(`${whole}.${[...m[2]].map((c) => CN_DIGIT[c]).join('')}`);
  return m[3] ? whole + 0.5 : whole;
}

// ---- the per-day timekeeping grid (考勤表: one column per day of the month) ----

/** A day's header: 1 … 31, 01, 1日, 1号, 第1天 (full-width too); null otherwise. */
export function dayOfHeader(v: string): number | null {
  const m = /^(?:第)?(\d{1,2})(?:日|号|天)?$/.exec(halfWidth(v).trim());
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

/**
 * The day columns of a header row: at least 28 cells that name the days 1, 2, 3 … in order (each one more than the
 * one before, left to right). Column index → day; empty when the row is not a grid's.
 */
export function dayColumns(row: readonly string[]): Map<number, number> {
  let best = new Map<number, number>();
  let run = new Map<number, number>();
  let last = 0;
  row.forEach((c, i) => {
    const d = dayOfHeader(c);
    if (d !== null && d === last + 1) {
      run.set(i, d);
      last = d;
    } else {
      if (run.size > best.size) best = run;
      run = d === 1 ? new Map([[i, 1]]) : new Map();
      last = d === 1 ? 1 : 0;
    }
  });
  if (run.size > best.size) best = run;
  return best.size >= 28 ? best : new Map();
}

/** A weekday row under the days (日 一 二 … 六, 星期一, 周一, Mon): not a record. */
export function isWeekdayRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 7 && filled.every((c) => /^(星期|周|礼拜)?[一二三四五六日天]$|^(mon|tue|wed|thu|fri|sat|sun)/i.test(c.trim()) || /^(星期|周次|week)$/i.test(c.trim()));
}

/** Marks of a day worked: √ ✓ ○ ● 〇 ◎ ☆ ★ △ and the shift's name (白 早 中 晚 夜, 班, 出勤). */
const WORKED_MARK = /^(√|✓|✔|☑|○|〇|●|◎|☆|★|△|▲|□|■|v|V|y|Y|出|出勤|到|上|班|白|白班|早|早班|中|中班|晚|晚班|夜|夜班|大夜|小夜|加|加班|正常)$/;
/** Marks of a day not worked: leave of every kind, absence, rest, a dash. */
const OFF_MARK = /^(-+|－+|—+|–|\/|×|✗|✘|x|X|0|无|休|休息|轮休|公休|假|事|事假|病|病假|婚|婚假|丧|丧假|产|产假|年|年假|年休|探|探亲|工伤|旷|旷工|缺|缺勤|调|调休|补休|离|离职|未到|停)$/;

/**
 * One day's cell of the grid: a number is the hours worked that day (8, 7.5, 8h, 8小时; 0 is a day off); a mark (√, ○,
 * 夜 …) a day worked without hours; 休, 假, 病, -, × … a day off; blank nothing. 'bad' for anything else.
 */
export function parseDayCell(v: string): { hours: number | null; worked: boolean } | 'bad' | null {
  const s = halfWidth(v).trim().replace(/\s+/g, '');
  if (!s) return null;
  if (WORKED_MARK.test(s)) return { hours: null, worked: true };
  if (OFF_MARK.test(s)) return { hours: 0, worked: false };
  const n = parseAmount(s, /(小时|工时|h|hrs?)$/i);
  if (typeof n === 'number' && n >= 0 && n <= 24) return { hours: Math.round(n * 100) / 100, worked: n > 0 };
  return 'bad';
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
