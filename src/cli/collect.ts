/**
 * A full garbage collection on request, for the command line's large imports
 * (SnapshotImportOptions.collect). Node gives `gc` only to a process started
 * with --expose-gc; `npx bake-planner` is started by npm, so the flag is set
 * here, at run time, and the function taken from a fresh context, which is
 * created with it (the way Jest's leak detector does it).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | null = null;

export function fullCollection(): () => void {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  return collect;
}
