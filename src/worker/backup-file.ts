/**
 * Checking a SQLite backup before it replaces the database (Settings >
 * Restore from a backup). The file came from elsewhere: a download made on
 * another phone, or one a stranger shared. Before anything changes it must
 *
 * 1. be no larger than a backup may be (file-limits.ts; the page checked
 *    `File.size` already, this covers any other sender);
 * 2. be a SQLite file that SQLite finds whole (`integrity_check`: pages,
 *    indexes against their tables, NOT NULL and CHECK constraints);
 * 3. have exactly the schema Bake Planner's migrations make at its version:
 *    no extra trigger (one that empties the pantry on the next purchase), no
 *    table without its checks, no unique index taken away;
 * 4. migrate to this app's version, and then break no reference
 *    (`foreign_key_check`).
 *
 * What it holds (names, notes with markup in them) is data like any other:
 * screens show it as text.
 */
import { migrate, schemaVersion } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations';
import { Database, type DatabaseOptions } from '../db/session';
import type { Engine } from '../db/engine';
import { checkFileSize, FILE_KINDS, quoted } from '../domain/file-limits';
import { AppError } from '../errors';
import type { OpenEngine } from './recovery';

const SQLITE_HEADER = 'SQLite format 3\0';

export interface BackupCheckOptions extends DatabaseOptions {
  /** Tables the backup may hold beyond the schema: the test hooks' own table, in test builds only. */
  extraTables?: readonly string[];
}

/** The backup opened, checked and migrated, ready to take the database's place; throws IMPORT errors saying what is wrong. */
export async function openBackupFile(file: Uint8Array, openEngine: OpenEngine, options: BackupCheckOptions = {}): Promise<Database> {
  checkFileSize(FILE_KINDS.sqliteBackup, file.length);
  if (!(file instanceof Uint8Array) || file.length < 512 || new TextDecoder().decode(file.subarray(0, 16)) !== SQLITE_HEADER) {
    throw refusal('This file is not a Bake Planner database (SQLite) file.');
  }
  const { extraTables = [], ...dbOptions } = options;
  let candidate: Database;
  try {
    candidate = new Database(await openEngine(file), dbOptions);
  } catch (e) {
    throw refusal(`This database file is damaged: ${(e as Error).message}`);
  }
  try {
    const problems = candidate.engine.all<{ integrity_check: string }>('PRAGMA integrity_check(5)').map((r) => r.integrity_check);
    if (problems.join() !== 'ok') throw refusal(`This database file is damaged: ${problems.join('; ')}`);
    await checkSchema(candidate, openEngine, extraTables);
    migrate(candidate);
    const broken = candidate.engine.all<{ table: string; parent: string }>('PRAGMA foreign_key_check');
    if (broken.length > 0) {
      const first = broken[0]!;
      throw refusal(
        `This backup is not whole: ${broken.length} row${broken.length === 1 ? '' : 's'} in ${quoted(first.table, 40)} refer to ${quoted(first.parent, 40)} rows it does not have.`,
      );
    }
    return candidate;
  } catch (e) {
    candidate.close();
    throw e instanceof AppError ? e : refusal(`This database file is damaged: ${(e as Error).message}`);
  }
}

/** Refuses a backup whose schema is not the one the migrations make at its version. */
async function checkSchema(candidate: Database, openEngine: OpenEngine, extraTables: readonly string[]): Promise<void> {
  const version = schemaVersion(candidate);
  // A newer version is refused by migrate() with its own message.
  if (version > (MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0)) return;
  const reference = new Database(await openEngine());
  try {
    migrate(reference, MIGRATIONS.filter((m) => m.version <= version));
    const differences = schemaDifferences(reference.engine, candidate.engine, extraTables);
    if (differences.length > 0) {
      throw refusal(
        `This backup was not made by Bake Planner, or was changed afterwards: its database has ${listed(differences, 5)}.`,
      );
    }
  } finally {
    reference.close();
  }
}

interface SchemaObject {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

function schemaObjects(engine: Engine): Map<string, SchemaObject> {
  // SQLite's own objects (sqlite_sequence, statistics) are not part of the schema.
  const rows = engine.all<SchemaObject>("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\'");
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r]));
}

/**
 * What differs in `actual` from `expected`, as phrases ("a trigger
 * "empty_pantry" that Bake Planner does not make"); empty when they match.
 * Tables named in `extraTables` may be in `actual` without being expected.
 */
export function schemaDifferences(expected: Engine, actual: Engine, extraTables: readonly string[] = []): string[] {
  const want = schemaObjects(expected);
  const have = schemaObjects(actual);
  const out: string[] = [];
  for (const [key, object] of have) {
    const wanted = want.get(key);
    if (!wanted) {
      if (!(object.type === 'table' && extraTables.includes(object.name))) {
        out.push(`a ${object.type} ${quoted(object.name, 40)} that Bake Planner does not make`);
      }
    } else if (wanted.sql !== object.sql || wanted.tbl_name !== object.tbl_name) {
      out.push(`the ${object.type} ${quoted(object.name, 40)} defined differently`);
    }
  }
  for (const [key, object] of want) if (!have.has(key)) out.push(`no ${object.type} ${quoted(object.name, 40)}`);
  return out;
}

/** The first `max` items, then how many more: "a, b, c and 2 more differences". */
function listed(items: readonly string[], max: number): string {
  const more = items.length - max;
  if (more <= 0) return items.length === 1 ? items[0]! : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${more} more difference${more === 1 ? '' : 's'}`;
}

function refusal(message: string): AppError {
  return new AppError('IMPORT', message, { field: 'file' });
}
