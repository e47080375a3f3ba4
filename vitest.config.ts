import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // Unit tests run on real sql.js and the real sample data; on a busy two-core machine a
          // correct test can take several seconds. Speed is measured by `npm run bench`, not here.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Every core: Vitest's default (cores - 1) is one worker on a two-core machine, and the unit
          // files then ran one after another on a single core (about 310 s of the run).
          maxWorkers: availableParallelism(),
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // One Chromium at a time: the machine has two cores. Two at once were tried (browser project
          // 597 s -> 510 s) and starved the unit run beside them until a test timed out.
          fileParallelism: false,
          // One worker process for every browser file instead of a new one per file: each file
          // launches its own browser and shares no module state, and a fresh worker spent 1-4 s
          // loading playwright-core and the helpers again before every one of the 31 files.
          // (Vitest hands all the files to one worker only when its group holds this project alone.)
          isolate: false,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
