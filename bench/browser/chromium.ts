/**
 * Chromium launched exactly as the end-to-end suite launches it (tests/e2e/fixtures.ts: Debian's
 * /usr/bin/chromium, the same flags, a fresh profile through `launchPersistentContext`), with a
 * wide viewport: with more than 40 periods the grid virtualises its columns, and the cells the
 * benchmark watches must be on screen.
 */
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, CHROMIUM_ARGS } from '../../tests/e2e/fixtures.ts';
import { NAME_HELPER, installProbe, type BenchWindow } from './probe.ts';

export const VIEWPORT = { width: 2600, height: 1000 };

export interface Session {
  context: BrowserContext;
  page: Page;
  /** Console errors and uncaught exceptions: a run that has any says so in its results. */
  errors: string[];
  close(): Promise<void>;
}

/** A fresh profile with the probe installed; the page is not opened yet. */
export async function openSession(baseURL: string): Promise<Session> {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    locale: 'vi-VN',
    baseURL,
    viewport: VIEWPORT,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.addInitScript({ content: NAME_HELPER });
  await page.addInitScript(installProbe);
  const errors: string[] = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return {
    context,
    page,
    errors,
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Opens the app (or reloads it) and waits until it has started. */
export async function openApp(page: Page, reload = false): Promise<void> {
  if (reload) await page.reload();
  else await page.goto('/');
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** Waits until the service worker controls the page and has finished installing (precache). */
export async function serviceWorkerReady(page: Page): Promise<boolean> {
  return page.evaluate(async () => {
    if (!('serviceWorker' in navigator)) return false;
    await Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 30_000))]);
    return navigator.serviceWorker.controller !== null || (await navigator.serviceWorker.getRegistration())?.active != null;
  });
}

/** Waits for the page to go quiet: no IndexedDB transaction open, nothing happening for `quietMs`. */
export async function settle(page: Page, quietMs = 300): Promise<void> {
  await page.evaluate(([quiet]) => (window as unknown as BenchWindow).__bench.settle(quiet as number, 20_000), [quietMs]);
}

export async function clearStats(page: Page): Promise<void> {
  await page.evaluate(() => {
    const b = (window as unknown as BenchWindow).__bench;
    b.longTasks.length = 0;
    b.frames.length = 0;
    b.events.length = 0;
    b.idb.length = 0;
    b.posts.length = 0;
    b.messages.length = 0;
  });
}
