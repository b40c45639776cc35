import { cell, expect, openApp, test } from './fixtures.ts';

test('with the toolbar wrapped, a scenario note and the chart open, the grid keeps its height above the chart, never under it', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fork-scenario').click();
  await cell(page, 'sector_revenue', 'name').click();
  await page.getByTestId('toggle-chart').click();
  await expect(page.getByTestId('indicator-chart')).toBeVisible();

  const grid = await page.getByTestId('plan-grid').boundingBox();
  const chart = await page.locator('.chart-panel').boundingBox();
  if (!grid || !chart) throw new Error('grid or chart not laid out');
  expect(grid.height).toBeGreaterThanOrEqual(320);
  expect(grid.y + grid.height).toBeLessThanOrEqual(chart.y);
});
