/**
 * What an event still needs, as a baker's script reads it: the shopping list
 * (what to buy, in whole packages, and what it costs), feasibility (what can
 * be assembled now, and the three kinds of blockers) and progress (batches
 * baked and goods assembled against the plan). Read-only; the JSON shapes are
 * issue 12's, exactly. Quantities are printed at 12 significant digits (float
 * noise off), money as kept (4 decimals), percents at 2 decimals.
 */
import { plainNumber, plainQuantity, withoutNoise } from '../../domain/format';
import { roundPercent } from '../../domain/progress';
import type { Database } from '../../db/session';
import { findEventDetailBySlug } from '../../services/planning/events';
import { eventFeasibility } from '../../services/planning/feasibility';
import { eventProgress } from '../../services/planning/progress';
import { shoppingList, type ShoppingItem } from '../../services/planning/shopping-list';
import { defineCommand } from '../command';

const money = (n: number | null) => (n === null ? 'unknown' : n.toFixed(2));
const percentText = (n: number | null) => (n === null ? '-' : `${plainNumber(n, 2)} %`);

const eventOf = (db: Database, slug: string) => findEventDetailBySlug(db, slug);

const packagesJson = (item: ShoppingItem) => item.packages.map((p) => ({ product: p.product, count: p.count, cost: p.cost }));

function itemText(item: ShoppingItem): string[] {
  const head = `  ${item.ticked ? '[x]' : '[ ]'} ${item.name}: need ${plainQuantity(item.need, item.unit)}, have ${plainQuantity(item.onHand, item.unit)}, buy ${plainQuantity(item.toBuy, item.unit)}`;
  const packages = item.packages.map((p) => `      ${p.count} x ${p.product} (${plainQuantity(p.packageQuantity, p.packageUnit)})  ${money(p.cost)}`);
  const leftover = item.packages.length > 0 ? [`      ${plainQuantity(item.leftover, item.unit)} left over`] : [];
  return [head, ...packages, ...leftover, ...item.notes.map((n) => `      ${n}`)];
}

export const shoppingCommands = [
  defineCommand({
    name: 'shopping-list',
    usage: '<db> <event-slug>',
    summary: 'what to buy for the batches not yet baked and the goods not yet assembled, in whole packages',
    database: 'read',
    minArgs: 1,
    run: ({ db, args }) => {
      const event = eventOf(db, args[0]!);
      const list = shoppingList(db, { eventId: event.id });
      const json = {
        event: list.event.slug,
        items: list.items.map((i) => ({
          ingredient: i.slug,
          need: withoutNoise(i.need),
          onHand: withoutNoise(i.onHand),
          toBuy: withoutNoise(i.toBuy),
          unit: i.unit,
          packages: packagesJson(i),
          leftover: withoutNoise(i.leftover),
        })),
        materials: list.materials.map((m) => ({ material: m.slug, need: withoutNoise(m.need), onHand: withoutNoise(m.onHand), toBuy: withoutNoise(m.toBuy), unit: m.unit, packages: packagesJson(m) })),
        estimatedCost: list.estimatedCost,
      };
      const text = [
        `Shopping for ${list.event.name} (${list.event.slug})${list.event.shoppingDoneAt ? `, done ${list.event.shoppingDoneAt}` : ''}`,
        '',
        'Ingredients',
        ...list.items.flatMap(itemText),
        '',
        'Packaging',
        ...list.materials.flatMap(itemText),
        '',
        `Estimated cost: ${money(list.estimatedCost)}${list.unpriced.length > 0 ? ` (no price for ${list.unpriced.join(', ')})` : ''}`,
      ];
      return { json, text };
    },
  }),
  defineCommand({
    name: 'feasibility',
    usage: '<db> <event-slug>',
    summary: 'how many of each good target can be assembled now, and what blocks the rest',
    database: 'read',
    minArgs: 1,
    run: ({ db, args }) => {
      const event = eventOf(db, args[0]!);
      const f = eventFeasibility(db, { eventId: event.id });
      const json = {
        event: f.event.slug,
        goods: f.goods.map((g) => ({ good: g.good, target: g.target, canAssemble: g.canAssemble, status: g.status })),
        blockers: {
          inventory: f.blockers.inventory.map((b) => ({ item: b.item, needed: withoutNoise(b.needed), have: withoutNoise(b.have) })),
          cost: f.blockers.cost.map((b) => ({ item: b.item, reason: b.reason })),
          assignment: f.blockers.assignment.map((b) => ({ item: b.item, reason: b.reason })),
        },
      };
      const text = [
        `Can we box it? ${f.event.name} (${f.event.slug})`,
        ...f.goods.map((g) => `  ${g.name}: ${g.canAssemble} of ${g.target} now (${g.statusLabel})${g.limitedBy.length > 0 ? `, limited by ${g.limitedBy.join(', ')}` : ''}`),
        '',
        'Short in stock',
        ...f.blockers.inventory.map((b) => `  ${b.name}: need ${plainQuantity(b.needed, b.unit)}, have ${plainQuantity(b.have, b.unit)}`),
        'Unknown cost',
        ...f.blockers.cost.map((b) => `  ${b.name}: ${b.reason}`),
        'To choose',
        ...f.blockers.assignment.map((b) => `  ${b.name}: ${b.reason}`),
      ];
      return { json, text };
    },
  }),
  defineCommand({
    name: 'progress',
    usage: '<db> <event-slug>',
    summary: 'batches baked and goods assembled for an event against its plan',
    database: 'read',
    minArgs: 1,
    run: ({ db, args }) => {
      const event = eventOf(db, args[0]!);
      const p = eventProgress(db, { eventId: event.id });
      const json = {
        event: p.event.slug,
        recipes: p.recipes.map((r) => ({
          recipe: r.recipe,
          targetBatches: withoutNoise(r.targetBatches),
          producedBatches: withoutNoise(r.producedBatches),
          remaining: withoutNoise(r.remaining),
          overage: withoutNoise(r.overage),
          percent: roundPercent(r.percent),
        })),
        goods: p.goods.map((g) => ({ good: g.good, target: g.target, assembled: g.assembled, availableToAssemble: g.availableToAssemble, percent: roundPercent(g.percent) })),
        productionPercent: roundPercent(p.productionPercent),
        assemblyPercent: roundPercent(p.assemblyPercent),
        overallPercent: roundPercent(p.overallPercent),
      };
      const text = [
        `Progress of ${p.event.name} (${p.event.slug}): ${percentText(p.overallPercent)}`,
        `Baking ${percentText(p.productionPercent)}`,
        ...p.recipes.map((r) => `  ${r.name}: ${plainNumber(r.producedBatches)} of ${plainNumber(r.targetBatches)} batches (${percentText(r.percent)})${r.overage > 0 ? `, ${plainNumber(r.overage)} over` : ''}`),
        `Assembly ${percentText(p.assemblyPercent)}`,
        ...p.goods.map((g) => `  ${g.name}: ${g.assembled} of ${g.target} (${percentText(g.percent)}), ${g.availableToAssemble} can be assembled now`),
      ];
      return { json, text };
    },
  }),
];
