/**
 * npm run bench — issue 14: the app's main operations on generated bakeries
 * of sizes S, M and L (src/domain/generated-bakery.ts), each on sql.js (what
 * the browser runs) and on native SQLite (better-sqlite3) through the very
 * same service code. Median of repeated runs, the sql.js/native ratio, and
 * each size's peak memory (the import, and the rest, each in a child process
 * of its own per engine: the higher of their kernel high-water marks).
 * Prints a table and writes bench-results/scale.json. Times are CPU time (see
 * timeIt). Figures, not assertions: nothing here fails on a slow machine.
 *
 *   npm run bench            # S, M and L
 *   npm run bench -- S M     # some sizes only
 *
 * The bakery of each size is built once through the services (its file, with
 * its events and runs, and its database image) and kept in the system's
 * temporary directory, keyed by size, seed and the generator's source; later
 * runs reuse it (a newer schema is migrated onto it as on any database).
 * Building L takes minutes.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Engine } from '../../src/db/engine';
import { migrate } from '../../src/db/migrate';
import { NativeEngine } from '../../src/db/native-engine';
import { Database } from '../../src/db/session';
import { SqlJsEngine } from '../../src/db/sqljs-engine';
import { BAKERY_SHAPES, BAKERY_SIZES, DEFAULT_BAKERY_SEED, generatorClock, type BakerySize } from '../../src/domain/generated-bakery';
import { snapshotText } from '../../src/domain/snapshot-format';
import { snapshotFromBytes } from '../../src/domain/snapshot-bytes';
import { parseSnapshotText } from '../../src/domain/snapshot-text';
import { buildGeneratedBakery, prepareAssembly } from '../../src/services/generate/bakery';
import { recordAssembly } from '../../src/services/making/assembly';
import { checkProduction, recordProduction } from '../../src/services/making/production';
import { pantryOverview } from '../../src/services/pantry/stock';
import { eventFeasibility } from '../../src/services/planning/feasibility';
import { calculatePlan } from '../../src/services/planning/plan';
import { readPlanInputs } from '../../src/services/planning/plan-inputs';
import { eventProgress } from '../../src/services/planning/progress';
import { shoppingList } from '../../src/services/planning/shopping-list';
import { planStaleness } from '../../src/services/planning/staleness';
import { exportSnapshot, writeSnapshot } from '../../src/services/snapshot/export';
import { importSnapshot } from '../../src/services/snapshot/import';

const ROOT = join(import.meta.dirname, '..', '..');
const SELF = join(import.meta.dirname, 'scale.ts');
export const OPERATIONS = ['import', 'export', 'plan', 'shopping_list', 'feasibility', 'progress', 'staleness', 'record_production', 'record_assembly', 'pantry_overview'] as const;
type Operation = (typeof OPERATIONS)[number];
type Driver = 'sqljs' | 'native';
/** Repetitions per size: [whole-file import and export, the other operations]. */
const REPEATS: Record<BakerySize, [number, number]> = { S: [5, 15], M: [3, 9], L: [3, 7] };

interface SizeResult {
  results: Record<Operation, { sqljs_ms: number; native_ms: number; ratio: number }>;
  /** The sql.js process's: what the app's engine needs. */
  peak_rss_mb: number;
  native_peak_rss_mb: number;
  counts: Record<string, number>;
}

/** One engine at one size, measured in a process of its own so that its peak memory is its own. */
interface DriverResult {
  times: Record<Operation, number>;
  peakRssMb: number;
  counts: Record<string, number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * Milliseconds of this process's CPU time (user + system), not of the wall
 * clock: the operations are synchronous on one thread, so on an idle machine
 * the two agree, and on a shared one (other work on the same cores) the CPU
 * time still says what the operation costs. BENCH_CLOCK=wall times the wall clock.
 */
const WALL = process.env.BENCH_CLOCK === 'wall';
function timeIt(fn: () => void): number {
  if (WALL) {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  }
  const c0 = process.cpuUsage();
  fn();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
}

// ---- the built bakery, cached ----------------------------------------------

function cacheDir(size: BakerySize): string {
  const sources = ['src/domain/generated-bakery.ts', 'src/services/generate/bakery.ts'].map((f) => readFileSync(join(ROOT, f), 'utf8')).join('\n');
  // "whole": the file holds the events and runs too (earlier caches held the catalog and pantry only).
  const key = createHash('sha256').update(`${size}:${DEFAULT_BAKERY_SEED}:whole:${sources}`).digest('hex').slice(0, 12);
  return join(tmpdir(), 'bake-planner-bench', `${size}-${key}`);
}

/**
 * The snapshot file (what `generate` writes) and the image of the same
 * database. Built on native SQLite: the same services, a few
 * times faster than sql.js, and its image opens in either engine.
 */
async function build(size: BakerySize): Promise<void> {
  const dir = cacheDir(size);
  if (existsSync(join(dir, 'bakery.sqlite'))) return;
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const native = new BetterSqlite3(':memory:');
  const db = new Database(new NativeEngine(native), { clock: generatorClock() });
  migrate(db);
  const done = buildGeneratedBakery(db, { size });
  // The whole bakery, events and runs with their ledgers included: what `bake-planner generate` writes.
  writeFileSync(join(dir, 'bakery.json'), snapshotText(exportSnapshot(db)));
  writeFileSync(join(dir, 'bakery.sqlite.tmp'), native.serialize());
  renameSync(join(dir, 'bakery.sqlite.tmp'), join(dir, 'bakery.sqlite'));
  db.close();
  console.error(`built the ${size} bakery in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${done.productionRuns} bakes, ${done.assemblyRuns} assemblies (${dir})`);
}

async function emptyEngine(driver: Driver): Promise<Engine> {
  return driver === 'sqljs' ? SqlJsEngine.open() : NativeEngine.open();
}

/** The built database on either engine: sql.js from the image; better-sqlite3 from the same bytes, in memory too. */
async function builtDatabase(driver: Driver, image: Uint8Array): Promise<Database> {
  let engine: Engine;
  if (driver === 'sqljs') engine = await SqlJsEngine.open(image);
  else {
    const { default: BetterSqlite3 } = await import('better-sqlite3');
    engine = new NativeEngine(new BetterSqlite3(Buffer.from(image)));
  }
  const db = new Database(engine, { clock: generatorClock() });
  migrate(db);
  return db;
}

// ---- one size, both engines (a child process) ------------------------------

/** What the process's kernel says its peak resident memory was, in MB. */
function peakRssMb(): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) || process.resourceUsage().maxRSS;
  return round(peakKb / 1024, 0);
}

/** Importing the file, as `bake-planner import` does: a process of its own, so its memory is the import's. */
async function measureImport(size: BakerySize, driver: Driver): Promise<DriverResult> {
  // The file's bytes, read a batch of records at a time as `bake-planner import` reads them (src/domain/snapshot-bytes.ts).
  const bytes = readFileSync(join(cacheDir(size), 'bakery.json'));
  const imports: number[] = [];
  let peak = 0;
  for (let i = 0; i < REPEATS[size][0]; i++) {
    const db = new Database(await emptyEngine(driver));
    migrate(db);
    // `consume`, as `bake-planner import` runs it: the parsed sections are let go once read.
    imports.push(timeIt(() => importSnapshot(db, snapshotFromBytes(bytes) ?? parseSnapshotText(bytes.toString('utf8')), { mode: 'restore', consume: true })));
    db.close();
    // One import's peak, as `bake-planner import` has it: the repeats only add the garbage of the earlier ones.
    if (i === 0) peak = peakRssMb();
  }
  return { times: { import: median(imports) } as Record<Operation, number>, peakRssMb: peak, counts: {} };
}

/** Everything else, on the built database (with its events and runs). */
async function measureSize(size: BakerySize, driver: Driver): Promise<DriverResult> {
  const [fileRepeats, repeats] = REPEATS[size];
  const t: Partial<Record<Operation, number>> = {};
  let counts: Record<string, number> = {};

  {
    // readFileSync's own Buffer: sql.js keeps a view of it rather than a copy (src/cli/files.ts, readImage).
    const db = await builtDatabase(driver, readFileSync(join(cacheDir(size), 'bakery.sqlite')));
    const count = (table: string) => db.engine.get<{ n: number }>(`SELECT count(*) AS n FROM ${table}`)!.n;
    counts = Object.fromEntries(['ingredients', 'recipes', 'finished_goods', 'lots', 'material_lots', 'production_runs', 'assembly_runs', 'events', 'event_good_targets'].map((table) => [table, count(table)]));
    // The text in pieces, as `bake-planner export --out` writes it (the file's writes left out of the time).
    let bytes = 0;
    t.export = median(Array.from({ length: fileRepeats }, () => timeIt(() => writeSnapshot(db, (piece) => void (bytes += piece.length)))));
    if (bytes === 0) throw new Error('The export wrote nothing.');

    // The largest event: the most targets, the first of those (planned and in production).
    const eventId = db.engine.get<{ id: number }>('SELECT event_id AS id FROM event_good_targets GROUP BY event_id ORDER BY count(*) DESC, event_id LIMIT 1')!.id;
    const reads: [Operation, () => unknown][] = [
      ['plan', () => calculatePlan(db, { eventId })],
      ['shopping_list', () => shoppingList(db, { eventId })],
      ['feasibility', () => eventFeasibility(db, { eventId })],
      ['progress', () => eventProgress(db, { eventId })],
      ['staleness', () => planStaleness(db, { eventId })],
      ['pantry_overview', () => pantryOverview(db)],
    ];
    for (const [op, fn] of reads) {
      fn(); // warm: statements prepared, code compiled
      t[op] = median(Array.from({ length: repeats }, () => timeIt(fn)));
    }

    // One bake of a unit the event plans, then one assembly of a good it targets, its parts made beforehand (untimed).
    // Units whose bake the pantry can still supply (a checked bake writes nothing).
    const rows = readPlanInputs(db, eventId).rows.filter((r) => checkProduction(db, { recipeId: r.recipeId, finishedUnitId: r.finishedUnitId, batches: repeats + 1, eventId }).ready);
    const bakes: number[] = [];
    for (let i = 0; i <= repeats; i++) {
      const row = rows[(i * 7) % rows.length]!;
      const ms = timeIt(() => recordProduction(db, { recipeId: row.recipeId, finishedUnitId: row.finishedUnitId, batches: 1, eventId }));
      if (i > 0) bakes.push(ms);
    }
    t.record_production = median(bakes);
    const goods = db.engine.all<{ id: number }>('SELECT finished_good_id AS id FROM event_good_targets WHERE event_id = ? ORDER BY id', [eventId]).map((g) => g.id);
    const assemblies: number[] = [];
    for (let i = 0; i <= repeats; i++) {
      const goodId = goods[(i * 5) % goods.length]!;
      prepareAssembly(db, { goodId, quantity: 1, eventId });
      const ms = timeIt(() => recordAssembly(db, { goodId, quantity: 1, eventId }));
      if (i > 0) assemblies.push(ms);
    }
    t.record_assembly = median(assemblies);
    db.close();
  }

  return { times: t as Record<Operation, number>, peakRssMb: peakRssMb(), counts };
}

function child(args: string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, ...args], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`bench child ${args.join(' ')} failed (exit ${r.status})`);
  return r.stdout;
}

// ---- the parent: every size, a table, the file ------------------------------

function table(sizes: readonly BakerySize[], bySize: Partial<Record<BakerySize, SizeResult>>): string[] {
  const head = ['operation', ...sizes.flatMap((s) => [`${s} sql.js ms`, `${s} native ms`, `${s} ratio`])];
  if (bySize.M && bySize.L) head.push('L/M');
  const rows = OPERATIONS.map((op) => {
    const cells = [op, ...sizes.flatMap((s) => {
      const r = bySize[s]!.results[op];
      return [r.sqljs_ms.toFixed(2), r.native_ms.toFixed(2), r.ratio.toFixed(2)];
    })];
    if (bySize.M && bySize.L) cells.push((bySize.L.results[op].sqljs_ms / bySize.M.results[op].sqljs_ms).toFixed(2));
    return cells;
  });
  rows.push(['peak RSS MB', ...sizes.flatMap((s) => [String(bySize[s]!.peak_rss_mb), String(bySize[s]!.native_peak_rss_mb), ''])]);
  const widths = head.map((_, i) => Math.max(head[i]!.length, ...rows.map((r) => (r[i] ?? '').length)));
  return [head, ...rows].map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : (c ?? '').padStart(widths[i]!))).join('  '));
}

async function main(argv: string[]): Promise<void> {
  if (argv[0] === '--build') return build(argv[1] as BakerySize);
  if (argv[0] === '--measure') {
    const measure = argv[3] === 'import' ? measureImport : measureSize;
    process.stdout.write(`${JSON.stringify(await measure(argv[1] as BakerySize, argv[2] as Driver))}\n`);
    return;
  }
  const asked = argv.map((a) => a.toUpperCase()).filter((a): a is BakerySize => (BAKERY_SIZES as readonly string[]).includes(a));
  const sizes = asked.length > 0 ? BAKERY_SIZES.filter((s) => asked.includes(s)) : BAKERY_SIZES;
  const bySize: Partial<Record<BakerySize, SizeResult>> = {};
  for (const size of sizes) {
    child(['--build', size]);
    const [sqljs, native] = (['sqljs', 'native'] as const).map((driver) => {
      const [imported, rest] = ['import', 'rest'].map((part) => JSON.parse(child(['--measure', size, driver, part]).trim().split('\n').pop()!) as DriverResult);
      return { times: { ...rest!.times, import: imported!.times.import }, peakRssMb: Math.max(imported!.peakRssMb, rest!.peakRssMb), counts: rest!.counts };
    });
    const results = Object.fromEntries(
      OPERATIONS.map((op) => [op, { sqljs_ms: round(sqljs!.times[op]), native_ms: round(native!.times[op]), ratio: round(sqljs!.times[op] / native!.times[op]) }]),
    ) as SizeResult['results'];
    bySize[size] = { results, peak_rss_mb: sqljs!.peakRssMb, native_peak_rss_mb: native!.peakRssMb, counts: sqljs!.counts };
    const c = sqljs!.counts;
    console.log(
      `${size}: ${c.ingredients} ingredients, ${c.recipes} recipes, ${c.finished_goods} goods, ${c.lots! + c.material_lots!} lots, ${c.production_runs! + c.assembly_runs!} runs, ${c.events} events (${c.event_good_targets} targets); peak RSS ${sqljs!.peakRssMb} MB on sql.js, ${native!.peakRssMb} MB on native`,
    );
  }
  console.log(`milliseconds of ${WALL ? 'wall clock' : 'CPU time (BENCH_CLOCK=wall for the wall clock)'}, median`);
  for (const line of table(sizes, bySize)) console.log(line);

  // The file keeps every size measured so far: a run of some sizes replaces only those.
  const out = join(ROOT, 'bench-results/scale.json');
  const previous = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as { results?: Record<string, unknown>; peak_rss_mb?: Record<string, number> }) : {};
  const doc = {
    machine: `${cpus()[0]?.model ?? 'unknown cpu'} x${cpus().length}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}`,
    date: new Date().toISOString(),
    results: { ...previous.results, ...Object.fromEntries(sizes.map((s) => [s, bySize[s]!.results])) },
    peak_rss_mb: { ...previous.peak_rss_mb, ...Object.fromEntries(sizes.map((s) => [s, bySize[s]!.peak_rss_mb])) },
  };
  mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
  writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
  console.log(`wrote bench-results/scale.json (${BAKERY_SHAPES.L.lots} lots at L; machine: ${doc.machine})`);
}

await main(process.argv.slice(2));
