/**
 * Where an event's figures come from, for links on the dashboard: the
 * event's workspace, opened at the section each figure comes from (batches,
 * "Can we box it?", progress; routes/planning.ts).
 */
import { routeHref } from '../../routes';

export interface EventLinks {
  event: string;
  batches: string;
  boxing: string;
  progress: string;
}

export function eventLinks(eventId: number): EventLinks {
  return {
    event: routeHref({ name: 'event', id: eventId }),
    batches: routeHref({ name: 'event', id: eventId, at: 'batches' }),
    boxing: routeHref({ name: 'event', id: eventId, at: 'boxing' }),
    progress: routeHref({ name: 'event', id: eventId, at: 'progress' }),
  };
}
