/**
 * What the database worker last said about itself: its role (this tab
 * writes, forwards to another tab that writes, or is outdated because another
 * tab runs a newer version) and the problems no request asked about (a
 * recovery report, a full disk, other storage trouble), each kind kept until
 * dismissed, so one does not hide another.
 */
import type { ErrorCode, ErrorPayload } from '../../errors';
import type { RpcClient } from '../../rpc/client';
import type { WorkerRole } from '../../rpc/wire';

/** Problems of one kind replace each other: a second full disk is the same news. */
const kindOf = (p: ErrorPayload) => `${p.code}${p.details?.checkpoint ? ':checkpoint' : ''}`;

export class WorkerStatus {
  role = $state<WorkerRole>('starting');
  message = $state<string | null>(null);
  /** This tab saves through another tab, which has not answered for a while. */
  waiting = $state(false);
  /** Newest first. */
  problems = $state<ErrorPayload[]>([]);

  constructor(rpc: RpcClient) {
    this.role = rpc.lastStatus.role;
    this.message = rpc.lastStatus.message ?? null;
    this.waiting = rpc.lastStatus.waiting === true;
    if (rpc.lastProblem) this.add(rpc.lastProblem.error);
    rpc.onNotice((notice) => {
      if (notice.type === 'status') {
        this.role = notice.role;
        this.message = notice.message ?? null;
        this.waiting = notice.waiting === true;
      } else if (notice.type === 'problem') {
        this.add(notice.error);
      }
    });
  }

  private add(problem: ErrorPayload): void {
    this.problems = [problem, ...this.problems.filter((p) => kindOf(p) !== kindOf(problem))];
  }

  dismiss(problem: ErrorPayload): void {
    this.problems = this.problems.filter((p) => kindOf(p) !== kindOf(problem));
  }

  dismissCode(code: ErrorCode): void {
    this.problems = this.problems.filter((p) => p.code !== code);
  }
}
