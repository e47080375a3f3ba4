/**
 * Paired cold-start comparison of two builds (`npm run bench:cold-start -- <dirA> <dirB>`):
 * each a test-hooks build (`vite build --mode test-hooks --outDir <dir>`); a
 * dir of `.` builds this checkout into a temporary folder. Both are served
 * at once, each in its own browser profile holding the same seeded 1 and
 * 10 MB databases, and their cold starts alternate (A, B, A, B, …), so both
 * see the same load on a shared machine: one figure alone drifts with the
 * load, the difference between the two far less. Prints, per size, the
 * median first data and every startup phase's median moment for A and B.
 * Env: ROUNDS (default 15), SIZES (default 1,10, in MB), REMEMBERED=0 (open
 * without the answers the last session remembered: SQLite answers).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launch, openApp, type Profile } from '../browser/helpers/browser';
import { buildApp, startPreview, type PreviewServer } from '../browser/helpers/server';
import { coldStart, loadImage, type ColdStart } from './cold-start';
import { seedImage } from './seed-image';

const MiB = 1024 * 1024;
const rounds = Number(process.env.ROUNDS ?? 15);
const sizes = (process.env.SIZES ?? '1,10').split(',').map(Number);
const options = { remembered: process.env.REMEMBERED !== '0' };
const dirs = process.argv.slice(2);
if (dirs.length !== 2) throw new Error('usage: cold-start-ab.ts <buildDirA> <buildDirB> (. builds this checkout)');

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

interface Side {
  label: string;
  server: PreviewServer;
  profile: Profile;
}

async function main(): Promise<void> {
  const outDirs = dirs.map((dir) => (dir === '.' ? buildApp('test-hooks') : dir));
  const images = new Map<number, Uint8Array>();
  for (const mb of sizes) images.set(mb, await seedImage(mb * MiB));
  for (const dir of outDirs) {
    mkdirSync(join(dir, '__bench'), { recursive: true });
    for (const [mb, image] of images) writeFileSync(join(dir, '__bench', `${mb}MB.sqlite`), image);
  }
  const servers = await Promise.all(outDirs.map(startPreview));
  try {
    for (const mb of sizes) {
      const sides: Side[] = [];
      for (const [i, server] of servers.entries()) {
        const profile = await launch();
        const page = await openApp(profile.context, server.url);
        await loadImage(page, `${mb}MB`);
        await page.close();
        await coldStart(profile, server.url, options); // fills the HTTP and wasm caches
        sides.push({ label: 'AB'[i]!, server, profile });
      }
      const loadBefore = loadavg()[0]!;
      const runs: Record<string, ColdStart[]> = { A: [], B: [] };
      try {
        for (let r = 0; r < rounds; r++) {
          // Alternate which goes first, so neither always follows the other's leftovers.
          const order = r % 2 ? [...sides].reverse() : sides;
          for (const side of order) runs[side.label]!.push(await coldStart(side.profile, side.server.url, options));
        }
      } finally {
        for (const side of sides) await side.profile.remove();
      }
      const loadAfter = loadavg()[0]!;
      console.log(`\n${mb} MB, ${rounds} rounds, load ${loadBefore.toFixed(2)} -> ${loadAfter.toFixed(2)}`);
      console.log(`  first data  A ${median(runs.A!.map((s) => s.ms)).toFixed(0)}  B ${median(runs.B!.map((s) => s.ms)).toFixed(0)} ms`);
      const names = [...new Set([...runs.A!, ...runs.B!].flatMap((s) => Object.keys(s.phases)))];
      const at = (label: string, name: string) => median(runs[label]!.flatMap((s) => s.phases[name] ?? []));
      names.sort((x, y) => at('B', x) - at('B', y));
      for (const name of names) console.log(`  ${name.padEnd(15)} A ${at('A', name).toFixed(0).padStart(4)}  B ${at('B', name).toFixed(0).padStart(4)}`);
    }
  } finally {
    for (const server of servers) await server.stop();
    for (const [i, dir] of outDirs.entries()) if (dirs[i] === '.') rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
