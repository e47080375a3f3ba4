/**
 * The current route, kept in step with `location.hash`. Screens read
 * `router.route`; links are plain `<a href={routeHref(...)}>` so they work
 * with the keyboard, middle-click and the browser's back button. `replace`
 * is for URL updates that are not a new place (typing in a search box).
 *
 * Each history entry gets a key in `history.state` when first visited, and
 * the page's scroll position is remembered per key (in sessionStorage, so a
 * reload keeps it too): arriving at an entry that has a key is Back/Forward,
 * which returns to where the baker was; arriving at one without is a new
 * place, which starts at the top. `guard` lets a screen with unsaved typing
 * ask before an in-app move away.
 */
import { parseRoute, routeHref, type Route } from '../routes';

const SCROLL_KEY = 'bake-planner.scroll';

type EntryState = { key?: string; index?: number } | null;

function readScrolls(): Record<string, number> {
  try {
    return JSON.parse(sessionStorage.getItem(SCROLL_KEY) ?? '{}') as Record<string, number>;
  } catch {
    return {};
  }
}

function newKey(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export class Router {
  route = $state<Route>(parseRoute(location.hash));
  /** Counts arrivals at a new place (not `replace`), so the shell knows when to move focus. */
  visits = $state(0);
  /** Where to scroll after this arrival: a remembered position on Back/Forward, else null (the top). */
  restoreY: number | null = null;
  private key: string;
  /** How deep in this tab's history the current entry is, to tell Back from Forward. */
  private index: number;
  private undoing = false;
  private scrolls = readScrolls();
  private guards = new Set<() => boolean>();
  private here = location.hash;

  constructor() {
    history.scrollRestoration = 'manual';
    const state = history.state as EntryState;
    this.key = state?.key ?? newKey();
    this.index = state?.index ?? history.length;
    if (!state?.key) history.replaceState({ ...(state ?? {}), key: this.key, index: this.index }, '');
    else this.restoreY = this.scrolls[this.key] ?? null;
    let pending = 0;
    window.addEventListener(
      'scroll',
      () => {
        cancelAnimationFrame(pending);
        pending = requestAnimationFrame(() => this.remember());
      },
      { passive: true },
    );
    window.addEventListener('pagehide', () => this.remember());
    window.addEventListener('hashchange', () => {
      const state = history.state as EntryState;
      if (this.undoing) {
        this.undoing = false;
        return;
      }
      if (!this.mayLeave()) {
        // Stay: a new entry or Forward is undone by going back, Back by going forward.
        this.undoing = true;
        if (state?.key && (state.index ?? 0) < this.index) history.forward();
        else history.back();
        return;
      }
      if (state?.key) {
        this.key = state.key;
        this.index = state.index ?? this.index;
        this.restoreY = this.scrolls[state.key] ?? 0;
      } else {
        this.key = newKey();
        this.index++;
        history.replaceState({ ...(state ?? {}), key: this.key, index: this.index }, '');
        this.restoreY = null;
      }
      this.here = location.hash;
      this.route = parseRoute(location.hash);
      this.visits++;
    });
  }

  private remember(): void {
    this.scrolls[this.key] = window.scrollY;
    try {
      sessionStorage.setItem(SCROLL_KEY, JSON.stringify(this.scrolls));
    } catch {
      // Private mode or a full quota: the position is kept for this page's life only.
    }
  }

  /** Registers a check run before an in-app move away; returns the function that removes it. */
  guard(mayLeave: () => boolean): () => void {
    this.guards.add(mayLeave);
    return () => this.guards.delete(mayLeave);
  }

  private mayLeave(): boolean {
    if (location.hash === this.here || this.guards.size === 0) return true;
    for (const check of this.guards) if (!check()) return false;
    return true;
  }

  go(route: Route): void {
    location.hash = routeHref(route).slice(1);
  }

  replace(route: Route): void {
    history.replaceState(history.state, '', routeHref(route));
    this.here = location.hash;
    this.route = parseRoute(location.hash);
  }
}
