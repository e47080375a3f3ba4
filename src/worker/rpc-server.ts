/**
 * The worker side of the RPC: looks a method up in the handler map, runs it,
 * and replies with its result or a typed error. Requests are served one at a
 * time, in arrival order, so a handler never interleaves with another.
 */
import { AppError, toErrorPayload } from '../errors';
import type { RpcRequest, RpcResponse } from '../rpc/wire';
import type { HandlerContext } from './handlers/context';
import { handlers } from './handlers';

type AnyHandler = (ctx: HandlerContext, params: unknown) => unknown;

export async function serve(ctx: HandlerContext, request: RpcRequest): Promise<RpcResponse> {
  // Own keys only: 'constructor' or 'toString' are on every object, and are not requests.
  const handler = Object.hasOwn(handlers, request.method)
    ? (handlers as unknown as Record<string, AnyHandler>)[request.method]
    : undefined;
  try {
    if (!handler) throw new AppError('UNKNOWN_METHOD', `Unknown request "${request.method}".`);
    const result = await handler(ctx, request.params);
    return { kind: 'response', id: request.id, ok: true, result };
  } catch (e) {
    return { kind: 'response', id: request.id, ok: false, error: toErrorPayload(e) };
  }
}
