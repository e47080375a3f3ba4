/**
 * Every browser and helper program the browser tests drive, found on this
 * machine or installed before any test runs, so `npm ci && npm test` is the
 * whole set-up on a fresh machine. `npm test` runs this first (the `pretest`
 * script, tests/setup/ensure-browsers.ts) and the browser project's global
 * setup runs it again for a direct `vitest run --project browser`.
 *
 * A missing program is installed from Debian's packages when the machine can
 * (Debian, root, apt-get): one `apt-get update`, one non-interactive install,
 * saying what and why. Otherwise nothing runs and one message names the exact
 * command to run: never a launch stack trace from the first test.
 *
 * The machine is passed in (`System`) so the unit test can play every case
 * without installing anything; `realSystem()` is the one the tests use.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export type ToolId = 'chromium' | 'webkit-driver' | 'xvfb' | 'firefox';

export interface Tool {
  id: ToolId;
  name: string;
  /** What needs it, said when it is installed or missing. */
  usedFor: string;
  /** An explicit path to the program, which wins over any usual place. */
  env?: string;
  /** Usual places, tried in order. `~` is the home folder. */
  paths: { linux: string[]; darwin: string[] };
  /** Names looked up on PATH after the usual places. */
  commands: string[];
  debianPackage: string;
  /** The Homebrew cask that brings it on macOS, if one does. */
  brewCask?: string;
}

export const TOOLS: readonly Tool[] = [
  {
    id: 'chromium',
    name: 'Chromium',
    usedFor: 'the browser tests (Playwright drives it)',
    env: 'CHROME_PATH',
    paths: {
      linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome', '/opt/google/chrome/chrome', '/snap/bin/chromium'],
      darwin: [
        '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
        '~/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
        '~/Applications/Chromium.app/Contents/MacOS/Chromium',
      ],
    },
    commands: ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'],
    debianPackage: 'chromium',
    brewCask: 'google-chrome',
  },
  {
    id: 'webkit-driver',
    name: 'WebKitWebDriver',
    usedFor: 'the WebKit smoke suite (WebKitGTK, the engine of Safari and every iPhone browser)',
    env: 'WEBKIT_WEBDRIVER_PATH',
    paths: { linux: ['/usr/bin/WebKitWebDriver'], darwin: [] },
    commands: ['WebKitWebDriver'],
    debianPackage: 'webkit2gtk-driver',
  },
  {
    id: 'xvfb',
    name: 'Xvfb',
    usedFor: 'the WebKit smoke suite (WebKitGTK needs a display; Xvfb is one in memory)',
    paths: { linux: ['/usr/bin/Xvfb'], darwin: [] },
    commands: ['Xvfb'],
    debianPackage: 'xvfb',
  },
  {
    id: 'firefox',
    name: 'Firefox ESR',
    usedFor: 'the Firefox smoke suite (Puppeteer drives it over WebDriver BiDi)',
    env: 'FIREFOX_PATH',
    paths: {
      linux: ['/usr/bin/firefox-esr', '/usr/bin/firefox'],
      darwin: ['/Applications/Firefox.app/Contents/MacOS/firefox', '~/Applications/Firefox.app/Contents/MacOS/firefox'],
    },
    commands: ['firefox-esr', 'firefox'],
    debianPackage: 'firefox-esr',
    brewCask: 'firefox',
  },
];

/** What this module needs to know about the machine, and the one thing it does to it. */
export interface System {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  home: string;
  isRoot: boolean;
  /** The contents of /etc/os-release, or null when there is none. */
  osRelease: string | null;
  isExecutable(path: string): boolean;
  /** Runs a command with its output shown; returns its exit code. */
  run(command: string, args: string[], env?: Record<string, string>): number;
  log(message: string): void;
}

export function realSystem(): System {
  return {
    platform: process.platform,
    env: process.env,
    home: homedir(),
    isRoot: process.getuid?.() === 0,
    osRelease: existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : null,
    isExecutable(path) {
      try {
        accessSync(path, constants.X_OK);
        return statSync(path).isFile();
      } catch {
        return false;
      }
    },
    run(command, args, env) {
      const result = spawnSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
      return result.status ?? 1;
    },
    log: (message) => console.log(message),
  };
}

/** Where a tool is, or why it is not there. */
export type Found = { tool: Tool; path: string } | { tool: Tool; path: null; badEnv?: string };

export function find(tool: Tool, system: System): Found {
  const explicit = tool.env ? system.env[tool.env] : undefined;
  if (explicit) {
    return system.isExecutable(explicit) ? { tool, path: explicit } : { tool, path: null, badEnv: explicit };
  }
  const usual = system.platform === 'darwin' ? tool.paths.darwin : system.platform === 'linux' ? tool.paths.linux : [];
  const onPath = (system.env.PATH ?? '').split(delimiter).filter(Boolean).flatMap((dir) => tool.commands.map((c) => join(dir, c)));
  const path = [...usual.map((p) => p.replace(/^~(?=\/)/, system.home)), ...onPath].find((p) => system.isExecutable(p));
  return path ? { tool, path } : { tool, path: null };
}

function isDebian(system: System): boolean {
  return system.platform === 'linux' && /^ID=("?)debian\1$/m.test(system.osRelease ?? '');
}

function canInstall(system: System): boolean {
  return isDebian(system) && system.isRoot && (system.env.PATH ?? '').split(delimiter).some((dir) => system.isExecutable(join(dir, 'apt-get')));
}

export function aptInstallCommand(tools: readonly Tool[], sudo: boolean): string {
  const s = sudo ? 'sudo ' : '';
  return `${s}apt-get update && ${s}apt-get install -y --no-install-recommends ${tools.map((t) => t.debianPackage).join(' ')}`;
}

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** The one message shown when something is missing and this machine cannot install it here. */
export function missingMessage(missing: readonly Found[], system: System): string {
  const lines = ['The browser tests cannot run: this machine has no'];
  for (const { tool } of missing) lines.push(`  - ${tool.name}, for ${tool.usedFor}`);
  const badEnv = missing.filter((f) => f.path === null && f.badEnv);
  if (badEnv.length > 0) lines.push('');
  for (const f of badEnv) {
    if (f.path === null) lines.push(`${f.tool.env} is set to ${f.badEnv}, which is not a program: point it at one, or unset it to look in the usual places.`);
  }
  const rest = missing.filter((f) => !badEnv.includes(f)).map((f) => f.tool);
  if (rest.length > 0) {
    lines.push('');
    if (system.platform === 'linux' && (isDebian(system) || system.osRelease === null || /^ID_LIKE=.*debian/m.test(system.osRelease))) {
      lines.push('Install them with Debian’s packages (as root, or with sudo):', '', `  ${aptInstallCommand(rest, !system.isRoot)}`);
    } else if (system.platform === 'darwin') {
      const casks = rest.flatMap((t) => (t.brewCask ? [t.brewCask] : []));
      const linuxOnly = rest.filter((t) => !t.brewCask).map((t) => t.name);
      if (casks.length > 0) lines.push('Install them with Homebrew:', '', `  brew install --cask ${casks.join(' ')}`);
      if (linuxOnly.length > 0) {
        lines.push(`${list(linuxOnly)} exist only on Linux (WebKitGTK): run the tests on Debian, where they install with:`, '', `  ${aptInstallCommand(rest.filter((t) => !t.brewCask), true)}`);
      }
    } else {
      lines.push(`Install them with your system’s packages (on Debian: ${aptInstallCommand(rest, true)}).`);
    }
    const explicit = rest.filter((t) => t.env).map((t) => `${t.env}=/path/to/program`);
    if (explicit.length > 0) lines.push('', `Or say where yours are: ${explicit.join(' ')} npm test`);
  }
  lines.push('', 'Then run npm test again.');
  return lines.join('\n');
}

export class BrowsersMissingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BrowsersMissingError';
    // The message is the whole story; a stack would only bury it.
    this.stack = message;
  }
}

/**
 * Finds every tool, installing the missing ones when this machine can.
 * Returns each tool's path; throws BrowsersMissingError with one message
 * naming the command to run when something is still missing.
 */
export function ensureTestBrowsers(system: System = realSystem(), tools: readonly Tool[] = TOOLS): Record<ToolId, string> {
  let found = tools.map((t) => find(t, system));
  const missing = () => found.filter((f) => f.path === null);
  const installable = missing().filter((f) => f.path === null && !f.badEnv);
  if (installable.length > 0 && canInstall(system)) {
    system.log(
      [
        'Installing what the browser tests need from Debian’s packages (not on this machine yet):',
        ...installable.map(({ tool }) => `  - ${tool.debianPackage}: ${tool.name}, for ${tool.usedFor}`),
      ].join('\n'),
    );
    const aptEnv = { DEBIAN_FRONTEND: 'noninteractive' };
    const packages = installable.map(({ tool }) => tool.debianPackage);
    const ok =
      system.run('apt-get', ['update', '-qq'], aptEnv) === 0 &&
      system.run('apt-get', ['install', '-y', '-qq', '-o', 'Dpkg::Use-Pty=0', '--no-install-recommends', ...packages], aptEnv) === 0;
    found = tools.map((t) => find(t, system));
    if (!ok && missing().length > 0) {
      throw new BrowsersMissingError(`${missingMessage(missing(), system)}\n(apt-get failed: its output is above.)`);
    }
  }
  if (missing().length > 0) throw new BrowsersMissingError(missingMessage(missing(), system));
  return Object.fromEntries(found.map((f) => [f.tool.id, f.path])) as Record<ToolId, string>;
}

const located = new Map<ToolId, string>();

/** The path of one tool, for the helpers that launch it: found once per process, never installed from here. */
export function toolPath(id: ToolId): string {
  let path = located.get(id);
  if (!path) {
    const system = realSystem();
    const found = find(TOOLS.find((t) => t.id === id)!, system);
    if (found.path === null) throw new BrowsersMissingError(missingMessage([found], system));
    located.set(id, (path = found.path));
  }
  return path;
}
