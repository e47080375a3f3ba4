/**
 * One cold start of the app in a browser profile that already holds a
 * database: the time from navigation start to the first data read answered
 * on the page (the ingredient tree, remembered by the session before unless
 * asked otherwise), with the app's startup marks
 * (src/rpc/startup-marks.ts) on the page's clock. Used by the browser
 * benchmark and by the paired comparison of two builds (cold-start-ab.ts).
 */
import type { Page } from 'playwright-core';
import { appUrl, call, onClientReady, startupMarks, type Profile } from '../browser/helpers/browser';

/** Restores the seeded image served as /__bench/<name>.sqlite and checkpoints it: a stored database to open. */
export async function loadImage(page: Page, name: string): Promise<void> {
  await page.evaluate(async (name) => {
    const file = new Uint8Array(await (await fetch(`/__bench/${name}.sqlite`)).arrayBuffer());
    await window.__bakePlanner!.rpc.call('system.restoreFile', { file });
  }, name);
  // Two checkpoints: the first folds the restored image in, the second lets the log drop it.
  await call(page, 'system.checkpoint');
  await call(page, 'system.checkpoint');
}

export interface ColdStart {
  /** Navigation start to the first data on the page. */
  ms: number;
  /** When each startup phase was reached, in ms since navigation start (worker marks moved onto the page's clock). */
  phases: Record<string, number>;
}

export interface ColdStartOptions {
  /**
   * false: the worker opens without the answers the last session remembered
   * (src/worker/remembered-answers.ts), so SQLite answers the first read.
   */
  remembered?: boolean;
}

/** Navigation start to the first data read answered on the page (the ingredient tree), with the startup marks. */
export async function coldStart(profile: Profile, baseUrl: string, options: ColdStartOptions = {}): Promise<ColdStart> {
  const page = await profile.context.newPage();
  await onClientReady(page, `rpc.call('pantry.ingredientTree').then(() => { window.__firstData = performance.now(); });`);
  await page.goto(appUrl(baseUrl) + (options.remembered === false ? '&no-remembered-answers' : ''));
  await page.waitForFunction(() => (window as unknown as { __firstData?: number }).__firstData !== undefined);
  const ms = await page.evaluate(() => (window as unknown as { __firstData: number }).__firstData);
  await page.waitForFunction(() => window.__bakePlanner?.rpc.lastStatus.role === 'writer');
  const onPage = await startupMarks(page);
  const inWorker = await startupMarks(page.workers()[0]!);
  const phases: Record<string, number> = { ...onPage.marks };
  for (const [name, at] of Object.entries(inWorker.marks)) phases[name] = at + inWorker.origin - onPage.origin;
  phases['first-data'] = ms;
  await page.close();
  return { ms, phases };
}
