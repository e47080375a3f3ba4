/**
 * The records recovery set aside, as the baker sees them and as a file they
 * can keep. A listing names each record (which saved change or checkpoint,
 * when it was written, how big, why it was set aside) without its bytes; the
 * file holds everything, bytes base64-encoded in JSON, so that nothing
 * recovery refused is lost once the baker discards the records on the device.
 */
import { toBase64 } from '../persistence/base64';
import type { QuarantineRecord } from '../persistence/records';

export interface QuarantinedItem {
  id: number;
  /** When the problem was found (one opening of the database). */
  foundAt: string;
  reason: string;
  source: 'log' | 'checkpoint';
  /** The saved change's position in the log (log records). */
  seq?: number;
  /** The checkpoint's id, and every saved change up to `upToSeq` is inside its image (checkpoints). */
  checkpointId?: number;
  upToSeq?: number;
  /** When the record itself was written, if it says. */
  writtenAt?: string;
  bytes: number;
}

export const QUARANTINE_FILE_FORMAT = 'bake-planner-set-aside';

export function describeQuarantine(records: readonly QuarantineRecord[]): QuarantinedItem[] {
  return records
    .map((r): QuarantinedItem => {
      const item: QuarantinedItem = { id: r.id ?? 0, foundAt: r.incident, reason: r.reason, source: r.source, bytes: 0 };
      if (r.log) {
        item.seq = r.log.seq;
        item.writtenAt = r.log.writtenAt;
        item.bytes = r.log.payload?.length ?? 0;
      } else if (r.seq !== undefined) {
        item.seq = r.seq;
      }
      if (r.checkpoint) {
        item.checkpointId = r.checkpoint.id;
        item.upToSeq = r.checkpoint.upToSeq;
        item.writtenAt = r.checkpoint.writtenAt;
        item.bytes = r.checkpoint.image?.length ?? 0;
      }
      return item;
    })
    .sort((a, b) => a.foundAt.localeCompare(b.foundAt) || (a.seq ?? a.upToSeq ?? 0) - (b.seq ?? b.upToSeq ?? 0));
}

/** Every set-aside record with its bytes, as UTF-8 JSON. */
export function encodeQuarantineFile(records: readonly QuarantineRecord[], exportedAt: string): Uint8Array {
  const file = {
    format: QUARANTINE_FILE_FORMAT,
    version: 1,
    exportedAt,
    about:
      'Records Bake Planner set aside when opening its database because they failed their check. They were never applied. ' +
      'payloadBase64 is the stored bytes: for a log record of kind "commit", UTF-8 JSON of the SQL statements and values; ' +
      'for kind "image" and for checkpoints, a SQLite file.',
    records: records.map((r) => ({
      id: r.id,
      foundAt: r.incident,
      reason: r.reason,
      source: r.source,
      ...(r.log
        ? {
            log: {
              seq: r.log.seq,
              kind: r.log.kind,
              checksum: r.log.checksum,
              writtenAt: r.log.writtenAt,
              ...(r.log.requestKey === undefined ? {} : { requestKey: r.log.requestKey }),
              // A record set aside as damaged may have lost its bytes altogether.
              payloadBase64: r.log.payload instanceof Uint8Array ? toBase64(r.log.payload) : '',
            },
          }
        : {}),
      ...(r.checkpoint
        ? {
            checkpoint: {
              id: r.checkpoint.id,
              upToSeq: r.checkpoint.upToSeq,
              bytes: r.checkpoint.bytes,
              checksum: r.checkpoint.checksum,
              schemaVersion: r.checkpoint.schemaVersion,
              writtenAt: r.checkpoint.writtenAt,
              imageBase64: r.checkpoint.image ? toBase64(r.checkpoint.image) : null,
            },
          }
        : {}),
    })),
  };
  return new TextEncoder().encode(JSON.stringify(file, null, 1));
}
