/**
 * What the Make screens offer to pick from, ranked by the service: recipes
 * that can be baked (recently baked first, then by name) with the finished
 * units each can make, goods that can be assembled (recently assembled
 * first) with how many the shelf holds enough for, and the events a run can
 * be for (by date, completed ones left out).
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { rankByName } from '../../domain/text-search';
import { listLimit } from '../../domain/validate';
import type { YieldMode } from '../../domain/yields';
import { listFinishedUnits } from '../recipes/finished-units';
import { checkAssembly } from './assembly';
import type { ItemRef } from './runs';

export interface RecipeChoice {
  recipe: ItemRef & { category: string };
  /** The units it can make (its own and, for a variant, its base recipe's). None: add one before baking. */
  finishedUnits: (ItemRef & { yieldMode: YieldMode; yieldPerBatch: number })[];
  /** The last day a bake of it that stands was recorded; null if never. */
  lastMadeOn: string | null;
  canBake: boolean;
  /** Why it cannot be baked yet, with what to do; null when it can. */
  cannotBakeBecause: string | null;
}

const STANDING = 'NOT EXISTS (SELECT 1 FROM run_reversals v WHERE v.production_run_id = r.id)';

export function recipeChoices(db: Database, filter: { query?: string; limit?: number } = {}, tx?: Tx): RecipeChoice[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ id: number; slug: string; name: string; category: string; base_recipe_id: number | null; last_made: string | null }>(
      `SELECT rc.id, rc.slug, rc.name, rc.category, rc.base_recipe_id,
              (SELECT max(r.created_at) FROM production_runs r WHERE r.recipe_id = rc.id AND ${STANDING}) AS last_made
       FROM recipes rc WHERE rc.archived = 0
       ORDER BY last_made IS NULL, last_made DESC, rc.name COLLATE NOCASE, rc.id`,
    );
    const limit = listLimit(filter.limit, 200);
    const ranked = filter.query?.trim() ? rankByName(rows, filter.query, (r) => r.name, limit, (r) => r.category) : rows.slice(0, limit);
    return ranked.map((r) => {
      const finishedUnits = (r.base_recipe_id === null ? [r.id] : [r.id, r.base_recipe_id])
        .flatMap((recipeId) => listFinishedUnits(db, { recipeId }, t))
        .map((u) => ({ id: u.id, slug: u.slug, name: u.name, yieldMode: u.yieldMode, yieldPerBatch: u.yieldPerBatch }));
      return {
        recipe: { id: r.id, slug: r.slug, name: r.name, category: r.category },
        finishedUnits,
        lastMadeOn: r.last_made === null ? null : r.last_made.slice(0, 10),
        canBake: finishedUnits.length > 0,
        cannotBakeBecause: finishedUnits.length > 0 ? null : 'It yields nothing yet: give it a finished unit (48 cookies a batch) in Recipes.',
      };
    });
  });
}

export interface GoodChoice {
  good: ItemRef;
  lastAssembledOn: string | null;
  /** How many the shelf holds enough for now; 0 while a packaging line waits to be assigned. */
  canAssemble: number;
  /** Packaging lines with no product assigned: assign one or assemble without packaging. */
  unassignedPackaging: number;
}

export function goodChoices(db: Database, filter: { limit?: number } = {}, tx?: Tx): GoodChoice[] {
  return withTransaction(db, tx, (t) => {
    const rows = t.all<{ id: number; slug: string; name: string; last_made: string | null }>(
      `SELECT g.id, g.slug, g.name,
              (SELECT max(a.created_at) FROM assembly_runs a WHERE a.finished_good_id = g.id
                 AND NOT EXISTS (SELECT 1 FROM run_reversals v WHERE v.assembly_run_id = a.id)) AS last_made
       FROM finished_goods g WHERE g.archived = 0 AND EXISTS (SELECT 1 FROM compositions c WHERE c.finished_good_id = g.id)
       ORDER BY last_made IS NULL, last_made DESC, g.name COLLATE NOCASE, g.id LIMIT ?`,
      [listLimit(filter.limit, 200)],
    );
    return rows.map((r) => {
      const check = checkAssembly(db, { goodId: r.id, quantity: 1 }, t);
      return {
        good: { id: r.id, slug: r.slug, name: r.name },
        lastAssembledOn: r.last_made === null ? null : r.last_made.slice(0, 10),
        canAssemble: check.canAssemble,
        unassignedPackaging: check.components.filter((c) => c.problem !== null).length,
      };
    });
  });
}

export interface EventChoice extends ItemRef {
  eventDate: string | null;
  /** Whether its plan has a snapshot, whose definitions its runs then use. */
  planned: boolean;
}

export function eventChoices(db: Database, tx?: Tx): EventChoice[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<{ id: number; slug: string; name: string; event_date: string | null; planned: number }>(
        `SELECT e.id, e.slug, e.name, e.event_date, EXISTS (SELECT 1 FROM plan_snapshots s WHERE s.event_id = e.id) AS planned
         FROM events e WHERE e.plan_state <> 'completed' ORDER BY e.event_date IS NULL, e.event_date, e.name COLLATE NOCASE`,
      )
      .map((e) => ({ id: e.id, slug: e.slug, name: e.name, eventDate: e.event_date, planned: e.planned === 1 })),
  );
}
