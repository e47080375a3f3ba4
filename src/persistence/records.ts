/**
 * What IndexedDB holds, record by record, and how each record is sealed with
 * a checksum. A log record is one committed transaction (its write statements
 * with their bound values) or, for a restored backup, a whole database image.
 * A checkpoint is a whole image covering every log record up to `upToSeq`.
 * The checksum covers the record's position (seq or upToSeq) and exactly the
 * bytes that will be applied, so a torn, bit-flipped or misplaced record is
 * refused instead of replayed.
 */
import type { SqlValue } from '../db/engine';
import type { LoggedStatement } from '../db/session';
import { fromBase64, toBase64 } from './base64';
import { crc32, crc32InSlices, nextTask, SLICE_BYTES } from './checksum';

export type LogKind = 'commit' | 'image';

export interface LogRecord {
  /** Position in the log, 1, 2, 3…: the primary key. */
  seq: number;
  kind: LogKind;
  /** commit: UTF-8 JSON of the statements; image: a whole SQLite file. */
  payload: Uint8Array;
  checksum: number;
  /** The forwarding tab's id for the request, so a new writer can tell whether it was applied. */
  requestKey?: string;
  writtenAt: string;
}

/** A checkpoint's description; the image itself sits in its own table so listing stays cheap. */
export interface CheckpointMeta {
  id: number;
  /** Every log record with seq <= upToSeq is in this image. */
  upToSeq: number;
  bytes: number;
  checksum: number;
  schemaVersion: number;
  writtenAt: string;
}

/**
 * The image is stored as a Blob (see sealCheckpoint); checkpoints written by earlier builds hold the
 * bytes themselves. Reading gives bytes either way (PersistenceStore.image).
 */
export interface CheckpointImage {
  id: number;
  image: Uint8Array | Blob;
}

/** A record taken out of the log (or a checkpoint) because it failed its check: kept, never applied. */
export interface QuarantineRecord {
  id?: number;
  /** When the problem was found (one opening of the database). */
  incident: string;
  reason: string;
  source: 'log' | 'checkpoint';
  seq?: number;
  log?: LogRecord;
  /** Its image as bytes (PersistenceStore.quarantined reads a stored Blob). */
  checkpoint?: CheckpointMeta & { image?: Uint8Array };
}

const KIND_CODE: Record<LogKind | 'checkpoint', number> = { commit: 1, image: 2, checkpoint: 3 };

function header(kind: LogKind | 'checkpoint', position: number): Uint8Array {
  const bytes = new Uint8Array(9);
  bytes[0] = KIND_CODE[kind];
  new DataView(bytes.buffer).setFloat64(1, position);
  return bytes;
}

export function logChecksum(seq: number, kind: LogKind, payload: Uint8Array): number {
  return crc32(payload, crc32(header(kind, seq)));
}

export function checkpointChecksum(upToSeq: number, image: Uint8Array): number {
  return crc32(image, crc32(header('checkpoint', upToSeq)));
}

/** The same checksum computed a slice at a time, so a background checkpoint never holds the worker for long. */
export function checkpointChecksumInSlices(upToSeq: number, image: Uint8Array): Promise<number> {
  return crc32InSlices(image, crc32(header('checkpoint', upToSeq)));
}

/**
 * Seals a checkpoint's image for storing: its checksum and its bytes as a Blob, both built a slice at
 * a time with a yield between slices. Storing a Blob holds the worker for almost nothing, where
 * IndexedDB serializes a Uint8Array in the put itself (about 140 ms at 50 MB, the worker waiting), and
 * the browser reads a Blob back without deserializing it. A Blob made of Blobs shares their bytes, so
 * the only copy is each slice's, one millisecond's worth at a time.
 */
export async function sealCheckpoint(upToSeq: number, image: Uint8Array): Promise<{ checksum: number; blob: Blob }> {
  let checksum = crc32(header('checkpoint', upToSeq));
  const parts: Blob[] = [];
  for (let at = 0; at < image.length; at += SLICE_BYTES) {
    const slice = image.subarray(at, at + SLICE_BYTES);
    checksum = crc32(slice, checksum);
    parts.push(new Blob([slice as Uint8Array<ArrayBuffer>])); // an export's own buffer, never a shared one
    await nextTask();
  }
  return { checksum: image.length === 0 ? checkpointChecksum(upToSeq, image) : checksum, blob: new Blob(parts) };
}

export function verifyLogRecord(record: LogRecord): boolean {
  return (
    record.payload instanceof Uint8Array &&
    (record.kind === 'commit' || record.kind === 'image') &&
    logChecksum(record.seq, record.kind, record.payload) === record.checksum
  );
}

// Statement encoding: JSON, with the values JSON cannot carry tagged so replay binds exactly what ran.
type EncodedValue = SqlValue | { $b: string } | { $n: string };

function encodeValue(value: SqlValue): EncodedValue {
  if (value instanceof Uint8Array) return { $b: toBase64(value) };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $n: String(value) };
  return value;
}

function decodeValue(value: EncodedValue): SqlValue {
  if (value !== null && typeof value === 'object') {
    if ('$b' in value) return fromBase64(value.$b);
    if ('$n' in value) return Number(value.$n);
  }
  return value as SqlValue;
}

export function encodeStatements(statements: readonly LoggedStatement[]): Uint8Array {
  const plain = statements.map((s) => [s.sql, s.params.map(encodeValue)]);
  return new TextEncoder().encode(JSON.stringify(plain));
}

export function decodeStatements(payload: Uint8Array): LoggedStatement[] {
  const plain = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(payload)) as [string, EncodedValue[]][];
  return plain.map(([sql, params]) => ({ sql, params: params.map(decodeValue) }));
}

export function makeLogRecord(
  seq: number,
  kind: LogKind,
  payload: Uint8Array,
  writtenAt: string,
  requestKey?: string,
): LogRecord {
  const record: LogRecord = { seq, kind, payload, checksum: logChecksum(seq, kind, payload), writtenAt };
  if (requestKey !== undefined) record.requestKey = requestKey;
  return record;
}

/**
 * A first screen's answer kept for the next cold start (src/worker/remembered-answers.ts): valid only
 * for the same build of the app and while the durable state still ends at `seq`.
 */
export interface RememberedAnswer {
  /** The read and its parameters (answerKey). */
  key: string;
  method: string;
  params: unknown;
  /** The build that answered (BUILD_ID). */
  build: string;
  seq: number;
  result: unknown;
}

/** Read access to stored records, as recovery needs it (the store implements it; tests use memory). */
export interface RecoverySource {
  /** Every checkpoint's description, any order. */
  checkpoints(): Promise<CheckpointMeta[]>;
  image(id: number): Promise<Uint8Array | undefined>;
  /** Log records with seq > `seq`, in seq order. */
  logAfter(seq: number): Promise<LogRecord[]>;
}
