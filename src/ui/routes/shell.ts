/**
 * The app's own places: the dashboard, settings, the phone's "More" page and
 * the first-run welcome. Every other tab answers in its area's route module.
 */
import { defineRoutes } from './define';


export type ShellRoute =
  | { name: 'dashboard' }
  | { name: 'settings' }
  /** The phone's "More" page: the places that do not fit in the tab bar. */
  | { name: 'more' }
  | { name: 'welcome' };

const simple = (name: ShellRoute['name']) => () => `#/${name}`;

export const shellRoutes = defineRoutes<ShellRoute>({
  parse({ segments }) {
    const [first = 'dashboard'] = segments;
    if (segments.length > 1) return null;
    if (first === 'dashboard' || first === 'settings' || first === 'more' || first === 'welcome') return { name: first };
    return null;
  },
  href: {
    dashboard: simple('dashboard'),
    settings: simple('settings'),
    more: simple('more'),
    welcome: simple('welcome'),
  },
  tab: (route) => (route.name === 'welcome' || route.name === 'more' ? null : route.name),
  homes: {
    dashboard: { name: 'dashboard' },
    settings: { name: 'settings' },
  },
});
