/**
 * The messages tabs' workers exchange on the BroadcastChannel: a follower
 * looks for the writer ('hello'), the writer announces itself with its last
 * seq ('writer'), followers forward requests addressed to that writer, and
 * the writer answers them and broadcasts its notices. Every worker has a
 * random id; a request key is "<follower id>:<request id>".
 */
import type { RpcRequest, RpcResponse, WorkerNotice } from '../rpc/wire';

export type ChannelMessage =
  | { type: 'hello'; from: string }
  | { type: 'writer'; writerId: string; seq: number }
  | {
      type: 'request';
      from: string;
      to: string;
      key: string;
      request: RpcRequest;
      /** Present when resent after the writer it was first sent to went away. */
      retryAfterSeq?: number;
    }
  | { type: 'response'; to: string; key: string; response: RpcResponse }
  | { type: 'notice'; from: string; notice: WorkerNotice };
