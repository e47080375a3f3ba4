/**
 * The toast after an adjustment is the baker's safety net (issue 8): its Undo
 * must read clearly in the light and the dark theme, toasts must not pile up
 * over the screen, and one must go away by itself soon, but not while a
 * finger, the pointer or keyboard focus is on it. Production build, 390x844 touch screen.
 */
import { beforeEach, describe, expect, test } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { seriousViolations } from './helpers/axe';
import { call } from './helpers/browser';
import { PHONE, phoneTabs, seen, tap } from './helpers/phone';

const tabs = phoneTabs();
let page: Page;

beforeEach(async () => {
  page = await tabs.open('', { hooks: true });
  const eggs = await call(page, 'catalog.createIngredient', { name: 'Eggs' });
  const carton = await call(page, 'catalog.createProduct', { ingredientId: eggs.id, brand: 'Farm', name: 'Large eggs', packageQuantity: 12, packageUnit: 'each' });
  await call(page, 'pantry.recordPurchase', { productId: carton.id, packages: 1, pricePerPackage: 3.6 });
  await page.evaluate((id) => (location.hash = `#/pantry/ingredient/${id}`), eggs.id);
});

const stock = () => page.getByRole('region', { name: 'In the pantry' });
const toasts = () => page.locator('.toast');

/** Removes `count` eggs through the Adjust dialog, as the baker would. */
async function removeEggs(count: number): Promise<void> {
  await tap(stock().getByRole('button', { name: /^Adjust/ }));
  const dialog = page.getByRole('dialog', { name: 'Adjust lot' });
  await dialog.getByLabel('How much to remove').fill(String(count));
  await tap(dialog.getByRole('button', { name: 'Save adjustment' }));
  await seen(page.getByText(`Removed ${count} each.`));
}

/** WCAG contrast ratio of an element's text against the first opaque background behind it. */
function contrastOf(element: Locator): Promise<number> {
  return element.evaluate((el) => {
    const rgba = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
    let background = [255, 255, 255];
    for (let x: Element | null = el; x; x = x.parentElement) {
      const [r = 0, g = 0, b = 0, a = 1] = rgba(getComputedStyle(x).backgroundColor);
      if (a > 0.99) {
        background = [r, g, b];
        break;
      }
    }
    const luminance = ([r, g, b]: number[]) => {
      const lin = (c: number) => ((c /= 255) <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const [l1, l2] = [luminance(rgba(getComputedStyle(el).color)), luminance(background)].sort((a, b) => b - a);
    return (l1! + 0.05) / (l2! + 0.05);
  });
}

describe('toasts on a phone', () => {
  test('Undo reads clearly in the light and the dark theme (contrast at least 4.5:1, axe finds nothing serious)', async () => {
    await removeEggs(3);
    const undo = toasts().getByRole('button', { name: 'Undo', exact: true });
    // Focus on it holds the toast while it is checked.
    await undo.focus();
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await contrastOf(undo), colorScheme).toBeGreaterThanOrEqual(4.5);
      expect(await contrastOf(toasts().getByText('Removed 3 each.')), colorScheme).toBeGreaterThanOrEqual(4.5);
      expect(await seriousViolations(page, '.toast'), colorScheme).toEqual([]);
    }
    await tap(undo);
    await seen(page.getByText('Undone: 3 each is back in the lot.'));
  });

  test('three adjustments in a row show one toast, the latest, low on the screen; it goes by itself, but not while focus is on it', async () => {
    await removeEggs(1);
    await removeEggs(2);
    await removeEggs(3);
    expect(await toasts().count()).toBe(1);
    expect(await toasts().innerText()).toContain('Removed 3 each.');
    const box = (await toasts().boundingBox())!;
    expect(box.height).toBeLessThan(PHONE.height / 10);

    // Reaching for Undo (keyboard focus, as a finger or pointer on it) keeps it; let go, it leaves within a few seconds.
    const undo = toasts().getByRole('button', { name: 'Undo', exact: true });
    await undo.focus();
    await page.waitForTimeout(7_000);
    expect(await toasts().count()).toBe(1);
    await undo.blur();
    await toasts().waitFor({ state: 'detached', timeout: 5_000 });
  });

  test('an Undo toast left alone goes by itself within 7 seconds', async () => {
    await removeEggs(2);
    const shown = Date.now();
    await toasts().waitFor({ state: 'detached', timeout: 9_000 });
    expect(Date.now() - shown).toBeLessThan(7_500);
  });
});
