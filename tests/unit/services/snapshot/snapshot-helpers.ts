/** Shared by the snapshot tests: the JSON Schema (checked with Ajv, not by hand), the doc's examples, databases compared by their export. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { Database } from '../../../../src/db/session';
import { snapshotText } from '../../../../src/domain/snapshot-format';
import { exportSnapshot, writeSnapshot } from '../../../../src/services/snapshot/export';
import { loadSample } from '../../../../src/services/sample/sample-pantry';
import { openSqlJsDatabase } from '../../../../src/db/open';
import { TEST_NOW, testDb } from '../../../helpers/db';

const ROOT = join(import.meta.dirname, '../../../..');

const schema = JSON.parse(readFileSync(join(ROOT, 'docs/export-format.schema.json'), 'utf8')) as object;
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

/** The schema's complaints about a document (empty when it conforms). */
export function schemaErrors(doc: unknown): string[] {
  return validate(doc) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`);
}

/** The ```json blocks of docs/export-format.md, parsed, in order. */
export function docExamples(): unknown[] {
  const text = readFileSync(join(ROOT, 'docs/export-format.md'), 'utf8');
  return [...text.matchAll(/```json\n([\s\S]*?)\n```/g)].map((m) => JSON.parse(m[1]!) as unknown);
}

/**
 * A database's whole content, as its export says it (the export's time fixed, so equal data gives equal
 * text). Written both ways, in pieces as a file is and as one document, which must agree byte for byte:
 * so every test comparing content also proves the pieces right, on every kind of record those tests make.
 */
export function contentOf(db: Database): string {
  const options = { exportedAt: '2000-01-01T00:00:00.000Z', appVersion: 'test' };
  const pieces: string[] = [];
  writeSnapshot(db, (piece) => pieces.push(piece), options);
  const text = pieces.join('');
  if (text !== snapshotText(exportSnapshot(db, options))) throw new Error('The export written in pieces differs from the whole document.');
  return text;
}

export const SAMPLE_FILE = () => JSON.parse(readFileSync(join(ROOT, 'src/services/sample/bake-tracker-sample.json'), 'utf8')) as unknown;

let demoImage: Uint8Array | null = null;

/** The demo bakery in a fresh database (built once per test file, then copied from its image). */
export async function demoBakery(): Promise<Database> {
  if (!demoImage) {
    const db = await testDb();
    loadSample(db, SAMPLE_FILE());
    demoImage = db.engine.exportImage!();
    db.close();
  }
  return openSqlJsDatabase({ image: demoImage, clock: () => TEST_NOW });
}

/** Loading the sample and importing whole files takes seconds on a busy machine. */
export const SLOW = { timeout: 60_000 };
