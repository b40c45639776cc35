import type { Page } from '@playwright/test';
import { cell, expect, openApp, test } from './fixtures.ts';

// How an edit ends must not change how often it counts: Enter, Tab and a click elsewhere each
// commit it once (one history entry, even after AG Grid's own deferred edit event has come and
// gone), Escape not at all.

const TARGET_LABEL = 'Doanh thu các dịch vụ ngành TT&TT 2024: 5.300 → 5.500';

async function startEditing(page: Page, indicator: string, column: string, text: string): Promise<void> {
  await cell(page, indicator, column).click();
  await page.keyboard.press('Enter');
  const editor = page.locator('.ag-cell-inline-editing input');
  await expect(editor).toBeVisible();
  await editor.fill(text);
}

/** Past AG Grid's deferred edit event (a timer of the keydown), and a little more. */
async function settled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => setTimeout(() => setTimeout(resolve, 100), 0)));
}

/** The history panel's entries, once it is open. */
async function history(page: Page) {
  await page.getByTestId('toggle-history').click();
  await expect(page.getByTestId('history')).toBeVisible();
  return page.getByTestId('history-item');
}

test('Enter commits an edit once and moves down', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', '5.500');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
  await expect(page.locator('.ag-cell-focus[col-id="target"]')).toHaveCount(1);
  await expect(page.locator('.ag-row[row-id="i:sector_revenue"] .ag-cell-focus')).toHaveCount(0);
  await settled(page);
  await expect(await history(page)).toHaveText([TARGET_LABEL]);
});

// The committing Enter waits (a few ms) for the edit's result so that both are drawn in one frame;
// what is typed meanwhile must still go to the next cell, in order (decision 0013, addendum 2).
test('keys typed right after an Enter land in the next cell, in order', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'mobile_subscribers', 'p:1', '2,99');
  await page.keyboard.press('Enter');
  await page.keyboard.type('3,7');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await expect(cell(page, 'mobile_subscribers', 'p:1')).toHaveText('2,99');
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,700');
  await expect(page.locator('.ag-row[row-id="i:mobile_density"] .ag-cell-focus[col-id="p:1"]')).toHaveCount(1);
  await settled(page);
  await expect(await history(page)).toHaveCount(2);
});

// A closed editor leaves the page's caret behind in the grid's text; with it there, every focus
// move between cells cost about 2 ms (decision 0013, addendum 3). The grid drops it when a cell
// takes the focus; an editor's own caret is untouched.
test('an edit leaves no stray caret behind, and the next editor still takes typing', async ({ page }) => {
  await openApp(page);
  const caret = () => page.evaluate(() => document.getSelection()?.type === 'Caret');
  await startEditing(page, 'mobile_subscribers', 'p:0', '2,99');
  await page.keyboard.press('Enter');
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  expect(await caret()).toBe(false);
  await page.keyboard.press('ArrowDown');
  expect(await caret()).toBe(false);
  await cell(page, 'sector_revenue', 'target').click();
  await page.keyboard.press('Enter');
  const editor = page.locator('.ag-cell-inline-editing input');
  await expect(editor).toBeFocused();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('5.600');
  await expect(editor).toHaveValue('5.600');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.600');
});

test('Tab commits an edit once and opens the next cell', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', '5.500');
  await page.keyboard.press('Tab');
  await expect(page.locator('.ag-cell-inline-editing[col-id="targetPeriod"]')).toHaveCount(1);
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
  await page.keyboard.press('Escape');
  await settled(page);
  await expect(await history(page)).toHaveText([TARGET_LABEL]);
});

test('clicking another cell commits an edit once', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', '5.500');
  await cell(page, 'population', 'name').click();
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
  await settled(page);
  await expect(await history(page)).toHaveText([TARGET_LABEL]);
});

test('Escape drops an edit', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', '5.500');
  await page.keyboard.press('Escape');
  await expect(page.locator('.ag-cell-inline-editing')).toHaveCount(0);
  await settled(page);
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.300');
  await expect(await history(page)).toHaveCount(0);
});

test('Enter on an editor left as it opened changes nothing', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'p:1').click();
  await page.keyboard.press('F2');
  await expect(page.locator('.ag-cell-inline-editing input')).toBeVisible();
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  await expect(await history(page)).toHaveCount(0);
});

test('a value refused on Enter is reported once', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', 'abc');
  await page.keyboard.press('Enter');
  await settled(page);
  await expect(page.getByTestId('notice-error')).toHaveCount(1);
  await expect(page.getByTestId('notice-error')).toContainText('“abc” không phải là một số');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.300');
});

test('an edit committed with Enter survives a reload right after it', async ({ page }) => {
  await openApp(page);
  await startEditing(page, 'sector_revenue', 'target', '5.500');
  await page.keyboard.press('Enter');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
});
