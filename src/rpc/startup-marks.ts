/**
 * The cold start, phase by phase, on the browser's Performance timeline
 * (page and worker alike): DevTools shows the marks, and the browser
 * benchmark reads them to say where the time from page load to first data
 * goes (docs/design/persistence.md, "Cold start"). Each phase is marked the
 * first time it is reached only.
 */
export type StartupPhase =
  // page
  | 'app-start'
  | 'worker-created'
  | 'mounted'
  // worker
  | 'worker-start'
  | 'worker-evaluated'
  | 'role'
  | 'answer-remembered'
  | 'storage-open'
  | 'image-read'
  | 'checksum'
  | 'sqlite-loaded'
  | 'database-open'
  | 'replayed'
  | 'ready'
  | 'first-reply';

const PREFIX = 'bake-planner:';
const reached = new Set<StartupPhase>();

export function markStartup(phase: StartupPhase): void {
  if (reached.has(phase) || typeof performance === 'undefined') return;
  reached.add(phase);
  performance.mark(PREFIX + phase);
}

export const STARTUP_MARK_PREFIX = PREFIX;
