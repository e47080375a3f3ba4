/**
 * A tab of the app as the smoke suite uses it in any engine: tap a button,
 * link or list option by its visible name, type into a field by its label,
 * wait until some text shows, read the tab's role (writer or follower) and
 * the errors its collector gathered (served-copy.ts). Elements are found by a
 * script in the page, tagged, then clicked or typed into by the engine's own
 * pointer and keyboard, so the events are the engine's real ones.
 */
import type { Engine, EngineTab } from './engine';
import { ERRORS_KEY } from './served-copy';

type Kind = 'button' | 'link' | 'option' | 'field';

/**
 * In the page: finds the first visible element of `kind` named `name` (an
 * option: whose text matches the pattern `name`) and tags it with
 * data-smoke=`token`. Returns whether it found one.
 */
function tagElement(kind: Kind, name: string, token: string): boolean {
  const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const visible = (el: Element) => el.getClientRects().length > 0;
  let candidates: Element[];
  if (kind === 'field') {
    const labelled = [...document.querySelectorAll('label')].filter((l) => text(l) === name).map((l) => l.control);
    candidates = [...labelled.filter((c): c is HTMLElement => c !== null), ...document.querySelectorAll(`[aria-label="${CSS.escape(name)}"]`)];
  } else {
    const selector = { button: 'button, [role="button"]', link: 'a[href]', option: '[role="option"]' }[kind];
    const pattern = new RegExp(name);
    const named = (el: Element) => (kind === 'option' ? pattern.test(text(el)) : text(el) === name || el.getAttribute('aria-label') === name);
    candidates = [...document.querySelectorAll(selector)].filter(named);
  }
  const found = candidates.find(visible);
  document.querySelectorAll('[data-smoke]').forEach((el) => el.removeAttribute('data-smoke'));
  found?.setAttribute('data-smoke', token);
  return found !== undefined;
}

let tokens = 0;

export class AppTab {
  private constructor(
    readonly tab: EngineTab,
    private readonly engine: string,
  ) {}

  static async open(engine: Engine, url: string): Promise<AppTab> {
    return new AppTab(await engine.open(url), engine.name);
  }

  /**
   * Polls `check` in the page every 100 ms until it returns something truthy,
   * for 15 s unless `wait` says otherwise (`{ what, seconds }`).
   */
  async until<A extends unknown[], R>(wait: string | { what: string; seconds: number }, check: (...args: A) => R | Promise<R>, ...args: A): Promise<NonNullable<R>> {
    const { what, seconds } = typeof wait === 'string' ? { what: wait, seconds: 15 } : wait;
    const deadline = Date.now() + seconds * 1000;
    for (;;) {
      const result = await this.tab.evaluate(check, ...args).catch(() => undefined);
      if (result) return result as NonNullable<R>;
      if (Date.now() > deadline) {
        const shown = await this.tab.evaluate(() => document.body?.innerText.replace(/\s+/g, ' ').slice(0, 600)).catch(() => '(unreadable)');
        throw new Error(`${this.engine}: ${what} did not happen within ${seconds} s. The page shows: ${shown}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /**
   * Waits until `text` shows somewhere on the page. White space is compared collapsed: engines break
   * innerText differently around positioned inline parts (a label's visually hidden words).
   */
  async see(text: string): Promise<void> {
    await this.until(`"${text}" showing`, (t) => document.body.innerText.replace(/\s+/g, ' ').includes(t), text);
  }

  /**
   * Clicks what `selector` names once it is in the middle of the screen: a WebDriver click scrolls
   * its element just into view, which on a phone layout can leave it under the fixed tab bar, and
   * the bar takes the click (ElementClickIntercepted) where a finger would have scrolled first.
   */
  private async press(selector: string): Promise<void> {
    await this.tab.evaluate((s) => document.querySelector(s)?.scrollIntoView({ block: 'center' }), selector);
    await this.tab.click(selector);
  }

  private async find(kind: Kind, name: string): Promise<string> {
    const token = String(++tokens);
    await this.until(`a ${kind} "${name}"`, tagElement, kind, name, token);
    return `[data-smoke="${token}"]`;
  }

  /** Taps a button or link by its name, or an option of an open list by a pattern of its text. */
  async tap(kind: 'button' | 'link' | 'option', name: string): Promise<void> {
    await this.press(await this.find(kind, name));
  }

  /** Taps the check box labelled `label`, which ticks it (or takes the tick off). */
  async check(label: string): Promise<void> {
    await this.press(await this.find('field', label));
  }

  /** Taps the field labelled `label` and types `text` over what it held. */
  async fill(label: string, text: string): Promise<void> {
    const field = await this.find('field', label);
    await this.press(field);
    // The app selects a focused box's content a frame after the tap (src/ui/select-on-focus.ts), as
    // a baker's first key comes after it; select it here too for boxes that do not.
    await this.tab.evaluate(
      (selector) =>
        new Promise<void>((done) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              document.querySelector<HTMLInputElement>(selector)!.select();
              done();
            }),
          ),
        ),
      field,
    );
    await this.tab.type(text);
  }

  /** Moves to a screen of the app by its route, as a link in the app would. */
  async go(hash: string): Promise<void> {
    await this.tab.evaluate((h) => void (location.hash = h), hash);
  }

  /** Waits until the app's worker answers, then says whether this tab's worker writes or forwards. */
  async role(): Promise<string> {
    return this.until('the worker answering', async () => {
      const hooks = window.__bakePlanner;
      if (!hooks) return undefined;
      await hooks.rpc.call('system.ping');
      return hooks.rpc.lastStatus.role;
    });
  }

  /** What the collector gathered in this tab (reloads included) since the last call, which clears it. */
  takeErrors(): Promise<string[]> {
    return this.tab.evaluate((key) => {
      const errors = (window as { __smokeErrors?: string[] }).__smokeErrors;
      if (!errors) return ['page: the error collector did not run'];
      const taken = errors.splice(0);
      sessionStorage.removeItem(key);
      return taken;
    }, ERRORS_KEY);
  }

  reload(): Promise<void> {
    return this.tab.reload();
  }

  close(): Promise<void> {
    return this.tab.close();
  }
}
