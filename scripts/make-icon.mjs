// Writes resources/icon.png (512×512): the shield mark of resources/icon.svg, drawn without extra tools.
import fs from 'node:fs';
import zlib from 'node:zlib';

const N = 512;
const px = Buffer.alloc(N * (N * 4 + 1));
const teal = [15, 118, 110, 255];
const white = [255, 255, 255, 255];
const inRounded = (x, y) => {
  const r = 112, m = 0;
  const cx = Math.min(Math.max(x, m + r), N - m - r), cy = Math.min(Math.max(y, m + r), N - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const inShield = (x, y) => {
  const u = x / N * 64, v = y / N * 64;
  if (v < 10 || v > 54) return false;
  const half = v < 18 ? 18 * (v - 10) / 8 : v < 32 ? 18 : 18 * Math.sqrt(Math.max(0, 1 - ((v - 32) / 22) ** 2));
  return Math.abs(u - 32) <= half;
};
const distSeg = (px_, py, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px_ - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px_ - ax - t * dx, py - ay - t * dy);
};
const inCheck = (x, y) => {
  const u = x / N * 64, v = y / N * 64;
  return Math.min(distSeg(u, v, 24, 32, 30, 38), distSeg(u, v, 30, 38, 41, 26)) <= 2.5;
};
for (let y = 0; y < N; y++) {
  const row = y * (N * 4 + 1);
  px[row] = 0;
  for (let x = 0; x < N; x++) {
    const c = !inRounded(x, y) ? [0, 0, 0, 0] : inShield(x, y) && !inCheck(x, y) ? white : teal;
    px.set(c, row + 1 + x * 4);
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (b) => { let c = 0xffffffff; for (const x of b) c = crcTable[(c ^ x) & 0xff] ^ (c >>> 8); return (c ^ 0xffffffff) >>> 0; };
const chunk = (type, data) => {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4); c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0); ihdr.writeUInt32BE(N, 4); ihdr[8] = 8; ihdr[9] = 6;
const png = Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(px)), chunk('IEND', Buffer.alloc(0))]);
fs.writeFileSync(new URL('../resources/icon.png', import.meta.url), png);
console.log(`resources/icon.png ${png.length} bytes`);
