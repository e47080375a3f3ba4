/**
 * True only in the test build (`vite build --mode test-hooks`, made by
 * tests/browser/helpers/server.ts), false in every other build: vite.config.ts
 * writes the value into the code, so a production bundle has no test hooks in
 * it at all, whatever its URL says (docs/design/security.md).
 */
declare const __TEST_HOOKS__: boolean;
