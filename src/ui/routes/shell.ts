/**
 * The app's own places: the dashboard, settings, the phone's "More" page and
 * the first-run welcome, plus the tabs whose area is still to come (each
 * shows "Coming later"). An area that arrives takes its name out of
 * `COMING` and answers for it in its own route module.
 */
import { defineRoutes } from './define';

const COMING = ['plan', 'shop', 'make', 'recipes', 'goods'] as const;
type Coming = (typeof COMING)[number];

export type ShellRoute =
  | { name: 'dashboard' }
  | { name: 'settings' }
  /** The phone's "More" page: the places that do not fit in the tab bar. */
  | { name: 'more' }
  | { name: 'welcome' }
  | { name: Coming };

const simple = (name: ShellRoute['name']) => () => `#/${name}`;

export const shellRoutes = defineRoutes<ShellRoute>({
  parse({ segments }) {
    const [first = 'dashboard'] = segments;
    if (segments.length > 1) return null;
    if (first === 'dashboard' || first === 'settings' || first === 'more' || first === 'welcome') return { name: first };
    return (COMING as readonly string[]).includes(first) ? { name: first as Coming } : null;
  },
  href: {
    dashboard: simple('dashboard'),
    settings: simple('settings'),
    more: simple('more'),
    welcome: simple('welcome'),
    plan: simple('plan'),
    shop: simple('shop'),
    make: simple('make'),
    recipes: simple('recipes'),
    goods: simple('goods'),
  },
  tab: (route) => (route.name === 'welcome' || route.name === 'more' ? null : route.name),
  homes: {
    dashboard: { name: 'dashboard' },
    settings: { name: 'settings' },
    ...Object.fromEntries(COMING.map((name) => [name, { name }])),
  },
});

/** Whether a route is a tab that only says "Coming later" for now. */
export function isComing(route: { name: string }): route is { name: Coming } {
  return (COMING as readonly string[]).includes(route.name);
}
