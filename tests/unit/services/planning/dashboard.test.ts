/*
 * The dashboard's read: which event it opens on, its progress and shopping,
 * the batches chart's span, and what can be assembled now; on the sample
 * bakery (Holiday 2026) and on events made here. Baked runs in the chart and
 * "what to bake next" with goods waiting: dashboard-runs.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextEvent } from '../../../../src/domain/next-event';
import { dashboard } from '../../../../src/services/planning/dashboard';
import { createEvent } from '../../../../src/services/planning/events';
import { shoppingEvents } from '../../../../src/services/planning/shopping-list';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { testDb } from '../../../helpers/db';
import { refused } from '../kitchen';

const SAMPLE = join(import.meta.dirname, '../../../../src/services/sample/bake-tracker-sample.json');

describe('which event comes next', () => {
  const e = (name: string, date: string | null, state = 'draft') => ({ name, date, state });
  it('the soonest still to come; when all have passed, the last to pass; else one without a date; never a completed one', () => {
    const events = [e('Spring', '2027-04-01'), e('Winter', '2026-12-15'), e('Autumn', '2026-10-01'), e('Someday', null), e('Done', '2026-12-02', 'completed')];
    expect(nextEvent(events, '2026-12-01')?.name).toBe('Winter');
    expect(nextEvent(events, '2026-12-15')?.name).toBe('Winter');
    expect(nextEvent(events, '2027-05-01')?.name).toBe('Spring');
    expect(nextEvent([e('Someday', null), e('Done', '2026-12-02', 'completed')], '2026-12-01')?.name).toBe('Someday');
    expect(nextEvent([e('Done', '2026-12-02', 'completed')], '2026-12-01')).toBeNull();
  });
});

describe('the Shop tab\'s events', () => {
  it('the open events soonest first, opening on the next to come', async () => {
    const db = await testDb();
    const winter = createEvent(db, { name: 'Winter', date: '2026-12-15' });
    createEvent(db, { name: 'Spring', date: '2027-04-01' });
    createEvent(db, { name: 'Autumn', date: '2026-10-01' });
    const choices = shoppingEvents(db, { today: '2026-12-01' });
    expect(choices.events.map((e) => e.name)).toEqual(['Autumn', 'Winter', 'Spring']);
    expect(choices.nextId).toBe(winter.id);
    expect(shoppingEvents(await testDb(), { today: '2026-12-01' })).toEqual({ events: [], nextId: null });
  });
});

describe('the dashboard', () => {
  it('opens on the sample\'s Holiday 2026: its first bake and six bags done, 14 days to go, the shopping to do, four bags to assemble now', async () => {
    const db = await testDb();
    loadSample(db, JSON.parse(readFileSync(SAMPLE, 'utf8')));
    createEvent(db, { name: 'Easter 2027', date: '2027-04-04' });
    const d = dashboard(db, { today: '2026-12-01' });
    expect(d.event).toMatchObject({ slug: 'holiday-2026', name: 'Holiday 2026', date: '2026-12-15', state: 'draft', daysLeft: 14 });
    expect(d.otherOpenEvents).toBe(1);
    // Baking: 1 of 2 pecan batches (50 %), 0 of the other three recipes' 10, 10 and 7: 12.5 %.
    // Assembly: 6 of 20 cookie bags (30 %), 0 of 40 gift boxes: 15 %. Overall (12.5 + 15) / 2 = 13.75 %.
    expect([d.progress?.productionPercent, d.progress?.assemblyPercent, d.progress?.overallPercent]).toEqual([12.5, 15, 13.75]);
    expect([d.progress?.recipes.length, d.progress?.goods.length]).toEqual([4, 2]);
    // 29 batches planned (10 + 10 + 7 + 2), the sample's one bake on the day it was loaded (the test clock's 2026-11-26).
    expect(d.chart).toEqual({ planned: 29, produced: 1, days: [{ date: '2026-11-26', batches: 1, total: 1 }], from: '2026-11-26', to: '2026-12-15', today: '2026-12-01' });
    // Every recipe holds a good up (the biscotti through the gift box's nested tin): the most batches to go first, three at most.
    expect(d.bakeNext.map((b) => [b.recipe, b.remaining, b.waitingGoods])).toEqual([
      ['almond-flour-brownies', 10, ['Holiday gift box']],
      ['gluten-free-almond-flour-shortbread-cookies', 10, ['Holiday gift box']],
      ['almond-biscotti', 7, ['Holiday gift box']],
    ]);
    expect(dashboard(db, { today: '2026-12-01', limit: 10 }).bakeNext.map((b) => [b.recipe, b.remaining, b.waitingGoods]).at(-1)).toEqual([
      'pecan-shortbread-christmas-trees',
      1,
      ['Cookie bag'],
    ]);
    // The bake made 30 trees, the six bags took 18: the 12 left fill 4 more bags (3 a bag), with packaging to spare.
    expect(d.assembleNow).toEqual([{ goodId: expect.any(Number), good: 'cookie-bag', name: 'Cookie bag', now: 4, target: 20, assembled: 6 }]);
    // What was baked and boxed left the need and the stock alike, so what to buy is as before.
    expect(d.shopping).toMatchObject({ toBuyCount: 9, tickedCount: 0, doneAt: null });
  }, 60_000);

  it('an event that has passed but is not completed is still shown, days past as negative; a date that is not one is refused', async () => {
    const db = await testDb();
    createEvent(db, { name: 'Past', date: '2026-01-01' });
    expect(dashboard(db, { today: '2026-12-01' }).event).toMatchObject({ name: 'Past', daysLeft: -334 });
    expect(refused(db, () => dashboard(db, { today: '2026-13-01' })).details).toMatchObject({ field: 'today' });
  });

  it('no open event: nothing to show but that', async () => {
    const none = await testDb();
    expect(dashboard(none, { today: '2026-12-01' })).toEqual({
      today: '2026-12-01',
      event: null,
      otherOpenEvents: 0,
      progress: null,
      chart: null,
      bakeNext: [],
      assembleNow: [],
      shopping: null,
    });
  });
});
