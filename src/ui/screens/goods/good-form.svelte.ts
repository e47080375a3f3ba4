/**
 * The state of the goods builder, kept apart from its markup: the good's
 * name and notes, and its lines as picked (a finished unit, another good,
 * or packaging with its product or "any"), each quantity as typed.
 * `request()` gives the worker's parameters; `previewRequest()` the lines
 * complete enough to explode and cost while building; `dirty` says whether
 * leaving would lose something.
 */
import type { ParamsOf, ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type Detail = ResultOf<'goods.get'>;
type LineInput = NonNullable<ParamsOf<'goods.create'>['lines']>[number];
export type LineKind = LineInput['kind'];

export interface Pick {
  id: number;
  name: string;
  /** What tells look-alikes apart: the recipe, the material. */
  detail: string;
  /** Packaging: its material, whose products may be assigned. */
  materialId?: number;
}

let keys = 0;

export class GoodLineText {
  readonly key = ++keys;
  quantity = $state('1');
  /** Packaging: the assigned product's id as text, '' for any product of the material (generic). */
  productId = $state('');

  constructor(
    readonly kind: LineKind,
    readonly item: Pick,
  ) {}

  input(quantity: number): LineInput {
    if (this.kind === 'unit') return { kind: 'unit', finishedUnitId: this.item.id, quantity };
    if (this.kind === 'good') return { kind: 'good', goodId: this.item.id, quantity };
    return { kind: 'material', materialUnitId: this.item.id, quantity, materialProductId: this.productId === '' ? null : Number(this.productId) };
  }
}

const ITEM_FIELD: Record<LineKind, string> = { unit: 'finishedUnitId', good: 'goodId', material: 'materialUnitId' };

export class GoodForm {
  name = $state('');
  notes = $state('');
  lines = $state<GoodLineText[]>([]);
  readonly errors = new FieldErrors();
  private kept = $state('');

  constructor() {
    this.keep();
  }

  load(from: Detail): void {
    this.name = from.name;
    this.notes = from.notes;
    this.lines = from.lines.map((l) => {
      const line =
        l.kind === 'unit'
          ? new GoodLineText('unit', { id: l.finishedUnit.id, name: l.finishedUnit.name, detail: l.finishedUnit.recipe.name })
          : l.kind === 'good'
            ? new GoodLineText('good', { id: l.good.id, name: l.good.name, detail: 'Good' })
            : new GoodLineText('material', { id: l.materialUnit.id, name: l.materialUnit.name, detail: l.material.name, materialId: l.material.id });
      line.quantity = inputNumber(l.quantity);
      if (l.kind === 'material') line.productId = l.materialProduct ? String(l.materialProduct.id) : '';
      return line;
    });
    this.keep();
  }

  add(kind: LineKind, item: Pick): GoodLineText {
    const line = new GoodLineText(kind, item);
    this.lines.push(line);
    return line;
  }

  remove(line: GoodLineText): void {
    this.lines = this.lines.filter((l) => l !== line);
    this.errors.clear();
  }

  request() {
    this.errors.clear();
    // Blank or unreadable goes as NaN: the worker's message names the line.
    return { name: this.name, notes: this.notes, lines: this.lines.map((l) => l.input(parseDecimal(l.quantity) ?? Number.NaN)) };
  }

  /** What the live preview explodes and costs: the lines with a number typed. */
  previewRequest(goodId: number | null) {
    const ready = this.lines.filter((l) => parseDecimal(l.quantity) !== null);
    return { goodId, name: this.name, lines: ready.map((l) => l.input(parseDecimal(l.quantity)!)), quantity: 1 };
  }

  private fields(): string[] {
    return ['name', 'notes', 'lines', ...this.lines.flatMap((l, i) => [`lines[${i}].quantity`, `lines[${i}].${ITEM_FIELD[l.kind]}`, `lines[${i}].materialProductId`])];
  }

  showError(e: unknown): void {
    this.errors.fromError(e, this.fields());
  }

  /** The messages at a line: its quantity, its item (a loop, an archived unit), its product. */
  lineErrors(line: GoodLineText): string[] {
    const i = this.lines.indexOf(line);
    return [`lines[${i}].${ITEM_FIELD[line.kind]}`, `lines[${i}].quantity`, `lines[${i}].materialProductId`]
      .map((f) => this.errors.of(f))
      .filter((m): m is string => m !== null);
  }

  private snapshot(): string {
    return JSON.stringify([this.name, this.notes, this.lines.map((l) => [l.kind, l.item.id, l.quantity, l.productId])]);
  }

  keep(): void {
    this.kept = this.snapshot();
  }

  get dirty(): boolean {
    return this.snapshot() !== this.kept;
  }
}
