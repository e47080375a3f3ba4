/**
 * `npm test`'s first step (the `pretest` script): finds or installs every
 * browser the tests drive (see test-browsers.ts), or stops with one message
 * saying what to run before a single test starts.
 */
import { BrowsersMissingError, ensureTestBrowsers } from './test-browsers';

try {
  ensureTestBrowsers();
} catch (e) {
  if (!(e instanceof BrowsersMissingError)) throw e;
  console.error(`\n${e.message}\n`);
  process.exit(1);
}
