/*
 * One direction of dependency: ui -> rpc -> worker -> services -> db ->
 * persistence. Pure code (domain, errors) may be used by anyone and uses
 * nobody. Type-only imports may cross (the RPC contract is a type derived
 * from the worker's handler map); runtime imports may not go the wrong way.
 *
 * Inside the services, each area may use only the areas listed for it below,
 * and the list has no cycle. Between rpc and worker, the contract is the one
 * crossing: only src/rpc/contract.ts looks into the worker (for the type of
 * the handler map), and the worker imports only modules of src/rpc that
 * import nothing from it (the wire messages, the transfer helper, …; listed
 * below), never the contract, so the two form no cycle.
 * Each guard is shown failing on a fixture.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importsOf, type ImportEdge, type SourceFile } from './imports';
import { read, rel, sourceFiles } from './source-files';

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

/**
 * The service areas (src/services/<area>/) and the areas each may use. An
 * area's files may always use each other. A new area is added here with what
 * it uses; the map must stay free of cycles.
 */
export const SERVICE_AREAS: Record<string, readonly string[]> = {
  // Helpers every area that keeps named, archivable rows shares: delete/archive/restore, unique names.
  shared: [],
  settings: [],
  catalog: [],
  pantry: ['catalog'],
  materials: ['shared', 'catalog', 'pantry'],
  recipes: ['shared', 'catalog', 'pantry'],
  goods: ['shared', 'catalog', 'pantry', 'materials', 'recipes'],
  // Costs now (FIFO dry runs, latest prices) of ingredients, materials, recipes and goods.
  pricing: ['catalog', 'pantry', 'materials', 'recipes', 'goods'],
  // Change tracking for plans: the quantity-relevant definitions of recipes, finished units, goods, material units.
  definitions: ['catalog', 'materials', 'recipes', 'goods'],
  making: ['shared', 'catalog', 'pantry', 'materials', 'recipes', 'goods', 'pricing', 'definitions'],
  planning: ['shared', 'catalog', 'pantry', 'materials', 'recipes', 'goods', 'pricing', 'definitions', 'making', 'settings'],
  // Importing another app's file (services/import/bake-tracker/) writes through the areas it fills.
  import: ['shared', 'catalog', 'pantry', 'materials', 'recipes', 'goods'],
  snapshot: ['shared', 'catalog', 'pantry', 'materials', 'recipes', 'goods', 'pricing', 'definitions', 'making', 'planning', 'settings', 'import'],
  // The demo data is built through every area's services.
  sample: ['shared', 'catalog', 'pantry', 'materials', 'recipes', 'goods', 'pricing', 'definitions', 'making', 'planning', 'settings', 'import', 'snapshot'],
  // Generated bakeries for benchmarks (issue 14), built through the same services a baker uses.
  generate: ['making', 'planning', 'snapshot'],
};

function layerOf(path: string): Layer | undefined {
  const parts = path.replace(/^src\//, '').split('/');
  if (!path.startsWith('src/')) return undefined;
  if (parts.length === 1) return parts[0]!.startsWith('errors') ? 'errors' : 'main';
  return (LAYERS as readonly string[]).includes(parts[0]!) ? (parts[0] as Layer) : undefined;
}

const areaOf = (path: string) => /^src\/services\/([^/]+)\//.exec(path)?.[1];

export function layerViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (!from || !to || e.typeOnly) continue;
    if (!ALLOWED[from].includes(to)) out.push(`${e.from} imports ${e.spec} (${from} -> ${to})`);
  }
  return out;
}

export function areaViolations(edges: readonly ImportEdge[], areas: Record<string, readonly string[]> = SERVICE_AREAS): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = areaOf(e.from);
    if (!from) continue;
    if (!Object.hasOwn(areas, from)) {
      out.push(`${e.from}: the service area "${from}" is not in SERVICE_AREAS; add it with the areas it uses`);
      continue;
    }
    const to = areaOf(`${e.to}/`) ?? areaOf(e.to);
    if (to && to !== from && !areas[from]!.includes(to)) out.push(`${e.from} imports ${e.spec} (${from} -> ${to})`);
  }
  return out;
}

/** A cycle in the declared area map, as a path ("a -> b -> a"), or null. */
export function areaCycle(areas: Record<string, readonly string[]>): string | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (area: string, path: string[]): string | null => {
    if (state.get(area) === 'done') return null;
    if (state.get(area) === 'visiting') return [...path.slice(path.indexOf(area)), area].join(' -> ');
    state.set(area, 'visiting');
    for (const next of areas[area] ?? []) {
      const found = visit(next, [...path, area]);
      if (found) return found;
    }
    state.set(area, 'done');
    return null;
  };
  for (const area of Object.keys(areas)) {
    const found = visit(area, []);
    if (found) return found;
  }
  return null;
}

const CONTRACT = 'src/rpc/contract.ts';
/**
 * What the worker may take from src/rpc, all free of worker imports: the wire messages, the transfer
 * helper, the app version both sides compare, the startup marks both sides set, and the test hooks'
 * worker name (its options are read from it).
 */
const WORKER_MAY_IMPORT = ['src/rpc/wire', 'src/rpc/transfer', 'src/rpc/app-version', 'src/rpc/startup-marks', 'src/rpc/test-hooks'];

export function rpcWorkerViolations(edges: readonly ImportEdge[]): string[] {
  const out: string[] = [];
  for (const e of edges) {
    const from = layerOf(e.from);
    const to = layerOf(e.to);
    if (from === 'rpc' && to === 'worker' && (e.from !== CONTRACT || !e.typeOnly)) {
      out.push(`${e.from} imports ${e.spec}: only ${CONTRACT} may look into the worker, and only for types`);
    }
    if (from === 'worker' && to === 'rpc' && !WORKER_MAY_IMPORT.includes(e.to.replace(/\.ts$/, ''))) {
      out.push(`${e.from} imports ${e.spec}: the worker may import only ${WORKER_MAY_IMPORT.join(', ')} from src/rpc`);
    }
  }
  return out;
}

const projectFiles = (): SourceFile[] => sourceFiles('src').map((f) => ({ path: rel(f), text: read(f) }));
const fixture = (name: string, path: string): SourceFile => ({ path, text: readFileSync(`${import.meta.dirname}/fixtures/${name}`, 'utf8') });

describe('audit: layers depend in one direction', () => {
  it('no module imports a layer above it at runtime (the UI never reaches services or SQL)', () => {
    expect(layerViolations(importsOf(projectFiles()))).toEqual([]);
  });

  it('catches a screen importing a service (the audit can fail)', () => {
    const edges = importsOf([fixture('screen-imports-service.ts.txt', 'src/ui/screens/pantry/Sneaky.ts')]);
    expect(layerViolations(edges)).toEqual(['src/ui/screens/pantry/Sneaky.ts imports ../../../services/pantry/stock (ui -> services)']);
  });
});

describe('audit: service areas use only the areas listed for them, with no cycle', () => {
  it('every import between service areas is one SERVICE_AREAS allows', () => {
    const edges = importsOf(projectFiles());
    expect(edges.filter((e) => areaOf(e.from) && areaOf(e.to + '/') && areaOf(e.from) !== areaOf(e.to + '/')).length).toBeGreaterThan(5);
    expect(areaViolations(edges)).toEqual([]);
  });

  it('the area map has no cycle: catalog never reaches back into the pantry', () => {
    expect(areaCycle(SERVICE_AREAS)).toBeNull();
  });

  it('catches catalog importing the pantry, an area missing from the map, and a cycle in the map (the audit can fail)', () => {
    const edges = importsOf([
      fixture('catalog-imports-pantry.ts.txt', 'src/services/catalog/tree-with-stock.ts'),
      fixture('catalog-imports-pantry.ts.txt', 'src/services/bakery/anything.ts'),
    ]);
    expect(areaViolations(edges)).toEqual([
      'src/services/catalog/tree-with-stock.ts imports ../pantry/stock-totals (catalog -> pantry)',
      'src/services/bakery/anything.ts: the service area "bakery" is not in SERVICE_AREAS; add it with the areas it uses',
    ]);
    expect(areaCycle({ ...SERVICE_AREAS, catalog: ['pantry'] })).toBe('catalog -> pantry -> catalog');
  });
});

describe('audit: rpc and worker meet only at the contract', () => {
  it('src/rpc looks into the worker only from the contract, for types; the worker imports only the listed modules of src/rpc, which import nothing from it', () => {
    const edges = importsOf(projectFiles());
    expect(edges.some((e) => e.from === CONTRACT && e.to === 'src/worker/handlers' && e.typeOnly)).toBe(true);
    expect(rpcWorkerViolations(edges)).toEqual([]);
  });

  it('catches the worker importing a type from the contract, and the client importing worker code (the audit can fail)', () => {
    const edges = importsOf([
      fixture('worker-imports-contract.ts.txt', 'src/worker/sneaky.ts'),
      fixture('client-imports-worker.ts.txt', 'src/rpc/sneaky.ts'),
    ]);
    expect(rpcWorkerViolations(edges)).toEqual([
      'src/worker/sneaky.ts imports ../rpc/contract: the worker may import only src/rpc/wire, src/rpc/transfer, src/rpc/app-version, src/rpc/startup-marks, src/rpc/test-hooks from src/rpc',
      'src/rpc/sneaky.ts imports ../worker/topics: only src/rpc/contract.ts may look into the worker, and only for types',
    ]);
  });
});
