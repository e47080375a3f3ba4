/**
 * A Bake Tracker backup whose every text a screen shows is markup or script:
 * an ingredient group, an ingredient and its description, a supplier (name,
 * town, notes), a product (brand and name), a lot's notes and place, a
 * material and its product, and a section of the file this version does not
 * read. It is a good backup otherwise, so it imports; the security test then
 * opens each screen that shows these texts (`SHOWN_AT`) and checks they are
 * text there, with no element made from them. (Supplier notes, lot notes and
 * materials are not on any screen yet; they are in the file for when they are.)
 *
 * A new area whose screens show names (recipes, goods, events) adds them to
 * the file it imports and its screens to `SHOWN_AT`.
 */

/** Each text put into the file; the screens must show it as written. */
export const HOSTILE = {
  group: '<b id="injected">Flours</b>',
  ingredient: '<img src=x onerror="document.title=\'pwned\'">Rye',
  description: '"><script>document.title=\'pwned\'</script> dark rye',
  supplier: '<a href="javascript:document.title=\'pwned\'">Mill</a>',
  town: 'javascript:alert(1)',
  supplierNotes: '<svg onload="document.title=\'pwned\'"></svg> open Sundays',
  brand: '<i id="injected">Bob</i>',
  product: '{@html "<u>Dark</u>"} ${document.title}',
  lotNotes: '<iframe src="javascript:alert(1)"></iframe> top shelf',
  material: '<object data="x"></object> Gift box',
  materialProduct: '<form action="https://evil.example"><button>Box</button></form>',
  section: '<img src=x onerror=alert(1)>',
} as const;

export function hostileBakeryFile(): string {
  return JSON.stringify({
    version: '4.2',
    application: 'bake-tracker',
    suppliers: [{ id: 1, name: HOSTILE.supplier, slug: 'mill', supplier_type: 'physical', city: HOSTILE.town, state: 'VT', notes: HOSTILE.supplierNotes }],
    ingredients: [
      { display_name: HOSTILE.group, slug: 'flours', hierarchy_level: 0 },
      { display_name: HOSTILE.ingredient, slug: 'rye', hierarchy_level: 1, parent_slug: 'flours', description: HOSTILE.description },
    ],
    products: [{ ingredient_slug: 'rye', brand: HOSTILE.brand, product_name: HOSTILE.product, package_unit: 'lb', package_unit_quantity: 5, preferred_supplier_id: 1 }],
    inventory_items: [
      {
        ingredient_slug: 'rye',
        product_brand: HOSTILE.brand,
        product_name: HOSTILE.product,
        package_unit: 'lb',
        package_unit_quantity: 5,
        quantity: 5,
        purchase_date: '2026-01-10',
        notes: HOSTILE.lotNotes,
        unit_cost: 1.2,
      },
    ],
    materials: [{ display_name: HOSTILE.material, slug: 'gift_box', category: 'Boxes' }],
    material_products: [{ material: HOSTILE.material, display_name: HOSTILE.materialProduct, default_unit: 'each', supplier: HOSTILE.supplier, notes: 'Pack of 10' }],
    [HOSTILE.section]: [1, 2],
  });
}

export interface Showing {
  /** The screen, as the test names it. */
  what: string;
  /** Its route. */
  hash: string;
  /** The hostile texts it shows (as text). */
  shows: (keyof typeof HOSTILE)[];
}

/** Screens that show the file's texts. Ingredient, product and supplier ids are those of a fresh database. */
export const SHOWN_AT: readonly Showing[] = [
  { what: 'the pantry', hash: '#/pantry', shows: ['group', 'ingredient'] },
  { what: 'every ingredient', hash: '#/pantry?view=all', shows: ['group'] },
  { what: 'a search', hash: '#/pantry?q=rye&view=all', shows: ['group', 'ingredient'] },
  { what: 'the ingredient', hash: '#/pantry/ingredient/2', shows: ['group', 'ingredient', 'description', 'brand', 'product'] },
  { what: 'the ingredient’s edit screen', hash: '#/pantry/ingredient/2/edit', shows: ['ingredient'] },
  { what: 'the product', hash: '#/pantry/product/1', shows: ['ingredient', 'supplier', 'brand', 'product'] },
  { what: 'the suppliers', hash: '#/pantry/suppliers', shows: ['supplier', 'town'] },
  { what: 'the supplier', hash: '#/pantry/suppliers/1', shows: ['supplier'] },
  { what: 'the dashboard', hash: '#/dashboard', shows: [] },
];
