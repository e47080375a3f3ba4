/**
 * Hostile pages and files, on the production build (`vite build`, what
 * `npm start` serves), in Chromium on a phone. The build is served as the
 * cross-engine suites serve theirs (engines/served-copy.ts): the app
 * untouched, with a collector in front that records every content security
 * policy violation and error in the page, its database worker and its
 * service worker.
 *
 * - the policy: present in the page and every worker, no violation while a
 *   newcomer walks through every screen (security/walk.ts), and what it is
 *   for (an injected inline script, handler, javascript: link, eval, <base>,
 *   form action or plugin) blocked and reported;
 * - test hooks: opening the production build with ?test-hooks reaches none;
 * - hostile files through the screens: markup imports and shows as text on
 *   every screen; a 1 GB file is refused by its size; a backup with a trigger
 *   added is refused and the data stays as it was.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { SqlJsEngine } from '../../src/db/sqljs-engine';
import { HEADER_POLICY, META_POLICY } from '../../src/platform/content-security-policy';
import { serveWithCollector, type ServedCopy } from './engines/served-copy';
import { buildApp } from './helpers/server';
import { phoneTabs, seen, tap } from './helpers/phone';
import { HOSTILE, hostileBakeryFile, SHOWN_AT } from './security/hostile-bakery';
import { go, WALK } from './security/walk';

/** A worker of the app's origin that tries what the policy forbids and reports what happened. */
const PROBE_WORKER = `
const seen = { violations: [] };
self.addEventListener('securitypolicyviolation', (e) => seen.violations.push(e.violatedDirective));
try { eval('1 + 1'); seen.eval = 'ran'; } catch (e) { seen.eval = e.name; }
try { new Function('return 1')(); seen.function = 'ran'; } catch (e) { seen.function = e.name; }
setTimeout(() => postMessage(seen), 200);
`;

let buildDir: string;
let served: ServedCopy;
const work = mkdtempSync(join(tmpdir(), 'bp-security-'));

beforeAll(async () => {
  buildDir = buildApp('production');
  served = await serveWithCollector(buildDir, { 'csp-probe-worker.js': PROBE_WORKER });
}, 180_000);
afterAll(async () => {
  await served?.close();
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
  rmSync(work, { recursive: true, force: true });
});

const tabs = phoneTabs({ baseUrl: () => served.url });

/** What the collector recorded in this tab (page and workers), split into policy violations and other errors. */
async function recorded(page: Page): Promise<{ violations: string[]; errors: string[] }> {
  const all = await page.evaluate(() => (window as { __smokeErrors?: string[] }).__smokeErrors ?? ['the collector did not run']);
  const violation = (e: string) => e.includes('content security policy violation');
  return { violations: all.filter(violation), errors: all.filter((e) => !violation(e)) };
}

const dbWorkerFile = (dir: string) => readdirSync(join(dir, 'assets')).find((f) => /^db\.worker-.*\.js$/.test(f))!;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('the content security policy', () => {
  test('is in index.html (a meta tag, first after the charset) and in the header of every file, workers included', async () => {
    const index = await fetch(served.url);
    const html = await index.text();
    expect(html).toContain(`<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`);
    expect(META_POLICY).toBe(
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(HEADER_POLICY).toBe(`${META_POLICY}; frame-ancestors 'none'`);
    for (const path of ['', `assets/${dbWorkerFile(buildDir)}`, 'sw.js', 'manifest.webmanifest']) {
      const response = await fetch(`${served.url}${path}`);
      expect(response.headers.get('content-security-policy'), path || 'index.html').toBe(HEADER_POLICY);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    }
    // No inline script or style in the built page for the policy to block.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>|<style|\bstyle=|\bon[a-z]+=/i);
  });

  test('a newcomer’s walk through every screen, using each, fires no violation in the page or its workers', { timeout: 300_000 }, async () => {
    const page = await tabs.open();
    await seen(page.getByRole('heading', { name: 'Welcome to Bake Planner' }));
    for (const step of WALK) {
      await step.run(page);
      expect(await recorded(page), `after ${step.what}`).toEqual({ violations: [], errors: [] });
    }
    // The database worker really ran under the policy (it compiled sql.js's WebAssembly and answered).
    expect(page.workers().map((w) => w.url())).toContain(`${served.url}assets/${dbWorkerFile(buildDir)}`);
  });

  test('an injected inline script, handler, javascript: link, eval, <base>, form action and plugin are blocked and reported', async () => {
    const page = await tabs.open();
    await seen(page.getByRole('heading', { name: 'Welcome to Bake Planner' }));
    await page.evaluate(() => {
      (window as { ran?: string[] }).ran = [];
      const script = document.createElement('script');
      script.textContent = 'window.ran.push("inline script")';
      document.body.append(script);
      const box = document.createElement('div');
      box.innerHTML = `
        <img src="/favicon.svg" onload="window.ran.push('inline handler')">
        <a id="js-link" href="javascript:window.ran.push('javascript: link')">link</a>
        <form id="form" action="/elsewhere" method="get"><input name="q" value="x"></form>
        <object data="/favicon.svg" type="image/svg+xml"></object>`;
      document.body.append(box);
      const base = document.createElement('base');
      base.href = 'https://evil.example/';
      document.head.append(base);
      setTimeout('window.ran.push("eval")', 0);
    });
    await tap(page.locator('#js-link'));
    await page.evaluate(() => (document.getElementById('form') as HTMLFormElement).submit());
    await expect.poll(async () => (await recorded(page)).violations.length).toBeGreaterThanOrEqual(7);
    expect(await page.evaluate(() => (window as { ran?: string[] }).ran)).toEqual([]);
    const { violations } = await recorded(page);
    for (const directive of ['script-src-elem', 'script-src-attr', 'script-src', 'object-src', 'base-uri', 'form-action']) {
      expect(violations.some((v) => v.includes(`violation: ${directive} `)), `${directive} in ${violations.join('\n')}`).toBe(true);
    }
    // Still the app: the form did not navigate away, <base> changed no link.
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.evaluate(() => new URL('x', document.baseURI).origin)).toBe(new URL(served.url).origin);
  });

  test('a worker served by the app cannot eval either, and reports it', async () => {
    const page = await tabs.open();
    const seenInWorker = await page.evaluate(
      () =>
        new Promise<{ eval: string; function: string; violations: string[] }>((resolve) => {
          new Worker('/csp-probe-worker.js').onmessage = (e) => resolve(e.data);
        }),
    );
    expect(seenInWorker).toEqual({ eval: 'EvalError', function: 'EvalError', violations: ['script-src', 'script-src'] });
  });

  test('offline, the service worker’s copies keep the policy: the page’s meta tag and the workers’ header', async () => {
    const page = await tabs.open();
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    const workerPath = `/assets/${dbWorkerFile(buildDir)}`;
    const cached = await page.evaluate(async (paths) => {
      const out: Record<string, string | null> = {};
      for (const path of paths) {
        const response = await caches.match(path, { ignoreSearch: true });
        out[path] = response ? response.headers.get('content-security-policy') : 'not cached';
      }
      return out;
    }, ['/index.html', workerPath, '/csp-probe-worker.js']);
    expect(cached['/index.html']).toBe(HEADER_POLICY);
    expect(cached[workerPath]).toBe(HEADER_POLICY);

    await page.context().setOffline(true);
    await page.reload();
    await seen(page.getByRole('heading', { name: 'Welcome to Bake Planner' }));
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    expect(await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(META_POLICY);
    await tap(page.getByRole('button', { name: 'Start empty' }));
    await seen(page.getByRole('heading', { name: 'Your pantry is empty' }));
    expect(await recorded(page)).toEqual({ violations: [], errors: [] });
    await page.context().setOffline(false);
  });
});

/**
 * Starts the database worker of the build served at `origin` under the name the test build's page
 * gives it with ?test-hooks, from a page of that origin with no app tab (so it is the writer), and
 * asks it for a test-only write.
 */
async function askForTestHooks(page: Page, origin: string, workerFile: string): Promise<unknown[]> {
  await page.goto(`${origin}favicon.svg`);
  return page.evaluate(
    (url) =>
      new Promise<unknown[]>((resolve, reject) => {
        const worker = new Worker(url, { type: 'module', name: 'bake-planner-db test-hooks' });
        const replies: unknown[] = [];
        worker.onerror = (e) => reject(new Error(e.message));
        worker.onmessage = (e) => {
          const message = e.data as { kind: string; id?: number; notice?: { type: string; role?: string } };
          if (message.kind === 'notice' && message.notice?.role === 'writer') {
            worker.postMessage({ kind: 'request', id: 1, method: 'system.ping', params: undefined });
            worker.postMessage({ kind: 'request', id: 2, method: 'system.touch', params: { label: 'flour', value: 1 } });
          }
          if (message.kind === 'response') replies.push(message);
          if (replies.length === 2) resolve(replies);
        };
      }),
    `${origin}assets/${workerFile}`,
  );
}

describe('test hooks in the production build', () => {
  test('?test-hooks puts nothing on the page, and the hooks are not in the bundle', async () => {
    const page = await tabs.open('?test-hooks');
    await seen(page.getByRole('heading', { name: 'Welcome to Bake Planner' }));
    expect(await page.evaluate(() => '__bakePlanner' in window)).toBe(false);
    const bundle = (dir: string) =>
      readdirSync(join(dir, 'assets'))
        .filter((f) => f.endsWith('.js'))
        .map((f) => readFileSync(join(dir, 'assets', f), 'utf8'))
        .join('\n');
    expect(bundle(buildDir)).not.toContain('__bakePlanner');
    // The test build, built from the same code, has them: the check above can fail.
    expect(bundle(inject('buildDir'))).toContain('__bakePlanner');
  });

  test('its database worker, started under the test hooks’ name, answers but refuses every test-only request', async () => {
    const page = await tabs.open('favicon.svg');
    expect(await askForTestHooks(page, served.url, dbWorkerFile(buildDir))).toEqual([
      { kind: 'response', id: 1, ok: true, result: 'pong' },
      {
        kind: 'response',
        id: 2,
        ok: false,
        error: { code: 'UNKNOWN_METHOD', message: 'This request is available only to tests, in the test build opened with ?test-hooks.', details: {} },
      },
    ]);
  });

  test('the same request to the test build’s worker goes through (so the refusal above is the build’s doing)', async () => {
    const page = await tabs.open('favicon.svg');
    expect(await askForTestHooks(page, inject('baseUrl'), dbWorkerFile(inject('buildDir')))).toEqual([
      { kind: 'response', id: 1, ok: true, result: 'pong' },
      { kind: 'response', id: 2, ok: true, result: { label: 'flour', value: 1 } },
    ]);
  });
});

describe('hostile files through the screens', () => {
  /** Elements or links a hostile text would make if it were ever read as markup. */
  async function injected(page: Page): Promise<string[]> {
    return page.evaluate(() => {
      const found = [...document.querySelectorAll('#injected, img, iframe, object, embed, [onerror], [onload], form[action], script:not([src]), style')].map(
        (el) => el.outerHTML.slice(0, 80),
      );
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href]')) {
        if (new URL(a.href).origin !== location.origin) found.push(`a link to ${a.href}`);
      }
      return found;
    });
  }

  test('a Bake Tracker backup full of markup imports, and every screen shows its texts as text', { timeout: 180_000 }, async () => {
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Import a backup file' }));
    await page.getByLabel('Choose a backup file…').setInputFiles({ name: 'backup.json', mimeType: 'application/json', buffer: Buffer.from(hostileBakeryFile()) });
    await seen(page.getByText(/^Imported \d+ /).first());
    // The report names what it did not read, as text.
    await seen(page.getByText(`Not read by this version: 2 ${HOSTILE.section}.`));
    expect(await injected(page)).toEqual([]);

    for (const screen of SHOWN_AT) {
      await go(page, screen.hash, 'h1');
      for (const key of screen.shows) {
        await expect.poll(() => page.evaluate(() => document.body.innerText), { message: `${screen.what} shows ${key}` }).toContain(HOSTILE[key]);
      }
      expect(await injected(page), screen.what).toEqual([]);
    }
    // The type-ahead of a purchase lists the product by its brand and name.
    await go(page, '#/pantry/purchase', 'text=Record a purchase');
    await page.getByRole('combobox', { name: 'Product' }).fill('dark');
    await seen(page.getByRole('option', { name: /Bob/ }).first());
    expect(await page.getByRole('option').first().innerText()).toContain(HOSTILE.brand);
    expect(await injected(page)).toEqual([]);
    expect(await page.title()).toBe('Bake Planner');
    expect(await recorded(page)).toEqual({ violations: [], errors: [] });
  });

  test('a 1 GB file is refused by its size before it is read: as a Bake Tracker backup, and as a backup to restore', async () => {
    const huge = join(work, 'huge.json');
    writeFileSync(huge, '');
    // Sparse: 1 GB that takes no disk space, and that the browser would take seconds to read.
    truncateSync(huge, 1_073_741_824);
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Import a backup file' }));
    await page.getByLabel('Choose a backup file…').setInputFiles(huge);
    await seen(page.getByRole('alert').getByText('"huge.json" is 1.1 GB; a Bake Tracker backup can be at most 32 MB. Nothing was read.'));
    await expect.poll(() => page.getByRole('progressbar').count()).toBe(0);

    await tap(page.getByRole('button', { name: 'Start empty' }));
    await seen(page.getByRole('heading', { name: 'Your pantry is empty' }));
    await go(page, '#/settings', 'text=Database schema');
    await page.getByLabel('Choose a backup to restore…').setInputFiles(huge);
    await seen(page.getByRole('alert').getByText('"huge.json" is 1.1 GB; a Bake Planner backup can be at most 256 MB. Nothing was read. Your data is as it was.'));
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await recorded(page)).toEqual({ violations: [], errors: [] });
  });

  test('a backup with a trigger added (empty the pantry on the next purchase) is refused at restore; the data stays as it was', { timeout: 120_000 }, async () => {
    const page = await tabs.open();
    await tap(page.getByRole('button', { name: 'Explore sample data' }));
    await page.getByRole('heading', { name: 'Pantry', level: 1 }).waitFor({ timeout: 60_000 });
    await go(page, '#/settings', 'text=Database schema');
    const download = async () => {
      const [file] = await Promise.all([
        page.waitForEvent('download'),
        tap(page.getByRole('region', { name: 'Backup and restore' }).getByRole('button', { name: 'Download a backup' })),
      ]);
      return readFile(await file.path());
    };
    const before = await download();

    const engine = await SqlJsEngine.open(new Uint8Array(before));
    engine.exec('CREATE TRIGGER empty_pantry AFTER INSERT ON purchases BEGIN DELETE FROM lots; END');
    const hostile = join(work, 'pantry.sqlite');
    writeFileSync(hostile, engine.exportImage());
    engine.close();

    await page.getByLabel('Choose a backup to restore…').setInputFiles(hostile);
    await tap(page.getByRole('dialog', { name: 'Replace everything with this backup?' }).getByRole('button', { name: 'Replace everything' }));
    await seen(
      page
        .getByRole('alert')
        .getByText(
          'This backup was not made by Bake Planner, or was changed afterwards: its database has a trigger "empty_pantry" that Bake Planner does not make. Nothing was changed: your data is as it was.',
        ),
    );
    expect(sha256(await download())).toBe(sha256(before));
    expect(await recorded(page)).toEqual({ violations: [], errors: [] });
  });
});
