// How workshops and teams are listed (a run's group totals, the monthly summary PDF): by the organisation's own order
// (org_units.sort_order, set in the roster's organisation editor), then by a natural order of their names — numbers by
// value whether written in digits (2 before 10) or in Chinese (一 二 三 … 十 十一 …, 一车间 before 二车间 before 十车间),
// the heavenly stems in their order (甲 乙 丙 丁 戊 己 庚 辛 壬 癸: 甲班 before 乙班 before 丙班), anything else by the
// Chinese collation. The unplaced (no unit) last.

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const STEMS = '甲乙丙丁戊己庚辛壬癸';
const TOKEN = /(\d+)|([零〇一二两三四五六七八九十百千]+)|([甲乙丙丁戊己庚辛壬癸])|([^\d零〇一二两三四五六七八九十百千甲乙丙丁戊己庚辛壬癸]+)/gu;

/** 一 → 1, 十一 → 11, 二十 → 20, 一百零五 → 105 (a run of Chinese numerals). */
export function chineseNumber(s: string): number {
  let total = 0;
  let digit = 0;
  for (const ch of s) {
    if (ch in CN_DIGITS) digit = CN_DIGITS[ch]!;
    else {
      total += (digit || 1) * CN_UNITS[ch]!;
      digit = 0;
    }
  }
  return total + digit;
}

type Token = { n: number; kind: 0 } | { s: string; kind: 1 };

function tokens(name: string): Token[] {
  const out: Token[] = [];
  for (const m of name.matchAll(TOKEN)) {
    if (m[1] !== undefined) out.push({ n: Number(m[1]), kind: 0 });
    else if (m[2] !== undefined) out.push({ n: chineseNumber(m[2]), kind: 0 });
    else if (m[3] !== undefined) out.push({ n: STEMS.indexOf(m[3]), kind: 0 });
    else out.push({ s: m[4]!, kind: 1 });
  }
  return out;
}

const collator = new Intl.Collator('zh-CN');

/** Natural order of two unit names: numbers (digits, Chinese numerals, heavenly stems) by value, the rest by collation. */
export function naturalCompare(a: string, b: string): number {
  if (a === b) return 0;
  const x = tokens(a);
  const y = tokens(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p.kind === 0 && q.kind === 0) {
      if (p.n !== q.n) return p.n - q.n;
    } else if (p.kind === 1 && q.kind === 1) {
      const c = collator.compare(p.s, q.s);
      if (c !== 0) return c;
    } else return p.kind - q.kind; // a number before a word
  }
  return x.length - y.length || collator.compare(a, b);
}

/** One organisation unit as listed: its order in the organisation (null: none, e.g. the unplaced) and its name. */
export interface OrderedUnit {
  sortOrder: number | null;
  name: string | null;
}

/** Units by sort_order then natural name; the unplaced (name null) last. */
export function compareUnits(a: OrderedUnit, b: OrderedUnit): number {
  if ((a.name === null) !== (b.name === null)) return a.name === null ? 1 : -1;
  if (a.name === null || b.name === null) return 0;
  return (a.sortOrder ?? 0) - (b.sortOrder ?? 0) || naturalCompare(a.name, b.name);
}

/**
 * Group totals in the order they are listed: by team, the workshop first (its order), then the team; the unplaced of
 * each last. `workshop` is null when listing by workshop.
 */
export function compareGroups(a: { unit: OrderedUnit; workshop: OrderedUnit | null }, b: { unit: OrderedUnit; workshop: OrderedUnit | null }): number {
  if (a.workshop && b.workshop) {
    const w = compareUnits(a.workshop, b.workshop);
    if (w !== 0) return w;
  }
  return compareUnits(a.unit, b.unit);
}
