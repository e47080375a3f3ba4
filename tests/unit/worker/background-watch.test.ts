/**
 * When a writer tab left in the background hands the database over: only
 * once it has been hidden for HANDOVER_POLICY.hiddenMs and a tab on screen
 * asks it for something; never while it is on screen.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HANDOVER_POLICY } from '../../../src/persistence/policy';
import { BackgroundWatch } from '../../../src/worker/background-watch';

const HIDDEN_MS = HANDOVER_POLICY.hiddenMs;

describe('BackgroundWatch', () => {
  let handedOver: number;
  let watch: BackgroundWatch;
  beforeEach(() => {
    vi.useFakeTimers();
    handedOver = 0;
    watch = new BackgroundWatch(() => handedOver++, HIDDEN_MS, () => Date.now());
  });
  afterEach(() => vi.useRealTimers());

  test('a tab on screen keeps the lock however often others ask', () => {
    watch.claim();
    vi.advanceTimersByTime(HIDDEN_MS * 10);
    watch.claim();
    expect(handedOver).toBe(0);
  });

  test('hidden long enough, it hands over at the first request from a tab on screen', () => {
    watch.setHidden(true);
    vi.advanceTimersByTime(HIDDEN_MS * 5);
    expect(handedOver).toBe(0);
    watch.claim();
    expect(handedOver).toBe(1);
  });

  test('asked soon after it was hidden, it hands over once it has been hidden long enough', () => {
    watch.setHidden(true);
    vi.advanceTimersByTime(1_000);
    watch.claim();
    watch.claim();
    vi.advanceTimersByTime(HIDDEN_MS - 1_001);
    expect(handedOver).toBe(0);
    vi.advanceTimersByTime(1);
    expect(handedOver).toBe(1);
    vi.advanceTimersByTime(HIDDEN_MS * 5);
    expect(handedOver).toBe(1);
  });

  test('shown again before then, it keeps the lock, and a later hiding starts the wait afresh', () => {
    watch.setHidden(true);
    watch.claim();
    vi.advanceTimersByTime(HIDDEN_MS - 100);
    watch.setHidden(false);
    vi.advanceTimersByTime(HIDDEN_MS * 5);
    expect(handedOver).toBe(0);
    watch.setHidden(true);
    vi.advanceTimersByTime(HIDDEN_MS - 1);
    watch.claim();
    expect(handedOver).toBe(0);
    vi.advanceTimersByTime(1);
    expect(handedOver).toBe(1);
  });

  test('hidden twice in a row (no show between) counts from the first time', () => {
    watch.setHidden(true);
    vi.advanceTimersByTime(HIDDEN_MS);
    watch.setHidden(true);
    watch.claim();
    expect(handedOver).toBe(1);
  });
});
