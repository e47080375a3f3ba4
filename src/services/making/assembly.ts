/**
 * Assembly (domain.md, "Assembly"): a finished good made from finished
 * units, nested goods and packaging, recorded in one transaction with a
 * complete ledger. Each line needs line quantity x goods assembled; units and
 * nested goods draw FIFO from finished lots, packaging from material lots (a
 * specific line from its product's lots). Any shortfall fails the whole
 * assembly with what is missing per component, and nothing changes.
 *
 * The good's definition is its event's plan snapshot's when that holds it,
 * else the good as it is now (./run-definitions.ts). A generic packaging line
 * ("any 10x10 window box") draws from the product assigned to it, in the
 * definition or else on the good now; with none, the baker assigns one or
 * leaves the packaging out with a note, which the run records. The good's
 * lot costs the ledger total / quantity, written once.
 *
 * `checkAssembly` is the pre-check: the same plan step, returned instead of
 * recorded.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { dateOf } from '../../domain/dates';
import type { Definitions } from '../../domain/definitions';
import { plainNumber, plainQuantity, withoutNoise } from '../../domain/format';
import { MAX_ASSEMBLY_QUANTITY } from '../../domain/limits';
import { measureBaseUnit, type BaseMeasure } from '../../domain/material-measures';
import { ledgerAmount } from '../../domain/money';
import { costPerUnit, outputUnitCost } from '../../domain/production';
import { namedRef, type NamedRef } from '../../domain/refs';
import { dimensionOf, parseUnit, toBase, type Unit } from '../../domain/units';
import { optionalText, positiveId, positiveNumber } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { loadGood } from '../goods/good-rows';
import { consumeMaterialFifo, materialStock, planMaterialFifo } from '../materials/material-lots';
import { listMaterialProducts } from '../materials/material-products';
import { insertAssemblyConsumptionRow, insertAssemblyRunRow, insertFinishedGoodLotRow, type AssemblySource } from './assembly-rows';
import { planFinishedFifo, type FinishedKind } from './finished-lots';
import { assemblyDefinition, loadEventRef, type EventRef } from './run-definitions';
import { getAssemblyRun, type AssemblyRunDetail, type ItemRef } from './runs';

export interface AssemblyInput {
  goodId: number;
  /** Goods to assemble: a whole number. */
  quantity: number;
  eventId?: number | null;
  /** Assemble without any packaging: the note says why, and the run records it. */
  bypassPackaging?: string | null;
  notes?: string;
}

export interface ComponentDraw {
  lotId: number;
  /** The product the lot is of, or the run that made it. */
  label: string;
  date: string;
  /** In the component's `unit`. */
  quantity: number;
  /** Per `unit`; for packaging from a lot with no cost, null. */
  unitCost: number | null;
  cost: number;
}

export interface ComponentNeed {
  kind: 'finished_unit' | 'finished_good' | 'material';
  /** The finished unit, the nested good, or the material the packaging is cut from. */
  item: ItemRef;
  /** Packaging: the uses it covers ("one 18 in bow" x 1 per good) and the product drawn from (null while generic). */
  uses: { materialUnit: ItemRef; perGood: number }[];
  product: ItemRef | null;
  /** Needed, on hand and missing, in `unit`: each for units and goods, the product's unit (else the material's) for packaging. */
  needed: number;
  onHand: number;
  short: number;
  unit: Unit;
  /** Per good assembled, in `unit`. */
  perGood: number;
  enough: boolean;
  /** Left out: the packaging is bypassed. */
  bypassed: boolean;
  draws: ComponentDraw[];
  cost: number;
  costComplete: boolean;
  /** What must happen first (a generic line to assign), or null. */
  problem: string | null;
  /** For packaging waiting to be assigned: the good's lines to assign and the material's products to choose from. */
  assign: { lineIds: number[]; products: (ItemRef & { onHand: number })[] } | null;
}

export interface AssemblyCheck {
  good: NamedRef;
  event: EventRef | null;
  planSnapshotId: number | null;
  quantity: number;
  components: ComponentNeed[];
  /** Every component is there and assigned. */
  ready: boolean;
  /** Why it cannot be recorded, in the words the refusal uses; null when ready. */
  notReadyBecause: string | null;
  /** How many could be assembled from what is on hand now (0 while a line waits to be assigned). */
  canAssemble: number;
  packagingBypassed: boolean;
  bypassNote: string;
  /** What recording would cost: the sum of the draws. */
  cost: number;
  costComplete: boolean;
  costPerUnit: number;
}

interface MaterialGroup {
  material: ItemRef & { baseMeasure: BaseMeasure };
  product: (ItemRef & { packageUnit: string }) | null;
  uses: { materialUnit: ItemRef; perGood: number; size: number }[];
}

interface AssemblyPlan {
  check: AssemblyCheck;
  definitions: Definitions;
  goodSlug: string;
  /** Per material component: the request its draws were planned with. */
  materialRequests: Map<ComponentNeed, { materialId: number; materialProductId: number | null; quantity: number }>;
  finishedDraws: Map<ComponentNeed, { kind: FinishedKind; draws: { lotId: number; remainingAfter: number; costComplete: boolean }[] }>;
}

function bySlug<T>(tx: Tx, sql: string, slug: string, what: string): T {
  const row = tx.get<T>(sql, [slug]);
  if (!row) throw new AppError('NOT_FOUND', `The ${what} ${slug} no longer exists.`, { slug });
  return row;
}

/** The unit packaging figures read in: its product's unit when it measures the same thing, else the material's base unit. */
function packagingUnit(group: MaterialGroup): Unit {
  const base = measureBaseUnit(group.material.baseMeasure);
  const unit = group.product ? parseUnit(group.product.packageUnit) : undefined;
  return unit && dimensionOf(unit) === dimensionOf(base) ? unit : base;
}

function finishedComponent(
  db: Database,
  tx: Tx,
  kind: FinishedKind,
  item: ItemRef,
  perGood: number,
  quantity: number,
): { need: ComponentNeed; draws: { lotId: number; remainingAfter: number; costComplete: boolean }[] } {
  const needed = perGood * quantity;
  const fifo = planFinishedFifo(db, { kind, itemId: item.id, quantity: needed }, tx);
  return {
    need: {
      kind,
      item,
      uses: [],
      product: null,
      needed,
      onHand: fifo.available,
      short: fifo.shortfall,
      unit: 'each',
      perGood,
      enough: fifo.enough,
      bypassed: false,
      draws: fifo.draws.map((d) => ({
        lotId: d.lotId,
        label: d.runId === null ? 'made outside the app' : `${kind === 'finished_unit' ? 'bake' : 'assembly'} ${d.runId}`,
        date: d.madeOn,
        quantity: d.quantity,
        unitCost: d.unitCost,
        cost: d.cost,
      })),
      cost: ledgerAmount(fifo.draws.reduce((sum, d) => sum + d.cost, 0)),
      costComplete: fifo.draws.every((d) => d.costComplete),
      problem: null,
      assign: null,
    },
    draws: fifo.draws.map((d) => ({ lotId: d.lotId, remainingAfter: d.remainingAfter, costComplete: d.costComplete })),
  };
}

/** The good's generic lines of this packaging, and the products of its material (with what each has on hand), to assign one. */
function assignChoices(db: Database, tx: Tx, goodId: number, group: MaterialGroup): ComponentNeed['assign'] {
  const lineIds = group.uses.flatMap((u) =>
    tx
      .all<{ id: number }>('SELECT id FROM compositions WHERE finished_good_id = ? AND material_unit_id = ? AND material_product_id IS NULL ORDER BY position, id', [goodId, u.materialUnit.id])
      .map((r) => r.id),
  );
  const unit = packagingUnit(group);
  const products = listMaterialProducts(db, { materialId: group.material.id }, tx).map((p) => ({
    id: p.id,
    slug: p.slug,
    name: p.displayName,
    onHand: materialStock(db, { materialId: group.material.id, materialProductId: p.id }, tx).quantity / toBase(1, unit),
  }));
  return { lineIds, products };
}

function materialComponent(
  db: Database,
  tx: Tx,
  goodId: number,
  group: MaterialGroup,
  quantity: number,
  bypassed: boolean,
): { need: ComponentNeed; request: { materialId: number; materialProductId: number | null; quantity: number } } {
  const unit = packagingUnit(group);
  const k = toBase(1, unit);
  const perGoodBase = group.uses.reduce((sum, u) => sum + u.perGood * u.size, 0);
  const request = { materialId: group.material.id, materialProductId: group.product?.id ?? null, quantity: perGoodBase * quantity };
  const fifo = planMaterialFifo(db, request, tx);
  const generic = group.product === null;
  const drawn = !bypassed && !generic;
  const short = drawn ? fifo.shortfall / k : 0;
  return {
    need: {
      kind: 'material',
      item: { id: group.material.id, slug: group.material.slug, name: group.material.name },
      uses: group.uses.map((u) => ({ materialUnit: u.materialUnit, perGood: u.perGood })),
      product: group.product ? { id: group.product.id, slug: group.product.slug, name: group.product.name } : null,
      needed: request.quantity / k,
      onHand: fifo.available / k,
      short,
      unit,
      perGood: perGoodBase / k,
      enough: bypassed || short === 0,
      bypassed,
      draws: drawn
        ? fifo.draws.map((d) => ({ lotId: d.lotId, label: d.productName, date: d.purchasedOn, quantity: d.lotQuantity / k, unitCost: d.lotUnitCost === null ? null : d.lotUnitCost * k, cost: d.cost ?? 0 }))
        : [],
      cost: drawn ? fifo.totalCost : 0,
      costComplete: !drawn || fifo.costComplete,
      problem:
        generic && !bypassed
          ? `Choose which ${group.material.name} ${nameOfUses(group)} uses (assign a product to the line), or assemble without packaging, with a note.`
          : null,
      assign: generic ? assignChoices(db, tx, goodId, group) : null,
    },
    request,
  };
}

const nameOfUses = (group: MaterialGroup) => (group.uses.length === 1 ? `"${group.uses[0]!.materialUnit.name}"` : 'this packaging');

/** The plan step both the pre-check and the recording run. Writes nothing. */
function planAssembly(db: Database, tx: Tx, input: AssemblyInput): AssemblyPlan {
  const good = loadGood(db, positiveId(input.goodId, 'goodId', 'finished good'), tx);
  if (good.archived === 1) throw validationError('goodId', `${good.name} is archived: restore it before assembling it.`);
  const quantity = positiveNumber(input.quantity, 'quantity', 'the quantity', MAX_ASSEMBLY_QUANTITY);
  if (!Number.isInteger(quantity)) throw validationError('quantity', 'Goods are assembled whole: give a whole number.', { value: quantity });
  const event = loadEventRef(db, input.eventId, tx);
  const bypassing = input.bypassPackaging != null;
  const bypassNote = bypassing ? optionalText(input.bypassPackaging, 'bypassPackaging', 'the note') : '';
  if (bypassing && bypassNote === '') throw validationError('bypassPackaging', 'Say why the packaging is left out: a note is needed to assemble without it.');
  const { definitions, planSnapshotId } = assemblyDefinition(db, { eventId: event?.id ?? null, goodId: good.id }, tx);
  const lines = definitions.goods[good.slug]!.lines;
  if (lines.length === 0) throw validationError('goodId', `${good.name} holds nothing yet: add what goes into it before assembling it.`);
  if (bypassing && !lines.some((l) => l.kind === 'material')) {
    throw validationError('bypassPackaging', `${good.name} has no packaging to leave out.`);
  }

  const components: ComponentNeed[] = [];
  const finishedDraws: AssemblyPlan['finishedDraws'] = new Map();
  const materialRequests: AssemblyPlan['materialRequests'] = new Map();
  const groups = new Map<string, MaterialGroup>();
  for (const line of lines) {
    if (line.kind === 'unit' || line.kind === 'good') {
      const kind: FinishedKind = line.kind === 'unit' ? 'finished_unit' : 'finished_good';
      const item =
        kind === 'finished_unit'
          ? bySlug<ItemRef>(tx, 'SELECT id, slug, name FROM finished_units WHERE slug = ?', line.item, 'finished unit')
          : bySlug<ItemRef>(tx, 'SELECT id, slug, name FROM finished_goods WHERE slug = ?', line.item, 'finished good');
      const { need, draws } = finishedComponent(db, tx, kind, item, line.quantity, quantity);
      components.push(need);
      finishedDraws.set(need, { kind, draws });
      continue;
    }
    const unit = bySlug<ItemRef & { material_id: number }>(tx, 'SELECT id, slug, name, material_id FROM material_units WHERE slug = ?', line.item, 'packaging');
    const material = tx.get<ItemRef & { base_measure: BaseMeasure }>('SELECT id, slug, name, base_measure FROM materials WHERE id = ?', [unit.material_id])!;
    // A generic line in the definition takes the product assigned to the good's line now, if any.
    const product =
      line.product !== null
        ? bySlug<ItemRef & { package_unit: string }>(tx, 'SELECT id, slug, name, package_unit FROM material_products WHERE slug = ?', line.product, 'material product')
        : (tx.get<ItemRef & { package_unit: string }>(
            `SELECT p.id, p.slug, p.name, p.package_unit FROM compositions c JOIN material_products p ON p.id = c.material_product_id
             WHERE c.finished_good_id = ? AND c.material_unit_id = ? ORDER BY c.position, c.id LIMIT 1`,
            [good.id, unit.id],
          ) ?? null);
    const key = `${material.id}:${product?.id ?? 'generic'}`;
    const group = groups.get(key) ?? { material: { id: material.id, slug: material.slug, name: material.name, baseMeasure: material.base_measure }, product: product && { id: product.id, slug: product.slug, name: product.name, packageUnit: product.package_unit }, uses: [] };
    group.uses.push({ materialUnit: { id: unit.id, slug: unit.slug, name: unit.name }, perGood: line.quantity, size: definitions.materialUnits[line.item]!.size });
    groups.set(key, group);
  }
  for (const group of groups.values()) {
    const { need, request } = materialComponent(db, tx, good.id, group, quantity, bypassing);
    components.push(need);
    materialRequests.set(need, request);
  }

  const counted = components.filter((c) => !c.bypassed);
  const canAssemble = counted.some((c) => c.problem !== null) ? 0 : Math.min(MAX_ASSEMBLY_QUANTITY, ...counted.map((c) => Math.floor(c.onHand / c.perGood + 1e-9)));
  const cost = ledgerAmount(components.reduce((sum, c) => sum + c.cost, 0));
  const check: AssemblyCheck = {
    good: namedRef(good),
    event,
    planSnapshotId,
    quantity,
    components,
    ready: components.every((c) => c.enough && c.problem === null),
    notReadyBecause: null,
    canAssemble,
    packagingBypassed: bypassing,
    bypassNote,
    cost,
    costComplete: components.every((c) => c.costComplete && c.enough),
    costPerUnit: costPerUnit(cost, quantity),
  };
  if (!check.ready) check.notReadyBecause = notReady(check).message;
  return { check, definitions, goodSlug: good.slug, materialRequests, finishedDraws };
}

/** The pre-check: what assembling would draw, and what is missing per component, writing nothing. */
export function checkAssembly(db: Database, input: AssemblyInput, tx?: Tx): AssemblyCheck {
  return withTransaction(db, tx, (t) => planAssembly(db, t, input).check);
}

function notReady(check: AssemblyCheck): AppError {
  const unassigned = check.components.filter((c) => c.problem !== null);
  if (unassigned.length > 0) {
    return validationError('packaging', `Cannot assemble ${check.good.name} yet. ${unassigned.map((c) => c.problem).join(' ')}`, {
      unassigned: unassigned.map((c) => ({ material: c.item.slug, uses: c.uses.map((u) => u.materialUnit.slug) })),
    });
  }
  const short = check.components.filter((c) => !c.enough);
  const said = short.map((c) => `${c.item.name}: ${plainQuantity(c.needed, c.unit)} needed, ${plainQuantity(c.onHand, c.unit)} available (short ${plainQuantity(c.short, c.unit)})`);
  return new AppError('INSUFFICIENT_STOCK', `Not enough to assemble ${plainNumber(check.quantity)} ${check.good.name}. ${said.join('; ')}.`, {
    field: 'quantity',
    missing: short.map((c) => ({ kind: c.kind, item: c.item.slug, needed: withoutNoise(c.needed), available: withoutNoise(c.onHand), missing: withoutNoise(c.short), unit: c.unit })),
  });
}

const FINISHED_LOT_TABLE = { finished_unit: 'finished_unit_lots', finished_good: 'finished_good_lots' } as const;

/** Records an assembly (see the module comment); refused with nothing changed when a component is short or unassigned. */
export function recordAssembly(db: Database, input: AssemblyInput, tx?: Tx): AssemblyRunDetail {
  return withTransaction(db, tx, (t) => {
    const plan = planAssembly(db, t, input);
    const { check } = plan;
    if (!check.ready) throw notReady(check);
    const notes = optionalText(input.notes ?? '', 'notes');
    const ledger: { source: AssemblySource; quantity: number; unitCost: number; cost: number; costComplete: boolean }[] = [];
    for (const component of check.components) {
      const finished = plan.finishedDraws.get(component);
      if (finished) {
        finished.draws.forEach((d, i) => {
          t.run(`UPDATE ${FINISHED_LOT_TABLE[finished.kind]} SET count_remaining = ?, updated_at = ? WHERE id = ?`, [d.remainingAfter, t.now(), d.lotId]);
          const drawn = component.draws[i]!;
          ledger.push({ source: { kind: finished.kind, lotId: d.lotId }, quantity: drawn.quantity, unitCost: drawn.unitCost!, cost: drawn.cost, costComplete: d.costComplete });
        });
        continue;
      }
      if (component.bypassed) continue;
      // The ledger row's cost is NOT NULL; a material lot with no cost is written at 0 and the run says its cost is incomplete.
      for (const d of consumeMaterialFifo(db, plan.materialRequests.get(component)!, t).draws) {
        ledger.push({ source: { kind: 'material', lotId: d.lotId }, quantity: d.lotQuantity, unitCost: d.lotUnitCost ?? 0, cost: d.cost ?? 0, costComplete: d.cost !== null });
      }
    }
    const total = ledgerAmount(ledger.reduce((sum, row) => sum + row.cost, 0));
    const perUnit = costPerUnit(total, check.quantity);
    const madeOn = dateOf(t.now());
    const runId = insertAssemblyRunRow(
      db,
      {
        finishedGoodId: check.good.id,
        eventId: check.event?.id ?? null,
        planSnapshotId: check.planSnapshotId,
        assembledOn: madeOn,
        quantity: check.quantity,
        goodSnapshot: JSON.stringify({
          good: plan.goodSlug,
          definitions: plan.definitions,
          packaging: check.components.filter((c) => c.kind === 'material').map((c) => ({ material: c.item.slug, product: c.product?.slug ?? null, bypassed: c.bypassed })),
        }),
        totalCost: total,
        costPerUnit: perUnit,
        costComplete: ledger.every((row) => row.costComplete),
        packagingBypassed: check.packagingBypassed,
        bypassNote: check.bypassNote,
        notes,
      },
      t,
    );
    for (const row of ledger) insertAssemblyConsumptionRow(db, { assemblyRunId: runId, source: row.source, quantity: row.quantity, unitCost: row.unitCost, cost: row.cost }, t);
    insertFinishedGoodLotRow(db, { finishedGoodId: check.good.id, assemblyRunId: runId, madeOn, count: check.quantity, unitCost: outputUnitCost(total, check.quantity) }, t);
    return getAssemblyRun(db, runId, t);
  });
}
