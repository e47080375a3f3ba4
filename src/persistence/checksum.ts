/**
 * CRC-32 (IEEE 802.3, the zlib polynomial) over byte arrays, computed
 * incrementally so a record's header and payload are covered by one value.
 * It detects torn and bit-flipped records; it is not a defence against
 * deliberate tampering. Every checkpoint is checked when the app opens, so
 * its speed is part of the cold start: it reads four 32-bit words at a time
 * and looks them up in sixteen tables (slicing-by-16), about 5 ms per 10 MB,
 * where a byte at a time with four tables took 13 ms.
 */

/** TABLES[k * 256 + b]: the CRC of byte b followed by k zero bytes. */
const TABLES: Uint32Array = (() => {
  const tables = new Uint32Array(16 * 256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[n] = c >>> 0;
  }
  for (let i = 256; i < tables.length; i++) tables[i] = (tables[i - 256]! >>> 8) ^ tables[tables[i - 256]! & 0xff]!;
  return tables;
})();

/** Words are read in the platform's byte order; the tables assume little-endian (every browser and Node in practice). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Continues a CRC over `bytes`; start with `crc32(bytes)` and chain with `crc32(more, previous)`. */
export function crc32(bytes: Uint8Array, previous = 0): number {
  const t = TABLES;
  const n = bytes.length;
  let crc = ~previous >>> 0;
  let i = 0;
  // Byte by byte up to a 4-byte boundary (a Uint32Array view must be aligned), then 16 bytes a turn.
  while (i < n && (bytes.byteOffset + i) % 4 !== 0) crc = t[(crc ^ bytes[i++]!) & 0xff]! ^ (crc >>> 8);
  if (LITTLE_ENDIAN && n - i >= 16) {
    const words = new Uint32Array(bytes.buffer, bytes.byteOffset + i, (n - i) >>> 2);
    const end = words.length - (words.length % 4);
    for (let w = 0; w < end; w += 4) {
      const a = words[w]! ^ crc;
      const b = words[w + 1]!;
      const c = words[w + 2]!;
      const d = words[w + 3]!;
      crc =
        t[3840 + (a & 0xff)]! ^ t[3584 + ((a >>> 8) & 0xff)]! ^ t[3328 + ((a >>> 16) & 0xff)]! ^ t[3072 + (a >>> 24)]! ^
        t[2816 + (b & 0xff)]! ^ t[2560 + ((b >>> 8) & 0xff)]! ^ t[2304 + ((b >>> 16) & 0xff)]! ^ t[2048 + (b >>> 24)]! ^
        t[1792 + (c & 0xff)]! ^ t[1536 + ((c >>> 8) & 0xff)]! ^ t[1280 + ((c >>> 16) & 0xff)]! ^ t[1024 + (c >>> 24)]! ^
        t[768 + (d & 0xff)]! ^ t[512 + ((d >>> 8) & 0xff)]! ^ t[256 + ((d >>> 16) & 0xff)]! ^ t[d >>> 24]!;
    }
    i += end * 4;
  }
  while (i < n) crc = t[(crc ^ bytes[i++]!) & 0xff]! ^ (crc >>> 8);
  return ~crc >>> 0;
}

/**
 * Runs the CRC over a quarter megabyte a few times, so that V8 has optimized it before the worker's
 * first real checksum, the checkpoint's on opening: run cold, it is interpreted for most of a 10 MB
 * image (about 30 ms instead of 5). Costs a few milliseconds, spent while IndexedDB opens.
 */
export function warmUpCrc32(): void {
  const bytes = new Uint8Array(1 << 18);
  for (let i = 0; i < 4; i++) crc32(bytes);
}

/** How many bytes `crc32InSlices` checks between two yields: about a millisecond's work. */
export const SLICE_BYTES = 1 << 20;

/**
 * The same CRC over a large buffer, a slice at a time, letting the event loop run between slices:
 * a request that arrives meanwhile is served within a millisecond or so instead of waiting for the
 * whole buffer. The buffer must not change until the promise settles.
 */
export async function crc32InSlices(bytes: Uint8Array, previous = 0): Promise<number> {
  let crc = previous;
  for (let at = 0; at < bytes.length; at += SLICE_BYTES) {
    crc = crc32(bytes.subarray(at, at + SLICE_BYTES), crc);
    if (at + SLICE_BYTES < bytes.length) await nextTask();
  }
  return bytes.length === 0 ? crc32(bytes, previous) : crc;
}

/**
 * Resolves in a task of its own, after the tasks already waiting (a message with a request):
 * unlike setTimeout(0), not clamped to 4 ms when repeated.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      port2.close();
      resolve();
    };
    port2.postMessage(null);
  });
}
