/*
 * The generated bakery (issue 14): the same size and seed write the same
 * bytes (`bake-planner generate`, the real command in its own process), the
 * S file holds the whole bakery (events, plans, bakes and assemblies
 * included), imports with `bake-planner import` and round-trips through
 * import and export, and the S bakery's events, plans, bakes and assemblies
 * are recorded through the services, deterministically.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAKERY_SHAPES, bakeryFile, generatorClock, levels } from '../../../../src/domain/generated-bakery';
import { buildGeneratedBakery, generateActivity, importGeneratedBakery } from '../../../../src/services/generate/bakery';
import { importSnapshot } from '../../../../src/services/snapshot/import';
import { count, testDb } from '../../../helpers/db';
import { contentOf, schemaErrors } from '../snapshot/snapshot-helpers';

const ROOT = join(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');
const SLOW = { timeout: 120_000 };

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

describe('generated bakery', SLOW, () => {
  it('generate S writes the same bytes for the same seed, other bytes for another seed, and the file imports', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-generate-'));
    const [a, b, c] = ['a.json', 'b.json', 'c.json'].map((f) => join(dir, f));
    expect(cli('generate', 'S', a!).code).toBe(0);
    expect(cli('generate', 's', b!).code).toBe(0);
    expect(cli('generate', 'S', c!, '--seed', '7').code).toBe(0);
    expect(readFileSync(a!).equals(readFileSync(b!))).toBe(true);
    expect(readFileSync(a!).equals(readFileSync(c!))).toBe(false);

    const file = JSON.parse(readFileSync(a!, 'utf8')) as Record<string, unknown[]>;
    expect(schemaErrors(file)).toEqual([]);
    expect(file.ingredients).toHaveLength(BAKERY_SHAPES.S.ingredients);
    expect(file.recipes).toHaveLength(BAKERY_SHAPES.S.recipes);
    expect(file.finished_goods).toHaveLength(BAKERY_SHAPES.S.goods);
    expect(file.purchases!.length + file.material_purchases!.length).toBe(BAKERY_SHAPES.S.lots);
    // The whole bakery: its events (with their targets and saved plans) and its runs with their ledgers.
    expect(file.events).toHaveLength(BAKERY_SHAPES.S.events);
    expect((file.events as { targets: unknown[]; plan_snapshots: unknown[] }[]).map((e) => [e.targets.length, e.plan_snapshots.length > 0])).toEqual([[BAKERY_SHAPES.S.targetsPerEvent, true]]);
    expect(file.production_runs!.length + file.assembly_runs!.length).toBeGreaterThanOrEqual(BAKERY_SHAPES.S.runs);
    expect(file.assembly_runs!.length).toBeGreaterThan(0);

    const db = join(dir, 'bakery.sqlite');
    const imported = cli('import', db, a!, '--json');
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect((JSON.parse(imported.out) as { ok: boolean }).ok).toBe(true);
  });

  it('refuses a size it does not know and a seed that is not a whole number, writing nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-generate-'));
    const out = join(dir, 'x.json');
    const size = cli('generate', 'XL', out);
    expect(size.code).toBe(1);
    expect(size.err).toMatch(/XL is not a size: say S, M or L/);
    const seed = cli('generate', 'S', out, '--seed', '1.5');
    expect(seed.code).toBe(1);
    expect(seed.err).toMatch(/--seed takes a whole number/);
    expect(existsSync(out)).toBe(false);
  });

  it('round-trips: the S bakery, runs and all, imported and exported again is the same bakery', async () => {
    const built = await testDb(generatorClock());
    buildGeneratedBakery(built, { size: 'S' });
    const text = contentOf(built);
    const again = await testDb();
    expect(importSnapshot(again, JSON.parse(text), { mode: 'restore' }).ok).toBe(true);
    expect(contentOf(again)).toBe(text);
  });

  it('nests recipes and goods as deep as the size says, and never deeper', () => {
    expect(levels(10, 1)).toEqual(Array(10).fill(0));
    expect(Math.max(...levels(500, 3))).toBe(2);
    const file = bakeryFile('M') as { recipes: { slug: string; sub_recipes?: { recipe: string }[] }[] };
    const subs = new Map(file.recipes.map((r) => [r.slug, (r.sub_recipes ?? []).map((s) => s.recipe)]));
    const deep = (slug: string): number => 1 + Math.max(0, ...subs.get(slug)!.map(deep));
    expect(Math.max(...file.recipes.map((r) => deep(r.slug)))).toBe(BAKERY_SHAPES.M.recipeLevels);
  });

  it('records the S bakery events, plans, bakes and assemblies through the services, the same way twice', async () => {
    const built: string[] = [];
    for (let i = 0; i < 2; i++) {
      const db = await testDb(generatorClock());
      importGeneratedBakery(db, { size: 'S' });
      const done = generateActivity(db, { size: 'S' });
      expect(done.productionRuns + done.assemblyRuns).toBeGreaterThanOrEqual(BAKERY_SHAPES.S.runs);
      expect(done.assemblyRuns).toBeGreaterThan(0);
      expect(count(db, 'events')).toBe(BAKERY_SHAPES.S.events);
      expect(count(db, 'event_good_targets')).toBe(BAKERY_SHAPES.S.targetsPerEvent);
      expect(count(db, 'production_runs')).toBe(done.productionRuns);
      expect(count(db, 'assembly_runs')).toBe(done.assemblyRuns);
      built.push(JSON.stringify(db.engine.all('SELECT * FROM production_consumptions ORDER BY id')));
    }
    expect(built[0]).toBe(built[1]);
  });
});
