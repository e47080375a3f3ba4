/** Pantry commands: what is on hand, and which lots a draw would use (a FIFO dry run). */
import type { Database } from '../../db/session';
import { insufficientStock } from '../../domain/fifo';
import { plainQuantity, withoutNoise } from '../../domain/format';
import { AppError } from '../../errors';
import { findIngredientBySlug } from '../../services/catalog/ingredient-rows';
import { searchIngredients } from '../../services/catalog/ingredient-search';
import { type FifoPlan, planFifo } from '../../services/pantry/fifo';
import { pantryOverview } from '../../services/pantry/stock';
import { defineCommand } from '../command';

/** An ingredient named on the command line: its slug, its exact name, or the one search match. */
function findIngredient(db: Database, text: string): { id: number } {
  const bySlug = findIngredientBySlug(db, text);
  if (bySlug) return bySlug;
  const matches = searchIngredients(db, { query: text, leavesOnly: true, limit: 5 });
  const exact = matches.find((m) => m.slug === text || m.name.toLowerCase() === text.toLowerCase());
  const found = exact ?? (matches.length === 1 ? matches[0] : undefined);
  if (!found) {
    const hint = matches.length ? ` Did you mean: ${matches.map((m) => m.slug).join(', ')}?` : '';
    throw new AppError('NOT_FOUND', `No ingredient "${text}".${hint}`, { ingredient: text });
  }
  return found;
}

const cleanOrNull = (n: number | null) => (n === null ? null : withoutNoise(n));

/**
 * The dry run as --json prints it: quantities converted between units carry binary noise
 * (16 cup of a 2 kg lot came out as 15.999999999999998), which the other commands' JSON already
 * leaves out; the figures kept are the same to 12 significant digits.
 */
function fifoJson(plan: FifoPlan): FifoPlan {
  return {
    ...plan,
    draws: plan.draws.map((d) => ({
      ...d,
      quantity: withoutNoise(d.quantity),
      lotQuantity: withoutNoise(d.lotQuantity),
      lotUnitCost: cleanOrNull(d.lotUnitCost),
      unitCost: cleanOrNull(d.unitCost),
      remainingAfter: withoutNoise(d.remainingAfter),
      lotRemainingAfter: withoutNoise(d.lotRemainingAfter),
    })),
    drawn: withoutNoise(plan.drawn),
    available: withoutNoise(plan.available),
    shortfall: withoutNoise(plan.shortfall),
  };
}

export const pantryCommands = [
  defineCommand({
    name: 'pantry',
    usage: '<db> [search]',
    summary: 'what is on hand, per ingredient',
    database: 'read',
    run: ({ db, args }) => {
      const rows = pantryOverview(db, { query: args.join(' ') });
      return {
        json: { ingredients: rows },
        text: rows.map((row) => {
          const flags = row.empty ? ' (empty)' : row.low ? ' (low)' : '';
          return `${row.ingredient.name.padEnd(40)} ${plainQuantity(row.total, row.unit).padStart(14)}  ${row.lotsWithStock} lot(s)${flags}`;
        }),
      };
    },
  }),
  defineCommand({
    name: 'fifo',
    usage: '<db> <ingredient> <qty> <unit>',
    summary: 'dry run: which lots a draw would use, and its cost (exit 1 when short)',
    database: 'read',
    minArgs: 3,
    run: ({ db, args }) => {
      const [name, quantity, unit] = args as [string, string, string];
      const plan = planFifo(db, { ingredientId: findIngredient(db, name).id, quantity: Number(quantity), unit });
      if (!plan.enough) {
        const short = insufficientStock(plan);
        throw new AppError(short.code, short.message, { ...short.details, plan: fifoJson(plan) });
      }
      const lines = plan.draws.map((d) => {
        const cost = d.cost === null ? 'cost unknown' : d.cost.toFixed(2);
        return `lot ${d.lotId} ${d.purchasedOn} ${d.productName}: ${plainQuantity(d.quantity, d.unit)}, ${cost}, leaves ${plainQuantity(d.remainingAfter, d.unit)}`;
      });
      lines.push(`total cost ${plan.totalCost.toFixed(2)}${plan.costComplete ? '' : ' (some lots have no cost)'}`);
      return { json: fifoJson(plan), text: lines };
    },
  }),
];
