/**
 * The smoke suite (smoke.ts) in Firefox ESR, at a desktop's size.
 *
 *   npx vitest run --project browser tests/browser/engines/firefox.test.ts
 */
import { firefox } from './firefox';
import { smokeSuite } from './smoke';

smokeSuite(firefox());
