/**
 * Draws the app icons (a light loaf with three score marks on a terracotta
 * tile) as real PNG files with nothing but Node's zlib, so they can be
 * regenerated without an image editor: `node tests/tools/make-icons.mjs`.
 * Writes public/icon-192.png, icon-512.png, icon-maskable-512.png (full-bleed,
 * artwork inside the 80% safe zone) and apple-touch-icon.png (180, opaque).
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const TILE = [181, 86, 43];
const CREAM = [251, 241, 222];
const CRUST = [226, 170, 104];
const SCORE = [181, 110, 60];

const crcTable = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = ~0;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
};
const chunk = (type, data) => {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
};
function png(size, rgba) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Colour at (u, v) in 0..1 icon space, or null for transparent. `art` scales the loaf around the centre. */
function shade(u, v, { rounded, art }) {
  if (rounded) {
    const r = 0.22;
    const dx = Math.max(Math.abs(u - 0.5) - (0.5 - r), 0);
    const dy = Math.max(Math.abs(v - 0.5) - (0.5 - r), 0);
    if (dx * dx + dy * dy > r * r) return null;
  }
  const x = (u - 0.5) / art;
  const y = (v - 0.5) / art;
  // Loaf: a dome (half ellipse) over a rounded base.
  const dome = (x / 0.36) ** 2 + ((y + 0.02) / 0.3) ** 2 <= 1 && y <= 0.02;
  const base = Math.abs(x) <= 0.36 && y >= -0.02 && y <= 0.2 && !(Math.abs(x) > 0.3 && y > 0.14 && (Math.abs(x) - 0.3) ** 2 + (y - 0.14) ** 2 > 0.06 ** 2);
  if (!dome && !base) return TILE;
  // Three diagonal score marks across the dome.
  for (const cx of [-0.16, 0, 0.16]) {
    const along = (x - cx) * 0.6 + (y + 0.08) * 0.8;
    const across = (x - cx) * 0.8 - (y + 0.08) * 0.6;
    if (Math.abs(across) < 0.022 && Math.abs(along) < 0.11) return SCORE;
  }
  return y > 0.12 ? CRUST : CREAM;
}

function draw(size, options) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = shade((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size, options);
          if (!c) continue;
          r += c[0]; g += c[1]; b += c[2]; a++;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) rgba.set([Math.round(r / a), Math.round(g / a), Math.round(b / a), Math.round((255 * a) / (n * n))], i);
    }
  }
  return png(size, rgba);
}

const out = new URL('../../public/', import.meta.url);
writeFileSync(new URL('icon-192.png', out), draw(192, { rounded: true, art: 1 }));
writeFileSync(new URL('icon-512.png', out), draw(512, { rounded: true, art: 1 }));
writeFileSync(new URL('icon-maskable-512.png', out), draw(512, { rounded: false, art: 0.78 }));
writeFileSync(new URL('apple-touch-icon.png', out), draw(180, { rounded: false, art: 0.9 }));
