/**
 * A baker's phone for a browser test file: one Chromium for the file and,
 * for each test, a fresh browser context (empty IndexedDB) with a touch
 * screen (390x844 unless a test asks for another size) and the en-US locale,
 * so money reads "$". Tabs opened on it fail the test on any uncaught page
 * error. Registers its own vitest hooks, so call it once at the top of a file.
 *
 * Phone tests press things only with `tap()` below, never a mouse click
 * (tests/unit/audit/phone-tests.test.ts checks): a finger's tap fires its
 * click after the touch ends, on whatever is under the finger by then, and
 * a mouse click hides exactly that.
 */
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { toolPath } from '../../setup/test-browsers';
import { CHROMIUM_ARGS, appUrl, waitForWorker } from './browser';

export const PHONE = { width: 390, height: 844 } as const;
/** The narrowest phone the app is laid out for (an iPhone SE, first generation). */
export const SMALL_PHONE = { width: 320, height: 568 } as const;

export interface PhoneTabs {
  /**
   * Opens a tab of the production build at `hash`. With `hooks`, the app runs
   * with its test hooks and the tab is returned once its worker answers.
   */
  open(hash?: string, options?: { hooks?: boolean }): Promise<Page>;
  /** This test's browser context (to read its pages or go offline). */
  readonly context: BrowserContext;
}

export interface PhoneOptions {
  /**
   * Where the app is served: the test build of global-setup.ts unless a file
   * serves another (the production build, for the security tests).
   */
  baseUrl?: () => string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /**
   * One context for the whole file instead of a fresh one per test: for a
   * sweep of checks over one prepared pantry (tests/browser/a11y.test.ts).
   */
  perFile?: boolean;
}

/**
 * Watches, in every page, which element a trusted click lands on, so `tap()`
 * can tell a click that hit what was tapped from one that went through to
 * whatever the tap uncovered. Runs in the page: plain JavaScript, no imports.
 */
function watchClicks(): void {
  type Watch = { target: Element | null; clicks: { inside: boolean; what: string }[] };
  const watch: Watch = { target: null, clicks: [] };
  (window as unknown as { __tapWatch: Watch }).__tapWatch = watch;
  const describe = (el: Element) => {
    const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60);
    return `<${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}> "${text}"`;
  };
  window.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || !watch.target || !(event.target instanceof Element)) return;
      watch.clicks.push({ inside: watch.target.contains(event.target), what: describe(event.target) });
    },
    true,
  );
}

export function phoneTabs(options: PhoneOptions = {}): PhoneTabs {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: toolPath('chromium'), headless: true, args: CHROMIUM_ARGS });
  });
  afterAll(async () => browser?.close());
  const fresh = async () => {
    context = await browser.newContext({
      viewport: options.viewport ?? PHONE,
      isMobile: true,
      hasTouch: true,
      locale: 'en-US',
      colorScheme: options.colorScheme ?? 'light',
    });
    await context.addInitScript(watchClicks);
  };
  if (options.perFile) {
    beforeAll(fresh);
    afterAll(async () => context?.close());
  } else {
    beforeEach(fresh);
    afterEach(async () => context?.close());
  }

  return {
    async open(hash = '', { hooks = false } = {}) {
      const page = await context.newPage();
      page.on('pageerror', (e) => {
        throw e;
      });
      const url = options.baseUrl ? options.baseUrl() : inject('baseUrl');
      await page.goto(`${hooks ? appUrl(url) : url}${hash}`);
      if (hooks) await waitForWorker(page);
      return page;
    },
    get context() {
      return context;
    },
  };
}

/**
 * Taps `target` with a finger (a touch, not a mouse) once it is on screen,
 * then fails the test if the click that follows landed anywhere but on the
 * tapped element: a tap that went through to what the tap itself uncovered
 * (a list that closed on touch, a dialog that went away).
 */
export async function tap(target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible', timeout: 10_000 });
  await target.evaluate((el) => {
    const watch = (window as unknown as { __tapWatch: { target: Element | null; clicks: unknown[] } }).__tapWatch;
    watch.target = el;
    watch.clicks = [];
  });
  await target.tap();
  const page = target.page();
  type Click = { inside: boolean; what: string };
  const first = await page
    .waitForFunction(() => (window as unknown as { __tapWatch: { clicks: Click[] } }).__tapWatch.clicks[0] ?? null, null, { timeout: 5_000 })
    .then((handle) => handle.jsonValue() as Promise<Click>);
  await page.evaluate(() => ((window as unknown as { __tapWatch: { target: null } }).__tapWatch.target = null));
  if (!first.inside) throw new Error(`The tap on ${String(target)} went through: its click landed on ${first.what}.`);
}

/** Waits until the locator shows on screen (fails the test after 10 s). */
export async function seen(locator: Locator): Promise<void> {
  await locator.waitFor({ state: 'visible', timeout: 10_000 });
}
