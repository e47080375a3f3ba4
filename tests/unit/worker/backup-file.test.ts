/**
 * SQLite backups from elsewhere (src/worker/backup-file.ts), with real sql.js:
 * a real backup opens; each file written to attack or damaged is refused
 * with a sentence saying what is wrong. The restore replaces the database
 * only with what this returns, so a refusal here changes nothing (the browser
 * test in tests/browser/security.test.ts compares the data before and after).
 */
import { describe, expect, it } from 'vitest';
import { SqlJsEngine } from '../../../src/db/sqljs-engine';
import type { Database } from '../../../src/db/session';
import { FILE_KINDS } from '../../../src/domain/file-limits';
import { AppError } from '../../../src/errors';
import { createIngredient } from '../../../src/services/catalog/ingredients';
import { openBackupFile } from '../../../src/worker/backup-file';
import { testDb } from '../../helpers/db';
import { flourPantry } from '../services/bakery';

const open = (image?: Uint8Array) => SqlJsEngine.open(image);

/** A backup of a small bakery, changed by `change` as a hostile tool would (raw SQL, checks off). */
async function backup(change?: (db: Database) => void): Promise<Uint8Array> {
  const db = await testDb();
  flourPantry(db);
  change?.(db);
  const image = db.engine.exportImage!();
  db.close();
  return image;
}

async function refusal(file: Uint8Array, options = {}): Promise<AppError> {
  try {
    (await openBackupFile(file, open, options)).close();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error('the backup was accepted');
}

describe('opening a SQLite backup before a restore', () => {
  it('a real backup opens, with its data, and markup in its names is data like any other', async () => {
    const file = await backup((db) => createIngredient(db, { name: '<img src=x onerror=alert(1)>Rye' }));
    const restored = await openBackupFile(file, open);
    expect(restored.engine.get<{ n: number }>("SELECT count(*) AS n FROM ingredients WHERE name = '<img src=x onerror=alert(1)>Rye'")!.n).toBe(1);
    restored.close();
  });

  it('a file larger than a backup may be is refused by its length before anything else', async () => {
    // Zero-filled and never touched: the memory is reserved, not used.
    const huge = new Uint8Array(FILE_KINDS.sqliteBackup.maxBytes + 1);
    expect((await refusal(huge)).message).toBe('This file is 256 MB; a Bake Planner backup can be at most 256 MB. Nothing was read.');
  });

  it('a file that is not SQLite, or is cut short, is refused', async () => {
    expect((await refusal(new TextEncoder().encode('my shopping list'))).message).toBe('This file is not a Bake Planner database (SQLite) file.');
    const whole = await backup();
    expect((await refusal(whole.slice(0, Math.floor(whole.length / 2)))).message).toMatch(/^This database file is damaged: /);
  });

  it('a trigger that would empty the pantry on the next purchase is refused, named', async () => {
    const file = await backup((db) => db.engine.exec('CREATE TRIGGER empty_pantry AFTER INSERT ON purchases BEGIN DELETE FROM lots; END'));
    expect((await refusal(file)).message).toBe(
      'This backup was not made by Bake Planner, or was changed afterwards: its database has a trigger "empty_pantry" that Bake Planner does not make.',
    );
  });

  it('a unique index taken away, a table with a column more, a view and a table of its own are each refused', async () => {
    const file = await backup((db) =>
      db.engine.exec(`
        DROP INDEX ingredients_name;
        ALTER TABLE suppliers ADD COLUMN website TEXT;
        CREATE VIEW everything AS SELECT * FROM ingredients;
        CREATE TABLE payload (x);`),
    );
    const { message } = await refusal(file);
    expect(message).toMatch(/^This backup was not made by Bake Planner, or was changed afterwards: its database has /);
    for (const part of ['the table "suppliers" defined differently', 'a view "everything"', 'a table "payload"', ' and no index "ingredients_name".']) {
      expect(message).toContain(part);
    }
  });

  it('a table only tests make is let in only when the caller allows it (a test build)', async () => {
    const file = await backup((db) => db.engine.exec('CREATE TABLE test_hook_touches (label TEXT PRIMARY KEY, value REAL NOT NULL, at TEXT NOT NULL)'));
    expect((await refusal(file)).message).toContain('a table "test_hook_touches" that Bake Planner does not make');
    (await openBackupFile(file, open, { extraTables: ['test_hook_touches'] })).close();
  });

  it('rows that break a check or refer to rows the file does not have are refused', async () => {
    const unchecked = await backup((db) => db.engine.exec("PRAGMA ignore_check_constraints = ON; UPDATE ingredients SET level = 7 WHERE name = 'Baking'"));
    expect((await refusal(unchecked)).message).toMatch(/^This database file is damaged: .*CHECK constraint failed/);
    const dangling = await backup((db) => db.engine.exec('PRAGMA foreign_keys = OFF; UPDATE products SET ingredient_id = 9999'));
    expect((await refusal(dangling)).message).toBe('This backup is not whole: 2 rows in "products" refer to "ingredients" rows it does not have.');
  });

  it('a backup from a newer Bake Planner is refused, saying to update', async () => {
    const newer = await backup((db) => db.engine.exec('PRAGMA user_version = 999'));
    const error = await refusal(newer);
    expect(error.code).toBe('MIGRATION');
    expect(error.message).toMatch(/written by a newer version of Bake Planner \(schema 999/);
  });
});
