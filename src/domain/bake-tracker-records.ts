/**
 * Reading one record of a Bake Tracker 4.x backup at a time: every field is
 * checked and turned into our units and shapes, or a `RecordProblem` names the
 * field's path in the file (`products[12].package_unit`) and what is wrong.
 * Pure: resolving references against the database is the importer's job.
 */
import { isIsoDate } from './dates';
import { quoted } from './file-limits';
import { plainNumber } from './format';
import { MAX_NAME_LENGTH, MAX_NOTES_LENGTH } from './limits';
import { isValidSlug } from './slug';
import { INGREDIENT_DIMENSIONS, dimensionOf, parseUnit, type Density, type Unit } from './units';

export class RecordProblem extends Error {
  constructor(
    readonly path: string,
    message: string,
  ) {
    super(message);
    this.name = 'RecordProblem';
  }
}

type Raw = Record<string, unknown>;

function asObject(raw: unknown, path: string): Raw {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new RecordProblem(path, 'This record is not an object.');
  return raw as Raw;
}

/**
 * A text field, trimmed. Every one has a length limit (names and short
 * fields `MAX_NAME_LENGTH`, notes `MAX_NOTES_LENGTH`), so a file cannot put a
 * 10 MB name into the pantry, a message or the import report.
 */
function text(r: Raw, key: string, path: string, required: boolean, max = MAX_NAME_LENGTH): string {
  const v = r[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) {
    if (required) throw new RecordProblem(`${path}.${key}`, `${key} is required.`);
    return '';
  }
  if (typeof v !== 'string') throw new RecordProblem(`${path}.${key}`, `${key} must be text.`);
  const trimmed = v.trim();
  if (trimmed.length > max) {
    throw new RecordProblem(
      `${path}.${key}`,
      `${key} is too long: ${trimmed.length.toLocaleString('en-US')} characters, at most ${max.toLocaleString('en-US')}.`,
    );
  }
  return trimmed;
}

/** A number the file wrote as a number: "25" (text), and NaN or Infinity (not JSON at all), are refused. */
function number(r: Raw, key: string, path: string): number {
  const v = r[key];
  if (typeof v === 'string') throw new RecordProblem(`${path}.${key}`, `${key} must be a number, not text (found ${quoted(v, 30)}).`);
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new RecordProblem(`${path}.${key}`, `${key} must be a number.`);
  // -0 is a number JSON can spell; kept, it would print as "-0" in a message or on a screen.
  return v + 0;
}

function positive(r: Raw, key: string, path: string): number {
  const v = number(r, key, path);
  if (v <= 0) throw new RecordProblem(`${path}.${key}`, `${key} must be more than zero (found ${plainNumber(v)}).`);
  return v;
}

function flag(r: Raw, key: string, path: string): boolean {
  const v = r[key];
  if (v === undefined || v === null) return false;
  if (typeof v !== 'boolean') throw new RecordProblem(`${path}.${key}`, `${key} must be true or false.`);
  return v;
}

function ingredientUnit(r: Raw, key: string, path: string): Unit {
  const raw = text(r, key, path, true);
  const unit = parseUnit(raw);
  if (!unit) throw new RecordProblem(`${path}.${key}`, `${quoted(raw, 40)} is not a unit Bake Planner knows.`);
  if (!INGREDIENT_DIMENSIONS.includes(dimensionOf(unit))) {
    throw new RecordProblem(`${path}.${key}`, `${unit} is not a weight, volume or count.`);
  }
  return unit;
}

function date(r: Raw, key: string, path: string, required: boolean): string | null {
  const v = text(r, key, path, required);
  if (!v) return null;
  // Bake Tracker writes plain dates, some tools full timestamps: the date part is what counts.
  const day = v.slice(0, 10);
  if (!isIsoDate(day)) throw new RecordProblem(`${path}.${key}`, `${key} must be a date like 2025-12-21 (found ${quoted(v, 40)}).`);
  return day;
}

export interface BtSupplier {
  fileId: number | null;
  name: string;
  slug: string | null;
  kind: 'physical' | 'online';
  location: string;
  active: boolean;
  notes: string;
}

export function readSupplier(raw: unknown, path: string): BtSupplier {
  const r = asObject(raw, path);
  const name = text(r, 'name', path, true);
  const slug = text(r, 'slug', path, false);
  if (slug && !isValidSlug(slug)) throw new RecordProblem(`${path}.slug`, `${quoted(slug, 40)} is not a valid slug (lowercase letters, digits, - and _).`);
  const type = text(r, 'supplier_type', path, false) || 'physical';
  if (type !== 'physical' && type !== 'online') throw new RecordProblem(`${path}.supplier_type`, 'supplier_type must be "physical" or "online".');
  // Bake Tracker fills unknown places with "Unknown" and state "XX": those say nothing.
  const place = [text(r, 'city', path, false), text(r, 'state', path, false)].filter((p) => p && p !== 'Unknown' && p !== 'XX');
  const id = r.id;
  return {
    fileId: typeof id === 'number' && Number.isInteger(id) ? id : null,
    name,
    slug: slug || null,
    kind: type,
    location: place.join(', '),
    active: r.is_active === undefined ? true : flag(r, 'is_active', path),
    notes: text(r, 'notes', path, false, MAX_NOTES_LENGTH),
  };
}

export interface BtIngredient {
  slug: string;
  name: string;
  level: number;
  parentSlug: string | null;
  density: Density | null;
  notes: string;
}

const DENSITY_KEYS = ['density_volume_value', 'density_volume_unit', 'density_weight_value', 'density_weight_unit'] as const;

function density(r: Raw, path: string): Density | null {
  const present = DENSITY_KEYS.filter((k) => r[k] !== undefined && r[k] !== null && r[k] !== '');
  if (present.length === 0) return null;
  const missing = DENSITY_KEYS.find((k) => !present.includes(k));
  if (missing) throw new RecordProblem(`${path}.${missing}`, `A density needs all four parts; ${missing} is missing.`);
  const volumeQty = positive(r, 'density_volume_value', path);
  const weightQty = positive(r, 'density_weight_value', path);
  const volumeUnit = ingredientUnit(r, 'density_volume_unit', path);
  const weightUnit = ingredientUnit(r, 'density_weight_unit', path);
  if (dimensionOf(volumeUnit) !== 'volume') throw new RecordProblem(`${path}.density_volume_unit`, `${volumeUnit} is not a volume unit.`);
  if (dimensionOf(weightUnit) !== 'weight') throw new RecordProblem(`${path}.density_weight_unit`, `${weightUnit} is not a weight unit.`);
  return { volumeQty, volumeUnit, weightQty, weightUnit };
}

export function readIngredient(raw: unknown, path: string): BtIngredient {
  const r = asObject(raw, path);
  const slug = text(r, 'slug', path, true);
  if (!isValidSlug(slug)) throw new RecordProblem(`${path}.slug`, `${quoted(slug, 40)} is not a valid slug (lowercase letters, digits, - and _).`);
  const level = r.hierarchy_level;
  if (level !== undefined && (typeof level !== 'number' || !Number.isInteger(level) || level < 0)) {
    throw new RecordProblem(`${path}.hierarchy_level`, 'hierarchy_level must be 0, 1 or 2.');
  }
  return {
    slug,
    name: text(r, 'display_name', path, true),
    level: typeof level === 'number' ? level : 0,
    parentSlug: text(r, 'parent_slug', path, false) || null,
    density: density(r, path),
    notes: text(r, 'description', path, false, MAX_NOTES_LENGTH),
  };
}

export interface BtProduct {
  ingredientSlug: string;
  brand: string;
  /** Null when the file has no product name (the importer names it after the ingredient). */
  name: string | null;
  packageUnit: Unit;
  packageQuantity: number;
  packageType: string;
  gtin: string | null;
  hidden: boolean;
  preferred: boolean;
  supplierFileId: number | null;
}

export function readProduct(raw: unknown, path: string): BtProduct {
  const r = asObject(raw, path);
  const gtinKey = r.gtin !== undefined && r.gtin !== null ? 'gtin' : 'upc_code';
  const gtin = text(r, gtinKey, path, false).replace(/[\s-]/g, '');
  if (gtin && !/^\d{6,14}$/.test(gtin)) throw new RecordProblem(`${path}.${gtinKey}`, `${quoted(gtin, 40)} is not a barcode (6 to 14 digits).`);
  const supplier = r.preferred_supplier_id;
  return {
    ingredientSlug: text(r, 'ingredient_slug', path, true),
    brand: text(r, 'brand', path, false),
    name: text(r, 'product_name', path, false) || null,
    packageUnit: ingredientUnit(r, 'package_unit', path),
    packageQuantity: positive(r, 'package_unit_quantity', path),
    packageType: text(r, 'package_type', path, false),
    gtin: gtin || null,
    hidden: flag(r, 'is_hidden', path),
    preferred: flag(r, 'preferred', path),
    supplierFileId: typeof supplier === 'number' && Number.isInteger(supplier) ? supplier : null,
  };
}

export interface BtInventoryItem {
  ingredientSlug: string;
  brand: string;
  name: string | null;
  packageUnit: Unit;
  packageQuantity: number;
  /** What is left, in the package unit. */
  quantity: number;
  purchasedOn: string;
  expiresOn: string | null;
  location: string;
  notes: string;
  /** Per package unit, when the file has it. */
  unitCost: number | null;
}

export function readInventoryItem(raw: unknown, path: string): BtInventoryItem {
  const r = asObject(raw, path);
  const cost = r.unit_cost === undefined || r.unit_cost === null ? null : number(r, 'unit_cost', path);
  if (cost !== null && cost < 0) throw new RecordProblem(`${path}.unit_cost`, 'unit_cost must be a number, zero or more.');
  return {
    ingredientSlug: text(r, 'ingredient_slug', path, true),
    brand: text(r, 'product_brand', path, false),
    name: text(r, 'product_name', path, false) || null,
    packageUnit: ingredientUnit(r, 'package_unit', path),
    packageQuantity: positive(r, 'package_unit_quantity', path),
    quantity: positive(r, 'quantity', path),
    purchasedOn: date(r, 'purchase_date', path, true)!,
    expiresOn: date(r, 'expiration_date', path, false),
    // Bake Tracker's own data spells the pantry both "pantry" and "Pantry".
    location: text(r, 'location', path, false).toLowerCase(),
    notes: text(r, 'notes', path, false, MAX_NOTES_LENGTH),
    unitCost: cost,
  };
}

export interface BtMaterial {
  slug: string;
  name: string;
  category: string;
  notes: string;
}

export function readMaterial(raw: unknown, path: string): BtMaterial {
  const r = asObject(raw, path);
  const slug = text(r, 'slug', path, true);
  if (!isValidSlug(slug)) throw new RecordProblem(`${path}.slug`, `${quoted(slug, 40)} is not a valid slug (lowercase letters, digits, - and _).`);
  const name = text(r, 'display_name', path, true);
  const description = text(r, 'description', path, false, MAX_NOTES_LENGTH);
  return { slug, name, category: text(r, 'category', path, false), notes: description === name ? '' : description };
}

export interface BtMaterialProduct {
  materialName: string;
  name: string;
  measure: 'each' | 'length';
  packageUnit: 'each' | 'in';
  packageQuantity: number;
  /** True when the notes said nothing about the size and 1 was assumed. */
  quantityAssumed: boolean;
  supplierName: string | null;
  notes: string;
}

/**
 * Bake Tracker keeps a material product's size only in its notes ("Pack of 25
 * boxes", "500 yard spool = 18000 inches"); the number is read from there.
 */
export function packageSizeFromNotes(notes: string, unit: 'each' | 'in'): number | null {
  const n = (s: string | undefined) => (s === undefined ? null : Number(s.replace(/,/g, '')));
  if (unit === 'in') return n(/([\d,]+(?:\.\d+)?)\s*inches/i.exec(notes)?.[1]);
  return n(
    /pack of\s*([\d,]+)/i.exec(notes)?.[1] ??
      /([\d,]+)\s*(?:count|ct|pk|pack)\b/i.exec(notes)?.[1] ??
      (/^\s*individual\b/i.test(notes) ? '1' : undefined),
  );
}

export function readMaterialProduct(raw: unknown, path: string): BtMaterialProduct {
  const r = asObject(raw, path);
  const unitText = text(r, 'default_unit', path, true);
  const measure = unitText === 'each' ? 'each' : unitText === 'linear_inches' ? 'length' : null;
  if (!measure) {
    throw new RecordProblem(`${path}.default_unit`, `${quoted(unitText, 40)} is not a packaging measure Bake Planner knows (each or linear_inches).`);
  }
  const packageUnit = measure === 'each' ? 'each' : 'in';
  const notes = text(r, 'notes', path, false, MAX_NOTES_LENGTH);
  const size = packageSizeFromNotes(notes, packageUnit);
  return {
    materialName: text(r, 'material', path, true),
    name: text(r, 'display_name', path, true),
    measure,
    packageUnit,
    packageQuantity: size !== null && size > 0 ? size : 1,
    quantityAssumed: size === null || size <= 0,
    supplierName: text(r, 'supplier', path, false) || null,
    notes,
  };
}

/** A package size as products are told apart by it: "25 lb". */
export function packageSizeText(p: { packageQuantity: number; packageUnit: string }): string {
  return `${plainNumber(p.packageQuantity)} ${p.packageUnit}`;
}

/** What makes a product one product in a backup: its ingredient, brand, name and package size (case aside). */
export function productKey(ingredientSlug: string, brand: string, name: string | null, size: string): string {
  return `${ingredientSlug}|${brand.toLowerCase()}|${(name ?? '').toLowerCase()}|${size}`;
}
