// Worker values as people type them in China, normalised the same way by the worker form (through the schema) and
// by the roster import: dates (2019/3/5, 2019.3.5, 20190305, 2019年3月5日, an Excel serial), phone numbers (spaces,
// dashes, +86), ID card numbers (full-width digits, spaces, a lost-digits number from Excel), names with full-width
// spaces (a full-width space inside 张 三 or 金工 车间 goes), skill grades (初级工…高级技师, 一级…五级, 1–5) and yes/no cells.
import { isValidIsoDate } from '../kernel/schemas';

/** Full-width ASCII (Ａ１２３－) to half-width; the ideographic space to a plain space. */
export function halfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

const CJK = '\\u2e80-\\u9fff\\uf900-\\ufaff\\u{20000}-\\u{3134f}';
const SPACE_BETWEEN_CJK = new RegExp(`(?<=[${CJK}])[\\s\\u3000\\u00a0]+(?=[${CJK}])`, 'gu');

/**
 * A name or a unit name: trimmed; spaces between Chinese characters removed (full-width ones too: 张 三 → 张三);
 * other runs of spaces become one (Li  Na → Li Na).
 */
export function normalizeName(v: string): string {
  if (!/[\s\u3000\u00a0]/.test(v)) return v; // the usual case, cheaply
  return v
    .replace(/[\u3000\u00a0\t\r\n]/g, ' ')
    .trim()
    .replace(SPACE_BETWEEN_CJK, '')
    .replace(/ {2,}/g, ' ');
}

/**
 * Dates as people type them: 2024-03-05, 2024/3/5, 2024.3.5, 20240305, 2024年3月5日 (a time after the date is
 * ignored), or an Excel serial number. null when empty, 'bad' when not a date.
 */
export function parseLooseDate(v: string): string | 'bad' | null {
  const s = halfWidth(v).trim();
  if (!s) return null;
  let m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T].*)?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    return isValidIsoDate(iso) ? iso : 'bad';
  }
  m = /^(\d{5})(\.\d+)?$/.exec(s);
  if (m) {
    const d = new Date(Date.UTC(1899, 11, 30) + Number(m[1]) * 86400000);
    const iso = d.toISOString().slice(0, 10);
    return isValidIsoDate(iso) ? iso : 'bad';
  }
  return 'bad';
}

/**
 * A phone number without its decoration: spaces, dashes and dots inside a mobile number (138-0576-9999,
 * 138 0576 9999), the country code (+86, 0086, 86-), brackets around an area code ((0523)8765 4321 → 0523-87654321).
 * What is not recognisably a phone number is returned with only its spaces removed (the schema then refuses it).
 */
export function normalizePhone(v: string): string {
  const s = halfWidth(v).replace(/\s+/g, '');
  if (s === '') return '';
  const digits = s.replace(/[-.()]/g, '');
  const mobile = /^(?:\+?86|0086)?(1\d{10})$/.exec(digits);
  if (mobile) return mobile[1]!;
  const landline = /^\(?(0\d{2,3})[)-]-?(\d{3,4})-?(\d{4})$/.exec(s);
  if (landline) return `${landline[1]}-${landline[2]}${landline[3]}`;
  return s;
}

/** An ID card number as typed or pasted: full-width digits and X made half-width, spaces removed, x upper-cased. */
export function normalizeIdCardText(v: string): string {
  return halfWidth(v).replace(/[\s\u00a0]+/g, '').toUpperCase();
}

/**
 * An ID card number that went through a number cell: Excel keeps 15 significant digits, so the file holds
 * 3.20102199001011E+17 (or 320102199001011000 once formatted without decimals). Its last digits are gone.
 */
export function idCardLostDigits(v: string): boolean {
  return /^\d(?:\.\d+)?E\+?\d+$/i.test(v);
}

const GRADE: Record<string, number> = {
  一级: 1, 二级: 2, 三级: 3, 四级: 4, 五级: 5,
  '1级': 1, '2级': 2, '3级': 3, '4级': 4, '5级': 5,
  高级技师: 1, 技师: 2, 高级: 3, 中级: 4, 初级: 5,
};
/**
 * The safety skill grade 1–5 (GB/T 一级 = 高级技师 … 五级 = 初级工): 1–5, 一级…五级, 初级/中级/高级 with or
 * without 工, 技师, 高级技师, and a note in brackets (三级（高级工）). null when empty, 'bad' otherwise.
 */
export function parseSkillGrade(v: string): number | 'bad' | null {
  const s = halfWidth(v).replace(/\s/g, '');
  if (s === '') return null;
  if (/^[1-5](?:\.0+)?$/.test(s)) return Number(s);
  const candidates = [s, s.replace(/\(.*$/, ''), s.replace(/^.*\((.*)\)$/, '$1')];
  for (const c of candidates) {
    const k = c.replace(/工$/, '').replace(/^技能/, '');
    const g = GRADE[k] ?? GRADE[c];
    if (g) return g;
  }
  return 'bad';
}

const TRUE = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '☑', '有']);
const FALSE = new Set(['否', 'n', 'no', 'false', '0', '', '×', '✗', '✘', '无', '-', '/', '不是']);
/** A yes/no cell: 是 √ ✓ Y 1 有 … / 否 × N 0 无 and empty. */
export function parseYesNo(v: string): boolean | 'bad' {
  const s = halfWidth(v).trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return 'bad';
}
