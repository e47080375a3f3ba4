import { defineConfig, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { META_POLICY, SECURITY_HEADERS } from './src/platform/content-security-policy.ts';

/** The mode of the browser tests' build, the only one with test hooks in it (src/test-hooks-flag.d.ts). */
const TEST_HOOKS_MODE = 'test-hooks';

/**
 * The content security policy as the first thing in the built index.html's head, so it covers every
 * tag after it. Only in builds: the dev server injects its own client and styles while it runs.
 */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'bake-planner:content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const charset = '<meta charset="UTF-8" />';
        if (!html.includes(charset)) throw new Error(`index.html has no ${charset} to put the content security policy after`);
        return html.replace(charset, `${charset}\n    <meta http-equiv="Content-Security-Policy" content="${META_POLICY}" />`);
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  define: {
    __TEST_HOOKS__: JSON.stringify(mode === TEST_HOOKS_MODE),
    // A new value at every build (src/rpc/app-version.ts, BUILD_ID).
    __BUILD_ID__: JSON.stringify(`${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`),
  },
  // What `npm start` (vite preview) sends with every file: the policy reaches the workers only this way.
  preview: { headers: SECURITY_HEADERS },
  plugins: [
    contentSecurityPolicy(),
    svelte(),
    // The service worker precaches the whole shell, the worker and the sql.js wasm, so the app opens
    // offline. New versions wait until the page offers a reload (src/platform/service-worker.ts).
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['apple-touch-icon.png', 'favicon.svg'],
      manifest: {
        name: 'Bake Planner',
        short_name: 'Bake Planner',
        description: 'Plan seasonal baking: batches, shopping, costs and progress. Works offline.',
        theme_color: '#b5562b',
        background_color: '#fbf5ec',
        display: 'standalone',
        start_url: '.',
        scope: '.',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,wasm,png,svg,webmanifest}'],
        navigateFallback: 'index.html',
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  worker: {
    format: 'es',
    // The worker's entry starts the opening and loads the rest (src/worker/db.worker.ts), both as dynamic
    // imports; the entry itself shares no module with them, so the bundler gives early-start.ts (and
    // what it imports, the bundler's own helpers included) a chunk that tab.ts imports, and nothing
    // imports the entry back: WebKitGTK 2.50 never finishes loading a dynamic import that does (the
    // smoke suite hangs on "Opening your pantry…"). A named chunk group for early-start did the same
    // but left the bundler's helpers in a third chunk, one more round trip before early-start ran.
  },
  build: { target: 'es2022', sourcemap: true },
}));
