/**
 * npm run bench:import — a 50 MB snapshot imported on the command line, as
 * `bake-planner import` runs it: the file's size, how long reading,
 * checking and writing took, and the process's peak memory (RSS, from the
 * kernel's VmHWM). The target is under 400 MB peak. Prints the figures and
 * writes bench-results/import.json. Not a test: the numbers depend on the
 * machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const TARGET_BYTES = Number(process.env.BENCH_IMPORT_MB ?? 50) * 1_000_000;

/** A large, valid bakery: many ingredients with products, each bought a few times, and recipes using them. */
function bigSnapshot(): string {
  const ingredients: unknown[] = [];
  const products: unknown[] = [];
  const purchases: unknown[] = [];
  const recipes: unknown[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_BYTES; i++) {
    const slug = `ingredient-${i}`;
    const notes = `Bench ingredient ${i}: kept cool and dry, bought from the usual shop; ${'a baker\'s note about it. '.repeat(12)}`;
    const ingredient = { slug, name: `Ingredient ${i}`, density: { volume_quantity: 1, volume_unit: 'cup', weight_quantity: 100 + (i % 50), weight_unit: 'g' }, notes };
    ingredients.push(ingredient);
    size += JSON.stringify(ingredient).length * 1.22;
    const product = { slug: `product-${i}`, ingredient: slug, brand: `Brand ${i % 97}`, name: `Product ${i}`, package_quantity: 1 + (i % 25), package_unit: 'lb', notes: 'The big bag, on the bottom shelf.' };
    products.push(product);
    size += JSON.stringify(product).length * 1.3;
    for (let p = 0; p < 3; p++) {
      const day = String(1 + ((i + p * 7) % 28)).padStart(2, '0');
      const purchase = { product: `product-${i}`, date: `2026-${String(1 + p * 3).padStart(2, '0')}-${day}`, packages: 1 + p, price_per_package: 2.49 + (i % 13), notes: 'Bench purchase, receipt in the drawer' };
      purchases.push(purchase);
      size += JSON.stringify(purchase).length * 1.4;
    }
    if (i % 4 === 3) {
      recipes.push({
        slug: `recipe-${i}`,
        name: `Recipe ${i}`,
        notes: 'Cream the butter and sugar, add the dry ingredients, bake at 350 F until golden.',
        ingredients: [0, 1, 2, 3].map((k) => ({ ingredient: `ingredient-${i - k}`, quantity: 1 + k, unit: 'cup' })),
      });
    }
    size += i % 4 === 3 ? 900 : 0;
  }
  return JSON.stringify({ format: 'bake-planner-snapshot', format_version: 1, ingredients, products, purchases, recipes }, null, 2);
}

const dir = mkdtempSync(join(tmpdir(), 'bp-bench-import-'));
const file = join(dir, 'big.json');
writeFileSync(file, bigSnapshot());
const bytes = statSync(file).size;
const db = join(dir, 'big.sqlite');

// The CLI in a child process, reporting its own peak RSS when it exits.
const script = `
import { readFileSync } from 'node:fs';
const { main } = await import(${JSON.stringify(join(ROOT, 'src/cli/main.ts'))});
const started = performance.now();
const code = await main(['import', ${JSON.stringify(db)}, ${JSON.stringify(file)}]);
const status = readFileSync('/proc/self/status', 'utf8');
const peak = Number(/VmHWM:\\s+(\\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
process.stderr.write('BENCH ' + JSON.stringify({ code, seconds: (performance.now() - started) / 1000, peakRssBytes: peak || process.resourceUsage().maxRSS * 1024 }) + '\\n');
`;
const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
const line = child.stderr.split('\n').find((l) => l.startsWith('BENCH '));
if (!line) {
  process.stderr.write(child.stderr);
  throw new Error('The import did not report its figures.');
}
const result = JSON.parse(line.slice(6)) as { code: number; seconds: number; peakRssBytes: number };
const figures = {
  fileMB: +(bytes / 1e6).toFixed(1),
  exitCode: result.code,
  seconds: +result.seconds.toFixed(1),
  peakRssMB: +(result.peakRssBytes / 1e6).toFixed(0),
  databaseMB: 0,
  targetPeakRssMB: 400,
  summary: (child.stdout.split('\n')[0] || child.stderr.split('\n').find((l) => l.startsWith('error')) || '').slice(0, 300),
};
figures.databaseMB = +((statSync(db, { throwIfNoEntry: false })?.size ?? 0) / 1e6).toFixed(1);
console.log(`import of a ${figures.fileMB} MB snapshot: exit ${figures.exitCode}, ${figures.seconds} s, peak RSS ${figures.peakRssMB} MB (target < 400 MB), database ${figures.databaseMB} MB`);
console.log(figures.summary);
mkdirSync(join(ROOT, 'bench-results'), { recursive: true });
writeFileSync(join(ROOT, 'bench-results/import.json'), `${JSON.stringify(figures, null, 2)}\n`);
