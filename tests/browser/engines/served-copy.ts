/**
 * The production build as the cross-engine smoke suites serve it: a copy of
 * the build with an error collector put in front of the app's own code, in
 * the page, its database worker and the service worker. WebDriver cannot see
 * a worker's errors (and WebKitWebDriver sees no console at all), so the
 * collector gathers them where the suite can read them in any engine:
 *
 * - the page: uncaught errors (a script or stylesheet that fails to load
 *   included), unhandled rejections, console.error, a worker that fails to
 *   start, content security policy violations, and whatever the workers report;
 * - each worker: the same, posted to the page over a BroadcastChannel.
 *
 * The page keeps the list in sessionStorage, so a reload loses none of it.
 * The app's content security policy allows no inline script, so the page's
 * collector is a file of its own (`smoke-collector.js`), loaded first and
 * added to the service worker's precache so it runs offline too.
 * The copy is served by its own `vite preview`, which a test can stop to take
 * the app offline.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview } from '../helpers/server';

export const ERRORS_KEY = 'smoke-errors';

const COLLECTOR_FILE = 'smoke-collector.js';

/** Runs in the page before any app code: `window.__smokeErrors` lists what went wrong. */
const PAGE_COLLECTOR = `(() => {
  const key = ${JSON.stringify(ERRORS_KEY)};
  const errors = (window.__smokeErrors = JSON.parse(sessionStorage.getItem(key) || '[]'));
  // WebKit's and Firefox's stacks leave out the message; V8's starts with it.
  const describe = (v) => (v && v.message !== undefined ? v.name + ': ' + v.message + ' @ ' + String(v.stack).split('\\n').find((l) => /:\\d+:\\d+/.test(l)) : String(v));
  const note = (what) => {
    errors.push(what);
    sessionStorage.setItem(key, JSON.stringify(errors));
  };
  addEventListener('error', (e) => {
    const failed = e.target && e.target !== window && (e.target.src || e.target.href);
    note(failed ? 'page: could not load ' + failed : 'page: ' + (e.error ? describe(e.error) : e.message) + ' (' + e.filename + ':' + e.lineno + ')');
  }, true);
  addEventListener('unhandledrejection', (e) => note('page: unhandled rejection: ' + describe(e.reason)));
  addEventListener('securitypolicyviolation', (e) => note('page: content security policy violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code') + ' (' + e.sourceFile + ':' + e.lineNumber + ')'));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    note('page: console.error: ' + args.map(describe).join(' '));
    consoleError(...args);
  };
  new BroadcastChannel(key).onmessage = (e) => note(e.data);
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(...args) {
      super(...args);
      this.addEventListener('error', (e) => note('worker ' + args[0] + ': ' + (e.message || 'failed to start')));
    }
  };
})();`;

/** Runs first in each worker (database worker and service worker): reports to the pages. */
const WORKER_COLLECTOR = `{
  const channel = new BroadcastChannel(${JSON.stringify(ERRORS_KEY)});
  const where = self.registration ? 'service worker' : 'worker';
  // WebKit's and Firefox's stacks leave out the message; V8's starts with it.
  const describe = (v) => (v && v.message !== undefined ? v.name + ': ' + v.message + ' @ ' + String(v.stack).split('\\n').find((l) => /:\\d+:\\d+/.test(l)) : String(v));
  self.addEventListener('error', (e) => channel.postMessage(where + ': ' + (e.error ? describe(e.error) : e.message)));
  self.addEventListener('unhandledrejection', (e) => channel.postMessage(where + ': unhandled rejection: ' + describe(e.reason)));
  self.addEventListener('securitypolicyviolation', (e) => channel.postMessage(where + ': content security policy violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline code')));
  const consoleError = console.error.bind(console);
  console.error = (...args) => {
    channel.postMessage(where + ': console.error: ' + args.map(describe).join(' '));
    consoleError(...args);
  };
}
`;

export interface ServedCopy {
  url: string;
  /** Stops the server: the app can then only come from the service worker. */
  goOffline(): Promise<void>;
  /** Stops the server if it still runs and removes the copy. */
  close(): Promise<void>;
}

/**
 * Copies the build at `buildDir`, puts the collectors in, adds `extraFiles`
 * (path in the build: content) and serves the copy on a free port.
 */
export async function serveWithCollector(buildDir: string, extraFiles: Record<string, string> = {}): Promise<ServedCopy> {
  const dir = mkdtempSync(join(tmpdir(), 'bake-planner-smoke-'));
  cpSync(buildDir, dir, { recursive: true });
  for (const [path, content] of Object.entries(extraFiles)) writeFileSync(join(dir, path), content);

  const indexPath = join(dir, 'index.html');
  const index = readFileSync(indexPath, 'utf8');
  if (!index.includes('<head>')) throw new Error('index.html has no <head> to put the error collector in');
  writeFileSync(indexPath, index.replace('<head>', `<head>\n    <script src="/${COLLECTOR_FILE}"></script>`));
  writeFileSync(join(dir, COLLECTOR_FILE), PAGE_COLLECTOR);

  const serviceWorker = join(dir, 'sw.js');
  const precache = 'precacheAndRoute([';
  const sw = readFileSync(serviceWorker, 'utf8');
  if (!sw.includes(precache)) throw new Error(`sw.js has no ${precache} to add the error collector to`);
  writeFileSync(serviceWorker, sw.replace(precache, `${precache}{url:${JSON.stringify(COLLECTOR_FILE)},revision:"1"},`));

  const workers = [serviceWorker, ...readdirSync(join(dir, 'assets')).filter((f) => /worker.*\.js$/.test(f)).map((f) => join(dir, 'assets', f))];
  if (workers.length < 2) throw new Error(`expected the service worker and a database worker in the build, found ${workers.join(', ')}`);
  for (const file of workers) writeFileSync(file, WORKER_COLLECTOR + readFileSync(file, 'utf8'));

  const server = await startPreview(dir);
  return {
    url: server.url,
    goOffline: () => server.stop(),
    async close() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
