/**
 * The app's URLs. Every screen has a hash route so back/forward and reload
 * land where the baker was; `parseRoute` and `routeHref` are inverses. Each
 * area has its own route module (parse, href, tab; see ./define.ts); they are
 * combined here, and adding an area is its module plus one entry in `AREAS`.
 * Two areas claiming one route name is an error when the app loads.
 */
import type { RouteModule, UrlParts } from './define';
import { goodsRoutes } from './goods';
import { materialsRoutes } from './materials';
import { makingRoutes } from './making';
import { pantryRoutes } from './pantry';
import { planningRoutes } from './planning';
import { recipesRoutes } from './recipes';
import { shellRoutes } from './shell';
import { shoppingRoutes } from './shopping';
import { tabs, type TabName } from './tabs';

const AREAS = [shellRoutes, pantryRoutes, materialsRoutes, recipesRoutes, goodsRoutes, makingRoutes, planningRoutes, shoppingRoutes] as const;

type RouteOf<M> = M extends RouteModule<infer R> ? R : never;
export type NotFound = { name: 'not-found'; path: string };
export type Route = RouteOf<(typeof AREAS)[number]> | NotFound;

type AnyModule = RouteModule<{ name: string }>;

/** Which module answers for each route name. */
export function routeOwners(modules: readonly AnyModule[]): Map<string, AnyModule> {
  const owners = new Map<string, AnyModule>();
  for (const module of modules) {
    for (const name of Object.keys(module.href)) {
      if (owners.has(name) || name === 'not-found') throw new Error(`The route name "${name}" is claimed twice; each belongs to one area.`);
      owners.set(name, module);
    }
  }
  return owners;
}

const owners = routeOwners(AREAS as unknown as readonly AnyModule[]);

/** Where each tab starts, from the module that owns it; every tab has exactly one. */
export function tabHomes(modules: readonly AnyModule[]): Record<TabName, { name: string }> {
  const homes: Partial<Record<TabName, { name: string }>> = {};
  for (const module of modules) {
    for (const [tab, route] of Object.entries(module.homes) as [TabName, { name: string }][]) {
      if (homes[tab]) throw new Error(`The tab "${tab}" is claimed twice; each belongs to one area.`);
      homes[tab] = route;
    }
  }
  const missing = tabs.filter((t) => !homes[t.name]).map((t) => t.name);
  if (missing.length > 0) throw new Error(`No area says where the tab "${missing[0]}" starts.`);
  return homes as Record<TabName, { name: string }>;
}

const homes = tabHomes(AREAS as unknown as readonly AnyModule[]);

/** The route a tab's link opens. */
export function tabHome(tab: TabName): Route {
  return homes[tab] as Route;
}

function split(hash: string): { raw: string; url: UrlParts } {
  const raw = hash.replace(/^#\/?/, '');
  const [pathPart = '', queryPart = ''] = raw.split('?', 2);
  return { raw, url: { segments: pathPart.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(queryPart) } };
}

export function parseRoute(hash: string): Route {
  const { raw, url } = split(hash);
  for (const module of AREAS as unknown as readonly AnyModule[]) {
    const route = module.parse(url);
    if (route) return route as Route;
  }
  return { name: 'not-found', path: raw };
}

export function routeHref(route: Route): string {
  if (route.name === 'not-found') return `#/${route.path}`;
  const href = owners.get(route.name)!.href as Record<string, (r: Route) => string>;
  return href[route.name]!(route);
}

/** Which tab a route belongs to, so the navigation highlights the right place. */
export function tabOf(route: Route): TabName | null {
  return route.name === 'not-found' ? null : owners.get(route.name)!.tab(route);
}

export { goodsHome } from './goods';
export { isMaterialsRoute } from './materials';
export { makeHome } from './making';
export { pantryHome } from './pantry';
export { recipesHome } from './recipes';
export { planningHome, type WorkspaceSection } from './planning';
export { shoppingHome } from './shopping';
export { primaryTabs, tabs, type TabName } from './tabs';
