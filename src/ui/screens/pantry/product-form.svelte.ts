/**
 * The state of the product form (new or edit), kept as typed. A package size
 * shown rounded for reading is sent back exactly as saved unless the baker
 * changed it, so opening and saving a product never alters it by itself.
 * When the worker says a product's size is fixed (it has lots measured in
 * it), an update leaves size and unit out.
 */
import type { ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type Product = ResultOf<'catalog.getProduct'>;

const PRODUCT_FIELDS = [
  'brand',
  'name',
  'packageQuantity',
  'packageUnit',
  'packageType',
  'gtin',
  'supplierId',
  'notes',
] as const;

export class ProductForm {
  brand = $state('');
  name = $state('');
  packageQuantity = $state('');
  packageUnit = $state('');
  packageType = $state('');
  gtin = $state('');
  preferred = $state(false);
  hidden = $state(false);
  supplierId = $state('');
  notes = $state('');
  /** Size and unit cannot change, as the worker says (the product has lots). */
  sizeFixed = $state(false);
  readonly errors = new FieldErrors();
  private saved: { text: string; exact: number } | null = null;

  constructor(defaultUnit: string) {
    this.packageUnit = defaultUnit;
  }

  load(product: Product): void {
    this.brand = product.brand;
    this.name = product.name;
    this.packageQuantity = inputNumber(product.packageQuantity);
    this.saved = { text: this.packageQuantity, exact: product.packageQuantity };
    this.packageUnit = product.packageUnit;
    this.packageType = product.packageType;
    this.gtin = product.gtin ?? '';
    this.preferred = product.preferred;
    this.hidden = product.hidden;
    this.supplierId = product.supplierId === null ? '' : String(product.supplierId);
    this.notes = product.notes;
    this.sizeFixed = product.sizeFixed;
  }

  private common() {
    return {
      brand: this.brand,
      name: this.name,
      packageType: this.packageType,
      gtin: this.gtin.trim() === '' ? null : this.gtin,
      preferred: this.preferred,
      hidden: this.hidden,
      supplierId: this.supplierId ? Number(this.supplierId) : null,
      notes: this.notes,
    };
  }

  private quantity(): number {
    if (this.saved && this.saved.text === this.packageQuantity) return this.saved.exact;
    // Blank or unreadable goes as NaN: the worker's message names the field.
    return parseDecimal(this.packageQuantity) ?? Number.NaN;
  }

  createRequest(ingredientId: number) {
    this.errors.clear();
    return { ingredientId, ...this.common(), packageQuantity: this.quantity(), packageUnit: this.packageUnit };
  }

  /** Size and unit are left out once fixed, so the worker keeps them exactly as they are. */
  updateRequest(id: number) {
    this.errors.clear();
    return this.sizeFixed ? { id, ...this.common() } : { id, ...this.common(), packageQuantity: this.quantity(), packageUnit: this.packageUnit };
  }

  showError(e: unknown): void {
    this.errors.fromError(e, PRODUCT_FIELDS);
  }
}
