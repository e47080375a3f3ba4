/**
 * Where a form goes once its work is done: back to the screen the baker came
 * from when there is one in this visit (so a list keeps its place), else to a
 * sensible screen (a form opened from a bookmark or a reload).
 */
import type { Route } from '../../routes';
import type { Router } from '../../state/router.svelte';

export function leave(router: Router, fallback: Route): void {
  if (router.visits > 0) history.back();
  else router.go(fallback);
}
