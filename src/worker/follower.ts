/**
 * A follower: this tab's worker while another tab's worker is the writer. It
 * never opens the database; it forwards each request to the writer over the
 * BroadcastChannel and relays the answers and the writer's notices to its
 * page. Requests wait until a writer of the same app version has announced
 * itself:
 *
 * - a writer of an older version is asked to hand over instead (this tab
 *   then takes the lock and serves its own requests, and everyone else's);
 * - a writer of a newer version means this tab is outdated: what it has not
 *   sent is refused with APP_UPDATED, and the page tells the baker to reload.
 *
 * A writer that hands over declines the requests it has not started; they
 * wait here for the next writer. When a writer goes away without a word (its
 * tab closed), requests still unanswered are resent to the next one marked
 * as retries, with the last seq this tab had seen, so it can run those it can
 * prove were never applied and refuse the others plainly. If this tab wins
 * the lock itself, `handOver()` gives the same unanswered requests to its own
 * new writer, once the previous writer has had its last word.
 */
import { HANDOVER_POLICY } from '../persistence/policy';
import { compareVersions } from '../rpc/app-version';
import type { RpcRequest, RpcResponse, WorkerNotice } from '../rpc/wire';
import { appUpdatedError } from './app-updated';
import type { ChannelMessage } from './channel';

/** How long a forwarded request may go unanswered before the page is told this tab is waiting. */
const SLOW_WRITER_MS = 5_000;

export const FOLLOWER_MESSAGE = 'Bake Planner is also open in another tab; this tab saves your changes through that one.';
const WAITING_MESSAGE =
  'Waiting for the other Bake Planner tab to answer. If it is asleep in the background, switch to it or close it.';

interface Forwarded {
  request: RpcRequest;
  /** The writer it was sent to, or null while it waits for one. */
  sentTo: string | null;
  afterSeq: number;
  resolve: (response: RpcResponse) => void;
}

export interface Unanswered {
  key: string;
  request: RpcRequest;
  /** Undefined when the request never reached a writer (it can simply run). */
  retryAfterSeq?: number;
  resolve: (response: RpcResponse) => void;
}

export interface FollowerOptions {
  id: string;
  channel: BroadcastChannel;
  /** This build's app version. */
  version: string;
  relay: (notice: WorkerNotice) => void;
  /** Whether this tab's page is on screen (sent with every request). */
  isVisible: () => boolean;
  /** The announced writer runs an older version: ask it to hand over. */
  onOlderWriter: (writerId: string) => void;
  /** The announced writer runs a newer version: this tab is outdated. */
  onNewerWriter: () => void;
}

export class Follower {
  private writerId: string | null = null;
  private seenSeq = 0;
  private readonly pending = new Map<string, Forwarded>();
  private stopped = false;
  private outdated = false;
  private slowTimer: ReturnType<typeof setTimeout> | undefined;
  private waiting = false;
  /** Called when nothing is left unanswered by the writer, or it has said it left. */
  private onLastWord: (() => void) | null = null;

  constructor(private readonly options: FollowerOptions) {
    this.post({ type: 'hello', from: options.id });
  }

  forward(request: RpcRequest): Promise<RpcResponse> {
    if (this.outdated) return Promise.resolve(refused(request));
    return new Promise((resolve) => {
      const key = `${this.options.id}:${request.id}`;
      const entry: Forwarded = { request, sentTo: null, afterSeq: this.seenSeq, resolve };
      this.pending.set(key, entry);
      if (this.writerId) this.send(key, entry);
      if (this.slowTimer === undefined) this.watchProgress();
    });
  }

  receive(message: ChannelMessage): void {
    if (this.stopped) return;
    const { id } = this.options;
    if (message.type === 'writer') {
      this.seenSeq = Math.max(this.seenSeq, message.seq);
      if (message.writerId === this.writerId) return;
      // A writer of 0.1.0 says no version and cannot hand over: forwarding to it is all there is.
      const age = message.version === undefined ? 0 : compareVersions(message.version, this.options.version);
      if (age < 0) {
        // Never forward to older code: it may lack a method or run an older schema. It hands over instead.
        this.writerId = null;
        this.options.onOlderWriter(message.writerId);
        return;
      }
      if (age > 0 && !this.outdated) this.options.onNewerWriter();
      this.writerId = message.writerId;
      for (const [key, entry] of this.pending) this.send(key, entry);
    } else if (message.type === 'response' && message.to === id) {
      const entry = this.pending.get(message.key);
      if (!entry) return;
      this.settle(message.key, message.response);
      this.watchProgress();
      this.checkLastWord();
    } else if (message.type === 'declined' && message.to === id) {
      const entry = this.pending.get(message.key);
      if (!entry) return;
      // Certainly not run: it goes to the next writer as a new request, not as a retry.
      if (message.from === this.writerId) this.writerId = null;
      entry.sentTo = null;
      if (this.outdated) this.settle(message.key, refused(entry.request));
      this.checkLastWord();
    } else if (message.type === 'left') {
      // Everything it answered or declined came before this, from the same sender, in order.
      if (message.from === this.writerId) this.writerId = null;
      this.onLastWord?.();
    } else if (message.type === 'notice') {
      if (message.notice.type === 'changed' && message.notice.seq !== undefined) {
        this.seenSeq = Math.max(this.seenSeq, message.notice.seq);
      }
      this.options.relay(message.notice);
    }
  }

  /**
   * Another tab runs a newer version: refuse what has not reached a writer. What a writer has
   * is answered by it (or declined, then refused here); what a vanished writer had is resent as
   * a retry, so the newer writer can say whether it was saved.
   */
  outdate(): void {
    this.outdated = true;
    for (const [key, entry] of this.pending) if (entry.sentTo === null) this.settle(key, refused(entry.request));
  }

  /**
   * Stops forwarding and resolves with what is still unanswered, for this tab's own new writer. The
   * lock can reach this tab before the previous writer's last answers do (they travel on the channel):
   * first it waits for them, or for that writer's 'left', at most HANDOVER_POLICY.lastWordMs (a writer
   * whose tab closed says nothing). Whatever that writer did not answer is then a retry.
   */
  async handOver(): Promise<Unanswered[]> {
    if (this.awaitingWriter()) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => this.onLastWord?.(), HANDOVER_POLICY.lastWordMs);
        this.onLastWord = () => {
          clearTimeout(timer);
          this.onLastWord = null;
          resolve();
        };
      });
    }
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

  /** A request was sent to the writer still known, and is unanswered. */
  private awaitingWriter(): boolean {
    return this.writerId !== null && [...this.pending.values()].some((e) => e.sentTo === this.writerId);
  }

  private checkLastWord(): void {
    if (this.onLastWord && !this.awaitingWriter()) this.onLastWord();
  }

  private settle(key: string, response: RpcResponse): void {
    const entry = this.pending.get(key);
    if (!entry) return;
    this.pending.delete(key);
    entry.resolve(response);
  }

  private send(key: string, entry: Forwarded): void {
    const { id, version } = this.options;
    const message: ChannelMessage = {
      type: 'request',
      from: id,
      to: this.writerId!,
      key,
      request: entry.request,
      version,
      visible: this.options.isVisible(),
    };
    // Sent before to a writer that is gone: the new one must check it was not applied.
    if (entry.sentTo !== null && entry.sentTo !== this.writerId) message.retryAfterSeq = entry.afterSeq;
    else if (this.outdated) return this.settle(key, refused(entry.request));
    else entry.afterSeq = this.seenSeq;
    entry.sentTo = this.writerId;
    this.post(message);
  }

  /** (Re)starts the clock on the oldest unanswered request; tells the page when the writer is slow, and when it is back. */
  private watchProgress(): void {
    clearTimeout(this.slowTimer);
    this.slowTimer = undefined;
    if (this.waiting) {
      this.waiting = false;
      if (!this.outdated) this.options.relay({ type: 'status', role: 'follower', message: FOLLOWER_MESSAGE });
    }
    if (this.pending.size === 0) return;
    this.slowTimer = setTimeout(() => {
      if (this.outdated) return;
      this.waiting = true;
      this.options.relay({ type: 'status', role: 'follower', message: WAITING_MESSAGE, waiting: true });
    }, SLOW_WRITER_MS);
  }

  private post(message: ChannelMessage): void {
    this.options.channel.postMessage(message);
  }
}

function refused(request: RpcRequest): RpcResponse {
  return { kind: 'response', id: request.id, ok: false, error: appUpdatedError().toPayload() };
}
