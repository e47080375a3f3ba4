/**
 * Planning commands: an event's plan (batches, ingredients, packaging, cost
 * baseline), saved as a snapshot with --save; and whether the saved plan is
 * out of date, with each change. The JSON shapes are the issue's, exactly.
 */
import { plainNumber, plainQuantity, withoutNoise } from '../../domain/format';
import type { PlanPayload } from '../../domain/plan-snapshot';
import { PLAN_STATE_LABELS } from '../../domain/plan-states';
import type { Database } from '../../db/session';
import { findEventDetailBySlug } from '../../services/planning/events';
import { calculatePlan } from '../../services/planning/plan';
import { planStaleness } from '../../services/planning/staleness';
import { defineCommand } from '../command';

const cleanOrNull = (n: number | null) => (n === null ? null : withoutNoise(n));
const money = (n: number | null) => (n === null ? 'unknown' : n.toFixed(2));

function planJson(state: string, p: PlanPayload) {
  return {
    event: p.event,
    state,
    batches: p.batches.map((b) => ({
      recipe: b.recipe,
      finishedUnit: b.finishedUnit,
      unitsNeeded: b.unitsNeeded,
      yieldPerBatch: withoutNoise(b.yieldPerBatch),
      batches: b.batches,
      totalUnits: b.totalUnits,
      waste: b.waste,
      floor: b.floor && { batches: b.floor.batches, totalUnits: b.floor.totalUnits, short: b.floor.short },
      ceil: { batches: b.ceil.batches, totalUnits: b.ceil.totalUnits, spare: b.ceil.spare },
    })),
    ingredients: p.ingredients.map((i) => ({
      ingredient: i.ingredient,
      displayName: i.displayName,
      quantity: withoutNoise(i.quantity),
      unit: i.unit,
      costPerUnit: cleanOrNull(i.costPerUnit),
      cost: i.cost,
    })),
    packaging: p.packaging.map((m) => ({ material: m.material, quantity: withoutNoise(m.quantity), unit: m.unit })),
    costBaseline: p.costBaseline,
  };
}

function planText(name: string, state: string, p: PlanPayload, snapshotId: number | null): string[] {
  const lines = [`${name} (${p.event}): ${PLAN_STATE_LABELS[state as keyof typeof PLAN_STATE_LABELS] ?? state}`, '', 'Batches'];
  for (const b of p.batches) {
    const outcome = b.short > 0 ? `${b.short} short${b.shortfallConfirmed ? ' (confirmed)' : ' (not confirmed)'}` : `${b.waste} spare (${plainNumber(b.wastePercent, 2)} %)`;
    lines.push(`  ${b.finishedUnitName} (${b.recipeName}): need ${b.unitsNeeded}, ${b.batches} x ${plainNumber(b.yieldPerBatch)} = ${b.totalUnits}, ${outcome}`);
  }
  lines.push('', 'Ingredients');
  for (const i of p.ingredients) lines.push(`  ${i.displayName.padEnd(36)} ${plainQuantity(i.quantity, i.unit).padStart(14)}  ${money(i.cost)}${i.reason ? `  (${i.reason})` : ''}`);
  lines.push('', 'Packaging');
  for (const m of p.packaging) lines.push(`  ${m.displayName.padEnd(36)} ${plainQuantity(m.quantity, m.unit).padStart(14)}  ${money(m.cost)}`);
  lines.push('', `Cost baseline: ${money(p.costBaseline)}`);
  for (const u of p.unknown) lines.push(`  ${u.item}: ${u.reason}`);
  if (snapshotId !== null) lines.push(`Saved as plan snapshot ${snapshotId}.`);
  return lines;
}

const eventOf = (db: Database, slug: string) => findEventDetailBySlug(db, slug);

export const planningCommands = [
  defineCommand({
    name: 'plan',
    usage: '<db> <event-slug> [--save]',
    summary: "an event's plan: batches, ingredients, packaging and cost baseline (--save keeps it as a snapshot)",
    database: 'write',
    minArgs: 1,
    options: { save: 'flag' },
    run: ({ db, args, options }) => {
      const event = eventOf(db, args[0]!);
      const plan = calculatePlan(db, { eventId: event.id, save: options.save === true });
      return { json: planJson(event.state, plan.payload), text: planText(event.name, event.state, plan.payload, plan.snapshotId) };
    },
  }),
  defineCommand({
    name: 'staleness',
    usage: '<db> <event-slug>',
    summary: "whether an event's saved plan is out of date, and what changed",
    database: 'read',
    minArgs: 1,
    run: ({ db, args }) => {
      const event = eventOf(db, args[0]!);
      const s = planStaleness(db, { eventId: event.id });
      const text =
        s.savedAt === null
          ? [`${event.name}: the plan has not been saved yet.`]
          : s.stale
            ? [`${event.name}: out of date since ${s.savedAt}`, ...s.changes.map((c) => `  ${c.kind} ${c.item}${c.line ? ` (${c.line})` : ''}: ${JSON.stringify(c.before)} -> ${JSON.stringify(c.after)}`)]
            : [`${event.name}: up to date (saved ${s.savedAt}).`];
      return { json: { event: s.event, stale: s.stale, changes: s.changes.map((c) => ({ kind: c.kind, item: c.item, before: c.before, after: c.after })) }, text };
    },
  }),
];
