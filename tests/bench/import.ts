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
import { bigSnapshot } from '../helpers/big-snapshot';

const ROOT = join(import.meta.dirname, '../..');
const TARGET_BYTES = Number(process.env.BENCH_IMPORT_MB ?? 50) * 1_000_000;

const dir = mkdtempSync(join(tmpdir(), 'bp-bench-import-'));
const file = join(dir, 'big.json');
writeFileSync(file, bigSnapshot(TARGET_BYTES));
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
