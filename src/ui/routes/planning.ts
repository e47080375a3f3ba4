/** The Plan tab's places: the events, a new event, an event's workspace, its details and its history, all under #/plan. */
import { defineRoutes, positiveInt } from './define';

export type PlanningRoute =
  | { name: 'plan' }
  | { name: 'event-new' }
  | { name: 'event'; id: number }
  | { name: 'event-edit'; id: number }
  | { name: 'event-history'; id: number };

export const planningHome: PlanningRoute = { name: 'plan' };

export const planningRoutes = defineRoutes<PlanningRoute>({
  parse({ segments }) {
    const [first, second, third, fourth] = segments;
    if (first !== 'plan') return null;
    const n = segments.length;
    if (n === 1) return { name: 'plan' };
    if (second === 'new' && n === 2) return { name: 'event-new' };
    const id = positiveInt(third);
    if (second !== 'event' || id === null) return null;
    if (n === 3) return { name: 'event', id };
    if (n === 4 && fourth === 'edit') return { name: 'event-edit', id };
    if (n === 4 && fourth === 'history') return { name: 'event-history', id };
    return null;
  },
  href: {
    plan: () => '#/plan',
    'event-new': () => '#/plan/new',
    event: (r) => `#/plan/event/${r.id}`,
    'event-edit': (r) => `#/plan/event/${r.id}/edit`,
    'event-history': (r) => `#/plan/event/${r.id}/history`,
  },
  tab: () => 'plan',
  homes: { plan: planningHome },
});
