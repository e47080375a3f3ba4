/**
 * Registers the generated service worker (it precaches the app shell and the
 * sql.js wasm, so the app opens offline) through workbox-window, and offers
 * a waiting new version instead of swapping code under the baker: when one is
 * ready, `onUpdate` receives a function that activates it and reloads once
 * it controls the page. The UI decides when to call it (a "Reload" button).
 * Does nothing in the dev server, which has no service worker.
 */
import { Workbox } from 'workbox-window';

export interface ServiceWorkerOptions {
  /** Called when a new version is installed and waiting; `activate` switches to it and reloads. */
  onUpdate(activate: () => void): void;
}

export function registerServiceWorker(options: ServiceWorkerOptions): void {
  if (import.meta.env.DEV || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  const base = import.meta.env.BASE_URL;
  const wb = new Workbox(`${base}sw.js`, { scope: base });
  wb.addEventListener('waiting', () => {
    options.onUpdate(() => {
      wb.addEventListener('controlling', () => window.location.reload());
      wb.messageSkipWaiting();
    });
  });
  void wb.register();
}
