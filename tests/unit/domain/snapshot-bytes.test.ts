/**
 * A snapshot read from its bytes section by section (src/domain/snapshot-bytes.ts)
 * gives the records JSON.parse gives, in batches small enough for V8's young
 * generation; anything but a plain current-format snapshot is left to the
 * whole-text parse (null), and a hostile or broken record is refused with
 * the words and the place the whole-text parse gives.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../src/errors';
import { SectionRecords, snapshotFromBytes } from '../../../src/domain/snapshot-bytes';
import { SNAPSHOT_SECTIONS } from '../../../src/domain/snapshot-format';
import { parseSnapshotText } from '../../../src/domain/snapshot-text';

const bytes = (text: string) => new TextEncoder().encode(text);
const head = { format: 'bake-planner-snapshot', format_version: 1, exported_at: '2026-11-29T12:00:00.000Z', settings: { currency: 'USD' } };

/** The file as the importer sees it, every section's records read out. */
function readOut(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v instanceof SectionRecords ? [...v] : v]));
}

function refusal(read: () => unknown): string {
  try {
    read();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('not refused');
}

describe('a snapshot read from its bytes', () => {
  it('gives what JSON.parse gives, laid out in any way, with sections of any size', () => {
    const record = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 4 });
    fc.assert(
      fc.property(fc.subarray([...SNAPSHOT_SECTIONS]), fc.array(fc.array(record, { maxLength: 40 }), { minLength: 18, maxLength: 18 }), fc.constantFrom(undefined, 2, '\t'), (keys, lists, indent) => {
        const doc = { ...head, ...Object.fromEntries(keys.map((k, i) => [k, lists[i]!])) };
        const text = JSON.stringify(doc, null, indent);
        fc.pre(!/"(__proto__|constructor|prototype)"/.test(text)); // refused either way: the refusals have a test of their own
        const data = snapshotFromBytes(bytes(`\ufeff${text}\n`));
        expect(data).not.toBeNull();
        for (const k of keys) expect((data![k] as SectionRecords).length).toBe(lists[keys.indexOf(k)]!.length);
        expect(readOut(data!)).toEqual(JSON.parse(text));
      }),
      { numRuns: 120 },
    );
  });

  it('parses a long section a batch of tens of kB at a time', () => {
    const purchases = Array.from({ length: 5_000 }, (_, i) => ({ product: `flour-${i}`, date: '2026-11-01', packages: 1, price_per_package: 2.5, notes: `${'ü'.repeat(i % 50)}${['\\', '"', '\\"', ''][i % 4]}` }));
    const data = snapshotFromBytes(bytes(JSON.stringify({ ...head, purchases }, null, 2)))!;
    const batches: number[] = [];
    const parse = JSON.parse;
    JSON.parse = (text: string) => {
      batches.push(text.length);
      return parse(text) as unknown;
    };
    try {
      expect([...(data.purchases as SectionRecords)]).toEqual(purchases);
    } finally {
      JSON.parse = parse;
    }
    expect(batches.length).toBeGreaterThan(10);
    expect(Math.max(...batches)).toBeLessThan(64_000);
  });

  it('leaves to the whole-text parse what is not a plain snapshot of this format', () => {
    const cases = [
      '',
      '   ',
      '[]',
      '{}',
      JSON.stringify({ application: 'bake-tracker', version: '1.0', data: {} }),
      JSON.stringify({ ...head, format_version: 0 }),
      JSON.stringify({ ...head, format: 'something-else' }),
      '{"format": "bake-planner-snapshot", "format_version": 1, "format": "x"}',
      '{"format": "bake-planner-snapshot", "format_version": 1, "__proto__": {}}',
      JSON.stringify({ ...head, purchases: [{ a: 1 }] }).slice(0, -3),
      `${JSON.stringify(head)} trailing`,
      '{"format": "bake-planner-snapshot", "format_version": 1, "purchases": [{"a": 1},]}',
      // A header field one level too deep counts its depth from the top of the file, as the whole-text parse does.
      `{"format": "bake-planner-snapshot", "format_version": 1, "settings": ${'['.repeat(64)}${']'.repeat(64)}}`,
    ];
    for (const text of cases) expect(snapshotFromBytes(bytes(text)), text).toBeNull();
  });

  it('refuses a record that is not JSON, or a hostile one, with the words and place of the whole-text parse', () => {
    const filler = Array.from({ length: 2_000 }, (_, i) => `{"product": "p-${i}", "notes": "${'n'.repeat(40)}"}`).join(',\n    ');
    const hostile = [
      `{"product": "x", "__proto__": {"admin": true}}`,
      `{"product": "x", "packages": 1e999}`,
      `{"product": "x", "notes": ${'['.repeat(70)}${']'.repeat(70)}}`,
      // The byte walk lets json-file's pass skip a batch only when nothing in it could be refused: an escaped key and a number
      // too large without an exponent are such things too.
      `{"product": "x", "\\u005f_proto__": 1}`,
      `{"product": "x", "packages": ${'9'.repeat(400)}}`,
    ];
    for (const bad of hostile) {
      const text = `{"format": "bake-planner-snapshot", "format_version": 1, "purchases": [\n    ${filler},\n    ${bad}\n  ]}`;
      const data = snapshotFromBytes(bytes(text))!;
      const streamed = refusal(() => [...(data.purchases as SectionRecords)]);
      expect(streamed).toBe(refusal(() => parseSnapshotText(text)));
      expect(streamed).toMatch(/purchases\[2000\]/);
    }
    const notJson = `{"format": "bake-planner-snapshot", "format_version": 1, "purchases": [${filler}, {"packages": NaN}]}`;
    expect(refusal(() => [...(snapshotFromBytes(bytes(notJson))!.purchases as SectionRecords)])).toBe(
      'This file is damaged (at purchases[2000]): part of it is not written the way a backup is. If it was edited by hand, undo that edit, or save the backup again. Nothing was imported.',
    );
  });
});
