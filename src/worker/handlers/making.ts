/**
 * RPC handlers for making: the pre-checks and the one recording path for
 * bakes and assemblies, undo, the history of runs, finished stock, and what
 * the Make screens pick from.
 */
import { checkAssembly, recordAssembly, type AssemblyInput } from '../../services/making/assembly';
import { eventChoices, goodChoices, recipeChoices } from '../../services/making/choices';
import { finishedStock } from '../../services/making/finished-lots';
import { assignPackagingLines } from '../../services/making/packaging';
import { checkProduction, recordProduction, type ProductionInput } from '../../services/making/production';
import { getRun, listRuns, type RunFilter } from '../../services/making/runs';
import type { RunRef } from '../../services/making/run-usage';
import { undoRun, type UndoInput } from '../../services/making/undo';
import { defineHandlers, read, write } from './define';

/** A bake reads the recipe (or its plan's snapshot of it) and the pantry's lots. */
const BAKE_DEPS = ['recipes', 'ingredients', 'products', 'stock', 'events', 'plans'] as const;
/** An assembly reads the good, finished stock (and the runs that made it), packaging lots and the packaging products to choose from (with their last prices). */
const ASSEMBLY_DEPS = ['goods', 'recipes', 'ingredients', 'materials', 'purchases', 'stock', 'production', 'events', 'plans'] as const;
/** Runs, their ledgers and what they drew from; an undo (run_reversals) also means stock. */
const RUN_DEPS = ['production', 'recipes', 'goods', 'events', 'stock', 'ingredients', 'products', 'materials'] as const;

export const makingHandlers = defineHandlers({
  'making.recipeChoices': read(['recipes', 'production', 'stock'], (ctx, params: { query?: string; limit?: number } | void) => recipeChoices(ctx.db, params ?? {})),
  'making.goodChoices': read(ASSEMBLY_DEPS, (ctx, params: { limit?: number } | void) => goodChoices(ctx.db, params ?? {})),
  'making.eventChoices': read(['events', 'plans'], (ctx, _params: void) => eventChoices(ctx.db)),
  'making.checkProduction': read(BAKE_DEPS, (ctx, params: ProductionInput) => checkProduction(ctx.db, params)),
  'making.recordProduction': write((ctx, params: ProductionInput) => recordProduction(ctx.db, params)),
  'making.checkAssembly': read(ASSEMBLY_DEPS, (ctx, params: AssemblyInput) => checkAssembly(ctx.db, params)),
  'making.recordAssembly': write((ctx, params: AssemblyInput) => recordAssembly(ctx.db, params)),
  'making.assignPackaging': write((ctx, params: { goodId: number; lineIds: number[]; materialProductId: number }) => assignPackagingLines(ctx.db, params)),
  'making.undoRun': write((ctx, params: UndoInput) => undoRun(ctx.db, params)),
  'making.listRuns': read(RUN_DEPS, (ctx, params: RunFilter | void) => listRuns(ctx.db, params ?? {})),
  'making.getRun': read(RUN_DEPS, (ctx, params: RunRef) => getRun(ctx.db, params)),
  'making.finishedStock': read(['production', 'recipes', 'goods'], (ctx, _params: void) => finishedStock(ctx.db)),
});
