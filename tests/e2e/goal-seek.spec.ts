import { cell, expect, openApp, test } from './fixtures.ts';

test('goal seek finds the population that keeps density at 82 per 100 in 2025 and applies it as one undoable change', async ({ page }) => {
  await openApp(page);
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,6');
  await page.getByTestId('open-goal-seek').click();
  const dialog = page.getByTestId('goal-seek-dialog');
  await dialog.locator('select[name="target"]').selectOption('mobile_density');
  await dialog.locator('input[name="value"]').fill('82');
  await dialog.locator('select[name="period"]').selectOption('2025');
  await dialog.locator('select[name="input"]').selectOption('population');
  await dialog.locator('select[name="parameter"]').selectOption('level');
  await page.getByTestId('goal-seek-run').click();
  await expect(page.getByTestId('goal-seek-answer')).toContainText('Dân số');
  await expect(page.getByTestId('goal-seek-answer')).toContainText('3,68');
  await page.getByTestId('goal-seek-apply').click();
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,0');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,6');
});

test('goal seek opened from a target says plainly when no input value can reach it', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'name').click();
  await page.getByTestId('target-goal-seek').click();
  const dialog = page.getByTestId('goal-seek-dialog');
  await expect(dialog.locator('select[name="target"]')).toHaveValue('sector_revenue');
  await dialog.locator('select[name="input"]').selectOption('mobile_subscribers');
  await page.getByTestId('goal-seek-run').click();
  await expect(page.getByTestId('goal-seek-problem')).toContainText('không phụ thuộc');
  await expect(page.getByTestId('goal-seek-apply')).toBeDisabled();
});
