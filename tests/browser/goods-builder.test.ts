/**
 * A baker on a phone (390 px, touch, real taps) builds goods in the goods
 * builder of the production build: a cookie tin of 6 biscotti, then a gift
 * box of 6 sugar cookies and 4 brownies with that tin inside it, a window
 * box and a bow (any ribbon until one is chosen). The preview explodes each
 * draft as the baker builds it; the saved goods explode the same way. A tin
 * that would hold the gift box holding it is refused at its line and
 * nothing changes, and leaving with unsaved lines asks first. The recipes,
 * yields and packaging are set up through the app's own RPC client.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { call } from './helpers/browser';
import { phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;
beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
});

async function go(hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** A recipe yielding one finished unit, and packaging measured by the piece or by length. */
async function bakery() {
  const unit = async (recipe: string, name: string, itemsPerBatch: number) => {
    const r = await call(page, 'recipes.create', { name: recipe });
    return call(page, 'recipes.createFinishedUnit', { recipeId: r.id, name, yieldMode: 'discrete', itemsPerBatch });
  };
  const packaging = async (material: string, baseMeasure: 'each' | 'length', name: string, quantity: number, unit: string) => {
    const m = await call(page, 'materials.create', { name: material, baseMeasure });
    return call(page, 'materials.createUnit', { materialId: m.id, name, quantity, unit });
  };
  return {
    sugar: await unit('Sugar cookies', 'Sugar cookie', 48),
    brownie: await unit('Fudge brownies', 'Brownie', 16),
    biscotti: await unit('Almond biscotti', 'Biscotti', 36),
    tin: await packaging('Round cookie tin', 'each', 'tin', 1, 'each'),
    box: await packaging('10x10 window box', 'each', 'window box', 1, 'each'),
    bow: await packaging('Red curling ribbon', 'length', 'bow (18 in)', 18, 'in'),
  };
}

/** Picks the kind of line to add, types into the type-ahead and taps the option (picked on pointerdown, like a finger). */
async function add(kind: 'Baked item' | 'Another good' | 'Packaging', typed: string, option: RegExp, quantity?: string): Promise<void> {
  await tap(page.getByRole('group', { name: 'Add' }).getByText(kind, { exact: true }));
  const box = page.getByRole('combobox', { name: /^Find / });
  await box.fill(typed);
  const choice = page.getByRole('option', { name: option });
  await seen(choice);
  await tap(choice);
  if (quantity !== undefined) await lineOf(option).getByLabel('How many').fill(quantity);
}

const preview = () => page.getByTestId('exploded');
/** A line of the good being built (not of its preview). */
const lineOf = (name: RegExp | string) =>
  page
    .getByRole('region', { name: 'What goes in one' })
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: typeof name === 'string' }) });

describe('the goods builder on a phone', () => {
  test('a gift box with a nested tin: 1 Gift box = 6 Sugar cookie + 4 Brownie + 1 Cookie tin (= 6 Biscotti + 1 tin) + 1 window box + 1 bow', async () => {
    const b = await bakery();
    await go('#/goods');
    await tap(page.getByRole('link', { name: 'Build your first good' }));
    await seen(page.getByRole('heading', { name: 'New good' }));

    await page.getByLabel('Name').fill('Cookie tin');
    await add('Baked item', 'bisc', /^Biscotti/, '6');
    await add('Packaging', 'tin', /^tin/);
    await expect.poll(() => preview().innerText()).toBe('1 Cookie tin = 6 Biscotti + 1 tin (any)');
    await tap(page.getByRole('button', { name: 'Add good' }));
    await seen(page.getByRole('heading', { name: 'Cookie tin', level: 1 }));

    await go('#/goods/new');
    await seen(page.getByRole('heading', { name: 'New good' }));
    await page.getByLabel('Name').fill('Gift box');
    await add('Baked item', 'sugar', /^Sugar cookie/, '6');
    await add('Baked item', 'brow', /^Brownie/, '3');
    // One more brownie with the + button.
    await tap(page.getByRole('button', { name: 'One Brownie more' }));
    await add('Another good', 'tin', /^Cookie tin/);
    await add('Packaging', 'window', /^window box/);
    await add('Packaging', 'bow', /^bow \(18 in\)/);
    await expect
      .poll(() => preview().innerText())
      .toBe('1 Gift box = 6 Sugar cookie + 4 Brownie + 1 Cookie tin (= 6 Biscotti + 1 tin (any)) + 1 window box (any) + 1 bow (18 in) (any)');
    await seen(page.getByText('45.72 cm of any Red curling ribbon'));
    await tap(page.getByRole('button', { name: 'Add good' }));
    await seen(page.getByRole('heading', { name: 'Gift box', level: 1 }));
    await seen(page.getByText('Added Gift box.'));

    // Saved as built: the good page explodes 40 of them from the stored lines.
    const gift = (await call(page, 'goods.list', { query: 'Gift box' }))[0]!;
    const saved = await call(page, 'goods.get', { id: gift.id });
    expect(saved.lines.map((l) => [l.kind, l.quantity])).toEqual([['unit', 6], ['unit', 4], ['good', 1], ['material', 1], ['material', 1]]);
    expect(saved.genericLineCount).toBe(2);
    await page.getByLabel('How many').fill('40');
    await expect
      .poll(() => preview().innerText())
      .toBe('40 Gift box = 240 Sugar cookie + 160 Brownie + 40 Cookie tin (= 240 Biscotti + 40 tin (any)) + 40 window box (any) + 40 bow (18 in) (any)');
    const exploded = await call(page, 'goods.explode', { goodId: gift.id, quantity: 40 });
    expect(Object.fromEntries(exploded.units.map((u) => [u.finishedUnit.name, u.count]))).toEqual({ Biscotti: 240, Brownie: 160, 'Sugar cookie': 240 });
    expect(exploded.materials.find((m) => m.materialUnit.id === b.bow.id)).toMatchObject({ uses: 40, quantity: 1828.8, unit: 'cm' });
    expect(await page.evaluate(() => location.hash)).toBe(`#/goods/${gift.id}?quantity=40`);
  });

  test('a tin that would hold the gift box holding it is refused at its line, and nothing changes', async () => {
    const b = await bakery();
    const tin = await call(page, 'goods.create', { name: 'Cookie tin', lines: [{ kind: 'unit', finishedUnitId: b.biscotti.id, quantity: 6 }] });
    await call(page, 'goods.create', { name: 'Gift box', lines: [{ kind: 'good', goodId: tin.id, quantity: 1 }, { kind: 'unit', finishedUnitId: b.sugar.id, quantity: 6 }] });
    await go(`#/goods/${tin.id}/edit`);
    await seen(page.getByRole('heading', { name: 'Edit Cookie tin' }));
    await add('Another good', 'gift', /^Gift box/);

    const loop = 'Cookie tin -> Gift box -> Cookie tin: a good cannot contain itself, even through the goods inside it.';
    await seen(page.getByText(`The preview waits for a fix: ${loop}`));
    await tap(page.getByRole('button', { name: 'Save good' }));
    const line = lineOf('Gift box');
    await seen(line.getByText(loop));
    expect(await line.getByLabel('How many').getAttribute('aria-invalid')).toBe('true');
    expect((await call(page, 'goods.get', { id: tin.id })).lines.map((l) => l.kind)).toEqual(['unit']);

    // The unsaved line is not thrown away silently: Back asks, and "stay" keeps the builder as it was.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await tap(page.getByRole('link', { name: 'Back' }));
    await expect.poll(() => asked).toEqual(['Leave without saving? Your changes to this good will be lost.']);
    await seen(page.getByRole('heading', { name: 'Edit Cookie tin' }));
    await seen(lineOf('Gift box'));

    // Taking the line out again, the tin saves with what it had.
    await tap(page.getByRole('button', { name: 'Remove Gift box' }));
    await tap(page.getByRole('button', { name: 'Save good' }));
    await seen(page.getByText('Saved Cookie tin.'));
    expect((await call(page, 'goods.get', { id: tin.id })).lines.map((l) => l.kind)).toEqual(['unit']);
  });
});
