/**
 * The snapshot commands as the README runs them: the real `bake-planner`
 * command in its own process, on real files. A failed import leaves the
 * database file byte-for-byte as it was; a dry run never creates it.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIN = join(ROOT, 'src/cli/bin.mjs');
const FIXTURE = join(ROOT, 'src/services/sample/bake-tracker-sample.json');

function cli(...argv: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

const SLOW = { timeout: 120_000 };
const workDir = () => mkdtempSync(join(tmpdir(), 'bp-snapshot-'));
const hashOf = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const docExample = () => {
  const text = readFileSync(join(ROOT, 'docs/export-format.md'), 'utf8');
  const doc = JSON.parse(/```json\n([\s\S]*?)\n```/.exec(text)![1]!) as Record<string, unknown>;
  delete doc.events;
  return doc;
};

describe('snapshot commands', SLOW, () => {
  it('demo makes a new file and refuses an existing one; export, import into a new file and export again give the same bytes', () => {
    const dir = workDir();
    const demo = join(dir, 'demo.sqlite');
    expect(cli('demo', demo).code).toBe(0);
    const hash = hashOf(demo);
    const again = cli('demo', demo);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/already exists/);
    expect(hashOf(demo)).toBe(hash);

    const first = cli('export', demo);
    expect(first.code).toBe(0);
    const doc = JSON.parse(first.out) as { format: string; recipes: unknown[]; exported_at: string };
    expect(doc.format).toBe('bake-planner-snapshot');
    expect(doc.recipes).toHaveLength(20);
    const file = join(dir, 'demo.json');
    expect(cli('export', demo, '--out', file).out).toMatch(/^Exported \d+ records to /);
    // The file, written in pieces, holds what stdout printed, and nothing is left beside it.
    const exportedAt = /"exported_at": "[^"]*"/;
    expect(readFileSync(file, 'utf8').replace(exportedAt, '')).toBe(first.out.replace(exportedAt, ''));
    expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);

    const copy = join(dir, 'copy.sqlite');
    const dry = cli('import', copy, file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/^Dry run, nothing written/);
    expect(existsSync(copy)).toBe(false);
    const imported = cli('import', copy, file, '--json');
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ ok: true, written: true });
    const second = cli('export', copy, '--json');
    const strip = (text: string) => text.replace(/"exported_at": "[^"]*"/, '');
    expect(strip(second.out)).toBe(strip(first.out));

    // Restoring into a database with data is refused; a merge skips everything it already has.
    const twice = cli('import', copy, file);
    expect(twice.code).toBe(1);
    expect(twice.err).toMatch(/already holds data.*--merge/);
    const merged = cli('import', copy, file, '--merge', '--json');
    expect(JSON.parse(merged.out).summary).toMatch(/^Nothing new: everything in this file is already here \(\d[\d,]* records\)\.$/);
  });

  it('a refused file prints every problem with its path, exits 1 and leaves the database file as it was', () => {
    const dir = workDir();
    const db = join(dir, 'bakery.sqlite');
    const good = join(dir, 'good.json');
    writeFileSync(good, JSON.stringify(docExample()));
    expect(cli('import', db, good).code).toBe(0);
    const hash = hashOf(db);

    const doc = docExample() as { recipes: { ingredients: { unit: string }[] }[] };
    doc.recipes[0]!.ingredients[2]!.unit = 'cupz';
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify(doc));
    const r = cli('import', db, bad, '--merge');
    expect(r.code).toBe(1);
    expect(r.err).toContain('recipes[0].ingredients[2].unit: "cupz" is not a unit');
    expect(hashOf(db)).toBe(hash);

    const json = cli('import', db, bad, '--merge', '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out).error).toMatchObject({ code: 'IMPORT', details: { problems: expect.arrayContaining([expect.objectContaining({ path: 'recipes[0].ingredients[2].unit' })]) } });

    const validate = cli('validate', bad);
    expect(validate.code).toBe(1);
    expect(validate.err).toContain('recipes[0].ingredients[2].unit');
    expect(cli('validate', good).code).toBe(0);

    const notJson = join(dir, 'notes.txt');
    writeFileSync(notJson, 'flour, 2 cups');
    const nj = cli('import', db, notJson, '--merge');
    expect(nj.code).toBe(1);
    expect(nj.err).toMatch(/^error: This is not a Bake Planner export or Bake Tracker backup: it holds text/);
    expect(hashOf(db)).toBe(hash);
  });

  it('import recognises a Bake Tracker backup by its header', () => {
    const db = join(workDir(), 'bt.sqlite');
    const r = cli('import', db, FIXTURE, '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as { source: { application: string }; counts: Record<string, { created: number }> };
    expect(report.source.application).toBe('bake-tracker');
    expect(report.counts.ingredient!.created).toBe(413);
  });
});
