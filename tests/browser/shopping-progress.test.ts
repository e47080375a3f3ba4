/**
 * An event from plan to shopping to baking and boxing, on a 390 px phone
 * with a touch screen (taps, never clicks), on the sample bakery: the plan
 * is made and locked; the Shop tab opens on its list; the baker goes
 * offline in the store and ticks everything off (a reload, still offline,
 * keeps every tick), records each purchase from its ticked line (the form
 * filled in with the product and packages) until nothing is left to buy,
 * and marks the shopping done; everything not yet baked and boxed is (the
 * sample's own bake and six bags count towards the event); the dashboard
 * then shows the event at 100 %, and "Can we box it?" says all is assembled;
 * the event's name there opens its workspace, and each figure opens it at
 * the section it comes from. The workspace's Shop, "Can we box it?" and
 * Progress sections show what the worker reads, before and after.
 */
import { expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
const nav = (page: Page, name: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

/**
 * The sample's Holiday 2026, made small enough to bake in a test: 4 gift boxes and 8 cookie bags (the 6 the sample
 * already boxed and 2 more from the 12 trees its bake left: 24 trees, its one batch of 30), batches decided, locked.
 */
async function planTheEvent(page: Page): Promise<number> {
  const { nextId } = await call(page, 'planning.shoppingEvents', { today: '2026-12-01' });
  const eventId = nextId!;
  const goods = await call(page, 'planning.targetOptions');
  const id = (slug: string) => goods.goods.find((g) => g.slug === slug)!.id;
  await call(page, 'planning.setGoodTarget', { eventId, goodId: id('holiday-gift-box'), quantity: 4 });
  await call(page, 'planning.setGoodTarget', { eventId, goodId: id('cookie-bag'), quantity: 8 });
  for (const row of (await call(page, 'planning.plan', { eventId })).rows) {
    await call(page, 'planning.decideBatches', { eventId, finishedUnitId: row.finishedUnitId, batches: row.options.ceil.batches });
  }
  await call(page, 'planning.advance', { eventId, state: 'locked' });
  return eventId;
}

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' });

/** The event's workspace shows, in steps 4 to 6, the figures of the Shop tab's list, planning.feasibility and planning.progress. */
async function workspaceShowsTheFigures(page: Page, eventId: number): Promise<void> {
  const section = (title: string) => page.locator('main section', { has: page.getByRole('heading', { name: title, exact: true, level: 2 }) });
  const [shop, boxing, progress] = [section('Shop'), section('Can we box it?'), section('Progress')];
  // These sections read once they near the screen (src/ui/when-near.ts): the baker scrolls down to them.
  const scrollTo = (title: string) => page.getByRole('heading', { name: title, exact: true, level: 2 }).scrollIntoViewIfNeeded();
  await scrollTo('Progress');
  await seen(progress.getByRole('meter', { name: 'Overall' }));
  await scrollTo('Shop');

  const list = await call(page, 'planning.shoppingList', { eventId });
  if (list.toBuyCount > 0) {
    await seen(shop.getByText(`${list.toBuyCount} ${list.toBuyCount === 1 ? 'item' : 'items'} to buy, ${list.tickedCount} in the basket`));
    await seen(shop.getByText(list.estimatedCost === null ? 'Not known yet' : `about ${money.format(list.estimatedCost)}`));
  } else {
    await seen(shop.getByText('Nothing left to buy: everything the plan still needs is on hand.'));
  }
  expect(await shop.getByRole('link', { name: 'Shopping list', exact: true }).getAttribute('href')).toBe(`#/shop?event=${eventId}`);

  await scrollTo('Can we box it?');
  const feasibility = await call(page, 'planning.feasibility', { eventId });
  expect(feasibility.goods.length).toBeGreaterThan(0);
  for (const g of feasibility.goods) {
    if (g.done) await seen(boxing.getByText(`All ${g.target} assembled`));
    else await seen(boxing.locator('li', { hasText: g.name }).getByText(`${g.canAssemble} of ${g.target} can be assembled now`));
  }
  const { inventory, cost, assignment } = feasibility.blockers;
  for (const [heading, blockers] of [['Short in stock', inventory], ['Cost unknown', cost], ['To choose', assignment]] as const) {
    expect(await boxing.getByRole('heading', { name: heading, exact: true }).count()).toBe(blockers.length > 0 ? 1 : 0);
  }

  const figures = await call(page, 'planning.progress', { eventId });
  const rows: [string, number | null][] = [['Overall', figures.overallPercent], ...figures.recipes.map((r): [string, number | null] => [r.name, r.percent]), ...figures.goods.map((g): [string, number | null] => [g.name, g.percent])];
  const expected = rows.map(([name, percent]) => [name, Math.min(100, percent ?? 0)]);
  const meters = await progress.getByRole('meter').all();
  const shown = await Promise.all(meters.map(async (m) => [await m.getAttribute('aria-label'), Number(await m.getAttribute('aria-valuenow'))]));
  expect(shown).toEqual(expected);
}

test('plan, shop offline, bake and box: progress reaches 100 %', { timeout: 600_000 }, async () => {
  const page = await tabs.open('#/welcome', { hooks: true });
  await tap(page.getByRole('button', { name: 'Explore sample data' }));
  await page.getByRole('heading', { name: 'Pantry', level: 1 }).waitFor({ timeout: 120_000 });
  const eventId = await planTheEvent(page);

  // The event's workspace, planned and locked: what is left to buy, what can be boxed now, how far along it is.
  await tap(nav(page, 'Plan'));
  await tap(page.locator('main').getByRole('link', { name: 'Holiday 2026', exact: true }));
  await seen(page.getByRole('heading', { name: 'Holiday 2026', level: 1 }));
  await workspaceShowsTheFigures(page, eventId);

  // The Shop tab opens on the next event's list.
  await tap(nav(page, 'Shop'));
  await seen(page.getByRole('heading', { name: 'Shopping', level: 1 }));
  await seen(page.getByText('For Holiday 2026'));
  const boxes = page.locator('input[type="checkbox"]');
  await seen(boxes.first());
  const toBuy = await boxes.count();
  expect(toBuy).toBeGreaterThan(0);
  await seen(page.getByText(`0 of ${toBuy} in the basket`));

  // In the store, no signal: every tick is saved as it is made.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  await page.context().setOffline(true);
  await seen(page.getByRole('status').filter({ hasText: 'Offline' }));
  for (let i = 0; i < toBuy; i++) {
    await tap(boxes.nth(i));
    await seen(page.getByText(`${i + 1} of ${toBuy} in the basket`));
  }
  await page.reload();
  await seen(page.getByText(`${toBuy} of ${toBuy} in the basket`));
  expect(await page.locator('input[type="checkbox"]:checked').count()).toBe(toBuy);
  await page.context().setOffline(false);

  // Home again: each ticked line's purchase, the form filled in from the list.
  for (let round = 0; round < 30; round++) {
    const record = page.getByRole('link', { name: 'Record purchase' });
    if ((await record.count()) === 0) break;
    await tap(record.first());
    await seen(page.getByRole('heading', { name: /^Record a purchase/, level: 1 }));
    await expect.poll(() => page.getByLabel('Price per package').inputValue()).not.toBe('');
    expect(Number(await page.getByLabel('Packages').inputValue())).toBeGreaterThan(0);
    await tap(page.getByRole('button', { name: 'Save purchase' }));
    await seen(page.getByText(/^Saved: /).first());
    await tap(nav(page, 'Shop'));
    await seen(page.getByRole('heading', { name: 'Shopping', level: 1 }));
    await seen(page.getByText(/in the basket|Nothing to buy/).first());
  }
  // Packaging on hand covers this small event: once the ingredients are bought, nothing is left to buy.
  await seen(page.getByText('Nothing to buy: the pantry has everything this plan still needs.'));
  const list = await call(page, 'planning.shoppingList', { eventId });
  expect([list.toBuyCount, list.estimatedCost]).toEqual([0, 0]);

  // Marking the shopping done is kept with the plan.
  await tap(page.getByRole('button', { name: 'Mark shopping done' }));
  await seen(page.getByRole('button', { name: 'Not done yet' }));
  expect((await call(page, 'planning.shoppingList', { eventId })).event.shoppingDoneAt).not.toBeNull();

  // Baking and boxing, through making's one path: every decided batch not baked yet (the sample baked the trees'
  // one batch and boxed 6 bags from it), then the tins, the boxes and the last 2 bags.
  const plan = await call(page, 'planning.plan', { eventId });
  const before = await call(page, 'planning.progress', { eventId });
  expect(before.recipes.map((r) => [r.recipe, r.producedBatches, r.targetBatches])).toContainEqual(['pecan-shortbread-christmas-trees', 1, 1]);
  expect(before.goods.map((g) => [g.good, g.assembled, g.target])).toContainEqual(['cookie-bag', 6, 8]);
  const baked = new Map(before.recipes.map((r) => [r.recipeId, r.producedBatches]));
  await call(page, 'planning.advance', { eventId, state: 'in_production' });
  for (const row of plan.rows) {
    const batches = row.batches - (baked.get(row.recipeId) ?? 0);
    if (batches > 0) await call(page, 'making.recordProduction', { recipeId: row.recipeId, finishedUnitId: row.finishedUnitId, batches, eventId });
  }
  const goods = (await call(page, 'planning.targetOptions')).goods;
  const good = (slug: string) => goods.find((g) => g.slug === slug)!.id;
  // The tin's seal and the box's bow are generic packaging lines with no product chosen: boxed without them, with a note.
  await call(page, 'making.recordAssembly', { goodId: good('biscotti-tin'), quantity: 4, bypassPackaging: 'Seals chosen later' });
  await call(page, 'making.recordAssembly', { goodId: good('holiday-gift-box'), quantity: 4, eventId, bypassPackaging: 'Bows tied by hand' });
  await call(page, 'making.recordAssembly', { goodId: good('cookie-bag'), quantity: 2, eventId });

  // The dashboard: the event at 100 %, every recipe and good full, nothing left to bake.
  await tap(nav(page, 'Dashboard'));
  await seen(page.getByText('Next event'));
  const overall = page.getByRole('meter', { name: 'Overall' });
  await expect.poll(() => overall.getAttribute('aria-valuetext')).toBe('baking and boxing, 100 %');
  for (const meter of await page.getByRole('meter').all()) expect(await meter.getAttribute('aria-valuenow')).toBe('100');
  await seen(page.getByText('Every batch of the plan is baked.'));
  const progress = await call(page, 'planning.progress', { eventId });
  expect([progress.productionPercent, progress.assemblyPercent, progress.overallPercent]).toEqual([100, 100, 100]);
  const feasibility = await call(page, 'planning.feasibility', { eventId });
  expect(feasibility.goods.map((g) => [g.good, g.done])).toEqual([
    ['cookie-bag', true],
    ['holiday-gift-box', true],
  ]);

  // The event's name opens the event's workspace, not the list of events; each figure opens it at its section.
  const dashboard = page.locator('main');
  for (const [name, at] of [['Holiday 2026', ''], ['Overall', '?at=progress'], ['Cookie bag', '?at=boxing']]) {
    expect(await dashboard.getByRole('link', { name, exact: true }).first().getAttribute('href')).toBe(`#/plan/event/${eventId}${at}`);
  }
  await tap(dashboard.getByRole('link', { name: 'Holiday 2026', exact: true }));
  await seen(page.getByRole('heading', { name: 'Holiday 2026', level: 1 }));
  await workspaceShowsTheFigures(page, eventId);

  // A good's figure lands on "Can we box it?": its heading at the top of the screen (below the top bar), focused.
  await tap(nav(page, 'Dashboard'));
  await tap(dashboard.getByRole('link', { name: 'Cookie bag', exact: true }).first());
  const boxingTitle = page.getByRole('heading', { name: 'Can we box it?', level: 2 });
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('boxing-title');
  await expect.poll(async () => (await boxingTitle.boundingBox())?.y).toBeGreaterThan(40);
  expect((await boxingTitle.boundingBox())!.y).toBeLessThan(120);
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});
