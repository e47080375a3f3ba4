/**
 * Names a baker picks from a list are unique (ignoring case, spacing and
 * accent encoding, as nameKey compares them), in the file and against the
 * database, within a scope (material units within their material, products
 * within their ingredient). The first record to claim a name keeps it; a
 * later one is rejected naming the clash.
 */
import type { Tx } from '../../db/session';
import { RecordProblem } from '../../domain/bake-tracker-records';
import { nameKey } from '../../domain/validate';

export class Names {
  private readonly taken = new Map<string, { name: string; where: string }>();

  constructor(
    /** "There is already a recipe called X" from X and where it is. */
    private readonly message: (existing: string, where: string) => string,
  ) {}

  /** Names of a table's rows (in scope `scope` of each row, when given). */
  static fromRows(rows: readonly { name: string; scope?: string | number | null; key?: string }[], message: (existing: string, where: string) => string): Names {
    const names = new Names(message);
    for (const r of rows) names.taken.set(`${r.scope ?? ''}|${r.key ?? nameKey(r.name)}`, { name: r.name, where: 'in the database' });
    return names;
  }

  static fromTable(t: Tx, table: string, message: (existing: string, where: string) => string): Names {
    return Names.fromRows(t.all<{ name: string }>(`SELECT name FROM ${table}`), message);
  }

  /** Takes `name` for a record at `path`, or throws the clash at `field`. */
  claim(name: string, path: string, field: string, scope: string | number | null = null, key = nameKey(name)): void {
    const id = `${scope ?? ''}|${key}`;
    const clash = this.taken.get(id);
    if (clash !== undefined) {
      throw new RecordProblem(`${path}.${field}`, this.message(clash.name, clash.where));
    }
    this.taken.set(id, { name, where: `at ${path}` });
  }
}
