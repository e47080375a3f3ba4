/**
 * The handler map as the worker loads it: area by area, on demand. A method
 * belongs to the area its name starts with ('pantry.summary': pantry, in
 * ./pantry.ts), checked for every method by tests/unit/worker/handlers.test.ts.
 * Every area's code (services, domain rules) was in the worker's script, and
 * compiling and running all of it held the worker for about a third of its
 * cold start; now each area is a chunk of its own, loaded when a request for
 * it arrives (while the database opens, for the first screen's requests) and
 * the others once the first screen has been answered. ./index.ts merges the
 * same maps statically: the RPC contract's types and the tests use that.
 */
import type { AnyHandler, HandlerMap } from './define';
import { systemHandlers } from './system';

const AREAS: Record<string, () => Promise<HandlerMap>> = {
  system: () => Promise.resolve(systemHandlers),
  catalog: () => import('./catalog').then((m) => m.catalogHandlers),
  pantry: () => import('./pantry').then((m) => m.pantryHandlers),
  settings: () => import('./settings').then((m) => m.settingsHandlers),
  planning: () => import('./planning').then((m) => m.planningHandlers),
  sample: () => import('./sample').then((m) => m.sampleHandlers),
  import: () => import('./import').then((m) => m.importHandlers),
  making: () => import('./making').then((m) => m.makingHandlers),
  snapshot: () => import('./snapshot').then((m) => m.snapshotHandlers),
  materials: () => import('./materials').then((m) => m.materialsHandlers),
  recipes: () => import('./recipes').then((m) => m.recipesHandlers),
  goods: () => import('./goods').then((m) => m.goodsHandlers),
};

const loaded = new Map<string, Promise<HandlerMap>>();
/**
 * Areas load one after another, in the order they were first asked for: each chunk is compiled and
 * run on the worker's thread, and the first request's area must not wait behind a later one's.
 */
let lastLoad: Promise<unknown> = Promise.resolve();

function loadArea(area: string): Promise<HandlerMap> | undefined {
  const load = Object.hasOwn(AREAS, area) ? AREAS[area] : undefined;
  if (!load) return undefined;
  let map = loaded.get(area);
  if (!map) {
    map = lastLoad.then(load);
    lastLoad = map.catch(() => undefined);
    // A chunk that did not load (offline before it was cached) is tried again by the next request.
    map.catch(() => loaded.delete(area));
    loaded.set(area, map);
  }
  return map;
}

function areaOf(method: string): Promise<HandlerMap> | undefined {
  const dot = method.indexOf('.');
  return dot > 0 ? loadArea(method.slice(0, dot)) : undefined;
}

/** Starts loading the area of a request that has just arrived, so it is ready when the request's turn comes. */
export function prepareFor(method: string): void {
  areaOf(method)?.catch(() => undefined); // the request itself reports it
}

/** The handler for `method`, its area loaded first; undefined for a method no area declares. */
export async function handlerOf(method: string): Promise<AnyHandler | undefined> {
  const map = await areaOf(method);
  return map && Object.hasOwn(map, method) ? map[method] : undefined;
}

/** Every area's handlers in one map (a commit's notice names every read it affects). */
export async function loadAllAreas(): Promise<HandlerMap> {
  const maps = await Promise.all(Object.keys(AREAS).map((area) => loadArea(area)!));
  return Object.assign({}, ...maps) as HandlerMap;
}

/**
 * Every area not loaded yet, so later screens find theirs ready; a request arriving meanwhile is
 * served between two of them. Failures are left to the request that needs the area.
 */
export async function preloadTheRest(): Promise<void> {
  for (const area of Object.keys(AREAS)) if (!loaded.has(area)) await loadArea(area)!.catch(() => undefined);
}
