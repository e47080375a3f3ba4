/**
 * Remembered answers (src/worker/remembered-answers.ts): the answers an
 * opening gives before SQLite is open must be exactly SQLite's. So only for
 * the same read and parameters, by the same build of the app, at the seq the
 * stored state ends at, and never after a write that was asked for first.
 * The handler declarations are the app's own.
 */
import { describe, expect, test } from 'vitest';
import type { RememberedAtOpening } from '../../../src/persistence/first-reads';
import type { RememberedAnswer } from '../../../src/persistence/records';
import type { RpcRequest } from '../../../src/rpc/wire';
import { handlers } from '../../../src/worker/handlers';
import { answerKey, isRemembered, OpeningAnswers } from '../../../src/worker/remembered-answers';

let nextId = 1;
const request = (method: string, params?: unknown): RpcRequest => ({ kind: 'request', id: nextId++, method, params });
const tree = () => request('pantry.ingredientTree');
const TREE = [{ id: 1, name: 'Flour', children: [] }];

/** The answer to `asked` remembered at `seq` by `build`. */
const remembered = (asked: RpcRequest, seq: number, result: unknown, build = 'build-2'): RememberedAnswer => ({
  key: answerKey(asked),
  method: asked.method,
  params: asked.params,
  build,
  seq,
  result,
});

function openingAt(seq: number | null, answers: RememberedAnswer[] = [remembered(tree(), 7, TREE)]) {
  return new OpeningAnswers(Promise.resolve<RememberedAtOpening>({ answers, seq }), 'build-2');
}

describe('which reads are remembered', () => {
  test('the first screens: the ingredient tree, the pantry summary and list, the dashboard when it is given its date', () => {
    expect(isRemembered(tree())).toBe(true);
    expect(isRemembered(request('pantry.overview'))).toBe(true);
    expect(isRemembered(request('pantry.overview', {}))).toBe(true);
    expect(isRemembered(request('pantry.summary', { latest: 5 }))).toBe(true);
    expect(isRemembered(request('planning.dashboard', { today: '2026-12-01' }))).toBe(true);
  });

  test('not a dashboard that counts from the clock, not another read, never a write or an unknown method', () => {
    expect(isRemembered(request('planning.dashboard', {}))).toBe(false);
    expect(isRemembered(request('planning.dashboard'))).toBe(false);
    expect(isRemembered(request('pantry.overview', { query: 'flo' }))).toBe(false);
    expect(isRemembered(request('catalog.searchIngredients', { query: 'fl' }))).toBe(false);
    expect(isRemembered(request('catalog.createIngredient', { name: 'Rye' }))).toBe(false);
    expect(isRemembered(request('toString'))).toBe(false);
    expect(Object.values(handlers).filter((h) => h.kind === 'write' && 'remember' in h)).toEqual([]);
  });

  test('an answer is kept under its read and its parameters', () => {
    expect(answerKey(tree())).toBe('pantry.ingredientTree null');
    expect(answerKey(request('pantry.summary', { latest: 5 }))).toBe('pantry.summary {"latest":5}');
    expect(answerKey(request('pantry.summary', { latest: 5 }))).not.toBe(answerKey(request('pantry.summary', { latest: 6 })));
  });
});

describe('what an opening answers from memory', () => {
  test('the same read at the seq the stored state ends at: its remembered answer, at once', async () => {
    const opening = openingAt(7);
    const asked = tree();
    expect(await opening.answer(asked)).toEqual({ kind: 'response', id: asked.id, ok: true, result: TREE });
    expect(opening.servedAt).toBe(7);
  });

  test('nothing when the state moved on, is not known to be whole, or the answer is another build’s', async () => {
    expect(await openingAt(8).answer(tree())).toBeNull();
    expect(await openingAt(null).answer(tree())).toBeNull();
    const older = openingAt(7, [remembered(tree(), 7, TREE, 'build-1')]);
    expect(await older.answer(tree())).toBeNull();
    expect(older.servedAt).toBeNull();
  });

  test('nothing for other parameters, or a read that is not remembered', async () => {
    const opening = openingAt(7, [remembered(request('pantry.summary', { latest: 5 }), 7, {})]);
    expect(await opening.answer(request('pantry.summary', { latest: 6 }))).toBeNull();
    expect(opening.answer(request('catalog.searchIngredients', { query: 'fl' }))).toBeNull();
    expect(await opening.answer(request('pantry.summary', { latest: 5 }))).not.toBeNull();
  });

  test('after a write was asked for, no read is answered from memory: it must see that write', async () => {
    const opening = openingAt(7);
    expect(opening.answer(request('catalog.createIngredient', { name: 'Rye' }))).toBeNull();
    expect(opening.answer(tree())).toBeNull();
    expect(opening.servedAt).toBeNull();
  });

  test('an unknown method counts as a write: what it is cannot be told', () => {
    const opening = openingAt(7);
    expect(opening.answer(request('pantry.somethingNew'))).toBeNull();
    expect(opening.answer(tree())).toBeNull();
  });

  test('a read that waits for the remembered answers when the opening ends (or fails) gets none: SQLite answers it', async () => {
    let deliver!: (at: RememberedAtOpening) => void;
    const opening = new OpeningAnswers(new Promise((resolve) => (deliver = resolve)), 'build-2');
    const waiting = opening.answer(tree());
    opening.close();
    expect(await waiting).toBeNull(); // settled by the close, though the answers never came
    deliver({ answers: [remembered(tree(), 7, TREE)], seq: 7 });
    expect(opening.answer(tree())).toBeNull();
  });

  test('remembered answers that could not be read are none', async () => {
    const opening = new OpeningAnswers(Promise.reject(new Error('IndexedDB refused')), 'build-2');
    expect(await opening.answer(tree())).toBeNull();
    expect(await opening.found()).toEqual([]);
  });
});
