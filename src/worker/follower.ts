/**
 * A follower: this tab's worker while another tab's worker is the writer. It
 * never opens the database; it forwards each request to the writer over the
 * BroadcastChannel and relays the answers and the writer's notices to its
 * page. Requests wait until a writer has announced itself. When a new writer
 * announces itself (the old tab closed), requests still unanswered are resent
 * marked as retries, with the last seq this tab had seen, so the new writer
 * can run those it can prove were never applied and refuse the others
 * plainly. If this tab wins the lock itself, `handOver()` gives the same
 * unanswered requests to its own new writer.
 */
import type { RpcRequest, RpcResponse, WorkerNotice } from '../rpc/wire';
import type { ChannelMessage } from './channel';

/** How long a forwarded request may go unanswered before the page is told this tab is waiting. */
const SLOW_WRITER_MS = 5_000;

export const FOLLOWER_MESSAGE = 'Bake Planner is also open in another tab; this tab saves your changes through that one.';
const WAITING_MESSAGE =
  'Waiting for the other Bake Planner tab to answer. If it is asleep in the background, switch to it or close it.';

interface Forwarded {
  request: RpcRequest;
  /** The writer it was sent to, or null while none is known. */
  sentTo: string | null;
  afterSeq: number;
  resolve: (response: RpcResponse) => void;
}

export interface Unanswered {
  key: string;
  request: RpcRequest;
  /** Undefined when the request never left this tab (it can simply run). */
  retryAfterSeq?: number;
  resolve: (response: RpcResponse) => void;
}

export class Follower {
  private writerId: string | null = null;
  private seenSeq = 0;
  private readonly pending = new Map<string, Forwarded>();
  private stopped = false;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private waiting = false;

  constructor(
    private readonly id: string,
    private readonly channel: BroadcastChannel,
    private readonly relay: (notice: WorkerNotice) => void,
  ) {
    this.post({ type: 'hello', from: id });
  }

  forward(request: RpcRequest): Promise<RpcResponse> {
    return new Promise((resolve) => {
      const key = `${this.id}:${request.id}`;
      const entry: Forwarded = { request, sentTo: null, afterSeq: this.seenSeq, resolve };
      this.pending.set(key, entry);
      if (this.writerId) this.send(key, entry);
    });
  }

  receive(message: ChannelMessage): void {
    if (this.stopped) return;
    if (message.type === 'writer') {
      this.seenSeq = Math.max(this.seenSeq, message.seq);
      if (message.writerId === this.writerId) return;
      this.writerId = message.writerId;
      for (const [key, entry] of this.pending) this.send(key, entry);
    } else if (message.type === 'response' && message.to === this.id) {
      const entry = this.pending.get(message.key);
      if (!entry) return;
      this.pending.delete(message.key);
      entry.resolve(message.response);
      this.watchProgress();
    } else if (message.type === 'notice') {
      if (message.notice.type === 'changed' && message.notice.seq !== undefined) {
        this.seenSeq = Math.max(this.seenSeq, message.notice.seq);
      }
      this.relay(message.notice);
    }
  }

  /** Stops forwarding and returns what is still unanswered, for this tab's own new writer. */
  handOver(): Unanswered[] {
    this.stopped = true;
    clearTimeout(this.slowTimer);
    const unanswered = [...this.pending].map(([key, entry]): Unanswered => {
      const item: Unanswered = { key, request: entry.request, resolve: entry.resolve };
      if (entry.sentTo !== null) item.retryAfterSeq = entry.afterSeq;
      return item;
    });
    this.pending.clear();
    return unanswered;
  }

  private send(key: string, entry: Forwarded): void {
    const message: ChannelMessage = {
      type: 'request',
      from: this.id,
      to: this.writerId!,
      key,
      request: entry.request,
    };
    // Sent before to a writer that is gone: the new one must check it was not applied.
    if (entry.sentTo !== null && entry.sentTo !== this.writerId) message.retryAfterSeq = entry.afterSeq;
    else entry.afterSeq = this.seenSeq;
    entry.sentTo = this.writerId;
    this.post(message);
    if (this.slowTimer === undefined) this.watchProgress();
  }

  /** (Re)starts the clock on the oldest unanswered request; tells the page when the writer is slow, and when it is back. */
  private watchProgress(): void {
    clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
    if (this.waiting) {
      this.waiting = false;
      this.relay({ type: 'status', role: 'follower', message: FOLLOWER_MESSAGE });
    }
    if (this.pending.size === 0) return;
    this.slowTimer = setTimeout(() => {
      this.waiting = true;
      this.relay({ type: 'status', role: 'follower', message: WAITING_MESSAGE, waiting: true });
    }, SLOW_WRITER_MS);
  }

  private post(message: ChannelMessage): void {
    this.channel.postMessage(message);
  }
}
