/**
 * The pre-test check for browsers (tests/setup/test-browsers.ts), played on
 * imaginary machines: what it finds where, what it installs and says, and the
 * one message it stops with when it cannot install. Nothing is installed:
 * `run` records the commands and "installs" by adding the packages' files.
 */
import { describe, expect, test } from 'vitest';
import { BrowsersMissingError, ensureTestBrowsers, find, TOOLS, type System } from '../../setup/test-browsers';

const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';

/** What each Debian package puts on the machine. */
const PACKAGE_FILES: Record<string, string> = {
  chromium: '/usr/bin/chromium',
  'webkit2gtk-driver': '/usr/bin/WebKitWebDriver',
  xvfb: '/usr/bin/Xvfb',
  'firefox-esr': '/usr/bin/firefox-esr',
};
const EVERYTHING = Object.values(PACKAGE_FILES);

interface Machine extends System {
  files: Set<string>;
  ran: string[];
  said: string[];
}

function machine(options: { files?: string[]; platform?: NodeJS.Platform; root?: boolean; osRelease?: string | null; env?: Record<string, string>; aptFails?: boolean }): Machine {
  const files = new Set([...(options.files ?? []), '/usr/bin/apt-get']);
  const ran: string[] = [];
  const said: string[] = [];
  return {
    files,
    ran,
    said,
    platform: options.platform ?? 'linux',
    env: { PATH: '/usr/local/bin:/usr/bin:/bin', ...options.env },
    home: '/home/baker',
    isRoot: options.root ?? true,
    osRelease: options.osRelease === undefined ? DEBIAN : options.osRelease,
    isExecutable: (path) => files.has(path),
    run(command, args, env) {
      ran.push(`${env?.DEBIAN_FRONTEND ? `DEBIAN_FRONTEND=${env.DEBIAN_FRONTEND} ` : ''}${command} ${args.join(' ')}`);
      if (options.aptFails) return 100;
      if (args[0] === 'install') for (const p of args.filter((a) => a in PACKAGE_FILES)) files.add(PACKAGE_FILES[p]!);
      return 0;
    },
    log: (message) => said.push(message),
  };
}

/** The message ensureTestBrowsers stops with (fails the test if it does not stop). */
function stopMessage(system: System): string {
  try {
    ensureTestBrowsers(system);
  } catch (e) {
    expect(e).toBeInstanceOf(BrowsersMissingError);
    // The message is the whole report: no stack frames under it.
    expect((e as Error).stack).toBe((e as Error).message);
    return (e as Error).message;
  }
  throw new Error('expected ensureTestBrowsers to stop');
}

describe('everything present', () => {
  test('finds each program at its usual path, installs nothing and says nothing', () => {
    const m = machine({ files: EVERYTHING });
    expect(ensureTestBrowsers(m)).toEqual({
      chromium: '/usr/bin/chromium',
      'webkit-driver': '/usr/bin/WebKitWebDriver',
      xvfb: '/usr/bin/Xvfb',
      firefox: '/usr/bin/firefox-esr',
    });
    expect(m.ran).toEqual([]);
    expect(m.said).toEqual([]);
  });

  test('Chrome instead of Chromium, elsewhere on PATH, and Firefox instead of Firefox ESR are found', () => {
    const m = machine({ files: ['/opt/tools/google-chrome', '/usr/bin/WebKitWebDriver', '/usr/bin/Xvfb', '/usr/bin/firefox'], env: { PATH: '/opt/tools:/usr/bin' } });
    expect(ensureTestBrowsers(m)).toMatchObject({ chromium: '/opt/tools/google-chrome', firefox: '/usr/bin/firefox' });
  });

  test('macOS: Chrome and Firefox in Applications, the home folder’s included', () => {
    const chromium = TOOLS.find((t) => t.id === 'chromium')!;
    const firefox = TOOLS.find((t) => t.id === 'firefox')!;
    const mac = machine({
      platform: 'darwin',
      osRelease: null,
      files: ['/home/baker/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    });
    expect(find(chromium, mac).path).toBe('/home/baker/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(find(firefox, mac).path).toBe('/Applications/Firefox.app/Contents/MacOS/firefox');
    mac.files.add('/Applications/Chromium.app/Contents/MacOS/Chromium');
    expect(find(chromium, mac).path).toBe('/Applications/Chromium.app/Contents/MacOS/Chromium');
  });

  test('CHROME_PATH wins over the usual places', () => {
    const m = machine({ files: [...EVERYTHING, '/opt/chrome-beta/chrome'], env: { CHROME_PATH: '/opt/chrome-beta/chrome' } });
    expect(ensureTestBrowsers(m).chromium).toBe('/opt/chrome-beta/chrome');
  });
});

describe('missing, and this machine can install it (Debian, root, apt-get)', () => {
  test('installs only what is missing with one apt-get update and one non-interactive install, saying what and why', () => {
    const m = machine({ files: ['/usr/bin/Xvfb'] });
    expect(ensureTestBrowsers(m)).toMatchObject({ chromium: '/usr/bin/chromium', firefox: '/usr/bin/firefox-esr' });
    expect(m.ran).toEqual([
      'DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq -o Dpkg::Use-Pty=0 --no-install-recommends chromium webkit2gtk-driver firefox-esr',
    ]);
    expect(m.said).toHaveLength(1);
    expect(m.said[0]).toMatch(/^Installing what the browser tests need from Debian’s packages/);
    expect(m.said[0]).toContain('  - chromium: Chromium, for the browser tests');
    expect(m.said[0]).toContain('  - webkit2gtk-driver: WebKitWebDriver, for the WebKit smoke suite');
    expect(m.said[0]).toContain('  - firefox-esr: Firefox ESR, for the Firefox smoke suite');
    expect(m.said[0]).not.toContain('xvfb');
  });

  test('a failing apt-get stops with the command to run by hand', () => {
    const m = machine({ files: EVERYTHING.filter((f) => f !== '/usr/bin/chromium'), aptFails: true });
    const message = stopMessage(m);
    expect(m.ran).toEqual(['DEBIAN_FRONTEND=noninteractive apt-get update -qq']);
    expect(message).toContain('  apt-get update && apt-get install -y --no-install-recommends chromium\n');
    expect(message).toContain('apt-get failed: its output is above.');
  });
});

describe('missing, and this machine cannot install it: one message with the exact command, nothing run', () => {
  test('Debian, not root: the sudo command for exactly what is missing', () => {
    const m = machine({ files: ['/usr/bin/Xvfb', '/usr/bin/WebKitWebDriver'], root: false });
    const message = stopMessage(m);
    expect(m.ran).toEqual([]);
    expect(message).toBe(
      [
        'The browser tests cannot run: this machine has no',
        '  - Chromium, for the browser tests (Playwright drives it)',
        '  - Firefox ESR, for the Firefox smoke suite (Puppeteer drives it over WebDriver BiDi)',
        '',
        'Install them with Debian’s packages (as root, or with sudo):',
        '',
        '  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium firefox-esr',
        '',
        'Or say where yours are: CHROME_PATH=/path/to/program FIREFOX_PATH=/path/to/program npm test',
        '',
        'Then run npm test again.',
      ].join('\n'),
    );
  });

  test('not Debian (Ubuntu, root): nothing is installed, and Debian’s command is named', () => {
    const m = machine({ files: EVERYTHING.filter((f) => f !== '/usr/bin/chromium'), osRelease: UBUNTU });
    const message = stopMessage(m);
    expect(m.ran).toEqual([]);
    expect(message).toContain('  - Chromium, for the browser tests');
    expect(message).toContain('apt-get install -y --no-install-recommends chromium');
    expect(message).toContain('CHROME_PATH=/path/to/program');
  });

  test('macOS: Homebrew for the browsers, and WebKitGTK’s programs only on Linux', () => {
    const m = machine({ platform: 'darwin', osRelease: null, root: false });
    const message = stopMessage(m);
    expect(m.ran).toEqual([]);
    expect(message).toContain('  brew install --cask google-chrome firefox\n');
    expect(message).toContain('WebKitWebDriver and Xvfb exist only on Linux (WebKitGTK)');
    expect(message).toContain('  sudo apt-get update && sudo apt-get install -y --no-install-recommends webkit2gtk-driver xvfb\n');
  });

  test('CHROME_PATH pointing at nothing is never papered over by an install or another Chromium', () => {
    const m = machine({ files: EVERYTHING, env: { CHROME_PATH: '/opt/gone/chrome' } });
    const message = stopMessage(m);
    expect(m.ran).toEqual([]);
    expect(message).toContain('CHROME_PATH is set to /opt/gone/chrome, which is not a program: point it at one, or unset it to look in the usual places.');
  });
});
