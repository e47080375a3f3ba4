/**
 * The messages tabs' workers exchange on the BroadcastChannel: a follower
 * looks for the writer ('hello'), the writer announces itself with its last
 * seq and its app version ('writer'), followers forward requests addressed to
 * that writer, and the writer answers them ('response'), or, while it hands
 * over, declines them unrun so they go to the next writer ('declined'), and
 * broadcasts its notices. Its last word before it releases the lock is 'left'. A tab asks the writer to hand over with 'handover':
 * it runs a newer version, and every tab of an older version that hears it
 * steps aside. Every worker has a random id; a request key is
 * "<follower id>:<request id>".
 */
import type { RpcRequest, RpcResponse, WorkerNotice } from '../rpc/wire';

export type ChannelMessage =
  | { type: 'hello'; from: string }
  /** `version` (and a request's) is absent in tabs of 0.1.0, which came before the version handshake. */
  | { type: 'writer'; writerId: string; seq: number; version?: string }
  | {
      type: 'request';
      from: string;
      to: string;
      key: string;
      request: RpcRequest;
      /** The sending tab's app version: a writer never runs a request from an older one. */
      version?: string;
      /** The sending tab is on screen: a writer left in the background hands over to such a tab. */
      visible: boolean;
      /** Present when resent after the writer it was first sent to went away. */
      retryAfterSeq?: number;
    }
  | { type: 'response'; to: string; key: string; response: RpcResponse }
  /** The writer is handing over and did not run this request (for certain): send it to the next writer. */
  | { type: 'declined'; from: string; to: string; key: string }
  | { type: 'notice'; from: string; notice: WorkerNotice }
  /** A tab running `version`, newer than the writer's, asks it to hand over. */
  | { type: 'handover'; from: string; to: string; version: string }
  /** The writer that handed over has answered or declined everything it had, and releases the lock now. */
  | { type: 'left'; from: string };
