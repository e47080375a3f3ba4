/**
 * Older snapshot formats, migrated forward one version at a time before a
 * file is read, so the importer only ever reads the current format. Each
 * step takes a document of version `from` and returns one of `from + 1`
 * (a new object: the file read stays as it was). A file of a version newer
 * than this app knows is refused by the importer, saying so; it is never
 * guessed at.
 *
 * Format 0 is the shape of development builds before the first release:
 * recipe ingredient lines were called `lines` and a sub-recipe's batches
 * `batch_multiplier`. It stays as the worked example of a step.
 */
import { SNAPSHOT_FORMAT_VERSION } from './snapshot-format';

export interface SnapshotMigration {
  from: number;
  /** What changed, for the import report's notes. */
  description: string;
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const SNAPSHOT_MIGRATIONS: readonly SnapshotMigration[] = [
  {
    from: 0,
    description: 'format 0 -> 1: recipe "lines" became "ingredients", a sub-recipe\'s "batch_multiplier" became "batches"',
    migrate: (doc) => ({
      ...doc,
      format_version: 1,
      recipes: Array.isArray(doc.recipes)
        ? doc.recipes.map((r: unknown) => {
            if (!isObject(r)) return r;
            const { lines, sub_recipes: subs, ...rest } = r;
            return {
              ...rest,
              ...(lines !== undefined ? { ingredients: lines } : {}),
              ...(Array.isArray(subs)
                ? {
                    sub_recipes: subs.map((s: unknown) => {
                      if (!isObject(s) || !('batch_multiplier' in s)) return s;
                      const { batch_multiplier: batches, ...other } = s;
                      return { ...other, batches };
                    }),
                  }
                : subs !== undefined
                  ? { sub_recipes: subs }
                  : {}),
            };
          })
        : doc.recipes,
    }),
  },
];

/**
 * Brings a document of `version` up to the current format with `steps`
 * (the real list unless a test gives its own); returns it and what was done.
 */
export function migrateSnapshot(
  doc: Record<string, unknown>,
  version: number,
  steps: readonly SnapshotMigration[] = SNAPSHOT_MIGRATIONS,
  target = SNAPSHOT_FORMAT_VERSION,
): { doc: Record<string, unknown>; applied: string[] } {
  let current = doc;
  const applied: string[] = [];
  for (let v = version; v < target; v++) {
    const step = steps.find((s) => s.from === v);
    if (!step) throw new Error(`No migration from snapshot format ${v}.`);
    current = step.migrate(current);
    applied.push(step.description);
  }
  return { doc: current, applied };
}
