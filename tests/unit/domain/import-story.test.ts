/**
 * The import report as the baker reads it, from real imports of the Bake
 * Tracker backup: what happened first, what needs attention, refused records
 * by name with the path as a detail, changes grouped by kind, and the parts
 * kept aside said plainly instead of counted as if they showed somewhere.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importStory } from '../../../src/domain/import-story';
import { importBakeTracker } from '../../../src/services/import/bake-tracker/import';
import { testDb } from '../../helpers/db';

const TEXT = readFileSync(join(import.meta.dirname, '../../../src/services/sample/bake-tracker-sample.json'), 'utf8');
const fixture = () => JSON.parse(TEXT) as Record<string, Record<string, unknown>[]>;

describe('an import told in a baker’s words', () => {
  it('the first import: what came in, the 156 lots without a price, changes by kind', async () => {
    const story = importStory(importBakeTracker(await testDb(), fixture()));
    expect(story.outcome).toBe('imported');
    expect(story.headline).toBe('Imported 6 suppliers, 413 ingredients, 156 products, 156 pantry lots, 21 packaging materials, 26 packaging products and 20 recipes.');
    expect(story.attention.map((a) => a.text)).toEqual([
      '156 pantry lots came without a price, so what your pantry is worth and what recipes cost stay unknown for them. Add what you paid, lot by lot.',
    ]);
    expect(story.changes.map((c) => c.heading)).toEqual([
      '4 ingredients were four levels deep and moved up one (Bake Planner keeps three: category, group, ingredient)',
      '14 products had no name and are named after their ingredient',
      '4 products share a name with others and have their package size added',
      '26 packaging products name a supplier the file does not list; it is left blank',
    ]);
    expect(story.changes[0]!.items[0]).toEqual({
      name: 'Almonds, whole',
      text: 'It sat under Almonds, a fourth level; it now sits beside it, under Tree Nuts.',
      path: 'ingredients[409].parent_slug',
    });
    expect(story.aside).toEqual([
      'Not read by this version: 3 recipients and 1 event.',
    ]);
    // What the baker reads (not the paths, which are details) names no raw slug and no kind the app never shows.
    const read = [story.headline, ...story.attention.map((a) => a.text), ...story.changes.flatMap((c) => [c.heading, ...c.items.flatMap((i) => [i.name, i.text])]), ...story.aside];
    expect(read.join('\n')).not.toMatch(/material products|tree_nuts|almonds_whole|_/i);
  });

  it('importing it again: nothing new, and no changes or attention to report', async () => {
    const db = await testDb();
    importBakeTracker(db, fixture());
    const story = importStory(importBakeTracker(db, fixture()));
    expect(story).toMatchObject({ outcome: 'nothing-new', headline: 'Nothing new: everything in this file is already here (798 records).', attention: [], changes: [] });
  });

  it('a file with a product in bushels: refused, the product named first, its path a detail', async () => {
    const file = fixture();
    file.products![12]!.package_unit = 'bushel';
    const story = importStory(importBakeTracker(await testDb(), file));
    expect(story.outcome).toBe('refused');
    expect(story.headline).toMatch(/^Nothing was imported: 2 records in this file have a problem\. Fix them in the file, then import it again\.$/);
    expect(story.problems[0]).toMatchObject({ path: 'products[12].package_unit' });
    expect(story.problems[0]!.name).not.toMatch(/\[/);
    expect(story.problems[0]!.text).toMatch(/^product: /);
  });
});
