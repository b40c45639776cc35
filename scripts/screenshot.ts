/**
 * Takes the README's screenshot (docs/screenshot.png) from the built app, so the picture shows
 * what the app does today: the example plan, a forked scenario with faster revenue growth, and the
 * chart of revenue with a line per scenario.
 *
 *   npm run build && node node_modules/vite/bin/vite.js preview --port 4290 &
 *   npx tsx scripts/screenshot.ts http://127.0.0.1:4290/
 */
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const url = process.argv[2] ?? 'http://127.0.0.1:4173/';
const profile = mkdtempSync(join(tmpdir(), 'chitieu-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  locale: 'vi-VN',
  viewport: { width: 1680, height: 1050 },
  deviceScaleFactor: 1,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor({ state: 'attached' });
  const cell = (indicator: string, column: string) => page.locator(`.ag-row[row-id="i:${indicator}"] .ag-cell[col-id="${column}"]`);

  await page.getByTestId('fork-scenario').click();
  await cell('sector_revenue', 'growthRate').click();
  await page.keyboard.press('Enter');
  await page.locator('.ag-cell-inline-editing input').fill('12');
  await page.keyboard.press('Enter');
  await cell('sector_revenue', 'p:2').filter({ hasText: '5.488' }).waitFor();

  await cell('sector_revenue', 'name').click();
  await page.getByTestId('toggle-chart').click();
  await page.getByTestId('chart-legend-line').nth(1).waitFor();
  await cell('sector_revenue', 'name').click();
  // Back to the first columns, which editing the rate scrolled away from.
  await page.evaluate(() => document.querySelectorAll('.ag-center-cols-viewport, .ag-body-horizontal-scroll-viewport').forEach((el) => el.scrollTo({ left: 0 })));
  await cell('sector_revenue', 'name').click();
  // The other scenarios' lines come once edits pause.
  await page.waitForTimeout(1_000);
  await page.screenshot({ path: 'docs/screenshot.png' });
  console.log('docs/screenshot.png written');
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
}
