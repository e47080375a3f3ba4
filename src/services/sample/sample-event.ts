/**
 * The built-in sample's event: "Holiday 2026" on 2026-12-15, with 40
 * holiday gift boxes and 20 cookie bags as targets, the batches decided for
 * every finished unit they need (the default ceil; the biscotti need 240 at
 * 36 a batch, so 7 batches make 252), and the plan saved, so the Plan tab
 * opens on a real plan whose "out of date" banner reacts to recipe edits.
 * Created through the planning services, only when missing (by slug).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { AppError } from '../../errors';
import { findGoodBySlug } from '../goods/good-rows';
import { decideBatches } from '../planning/batch-decisions';
import { findEventBySlug } from '../planning/event-rows';
import { createEvent } from '../planning/events';
import { calculatePlan } from '../planning/plan';
import { readPlanInputs } from '../planning/plan-inputs';
import { setGoodTarget } from '../planning/targets';

export const SAMPLE_EVENT = { slug: 'holiday-2026', name: 'Holiday 2026', date: '2026-12-15' } as const;

const SAMPLE_TARGETS: readonly [good: string, quantity: number][] = [
  ['holiday-gift-box', 40],
  ['cookie-bag', 20],
];

/** Adds the sample event to a database holding the sample bakery; adds nothing a second time. Returns how many events it added. */
export function loadSampleEvent(db: Database, tx?: Tx): { events: number } {
  return withTransaction(db, tx, (t) => {
    if (findEventBySlug(db, SAMPLE_EVENT.slug, t)) return { events: 0 };
    const event = createEvent(db, { ...SAMPLE_EVENT, notes: 'Gift boxes for the neighbours and cookie bags for the school fair.' }, t);
    for (const [slug, quantity] of SAMPLE_TARGETS) {
      const good = findGoodBySlug(db, slug, t);
      if (!good) throw new AppError('IMPORT', `The sample has no good ${slug}.`);
      setGoodTarget(db, { eventId: event.id, goodId: good.id, quantity }, t);
    }
    for (const row of readPlanInputs(db, event.id, t).rows) {
      decideBatches(db, { eventId: event.id, finishedUnitId: row.finishedUnitId, batches: row.options.ceil.batches }, t);
    }
    calculatePlan(db, { eventId: event.id, save: true }, t);
    return { events: 1 };
  });
}
