/**
 * The Make tab in a baker's hands: on the sample bakery, a 390 px touch
 * phone finds the sample's first bake and six cookie bags on it; another
 * batch of trees is short of butter, so the baker undoes the bags (behind a
 * confirmation: the bake cannot be undone while its trees are bagged), then
 * the bake; records a bake with a loss (the pre-check first, per
 * ingredient), assembles cookie bags from it, and undoes the assembly; the
 * bake is undoable again. And an empty bakery's Make tab: what it is for,
 * and pickers that lead to where recipes and goods are made. Real taps,
 * production build.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();

async function sampleBakery(): Promise<Page> {
  const page = await tabs.open();
  await tap(page.getByRole('button', { name: 'Explore sample data' }));
  await page.waitForURL(/#\/pantry/, { timeout: 60_000 });
  await tap(page.getByRole('link', { name: 'Make', exact: true }));
  await seen(page.getByRole('heading', { name: 'Make', level: 1 }));
  return page;
}

describe('making on a phone', () => {
  test('an empty bakery: the Make tab says what it is for, and each picker leads to where its recipes or goods are made', async () => {
    const page = await tabs.open();
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await seen(page.getByRole('heading', { name: 'Nothing baked yet' }));
    await tap(page.getByRole('link', { name: 'Record a bake' }));
    await tap(page.getByRole('link', { name: 'Add your first recipe' }));
    await page.waitForURL(/#\/recipes\/new/);
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(page.getByRole('link', { name: 'Assemble goods' }));
    await tap(page.getByRole('link', { name: 'Describe a gift box or a bag' }));
    await page.waitForURL(/#\/goods\/new/);
  });

  test('undo the sample\'s bags and bake, record a bake with a loss, assemble 2 cookie bags from it, undo the bags; the bake is undoable again', async () => {
    const page = await sampleBakery();
    // The sample's first bake for Holiday 2026 (30 trees) and the 6 bags boxed from it (18 trees): 12 trees and 6 bags on the shelf.
    const shelf = page.getByRole('region', { name: 'On the shelf' });
    await seen(shelf.getByRole('listitem').filter({ hasText: 'Pecan shortbread tree' }).getByText('12', { exact: true }));
    await seen(shelf.getByRole('listitem').filter({ hasText: 'Cookie bag' }).getByText('6', { exact: true }));
    const sampleBake = page.getByRole('link', { name: /30 Pecan shortbread tree/ });
    const sampleBags = page.getByRole('link', { name: /6 Cookie bag/ });
    await seen(sampleBags);

    // Another batch is short of butter: the sample's batch left 4.985 oz of the 17 oz, and a batch takes 12.015 oz (1.5 cups at 8.01 oz).
    await tap(page.getByRole('link', { name: 'Record a bake' }));
    await tap(page.getByRole('link', { name: /Pecan Shortbread Christmas Trees/ }));
    const check = page.getByRole('region', { name: 'Before you bake' });
    await seen(check.getByText(/^Short 7\.03 oz$/));
    expect(await page.getByRole('button', { name: 'Record bake' }).isDisabled()).toBe(true);

    // The sample's bake cannot be undone while its trees are bagged; the bags can, after saying yes, and then the bake.
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(sampleBake);
    await seen(page.getByText(/^18 of the 30 it made went into 6 Cookie bag \(assembly \d+ on .*\): undo that assembly first\.$/));
    expect(await page.getByRole('button', { name: 'Undo this bake' }).isDisabled()).toBe(true);
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(sampleBags);
    await tap(page.getByRole('button', { name: 'Undo this assembly' }));
    const confirmBags = page.getByRole('dialog', { name: 'Undo this assembly?' });
    await confirmBags.getByLabel('Why (optional)').fill('Trying it out');
    await tap(confirmBags.getByRole('button', { name: 'Undo assembly' }));
    await seen(page.getByText(/^Undone on .*: Trying it out\. What it used went back to its lots\./));
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(sampleBake);
    await tap(page.getByRole('button', { name: 'Undo this bake' }));
    await tap(page.getByRole('dialog', { name: 'Undo this bake?' }).getByRole('button', { name: 'Undo bake' }));
    await seen(page.getByText(/^Undone on .*\. What it used went back to its lots\./));
    await tap(page.getByRole('link', { name: 'Make', exact: true }));

    // Bake, with the pantry as it was before the sample's bake: pick the recipe, say 28 of 30 came out, broken.
    await tap(page.getByRole('link', { name: 'Record a bake' }));
    await tap(page.getByRole('link', { name: /Pecan Shortbread Christmas Trees/ }));
    await seen(check);
    await page.getByLabel('How many came out').fill('28');
    await page.getByLabel('Why some were lost').selectOption('broken');
    await seen(check.getByText('(2 of 30 lost: partial loss)'));
    // Every ingredient is there: eight lines, each marked Enough in words.
    await expect.poll(() => check.getByText('Enough', { exact: true }).count()).toBe(8);
    await seen(check.getByText(/^Costs \$7\.77, \$0\.28 each/));
    // The sample event's plan bakes the trees, so the bake is for it unless the baker says otherwise.
    const chosenEvent = () => page.getByLabel('For an event').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '');
    await expect.poll(chosenEvent).toBe('Holiday 2026 (Dec 15, 2026)');

    // Three batches would be too many: the butter is short, by how much, and recording is off.
    await page.getByLabel('Batches').fill('3');
    await seen(check.getByText(/^Short 1\.19 lb$/));
    await seen(check.getByRole('status').getByText(/Not enough for 3 batches of Pecan Shortbread Christmas Trees\. Butter, unsalted: /));
    expect(await page.getByRole('button', { name: 'Record bake' }).isDisabled()).toBe(true);
    await tap(page.getByRole('button', { name: 'One batch fewer' }));
    await tap(page.getByRole('button', { name: 'One batch fewer' }));
    await seen(check.getByText('(2 of 30 lost: partial loss)'));

    await tap(page.getByRole('button', { name: 'Record bake' }));
    await seen(page.getByRole('heading', { name: '28 Pecan shortbread tree' }));
    await seen(page.getByText('Holiday 2026, as planned'));
    await seen(page.getByText('Recorded: 28 Pecan shortbread tree on the shelf.'));
    const ledger = page.getByRole('region', { name: 'What it used, lot by lot' });
    await expect.poll(() => ledger.getByRole('listitem').count()).toBe(9); // 8 lots and the total
    await seen(ledger.getByRole('listitem').filter({ hasText: 'Butter, unsalted' }).getByText('$3.75'));
    await seen(ledger.getByRole('listitem').filter({ hasText: 'Total' }).getByText('$7.77'));

    // Assemble two cookie bags (3 trees, a cello bag and a tie each).
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(page.getByRole('link', { name: 'Assemble goods' }));
    const bagChoice = page.getByRole('link', { name: /Cookie bag/ });
    await seen(bagChoice.getByText('Enough for 9'));
    await tap(bagChoice);
    const goesIn = page.getByRole('region', { name: 'What goes in' });
    await seen(goesIn.getByText('3 per good · 3 needed · 28 on hand'));
    await tap(page.getByRole('button', { name: 'One good more' }));
    await seen(goesIn.getByText('3 per good · 6 needed · 28 on hand'));
    await tap(page.getByRole('button', { name: 'Assemble 2 Cookie bag' }));
    await seen(page.getByRole('heading', { name: '2 Cookie bag' }));
    const bagLedger = page.getByRole('region', { name: 'What it used, lot by lot' });
    await seen(bagLedger.getByRole('listitem').filter({ hasText: 'Pecan shortbread tree' }).getByText(/^bake \d+, made /));

    // The bake cannot be undone now: its trees are in the bags, and the page says so.
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(page.getByRole('link', { name: /28 Pecan shortbread tree/ }));
    await seen(page.getByText(/^6 of the 28 it made went into 2 Cookie bag \(assembly \d+ on .*\): undo that assembly first\.$/));
    expect(await page.getByRole('button', { name: 'Undo this bake' }).isDisabled()).toBe(true);

    // Undo the bags, after saying yes.
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(page.getByRole('link', { name: /2 Cookie bag/ }));
    await tap(page.getByRole('button', { name: 'Undo this assembly' }));
    const confirm = page.getByRole('dialog', { name: 'Undo this assembly?' });
    await confirm.getByLabel('Why (optional)').fill('Bagged the wrong batch');
    await tap(confirm.getByRole('button', { name: 'Undo assembly' }));
    await seen(page.getByText(/^Undone on .*: Bagged the wrong batch\. What it used went back to its lots\./));

    // The shelf holds the 28 trees again and no bag; the bake can be undone now.
    await tap(page.getByRole('link', { name: 'Make', exact: true }));
    await tap(page.getByRole('link', { name: 'See lots and costs' }));
    const trees = page.getByRole('article', { name: 'Pecan shortbread tree' });
    await seen(trees.getByText('28 of 28 left'));
    expect(await page.getByRole('article', { name: 'Cookie bag' }).count()).toBe(0);
    await tap(trees.getByRole('link', { name: /Bake \d+/ }));
    expect(await page.getByRole('button', { name: 'Undo this bake' }).isDisabled()).toBe(false);
  });
});
