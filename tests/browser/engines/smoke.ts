/**
 * The cross-engine smoke suite: what a baker does on first use, in one
 * engine, on the production build, in a fresh profile. Its tests run in
 * order and build on each other (a smoke test, not a specification):
 *
 *   first run -> sample data -> one write per area -> reload, each found ->
 *   a second tab (one writer; it reads and writes through the first) ->
 *   offline: reload from the service worker, each write still found
 *
 * and after every test, no error in any page or worker (served-copy.ts).
 *
 * A new area adds its one write to WRITES below; nothing else changes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, inject, test } from 'vitest';
import { AppTab } from './app-tab';
import type { Engine } from './engine';
import { serveWithCollector, type ServedCopy } from './served-copy';

export interface SmokeWrite {
  /** The area of the app, as test names say it: "pantry". */
  area: string;
  /** Makes the write through the screens, on the sample data, ending when the app says it is saved. */
  write(tab: AppTab): Promise<void>;
  /** Where the write shows (a route) and text there that shows it is kept. */
  find: { hash: string; text: string };
}

/** One write per area of the app, in the order a baker meets them. */
export const WRITES: readonly SmokeWrite[] = [
  {
    area: 'pantry',
    // A purchase of a sample product at a price the sample never has, so finding it finds this one.
    async write(tab) {
      await tab.go('#/pantry/purchase');
      await tab.fill('Product', 'unbleached all');
      await tab.tap('option', 'King Arthur Unbleached All-Purpose Flour.*25 lb');
      await tab.fill('Price per package', '13.57');
      await tab.tap('button', 'Save purchase');
      await tab.see('Saved: 25 lb of Flour, all-purpose is in the pantry.');
    },
    find: { hash: '#/pantry/purchases', text: '$13.57' },
  },
  {
    area: 'shopping',
    // The sample's Holiday 2026 list: eggs ticked off in the store.
    async write(tab) {
      await tab.go('#/shop');
      await tab.check('Eggs, whole');
      await tab.see('Eggs, whole (in the basket)');
    },
    find: { hash: '#/shop', text: 'Eggs, whole (in the basket)' },
  },
  {
    area: 'snapshot',
    // The device's own export (the worker's, as Settings > Export saves it) chosen in Settings > Import and
    // replacing all the data: the writes above must come through it, so the suite finds each of them after.
    async write(tab) {
      await tab.go('#/settings');
      await tab.check('Replace all my data (this device will hold exactly what the file holds)');
      await tab.tab.evaluate(async () => {
        const bytes = await window.__bakePlanner!.rpc.call('snapshot.export');
        const input = [...document.querySelectorAll<HTMLInputElement>('input[type="file"]')].find((i) =>
          [...(i.labels ?? [])].some((l) => l.textContent?.includes('Choose a file to import')),
        )!;
        const files = new DataTransfer();
        files.items.add(new File([bytes], 'bake-planner-smoke.json', { type: 'application/json' }));
        input.files = files.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await tab.see('Dry run, nothing written');
      await tab.tap('button', 'Replace my data with this file');
      await tab.see('Imported');
    },
    find: { hash: '#/pantry/purchases', text: '$13.57' },
  },
];

async function findEach(tab: AppTab): Promise<void> {
  for (const { find } of WRITES) {
    await tab.go(find.hash);
    await tab.see(find.text);
  }
}

export interface SmokeSuite {
  /** The first tab, on the app, once the suite's first test has opened it. */
  tab(): AppTab;
}

/**
 * Registers the suite for `engine`. Tests `extra` adds run after the shared
 * ones, with the server still up, and are checked for errors the same way.
 */
export function smokeSuite(engine: Engine, extra?: (suite: SmokeSuite) => void): void {
  describe(`${engine.name} smoke`, () => {
    let served: ServedCopy;
    let url: string;
    const open: AppTab[] = [];
    let first: AppTab;

    beforeAll(async () => {
      served = await serveWithCollector(inject('buildDir'));
      // The test hooks let the suite ask a tab its role; the screens are the production ones.
      url = `${served.url}?test-hooks`;
      const version = await engine.start();
      console.log(`${engine.name} smoke suite in ${version}`);
    });
    afterAll(async () => {
      await engine.stop();
      await served?.close();
    });
    afterEach(async () => {
      for (const tab of open) expect(await tab.takeErrors(), `errors in ${engine.name}`).toEqual([]);
    });

    test('first run: the welcome screen, in en-US', async () => {
      first = await AppTab.open(engine, url);
      open.push(first);
      await first.see('Welcome to Bake Planner');
      expect(await first.tab.evaluate(() => navigator.language)).toBe('en-US');
    });

    test('sample data: the pantry fills', async () => {
      await first.tap('button', 'Explore sample data');
      // Loading the sample takes seconds on a busy machine, as in the Chromium tests.
      await first.until({ what: 'the pantry screen', seconds: 60 }, () => location.hash.startsWith('#/pantry'));
      await first.see('Flour, all-purpose');
    });

    for (const { area, write } of WRITES) {
      test(`a write in ${area}`, () => write(first));
    }

    test('reload: every write is found', async () => {
      await first.reload();
      await findEach(first);
    });

    test('two tabs: one writer; the second reads and writes through the first', async () => {
      const second = await AppTab.open(engine, url);
      open.push(second);
      expect(await first.role()).toBe('writer');
      expect(await second.role()).toBe('follower');
      await findEach(second);
      // A write from the second tab, saved by the first tab's worker, and seen there.
      await second.tab.evaluate(() => window.__bakePlanner!.rpc.call('system.touch', { label: 'from the second tab', value: 2 }));
      expect(await first.tab.evaluate(() => window.__bakePlanner!.rpc.call('system.touched'))).toEqual({ 'from the second tab': 2 });
      expect(await second.takeErrors(), `errors in ${engine.name}`).toEqual([]);
      await second.close();
      open.splice(open.indexOf(second), 1);
    });

    extra?.({ tab: () => first });

    // Last: after this the server is gone.
    test('offline: the app reloads from the service worker, and every write is still there', async () => {
      await first.until('a service worker controlling the page', () => navigator.serviceWorker.controller !== null);
      await served.goOffline();
      await first.reload();
      expect(await first.tab.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
      await first.role();
      await findEach(first);
    });
  });
}
