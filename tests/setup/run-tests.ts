/**
 * `npm test`: the unit and the browser projects at the same time, as two
 * Vitest runs, instead of one after the other as a single `vitest run` does.
 *
 * Why two runs: Vitest puts a project limited to one worker at a time (the
 * browser project: one Chromium at a time) in a group of its own and runs the
 * groups in series, and a group has one worker count for all its projects, so
 * no setting in vitest.config.ts lets the two overlap. The browser tests spend
 * most of their time waiting on Chromium (about 0.7 of the machine's two cores
 * measured over a whole run), and the unit files fill that idle time.
 *
 * The unit run is niced: the browser tests are the long pole, and the unit
 * files only take the cycles they leave. Each line of either run is passed on
 * whole, so the output reads as two interleaved reports, each line naming its
 * project. Arguments (`npm test -- tests/unit/x`) run one plain `vitest run`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { setPriority } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const VITEST = join(ROOT, 'node_modules/vitest/vitest.mjs');
const env = { ...process.env, ...(process.stdout.isTTY ? { FORCE_COLOR: '1' } : {}) };

function vitest(args: string[], passThrough: boolean): ChildProcess {
  return spawn(process.execPath, [VITEST, 'run', ...args], { cwd: ROOT, env, stdio: passThrough ? 'inherit' : ['ignore', 'pipe', 'pipe'] });
}

/** Copies whole lines from `from` to `to`, so two runs writing at once never split each other's lines. */
function forwardLines(from: NodeJS.ReadableStream, to: NodeJS.WritableStream): void {
  let rest = '';
  from.setEncoding('utf8');
  from.on('data', (chunk: string) => {
    const text = rest + chunk;
    const end = text.lastIndexOf('\n') + 1;
    if (end > 0) to.write(text.slice(0, end));
    rest = text.slice(end);
  });
  from.on('end', () => rest && to.write(`${rest}\n`));
}

function finished(child: ChildProcess): Promise<number> {
  return new Promise((done) => child.on('close', (code, signal) => done(code ?? (signal ? 1 : 0))));
}

const args = process.argv.slice(2);
if (args.length > 0) {
  process.exit(await finished(vitest(args, true)));
}

const started = Date.now();
const runs = (['browser', 'unit'] as const).map((project) => {
  const child = vitest(['--project', project], false);
  forwardLines(child.stdout!, process.stdout);
  forwardLines(child.stderr!, process.stderr);
  // Its workers start after it has read its config, so they are born with this priority too.
  if (project === 'unit' && child.pid) setPriority(child.pid, 10);
  return { project, child, code: finished(child).then((code) => ({ code, seconds: Math.round((Date.now() - started) / 1000) })) };
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => runs.forEach((r) => r.child.kill(signal)));

const results = await Promise.all(runs.map(async (r) => ({ project: r.project, ...(await r.code) })));
console.log(`\n${results.map((r) => `${r.project}: ${r.code === 0 ? 'passed' : `failed (exit ${r.code})`} after ${r.seconds} s`).join('; ')}`);
process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
