// Photos in a real Chromium: the picker states the limits; a phone photo too large to send (over 10 MB, 27 MP, turned
// by its EXIF orientation, carrying GPS) is shrunk in the page to 2,560 px on its long edge and uploads; a PNG whose
// header claims 16,383 × 16,383 pixels is refused by the backend with a sentence naming its size.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../shared/enterprise/uscc';
import { api, TAB, useE2E } from './fixtures';
import { LedgerPage, SetupPage, Shell, toast } from './pages';

const USCC = ((first17: string) => first17 + usccCheckChar(first17))('91321283MA1PH0T05');

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('photos (browser host + Chromium)', () => {
  const app = useE2E();
  let tmp: string;
  const phone = { file: '', bytes: 0 };
  let liar = '';

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ankang-photos-e2e-'));
    // a 6000 × 4500 sensor image, left half red and right half blue, with noise so that it is big as a JPEG; the phone
    // held upright (EXIF orientation 6: turn 90° clockwise), so it shows 4500 × 6000 with red on top
    const W = 6000;
    const H = 4500;
    const raw = randomBytes(W * H * 3);
    for (let y = 0; y < H; y++) {
      for (let x = 0; x < W; x++) {
        const i = (y * W + x) * 3;
        const n = raw[i]! & 0x3f;
        if (x < W / 2) raw.set([190 + n, n, n], i);
        else raw.set([n, n, 190 + n], i);
      }
    }
    phone.file = path.join(tmp, 'IMG_0042.jpg');
    await sharp(raw, { raw: { width: W, height: H, channels: 3 } })
      .withExif({ IFD0: { Make: 'PhoneMaker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 55/1 0/1' } })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 95 })
      .toFile(phone.file);
    phone.bytes = fs.statSync(phone.file).size;

    const png = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toBuffer());
    png.writeUInt32BE(16_383, 16);
    png.writeUInt32BE(16_383, 20);
    png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
    liar = path.join(tmp, '巨图.png');
    fs.writeFileSync(liar, png);
  }, 120_000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  const storedJpegs = () => {
    const root = path.join(app.dataDir, 'attachments');
    return fs.existsSync(root)
      ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && d.name.endsWith('.jpg')).map((d) => path.join(d.parentPath, d.name))
      : [];
  };

  it('the picker states the limits; a big phone photo is shrunk in the page, stored upright without EXIF', async () => {
    await new SetupPage(app.page).waitUntilVisible();
    await api(app.host, 'setup.init', {
      enterprise: { name: '泰州照片测试有限公司', uscc: USCC, headcount: 50 },
      operator: { empNo: 'P0001', name: '潘主席', gender: 'M', roles: ['union_officer'], pin: null },
    });
    await app.page.evaluate((k) => (globalThis as unknown as { sessionStorage: { setItem(a: string, b: string): void } }).sessionStorage.setItem('ankang.tab', k), TAB);
    await app.page.reload();
    await new Shell(app.page).waitSignedIn('潘主席');
    await new Shell(app.page).go('隐患台账');
    const ledger = new LedgerPage(app.page);
    await ledger.waitUntilVisible();
    await ledger.openQuickLog();
    const q = ledger.quickLog;
    await q.root.getByText('可粘贴、拖入或选择 JPEG/PNG/WebP 照片，单张不超过 10 MB、4000 万像素；大照片上传前自动缩小').waitFor();

    // sent as it is, this photo would be refused: over the photo limit and over the channel's input bound
    expect(phone.bytes).toBeGreaterThan(10 * 1024 * 1024);
    await q.photoInput.setInputFiles(phone.file);
    await q.thumb('IMG_0042.jpg').waitFor({ timeout: 60_000 });
    await app.shot('photos-01-shrunk-phone-photo');

    const [stored] = storedJpegs();
    expect(stored).toBeTruthy();
    const m = await sharp(stored).metadata();
    expect(m).toMatchObject({ format: 'jpeg', width: 1920, height: 2560 });
    expect(m.exif).toBeUndefined();
    expect(fs.readFileSync(stored!).includes(Buffer.from('PhoneMaker'))).toBe(false);
    // upright: the sensor's left (red) is on top, its right (blue) at the bottom
    const px = async (top: number): Promise<[number, number, number]> => {
      const { data } = await sharp(stored).extract({ left: 900, top, width: 100, height: 100 }).resize(1, 1).raw().toBuffer({ resolveWithObject: true });
      return [data[0]!, data[1]!, data[2]!];
    };
    const [r1, , b1] = await px(200);
    const [r2, , b2] = await px(2200);
    expect(r1).toBeGreaterThan(b1 + 100);
    expect(b2).toBeGreaterThan(r2 + 100);
  }, 120_000);

  it('a PNG claiming 16,383 × 16,383 pixels is refused with a sentence naming its size, and nothing is stored', async () => {
    const q = new LedgerPage(app.page).quickLog;
    const before = storedJpegs().length;
    await q.photoInput.setInputFiles(liar);
    await toast(app.page, '图片“巨图.png”为 16383 × 16383 像素，超过 4000 万像素的上限').waitFor();
    await app.shot('photos-02-too-many-pixels');
    expect(storedJpegs().length).toBe(before);
    expect(app.pageErrors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
  });
});
