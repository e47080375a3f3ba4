/**
 * The smoke suite (smoke.ts) in WebKit, the engine of Safari and of every
 * browser on an iPhone, at an iPhone's size; and how the app speaks about
 * storage in a WebKit without the Storage API (WebKitGTK has none).
 *
 *   npx vitest run --project browser tests/browser/engines/webkit.test.ts
 */
import { expect, test } from 'vitest';
import { smokeSuite } from './smoke';
import { webkit } from './webkit';

smokeSuite(webkit(), (suite) => {
  test('no Storage API: Settings says the data is not known to be kept, what may clear it, and what to do', async () => {
    const tab = suite.tab();
    expect(await tab.tab.evaluate(() => 'storage' in navigator)).toBe(false);
    await tab.go('#/settings');
    await tab.see('Not known');
    await tab.see('This browser does not say whether it will keep Bake Planner’s data, and cannot be asked to.');
    await tab.see('Safari clears data of sites not used for 7 days unless the app is added to the home screen');
    await tab.see('Download a backup');
  });
});
