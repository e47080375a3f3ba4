/**
 * A follower tab that gets the writer lock while a request it forwarded is
 * unanswered: the lock can arrive before the previous writer's last answer
 * (they travel separately), and a request that writer answered must reach
 * the page as answered, not be run again or reported unknown. Real
 * BroadcastChannel (Node has one); the messages are handed to the follower
 * the way the worker hands them.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { HANDOVER_POLICY } from '../../../src/persistence/policy';
import type { RpcRequest, RpcResponse } from '../../../src/rpc/wire';
import type { ChannelMessage } from '../../../src/worker/channel';
import { Follower } from '../../../src/worker/follower';

const request: RpcRequest = { kind: 'request', id: 7, method: 'system.ping', params: undefined };
const answer: RpcResponse = { kind: 'response', id: 7, ok: true, result: 'pong' };

describe('Follower.handOver', () => {
  let channel: BroadcastChannel;
  let follower: Follower;
  let sent: ChannelMessage[];
  beforeEach(() => {
    vi.useFakeTimers();
    channel = new BroadcastChannel('follower-test');
    sent = [];
    channel.postMessage = (message: ChannelMessage) => void sent.push(message);
    follower = new Follower({
      id: 'phone',
      channel,
      version: '1.0.0',
      relay: () => {},
      isVisible: () => true,
      onOlderWriter: () => {},
      onNewerWriter: () => {},
    });
    follower.receive({ type: 'writer', writerId: 'kitchen', seq: 40, version: '1.0.0' });
  });
  afterEach(() => {
    channel.close();
    vi.useRealTimers();
  });

  test('waits for the previous writer’s last answer, which then reaches the page as it was', async () => {
    const reply = follower.forward(request);
    expect(sent.at(-1)).toMatchObject({ type: 'request', to: 'kitchen', key: 'phone:7', version: '1.0.0', visible: true });
    let unanswered: unknown;
    const handing = follower.handOver().then((u) => (unanswered = u));
    await vi.advanceTimersByTimeAsync(10);
    expect(unanswered).toBeUndefined();
    follower.receive({ type: 'response', to: 'phone', key: 'phone:7', response: answer });
    await handing;
    expect(unanswered).toEqual([]);
    expect(await reply).toEqual(answer);
  });

  test('a request the previous writer declined goes to the new writer as a new request, not a retry', async () => {
    void follower.forward(request);
    const handing = follower.handOver();
    follower.receive({ type: 'declined', from: 'kitchen', to: 'phone', key: 'phone:7' });
    follower.receive({ type: 'left', from: 'kitchen' });
    const [item] = await handing;
    expect(item).toMatchObject({ key: 'phone:7', request });
    expect(item).not.toHaveProperty('retryAfterSeq');
  });

  test('a writer that vanished says nothing: after a short wait its unanswered request is a retry', async () => {
    void follower.forward(request);
    const handing = follower.handOver();
    await vi.advanceTimersByTimeAsync(HANDOVER_POLICY.lastWordMs);
    const [item] = await handing;
    expect(item).toMatchObject({ key: 'phone:7', retryAfterSeq: 40 });
  });

  test('nothing forwarded: no wait at all', async () => {
    await expect(follower.handOver()).resolves.toEqual([]);
  });
});
