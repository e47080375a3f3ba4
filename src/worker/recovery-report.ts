/**
 * The recovery report: what one opening of the database found and did, in
 * words a baker can read (the Settings screen and the 'problem' notice show
 * it) and with the numbers support needs.
 */
import type { Recovered, RecoveryProblem } from './recovery';

export interface RecoveryReport {
  openedAt: string;
  /** The checkpoint the database was rebuilt from, or null when it started from the log alone. */
  checkpoint: { id: number; upToSeq: number; writtenAt: string } | null;
  /** Log records re-applied after the checkpoint. */
  replayed: number;
  /** Schema versions applied on this opening. */
  migrated: number[];
  problems: RecoveryProblem[];
  /** Records set aside on this opening. */
  quarantined: { log: number; checkpoints: number };
  /** One or two sentences for the user. */
  summary: string;
}

export function buildReport(openedAt: string, recovered: Recovered, migrated: number[]): RecoveryReport {
  const { checkpoint, replayed, problems } = recovered;
  const log = recovered.quarantineLog.length;
  const checkpoints = recovered.quarantineCheckpoints.length;
  let summary: string;
  if (problems.length === 0) {
    summary = `Your data opened normally (${replayed} recent change${replayed === 1 ? '' : 's'} re-applied).`;
  } else {
    const parts: string[] = [];
    if (checkpoints > 0) {
      parts.push(
        `${checkpoints} damaged checkpoint${checkpoints === 1 ? ' was' : 's were'} skipped and your data was rebuilt from ${
          checkpoint ? `an earlier checkpoint plus the change log` : 'the change log alone'
        }`,
      );
    }
    if (log > 0) {
      const first = recovered.quarantineLog[0]!.seq;
      parts.push(
        `saved change ${first} could not be used, so it and the ${log - 1} change${log - 1 === 1 ? '' : 's'} after it were set aside (kept, not applied); everything saved before it is intact`,
      );
    }
    summary = `Bake Planner found a storage problem while opening: ${parts.join('; ')}.`;
  }
  return {
    openedAt,
    checkpoint: checkpoint ? { id: checkpoint.id, upToSeq: checkpoint.upToSeq, writtenAt: checkpoint.writtenAt } : null,
    replayed,
    migrated,
    problems,
    quarantined: { log, checkpoints },
    summary,
  };
}
