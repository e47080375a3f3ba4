/**
 * Phone tests press things the way a finger does. A screen's browser test
 * (every tests/browser/*.test.ts but the runtime's own, which drive whole
 * browser profiles) opens its tabs through phoneTabs(), a touch screen, and
 * presses only through its tap() helper, which fails when a tap's click lands
 * on something else: a mouse click, a bare Playwright tap or a synthetic
 * pointer event would each hide a tap-through.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, read } from './source-files';

const BROWSER_TESTS = join(ROOT, 'tests/browser');
/** Tests of the runtime itself (persistence, tabs, offline, recovery): they launch profiles, not phones. */
const RUNTIME = /^runtime-/;
/** Ways to press something that are not a finger's tap through the helper. */
const NOT_A_TAP = [/\.click\(/, /\.dblclick\(/, /\.tap\(/, /dispatchEvent\(\s*['"](pointer|mouse|touch)/, /\.mouse\./];

function offences(source: string): string[] {
  return source
    .split('\n')
    .map((line, i) => ({ line: line.trim(), n: i + 1 }))
    .filter(({ line }) => NOT_A_TAP.some((p) => p.test(line)))
    .map(({ line, n }) => `${n}: ${line}`);
}

const screenTests = readdirSync(BROWSER_TESTS).filter((name) => name.endsWith('.test.ts') && !RUNTIME.test(name));

describe('phone tests tap with a finger, through the helper', () => {
  it('finds the screen tests', () => {
    expect(screenTests.length).toBeGreaterThan(4);
  });

  it.each(screenTests)('%s opens its tabs on a touch phone (phoneTabs)', (name) => {
    expect(read(join(BROWSER_TESTS, name))).toMatch(/\bphoneTabs\(/);
  });

  it.each(screenTests)('%s presses only through tap()', (name) => {
    expect(offences(read(join(BROWSER_TESTS, name)))).toEqual([]);
  });

  it('catches a mouse click, a bare tap and a synthetic pointer event', () => {
    const bad = "await page.getByRole('button').click();\nawait option.tap();\nawait li.dispatchEvent('pointerdown');\nawait tap(ok);";
    expect(offences(bad).map((o) => o.split(':')[0])).toEqual(['1', '2', '3']);
  });
});
