/**
 * Builds the app once and serves it with `vite preview` on a free port: the
 * browser tests and the browser benchmark run against a production bundle,
 * service worker and content security policy included. The build goes to its
 * own folder so a developer's `dist/` (or their running preview) is never touched.
 *
 * Two builds, both minified production bundles, differ in one constant:
 * - 'test-hooks' (`vite build --mode test-hooks`): opened with `?test-hooks`,
 *   the page exposes its RPC client and the worker its test-only handlers.
 *   Most browser tests and the benchmark drive the app through them.
 * - 'production' (`vite build`, what `npm start` serves): the hooks are not in
 *   it at all; tests/browser/security-*.test.ts run on it and prove it.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../../..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export type BuildMode = 'test-hooks' | 'production';

export interface BuildOptions {
  /** Where the build goes (a new temporary folder by default). */
  outDir?: string;
  /** The path it is served under, '/' by default. */
  base?: string;
  /** The app version stamped into it (VITE_APP_VERSION), package.json's by default. */
  version?: string;
}

export function buildApp(mode: BuildMode, options: BuildOptions = {}): string {
  const outDir = options.outDir ?? mkdtempSync(join(tmpdir(), 'bake-planner-build-'));
  const args = [VITE, 'build', '--mode', mode, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (options.base) args.push('--base', options.base);
  const result = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    // Vitest sets NODE_ENV=test, which Vite would honour and build a development bundle.
    env: { ...process.env, NODE_ENV: 'production', ...(options.version ? { VITE_APP_VERSION: options.version } : {}) },
  });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
  return outDir;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function startPreview(outDir: string): Promise<PreviewServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [VITE, 'preview', '--outDir', outDir, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  // localhost (not 127.0.0.1) so the origin is a secure context the same way users get it.
  const url = `http://localhost:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`vite preview exited:\n${output}`);
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill();
      throw new Error(`vite preview did not start:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        // Stopping twice is fine: a server already gone (killed or exited) resolves at once.
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill();
      }),
  };
}

export async function buildAndServe(mode: BuildMode): Promise<PreviewServer & { outDir: string }> {
  const outDir = buildApp(mode);
  const server = await startPreview(outDir);
  return {
    ...server,
    outDir,
    stop: async () => {
      await server.stop();
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}
