/**
 * `plan` and `staleness` as a baker's script runs them: the real command
 * (src/cli/bin.mjs) in its own process, on a real database file holding the
 * built-in sample and its Holiday 2026 event. The JSON is the shape,
 * key for key; `plan` writes the file only with --save; an error writes
 * nothing.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabaseFile, saveDatabaseFile } from '../../../src/cli/files';
import { findRecipeBySlug } from '../../../src/services/recipes/recipe-rows';
import { getRecipe, updateRecipe } from '../../../src/services/recipes/recipes';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const keys = (o: object) => Object.keys(o);

/** Each command starts tsx and sql.js in a process of its own; on a busy two-core machine that takes seconds. */
const SLOW = { timeout: 180_000 };

describe('plan and staleness on a real database file', SLOW, () => {
  let db = '';
  beforeAll(() => {
    db = join(mkdtempSync(join(tmpdir(), 'bp-plan-')), 'bakery.sqlite');
    expect(cli('sample', db).code).toBe(0);
  }, 120_000);

  it('prints the plan in the issue\'s shape and writes nothing without --save', () => {
    const before = hashOf(db);
    const r = cli('plan', db, 'holiday-2026', '--json');
    expect([r.code, r.err]).toEqual([0, '']);
    expect(hashOf(db)).toBe(before);
    const plan = JSON.parse(r.out);
    expect(keys(plan)).toEqual(['event', 'state', 'batches', 'ingredients', 'packaging', 'cost_baseline']);
    expect([plan.event, plan.state]).toEqual(['holiday-2026', 'draft']);
    expect(plan.batches[0]).toEqual({
      recipe: 'almond-biscotti',
      finished_unit: 'almond-biscotti',
      units_needed: 240,
      yield_per_batch: 36,
      batches: 7,
      total_units: 252,
      waste: 12,
      floor: { batches: 6, total_units: 216, short: 24 },
      ceil: { batches: 7, total_units: 252, spare: 12 },
    });
    // A need that is a whole number of batches has no floor.
    expect(plan.batches.find((b: { finished_unit: string }) => b.finished_unit === 'almond-flour-brownie')).toMatchObject({ units_needed: 160, batches: 10, floor: null });
    for (const i of plan.ingredients) expect(keys(i)).toEqual(['ingredient', 'display_name', 'quantity', 'unit', 'cost_per_unit', 'cost']);
    expect(plan.ingredients.find((i: { ingredient: string }) => i.ingredient === 'eggs_whole')).toMatchObject({ display_name: 'Eggs, whole', quantity: 44, unit: 'each' });
    for (const p of plan.packaging) expect(keys(p)).toEqual(['material', 'quantity', 'unit']);
    expect(plan.packaging).toContainEqual({ material: 'box_window_cake_10x10', quantity: 40, unit: 'each' });
    expect(typeof plan.cost_baseline).toBe('number');
  });

  it('staleness says what changed since the plan was saved; --save saves the plan again and the file with it', async () => {
    const fresh = cli('staleness', db, 'holiday-2026', '--json');
    expect(JSON.parse(fresh.out)).toEqual({ event: 'holiday-2026', stale: false, changes: [] });

    // The baker edits the biscotti recipe (in the app, here through the same services on the file).
    const open = await openDatabaseFile(db, false);
    const recipe = getRecipe(open, findRecipeBySlug(open, 'almond-biscotti')!.id);
    const eggs = recipe.ingredientLines.findIndex((l) => l.ingredient.slug === 'eggs_whole');
    updateRecipe(open, { id: recipe.id, ingredientLines: recipe.ingredientLines.map((l, i) => ({ ingredientId: l.ingredient.id, quantity: i === eggs ? l.quantity + 1 : l.quantity, unit: l.unit })) });
    saveDatabaseFile(open, db);
    const eggsBefore = recipe.ingredientLines[eggs]!.quantity;

    const stale = cli('staleness', db, 'holiday-2026', '--json');
    expect(stale.code).toBe(0);
    expect(JSON.parse(stale.out)).toEqual({
      event: 'holiday-2026',
      stale: true,
      changes: [
        {
          kind: 'ingredient_line_changed',
          item: 'almond-biscotti',
          before: { ingredient: 'eggs_whole', quantity: eggsBefore, unit: 'each' },
          after: { ingredient: 'eggs_whole', quantity: eggsBefore + 1, unit: 'each' },
        },
      ],
    });

    const before = hashOf(db);
    const saved = cli('plan', db, 'holiday-2026', '--save', '--json');
    expect(saved.code).toBe(0);
    expect(hashOf(db)).not.toBe(before);
    expect(JSON.parse(cli('staleness', db, 'holiday-2026', '--json').out).stale).toBe(false);
    expect(cli('staleness', db, 'holiday-2026').out).toMatch(/^Holiday 2026: up to date/);
  });

  it('an unknown event is exit 1 with the message on stderr, the error object on stdout, and the file untouched', () => {
    const before = hashOf(db);
    const r = cli('plan', db, 'easter-2027', '--save', '--json');
    expect(r.code).toBe(1);
    expect(r.err).toBe('error: No event "easter-2027".\n');
    expect(JSON.parse(r.out)).toEqual({ error: { code: 'NOT_FOUND', message: 'No event "easter-2027".', details: { event: 'easter-2027' } } });
    expect(hashOf(db)).toBe(before);
    expect(cli('staleness', db).code).toBe(1);
  });
});
