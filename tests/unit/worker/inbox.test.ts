/**
 * The worker's entry listens to the page from its first task and keeps the
 * messages that came before its main code loaded (src/worker/inbox.ts):
 * none may be lost or reordered, whether it came before or after.
 */
import { expect, test } from 'vitest';
import { holdMessages } from '../../../src/worker/inbox';

test('messages that came before the main code are handed over first, in order, and later ones follow as they come', () => {
  const scope = new EventTarget();
  const inbox = holdMessages(scope);
  const send = (data: unknown) => scope.dispatchEvent(new MessageEvent('message', { data }));
  send({ id: 1 });
  send({ id: 2 });
  const got: unknown[] = [];
  inbox.deliverTo((message) => got.push(message));
  expect(got).toEqual([{ id: 1 }, { id: 2 }]);
  send({ id: 3 });
  expect(got).toEqual([{ id: 1 }, { id: 2 }, { id: 3 }]);
});
