/**
 * Making from the command line: record a bake (`make`) or an assembly
 * (`assemble`) through the one recording path of each, undo one, and list
 * them. With --json, `make` and `assemble` print exactly the shapes issue 10
 * gives; quantities of a lot are in the unit its product is sold in.
 */
import type { Database } from '../../db/session';
import { plainNumber, plainQuantity, withoutNoise } from '../../domain/format';
import { roundTo } from '../../domain/money';
import { LOSS_CATEGORIES, RUN_STATUS_LABELS } from '../../domain/production';
import { toBase } from '../../domain/units';
import { AppError } from '../../errors';
import { findGoodBySlug } from '../../services/goods/good-rows';
import { recordAssembly } from '../../services/making/assembly';
import { recordProduction } from '../../services/making/production';
import { listRuns, type AssemblyRunDetail, type LedgerLine, type ProductionRunDetail, type RunDetail } from '../../services/making/runs';
import { undoRun } from '../../services/making/undo';
import { findEventBySlug } from '../../services/planning/event-rows';
import { findFinishedUnitBySlug } from '../../services/recipes/finished-units';
import { findRecipeBySlug } from '../../services/recipes/recipe-rows';
import { defineCommand } from '../command';

const clean = (n: number | null) => (n === null ? null : withoutNoise(n));

/**
 * An assembly's rows name no unit (issue 10's shape), so each is given in what its lot measures:
 * a count for finished stock, the material's base measure for packaging (each, cm, cm²), as domain.md
 * keeps material lots and as feasibility and the shopping list give materials. Two bows of ribbon from a
 * roll sold by the yard are 91.44 (cm) at the price per cm, not 1 (yd).
 */
function inBaseMeasure(l: LedgerLine): { quantity: number | null; unitCost: number | null } {
  const k = toBase(1, l.unit);
  return { quantity: clean(l.quantity * k), unitCost: clean(l.unitCost === null ? null : l.unitCost / k) };
}

const money = (n: number | null) => (n === null ? 'unknown' : n.toFixed(2));

function eventId(db: Database, slug: string | true | undefined): number | null {
  if (typeof slug !== 'string') return null;
  const event = findEventBySlug(db, slug);
  if (!event) throw new AppError('NOT_FOUND', `No event "${slug}".`, { event: slug });
  return event.id;
}

/** A number given on the command line; a word that is not one is left for the service to refuse with its own message. */
const numberArg = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function ledgerLines(ledger: LedgerLine[]): string[] {
  return ledger.map((l) => {
    const at = l.unitCost === null ? 'cost unknown' : `at ${roundTo(l.unitCost, 4)}/${l.unit}`;
    return `  ${l.item.name.padEnd(28)} lot ${String(l.lot.id).padEnd(5)} ${plainQuantity(l.quantity, l.unit).padStart(12)}  ${at.padEnd(18)} ${money(l.cost).padStart(9)}`;
  });
}

function bakeText(run: ProductionRunDetail): string[] {
  const loss = run.loss === 0 ? 'nothing lost' : `${run.loss} lost${run.lossCategory ? ` (${run.lossCategory.replace('_', ' ')})` : ''}`;
  return [
    `Bake ${run.id}: ${plainQuantity(run.batches, run.batches === 1 ? 'batch' : 'batches')} of ${run.recipe.name} -> ${run.actual} ${run.finishedUnit.name} (expected ${run.expected}, ${loss}: ${RUN_STATUS_LABELS[run.status].toLowerCase()})`,
    ...ledgerLines(run.ledger),
    `Total ${money(run.totalCost)}${run.costComplete ? '' : ' (some lots have no cost)'}, ${roundTo(run.costPerUnit, 4)} per ${run.finishedUnit.name}`,
  ];
}

function assemblyText(run: AssemblyRunDetail): string[] {
  return [
    `Assembly ${run.id}: ${run.quantity} ${run.good.name}${run.packagingBypassed ? ` without packaging (${run.bypassNote})` : ''}`,
    ...ledgerLines(run.ledger),
    `Total ${money(run.totalCost)}${run.costComplete ? '' : ' (some lots have no cost)'}, ${roundTo(run.costPerUnit, 4)} per ${run.good.name}`,
  ];
}

const runText = (run: RunDetail) => (run.kind === 'production' ? bakeText(run) : assemblyText(run));

export const makingCommands = [
  defineCommand({
    name: 'make',
    usage: `<db> <recipe-slug> <batches> [--unit <fu-slug>] [--actual N] [--loss-reason ${LOSS_CATEGORIES.join('|')}] [--loss-note TEXT] [--event <slug>]`,
    summary: 'record a bake: draws its ingredients FIFO and adds what it made to finished stock',
    database: 'write',
    minArgs: 2,
    options: { unit: 'value', actual: 'value', 'loss-reason': 'value', 'loss-note': 'value', event: 'value' },
    run: ({ db, args, options }) => {
      const [slug, batches] = args as [string, string];
      const recipe = findRecipeBySlug(db, slug);
      if (!recipe) throw new AppError('NOT_FOUND', `No recipe "${slug}".`, { recipe: slug });
      let finishedUnitId: number | null = null;
      if (typeof options.unit === 'string') {
        const unit = findFinishedUnitBySlug(db, options.unit);
        if (!unit) throw new AppError('NOT_FOUND', `No finished unit "${options.unit}".`, { finishedUnit: options.unit });
        finishedUnitId = unit.id;
      }
      let run: ProductionRunDetail;
      try {
        run = recordProduction(db, {
          recipeId: recipe.id,
          finishedUnitId,
          batches: numberArg(batches),
          actualYield: typeof options.actual === 'string' ? numberArg(options.actual) : null,
          lossCategory: typeof options['loss-reason'] === 'string' ? (options['loss-reason'] as never) : null,
          lossNote: typeof options['loss-note'] === 'string' ? options['loss-note'] : '',
          eventId: eventId(db, options.event),
        });
      } catch (e) {
        // The service names the choices; on the command line they are chosen with --unit.
        if (e instanceof AppError && e.details.field === 'finishedUnitId' && Array.isArray(e.details.choices) && e.details.choices.length > 0) {
          const slugs = (e.details.choices as { slug: string }[]).map((c) => c.slug);
          throw new AppError(e.code, `${e.message} Choose with --unit: ${slugs.join(', ')}.`, e.details);
        }
        throw e;
      }
      return {
        json: {
          run: run.id,
          recipe: run.recipe.slug,
          finishedUnit: run.finishedUnit.slug,
          batches: run.batches,
          expected: run.expected,
          actual: run.actual,
          loss: run.loss,
          status: run.status,
          totalCost: run.totalCost,
          costPerUnit: run.costPerUnit,
          consumptions: run.ledger.map((l) => ({ ingredient: l.item.slug, lot: l.lot.id, quantity: clean(l.quantity), unit: l.unit, unitCost: clean(l.unitCost), cost: l.cost })),
        },
        text: bakeText(run),
      };
    },
  }),
  defineCommand({
    name: 'assemble',
    usage: '<db> <good-slug> <quantity> [--event <slug>] [--bypass-packaging NOTE]',
    summary: 'record an assembly: draws finished units, nested goods and packaging FIFO into a finished-good lot',
    database: 'write',
    minArgs: 2,
    options: { event: 'value', 'bypass-packaging': 'value' },
    run: ({ db, args, options }) => {
      const [slug, quantity] = args as [string, string];
      const good = findGoodBySlug(db, slug);
      if (!good) throw new AppError('NOT_FOUND', `No finished good "${slug}".`, { good: slug });
      const run = recordAssembly(db, {
        goodId: good.id,
        quantity: numberArg(quantity),
        eventId: eventId(db, options.event),
        bypassPackaging: typeof options['bypass-packaging'] === 'string' ? options['bypass-packaging'] : null,
      });
      return {
        json: {
          run: run.id,
          good: run.good.slug,
          quantity: run.quantity,
          totalCost: run.totalCost,
          costPerUnit: run.costPerUnit,
          consumptions: run.ledger.map((l) => ({ kind: l.kind, item: l.item.slug, lot: l.lot.id, ...inBaseMeasure(l), cost: l.cost })),
        },
        text: assemblyText(run),
      };
    },
  }),
  defineCommand({
    name: 'undo',
    usage: '<db> <bake|assembly> <run> [--note TEXT]',
    summary: 'undo a bake or an assembly while what it made is unused: its lots get back what it drew',
    database: 'write',
    minArgs: 2,
    options: { note: 'value' },
    run: ({ db, args, options }) => {
      const [kind, id] = args as [string, string];
      if (kind !== 'bake' && kind !== 'assembly') throw new AppError('USAGE', `Say "bake" or "assembly", not "${kind}".`, { kind });
      const run = undoRun(db, { kind: kind === 'bake' ? 'production' : 'assembly', id: numberArg(id), note: typeof options.note === 'string' ? options.note : '' });
      return { json: run, text: [`Undone: ${runText(run)[0]!}`] };
    },
  }),
  defineCommand({
    name: 'runs',
    usage: '<db> [--limit N]',
    summary: 'bakes and assemblies, newest first, with their costs',
    database: 'read',
    options: { limit: 'value' },
    run: ({ db, options }) => {
      const runs = listRuns(db, typeof options.limit === 'string' ? { limit: numberArg(options.limit) } : {});
      return {
        json: { runs },
        text: runs.map((r) => {
          const what = r.kind === 'production' ? `bake ${r.id}: ${r.quantity} ${r.item.name} (${plainNumber(r.batches!)} of ${r.recipe!.name})` : `assembly ${r.id}: ${r.quantity} ${r.item.name}`;
          return `${r.madeOn}  ${what}, ${money(r.totalCost)}${r.undone ? ' [undone]' : ''}`;
        }),
      };
    },
  }),
];
