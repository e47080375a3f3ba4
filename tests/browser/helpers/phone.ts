/**
 * A baker's phone for a browser test file: one Chromium for the file and,
 * for each test, a fresh browser context (empty IndexedDB) with a 390x844
 * touch viewport and the en-US locale, so money reads "$". Tabs opened on it
 * fail the test on any uncaught page error. Registers its own vitest hooks,
 * so call it once at the top of a file.
 */
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { toolPath } from '../../setup/test-browsers';
import { CHROMIUM_ARGS, appUrl, waitForWorker } from './browser';

export interface PhoneTabs {
  /**
   * Opens a tab of the production build at `hash`. With `hooks`, the app runs
   * with its test hooks and the tab is returned once its worker answers.
   */
  open(hash?: string, options?: { hooks?: boolean }): Promise<Page>;
}

/**
 * `baseUrl` is where the app is served: the test build of global-setup.ts
 * unless a file serves another (the production build, for the security tests).
 */
export function phoneTabs(baseUrl: () => string = () => inject('baseUrl')): PhoneTabs {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: toolPath('chromium'), headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'en-US' });
  });
  afterEach(async () => context?.close());

  return {
    async open(hash = '', { hooks = false } = {}) {
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      const url = baseUrl();
      await page.goto(`${hooks ? appUrl(url) : url}${hash}`);
      if (hooks) await waitForWorker(page);
      return page;
    },
  };
}

/** Waits until the locator shows on screen (fails the test after 10 s). */
export async function seen(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}
