/**
 * What the baker sees of the records recovery set aside, and the file they
 * can download before discarding them: a bit-flipped purchase (saved change
 * 3), the change after it (4), and a torn checkpoint. The file must carry
 * every byte, so discarding the records on the device loses nothing.
 */
import { describe, expect, test } from 'vitest';
import { encodeStatements, makeLogRecord, type QuarantineRecord } from '../../../src/persistence/records';
import { describeQuarantine, encodeQuarantineFile, QUARANTINE_FILE_FORMAT } from '../../../src/worker/quarantine-file';

const found = '2026-03-12T14:02:00.000Z';
const purchase = encodeStatements([{ sql: 'INSERT INTO lot (quantity) VALUES (?)', params: [2268] }]);
const damaged = purchase.slice();
damaged[damaged.length >> 1]! ^= 0x20;
const records: QuarantineRecord[] = [
  { id: 2, incident: found, reason: 'comes after a change that could not be applied', source: 'log', seq: 4, log: makeLogRecord(4, 'commit', purchase, '2026-03-12T13:00:04.000Z') },
  { id: 1, incident: found, reason: 'Saved change 3 is damaged (checksum mismatch)', source: 'log', seq: 3, log: { ...makeLogRecord(3, 'commit', purchase, '2026-03-12T13:00:03.000Z'), payload: damaged } },
  {
    id: 3,
    incident: found,
    reason: 'checkpoint failed its check',
    source: 'checkpoint',
    checkpoint: { id: 9, upToSeq: 2, bytes: 8192, checksum: 7, schemaVersion: 1, writtenAt: '2026-03-12T12:00:00.000Z', image: new Uint8Array([83, 81, 76, 105, 116, 101]) },
  },
];

describe('set-aside records', () => {
  test('are listed by position, with when each was saved, its size and why it was set aside; no bytes', () => {
    const items = describeQuarantine(records);
    expect(items.map((i) => [i.source, i.seq ?? i.upToSeq])).toEqual([
      ['checkpoint', 2],
      ['log', 3],
      ['log', 4],
    ]);
    expect(items[1]).toEqual({
      id: 1,
      foundAt: found,
      reason: 'Saved change 3 is damaged (checksum mismatch)',
      source: 'log',
      seq: 3,
      writtenAt: '2026-03-12T13:00:03.000Z',
      bytes: purchase.length,
    });
    expect(items[0]).toMatchObject({ checkpointId: 9, upToSeq: 2, writtenAt: '2026-03-12T12:00:00.000Z' });
    expect(items[0]!.bytes).toBe(6); // the torn image's 6 bytes, not the 8192 its description promised
    expect(JSON.stringify(items)).not.toContain('payload');
  });

  test('download as one JSON file holding every byte exactly as stored, damaged ones included', () => {
    const file = JSON.parse(new TextDecoder().decode(encodeQuarantineFile(records, found)));
    expect(file).toMatchObject({ format: QUARANTINE_FILE_FORMAT, version: 1, exportedAt: found });
    expect(file.records).toHaveLength(3);
    const bytes = (base64: string) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const three = file.records.find((r: { log?: { seq: number } }) => r.log?.seq === 3);
    expect(three.reason).toBe('Saved change 3 is damaged (checksum mismatch)');
    expect(bytes(three.log.payloadBase64)).toEqual(damaged);
    expect(three.log.checksum).toBe(records[1]!.log!.checksum);
    const checkpoint = file.records.find((r: { source: string }) => r.source === 'checkpoint');
    expect(checkpoint.checkpoint).toMatchObject({ upToSeq: 2, bytes: 8192, schemaVersion: 1 });
    expect(new TextDecoder().decode(bytes(checkpoint.checkpoint.imageBase64))).toBe('SQLite');
  });
});
