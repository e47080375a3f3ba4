/**
 * Where an event's figures come from, for links on the dashboard: the
 * event's workspace and its sections (batches, "Can we box it?", progress).
 */
import { routeHref } from '../../routes';

export interface EventLinks {
  event: string;
  batches: string;
  boxing: string;
  progress: string;
}

export function eventLinks(_eventId: number): EventLinks {
  const plan = routeHref({ name: 'plan' });
  return { event: plan, batches: plan, boxing: plan, progress: plan };
}
