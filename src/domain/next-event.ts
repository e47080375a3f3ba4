/**
 * Which event the dashboard and the Shop tab open on: of the events whose
 * plan is not completed, the next one to come (dated today or later,
 * soonest first); when every dated one has passed, the one that passed last
 * (it is still being finished); else the first without a date.
 */

export interface Dated {
  date: string | null;
  state: string;
}

export function nextEvent<E extends Dated>(events: readonly E[], today: string): E | null {
  const open = events.filter((e) => e.state !== 'completed');
  const coming = open.filter((e) => e.date !== null && e.date >= today).sort((a, b) => a.date!.localeCompare(b.date!));
  if (coming.length > 0) return coming[0]!;
  const passed = open.filter((e) => e.date !== null).sort((a, b) => b.date!.localeCompare(a.date!));
  return passed[0] ?? open.find((e) => e.date === null) ?? null;
}
