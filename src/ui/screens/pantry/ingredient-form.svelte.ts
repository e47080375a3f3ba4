/**
 * The state of the ingredient form (new or edit): name, the group it sits in
 * (picked by type-ahead; an empty box means a top-level category), its
 * measures and notes, all kept as typed. `request()` gives the worker's
 * parameters, or null after marking what must be fixed first.
 */
import type { ResultOf } from '../../../rpc/contract';
import { FieldErrors } from '../../state/field-errors.svelte';
import { MEASURE_FIELDS, MeasuresText } from './measures-form.svelte';

type Detail = ResultOf<'catalog.getIngredient'>;
/** What the form knows of a parent: enough to show it and send its id. */
interface ParentRef {
  id: number;
  name: string;
}

const INGREDIENT_FIELDS = ['name', 'parentId', 'notes', ...MEASURE_FIELDS] as const;

export class IngredientForm {
  name = $state('');
  parent = $state<ParentRef | null>(null);
  parentText = $state('');
  notes = $state('');
  readonly measures = new MeasuresText();
  readonly errors = new FieldErrors();

  /** Fills the form from the saved ingredient (editing) once it has loaded. */
  load(from: Detail): void {
    this.name = from.name;
    this.notes = from.notes;
    this.measures.load(from);
    const parent = from.path[from.path.length - 1];
    if (parent) this.pickParent(parent);
  }

  pickParent(parent: ParentRef): void {
    this.parent = parent;
    this.parentText = parent.name;
    delete this.errors.byField.parentId;
  }

  /** The box was edited away from the picked parent: nothing is picked until an option is chosen. */
  typedParent(text: string): void {
    if (this.parent && text !== this.parent.name) this.parent = null;
  }

  /** For a new ingredient: everything; for an edit, measures only when changed (see MeasuresText.changes). */
  request(editing: boolean) {
    this.errors.clear();
    if (this.parentText.trim() !== '' && !this.parent) {
      this.errors.set('parentId', 'Pick the group from the list, or empty the box to make this a top-level category.');
      return null;
    }
    const measures = editing ? this.measures.changes() : this.measures.request();
    return { name: this.name, parentId: this.parent?.id ?? null, notes: this.notes, ...measures };
  }

  showError(e: unknown): void {
    this.errors.fromError(e, INGREDIENT_FIELDS);
  }
}
