/**
 * The app a baker installs: it opens and saves with no connection at all
 * once it has been opened once, and Chromium considers it installable (web
 * app manifest with name, icons including a maskable one, standalone display,
 * start URL and scope; an apple-touch-icon for iOS). A new version is
 * offered, never swapped in under the baker.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import { call, launch, openApp, type Profile } from './helpers/browser';

let profile: Profile;
beforeAll(async () => (profile = await launch()));
afterAll(async () => profile?.remove());

test('opened once, then offline: the app reloads from the service worker and a write succeeds', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await call(page, 'system.touch', { label: 'flour (g)', value: 1000 });
  // Wait until the service worker has precached the shell and wasm and is active.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  await profile.context.setOffline(true);
  await page.reload();
  await page.waitForFunction(() => window.__bakePlanner !== undefined);
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  expect(await call(page, 'system.info')).toMatchObject({ schemaVersion: expect.any(Number) });
  await call(page, 'system.touch', { label: 'sugar (g)', value: 500 });
  expect(await call(page, 'system.touched')).toEqual({ 'flour (g)': 1000, 'sugar (g)': 500 });
  await profile.context.setOffline(false);
});

test('installable: no installability errors, and the manifest has every field an install needs', async () => {
  const baseUrl = inject('baseUrl');
  const page = await openApp(profile.context, baseUrl);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  const cdp = await profile.context.newCDPSession(page);
  const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as {
    installabilityErrors: { errorId: string }[];
  };
  expect(installabilityErrors).toEqual([]);

  const { url, errors, data } = (await cdp.send('Page.getAppManifest')) as {
    url: string;
    errors: unknown[];
    data: string;
  };
  expect(errors).toEqual([]);
  const manifest = JSON.parse(data) as Record<string, unknown> & {
    icons: { src: string; sizes: string; purpose?: string; type: string }[];
  };
  expect(manifest).toMatchObject({
    name: 'Bake Planner',
    short_name: 'Bake Planner',
    description: expect.stringMatching(/offline/i),
    display: 'standalone',
    theme_color: expect.stringMatching(/^#/),
    background_color: expect.stringMatching(/^#/),
    start_url: expect.any(String),
    scope: expect.any(String),
  });
  const sizes = (purpose: string) =>
    manifest.icons.filter((i) => (i.purpose ?? 'any').split(' ').includes(purpose)).map((i) => i.sizes);
  expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']));
  expect(sizes('maskable')).toEqual(['512x512']);

  // Every icon is a real PNG of the size it claims, and iOS gets its apple-touch-icon.
  const appleTouch = await page.evaluate(() => document.querySelector('link[rel="apple-touch-icon"]')?.getAttribute('href'));
  expect(appleTouch).toBeTruthy();
  const icons = [...manifest.icons.map((i) => ({ src: new URL(i.src, url).href, sizes: i.sizes })), { src: new URL(appleTouch!, baseUrl).href, sizes: '180x180' }];
  for (const icon of icons) {
    const bytes = new Uint8Array(await (await fetch(icon.src)).arrayBuffer());
    expect(Buffer.from(bytes.subarray(1, 4)).toString('ascii')).toBe('PNG');
    const view = new DataView(bytes.buffer);
    expect(`${view.getUint32(16)}x${view.getUint32(20)}`).toBe(icon.sizes);
  }
});

test('a new version is offered with a reload button instead of replacing the running app', async () => {
  const page = await openApp(profile.context, inject('baseUrl'));
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.evaluate(() => ((window as unknown as { sameDocument: boolean }).sameDocument = true));

  // Publish a new version: any change to the service worker script is one.
  const swPath = join(inject('buildDir'), 'sw.js');
  const original = readFileSync(swPath, 'utf8');
  writeFileSync(swPath, `${original}\n// next version\n`);
  try {
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
    const reload = page.getByRole('button', { name: 'Reload' });
    await reload.waitFor();
    // Offered, not forced: the same document is still running with the old version in control.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting !== null)).toBe(true);

    await Promise.all([page.waitForEvent('load'), reload.click()]);
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBeUndefined();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.waiting)).toBeNull();
  } finally {
    writeFileSync(swPath, original);
  }
});
