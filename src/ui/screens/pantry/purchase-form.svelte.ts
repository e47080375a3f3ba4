/**
 * The state of the purchase form, kept apart from its markup: what is typed
 * (as text, so nothing the baker typed is ever lost or reformatted), the
 * product chosen or being created, and the errors per field. `request()`
 * turns it into the worker's parameters; `clearSaved()` empties what a saved
 * purchase used, but only the fields that still hold what was saved, so
 * anything typed while saving stays.
 */
import type { ParamsOf, ResultOf } from '../../../rpc/contract';
import { parseDecimal, todayIso } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

export type Product = ResultOf<'catalog.searchProducts'>[number];
export type IngredientMatch = ResultOf<'catalog.searchIngredients'>[number];
/** All the form needs to know of the ingredient a new product belongs to. */
export type IngredientRef = Pick<IngredientMatch, 'id' | 'name'>;
type PurchaseParams = ParamsOf<'pantry.recordPurchase'>;

/** The form's own field names; the worker's names map onto them in `FIELD_ALIASES`. */
const PURCHASE_FIELDS = [
  'product',
  'packages',
  'pricePerPackage',
  'purchasedOn',
  'supplierId',
  'expiresOn',
  'location',
  'notes',
  'newProduct.ingredientId',
  'newProduct.brand',
  'newProduct.name',
  'newProduct.packageQuantity',
  'newProduct.packageUnit',
] as const;

const EXISTING_ALIASES: Record<string, string> = { productId: 'product' };
const NEW_PRODUCT_ALIASES: Record<string, string> = {
  productId: 'product',
  ingredientId: 'newProduct.ingredientId',
  brand: 'newProduct.brand',
  name: 'newProduct.name',
  packageQuantity: 'newProduct.packageQuantity',
  packageUnit: 'newProduct.packageUnit',
};

/** Fields tucked under "More details": an error there must open it. */
export const DETAIL_FIELDS = ['supplierId', 'expiresOn', 'location', 'notes'];

export class PurchaseForm {
  mode = $state<'existing' | 'new'>('existing');
  product = $state<Product | null>(null);
  productText = $state('');

  ingredient = $state<IngredientRef | null>(null);
  ingredientText = $state('');
  brand = $state('');
  name = $state('');
  packageQuantity = $state('');
  packageUnit = $state('');

  packages = $state('1');
  price = $state('');
  private readonly startedOn = todayIso();
  purchasedOn = $state(this.startedOn);
  /** The date boxes hold something the browser cannot read as a day. */
  purchasedOnBad = $state(false);
  supplierId = $state('');
  expiresOn = $state('');
  expiresOnBad = $state(false);
  location = $state('');
  notes = $state('');

  readonly errors = new FieldErrors();
  /** What the form was filled in with when it opened (a ticked shopping line): untouched, it is not unsaved typing. */
  private prefilled: ReturnType<PurchaseForm['snapshot']> | null = null;

  constructor(defaultUnit: string) {
    this.packageUnit = defaultUnit;
  }

  pickProduct(product: Product): void {
    this.mode = 'existing';
    this.product = product;
    this.productText = product.displayName;
    if (product.lastPricePerPackage !== null && this.price.trim() === '') this.price = String(product.lastPricePerPackage);
    delete this.errors.byField.product;
  }

  /** Opens on a product and a number of packages (from the shopping list), its last price filled in. */
  prefill(product: Product, packages: number | null): void {
    this.pickProduct(product);
    if (packages !== null) this.packages = String(packages);
    this.prefilled = this.snapshot();
  }

  startNewProduct(ingredient: IngredientRef | null): void {
    this.mode = 'new';
    this.product = null;
    this.name = this.productText.trim();
    if (ingredient && !this.ingredient) {
      this.ingredient = ingredient;
      this.ingredientText = ingredient.name;
    }
  }

  pickIngredient(ingredient: IngredientRef): void {
    this.ingredient = ingredient;
    this.ingredientText = ingredient.name;
    delete this.errors.byField['newProduct.ingredientId'];
  }

  backToExisting(): void {
    this.mode = 'existing';
    this.productText = '';
  }

  /** The worker's parameters, or null after marking what must be filled in first. */
  request(): PurchaseParams | null {
    this.errors.clear();
    const packages = parseDecimal(this.packages);
    const price = parseDecimal(this.price);
    if (packages === null) this.errors.set('packages', 'Enter how many packages, like 1 or 2.');
    if (price === null) this.errors.set('pricePerPackage', 'Enter the price of one package, like 4.99.');
    // A date box that cannot be read shows empty: refuse it rather than let the purchase be dated some other day.
    if (this.purchasedOnBad || this.purchasedOn.trim() === '') this.errors.set('purchasedOn', 'Enter a valid date: the day of the purchase.');
    if (this.expiresOnBad) this.errors.set('expiresOn', 'Enter a valid date, or leave it empty.');
    if (this.mode === 'existing' && !this.product) this.errors.set('product', 'Pick a product, or create a new one from the list.');
    if (this.mode === 'new' && !this.ingredient) {
      this.errors.set('newProduct.ingredientId', 'Choose which ingredient this is, like “All-purpose flour”.');
    }
    if (this.errors.any || packages === null || price === null) return null;

    const common = {
      packages,
      pricePerPackage: price,
      purchasedOn: this.purchasedOn,
      supplierId: this.supplierId ? Number(this.supplierId) : null,
      expiresOn: this.expiresOn || null,
      location: this.location,
      notes: this.notes,
    };
    if (this.mode === 'existing') return { ...common, productId: this.product!.id };
    return {
      ...common,
      newProduct: {
        ingredientId: this.ingredient!.id,
        brand: this.brand,
        name: this.name,
        // Blank or unreadable goes to the worker as NaN, whose message names the field.
        packageQuantity: parseDecimal(this.packageQuantity) ?? Number.NaN,
        packageUnit: this.packageUnit,
      },
    };
  }

  showError(e: unknown): void {
    this.errors.fromError(e, PURCHASE_FIELDS, this.mode === 'new' ? NEW_PRODUCT_ALIASES : EXISTING_ALIASES);
  }

  /** Something is typed that a save has not taken yet: leaving would lose it. */
  get dirty(): boolean {
    if (this.prefilled && this.purchasedOn === this.startedOn && JSON.stringify(this.snapshot()) === JSON.stringify(this.prefilled)) return false;
    return (
      this.productText.trim() !== '' ||
      this.mode === 'new' ||
      this.packages !== '1' ||
      this.price.trim() !== '' ||
      this.purchasedOn !== this.startedOn ||
      this.expiresOn !== '' ||
      this.location.trim() !== '' ||
      this.notes.trim() !== ''
    );
  }

  /** What was sent, to compare against after the save. */
  snapshot() {
    return {
      mode: this.mode,
      productText: this.productText,
      ingredientText: this.ingredientText,
      brand: this.brand,
      name: this.name,
      packageQuantity: this.packageQuantity,
      packages: this.packages,
      price: this.price,
      expiresOn: this.expiresOn,
      location: this.location,
      notes: this.notes,
    };
  }

  /** Ready for the next item in the basket; date and supplier stay, they are usually the same. */
  clearSaved(sent: ReturnType<PurchaseForm['snapshot']>): void {
    if (this.productText === sent.productText && this.mode === sent.mode) {
      this.mode = 'existing';
      this.product = null;
      this.productText = '';
      this.ingredient = null;
      this.ingredientText = '';
      this.brand = '';
      this.name = '';
      this.packageQuantity = '';
    }
    if (this.packages === sent.packages) this.packages = '1';
    if (this.price === sent.price) this.price = '';
    if (this.expiresOn === sent.expiresOn) this.expiresOn = '';
    if (this.location === sent.location) this.location = '';
    if (this.notes === sent.notes) this.notes = '';
  }
}
