/**
 * Finished good rows: reading one by id or slug, the nested-goods graph
 * the nesting checks walk, and the definitions (composition lines, all the
 * way down) that explosion and costing need; and the one way good and
 * composition rows are written.
 */
import { withTransaction, type Database, type Tx } from '../../db/session';
import type { CompositionLine, GoodDefinition } from '../../domain/explosion';
import type { CheckedCompositionLine } from './composition-lines';
import { AppError } from '../../errors';

export interface GoodRow {
  id: number;
  slug: string;
  name: string;
  notes: string;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface CompositionRow {
  id: number;
  finished_good_id: number;
  finished_unit_id: number | null;
  component_good_id: number | null;
  material_unit_id: number | null;
  material_product_id: number | null;
  quantity: number;
  position: number;
  /** Of the material unit, for material lines. */
  material_id: number | null;
  unit_size: number | null;
}

export function loadGood(db: Database, id: number, tx?: Tx): GoodRow {
  return withTransaction(db, tx, (t) => {
    const row = t.get<GoodRow>('SELECT * FROM finished_goods WHERE id = ?', [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That finished good no longer exists.', { goodId: id });
    return row;
  });
}

/** The good with this slug (the natural key in files and on the command line), if any. */
export function findGoodBySlug(db: Database, slug: string, tx?: Tx): GoodRow | undefined {
  return withTransaction(db, tx, (t) => t.get<GoodRow>('SELECT * FROM finished_goods WHERE slug = ?', [slug]));
}

export function compositionRows(db: Database, goodId: number, tx?: Tx): CompositionRow[] {
  return withTransaction(db, tx, (t) =>
    t.all<CompositionRow>(
      `SELECT c.id, c.finished_good_id, c.finished_unit_id, c.component_good_id, c.material_unit_id, c.material_product_id, c.quantity, c.position,
              u.material_id, u.quantity AS unit_size
       FROM compositions c LEFT JOIN material_units u ON u.id = c.material_unit_id
       WHERE c.finished_good_id = ? ORDER BY c.position, c.id`,
      [goodId],
    ),
  );
}

function toCompositionLine(r: CompositionRow): CompositionLine {
  if (r.finished_unit_id !== null) return { kind: 'unit', finishedUnitId: r.finished_unit_id, quantity: r.quantity };
  if (r.component_good_id !== null) return { kind: 'good', goodId: r.component_good_id, quantity: r.quantity };
  return {
    kind: 'material',
    materialUnitId: r.material_unit_id!,
    materialId: r.material_id!,
    size: r.unit_size!,
    materialProductId: r.material_product_id,
    quantity: r.quantity,
  };
}

/** Every nested-good line as good -> the goods it contains (in line order), and every good's name. */
export function nestedGoodGraph(db: Database, tx?: Tx): { children: Map<number, number[]>; names: Map<number, string> } {
  return withTransaction(db, tx, (t) => {
    const names = new Map(t.all<{ id: number; name: string }>('SELECT id, name FROM finished_goods').map((r) => [r.id, r.name]));
    const children = new Map<number, number[]>();
    const edges = t.all<{ finished_good_id: number; component_good_id: number }>(
      'SELECT finished_good_id, component_good_id FROM compositions WHERE component_good_id IS NOT NULL ORDER BY finished_good_id, position, id',
    );
    for (const e of edges) children.set(e.finished_good_id, [...(children.get(e.finished_good_id) ?? []), e.component_good_id]);
    return { children, names };
  });
}

/** The definitions of `rootIds` and every good nested in them, by id. */
export function goodDefinitions(db: Database, rootIds: readonly number[], tx?: Tx): Map<number, GoodDefinition> {
  return withTransaction(db, tx, (t) => {
    const out = new Map<number, GoodDefinition>();
    const queue = [...rootIds];
    while (queue.length > 0) {
      const id = queue.shift()!;
      if (out.has(id)) continue;
      const good = loadGood(db, id, t);
      const lines = compositionRows(db, id, t).map(toCompositionLine);
      out.set(id, { id, name: good.name, lines });
      for (const l of lines) if (l.kind === 'good') queue.push(l.goodId);
    }
    return out;
  });
}

/** The definition of checked, unsaved lines, in the shape explosion and costing read. */
export function draftDefinition(db: Database, draft: { id: number; name: string; lines: readonly CheckedCompositionLine[] }, tx?: Tx): GoodDefinition {
  return withTransaction(db, tx, (t) => ({
    id: draft.id,
    name: draft.name,
    lines: draft.lines.map((l): CompositionLine => {
      if (l.kind !== 'material') return l.kind === 'unit' ? { kind: 'unit', finishedUnitId: l.finishedUnitId, quantity: l.quantity } : { kind: 'good', goodId: l.goodId, quantity: l.quantity };
      const size = t.get<{ quantity: number }>('SELECT quantity FROM material_units WHERE id = ?', [l.materialUnitId])!.quantity;
      return { kind: 'material', materialUnitId: l.materialUnitId, materialId: l.materialId, size, materialProductId: l.materialProductId, quantity: l.quantity };
    }),
  }));
}

export interface NewGoodRow {
  slug: string;
  name: string;
  notes: string;
  /** Archived when it comes so from an import file; a new good is not. */
  archived?: boolean;
  /** Kept from an import file; the transaction's time when left out. */
  createdAt?: string;
  updatedAt?: string;
}

/** Inserts a checked finished good (its lines separately); returns its id. */
export function insertGoodRow(db: Database, row: NewGoodRow, tx?: Tx): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run('INSERT INTO finished_goods (slug, name, notes, archived, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)', [
      row.slug, row.name, row.notes, row.archived ? 1 : 0, row.createdAt ?? now, row.updatedAt ?? now,
    ])
      .lastInsertRowid;
  });
}

/** Inserts one checked composition line of a good at `position`; returns its id. */
export function insertCompositionRow(
  db: Database,
  goodId: number,
  /** `createdAt`/`updatedAt`: kept from an import file (a line takes its good's); the transaction's time when left out. */
  line: CheckedCompositionLine & { createdAt?: string; updatedAt?: string },
  position: number,
  tx?: Tx,
): number {
  return withTransaction(db, tx, (t) => {
    const now = t.now();
    return t.run(
      `INSERT INTO compositions (finished_good_id, finished_unit_id, component_good_id, material_unit_id, material_product_id, quantity, position, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        goodId,
        line.kind === 'unit' ? line.finishedUnitId : null,
        line.kind === 'good' ? line.goodId : null,
        line.kind === 'material' ? line.materialUnitId : null,
        line.kind === 'material' ? line.materialProductId : null,
        line.quantity,
        position,
        line.createdAt ?? now,
        line.updatedAt ?? now,
      ],
    ).lastInsertRowid;
  });
}
