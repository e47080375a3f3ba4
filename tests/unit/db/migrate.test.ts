import { describe, expect, it } from 'vitest';
import { migrate, schemaVersion } from '../../../src/db/migrate';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../src/db/migrations';
import { Database } from '../../../src/db/session';
import { SqlJsEngine } from '../../../src/db/sqljs-engine';
import { NativeEngine } from '../../../src/db/native-engine';
import { AppError } from '../../../src/errors';
import { testDb } from '../../helpers/db';

describe('schema migrations', () => {
  it('a new database is migrated to the latest schema version on open', async () => {
    const db = await testDb();
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    const tables = db.engine.all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    const names = tables.map((t) => t.name);
    for (const t of ['ingredients', 'products', 'suppliers', 'purchases', 'lots', 'lot_adjustments', 'materials',
      'material_products', 'material_units', 'material_lots', 'recipes', 'recipe_ingredients', 'recipe_components',
      'finished_units', 'finished_goods', 'compositions', 'finished_unit_lots', 'finished_good_lots', 'production_runs',
      'production_consumptions', 'assembly_runs', 'assembly_consumptions', 'events', 'event_good_targets',
      'event_unit_targets', 'batch_decisions', 'plan_snapshots', 'plan_amendments']) {
      expect(names).toContain(t);
    }
  });

  it('opening an already migrated image applies nothing again', async () => {
    const db = await testDb();
    expect(migrate(db)).toEqual([]);
  });

  it('a database newer than the app is refused with a clear message', async () => {
    const engine = await SqlJsEngine.open();
    engine.exec(`PRAGMA user_version = ${SCHEMA_VERSION + 5}`);
    const db = new Database(engine);
    expect(() => migrate(db)).toThrowError(/newer version of Bake Planner/);
  });

  it('a failing migration leaves the previous version intact', async () => {
    const db = new Database(await SqlJsEngine.open());
    const broken = [...MIGRATIONS, { version: SCHEMA_VERSION + 1, name: 'broken', up: 'CREATE TABLE x (a); INSERT INTO nope VALUES (1);' }];
    let err: unknown;
    try {
      migrate(db, broken);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe('MIGRATION');
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.engine.get("SELECT name FROM sqlite_master WHERE name = 'x'")).toBeUndefined();
  });

  it('the same migrations build the same schema on native SQLite', async () => {
    const db = new Database(await NativeEngine.open());
    migrate(db);
    expect(schemaVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.engine.get<{ foreign_keys: number }>('PRAGMA foreign_keys')!.foreign_keys).toBe(1);
  });

  it('migration 2 brings a version-1 pantry forward unchanged and adds what recipes and goods need', async () => {
    const db = new Database(await SqlJsEngine.open());
    migrate(db, MIGRATIONS.slice(0, 1));
    db.engine.run("INSERT INTO ingredients (slug, name, level, created_at, updated_at) VALUES ('flour', 'Flour', 0, 'x', 'x')");
    db.engine.run("INSERT INTO materials (slug, name, base_measure, created_at, updated_at) VALUES ('box', 'Box', 'each', 'x', 'x')");
    expect(migrate(db, MIGRATIONS.slice(0, 2)).map((m) => m.version)).toEqual([2]);
    expect(db.engine.get<{ name: string }>("SELECT name FROM ingredients WHERE slug = 'flour'")?.name).toBe('Flour');
    const columns = (table: string) => db.engine.all<{ name: string }>(`PRAGMA table_info(${table})`).map((c) => c.name);
    expect(columns('finished_goods')).toContain('archived');
    expect(columns('finished_units')).toContain('archived');
    // Names are unique ignoring case; finished units and goods in a composition count whole items.
    db.engine.run("INSERT INTO recipes (slug, name, created_at, updated_at) VALUES ('a', 'Scones', 'x', 'x')");
    expect(() => db.engine.run("INSERT INTO recipes (slug, name, created_at, updated_at) VALUES ('b', 'SCONES', 'x', 'x')")).toThrow(/UNIQUE/);
    db.engine.run("INSERT INTO finished_units (slug, name, recipe_id, yield_mode, items_per_batch, created_at, updated_at) VALUES ('s', 'Scone', 1, 'discrete', 8, 'x', 'x')");
    db.engine.run("INSERT INTO finished_goods (slug, name, created_at, updated_at) VALUES ('g', 'Box of scones', 'x', 'x')");
    expect(() => db.engine.run("INSERT INTO compositions (finished_good_id, finished_unit_id, quantity, created_at, updated_at) VALUES (1, 1, 1.5, 'x', 'x')")).toThrow(/whole items/);
    db.engine.run("INSERT INTO compositions (finished_good_id, finished_unit_id, quantity, created_at, updated_at) VALUES (1, 1, 6, 'x', 'x')");
    expect(() => db.engine.run('UPDATE compositions SET quantity = 6.5')).toThrow(/whole items/);
  });

  it('migration 3 adds what making and planning need; a reversal, like every ledger row, is append-only', async () => {
    const db = new Database(await SqlJsEngine.open());
    migrate(db, MIGRATIONS.slice(0, 2));
    db.engine.run("INSERT INTO events (slug, name, created_at, updated_at) VALUES ('xmas', 'Christmas', 'x', 'x')");
    expect(migrate(db, MIGRATIONS.slice(0, 3)).map((m) => m.version)).toEqual([3]);
    const columns = (table: string) => db.engine.all<{ name: string }>(`PRAGMA table_info(${table})`).map((c) => c.name);
    expect(columns('production_runs')).toEqual(expect.arrayContaining(['plan_snapshot_id', 'loss_note', 'cost_complete']));
    expect(columns('events')).toEqual(expect.arrayContaining(['locked_at', 'production_started_at', 'completed_at']));
    expect(columns('plan_amendments')).toEqual(expect.arrayContaining(['previous_quantity', 'previous_batches']));
    expect(db.engine.get<{ slug: string }>('SELECT slug FROM events')?.slug).toBe('xmas');
    db.engine.run("INSERT INTO ingredients (slug, name, level, created_at, updated_at) VALUES ('flour', 'Flour', 0, 'x', 'x')");
    db.engine.run("INSERT INTO shopping_ticks (event_id, ingredient_id, ticked_at, created_at) VALUES (1, 1, 'x', 'x')");
    expect(() => db.engine.run("INSERT INTO shopping_ticks (event_id, ingredient_id, ticked_at, created_at) VALUES (1, 1, 'y', 'y')")).toThrow(/UNIQUE/);
    expect(() => db.engine.run("INSERT INTO run_reversals (note, created_at) VALUES ('neither run', 'x')")).toThrow(/CHECK/);
  });

  it('foreign keys are enforced', async () => {
    const db = await testDb();
    expect(() =>
      db.engine.run(
        "INSERT INTO products (slug, ingredient_id, name, package_unit, package_quantity, created_at, updated_at) VALUES ('p', 999, 'P', 'lb', 1, 'x', 'x')",
      ),
    ).toThrow(/FOREIGN KEY/);
  });
});
