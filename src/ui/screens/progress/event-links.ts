/**
 * Where an event's figures come from, for links on the dashboard: the
 * event's workspace, where its batches, boxing and progress are. Its
 * sections have no places of their own (hash routing takes the #), so every
 * figure opens the workspace.
 */
import { routeHref } from '../../routes';

export interface EventLinks {
  event: string;
  batches: string;
  boxing: string;
  progress: string;
}

export function eventLinks(eventId: number): EventLinks {
  const workspace = routeHref({ name: 'event', id: eventId });
  return { event: workspace, batches: workspace, boxing: workspace, progress: workspace };
}
