/**
 * The shopping list taken out of the app: a CSV file for a spreadsheet
 * (through the one CSV writer, src/domain/csv.ts: numbers stay numbers,
 * formulas in names are neutralised) and plain text to share with whoever
 * does the shopping (a message, a note). Both list what to buy, group by
 * group, as the screen lays it out.
 */
import { csvDocument, type CsvCell } from './csv';
import { plainNumber, plainQuantity } from './format';
import { roundTo } from './money';

export interface ExportPackage {
  product: string;
  count: number;
  packageQuantity: number;
  packageUnit: string;
}

export interface ExportItem {
  name: string;
  need: number;
  onHand: number;
  toBuy: number;
  unit: string;
  packages: readonly ExportPackage[];
  cost: number | null;
  ticked: boolean;
}

export interface ExportList {
  event: { name: string; date: string | null };
  groups: readonly { title: string; items: readonly ExportItem[] }[];
  estimatedCost: number | null;
}

export const SHOPPING_CSV_HEADER = ['Group', 'Item', 'To buy', 'Unit', 'Packages', 'Estimated cost', 'Need', 'On hand', 'Ticked'] as const;

const packagesText = (item: ExportItem) => item.packages.map((p) => `${p.count} x ${p.product} (${plainQuantity(p.packageQuantity, p.packageUnit)})`).join('; ');

/** One row per item to buy; quantities to 3 decimals and money to 2, as numbers. */
export function shoppingCsv(list: ExportList): string {
  const rows: CsvCell[][] = list.groups.flatMap((g) =>
    g.items.map((i) => [
      g.title,
      i.name,
      roundTo(i.toBuy, 3),
      i.unit,
      packagesText(i),
      i.cost === null ? null : roundTo(i.cost, 2),
      roundTo(i.need, 3),
      roundTo(i.onHand, 3),
      i.ticked ? 'yes' : 'no',
    ]),
  );
  return csvDocument(SHOPPING_CSV_HEADER, rows);
}

/** Plain text, a line per item under its group's title, ticked items marked: for a message or a note. */
export function shoppingText(list: ExportList, currency = ''): string {
  const money = (n: number) => `${currency ? `${currency} ` : ''}${plainNumber(n, 2)}`;
  const lines = [`Shopping for ${list.event.name}${list.event.date ? ` (${list.event.date})` : ''}`];
  for (const g of list.groups) {
    lines.push('', g.title);
    for (const i of g.items) {
      const what = i.packages.length > 0 ? packagesText(i) : plainQuantity(i.toBuy, i.unit);
      lines.push(`${i.ticked ? '[x]' : '[ ]'} ${i.name}: ${what}${i.cost === null ? '' : `, ${money(i.cost)}`}`);
    }
  }
  if (list.groups.length === 0) lines.push('', 'Nothing to buy: the pantry has it all.');
  else lines.push('', list.estimatedCost === null ? 'Estimated cost: unknown (some items have no price)' : `Estimated cost: ${money(list.estimatedCost)}`);
  return lines.join('\n');
}
