// Photos: the pixel count is checked from the header before anything is decoded; what is stored is upright, at most
// 2,560 px on its long edge, JPEG, and carries no metadata (phone photos carry GPS).
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_PHOTO_PIXELS, shrinkPlan, STORED_LONG_EDGE } from '../../shared/attachments/rules';
import type { AppErrorData } from '../../shared/result';
import { openTestCore, say, type TestCore } from '../helpers/core';

let tc: TestCore | null = null;
afterEach(() => {
  tc?.close();
  tc = null;
});

const b64 = (b: Buffer) => b.toString('base64');
const files = (root: string): string[] => (fs.existsSync(root) ? fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => path.join(d.parentPath, d.name)) : []);

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

/** A small real PNG whose header claims width × height (the IHDR chunk rewritten, its CRC fixed). */
async function liarPng(width: number, height: number): Promise<Buffer> {
  const png = Buffer.from(await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toBuffer());
  // signature (8) + length (4) + 'IHDR' (4) + width (4) + height (4) …; the CRC covers type and data (17 bytes)
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
  return png;
}

async function upload(t: TestCore, fileName: string, buf: Buffer) {
  const r = await t.core.dispatch('attachments.upload', { fileName, dataBase64: b64(buf) }, t.session);
  return r;
}

describe('photos', () => {
  it('a 16,383 × 16,383 PNG of a few KB is refused from its header, fast, storing nothing', async () => {
    tc = await openTestCore();
    const png = await liarPng(16_383, 16_383);
    expect(png.length).toBeLessThan(32 * 1024);
    expect((await sharp(png).metadata()).width).toBe(16_383);
    const t0 = Date.now();
    const r = await upload(tc, '巨图.png', png);
    expect(Date.now() - t0).toBeLessThan(500);
    expect(r.ok).toBe(false);
    const e = (r as { error: AppErrorData }).error;
    expect(e).toMatchObject({ code: 'BAD_FILE', message: 'err.photo.tooManyPixels', details: { width: 16_383, height: 16_383, mp: 40, wan: 4000 } });
    expect(say(e)).toBe('图片“巨图.png”为 16383 × 16383 像素，超过 4000 万像素的上限');
    expect(files(tc.core.paths.attachments)).toEqual([]);
    expect(tc.core.store.get<{ n: number }>('SELECT COUNT(*) AS n FROM attachments')!.n).toBe(0);
    // just over the bound too; just under it is decoded (and, being a liar, found unreadable — not accepted)
    const over = await upload(tc, 'over.png', await liarPng(8000, MAX_PHOTO_PIXELS / 8000 + 1));
    expect(over.ok || over.error.message).toBe('err.photo.tooManyPixels');
    const under = await upload(tc, 'under.png', await liarPng(8000, MAX_PHOTO_PIXELS / 8000));
    expect(under.ok || under.error.message).toBe('err.photo.unreadable');
  });

  it('a phone JPEG with GPS and an orientation is stored upright, long edge ≤ 2,560, without any EXIF', async () => {
    tc = await openTestCore();
    const phone = await sharp({ create: { width: 4000, height: 3000, channels: 3, background: '#336699' } })
      .withExif({
        IFD0: { Make: 'PhoneMaker', Model: 'X1' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '32/1 29/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '119/1 55/1 0/1' },
      })
      .withMetadata({ orientation: 6 })
      .jpeg({ quality: 90 })
      .toBuffer();
    const inMeta = await sharp(phone).metadata();
    expect(inMeta.exif).toBeDefined();
    expect(inMeta.orientation).toBe(6);
    expect(phone.includes(Buffer.from('PhoneMaker'))).toBe(true);

    const r = await upload(tc, '现场.jpg', phone);
    expect(r.ok).toBe(true);
    const a = (r as { value: { id: string; sha256: string; mime: string; width: number; height: number; bytes: number } }).value;
    // turned by its orientation (landscape sensor, portrait photo), then shrunk
    expect(a).toMatchObject({ mime: 'image/jpeg', width: 1920, height: STORED_LONG_EDGE });
    const stored = fs.readFileSync(path.join(tc.core.paths.attachments, a.sha256.slice(0, 2), `${a.sha256}.jpg`));
    expect(stored.length).toBe(a.bytes);
    const m = await sharp(stored).metadata();
    expect(m).toMatchObject({ format: 'jpeg', width: 1920, height: 2560 });
    expect(m.exif).toBeUndefined();
    expect(m.orientation).toBeUndefined();
    expect(m.icc).toBeUndefined();
    expect(stored.includes(Buffer.from('PhoneMaker'))).toBe(false);
    expect(stored.includes(Buffer.from('Exif\0\0'))).toBe(false);
    const full = await tc.call('attachments.get', { id: a.id, size: 'full' });
    expect(full).toMatchObject({ mime: 'image/jpeg', fileName: '现场.jpg' });
  });

  it('a PNG is stored as JPEG (transparency on white), under a .jpg name when saved', async () => {
    tc = await openTestCore();
    const png = await sharp({ create: { width: 300, height: 200, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } }).png().toBuffer();
    const r = await upload(tc, '截图.png', png);
    expect(r.ok).toBe(true);
    const a = (r as { value: { id: string; mime: string; width: number; height: number } }).value;
    expect(a).toMatchObject({ mime: 'image/jpeg', width: 300, height: 200 });
    const full = await tc.call('attachments.get', { id: a.id, size: 'full' });
    expect(full.fileName).toBe('截图.jpg');
    const { data } = await sharp(Buffer.from(full.dataBase64, 'base64')).raw().toBuffer({ resolveWithObject: true });
    expect(data[0]).toBeGreaterThan(240); // white, not black
  });
});

describe('shrinkPlan (the renderer shrinks big photos before upload)', () => {
  it('leaves small photos alone and draws big ones at most 2,560 px on the long edge', () => {
    expect(shrinkPlan(1600, 1200, 800_000)).toEqual({ shrink: false, width: 1600, height: 1200 });
    expect(shrinkPlan(4000, 3000, 3_000_000)).toEqual({ shrink: true, width: 2560, height: 1920 });
    expect(shrinkPlan(3000, 4000, 3_000_000)).toEqual({ shrink: true, width: 1920, height: 2560 });
    // a big file of modest size (a PNG screenshot): re-encoded at its size
    expect(shrinkPlan(2000, 2000, 12 * 1024 * 1024)).toEqual({ shrink: true, width: 2000, height: 2000 });
    // too many pixels
    expect(shrinkPlan(16_383, 16_383, 32_000)).toEqual({ shrink: true, width: 2560, height: 2560 });
    // unknown size: sent as it is (the backend decides)
    expect(shrinkPlan(0, 0, 100)).toEqual({ shrink: false, width: 0, height: 0 });
  });
});
