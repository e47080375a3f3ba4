/**
 * What an area's route module is: how it reads its URLs (`parse`), how it
 * writes each of its routes back (`href`, one function per route name, so a
 * route without a URL does not compile) and which tab each sits under
 * (`tab`), and where the tabs it owns start (`homes`). `parse(href(route))`
 * gives the route back. Modules are combined in ./index.ts.
 */
import type { TabName } from './tabs';

/** A URL hash, split: `#/pantry/ingredient/42?unit=cup` is ['pantry', 'ingredient', '42'] and unit=cup. */
export interface UrlParts {
  segments: string[];
  query: URLSearchParams;
}

export interface RouteModule<R extends { name: string }> {
  /** The route this URL names, or null when it is not one of this area's. */
  parse(url: UrlParts): R | null;
  href: { [N in R['name']]: (route: Extract<R, { name: N }>) => string };
  tab(route: R): TabName | null;
  /** Where each tab this area owns starts: what the navigation links to. */
  homes: Partial<Record<TabName, R>>;
}

export function defineRoutes<R extends { name: string }>(module: RouteModule<R>): RouteModule<R> {
  return module;
}

/** A positive whole number from a URL part, or null ("0", "abc", "" and absent are not ids). */
export function positiveInt(text: string | undefined | null): number | null {
  if (!text || !/^\d+$/.test(text)) return null;
  const n = Number(text);
  return n > 0 ? n : null;
}

/** `?key=value&…` for the entries whose value is set, or '' when none is. */
export function queryString(entries: Record<string, string | number | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(entries)) if (value !== null && value !== undefined && value !== '') q.set(key, String(value));
  const text = q.toString();
  return text ? `?${text}` : '';
}
