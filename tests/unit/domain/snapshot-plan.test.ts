/**
 * The import's items (src/domain/snapshot-plan.ts) hold as little as they
 * can for a 150,000-record file: a path worked out when asked, one shared
 * starting result, one shared empty list, drafts let go once written. Each
 * of those shares something between records, so these check that no record
 * sees another's: paths, results and lists stay each record's own.
 */
import { describe, expect, it } from 'vitest';
import { RecordProblem } from '../../../src/domain/bake-tracker-records';
import { check, created, labelOf, letGo, orNothing, readItems } from '../../../src/domain/snapshot-plan';

const records = [
  { slug: 'flour', name: 'Flour', notes: 'Bench note' },
  { name: 'Sugar', notes: 'Bench note', colour: 'white' },
  { slug: 'salt', name: 'Salt', notes: 'Bench note' },
];

function read() {
  return readItems(
    () => {},
    records,
    'ingredients',
    'ingredient',
    (f) => ({ slug: f.slug('slug', f.name()), name: f.name(), notes: f.text('notes') }),
    labelOf('name', 'slug'),
  );
}

describe('readItems', () => {
  it("gives each record its own path, label and result, and an unreadable one the slug it seems to have", () => {
    const items = read();
    expect(items.map((i) => i.path)).toEqual(['ingredients[0]', 'ingredients[1]', 'ingredients[2]']);
    expect(items.map((i) => i.label)).toEqual(['Flour', 'Sugar', 'Salt']);
    expect(items[1]!.result).toEqual({ outcome: 'rejected', path: 'ingredients[1].colour', reason: 'Unknown field "colour".' });
    expect(items[1]!.rawSlug).toBe('sugar');
    expect(items[0]!.rawSlug).toBeUndefined();
    expect(items.map((i) => i.record?.notes ?? null)).toEqual(['Bench note', null, 'Bench note']);

    // Every item starts from one shared result: rejecting one (a new result) leaves the others as they were.
    check(items[0]!, () => {
      throw new RecordProblem('ingredients[0].name', 'There is already an ingredient called Flour.');
    });
    expect(items[0]!.result.outcome).toBe('rejected');
    expect(items[2]!.result).toEqual({ outcome: 'created', id: null });
    expect(() => Object.assign(items[2]!.result, { id: 7 })).toThrow(TypeError);
  });

  it('letGo drops drafts and keeps what references and the report need', () => {
    const items = read();
    items[0]!.result = { outcome: 'created', id: 12 };
    letGo(items);
    expect(items.map((i) => i.record)).toEqual([null, null, null]);
    expect(items[0]!.result).toEqual({ outcome: 'created', id: 12 });
    expect(items.map((i) => [i.path, i.label])).toEqual([
      ['ingredients[0]', 'Flour'],
      ['ingredients[1]', 'Sugar'],
      ['ingredients[2]', 'Salt'],
    ]);
    expect(created(items)).toEqual([]);
  });
});

describe('orNothing', () => {
  it('keeps a list with entries, and gives every empty one the same frozen list, which refuses a push', () => {
    const lines = [1, 2];
    expect(orNothing(lines)).toBe(lines);
    const a = orNothing<number>([]);
    const b = orNothing<string>([]);
    expect(a).toEqual([]);
    expect(a as unknown).toBe(b);
    expect(() => a.push(1)).toThrow(TypeError);
    expect(b).toEqual([]);
  });
});
