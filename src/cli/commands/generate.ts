/**
 * `bake-planner generate <S|M|L> <file>`: a seeded bakery of that size
 * (issue 14; services/generate) built in memory through the app's services
 * and written as a JSON snapshot, ready for `bake-planner import`. The same
 * size and --seed always write the same bytes.
 *
 * The file holds the whole bakery: catalog, pantry, packaging, recipes and
 * goods, and the events, plans, bakes and assemblies recorded on them
 * (buildGeneratedBakery), as the importer takes them back with their ledgers.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { openSqlJsDatabase } from '../../db/open';
import { BAKERY_SIZES, DEFAULT_BAKERY_SEED, generatorClock, type BakerySize } from '../../domain/generated-bakery';
import { SNAPSHOT_SECTIONS, snapshotText } from '../../domain/snapshot-format';
import { buildGeneratedBakery } from '../../services/generate/bakery';
import { exportSnapshot } from '../../services/snapshot/export';
import { defineCommand } from '../command';
import { usageError } from '../output';

function sizeOf(text: string): BakerySize {
  const size = text.toUpperCase();
  if (!(BAKERY_SIZES as readonly string[]).includes(size)) throw usageError(`${text} is not a size: say S, M or L.`, 'generate <S|M|L> <file> [--seed N]');
  return size as BakerySize;
}

function seedOf(value: string | true | undefined): number {
  if (value === undefined) return DEFAULT_BAKERY_SEED;
  const seed = Number(value);
  if (!Number.isSafeInteger(seed) || seed < 0) throw usageError(`--seed takes a whole number (0 or more), not ${String(value)}.`, 'generate <S|M|L> <file> [--seed N]');
  return seed;
}

export const generateCommands = [
  defineCommand({
    name: 'generate',
    usage: '<S|M|L> <file> [--seed N]',
    summary: 'a generated bakery of size S, M or L (for benchmarks) as a JSON snapshot file; the same seed writes the same bytes',
    database: 'none',
    minArgs: 2,
    options: { seed: 'value' },
    run: async ({ args, options }) => {
      const size = sizeOf(args[0]!);
      const seed = seedOf(options.seed);
      const out = args[1]!;
      const db = await openSqlJsDatabase({ clock: generatorClock() });
      try {
        buildGeneratedBakery(db, { size, seed });
        const file = exportSnapshot(db);
        const text = snapshotText(file);
        const temporary = `${out}.tmp-${process.pid}`;
        writeFileSync(temporary, text);
        renameSync(temporary, out);
        const records = Object.fromEntries(SNAPSHOT_SECTIONS.filter((k) => file[k].length > 0).map((k) => [k, file[k].length]));
        const total = Object.values(records).reduce((a, b) => a + b, 0);
        return {
          json: { path: out, size, seed, bytes: Buffer.byteLength(text), records },
          text: [`Wrote the ${size} bakery (seed ${seed}) to ${out}: ${total} records, ${(Buffer.byteLength(text) / 1e6).toFixed(1)} MB.`],
        };
      } finally {
        db.close();
      }
    },
  }),
];
