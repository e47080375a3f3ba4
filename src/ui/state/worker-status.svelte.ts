/**
 * What the database worker last said about itself: its role (this tab
 * writes, or forwards to another tab that writes) and any problem no request
 * asked about (a recovery report, storage trouble).
 */
import type { ErrorPayload } from '../../errors';
import type { RpcClient } from '../../rpc/client';

type WorkerRole = 'starting' | 'writer' | 'follower';

export class WorkerStatus {
  role = $state<WorkerRole>('starting');
  message = $state<string | null>(null);
  /** This tab saves through another tab, which has not answered for a while. */
  waiting = $state(false);
  problem = $state<ErrorPayload | null>(null);

  constructor(rpc: RpcClient) {
    this.role = rpc.lastStatus.role;
    this.message = rpc.lastStatus.message ?? null;
    this.waiting = rpc.lastStatus.waiting === true;
    this.problem = rpc.lastProblem?.error ?? null;
    rpc.onNotice((notice) => {
      if (notice.type === 'status') {
        this.role = notice.role;
        this.message = notice.message ?? null;
        this.waiting = notice.waiting === true;
      } else if (notice.type === 'problem') {
        this.problem = notice.error;
      }
    });
  }

  dismissProblem(): void {
    this.problem = null;
  }
}
