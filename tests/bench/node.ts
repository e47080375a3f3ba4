/**
 * Node benchmark: the very same services on sql.js (what the browser runs)
 * and on native SQLite (better-sqlite3), to show what WebAssembly costs and
 * where the hot paths stand as a pantry grows. Prints a table and writes
 * bench-results/node.json. Figures, not assertions: nothing here fails.
 *
 *   npm run bench
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/db/engine';
import { migrate } from '../../src/db/migrate';
import { NativeEngine } from '../../src/db/native-engine';
import { Database } from '../../src/db/session';
import { SqlJsEngine } from '../../src/db/sqljs-engine';
import { createIngredient } from '../../src/services/catalog/ingredients';
import { createProduct } from '../../src/services/catalog/products';
import { planFifo } from '../../src/services/pantry/fifo';
import { recordPurchase } from '../../src/services/pantry/purchases';
import { pantryOverview } from '../../src/services/pantry/stock';
import { importBakeTracker } from '../../src/services/import/bake-tracker/import';

const ROOT = join(import.meta.dirname, '..', '..');
const SIZES = [10_000, 40_000];
const INGREDIENTS = 200;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

async function openEngine(driver: 'sqljs' | 'native'): Promise<Engine> {
  return driver === 'sqljs' ? SqlJsEngine.open() : NativeEngine.open();
}

interface Figures {
  record_purchase_ms_p50: number;
  record_purchase_ms_p95: number;
  fifo_dry_run_ms_p50: number;
  pantry_overview_ms: number;
  seed_s: number;
}

async function measure(driver: 'sqljs' | 'native', lots: number): Promise<Figures> {
  let day = 0;
  const db = new Database(await openEngine(driver), { clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, day++)) });
  migrate(db);
  const products: { ingredientId: number; productId: number }[] = [];
  for (let i = 0; i < INGREDIENTS; i++) {
    const ing = createIngredient(db, { name: `Bench flour ${i}`, density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'oz' } });
    for (const [j, unit] of (['lb', 'kg'] as const).entries()) {
      const p = createProduct(db, { ingredientId: ing.id, brand: `Mill ${j}`, name: `Flour ${i}-${j}`, packageQuantity: 25, packageUnit: unit });
      products.push({ ingredientId: ing.id, productId: p.id });
    }
  }
  const recordTimes: number[] = [];
  const t0 = performance.now();
  for (let n = 0; n < lots; n++) {
    const p = products[n % products.length]!;
    const date = new Date(Date.UTC(2024, 0, 1) + Math.floor(n / products.length) * 86_400_000).toISOString().slice(0, 10);
    const dt = time(() => recordPurchase(db, { productId: p.productId, purchasedOn: date, packages: 1 + (n % 3), pricePerPackage: 8.99 + (n % 7) }));
    recordTimes.push(dt);
  }
  const seedSeconds = (performance.now() - t0) / 1000;
  const fifoTimes: number[] = [];
  for (let k = 0; k < 50; k++) {
    const ingredientId = products[(k * 2) % products.length]!.ingredientId;
    fifoTimes.push(time(() => planFifo(db, { ingredientId, quantity: 48 * (k + 1), unit: 'cup' })));
  }
  const overview = time(() => pantryOverview(db));
  db.close();
  return {
    record_purchase_ms_p50: percentile(recordTimes, 50),
    record_purchase_ms_p95: percentile(recordTimes, 95),
    fifo_dry_run_ms_p50: percentile(fifoTimes, 50),
    pantry_overview_ms: overview,
    seed_s: seedSeconds,
  };
}

async function importFixture(driver: 'sqljs' | 'native'): Promise<number> {
  const data = JSON.parse(readFileSync(join(ROOT, 'src/services/sample/bake-tracker-sample.json'), 'utf8')) as unknown;
  const db = new Database(await openEngine(driver));
  migrate(db);
  const ms = time(() => importBakeTracker(db, data));
  db.close();
  return ms;
}

const results: Record<string, unknown> = {
  machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, node ${process.version}`,
  date: new Date().toISOString(),
  lots_per_ingredient: SIZES.map((s) => s / INGREDIENTS),
};
const rows: string[][] = [['driver', 'lots', 'purchase p50 ms', 'purchase p95 ms', 'FIFO dry run p50 ms', 'pantry overview ms', 'seed s']];
for (const driver of ['sqljs', 'native'] as const) {
  const perSize: Record<string, Figures> = {};
  for (const lots of SIZES) {
    const f = await measure(driver, lots);
    perSize[String(lots)] = f;
    rows.push([driver, String(lots), ...[f.record_purchase_ms_p50, f.record_purchase_ms_p95, f.fifo_dry_run_ms_p50, f.pantry_overview_ms, f.seed_s].map((x) => x.toFixed(3))]);
  }
  results[driver] = { ...perSize, import_bake_tracker_fixture_ms: await importFixture(driver) };
}
const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
for (const r of rows) console.log(r.map((c, i) => c.padStart(widths[i]!)).join('  '));
for (const driver of ['sqljs', 'native'] as const) {
  console.log(`${driver}: import of the Bake Tracker fixture (413 ingredients, 156 products, 156 lots): ${(results[driver] as { import_bake_tracker_fixture_ms: number }).import_bake_tracker_fixture_ms.toFixed(1)} ms`);
}
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/node.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log('wrote bench-results/node.json');
