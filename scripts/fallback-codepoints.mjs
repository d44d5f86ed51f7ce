// Prints (hex, one a line) the CJK ideographs Noto Sans CJK SC has and Noto Sans SC (the PDF font) lacks in either
// weight: the input of scripts/make-fallback-font.py. Needs Debian's fonts-noto-cjk; run by hand only.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit');
const pkg = 'node_modules/@expo-google-fonts/noto-sans-sc';
const sc = fontkit.openSync(`${pkg}/400Regular/NotoSansSC_400Regular.ttf`);
const scBold = fontkit.openSync(`${pkg}/700Bold/NotoSansSC_700Bold.ttf`);
const cjk = fontkit.openSync('/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc').fonts[2]; // the SC face
const ideograph = (cp) =>
  (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3ffff) ||
  (cp >= 0x2e80 && cp <= 0x2fdf) || (cp >= 0x31c0 && cp <= 0x31ef);
const out = cjk.characterSet.filter((cp) => ideograph(cp) && !(sc.hasGlyphForCodePoint(cp) && scBold.hasGlyphForCodePoint(cp)));
process.stdout.write(`${out.map((cp) => cp.toString(16)).join('\n')}\n`);
