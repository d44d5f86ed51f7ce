// The CJK font for generated PDFs: Noto Sans SC (SIL OFL 1.1) from the npm package @expo-google-fonts/noto-sans-sc.
// In development it is read from node_modules; the packaged app ships the two weights as extraResources under
// `resources/fonts/` (see electron-builder.yml and resources/fonts/README.md). pdfkit embeds only the glyphs a document
// uses (a CID TrueType subset), so the 10 MB files never end up in a PDF.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../../../shared/result';

export const FONT_FILES = { regular: 'NotoSansSC_400Regular.ttf', bold: 'NotoSansSC_700Bold.ttf' } as const;
const PACKAGE = '@expo-google-fonts/noto-sans-sc';
/** the npm package keeps each weight in its own folder */
const PACKAGE_SUBDIRS = { regular: '400Regular', bold: '700Bold' } as const;

export interface FontPaths {
  regular: string;
  bold: string;
}

const isFile = (p: string) => {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Both weights in `dir`, flat (resources/fonts, ANKANG_FONT_DIR) or in the npm package's per-weight folders. */
function inDir(dir: string): FontPaths | null {
  const flat = { regular: path.join(dir, FONT_FILES.regular), bold: path.join(dir, FONT_FILES.bold) };
  if (isFile(flat.regular) && isFile(flat.bold)) return flat;
  const nested = {
    regular: path.join(dir, PACKAGE_SUBDIRS.regular, FONT_FILES.regular),
    bold: path.join(dir, PACKAGE_SUBDIRS.bold, FONT_FILES.bold),
  };
  if (isFile(nested.regular) && isFile(nested.bold)) return nested;
  return null;
}

function packageDir(): string | null {
  // the node bundles are CommonJS (and vitest provides `require`); an ESM caller resolves from the working directory
  const req = typeof require === 'function' && typeof require.resolve === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
  try {
    return path.dirname(req.resolve(`${PACKAGE}/package.json`));
  } catch {
    return null;
  }
}

/**
 * Where the two TTFs are: $ANKANG_FONT_DIR, then `<resourcesPath>/fonts` in the packaged Electron app, then the npm
 * package. Throws AppError('INTERNAL') naming every place it looked when none has both files.
 */
export function fontPaths(): FontPaths {
  const tried: string[] = [];
  const envDir = process.env.ANKANG_FONT_DIR;
  if (envDir) {
    const p = inDir(envDir);
    if (p) return p;
    tried.push(`ANKANG_FONT_DIR=${envDir}`);
  }
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) {
    const dir = path.join(resourcesPath, 'fonts');
    const p = inDir(dir);
    if (p) return p;
    tried.push(dir);
  }
  const pkg = packageDir();
  if (pkg) {
    const p = inDir(pkg);
    if (p) return p;
    tried.push(pkg);
  } else {
    tried.push(`${PACKAGE} (not installed)`);
  }
  throw new AppError('INTERNAL', 'err.pdf.fontMissing', {
    files: `${FONT_FILES.regular}, ${FONT_FILES.bold}`,
    tried: tried.join('; '),
  });
}

export interface FontData {
  regular: Buffer;
  bold: Buffer;
}

let cache: FontData | null = null;

/** The two font files, read once per process and kept in memory (about 20 MB). */
export function loadFonts(): FontData {
  if (cache) return cache;
  const p = fontPaths();
  try {
    cache = { regular: fs.readFileSync(p.regular), bold: fs.readFileSync(p.bold) };
  } catch (e) {
    throw new AppError('INTERNAL', 'err.pdf.fontUnreadable', { cause: (e as Error).message, paths: p });
  }
  return cache;
}

/** A parsed font as pdfkit's fontkit makes it; pdfkit's registerFont/font accept one (pdfkit ≥ 0.16, public API). */
export type ParsedFont = { readonly layout: (...args: never[]) => unknown };
export interface ParsedFonts {
  regular: ParsedFont;
  bold: ParsedFont;
}
let parsed: (ParsedFonts & { source: FontData }) | null = null;

/** The fontkit that pdfkit itself uses (resolved from pdfkit's folder, so the versions always match). */
function pdfkitFontkit(): { create(data: Uint8Array): unknown } {
  const req = typeof require === 'function' && typeof require.resolve === 'function' ? require : createRequire(path.join(process.cwd(), 'index.js'));
  return createRequire(req.resolve('pdfkit'))('fontkit') as { create(data: Uint8Array): unknown };
}

/**
 * Both weights parsed once per process (the 10 MB files take a while to parse); every document still embeds its own
 * subset of the glyphs it uses.
 */
export function parsedFonts(): ParsedFonts {
  const data = loadFonts();
  if (parsed?.source === data) return parsed;
  try {
    const fontkit = pdfkitFontkit();
    const regular = fontkit.create(data.regular) as ParsedFont;
    const bold = fontkit.create(data.bold) as ParsedFont;
    if (typeof regular?.layout !== 'function' || typeof bold?.layout !== 'function') throw new Error('not a single TrueType font');
    parsed = { source: data, regular, bold };
  } catch (e) {
    throw new AppError('INTERNAL', 'err.pdf.fontUnreadable', { cause: (e as Error).message, paths: fontPaths() });
  }
  return parsed;
}

/** Forget the cached buffers and parsed fonts (tests, or after ANKANG_FONT_DIR changed). */
export function resetFontCache(): void {
  cache = null;
  parsed = null;
  fallback = undefined;
}

// ---- the fallback for rare characters ----
// Noto Sans SC has no CJK Extension B (𠮷 U+20BB7, 𡈽, …), which people's names do use. A subset of Noto Sans CJK SC
// with exactly the ideographs Noto Sans SC lacks (about 2,400, 650 KB per weight; SIL OFL 1.1, made by
// scripts/make-fallback-font.py) lives in the repository under resources/fonts and in the packaged app's
// resources; text runs in those characters are drawn with it (./fallback.ts). Never a system font.

export const FALLBACK_FILES = { regular: 'NotoSansCJKsc-Fallback-Regular.otf', bold: 'NotoSansCJKsc-Fallback-Bold.otf' } as const;

/** Folders that may hold the fallback fonts: $ANKANG_FONT_DIR, the packaged resources, the repository's resources/fonts. */
function fallbackDirs(): string[] {
  const dirs: string[] = [];
  if (process.env.ANKANG_FONT_DIR) dirs.push(process.env.ANKANG_FONT_DIR);
  const resourcesPath = (process as { resourcesPath?: string }).resourcesPath;
  if (resourcesPath) dirs.push(path.join(resourcesPath, 'fonts'));
  // bundles run from out/<host>/, sources (tests) from electron/core/documents/pdf/, tools from the repository root
  const here = typeof __dirname === 'string' ? __dirname : process.cwd();
  dirs.push(path.resolve(here, '../../resources/fonts'), path.resolve(here, '../../../../resources/fonts'), path.join(process.cwd(), 'resources', 'fonts'));
  return dirs;
}

export function fallbackFontPaths(): FontPaths | null {
  for (const dir of fallbackDirs()) {
    const p = { regular: path.join(dir, FALLBACK_FILES.regular), bold: path.join(dir, FALLBACK_FILES.bold) };
    if (isFile(p.regular) && isFile(p.bold)) return p;
  }
  return null;
}

type CoverageFont = ParsedFont & { characterSet: number[]; hasGlyphForCodePoint(cp: number): boolean };
export interface FallbackFonts extends ParsedFonts {
  /** code points drawn with the fallback when the primary regular / bold font is current */
  forRegular: ReadonlySet<number>;
  forBold: ReadonlySet<number>;
}
let fallback: FallbackFonts | null | undefined;

/** The fallback fonts, parsed once per process, with the code points each primary weight lacks; null when absent. */
export function parsedFallbackFonts(): FallbackFonts | null {
  if (fallback !== undefined) return fallback;
  const p = fallbackFontPaths();
  if (!p) return (fallback = null);
  const primary = parsedFonts() as unknown as { regular: CoverageFont; bold: CoverageFont };
  const fontkit = pdfkitFontkit();
  const regular = fontkit.create(fs.readFileSync(p.regular)) as CoverageFont;
  const bold = fontkit.create(fs.readFileSync(p.bold)) as CoverageFont;
  const lacking = (main: CoverageFont, fb: CoverageFont) => new Set(fb.characterSet.filter((cp) => cp > 0x2e7f && !main.hasGlyphForCodePoint(cp)));
  fallback = { regular, bold, forRegular: lacking(primary.regular, regular), forBold: lacking(primary.bold, bold) };
  return fallback;
}
