/**
 * A baker on a phone plans an event end to end through the real screens of
 * the production build (390x844, touch, taps): a new event on the sample
 * bakery, a target, batches with the floor/ceil choice and a confirmed
 * shortfall, ingredients and cost, saving the plan, the "out of date" banner
 * after a target change with Recalculate's preview, locking, starting
 * production, an amendment with its reason, and the plan history.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;
beforeEach(async () => {
  // The test hooks let a bake be recorded through the worker's own RPC, as the Make tab would.
  page = await tabs.open('', { hooks: true });
});

const section = (name: string) => page.getByRole('region', { name });

describe('planning an event on a phone', () => {
  test('School fair: 25 cookie bags, from targets to batches, cost, a saved plan, production and an amendment', async () => {
    await tap(page.getByRole('button', { name: 'Explore sample data' }));
    await page.waitForURL(/#\/pantry/, { timeout: 60_000 });

    // The Plan tab lists the sample's event; a new one starts from there.
    await tap(page.getByRole('link', { name: 'Plan', exact: true }));
    await page.getByRole('heading', { name: 'Plan', level: 1 }).waitFor();
    await seen(page.getByRole('link', { name: 'Holiday 2026' }));
    await tap(page.getByRole('link', { name: 'New event' }));
    await page.getByLabel('Event name').fill('School fair');
    await page.getByLabel('Date').fill('2026-12-05');
    await tap(page.getByRole('button', { name: 'Create event' }));
    await page.getByRole('heading', { name: 'School fair', level: 1 }).waitFor();
    await seen(page.getByText('Nothing to make yet.'));
    await seen(page.getByText('Shopping, boxing and progress show here once the event has a target.'));

    // 1 Targets: 25 cookie bags of 3 pecan shortbread trees = 75 trees, at 30 a batch.
    const targets = section('Targets');
    await targets.getByLabel('Add a target').selectOption({ label: 'Cookie bag' });
    await targets.getByLabel('How many', { exact: true }).fill('25');
    await tap(targets.getByRole('button', { name: 'Add' }));
    await seen(targets.getByLabel('How many Cookie bag'));
    // With a target, steps 4 to 6 appear: the bags to box, none made yet (each reads once scrolled near).
    await page.getByRole('heading', { name: 'Can we box it?', level: 2 }).scrollIntoViewIfNeeded();
    await seen(section('Can we box it?').locator('li', { hasText: 'Cookie bag' }).getByText(/of 25 can be assembled now/));
    await page.getByRole('heading', { name: 'Progress', exact: true, level: 2 }).scrollIntoViewIfNeeded();
    await seen(section('Progress').getByRole('meter', { name: 'Cookie bag' }));
    expect(await page.getByText('Shopping, boxing and progress show here once the event has a target.').count()).toBe(0);

    // 2 Batches: 75 at 30 is 2.5 batches: ceil 3 (90, 15 spare) by default, or floor 2 (60, 15 short).
    const batches = section('Batches');
    await seen(batches.getByText('Pecan shortbread tree', { exact: true }));
    const ceil = batches.getByRole('button', { name: /3 batches makes 90, 15 spare/ });
    const floor = batches.getByRole('button', { name: /2 batches makes 60, 15 short/ });
    await seen(ceil);
    expect(await ceil.getAttribute('aria-pressed')).toBe('true');
    await tap(floor);
    await seen(batches.getByText('75 Pecan shortbread tree needed; 2 batches make 60, 15 short. Confirm the shortfall, or choose 3 batches.'));
    await tap(batches.getByRole('button', { name: 'Confirm shortfall' }));
    await seen(batches.getByText('15 short · confirmed'));
    await expect.poll(() => floor.getAttribute('aria-pressed')).toBe('true');
    // Back to enough for every bag.
    await tap(ceil);
    await seen(batches.getByText('15 spare (16.67 % waste)'));

    // 3 Ingredients and cost, at today's prices until saved.
    const cost = section('Ingredients and cost');
    await seen(cost.getByText('Prices as of today: save the plan to keep them.'));
    await seen(cost.getByRole('link', { name: 'Pecans, chopped' }));
    await seen(cost.getByText('Cello Gusset', { exact: false }));
    const baseline = cost.locator('.baseline strong');
    await expect.poll(() => baseline.innerText()).toMatch(/^\$\d+\.\d\d$/);
    await tap(page.getByRole('button', { name: 'Save plan' }));
    await seen(page.getByText(/Plan saved on .*, up to date\./));
    await seen(cost.getByText(/Prices as of the saved plan/));
    const savedCost = await baseline.innerText();

    // More bags: the saved plan is out of date, says why, and the batches show the new shortfall.
    await targets.getByLabel('How many Cookie bag').fill('40');
    await targets.getByLabel('How many Cookie bag').press('Enter');
    const stale = section('Out of date');
    await seen(stale.getByText('Cookie bag: target 25 → 40'));
    await seen(batches.getByText('30 short · not confirmed'));
    await tap(batches.getByRole('button', { name: /4 batches makes 120, exactly/ }));
    await seen(stale.getByText('Pecan shortbread tree: 3 batches → 4 batches'));
    // Recalculate shows what changes in batches and cost before anything is saved.
    await tap(stale.getByRole('button', { name: 'Recalculate' }));
    await seen(stale.getByText('What recalculating changes'));
    await seen(stale.getByText('3 → 4 batches'));
    await seen(stale.getByText(`Cost ${savedCost} →`, { exact: false }));
    await tap(stale.getByRole('button', { name: 'Save the new plan' }));
    await seen(page.getByText(/Plan saved on .*, up to date\./));
    expect(await baseline.innerText()).not.toBe(savedCost);

    // Lock, asked once: targets freeze.
    await tap(page.getByRole('button', { name: 'Lock the plan' }));
    await tap(page.getByRole('dialog').getByRole('button', { name: 'Yes, lock the plan' }));
    await seen(page.getByText(/^Locked since /));
    await seen(targets.getByText('Targets change only while the plan is a draft; this one is locked.'));
    expect(await targets.getByLabel('How many Cookie bag').count()).toBe(0);

    // Start production, which saves the plan production uses.
    await tap(page.getByRole('button', { name: 'Start production' }));
    await tap(page.getByRole('dialog').getByRole('button', { name: 'Yes, start production' }));
    await seen(page.getByText(/^In production since /));
    const actual = section('Planned against actual');
    // Read once it nears the screen (src/ui/when-near.ts), as the baker scrolls down to it.
    await page.getByRole('heading', { name: 'Planned against actual', level: 2 }).scrollIntoViewIfNeeded();
    await seen(actual.getByText('Nothing baked or boxed for this event yet.', { exact: false }));
    // A batch is baked for the event (recorded as the Make tab does): the plan shows it against its 4.
    const eventId = Number(/#\/plan\/event\/(\d+)/.exec(page.url())![1]);
    const row = (await call(page, 'planning.plan', { eventId })).rows[0]!;
    // The sample's own batch for Holiday 2026 left 4.985 oz of butter and a batch takes 12.015 oz: a pound bought first.
    const [butter] = await call(page, 'catalog.searchProducts', { query: 'Kirkland Signature Unsalted Sweet Cream Butter' });
    await call(page, 'pantry.recordPurchase', { productId: butter!.id, packages: 1, pricePerPackage: 4.99 });
    await call(page, 'making.recordProduction', { recipeId: row.recipeId, finishedUnitId: row.finishedUnitId, batches: 1, eventId });
    await seen(actual.getByRole('listitem').filter({ hasText: 'Pecan Shortbread Christmas Trees' }).getByText('1 of 4 batches'));
    // No bag is assembled yet: its line gives the planned cost alone, not a dash for an "actual" that does not exist.
    const bags = actual.getByRole('listitem').filter({ hasText: /Cookie bag\s+0 of \d+ assembled/ });
    expect((await bags.innerText()).replace(/\s+/g, ' ')).toMatch(/^Cookie bag 0 of \d+ assembled Each: \$\d+\.\d\d planned$/);

    // An amendment needs its reason; with it, the batches change and the history shows original against current.
    const amend = section('Amend the plan');
    await tap(amend.getByRole('button', { name: 'Change batches' }));
    await amend.getByLabel('Finished unit').selectOption({ label: 'Pecan shortbread tree (4 batches)' });
    await amend.getByLabel('Batches from now on').fill('5');
    await tap(amend.getByRole('button', { name: 'Record amendment' }));
    await seen(amend.getByText('A reason is required.'));
    await amend.getByLabel('Reason').fill('The PTA wants a tray for the raffle');
    await tap(amend.getByRole('button', { name: 'Record amendment' }));
    await seen(page.getByText('Amended: Pecan shortbread tree 4 → 5.'));
    await tap(amend.getByRole('link', { name: /Plan history \(1 amendment\)/ }));
    await page.getByRole('heading', { name: 'Plan history', level: 1 }).waitFor();
    await seen(page.getByText('“The PTA wants a tray for the raffle”'));
    const trees = page.getByRole('region', { name: 'Original and current' }).getByRole('listitem').filter({ hasText: 'Pecan shortbread tree' });
    expect((await trees.innerText()).replace(/\s+/g, ' ')).toBe('Pecan shortbread tree was 4 → now 5');
  });
});
