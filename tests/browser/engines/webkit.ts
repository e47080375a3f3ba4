/**
 * WebKit, the engine of Safari and of every browser on an iPhone, as Debian
 * ships it: WebKitGTK's MiniBrowser, driven through WebKitWebDriver by
 * selenium-webdriver, on an Xvfb display of its own. MiniBrowser in
 * automation mode keeps its data in memory only, so every start is a fresh
 * profile. WebKit takes its language from the environment (under LANG=C it
 * reports "C"), hence LANG is set for it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { Builder, type WebDriver } from 'selenium-webdriver';
import { DriverService } from 'selenium-webdriver/remote';
import { toolPath } from '../../setup/test-browsers';
import { LANGUAGE_ENV, type Engine, type EngineTab } from './engine';

/** An iPhone's screen, in CSS pixels. */
const WINDOW = { width: 390, height: 844 };

/** Starts Xvfb on the first free display; resolves with it (":99") once it accepts clients. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it is ready.
    const xvfb = spawn(toolPath('xvfb'), ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    xvfb.stderr!.on('data', (d: Buffer) => (errors += d.toString()));
    xvfb.stdio[3]!.once('data', (d: Buffer) => resolve({ display: `:${d.toString().trim()}`, process: xvfb }));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it was ready:\n${errors}`)));
  });
}

export function webkit(): Engine {
  let xvfb: ChildProcess | undefined;
  let service: DriverService | undefined;
  let driver: WebDriver | undefined;
  let firstTabUsed = false;
  // One WebDriver session drives every tab, one command at a time: each command switches to its tab first.
  let queue: Promise<unknown> = Promise.resolve();
  const inOrder = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work);
    queue = next.catch(() => undefined);
    return next;
  };

  function tab(handle: string): EngineTab {
    const on = <T>(work: (d: WebDriver) => Promise<T>) =>
      inOrder(async () => {
        await driver!.switchTo().window(handle);
        return work(driver!);
      });
    return {
      // WebDriver awaits a returned promise (W3C "execute script"), so async functions work as they are.
      evaluate: (fn, ...args) => on((d) => d.executeScript(`return (${fn.toString()}).apply(null, arguments);`, ...args)),
      click: (selector) => on(async (d) => d.findElement({ css: selector }).click()),
      type: (text) => on(async (d) => d.switchTo().activeElement().sendKeys(text)),
      goto: (url) => on((d) => d.get(url)),
      reload: () => on((d) => d.navigate().refresh()),
      close: () =>
        on(async (d) => {
          await d.close();
          const [other] = await d.getAllWindowHandles();
          if (other) await d.switchTo().window(other);
        }),
    };
  }

  return {
    name: 'WebKit',
    async start() {
      const x = await startXvfb();
      xvfb = x.process;
      service = new DriverService.Builder(toolPath('webkit-driver'))
        .setLoopback(true)
        .setEnvironment({ ...(process.env as Record<string, string>), DISPLAY: x.display, ...LANGUAGE_ENV })
        .build();
      const url = await service.start(20_000);
      driver = await new Builder()
        .usingServer(url)
        .withCapabilities({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } })
        .build();
      await driver.manage().window().setRect(WINDOW);
      const capabilities = await driver.getCapabilities();
      return `WebKitGTK ${String(capabilities.get('browserVersion'))}`;
    },
    open: (url) =>
      inOrder(async () => {
        if (firstTabUsed) await driver!.switchTo().newWindow('tab');
        firstTabUsed = true;
        const handle = await driver!.getWindowHandle();
        await driver!.get(url);
        return tab(handle);
      }),
    async stop() {
      await driver?.quit().catch(() => undefined);
      await service?.kill();
      xvfb?.kill();
    },
  };
}
