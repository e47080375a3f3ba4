/**
 * Once per browser test run: find (or install) every browser the tests
 * drive, build the app (the test build, with its test hooks), serve it with
 * `vite preview` on a free port, and hand its URL to the tests
 * (`inject('baseUrl')`, and the build folder as `inject('buildDir')`). The server stops and the build folder is removed
 * when the run ends.
 */
import type { TestProject } from 'vitest/node';
import { ensureTestBrowsers } from '../setup/test-browsers';
import { buildAndServe } from './helpers/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** The folder `vite preview` serves, for the test that publishes a new version. */
    buildDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  // `npm test` has done this already (pretest); a direct `vitest run --project browser` has not.
  ensureTestBrowsers();
  const server = await buildAndServe('test-hooks');
  project.provide('baseUrl', server.url);
  project.provide('buildDir', server.outDir);
  return () => server.stop();
}
