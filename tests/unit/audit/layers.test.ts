/*
 * One direction of dependency: ui -> rpc -> worker -> services -> db ->
 * persistence. Pure code (domain, errors) may be used by anyone and uses
 * nobody. Type-only imports may cross (the RPC contract is a type derived
 * from the worker's handler map); runtime imports may not go the wrong way.
 */
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, read, rel, sourceFiles } from './source-files';

const LAYERS = ['ui', 'platform', 'rpc', 'worker', 'services', 'db', 'persistence', 'domain', 'cli'] as const;
type Layer = (typeof LAYERS)[number] | 'errors' | 'main';

/** What each layer may import at runtime. */
const ALLOWED: Record<Layer, Layer[]> = {
  // The entry starts the worker before it loads the UI (src/main.ts), so it wires both.
  main: ['ui', 'rpc'],
  ui: ['ui', 'rpc', 'platform', 'domain', 'errors'],
  platform: ['platform', 'errors'],
  rpc: ['rpc', 'errors'],
  worker: ['worker', 'rpc', 'services', 'db', 'persistence', 'domain', 'errors'],
  services: ['services', 'db', 'domain', 'errors'],
  db: ['db', 'persistence', 'errors'],
  persistence: ['persistence', 'errors'],
  domain: ['domain', 'errors'],
  errors: [],
  // The command-line tool is another consumer of the services, like the worker.
  cli: ['cli', 'services', 'db', 'domain', 'errors'],
};

function layerOf(file: string): Layer | undefined {
  const parts = relative(join(ROOT, 'src'), file).split(sep);
  if (parts.length === 1) return parts[0]!.startsWith('errors') ? 'errors' : 'main';
  return (LAYERS as readonly string[]).includes(parts[0]!) ? (parts[0] as Layer) : undefined;
}

const IMPORT = /^\s*import\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm;

function violations(): string[] {
  const out: string[] = [];
  for (const file of sourceFiles('src')) {
    const from = layerOf(file);
    if (!from) continue;
    for (const m of read(file).matchAll(IMPORT)) {
      const typeOnly = Boolean(m[1]);
      const spec = m[2] ?? m[3] ?? m[4]!;
      if (!spec.startsWith('.') || typeOnly) continue;
      const target = join(dirname(file), spec);
      const to = layerOf(target);
      if (to && !ALLOWED[from].includes(to)) out.push(`${rel(file)} imports ${spec} (${from} -> ${to})`);
    }
  }
  return out;
}

describe('audit: layers depend in one direction', () => {
  it('no module imports a layer above it at runtime (the UI never reaches services or SQL)', () => {
    expect(violations()).toEqual([]);
  });
});
