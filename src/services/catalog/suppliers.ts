/** Suppliers: where purchases come from, a shop or a website. Names are unique (ignoring case). */
import { withTransaction, type Database, type Tx } from '../../db/session';
import { nameKey, nameText, optionalText, positiveId } from '../../domain/validate';
import { AppError, validationError } from '../../errors';
import { freeSlug } from './slugs';
import { insertSupplierRow, type NewSupplierRow, type SupplierKind } from './supplier-rows';

export type { SupplierKind } from './supplier-rows';

export interface SupplierInput {
  name: string;
  kind?: SupplierKind;
  location?: string;
  active?: boolean;
  notes?: string;
}

export interface SupplierUpdate extends Partial<SupplierInput> {
  id: number;
}

export interface Supplier extends NewSupplierRow {
  id: number;
  purchaseCount: number;
}

interface SupplierRow {
  id: number;
  slug: string;
  name: string;
  kind: SupplierKind;
  location: string;
  active: number;
  notes: string;
  purchase_count: number;
}

const SELECT = `SELECT s.*, (SELECT count(*) FROM purchases p WHERE p.supplier_id = s.id) AS purchase_count FROM suppliers s`;

function toSupplier(r: SupplierRow): Supplier {
  return {
    id: r.id,
    slug: r.slug,
    name: r.name,
    kind: r.kind,
    location: r.location,
    active: r.active === 1,
    notes: r.notes,
    purchaseCount: r.purchase_count,
  };
}

function checkKind(kind: unknown): SupplierKind {
  if (kind === 'physical' || kind === 'online') return kind;
  throw validationError('kind', 'A supplier is either a shop (physical) or a website (online).', { value: kind });
}

function assertNameFree(tx: Tx, name: string, exceptId: number | null): void {
  const key = nameKey(name);
  const clash = tx.all<{ id: number; name: string }>('SELECT id, name FROM suppliers').find((r) => r.id !== exceptId && nameKey(r.name) === key);
  if (clash) {
    throw new AppError('DUPLICATE', `There is already a supplier called ${clash.name}.`, { field: 'name', existingId: clash.id });
  }
}

export function getSupplier(db: Database, id: number, tx?: Tx): Supplier {
  return withTransaction(db, tx, (t) => {
    const row = t.get<SupplierRow>(`${SELECT} WHERE s.id = ?`, [id]);
    if (!row) throw new AppError('NOT_FOUND', 'That supplier no longer exists.', { supplierId: id });
    return toSupplier(row);
  });
}

/** Active suppliers first, then by name. */
export function listSuppliers(db: Database, filter: { includeInactive?: boolean } = {}, tx?: Tx): Supplier[] {
  return withTransaction(db, tx, (t) =>
    t
      .all<SupplierRow>(`${SELECT}${filter.includeInactive === false ? ' WHERE s.active = 1' : ''} ORDER BY s.active DESC, s.name COLLATE NOCASE`)
      .map(toSupplier),
  );
}

export function createSupplier(db: Database, input: SupplierInput, tx?: Tx): Supplier {
  return withTransaction(db, tx, (t) => {
    const name = nameText(input.name, 'name', 'supplier name');
    const kind = input.kind === undefined ? 'physical' : checkKind(input.kind);
    const location = optionalText(input.location, 'location', 'location', 200);
    const notes = optionalText(input.notes, 'notes');
    assertNameFree(t, name, null);
    const slug = freeSlug(db, 'suppliers', name, t);
    const id = insertSupplierRow(db, { slug, name, kind, location, active: input.active !== false, notes }, t);
    return getSupplier(db, id, t);
  });
}

export function updateSupplier(db: Database, input: SupplierUpdate, tx?: Tx): Supplier {
  return withTransaction(db, tx, (t) => {
    const current = getSupplier(db, positiveId(input.id, 'id', 'supplier'), t);
    const name = input.name === undefined ? current.name : nameText(input.name, 'name', 'supplier name');
    const kind = input.kind === undefined ? current.kind : checkKind(input.kind);
    const location = input.location === undefined ? current.location : optionalText(input.location, 'location', 'location', 200);
    const notes = input.notes === undefined ? current.notes : optionalText(input.notes, 'notes');
    const active = input.active ?? current.active;
    if (name !== current.name) assertNameFree(t, name, current.id);
    t.run('UPDATE suppliers SET name = ?, kind = ?, location = ?, active = ?, notes = ?, updated_at = ? WHERE id = ?', [
      name, kind, location, active ? 1 : 0, notes, t.now(), current.id,
    ]);
    return getSupplier(db, current.id, t);
  });
}

/** The supplier a form or file names, which must still exist; null when none is named. */
export function checkSupplier(db: Database, supplierId: number | null | undefined, tx?: Tx): number | null {
  return withTransaction(db, tx, (t) => {
    if (supplierId == null) return null;
    const id = positiveId(supplierId, 'supplierId', 'supplier');
    if (!t.get('SELECT 1 AS x FROM suppliers WHERE id = ?', [id])) throw validationError('supplierId', 'That supplier no longer exists.');
    return id;
  });
}
