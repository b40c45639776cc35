import { test as base, chromium, expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import { serializePlanFile } from '../../src/format/serialize.ts';

/** The preview server the suite runs against (see playwright.config.ts for E2E_PORT). */
export const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}/`;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Profile {
  dir: string;
  /** Opens (or reopens) the browser on this profile: what a user sees after closing the browser. */
  launch(): Promise<BrowserContext>;
}

interface Fixtures {
  profile: Profile;
  context: BrowserContext;
  page: Page;
  /** Messages the page logged as errors, and CSP violations: a test fails if any appear. */
  consoleErrors: string[];
}

export const test = base.extend<Fixtures>({
  profile: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'chitieu-e2e-'));
    await use({
      dir,
      launch: () => chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: true,
        args: CHROMIUM_ARGS,
        locale: 'vi-VN',
        acceptDownloads: true,
        baseURL: BASE_URL,
        viewport: { width: 1440, height: 900 },
      }),
    });
    rmSync(dir, { recursive: true, force: true });
  },
  consoleErrors: async ({}, use) => {
    await use([]);
  },
  context: async ({ profile }, use) => {
    const context = await profile.launch();
    await use(context);
    await context.close();
  },
  page: async ({ context, consoleErrors }, use) => {
    const page = context.pages()[0] ?? (await context.newPage());
    watchErrors(page, consoleErrors);
    await use(page);
    expect(consoleErrors, 'the page logged errors').toEqual([]);
  },
});

export function watchErrors(page: Page, sink: string[]): void {
  // A Content-Security-Policy violation fails the test that caused it (QUALITY item 25).
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') sink.push(message.text());
  });
  // With where it was thrown: a failure on CI is then readable from the log alone.
  page.on('pageerror', (error) => sink.push(`pageerror: ${error.message}${(error.stack ?? '').split('\n').slice(1, 4).join(' ')}`));
}

/** Opens the app and waits until it has finished starting. */
export async function openApp(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
}

/** Every stored plan, read straight from IndexedDB (not through the app): what is really kept. */
export async function storedPlans(page: Page): Promise<string> {
  return page.evaluate(() => new Promise<string>((resolve, reject) => {
    const open = indexedDB.open('chitieu');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('plans', 'readonly').objectStore('plans').getAll();
      request.onsuccess = () => { db.close(); resolve(JSON.stringify(request.result)); };
      request.onerror = () => { db.close(); reject(request.error); };
    };
  }));
}

/** A row of the settings store, read straight from IndexedDB; null when there is none. */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
  return page.evaluate((key) => new Promise<unknown>((resolve, reject) => {
    const open = indexedDB.open('chitieu');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const request = db.transaction('settings', 'readonly').objectStore('settings').get(key);
      request.onsuccess = () => { db.close(); resolve(request.result ?? null); };
      request.onerror = () => { db.close(); reject(request.error); };
    };
  }), key);
}

/**
 * Gives internet subscribers' growth rate a triangular range (−5 %, 2 %, 8 %) in the inspector
 * and runs the simulation: P(rate ≥ 0) = 1 − 0.05² / (0.13 × 0.07) ≈ 72,5 %.
 */
export async function simulateInternetRange(page: Page): Promise<void> {
  await cell(page, 'internet_subscribers', 'name').click();
  await page.getByTestId('field-range').selectOption('triangular');
  const inspector = page.getByTestId('inspector');
  for (const [label, value] of [['Thấp', '-5'], ['Cao', '8'], ['Khả dĩ nhất', '2']] as const) {
    const input = inspector.getByLabel(label, { exact: true });
    await input.fill(value);
    await input.press('Enter');
  }
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-status')).toContainText('Kết quả mô phỏng 10.000 lần thử');
}

/**
 * Writes a plan file of 100 ranged indicators × 120 months into `dir`: a simulation of it runs
 * long enough to watch its progress and stop it. Returns the file's path.
 */
export function writeLongSimulationPlan(dir: string, id: string): string {
  const indicators = Array.from({ length: 100 }, (_, i) => makeIndicator({
    id: `x${i}`,
    name: { vi: `Chỉ tiêu ${i}` },
    actuals: { '2024-01': 100 + i },
    projection: { method: 'growth', rate: 0.004 },
    range: { distribution: 'pert', of: 'rate', low: -0.002, likely: 0.004, high: 0.01 },
    targets: [{ period: '2033-12', value: 150 + i, direction: 'atLeast' }],
  }));
  const plan = makePlan({ id, name: 'Mô phỏng lớn', calendar: { periodicity: 'month', start: '2024-01', end: '2033-12' }, indicators });
  const file = join(dir, 'big.json');
  writeFileSync(file, serializePlanFile(plan, { app: 'test', exportedAt: new Date().toISOString() }));
  return file;
}

/** The grid cell of an indicator (`i:<id>`) in a column (`p:<period index>`, `target`…). */
export function cell(page: Page, indicator: string, column: string): Locator {
  return page.locator(`.ag-row[row-id="i:${indicator}"] .ag-cell[col-id="${column}"]`);
}

/**
 * Edits a grid cell the way a user does: focus it, Enter, type, Enter. Returns once the edit has
 * reached the app, so that what a test checks next (the save status, a reload) is about this edit.
 */
export async function typeInto(page: Page, indicator: string, column: string, text: string): Promise<void> {
  await cell(page, indicator, column).click();
  await page.keyboard.press('Enter');
  const editor = page.locator('.ag-cell-inline-editing input');
  await expect(editor).toBeVisible();
  await editor.fill(text);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await editLanded(page);
}

/**
 * AG Grid hands a finished edit to the app in a `setTimeout(0)` after the editor closes; a timer
 * set now runs after it (timers of equal delay run in order), so the edit has been applied.
 */
export async function editLanded(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

export { expect };
