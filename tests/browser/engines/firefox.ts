/**
 * Firefox as Debian ships it (Firefox ESR), driven by puppeteer-core over
 * WebDriver BiDi: no geckodriver and no browser download. Puppeteer gives
 * each launch a fresh temporary profile and removes it on close. The
 * language is set in the profile's preferences.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { toolPath } from '../../setup/test-browsers';
import { LANGUAGE, LANGUAGE_ENV, type Engine, type EngineTab } from './engine';

function tab(page: Page): EngineTab {
  return {
    evaluate: (fn, ...args) => page.evaluate(fn as (...a: unknown[]) => unknown, ...args) as never,
    click: (selector) => page.click(selector),
    type: (text) => page.keyboard.type(text),
    goto: async (url) => void (await page.goto(url)),
    reload: async () => void (await page.reload()),
    close: () => page.close(),
  };
}

export function firefox(): Engine {
  let browser: Browser | undefined;
  return {
    name: 'Firefox',
    async start() {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: toolPath('firefox'),
        headless: true,
        // A desktop's window: many bakers plan at a laptop, in Firefox.
        defaultViewport: { width: 1280, height: 800 },
        env: { ...process.env, ...LANGUAGE_ENV },
        extraPrefsFirefox: { 'intl.accept_languages': LANGUAGE, 'intl.locale.requested': LANGUAGE },
      });
      return browser.version();
    },
    async open(url) {
      const page = await browser!.newPage();
      await page.goto(url);
      return tab(page);
    },
    async stop() {
      await browser?.close();
    },
  };
}
