/**
 * The state of the purchase edit form. It starts from the saved purchase and
 * its lot, keeps everything as typed, and sends only what the baker changed:
 * an untouched field is never re-sent, so a number shown rounded is never
 * saved rounded and a rule about one field cannot be tripped by another.
 */
import type { ParamsOf, ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type Purchase = ResultOf<'pantry.getPurchase'>;
type Update = ParamsOf<'pantry.updatePurchase'>;

const PURCHASE_EDIT_FIELDS = ['packages', 'pricePerPackage', 'purchasedOn', 'supplierId', 'expiresOn', 'location', 'notes'] as const;
type Field = (typeof PURCHASE_EDIT_FIELDS)[number];

/** Fields tucked under "More": an error there must open it. */
export const MORE_FIELDS: readonly Field[] = ['expiresOn', 'location', 'notes'];

export class PurchaseEditForm {
  packages = $state('');
  price = $state('');
  purchasedOn = $state('');
  /** The date boxes hold something the browser cannot read as a day. */
  purchasedOnBad = $state(false);
  supplierId = $state('');
  expiresOn = $state('');
  expiresOnBad = $state(false);
  location = $state('');
  notes = $state('');
  readonly errors = new FieldErrors();
  private saved: Record<Field, string> | null = null;

  load(purchase: Purchase): void {
    this.packages = inputNumber(purchase.packages);
    this.price = inputNumber(purchase.pricePerPackage);
    this.purchasedOn = purchase.purchasedOn;
    this.supplierId = purchase.supplier ? String(purchase.supplier.id) : '';
    this.expiresOn = purchase.expiresOn ?? '';
    this.location = purchase.location;
    this.notes = purchase.notes;
    this.saved = this.texts();
  }

  private texts(): Record<Field, string> {
    return {
      packages: this.packages,
      pricePerPackage: this.price,
      purchasedOn: this.purchasedOn,
      supplierId: this.supplierId,
      expiresOn: this.expiresOn,
      location: this.location,
      notes: this.notes,
    };
  }

  /** The worker's parameters with only the changed fields, or null after marking what must be fixed first. */
  request(id: number): Update | null {
    this.errors.clear();
    const now = this.texts();
    const changed = (field: Field) => this.saved === null || this.saved[field] !== now[field];
    const update: Update = { id };
    if (changed('packages')) {
      const packages = parseDecimal(this.packages);
      if (packages === null) this.errors.set('packages', 'Enter how many packages, like 1 or 2.');
      else update.packages = packages;
    }
    if (changed('pricePerPackage')) {
      const price = parseDecimal(this.price);
      if (price === null) this.errors.set('pricePerPackage', 'Enter the price of one package, like 4.99.');
      else update.pricePerPackage = price;
    }
    if (this.purchasedOnBad || this.purchasedOn.trim() === '') this.errors.set('purchasedOn', 'Enter a valid date: the day of the purchase.');
    if (this.expiresOnBad) this.errors.set('expiresOn', 'Enter a valid date, or leave it empty.');
    if (this.errors.any) return null;
    if (changed('purchasedOn')) update.purchasedOn = this.purchasedOn;
    if (changed('supplierId')) update.supplierId = this.supplierId ? Number(this.supplierId) : null;
    if (changed('expiresOn')) update.expiresOn = this.expiresOn || null;
    if (changed('location')) update.location = this.location;
    if (changed('notes')) update.notes = this.notes;
    return update;
  }

  showError(e: unknown): void {
    this.errors.fromError(e, PURCHASE_EDIT_FIELDS);
  }
}
