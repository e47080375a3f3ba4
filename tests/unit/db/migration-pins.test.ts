/**
 * Migrations are numbered 1, 2, 3… without gaps, one file each
 * (src/db/migrations/NNN-name.ts), and a released migration never changes:
 * databases on bakers' phones already ran it, so editing it would leave their
 * schema different from a new one. Each migration's SQL is pinned here by its
 * SHA-256.
 *
 * Adding migration N (the lead assigns N): write src/db/migrations/NNN-name.ts,
 * add it to MIGRATIONS in src/db/migrations/index.ts, run this test, and add
 * the line it prints (`N: '<sha256>',`) to PINNED below. While it is unmerged
 * you may change it and its pin together; once on main, never again.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, type Migration } from '../../../src/db/migrations';

export const PINNED: Readonly<Record<number, string>> = {
  1: 'b3f8ebd17ce2b6d774ffc352822d70cc639c07a1ecaf5e7d4aa1479fbce37cef',
  2: '23ffcf86945263a00dcaddef74998238f37177bdecf141db047e6cb96cf40101',
  3: 'ab3d5afe7fcaa8aa32f248d234de311c7b7aafb2c6897ad3ae13cc4a903b96d5',
  4: 'ec74e2683d9588d0283962af71e15a98aeb9688dcdbf9852a186c07b18d0cec0',
  5: '97a944cefa20c49659f4565eedb092f960999652981848a699633cca480284a1',
  6: '0894b5a285dd1f9c2efee1cc896938cc02b81f7fc2e578f60f537a5bed52c881',
};

const MIGRATIONS_DIR = join(import.meta.dirname, '../../../src/db/migrations');

const hashOf = (m: Migration) => createHash('sha256').update(m.up).digest('hex');

/** What is wrong with a list of migrations, its files and its pins (empty when all is well). */
export function migrationProblems(migrations: readonly Migration[], files: readonly string[], pins: Readonly<Record<number, string>>): string[] {
  const problems: string[] = [];
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) problems.push(`MIGRATIONS[${i}] is version ${m.version}; expected ${i + 1} (numbers run 1, 2, 3… without gaps)`);
  });
  const numbered = files.filter((f) => f !== 'index.ts').map((f) => ({ file: f, version: Number(/^(\d{3})-[a-z0-9-]+\.ts$/.exec(f)?.[1] ?? NaN) }));
  for (const { file, version } of numbered) {
    if (Number.isNaN(version)) problems.push(`${file} is not named NNN-name.ts`);
    else if (!migrations.some((m) => m.version === version)) problems.push(`${file} is not listed in MIGRATIONS`);
  }
  for (const m of migrations) {
    if (!numbered.some((f) => f.version === m.version)) problems.push(`migration ${m.version} has no file ${String(m.version).padStart(3, '0')}-name.ts`);
    const hash = hashOf(m);
    if (!Object.hasOwn(pins, m.version)) problems.push(`migration ${m.version} is not pinned: add  ${m.version}: '${hash}',  to PINNED`);
    else if (pins[m.version] !== hash) problems.push(`migration ${m.version} (${m.name}) changed since it was pinned; a released migration is never edited: add a new one`);
  }
  for (const version of Object.keys(pins).map(Number)) {
    if (!migrations.some((m) => m.version === version)) problems.push(`PINNED has migration ${version}, which no longer exists`);
  }
  return problems;
}

describe('migrations: numbered without gaps, each released one pinned', () => {
  it('the migrations run 1, 2, 3… one file each, and each matches its pinned hash', () => {
    expect(migrationProblems(MIGRATIONS, readdirSync(MIGRATIONS_DIR), PINNED)).toEqual([]);
  });

  it('catches a gap, a file not listed, an edited released migration and an unpinned one (the guard can fail)', () => {
    const initial = MIGRATIONS[0]!;
    const edited = { ...initial, up: `${initial.up}\nCREATE TABLE sneaky (x);` };
    const third = { version: 3, name: 'skips two', up: 'CREATE TABLE later (x);' };
    // Only migration 1 released, whatever main has pinned since.
    const pins = { 1: PINNED[1]! };
    expect(migrationProblems([edited, third], ['001-initial.ts', '003-skips-two.ts', '004-forgotten.ts', 'index.ts'], pins)).toEqual([
      'MIGRATIONS[1] is version 3; expected 2 (numbers run 1, 2, 3… without gaps)',
      '004-forgotten.ts is not listed in MIGRATIONS',
      'migration 1 (initial schema) changed since it was pinned; a released migration is never edited: add a new one',
      `migration 3 is not pinned: add  3: '${hashOf(third)}',  to PINNED`,
    ]);
  });
});
