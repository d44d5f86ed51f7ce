// Rare characters in PDFs: a text run in characters the primary font (Noto Sans SC) lacks — CJK Extension B and later,
// as in the name 𠮷 — is drawn with the fallback font (fonts.ts, parsedFallbackFonts), on the primary font's baseline.
// pdfkit has no font fallback of its own; the document's measuring (widthOfString, which line wrapping, heights and
// ellipses all go through) and its line drawing (_fragment) learn about runs here, so layout code stays unchanged.
// Strings without such characters take pdfkit's own path untouched (same bytes as before), and the fallback font is
// only embedded in a document that uses it.
import type { FallbackFonts, ParsedFonts } from './fonts';

export const PDF_FALLBACK_FONT = { regular: 'NotoSansCJKsc-Fallback', bold: 'NotoSansCJKsc-Fallback-Bold' } as const;

type Opts = Record<string, unknown> & { align?: string; width?: number; lineWidth?: number; textWidth?: number; characterSpacing?: number; baseline?: unknown };
/** a font as fontkit parses it: the metrics pdfkit derives its ascender/descender from */
interface Metrics {
  ascent: number;
  descent: number;
  xHeight?: number;
  unitsPerEm: number;
}
/**
 * The parts of pdfkit's document this module wraps: the public font(), fontSize() and widthOfString(), and the one
 * private method every drawn line goes through, _fragment(text, x, y, options) (pdfkit ≥ 0.13; tests/unit/pdfRareChars
 * fails loudly should it change).
 */
interface DocApi {
  registerFont(name: string, src: unknown): unknown;
  font(src: unknown, family?: unknown, size?: unknown): unknown;
  fontSize(size: number): unknown;
  widthOfString(s: string, o?: Opts): number;
  _fragment(text: string, x: number, y: number, o: Opts): void;
}

export interface Run {
  text: string;
  fallback: boolean;
}

/** Splits `text` into runs of primary-font and fallback characters; null when no character needs the fallback. */
export function splitRuns(text: string, fallbackCps: ReadonlySet<number>): Run[] | null {
  let any = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x2e80) continue;
    const cp = text.codePointAt(i)!;
    if (fallbackCps.has(cp)) {
      any = true;
      break;
    }
    if (cp > 0xffff) i++;
  }
  if (!any) return null;
  const runs: Run[] = [];
  for (const ch of text) {
    const fb = fallbackCps.has(ch.codePointAt(0)!);
    const last = runs[runs.length - 1];
    if (last && last.fallback === fb) last.text += ch;
    else runs.push({ text: ch, fallback: fb });
  }
  return runs;
}

/** pdfkit's vertical offset of a line for a baseline option, in points, for a font with these metrics at `size`. */
function baselineOffset(m: Metrics, size: number, baseline: unknown): number {
  if (typeof baseline === 'number') return -baseline;
  const per = (v: number) => (v / m.unitsPerEm) * size;
  switch (baseline) {
    case 'svg-middle':
      return per(0.5 * (m.xHeight ?? 0));
    case 'middle':
    case 'svg-central':
      return per(0.5 * (m.descent + m.ascent));
    case 'bottom':
    case 'ideographic':
      return per(m.descent);
    case 'alphabetic':
      return 0;
    case 'mathematical':
      return per(0.5 * m.ascent);
    case 'hanging':
      return per(0.8 * m.ascent);
    default:
      return per(m.ascent);
  }
}

/**
 * Teaches `doc` to draw fallback runs. Call it right after registering the primary fonts `names` (before selecting
 * one): it registers the fallback fonts under PDF_FALLBACK_FONT and follows which font and size are selected.
 */
export function installFallback(pdfDoc: unknown, names: { regular: string; bold: string }, primary: ParsedFonts, fonts: FallbackFonts): void {
  const doc = pdfDoc as DocApi;
  if (typeof doc._fragment !== 'function') return; // a pdfkit without it: rare characters stay boxes (and the tests say so)
  doc.registerFont(PDF_FALLBACK_FONT.regular, fonts.regular);
  doc.registerFont(PDF_FALLBACK_FONT.bold, fonts.bold);
  const font = doc.font.bind(doc);
  const fontSize = doc.fontSize.bind(doc);
  const width = doc.widthOfString.bind(doc);
  const fragment = doc._fragment.bind(doc);

  // the selected font (its registered name) and size, as set through the public API
  let current: unknown = null;
  let size = 12;
  doc.font = (src: unknown, family?: unknown, sz?: unknown) => {
    current = src;
    if (typeof family === 'number') size = family;
    else if (typeof sz === 'number') size = sz;
    return font(src, family, sz);
  };
  doc.fontSize = (sz: number) => {
    size = sz;
    return fontSize(sz);
  };

  const bold = () => current === names.bold;
  const cpsNow = () => (current === names.bold ? fonts.forBold : current === names.regular ? fonts.forRegular : null);
  /** Runs `fn` with the fallback of the current weight selected, then selects the primary font again. */
  const withFallback = <T>(fn: () => T): T => {
    const saved = current;
    // while a fallback is selected, pdfkit's own measuring inside _fragment sees no runs (cpsNow() is null)
    current = bold() ? PDF_FALLBACK_FONT.bold : PDF_FALLBACK_FONT.regular;
    font(current);
    try {
      return fn();
    } finally {
      current = saved;
      font(saved);
    }
  };
  const runWidth = (r: Run, o: Opts) => (r.fallback ? withFallback(() => width(r.text, o)) : width(r.text, o));
  const runsOf = (s: string) => {
    const cps = cpsNow();
    return cps ? splitRuns(s, cps) : null;
  };

  doc.widthOfString = (s: string, o: Opts = {}) => {
    const runs = runsOf(`${s}`);
    if (!runs) return width(s, o);
    const gaps = ((o.characterSpacing ?? 0) * (runs.length - 1) * ((o.horizontalScaling as number | undefined) ?? 100)) / 100;
    return runs.reduce((w, r) => w + runWidth(r, o), 0) + gaps;
  };

  doc._fragment = (text: string, x: number, y: number, o: Opts) => {
    const line = `${text}`.replace(/\n/g, '');
    const runs = runsOf(line);
    if (!runs) return fragment(text, x, y, o);
    // alignment for the whole line (pdfkit would align each run on its own); justify is drawn left-aligned
    if (o.width) {
      if (o.align === 'right') x += (o.lineWidth ?? 0) - doc.widthOfString(line.replace(/\s+$/, ''), o);
      else if (o.align === 'center') x += (o.lineWidth ?? 0) / 2 - (o.textWidth ?? doc.widthOfString(line, o)) / 2;
    }
    // every run on the primary font's baseline
    const dy = baselineOffset((bold() ? primary.bold : primary.regular) as unknown as Metrics, size, o.baseline);
    const runOpts: Opts = { ...o, align: 'left', baseline: -dy, textWidth: undefined, wordCount: undefined, wordSpacing: 0 };
    const spacing = o.characterSpacing ?? 0;
    for (const r of runs) {
      if (r.fallback) withFallback(() => fragment(r.text, x, y, runOpts));
      else fragment(r.text, x, y, runOpts);
      x += runWidth(r, o) + spacing;
    }
  };
}
