/**
 * The checksum every log record and checkpoint is sealed with must stay the
 * CRC-32 it always was (records written by earlier versions are checked with
 * it), whatever the speed-ups: compared with zlib's at every length and
 * alignment, whole and chained.
 */
import { crc32 as zlibCrc32 } from 'node:zlib';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { crc32, crc32InSlices } from '../../../src/persistence/checksum';
import { checkpointChecksum, sealCheckpoint } from '../../../src/persistence/records';

test('equals zlib’s CRC-32 for any bytes, at any offset in their buffer, whole or in two pieces', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), fc.nat(300), (bytes, offset, cut) => {
      const buffer = new Uint8Array(bytes.length + offset);
      buffer.set(bytes, offset);
      const view = buffer.subarray(offset);
      const at = Math.min(cut, view.length);
      expect(crc32(view)).toBe(zlibCrc32(view));
      expect(crc32(view.subarray(at), crc32(view.subarray(0, at)))).toBe(zlibCrc32(view));
    }),
    { numRuns: 2_000 },
  );
});

test('a whole checkpoint-sized image, and the empty one', () => {
  const image = new Uint8Array(3 * 1024 * 1024 + 5);
  for (let i = 0; i < image.length; i++) image[i] = (i * 2654435761) >>> 24;
  expect(crc32(image)).toBe(zlibCrc32(image));
  expect(crc32(new Uint8Array(0))).toBe(0);
});

test('computed a slice at a time, it is the same CRC, and other work runs between the slices', async () => {
  const image = new Uint8Array(5 * 1024 * 1024 + 3);
  for (let i = 0; i < image.length; i++) image[i] = (i * 40503) >>> 8;
  let ranBetween = 0;
  const other = (async () => {
    for (let i = 0; i < 3; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      ranBetween++;
    }
  })();
  const sliced = await crc32InSlices(image, 12345);
  const whileSlicing = ranBetween;
  await other;
  expect(sliced).toBe(crc32(image, 12345));
  expect(whileSlicing).toBeGreaterThan(0);
  expect(await crc32InSlices(new Uint8Array(0), 12345)).toBe(crc32(new Uint8Array(0), 12345));
});

test('a sealed checkpoint: the same checksum as in one go, and a Blob holding exactly its bytes, built while other work runs', async () => {
  for (const length of [0, 1, (3 << 20) + 5]) {
    const image = new Uint8Array(length).map((_, i) => (i * 7919) & 0xff);
    let ranBetween = 0;
    const other = (async () => {
      for (let i = 0; i < 3; i++) {
        await new Promise((resolve) => setImmediate(resolve));
        ranBetween++;
      }
    })();
    const sealed = await sealCheckpoint(42, image);
    const whileSealing = ranBetween;
    await other;
    expect(sealed.checksum).toBe(checkpointChecksum(42, image));
    expect(sealed.checksum).not.toBe(checkpointChecksum(43, image));
    // Compared as a Buffer: an element-by-element deep equality over megabytes takes minutes.
    expect(Buffer.from(await sealed.blob.arrayBuffer()).equals(Buffer.from(image))).toBe(true);
    if (length > 1 << 20) expect(whileSealing).toBeGreaterThan(0);
  }
});
