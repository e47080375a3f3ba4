/** How two tabs' app versions compare: the newer one takes over the database, the older one reloads. */
import { describe, expect, test } from 'vitest';
import { compareVersions } from '../../../src/rpc/app-version';

describe('compareVersions', () => {
  test.each([
    ['0.1.0', '0.2.0'],
    ['0.9.0', '0.10.0'],
    ['0.1.9', '0.1.10'],
    ['1.9.9', '2.0.0'],
    ['1.0.0-beta', '1.0.0'],
    ['1.0.0-alpha', '1.0.0-beta'],
    ['1.0.0-beta.2', '1.0.0-beta.11'],
    ['1.0.0-1', '1.0.0-alpha'],
    ['1.0', '1.0.1'],
  ])('%s is older than %s', (older, newer) => {
    expect(compareVersions(older, newer)).toBeLessThan(0);
    expect(compareVersions(newer, older)).toBeGreaterThan(0);
  });

  test.each([
    ['0.1.0', '0.1.0'],
    ['1.2.3+build.7', '1.2.3'],
    [' 1.2.3 ', '1.2.3'],
  ])('%s is the same version as %s', (a, b) => {
    expect(compareVersions(a, b)).toBe(0);
  });
});
