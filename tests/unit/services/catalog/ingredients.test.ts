import { describe, expect, it } from 'vitest';
import { searchIngredients } from '../../../../src/services/catalog/ingredient-search';
import { ingredientTree } from '../../../../src/services/pantry/ingredient-tree';
import { createIngredient, deleteIngredient, getIngredient, updateIngredient } from '../../../../src/services/catalog/ingredients';
import { count, testDb } from '../../../helpers/db';
import { caught, flourPantry } from '../bakery';

describe('the ingredient tree', () => {
  it('Baking > Flours > All-purpose flour: three levels, only the flour is a leaf, with its path and density', async () => {
    const db = await testDb();
    const flour = getIngredient(db, flourPantry(db).flour.id);
    expect(flour).toMatchObject({ level: 2, isLeaf: true, slug: 'all-purpose-flour', path: [{ name: 'Baking' }, { name: 'Flours' }] });
    expect(flour.density).toEqual({ volumeQty: 1, volumeUnit: 'cup', weightQty: 4, weightUnit: 'oz' });
    expect(flour.products.map((p) => p.displayName)).toEqual(['Gold Medal All-Purpose', 'King Arthur Unbleached All-Purpose']);

    const [baking] = ingredientTree(db);
    expect(baking).toMatchObject({ name: 'Baking', isLeaf: false, level: 0 });
    expect(baking!.children[0]!.children[0]).toMatchObject({ name: 'All-purpose flour', isLeaf: true, productCount: 2, hasDensity: true, onHand: null });
  });

  it('a fourth level is refused, naming the parent field', async () => {
    const db = await testDb();
    const { flour, flours } = flourPantry(db);
    const err = caught(() => createIngredient(db, { name: 'Sifted flour', parentId: flour.id }));
    expect([err.code, err.details.field]).toEqual(['VALIDATION', 'parentId']);
    expect(err.message).toContain('at most three levels');
    // A leaf at level 1 (no group) is fine, and so is a second leaf under Flours.
    expect(createIngredient(db, { name: 'Bread flour', parentId: flours.id }).level).toBe(2);
  });

  it('an ingredient with products cannot get sub-ingredients: products belong to leaves', async () => {
    const db = await testDb();
    const sugar = createIngredient(db, { name: 'Sugar' });
    const { createProduct } = await import('../../../../src/services/catalog/products');
    createProduct(db, { ingredientId: sugar.id, brand: 'Domino', name: 'Granulated', packageQuantity: 4, packageUnit: 'lb' });
    const err = caught(() => createIngredient(db, { name: 'Brown sugar', parentId: sugar.id }));
    expect(err.details.field).toBe('parentId');
    expect(err.message).toContain('Sugar has products');
    expect(count(db, 'ingredients')).toBe(1);
  });

  it('names are unique ignoring case: a second "all-purpose FLOUR" is a duplicate, naming the name field', async () => {
    const db = await testDb();
    flourPantry(db);
    const err = caught(() => createIngredient(db, { name: 'all-purpose FLOUR' }));
    expect([err.code, err.details.field]).toEqual(['DUPLICATE', 'name']);
    expect(caught(() => createIngredient(db, { name: '   ' })).details.field).toBe('name');
  });

  it('"CRÈME FRAÎCHE" is a duplicate of "Crème fraîche" (case ignored beyond A-Z), and "Brown  sugar" is saved as "Brown sugar"', async () => {
    const db = await testDb();
    createIngredient(db, { name: 'Crème fraîche' });
    // The same name typed with a combining accent (e + U+0300) is the same name too.
    for (const name of ['CRÈME FRAÎCHE', 'crème  fraîche', 'Cre\u0300me fraîche']) {
      const err = caught(() => createIngredient(db, { name }));
      expect([err.code, err.details.field], name).toEqual(['DUPLICATE', 'name']);
    }
    const brown = createIngredient(db, { name: '  Brown \t sugar ' });
    expect(brown.name).toBe('Brown sugar');
    expect(caught(() => createIngredient(db, { name: 'brown sugar' })).code).toBe('DUPLICATE');
    expect(caught(() => updateIngredient(db, { id: brown.id, name: 'CRÈME fraîche' })).code).toBe('DUPLICATE');
    expect(count(db, 'ingredients')).toBe(2);
    // Changing only the case of its own name is not a clash with itself.
    expect(updateIngredient(db, { id: brown.id, name: 'Brown Sugar' }).name).toBe('Brown Sugar');
  });

  it('slugs stay unique: "Salt!" after "Salt" gets salt-2', async () => {
    const db = await testDb();
    createIngredient(db, { name: 'Salt' });
    expect(createIngredient(db, { name: 'Salt!' }).slug).toBe('salt-2');
  });

  it('a density with a missing part is refused naming that part; zero or a wrong unit too; nothing is written', async () => {
    const db = await testDb();
    const cases: [object, string][] = [
      [{ volumeQty: 1, volumeUnit: 'cup', weightQty: 4.25 }, 'density.weightUnit'],
      [{ volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeQty'],
      [{ volumeQty: 0, volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeQty'],
      [{ volumeQty: 1, volumeUnit: 'oz', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeUnit'],
      [{ volumeQty: 1, volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'bushel' }, 'density.weightUnit'],
    ];
    for (const [density, field] of cases) {
      expect(caught(() => createIngredient(db, { name: 'Brown sugar', density })).details.field, field).toBe(field);
    }
    expect(caught(() => createIngredient(db, { name: 'Eggs', eachWeight: { qty: 50 } })).details.field).toBe('eachWeight.unit');
    // What a form can send for a number: NaN, Infinity, a string. Each is refused naming its part.
    const notNumbers: [object, string][] = [
      [{ volumeQty: Number.NaN, volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeQty'],
      [{ volumeQty: 1, volumeUnit: 'cup', weightQty: Number.POSITIVE_INFINITY, weightUnit: 'oz' }, 'density.weightQty'],
      [{ volumeQty: '1', volumeUnit: 'cup', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeQty'],
      [{ volumeQty: 1, volumeUnit: '  ', weightQty: 4.25, weightUnit: 'oz' }, 'density.volumeUnit'],
    ];
    for (const [density, field] of notNumbers) {
      expect(caught(() => createIngredient(db, { name: 'Brown sugar', density: density as never })).details.field, field).toBe(field);
    }
    expect(caught(() => createIngredient(db, { name: 'Eggs', eachWeight: { qty: Number.NaN, unit: 'g' } })).details.field).toBe('eachWeight.qty');
    expect(caught(() => createIngredient(db, { name: 'Eggs', eachWeight: { qty: 50, unit: 'cup' } })).details.field).toBe('eachWeight.unit');
    expect(count(db, 'ingredients')).toBe(0);
    // All four parts blank is simply "no density".
    expect(createIngredient(db, { name: 'Brown sugar', density: { volumeQty: null, volumeUnit: '', weightQty: null, weightUnit: null } }).density).toBeNull();
  });

  it('renaming, setting a density and moving keep the slug and recompute levels below', async () => {
    const db = await testDb();
    const { baking, flours, flour } = flourPantry(db);
    const pantryStaples = createIngredient(db, { name: 'Staples' });
    const moved = updateIngredient(db, { id: flours.id, parentId: null, name: 'Flours & Starches' });
    expect(moved).toMatchObject({ level: 0, slug: 'flours', name: 'Flours & Starches' });
    expect(getIngredient(db, flour.id).level).toBe(1);
    updateIngredient(db, { id: flours.id, parentId: pantryStaples.id });
    expect(getIngredient(db, flour.id)).toMatchObject({ level: 2, path: [{ name: 'Staples' }, { name: 'Flours & Starches' }] });
    const cyclic = caught(() => updateIngredient(db, { id: flours.id, parentId: flour.id }));
    expect(cyclic.details.field).toBe('parentId');
    const tooDeep = caught(() => updateIngredient(db, { id: pantryStaples.id, parentId: baking.id }));
    expect(tooDeep.details.field).toBe('parentId');
    expect(updateIngredient(db, { id: flour.id, density: null }).density).toBeNull();
  });

  it('every refused edit leaves the tree exactly as it was: a cycle, a fourth level, half a density, a duplicate name, a missing parent', async () => {
    const db = await testDb();
    const { baking, flours, flour } = flourPantry(db);
    const staples = createIngredient(db, { name: 'Staples' });
    const rows = () => db.engine.all('SELECT * FROM ingredients ORDER BY id');
    const before = rows();
    const refused: [Parameters<typeof updateIngredient>[1], string][] = [
      [{ id: baking.id, parentId: flour.id }, 'parentId'],
      [{ id: baking.id, parentId: staples.id, name: 'Renamed' }, 'parentId'],
      [{ id: flour.id, name: 'Bread flour', density: { volumeQty: 1, volumeUnit: 'cup', weightQty: 4.25 } }, 'density.weightUnit'],
      [{ id: flours.id, name: 'BAKING' }, 'name'],
      [{ id: flours.id, name: '   ' }, 'name'],
      [{ id: staples.id, parentId: 9999 }, 'parentId'],
      [{ id: flour.id, eachWeight: { qty: 0, unit: 'g' } }, 'eachWeight.qty'],
    ];
    for (const [update, field] of refused) {
      expect(caught(() => updateIngredient(db, update)).details.field, JSON.stringify(update)).toBe(field);
    }
    expect(rows()).toEqual(before);
  });

  it('deleting an ingredient in use is refused and says why; an unused one goes', async () => {
    const db = await testDb();
    const { flours, flour } = flourPantry(db);
    const groupErr = caught(() => deleteIngredient(db, flours.id));
    expect(groupErr.code).toBe('IN_USE');
    expect(groupErr.message).toBe('Flours cannot be deleted: it has 1 sub-ingredient.');
    expect(caught(() => deleteIngredient(db, flour.id)).message).toBe('All-purpose flour cannot be deleted: it has 2 products.');
    expect(db.engine.all('SELECT name FROM ingredients ORDER BY id')).toEqual([{ name: 'Baking' }, { name: 'Flours' }, { name: 'All-purpose flour' }]);
    const spare = createIngredient(db, { name: 'Spelt' });
    deleteIngredient(db, spare.id);
    expect(count(db, 'ingredients')).toBe(3);
  });
});

describe('searching ingredients', () => {
  it('"sugar" ranks the exact name, then names starting with it, then words starting with it, each with its path', async () => {
    const db = await testDb();
    const sugars = createIngredient(db, { name: 'Sugars' });
    for (const name of ['Brown sugar', 'Sugar', 'Sugar, powdered', 'Muscovado']) createIngredient(db, { name, parentId: sugars.id });
    const found = searchIngredients(db, { query: 'sugar', leavesOnly: true });
    expect(found.map((m) => m.name)).toEqual(['Sugar', 'Sugar, powdered', 'Brown sugar']);
    expect(found[0]!.path).toEqual(['Sugars']);
    expect(searchIngredients(db, { query: 'sugar' }).map((m) => m.name)).toContain('Sugars');
    expect(searchIngredients(db, { query: 'sugar', limit: 1 })).toHaveLength(1);
    // A limit that is not a number (an empty form field) means the default, not "nothing".
    expect(searchIngredients(db, { query: 'sugar', limit: Number.NaN })).toHaveLength(4);
  });
});
