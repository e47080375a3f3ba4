import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { diffDefinitions, fingerprintDefinitions, type Definitions } from '../../../src/domain/definitions';
import { sha256Hex } from '../../../src/domain/sha256';

const defs = (): Definitions => ({
  recipes: {
    'sugar-cookies': {
      ingredients: [
        { ingredient: 'flour', quantity: 3, unit: 'cup' },
        { ingredient: 'sugar', quantity: 1, unit: 'cup' },
        { ingredient: 'flour', quantity: 2, unit: 'tbsp' },
      ],
      subRecipes: [{ recipe: 'icing', batchMultiplier: 0.5 }],
    },
    icing: { ingredients: [{ ingredient: 'sugar', quantity: 2, unit: 'cup' }], subRecipes: [] },
  },
  finishedUnits: { 'sugar-cookie': { recipe: 'sugar-cookies', yieldMode: 'discrete', itemsPerBatch: 48, portionPercent: null } },
  goods: {
    'gift-box': {
      lines: [
        { kind: 'unit', item: 'sugar-cookie', quantity: 6 },
        { kind: 'material', item: 'window-box', product: null, quantity: 1 },
      ],
    },
  },
  materialUnits: { 'window-box': { material: 'box-window', size: 1 } },
});

describe('definition fingerprints', () => {
  it('do not depend on the order of keys or lines', () => {
    const a = defs();
    const b = defs();
    b.recipes['sugar-cookies']!.ingredients.reverse();
    b.goods['gift-box']!.lines.reverse();
    b.recipes = { icing: b.recipes.icing!, 'sugar-cookies': b.recipes['sugar-cookies']! };
    expect(fingerprintDefinitions(b)).toBe(fingerprintDefinitions(a));
    expect(diffDefinitions(a, b)).toEqual([]);
    expect(fingerprintDefinitions(a)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('change with any quantity', () => {
    const b = defs();
    b.finishedUnits['sugar-cookie']!.itemsPerBatch = 36;
    expect(fingerprintDefinitions(b)).not.toBe(fingerprintDefinitions(defs()));
  });

  it('two lines of the same ingredient are paired in order: changing one reports that one only', () => {
    const b = defs();
    b.recipes['sugar-cookies']!.ingredients[2]!.quantity = 3;
    expect(diffDefinitions(defs(), b)).toEqual([
      {
        kind: 'ingredient_line_changed',
        item: 'sugar-cookies',
        line: 'flour',
        before: { ingredient: 'flour', quantity: 2, unit: 'tbsp' },
        after: { ingredient: 'flour', quantity: 3, unit: 'tbsp' },
      },
    ]);
  });

  it('an item on one side only is not itself a change: the line that refers to it is', () => {
    const b = defs();
    b.recipes['sugar-cookies']!.subRecipes = [];
    delete b.recipes.icing;
    expect(diffDefinitions(defs(), b).map((c) => [c.kind, c.item, c.line])).toEqual([['sub_recipe_removed', 'sugar-cookies', 'icing']]);
  });
});

describe('sha256Hex', () => {
  it('matches the standard digest for ASCII, multi-block and non-ASCII text', () => {
    for (const text of ['', 'abc', 'a'.repeat(55), 'a'.repeat(56), 'a'.repeat(1000), 'Crème brûlée 🍰'.repeat(9)]) {
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
    }
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
