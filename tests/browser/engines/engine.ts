/**
 * What the cross-engine smoke suite needs from a browser, whatever drives it
 * (selenium-webdriver for WebKitWebDriver, Puppeteer over WebDriver BiDi for
 * Firefox): tabs to open, script to run in them, and a pointer and keyboard
 * to use on elements found by CSS selector. Each engine starts with a fresh,
 * empty profile and the language set to en-US, whatever the machine's LANG.
 */

export interface EngineTab {
  /** Runs `fn` in the page (its source is sent, so it may use only its arguments) and returns its awaited result. */
  evaluate<A extends unknown[], R>(fn: (...args: A) => R | Promise<R>, ...args: A): Promise<R>;
  /** Clicks the element as a pointer would (pointer and mouse events, focus). */
  click(selector: string): Promise<void>;
  /** Types `text` key by key into the focused field (over its selection, if it has one). */
  type(text: string): Promise<void>;
  goto(url: string): Promise<void>;
  reload(): Promise<void>;
  close(): Promise<void>;
}

export interface Engine {
  /** "WebKit", "Firefox": how test names and messages call it. */
  name: string;
  /** Launches the browser (and what it needs) with a fresh profile; returns its version for the log. */
  start(): Promise<string>;
  /** A new tab at `url`, loaded. */
  open(url: string): Promise<EngineTab>;
  /** Closes the browser and everything started for it, removing the profile. */
  stop(): Promise<void>;
}

/** The language every engine runs in: money then reads "$12.34", whatever the machine says. */
export const LANGUAGE = 'en-US';
export const LANGUAGE_ENV = { LANG: 'en_US.UTF-8', LANGUAGE: 'en_US', LC_ALL: 'en_US.UTF-8' };
