/**
 * Screens at M (issue 14, `screen_ms` in bench-results/browser.json): the
 * generated M bakery (src/services/generate) restored into the production
 * build's database, then, on a phone (390x844, touch), the time from a tap to
 * the screen's content drawn, for the main screens: the dashboard and the
 * pantry (their tabs), a recipe (from the recipe list), the goods builder
 * (from a good's page), the largest event's workspace (from Plan) and the
 * shopping list (the Shop tab: the next event's list).
 *
 * "Drawn" is the first animation frame (just before it paints) in which the
 * screen's heading is there, nothing says "Opening…" and no read the screen
 * asked the worker for is still unanswered: a screen's children start their
 * own reads while the first answers are being rendered, all before that
 * frame, so an empty moment between two reads is not taken for the end.
 * Each read the screen made is timed on the page too (call to answer), so the
 * figures split into the worker's part (those reads' union) and the page's
 * (rendering, and the tap's own handling).
 *
 * Called by tests/bench/browser.ts; `node --import tsx tests/bench/screens.ts`
 * runs it alone and writes only `screen_ms` (and its breakdown) into the file.
 * BENCH_SCREENS=recipe,pantry measures some screens only; BENCH_SCREENS_TRACE=1
 * prints each tap's reads (method, parameters, when each was sent and answered).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { migrate } from '../../src/db/migrate';
import { NativeEngine } from '../../src/db/native-engine';
import { Database } from '../../src/db/session';
import { generatorClock, type BakerySize } from '../../src/domain/generated-bakery';
import { buildGeneratedBakery } from '../../src/services/generate/bakery';
import { toolPath } from '../setup/test-browsers';
import { CHROMIUM_ARGS, appUrl, call, waitForWorker } from '../browser/helpers/browser';
import { buildAndServe } from '../browser/helpers/server';

const SIZE: BakerySize = 'M';
export const SCREEN_METHOD =
  'the generated M bakery restored; on a 390x844 touch page, median of 7 taps (after a warm-up one) per screen, from the touchstart to the first animation frame in which the screen has its heading, nothing "Opening…", no read in flight, and no new read started by the next frame; screen_reads_ms: the union of the reads\' call-to-answer intervals within it';
const PHONE = { width: 390, height: 844 };
/** Taps per screen after one unmeasured warm-up tap (code compiled, statements prepared). */
const TAPS = 7;

export const SCREENS = ['dashboard', 'pantry', 'recipe', 'goods_builder', 'event_workspace', 'shopping_list'] as const;
export type ScreenName = (typeof SCREENS)[number];

export interface ScreenFigures {
  /** Median tap-to-drawn time per screen. */
  screen_ms: Record<ScreenName, number>;
  /** Median time of it the screen's reads were in flight (the worker's part, with the message round trips). */
  screen_reads_ms: Record<ScreenName, number>;
  /** Each read the screen made (method: its median ms). */
  screen_reads: Record<ScreenName, Record<string, number>>;
  /** What was measured: the records behind the screens. */
  screen_subjects: Record<ScreenName, string>;
}

interface Subjects {
  recipe: { id: number; name: string; lines: number };
  good: { id: number; name: string; lines: number };
  event: { id: number; name: string; targets: number };
}

/** The M bakery as a SQLite image, built through the services on native SQLite (a few times faster than sql.js), and what to open on it. */
async function bakeryImage(): Promise<{ image: Uint8Array; subjects: Subjects }> {
  const { default: BetterSqlite3 } = await import('better-sqlite3');
  const native = new BetterSqlite3(':memory:');
  const db = new Database(new NativeEngine(native), { clock: generatorClock() });
  migrate(db);
  buildGeneratedBakery(db, { size: SIZE });
  const one = <T>(sql: string) => db.engine.get<T>(sql)!;
  // The heaviest of each: the recipe with the most lines, the good with the most, the event with the most targets.
  const recipe = one<Subjects['recipe']>(`
    SELECT r.id, r.name, (SELECT count(*) FROM recipe_ingredients WHERE recipe_id = r.id) + (SELECT count(*) FROM recipe_components WHERE recipe_id = r.id) AS lines
    FROM recipes r ORDER BY lines DESC, r.id LIMIT 1`);
  const good = one<Subjects['good']>(`
    SELECT g.id, g.name, count(c.id) AS lines FROM finished_goods g JOIN compositions c ON c.finished_good_id = g.id
    GROUP BY g.id ORDER BY count(c.component_good_id) DESC, lines DESC, g.id LIMIT 1`);
  const event = one<Subjects['event']>(`
    SELECT e.id, e.name, count(*) AS targets FROM events e JOIN event_good_targets t ON t.event_id = e.id
    GROUP BY e.id ORDER BY targets DESC, e.id LIMIT 1`);
  const image = new Uint8Array(native.serialize());
  db.close();
  return { image, subjects: { recipe, good, event } };
}

/**
 * Installed in the page (plain JavaScript: the page has none of tsx's helpers): counts the reads in
 * flight and times each (on the app's one RPC client, which every screen's reads go through), notes
 * the moment of each touch, and gives the three steps below their page side.
 */
const INSTRUMENT = `(() => {
  const rpc = window.__bakePlanner.rpc;
  const original = rpc.call.bind(rpc);
  const probe = { inFlight: 0, reads: [], armed: null };
  rpc.call = (method, ...args) => {
    const read = { method, params: args[0], start: performance.now(), end: null };
    probe.reads.push(read);
    probe.inFlight++;
    const settle = () => { probe.inFlight--; read.end = performance.now(); };
    const promise = original(method, ...args);
    promise.then(settle, settle);
    return promise;
  };
  window.addEventListener('touchstart', (event) => {
    if (probe.armed && probe.armed.tappedAt === null) probe.armed.tappedAt = event.timeStamp;
  }, { capture: true, passive: true });
  const opening = () => [...document.querySelectorAll('[role="status"]')].some((s) => /Opening/.test(s.textContent || ''));
  const quiet = (hash) => location.hash === hash && !opening() && probe.inFlight === 0;
  window.__screenProbe = {
    quiet: (hash) => quiet(hash) && document.querySelector('h1') !== null,
    arm: (hash, heading) => {
      const armed = { tappedAt: null, drawnAt: null };
      probe.armed = armed;
      probe.reads = [];
      // A frame that looks done counts once the next frame shows no read started since: a child
      // screen mounted from a read's answer may start its own read only after that first frame.
      let candidate = null;
      // performance.now(), not the callback's argument: that is the frame's start, which can come
      // before answers the page handled ahead of this callback.
      const frame = () => {
        const now = performance.now();
        const h1 = document.querySelector('h1');
        const done = armed.tappedAt !== null && quiet(hash) && h1 && h1.textContent.trim() === heading;
        if (done && candidate && candidate.reads === probe.reads.length) {
          armed.drawnAt = candidate.at;
          return;
        }
        candidate = done ? { at: now, reads: probe.reads.length } : null;
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    },
    drawn: () => probe.armed.drawnAt !== null,
    result: () => {
      const { tappedAt, drawnAt } = probe.armed;
      const reads = probe.reads.filter((r) => r.start >= tappedAt && r.end !== null && r.end <= drawnAt);
      // The union of the reads' intervals: overlapping reads count once.
      let readsMs = 0;
      let reach = tappedAt;
      for (const r of [...reads].sort((a, b) => a.start - b.start)) {
        if (r.end > reach) { readsMs += r.end - Math.max(r.start, reach); reach = r.end; }
      }
      return { total: drawnAt - tappedAt, reads, readsMs };
    },
  };
})()`;

interface Measure {
  total: number;
  reads: { method: string; params?: unknown; start: number; end: number }[];
  readsMs: number;
}

interface ScreenProbe {
  quiet(hash: string): boolean;
  arm(hash: string, heading: string): void;
  drawn(): boolean;
  result(): Measure;
}
type Probed = { __screenProbe: ScreenProbe };

/** Arms the watch: from the next touch, every frame checks whether `hash` shows `heading` with its data. */
function arm(page: Page, hash: string, heading: string): Promise<void> {
  return page.evaluate(([h, title]) => (window as unknown as Probed).__screenProbe.arm(h, title), [hash, heading] as const);
}

async function drawn(page: Page): Promise<Measure> {
  await page.waitForFunction(() => (window as unknown as Probed).__screenProbe.drawn(), null, { timeout: 30_000 });
  return page.evaluate(() => (window as unknown as Probed).__screenProbe.result());
}

/** Goes to `hash` and waits until the page is quiet there: a heading, nothing opening, no read in flight. */
async function settle(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => {
    if (location.hash !== h) location.hash = h;
  }, hash);
  await page.waitForFunction((h) => (window as unknown as Probed).__screenProbe.quiet(h), hash, { timeout: 30_000 });
  // Two frames: whatever the settled screen still had to draw is drawn before the next tap.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

interface ScreenPlan {
  name: ScreenName;
  subject: string;
  from: string;
  target: (page: Page) => Locator;
  hash: string;
  heading: string;
}

function plans(s: Subjects): ScreenPlan[] {
  const nav = (page: Page, label: string) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
  return [
    { name: 'dashboard', subject: 'the Dashboard tab, from More', from: '#/more', target: (p) => nav(p, 'Dashboard'), hash: '#/dashboard', heading: 'Dashboard' },
    { name: 'pantry', subject: 'the Pantry tab, from More', from: '#/more', target: (p) => nav(p, 'Pantry'), hash: '#/pantry', heading: 'Pantry' },
    {
      name: 'recipe',
      subject: `${s.recipe.name} (${s.recipe.lines} lines), from the recipe list`,
      from: '#/recipes',
      target: (p) => p.locator(`main a[href="#/recipes/${s.recipe.id}"]`).first(),
      hash: `#/recipes/${s.recipe.id}`,
      heading: s.recipe.name,
    },
    {
      name: 'goods_builder',
      subject: `${s.good.name} (${s.good.lines} lines), "Edit in the builder" on its page`,
      from: `#/goods/${s.good.id}`,
      target: (p) => p.getByRole('link', { name: 'Edit in the builder' }),
      hash: `#/goods/${s.good.id}/edit`,
      heading: `Edit ${s.good.name}`,
    },
    {
      name: 'event_workspace',
      subject: `${s.event.name} (${s.event.targets} targets), from Plan`,
      from: '#/plan',
      target: (p) => p.locator(`main a[href="#/plan/event/${s.event.id}"]`).first(),
      hash: `#/plan/event/${s.event.id}`,
      heading: s.event.name,
    },
    { name: 'shopping_list', subject: 'the Shop tab (the next event\'s list), from More', from: '#/more', target: (p) => nav(p, 'Shop'), hash: '#/shop', heading: 'Shopping' },
  ];
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (n: number) => Math.round(n * 10) / 10;

async function phone(dir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(dir, {
    executablePath: toolPath('chromium'),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: PHONE,
    isMobile: true,
    hasTouch: true,
    locale: 'en-US',
  });
}

/** Measures every screen on the build served at `server.url` (files under `server.outDir` are served too). */
export async function screenTimes(server: { url: string; outDir: string }, log: (s: string) => void = () => {}): Promise<ScreenFigures> {
  log(`${SIZE} bakery… `);
  const { image, subjects } = await bakeryImage();
  mkdirSync(join(server.outDir, '__bench'), { recursive: true });
  writeFileSync(join(server.outDir, '__bench', `screens-${SIZE}.sqlite`), image);

  const dir = mkdtempSync(join(tmpdir(), 'bake-planner-profile-'));
  const context = await phone(dir);
  const figures: ScreenFigures = { screen_ms: {}, screen_reads_ms: {}, screen_reads: {}, screen_subjects: {} } as ScreenFigures;
  try {
    let page = await context.newPage();
    await page.goto(appUrl(server.url));
    await waitForWorker(page);
    await page.evaluate(async (name) => {
      const file = new Uint8Array(await (await fetch(`/__bench/${name}`)).arrayBuffer());
      await window.__bakePlanner!.rpc.call('system.restoreFile', { file });
    }, `screens-${SIZE}.sqlite`);
    await call(page, 'system.checkpoint');
    await call(page, 'system.checkpoint');
    // A fresh page on the restored database, as a baker opening the app would have.
    await page.close();
    page = await context.newPage();
    await page.goto(`${appUrl(server.url)}#/more`);
    await waitForWorker(page);
    await page.evaluate(INSTRUMENT);

    // BENCH_SCREENS=recipe,pantry measures those alone (while working on one).
    const only = process.env.BENCH_SCREENS?.split(',');
    for (const plan of plans(subjects).filter((p) => !only || only.includes(p.name))) {
      log(`${plan.name}… `);
      const totals: number[] = [];
      const readTimes: number[] = [];
      const perMethod = new Map<string, number[]>();
      for (let i = 0; i <= TAPS; i++) {
        await settle(page, plan.from);
        await arm(page, plan.hash, plan.heading);
        await plan.target(page).tap();
        const m = await drawn(page);
        if (process.env.BENCH_SCREENS_TRACE && i === 0) log(`\n  reads: ${JSON.stringify(m.reads.map((r) => [r.method, r.params]))}`);
        if (process.env.BENCH_SCREENS_TRACE) log(`\n  ${Math.round(m.total)} ms: ${m.reads.map((r) => `${r.method} ${Math.round(r.start)}-${Math.round(r.end)}`).join(', ')}`);
        if (i === 0) continue;
        totals.push(m.total);
        readTimes.push(m.readsMs);
        for (const r of m.reads) perMethod.set(r.method, [...(perMethod.get(r.method) ?? []), r.end - r.start]);
      }
      figures.screen_ms[plan.name] = round(median(totals));
      figures.screen_reads_ms[plan.name] = round(median(readTimes));
      figures.screen_reads[plan.name] = Object.fromEntries([...perMethod.keys()].map((method) => [method, round(median(perMethod.get(method)!))]));
      figures.screen_subjects[plan.name] = plan.subject;
    }
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return figures;
}

export function printScreens(figures: ScreenFigures): void {
  const measured = SCREENS.filter((name) => figures.screen_ms[name] !== undefined);
  console.table(
    measured.map((name) => ({
      screen: name,
      'tap to drawn ms': figures.screen_ms[name],
      'reads ms': figures.screen_reads_ms[name],
      'page ms': round(figures.screen_ms[name] - figures.screen_reads_ms[name]),
      reads: Object.entries(figures.screen_reads[name]).map(([m, ms]) => `${m} ${ms}`).join(', '),
    })),
  );
  for (const name of measured) {
    const ms = figures.screen_ms[name];
    console.log(`${ms <= 200 ? 'meets' : 'MISSES'}  ${name} <= 200 ms (${ms}): ${figures.screen_subjects[name]}`);
  }
}

const OUT = 'bench-results/browser.json';

/** Alone: build, serve, measure, and put the screens' keys into the file beside the others. */
async function main(): Promise<void> {
  const server = await buildAndServe('test-hooks');
  let figures: ScreenFigures;
  try {
    figures = await screenTimes(server, (s) => process.stdout.write(s));
    process.stdout.write('done\n');
  } finally {
    await server.stop();
  }
  printScreens(figures);
  const previous = existsSync(OUT) ? (JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, unknown>) : {};
  mkdirSync('bench-results', { recursive: true });
  const method = { ...(previous.method as Record<string, string> | undefined), screen: SCREEN_METHOD };
  // Screen by screen: a run of some screens (BENCH_SCREENS) keeps the others' last figures.
  const merged = Object.fromEntries(
    (Object.keys(figures) as (keyof ScreenFigures)[]).map((key) => [key, { ...(previous[key] as object | undefined), ...figures[key] }]),
  );
  writeFileSync(OUT, `${JSON.stringify({ ...previous, ...merged, screen_date: new Date().toISOString(), method }, null, 2)}\n`);
  console.log(`written: ${OUT} (screen_ms and its breakdown)`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}
