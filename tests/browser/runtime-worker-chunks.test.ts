/**
 * The database worker's chunks as the build lays them out (vite.config.ts,
 * src/worker/db.worker.ts), read from the test run's own build: the entry
 * asks for early-start and the main code side by side; early-start needs no
 * other chunk, so the opening starts after one round trip; and no chunk
 * imports the entry back, which WebKitGTK 2.50 never finishes loading.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, inject, test } from 'vitest';

const STATIC = /\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]\.\/([^"'`]+)["'`]/g;
const DYNAMIC = /\bimport\(\s*["'`]\.\/([^"'`]+)["'`]\s*\)/g;
const found = (pattern: RegExp, code: string) => [...code.matchAll(pattern)].map((m) => m[1]!);

test('the worker entry loads two chunks at once; the early one imports nothing; nothing imports the entry', () => {
  const assets = join(inject('buildDir'), 'assets');
  const scripts = new Map(
    readdirSync(assets)
      .filter((name) => name.endsWith('.js'))
      .map((name) => [name, readFileSync(join(assets, name), 'utf8')]),
  );
  const entries = [...scripts.keys()].filter((name) => /^db\.worker-.*\.js$/.test(name));
  expect(entries).toHaveLength(1);
  const entry = entries[0]!;

  const asked = found(DYNAMIC, scripts.get(entry)!);
  expect(asked).toEqual([expect.stringMatching(/^early-start-.*\.js$/), expect.stringMatching(/^tab-.*\.js$/)]);
  expect(found(STATIC, scripts.get(entry)!)).toEqual([]);
  const [early, main] = asked as [string, string];
  expect(found(STATIC, scripts.get(early)!)).toEqual([]);
  expect(found(STATIC, scripts.get(main)!)).toContain(early);

  const importers = [...scripts].filter(([, code]) => [...found(STATIC, code), ...found(DYNAMIC, code)].includes(entry));
  expect(importers.map(([name]) => name)).toEqual([]);
});
