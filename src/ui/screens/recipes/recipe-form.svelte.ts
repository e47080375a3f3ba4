/**
 * The state of the recipe editor, kept apart from its markup: the recipe's
 * fields and its lines exactly as typed (text, so nothing is reformatted
 * under the baker's thumb), the ingredient or sub-recipe picked on each line,
 * and the errors per field. `request()` gives the worker's parameters;
 * `previewRequest()` the lines complete enough to price while typing; `dirty`
 * says whether leaving would lose something.
 */
import type { ParamsOf, ResultOf } from '../../../rpc/contract';
import { inputNumber, parseDecimal } from '../../format';
import { FieldErrors } from '../../state/field-errors.svelte';

type Detail = ResultOf<'recipes.get'>;
type Saving = ParamsOf<'recipes.create'>;

export interface Ref {
  id: number;
  name: string;
}

let keys = 0;

export class IngredientLineText {
  readonly key = ++keys;
  ingredient = $state<Ref | null>(null);
  text = $state('');
  quantity = $state('');
  unit = $state('');
  notes = $state('');

  pick(ingredient: Ref): void {
    this.ingredient = ingredient;
    this.text = ingredient.name;
  }

  /** The box was edited away from the picked ingredient: nothing is picked until an option is chosen. */
  typed(text: string): void {
    if (this.ingredient && text !== this.ingredient.name) this.ingredient = null;
  }

  get blank(): boolean {
    return this.text.trim() === '' && this.quantity.trim() === '' && this.notes.trim() === '';
  }
}

export class SubRecipeLineText {
  readonly key = ++keys;
  recipe = $state<Ref | null>(null);
  text = $state('');
  batches = $state('1');

  pick(recipe: Ref): void {
    this.recipe = recipe;
    this.text = recipe.name;
  }

  typed(text: string): void {
    if (this.recipe && text !== this.recipe.name) this.recipe = null;
  }

  get blank(): boolean {
    return this.text.trim() === '';
  }
}

/** Blank or unreadable goes to the worker as NaN, whose message names the field. */
const numberOf = (text: string) => parseDecimal(text) ?? Number.NaN;

export class RecipeForm {
  name = $state('');
  category = $state('');
  source = $state('');
  notes = $state('');
  base = $state<Ref | null>(null);
  baseText = $state('');
  variantName = $state('');
  ingredientLines = $state<IngredientLineText[]>([]);
  subRecipes = $state<SubRecipeLineText[]>([]);
  readonly errors = new FieldErrors();
  /** What the form held when opened or last saved, to tell whether leaving loses anything. */
  private kept = $state('');

  constructor() {
    this.ingredientLines = [new IngredientLineText()];
    this.keep();
  }

  /** Fills the form from the saved recipe (editing) once it has loaded. */
  load(from: Detail): void {
    this.name = from.name;
    this.category = from.category;
    this.source = from.source;
    this.notes = from.notes;
    if (from.base) this.pickBase(from.base);
    this.variantName = from.variantName ?? '';
    this.ingredientLines = from.ingredientLines.map((l) => {
      const line = new IngredientLineText();
      line.pick(l.ingredient);
      line.quantity = inputNumber(l.quantity);
      line.unit = l.unit;
      line.notes = l.notes;
      return line;
    });
    this.subRecipes = from.subRecipes.map((s) => {
      const line = new SubRecipeLineText();
      line.pick(s.recipe);
      line.batches = inputNumber(s.batchMultiplier);
      return line;
    });
    this.keep();
  }

  /** A new variant starts from its base: its name, category and lines. */
  startVariant(base: Detail): void {
    this.load(base);
    this.name = '';
    this.pickBase(base);
    this.keep();
  }

  pickBase(base: Ref): void {
    this.base = base;
    this.baseText = base.name;
    delete this.errors.byField.baseRecipeId;
  }

  typedBase(text: string): void {
    if (this.base && text !== this.base.name) this.base = null;
  }

  addIngredientLine(): IngredientLineText {
    const line = new IngredientLineText();
    this.ingredientLines.push(line);
    return line;
  }

  removeIngredientLine(line: IngredientLineText): void {
    this.ingredientLines = this.ingredientLines.filter((l) => l !== line);
    this.errors.clear();
  }

  addSubRecipe(): SubRecipeLineText {
    const line = new SubRecipeLineText();
    this.subRecipes.push(line);
    return line;
  }

  removeSubRecipe(line: SubRecipeLineText): void {
    this.subRecipes = this.subRecipes.filter((l) => l !== line);
    this.errors.clear();
  }

  /** The lines the baker has started (an empty last line is not a line yet). */
  private get startedIngredientLines(): IngredientLineText[] {
    return this.ingredientLines.filter((l) => !l.blank);
  }

  private get startedSubRecipes(): SubRecipeLineText[] {
    return this.subRecipes.filter((l) => !l.blank);
  }

  /** The worker's parameters for saving. A line whose ingredient is typed but not picked goes as id 0, which the worker refuses at that line. */
  request(): Saving {
    this.errors.clear();
    return {
      name: this.name,
      category: this.category,
      source: this.source,
      notes: this.notes,
      baseRecipeId: this.baseText.trim() === '' ? null : (this.base?.id ?? 0),
      variantName: this.variantName,
      ingredientLines: this.startedIngredientLines.map((l) => ({ ingredientId: l.ingredient?.id ?? 0, quantity: numberOf(l.quantity), unit: l.unit, notes: l.notes })),
      subRecipes: this.startedSubRecipes.map((s) => ({ recipeId: s.recipe?.id ?? 0, batchMultiplier: numberOf(s.batches) })),
    };
  }

  /**
   * What the live preview prices: the lines with an ingredient (or recipe)
   * picked and a number typed; `lineOf[i]` is the form line the i-th sent
   * ingredient line came from, so the worker's flags land on their lines.
   */
  previewRequest(recipeId: number | null, batches: string) {
    const ingredientLines = this.ingredientLines.filter((l) => l.ingredient !== null && parseDecimal(l.quantity) !== null && l.unit !== '');
    const subRecipes = this.subRecipes.filter((s) => s.recipe !== null && parseDecimal(s.batches) !== null);
    return {
      params: {
        recipeId,
        name: this.name,
        ingredientLines: ingredientLines.map((l) => ({ ingredientId: l.ingredient!.id, quantity: parseDecimal(l.quantity)!, unit: l.unit })),
        subRecipes: subRecipes.map((s) => ({ recipeId: s.recipe!.id, batchMultiplier: parseDecimal(s.batches)! })),
        batches: numberOf(batches),
      },
      lineOf: ingredientLines,
      /** Lines started but not complete enough to price yet. */
      waiting: this.startedIngredientLines.length - ingredientLines.length + this.startedSubRecipes.length - subRecipes.length,
    };
  }

  /** The form's fields, as the worker names them, so each message lands at its field. */
  private fields(): string[] {
    const lineFields = this.startedIngredientLines.flatMap((_, i) => ['ingredientId', 'quantity', 'unit', 'notes'].map((f) => `ingredientLines[${i}].${f}`));
    const subFields = this.startedSubRecipes.flatMap((_, i) => [`subRecipes[${i}].recipeId`, `subRecipes[${i}].batchMultiplier`]);
    return ['name', 'category', 'source', 'notes', 'baseRecipeId', 'variantName', ...lineFields, ...subFields];
  }

  showError(e: unknown): void {
    this.errors.fromError(e, this.fields());
  }

  /** The error of a line's field: lines are numbered among the started ones, as they were sent. */
  lineError(line: IngredientLineText, field: 'ingredientId' | 'quantity' | 'unit' | 'notes'): string | null {
    const i = this.startedIngredientLines.indexOf(line);
    return i < 0 ? null : this.errors.of(`ingredientLines[${i}].${field}`);
  }

  subRecipeError(line: SubRecipeLineText, field: 'recipeId' | 'batchMultiplier'): string | null {
    const i = this.startedSubRecipes.indexOf(line);
    return i < 0 ? null : this.errors.of(`subRecipes[${i}].${field}`);
  }

  private snapshot(): string {
    return JSON.stringify([
      this.name, this.category, this.source, this.notes, this.baseText, this.variantName,
      this.startedIngredientLines.map((l) => [l.text, l.ingredient?.id, l.quantity, l.unit, l.notes]),
      this.startedSubRecipes.map((s) => [s.text, s.recipe?.id, s.batches]),
    ]);
  }

  /** Marks what the form holds now as kept (opened, or just saved). */
  keep(): void {
    this.kept = this.snapshot();
  }

  get dirty(): boolean {
    return this.snapshot() !== this.kept;
  }
}
