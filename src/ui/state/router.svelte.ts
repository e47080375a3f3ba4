/**
 * The current route, kept in step with `location.hash`. Screens read
 * `router.route`; links are plain `<a href={routeHref(...)}>` so they work
 * with the keyboard, middle-click and the browser's back button. `replace`
 * is for URL updates that are not a new place (typing in a search box).
 */
import { parseRoute, routeHref, type Route } from '../routes';

export class Router {
  route = $state<Route>(parseRoute(location.hash));
  /** Counts arrivals at a new place (not `replace`), so the shell knows when to move focus. */
  visits = $state(0);

  constructor() {
    window.addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
      this.visits++;
    });
  }

  go(route: Route): void {
    location.hash = routeHref(route).slice(1);
  }

  replace(route: Route): void {
    history.replaceState(history.state, '', routeHref(route));
    this.route = parseRoute(location.hash);
  }
}
