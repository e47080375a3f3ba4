/**
 * The handler registry and refresh by meaning: every handler is a declared
 * read or write, handler maps merge only when no name is declared twice,
 * every table of the schema says which topics it belongs to, a commit names
 * exactly the reads that depend on what it wrote, and every read declares
 * each topic whose tables it actually reads (checked by running it).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Database } from '../../../src/db/session';
import { AppError } from '../../../src/errors';
import { loadSample } from '../../../src/services/sample/sample-pantry';
import { changeNotice, changedTables } from '../../../src/worker/change-notice';
import { handlers } from '../../../src/worker/handlers';
import { defineHandlers, mergeHandlers, read, write, type HandlerMap } from '../../../src/worker/handlers/define';
import { TABLE_TOPICS, TOPICS, topicsOf } from '../../../src/worker/topics';
import { testDb } from '../../helpers/db';
import { missingReadDeps } from './read-deps';
import { catalogExamples } from './read-examples/catalog';
import { makingExamples } from './read-examples/making';
import { pantryExamples } from './read-examples/pantry';
import { planningExamples } from './read-examples/planning';
import { goodsExamples } from './read-examples/goods';
import { materialsExamples } from './read-examples/materials';
import { recipesExamples } from './read-examples/recipes';
import { settingsExamples } from './read-examples/settings';
import { snapshotExamples } from './read-examples/snapshot';

/** One example call per read, by area (adding an area's reads: its examples file and one line here). */
const EXAMPLES = { ...catalogExamples, ...pantryExamples, ...settingsExamples, ...planningExamples, ...makingExamples, ...snapshotExamples, ...materialsExamples, ...recipesExamples, ...goodsExamples };

const map = handlers as unknown as HandlerMap;
const SAMPLE = join(import.meta.dirname, '../../../src/services/sample/bake-tracker-sample.json');

async function sampleBakery(): Promise<Database> {
  const db = await testDb();
  loadSample(db, JSON.parse(readFileSync(SAMPLE, 'utf8')));
  return db;
}

describe('handler maps', () => {
  it('merging maps that declare the same method name throws, naming it', () => {
    const first = defineHandlers({ 'pantry.overview': read(['stock'], () => 1) });
    const second = defineHandlers({ 'pantry.overview': write(() => 2), 'pantry.other': write(() => 3) });
    let error: unknown;
    try {
      mergeHandlers(first, second);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).message).toContain('"pantry.overview" is declared twice');
  });

  it('merging distinct maps keeps every handler with its declaration', () => {
    const merged = mergeHandlers(defineHandlers({ 'a.get': read(['stock'], () => 1) }), defineHandlers({ 'a.set': write(() => 2) }));
    expect(Object.keys(merged)).toEqual(['a.get', 'a.set']);
    expect(merged['a.get'].kind).toBe('read');
    expect(merged['a.get'].deps).toEqual(['stock']);
    expect(merged['a.set'].kind).toBe('write');
  });

  it('every handler of the app is a read or a write, and reads depend on known topics', () => {
    for (const [name, handler] of Object.entries(map)) {
      expect([name, handler.kind]).toEqual([name, expect.stringMatching(/^(read|write)$/)]);
      if (handler.kind === 'read') for (const dep of handler.deps) expect(TOPICS).toContain(dep);
    }
  });

  it('system reads depend on no topic: they change only with the whole database, or are asked for when needed', () => {
    const systemReads = Object.entries(map).filter(([name, h]) => name.startsWith('system.') && h.kind === 'read');
    expect(systemReads.length).toBeGreaterThan(3);
    for (const [, h] of systemReads) expect(h.kind === 'read' && h.deps).toEqual([]);
  });
});

describe('topics: what a write means', () => {
  it('every table of the schema belongs to at least one topic, and every mapped table exists', async () => {
    const db = await testDb();
    const tables = db.engine
      .all<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .map((t) => t.name);
    expect(Object.keys(TABLE_TOPICS).sort()).toEqual(tables);
    for (const table of tables) expect(TABLE_TOPICS[table]!.length).toBeGreaterThan(0);
  });

  it('an unknown table, or none named, means anything may have changed', () => {
    expect(topicsOf(['lots', 'lot_adjustments'])).toEqual(['stock']);
    expect(topicsOf(['lots', 'test_hook_touches'])).toBe('all');
    expect(topicsOf([])).toBe('all');
  });

  it('a purchase refreshes the pantry screens and the ingredient page, not the settings', () => {
    const notice = changeNotice(changedTables([[
      { sql: 'INSERT INTO purchases (product_id) VALUES (?)', params: [1] },
      { sql: 'INSERT INTO lots (product_id) VALUES (?)', params: [1] },
    ]]), 7);
    expect(notice).toMatchObject({ type: 'changed', tables: ['lots', 'purchases'], seq: 7 });
    const reads = notice.type === 'changed' ? notice.reads : [];
    expect(reads).toEqual(expect.arrayContaining(['pantry.overview', 'pantry.listPurchases', 'pantry.summary', 'catalog.getIngredient']));
    expect(reads).not.toContain('settings.get');
    expect(reads).not.toContain('catalog.searchIngredients');
  });

  it('a restore (no table named) refreshes every read', () => {
    expect(changeNotice([], 3)).toEqual({ type: 'changed', tables: [], reads: 'all', seq: 3 });
  });
});

describe('audit: each read declares the topics of the tables it reads', () => {
  it('every read outside system.* has an example call to be audited with', () => {
    const reads = Object.entries(map).filter(([name, h]) => h.kind === 'read' && !name.startsWith('system.')).map(([name]) => name);
    expect(reads.filter((name) => !(name in EXAMPLES))).toEqual([]);
  });

  it('run on the sample bakery, no read uses a table whose topic it does not declare', async () => {
    const db = await sampleBakery();
    expect(await missingReadDeps(map, db, EXAMPLES)).toEqual([]);
  });

  it('the audit catches a read that forgets a topic (the audit can fail)', async () => {
    const db = await sampleBakery();
    const careless = defineHandlers({
      // Reads lots (stock) and products, but says it depends on ingredients only.
      'pantry.careless': read(['ingredients'], (ctx, _params: void) =>
        ctx.db.engine.all('SELECT l.id FROM lots l JOIN products p ON p.id = l.product_id LIMIT 1'),
      ),
    });
    expect(await missingReadDeps(careless, db, { 'pantry.careless': () => undefined })).toEqual([
      { method: 'pantry.careless', missing: { stock: ['lots'], products: ['products'] } },
    ]);
  });
});
