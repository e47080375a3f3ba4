/**
 * The Plan tab's places: the events, a new event, an event's workspace, its
 * details and its history, all under #/plan. The workspace can open at one of
 * its sections (`?at=boxing`): the URL's # is the route, so a section is a
 * query, not an anchor.
 */
import { defineRoutes, positiveInt, queryString } from './define';

/** The workspace sections other screens link to, in the workspace's order. */
const WORKSPACE_SECTIONS = ['batches', 'shop', 'boxing', 'progress'] as const;
export type WorkspaceSection = (typeof WORKSPACE_SECTIONS)[number];

function isWorkspaceSection(value: string | null): value is WorkspaceSection {
  return (WORKSPACE_SECTIONS as readonly (string | null)[]).includes(value);
}

export type PlanningRoute =
  | { name: 'plan' }
  | { name: 'event-new' }
  | { name: 'event'; id: number; at?: WorkspaceSection }
  | { name: 'event-edit'; id: number }
  | { name: 'event-history'; id: number };

export const planningHome: PlanningRoute = { name: 'plan' };

export const planningRoutes = defineRoutes<PlanningRoute>({
  parse({ segments, query }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'plan') return null;
    const n = segments.length;
    if (n === 1) return { name: 'plan' };
    if (second === 'new' && n === 2) return { name: 'event-new' };
    const id = positiveInt(third);
    if (second !== 'event' || id === null) return null;
    if (n === 3) {
      const at = query.get('at');
      return isWorkspaceSection(at) ? { name: 'event', id, at } : { name: 'event', id };
    }
    if (n === 4 && fourth === 'edit') return { name: 'event-edit', id };
    if (n === 4 && fourth === 'history') return { name: 'event-history', id };
    return null;
  },
  href: {
    plan: () => '#/plan',
    'event-new': () => '#/plan/new',
    event: (r) => `#/plan/event/${r.id}${queryString({ at: r.at })}`,
    'event-edit': (r) => `#/plan/event/${r.id}/edit`,
    'event-history': (r) => `#/plan/event/${r.id}/history`,
  },
  tab: () => 'plan',
  homes: { plan: planningHome },
});
