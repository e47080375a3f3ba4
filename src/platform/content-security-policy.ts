/**
 * The content security policy of the built app: the browser runs only the
 * app's own files, so text that slipped into the page as markup could never
 * run as a script. vite.config.ts writes it twice, from this one list:
 *
 * - as a `<meta http-equiv>` in index.html, which travels with the page
 *   wherever it is served from: `npm start`, any static host, and the
 *   service worker's copy when the app opens offline;
 * - as a response header from `vite preview` (`npm start`), because a
 *   `<meta>` policy does not reach workers: the database worker and the
 *   service worker get theirs only from the header their script came with,
 *   and the service worker keeps those headers with its precached copies.
 *   The header also carries `frame-ancestors`, which a `<meta>` cannot.
 *
 * Why each directive (docs/design/security.md):
 * - nothing is allowed unless listed (`default-src 'none'`);
 * - scripts only from the app's origin, no inline script, no eval;
 *   `'wasm-unsafe-eval'` lets sql.js compile its WebAssembly and nothing more;
 * - styles only from the app's stylesheets: Svelte writes `style:` and
 *   `style={…}` through the CSSOM (`element.style`), which a policy does not
 *   govern, so no `'unsafe-inline'` is needed; a literal `style="…"` in a
 *   component would be blocked (and fails the CSP walk in the browser tests);
 * - images, the manifest, workers (the database worker and the service
 *   worker) and connections (sql.js fetching its wasm, the service worker's
 *   precache) only from the app's origin;
 * - no plugins, no `<base>`, no form submitted anywhere (forms are handled
 *   in script), and no other site may frame the app.
 */

type Directives = Readonly<Record<string, readonly string[]>>;

const SELF = "'self'";
const NONE = "'none'";

const DIRECTIVES: Directives = {
  'default-src': [NONE],
  'script-src': [SELF, "'wasm-unsafe-eval'"],
  'style-src': [SELF],
  'img-src': [SELF],
  'connect-src': [SELF],
  'worker-src': [SELF],
  'manifest-src': [SELF],
  'object-src': [NONE],
  'base-uri': [NONE],
  'form-action': [NONE],
};

/** Directives a browser ignores (with a console warning) when the policy comes in a `<meta>`. */
const HEADER_ONLY: Directives = {
  'frame-ancestors': [NONE],
};

function text(directives: Directives): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy for index.html's `<meta http-equiv="Content-Security-Policy">`. */
export const META_POLICY = text(DIRECTIVES);

/** The same policy as a response header, for every file the server sends (workers included). */
export const HEADER_POLICY = text({ ...DIRECTIVES, ...HEADER_ONLY });

/** Headers `vite preview` (and so `npm start`) sends with every file. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': HEADER_POLICY,
  // A file is what its type says: a JSON or text response is never run as a script.
  'X-Content-Type-Options': 'nosniff',
  // The app never links elsewhere; if it ever does, the other site learns nothing of the baker's URLs.
  'Referrer-Policy': 'no-referrer',
};
