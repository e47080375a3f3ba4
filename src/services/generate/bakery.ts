/**
 * A generated bakery (issue 14) built through the app's own services: the
 * file part (domain/generated-bakery) goes in through the snapshot importer,
 * then events get their targets and plans, and bakes and assemblies are
 * recorded with making's services, exactly as a baker's taps would. So a
 * generated database breaks no rule the app keeps, and the same size and
 * seed (with the database's injected clock) give the same database.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { BAKERY_SHAPES, bakeryFile, DEFAULT_BAKERY_SEED, Dice, type BakerySize } from '../../domain/generated-bakery';
import { AppError } from '../../errors';
import { checkAssembly, recordAssembly } from '../making/assembly';
import { recordProduction } from '../making/production';
import { createEvent } from '../planning/events';
import { readPlanInputs } from '../planning/plan-inputs';
import { advancePlan } from '../planning/plan-steps';
import { setGoodTarget } from '../planning/targets';
import { importSnapshot } from '../snapshot/import';

export interface GenerateRequest {
  size: BakerySize;
  seed?: number;
}

export interface GeneratedActivity {
  events: number;
  productionRuns: number;
  assemblyRuns: number;
  /** Bakes or assemblies the pantry could not supply (not recorded; the generator picks another). */
  refused: number;
}

interface Unit {
  id: number;
  recipeId: number;
  perBatch: number;
}

/** The whole bakery of that size into an empty database: its file part, then its events, plans, bakes and assemblies. */
export function buildGeneratedBakery(db: Database, request: GenerateRequest, tx?: Tx): GeneratedActivity {
  importGeneratedBakery(db, request, tx);
  return generateActivity(db, request, tx);
}

/** Imports the file part of the bakery into an empty database (restore). */
export function importGeneratedBakery(db: Database, request: GenerateRequest, tx?: Tx): void {
  const report = importSnapshot(db, bakeryFile(request.size, request.seed ?? DEFAULT_BAKERY_SEED), { mode: 'restore' }, tx);
  if (!report.ok) {
    const problems = report.records.filter((r) => r.outcome === 'rejected').slice(0, 5).map((r) => ({ path: r.path, reason: r.reason ?? '' }));
    throw new AppError('INTERNAL', `The generated bakery did not import: ${report.summary}`, { problems });
  }
}

const insufficient = (e: unknown) => e instanceof AppError && e.code === 'INSUFFICIENT_STOCK';

/** Bakes and assembles as a baker would: when an assembly is short, first bake and assemble what it lacks. */
class Maker {
  readonly units: Unit[];
  readonly goods: number[];
  private readonly unitById: Map<number, Unit>;
  private readonly unitBySlug: Map<string, Unit>;
  private readonly goodBySlug: Map<string, number>;
  readonly done: GeneratedActivity = { events: 0, productionRuns: 0, assemblyRuns: 0, refused: 0 };

  constructor(
    private readonly db: Database,
    private readonly tx: Tx | undefined,
  ) {
    const all = <T>(sql: string) => withTransaction(db, tx, (t) => t.all<T>(sql));
    const unitRows = all<{ id: number; slug: string; recipe_id: number; items_per_batch: number }>('SELECT id, slug, recipe_id, items_per_batch FROM finished_units ORDER BY id');
    this.units = unitRows.map((u) => ({ id: u.id, recipeId: u.recipe_id, perBatch: u.items_per_batch }));
    this.unitById = new Map(this.units.map((u) => [u.id, u]));
    this.unitBySlug = new Map(unitRows.map((u, i) => [u.slug, this.units[i]!]));
    const goodRows = all<{ id: number; slug: string }>('SELECT id, slug FROM finished_goods ORDER BY id');
    this.goods = goodRows.map((g) => g.id);
    this.goodBySlug = new Map(goodRows.map((g) => [g.slug, g.id]));
  }

  unit(id: number): Unit {
    return this.unitById.get(id)!;
  }

  bake(unit: Unit, batches: number, eventId: number | null): boolean {
    try {
      recordProduction(this.db, { recipeId: unit.recipeId, finishedUnitId: unit.id, batches, eventId }, this.tx);
      this.done.productionRuns++;
      return true;
    } catch (e) {
      if (!insufficient(e)) throw e;
      this.done.refused++;
      return false;
    }
  }

  /** Bakes each short finished unit and assembles each short nested good that `missing` (an INSUFFICIENT_STOCK refusal's details) names. */
  makeMissing(missing: readonly { kind: string; item: string; missing: number }[], eventId: number | null, depth: number): void {
    for (const m of missing) {
      const unit = m.kind === 'finished_unit' ? this.unitBySlug.get(m.item) : undefined;
      if (unit) this.bake(unit, Math.ceil(m.missing / unit.perBatch), eventId);
      const good = m.kind === 'finished_good' ? this.goodBySlug.get(m.item) : undefined;
      if (good) this.assemble(good, Math.ceil(m.missing), eventId, depth + 1);
    }
  }

  assemble(goodId: number, quantity: number, eventId: number | null, depth = 0): boolean {
    for (let attempt = 0; ; attempt++) {
      try {
        recordAssembly(this.db, { goodId, quantity, eventId }, this.tx);
        this.done.assemblyRuns++;
        return true;
      } catch (e) {
        if (!insufficient(e)) throw e;
        if (attempt > 0 || depth > 4) {
          this.done.refused++;
          return false;
        }
        this.makeMissing(((e as AppError).details?.missing ?? []) as { kind: string; item: string; missing: number }[], eventId, depth);
      }
    }
  }
}

/**
 * Bakes and assembles (recording those runs) what `quantity` of the good
 * still lacks, so that assembling it will not be refused for stock: the
 * benchmark's record_assembly then times one assembly, not the making of its parts.
 */
export function prepareAssembly(db: Database, input: { goodId: number; quantity: number; eventId: number | null }, tx?: Tx): GeneratedActivity {
  const maker = new Maker(db, tx);
  const check = checkAssembly(db, input, tx);
  if (!check.ready) {
    const short = check.components.filter((c) => !c.enough);
    maker.makeMissing(short.map((c) => ({ kind: c.kind, item: c.item.slug, missing: c.short })), input.eventId, 0);
  }
  return maker.done;
}

/**
 * Events, plans, bakes and assemblies on a database holding the generated file
 * part: every event but the last is planned and in production (so staleness
 * and progress have a saved plan to read); the last of several stays a draft.
 */
export function generateActivity(db: Database, request: GenerateRequest, tx?: Tx): GeneratedActivity {
  const shape = BAKERY_SHAPES[request.size];
  // Its own stream: the file part's numbers stay the same whatever happens here.
  const dice = new Dice((request.seed ?? DEFAULT_BAKERY_SEED) ^ 0x5eed);
  const maker = new Maker(db, tx);

  const events: { id: number; goods: number[]; units: Unit[] }[] = [];
  for (let e = 0; e < shape.events; e++) {
    const month = String(1 + ((e * 12) / shape.events) | 0).padStart(2, '0');
    const event = createEvent(db, { name: `Market day ${e + 1}`, slug: `market-day-${e + 1}`, date: `2026-${month}-15` }, tx);
    const targets = dice.some(maker.goods, shape.targetsPerEvent);
    for (const goodId of targets) setGoodTarget(db, { eventId: event.id, goodId, quantity: dice.int(10, 60) }, tx);
    const planned = readPlanInputs(db, event.id, tx).rows.map((r) => maker.unit(r.finishedUnitId));
    if (e < shape.events - 1 || shape.events === 1) {
      advancePlan(db, { eventId: event.id, state: 'locked' }, tx);
      advancePlan(db, { eventId: event.id, state: 'in_production' }, tx);
    }
    events.push({ id: event.id, goods: targets, units: planned });
  }
  const working = events.slice(0, Math.max(1, shape.events - 1));
  const done = maker.done;
  done.events = events.length;

  while (done.productionRuns + done.assemblyRuns < shape.runs) {
    const r = dice.next();
    const event = dice.next() < 0.6 ? dice.pick(working) : null;
    if (r < 0.75) {
      const unit = event && event.units.length > 0 ? dice.pick(event.units) : dice.pick(maker.units);
      maker.bake(unit, dice.int(1, 3), event?.id ?? null);
    } else {
      const goodId = event ? dice.pick(event.goods) : dice.pick(maker.goods);
      maker.assemble(goodId, dice.int(1, 3), event?.id ?? null);
    }
    if (done.refused > shape.runs) throw new AppError('INTERNAL', 'The generated pantry ran out: too many bakes were refused.', { done });
  }
  return done;
}
