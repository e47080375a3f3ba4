/**
 * The built-in sample's event: "Holiday 2026" on 2026-12-15, with 40
 * holiday gift boxes and 20 cookie bags as targets, the batches decided for
 * every finished unit they need (the default ceil; the biscotti need 240 at
 * 36 a batch, so 7 batches make 252), and the plan saved, so the Plan tab
 * opens on a real plan whose "out of date" banner reacts to recipe edits.
 * Then a first bake and a first assembly for it, recorded through making's
 * one paths (a batch of pecan shortbread trees, six cookie bags boxed from
 * them), so the Make tab, finished stock, progress and planned against
 * actual have something real in them (left out where the pantry cannot
 * supply them). Created through the services, only when missing (by slug).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { AppError } from '../../errors';
import { findGoodBySlug } from '../goods/good-rows';
import { checkAssembly, recordAssembly } from '../making/assembly';
import { checkProduction, recordProduction } from '../making/production';
import { decideBatches } from '../planning/batch-decisions';
import { findEventBySlug } from '../planning/event-rows';
import { createEvent } from '../planning/events';
import { calculatePlan } from '../planning/plan';
import { readPlanInputs } from '../planning/plan-inputs';
import { setGoodTarget } from '../planning/targets';
import { findFinishedUnitBySlug } from '../recipes/finished-units';

export const SAMPLE_EVENT = { slug: 'holiday-2026', name: 'Holiday 2026', date: '2026-12-15' } as const;

const SAMPLE_TARGETS: readonly [good: string, quantity: number][] = [
  ['holiday-gift-box', 40],
  ['cookie-bag', 20],
];

/** The sample's first bake and assembly: what the baker did first for the event. */
const SAMPLE_MAKING = { unit: 'pecan-shortbread-tree', batches: 1, good: 'cookie-bag', goods: 6 } as const;

/**
 * Records the sample's first bake and bags, each only when what is on hand can
 * supply it: the sample loaded into a file whose own pantry was already drawn
 * on (`bake-planner sample` over a real Bake Tracker import) gets its event
 * and plan without them, rather than the whole sample being refused.
 */
function recordSampleMaking(db: Database, eventId: number, t: Tx): void {
  const unit = findFinishedUnitBySlug(db, SAMPLE_MAKING.unit, t);
  const good = findGoodBySlug(db, SAMPLE_MAKING.good, t);
  if (!unit || !good) throw new AppError('IMPORT', `The sample has no ${unit ? SAMPLE_MAKING.good : SAMPLE_MAKING.unit}.`);
  const bake = { recipeId: unit.recipe.id, finishedUnitId: unit.id, batches: SAMPLE_MAKING.batches, eventId, notes: 'The first trays of the season.' };
  if (!checkProduction(db, bake, t).ready) return;
  recordProduction(db, bake, t);
  const bags = { goodId: good.id, quantity: SAMPLE_MAKING.goods, eventId };
  if (checkAssembly(db, bags, t).ready) recordAssembly(db, bags, t);
}

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
    recordSampleMaking(db, event.id, t);
    return { events: 1 };
  });
}
