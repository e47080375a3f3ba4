/**
 * The version of Bake Planner this build is, and how two versions compare.
 * Tabs of two versions can be open at once after an update (the one that
 * reloaded runs the new code); their workers compare versions before one
 * saves through the other (docs/design/persistence.md, "Two versions"). The
 * version is package.json's, unless the build was made with VITE_APP_VERSION
 * set: the browser tests build a "next" version of the same code that way.
 */
import { version } from '../../package.json';

declare global {
  interface ImportMetaEnv {
    readonly VITE_APP_VERSION?: string;
  }
}

export const APP_VERSION: string = import.meta.env.VITE_APP_VERSION || version;

/**
 * This build, for what must not outlive it: an answer remembered by one build is not given by
 * another (src/worker/remembered-answers.ts), since two builds of one version may answer a read
 * differently (a new sort order, a new field). The version where the code was not built by Vite.
 */
export const BUILD_ID: string = typeof __BUILD_ID__ === 'string' ? __BUILD_ID__ : APP_VERSION;

/**
 * Orders two versions the semantic-versioning way: numeric parts as numbers
 * (0.10.0 after 0.9.0), and a pre-release (1.0.0-beta.2) before its release.
 * Negative when `a` is older, positive when newer, 0 when the same.
 */
export function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = splitVersion(a);
  const [coreB = '', preB] = splitVersion(b);
  const byCore = compareParts(coreA, coreB);
  if (byCore !== 0) return byCore;
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return compareParts(preA, preB);
}

/** "1.2.3-beta.1+build.5" -> ["1.2.3", "beta.1"]; build metadata does not order versions. */
function splitVersion(v: string): [string, string | undefined] {
  const withoutBuild = v.trim().split('+')[0]!;
  const dash = withoutBuild.indexOf('-');
  return dash < 0 ? [withoutBuild, undefined] : [withoutBuild.slice(0, dash), withoutBuild.slice(dash + 1)];
}

function compareParts(a: string, b: string): number {
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const nx = /^\d+$/.test(x) ? Number(x) : NaN;
    const ny = /^\d+$/.test(y) ? Number(y) : NaN;
    // Numbers order numerically and before words (semver's rule for pre-release parts).
    if (!Number.isNaN(nx) && !Number.isNaN(ny)) return Math.sign(nx - ny);
    if (!Number.isNaN(nx)) return -1;
    if (!Number.isNaN(ny)) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}
