/**
 * The shopping list as CSV (read back by csv-parse, as a spreadsheet import
 * would) and as text to share: what to buy, group by group; a product named
 * like a formula stays text.
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SHOPPING_CSV_HEADER, shoppingCsv, shoppingText, type ExportList } from '../../../src/domain/shopping-export';

const list: ExportList = {
  event: { name: 'Market day', date: '2026-12-15' },
  groups: [
    {
      title: 'Warehouse club',
      items: [
        {
          name: 'Flour',
          need: 60,
          onHand: 30,
          toBuy: 30,
          unit: 'lb',
          packages: [
            { product: 'Flour 25 lb', count: 1, packageQuantity: 25, packageUnit: 'lb' },
            { product: 'Flour 5 lb', count: 1, packageQuantity: 5, packageUnit: 'lb' },
          ],
          cost: 11.98,
          ticked: true,
        },
      ],
    },
    {
      title: 'No store chosen',
      items: [{ name: '=HYPERLINK("http://evil.example")', need: 1 / 3, onHand: 0, toBuy: 1 / 3, unit: 'cup', packages: [], cost: null, ticked: false }],
    },
  ],
  estimatedCost: null,
};

describe('the shopping list taken out of the app', () => {
  it('CSV: a header and one row per item to buy, numbers as numbers, a formula-like name neutralised', () => {
    const csv = shoppingCsv(list);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = parse(csv, { bom: true }) as string[][];
    expect(rows).toEqual([
      [...SHOPPING_CSV_HEADER],
      ['Warehouse club', 'Flour', '30', 'lb', '1 x Flour 25 lb (25 lb); 1 x Flour 5 lb (5 lb)', '11.98', '60', '30', 'yes'],
      ['No store chosen', `'=HYPERLINK("http://evil.example")`, '0.333', 'cup', '', '', '0.333', '0', 'no'],
    ]);
  });

  it('text to share: the event, each group with its items, ticked ones marked, and the estimate', () => {
    expect(shoppingText(list, 'USD')).toBe(
      [
        'Shopping for Market day (2026-12-15)',
        '',
        'Warehouse club',
        '[x] Flour: 1 x Flour 25 lb (25 lb); 1 x Flour 5 lb (5 lb), USD 11.98',
        '',
        'No store chosen',
        '[ ] =HYPERLINK("http://evil.example"): 0.333 cup',
        '',
        'Estimated cost: unknown (some items have no price)',
      ].join('\n'),
    );
    expect(shoppingText({ ...list, groups: [] })).toBe('Shopping for Market day (2026-12-15)\n\nNothing to buy: the pantry has it all.');
  });
});
