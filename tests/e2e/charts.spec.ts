import { seriousViolations } from './axe.ts';
import type { Page } from '@playwright/test';
import { cell, expect, openApp, test, typeInto } from './fixtures.ts';

/** The chart's table of numbers at one period: one text per column. */
function numbersAt(page: Page, period: string) {
  return page.getByTestId('chart-data').locator(`tr[data-period="${period}"] td`);
}

/** Enter moves the grid's focus down, and the chart follows the focus: back to the indicator. */
async function showChartOf(page: Page, indicator: string): Promise<void> {
  await cell(page, indicator, 'name').click();
  await expect(page.getByTestId('indicator-chart')).toBeVisible();
  const table = page.getByTestId('chart-data');
  if (!(await table.evaluate((details) => (details as HTMLDetailsElement).open))) await table.locator('summary').click();
}

test('the chart draws one named line per scenario, the shown one marked, and follows edits', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fork-scenario').click();
  await expect(page.getByTestId('scenario-tab-s1')).toHaveAttribute('aria-selected', 'true');
  await typeInto(page, 'sector_revenue', 'growthRate', '12');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.488');

  await cell(page, 'sector_revenue', 'name').click();
  await page.getByTestId('toggle-chart').click();
  const legend = page.getByTestId('chart-legend-line');
  await expect(legend).toHaveCount(2);
  await expect(legend.nth(0)).toHaveText('Cơ sở');
  await expect(legend.nth(1)).toHaveText('Kịch bản 1 (đang xem)');
  await expect(legend.nth(1)).toHaveAttribute('data-shown', 'true');

  // Each line has its own dash pattern, not only its own colour.
  const dashes = await legend.locator('line').evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke-dasharray')));
  expect(new Set(dashes).size).toBe(2);

  // The numbers behind the lines: actual, base, scenario 1, target.
  await showChartOf(page, 'sector_revenue');
  await expect(page.getByTestId('chart-data').locator('thead th')).toHaveText(['Kỳ', 'Thực hiện', 'Cơ sở', 'Kịch bản 1 (đang xem)', 'Chỉ tiêu']);
  await expect(numbersAt(page, '2026')).toHaveText(['', '6.201', '6.884', '']);
  await expect(numbersAt(page, '2024')).toHaveText(['', '5.300', '5.488', '5.300']);

  expect(await seriousViolations(page, '[data-testid="indicator-chart"]')).toEqual([]);

  // An edit in the shown scenario moves its line at once, and the base's stays.
  await typeInto(page, 'sector_revenue', 'growthRate', '10');
  await showChartOf(page, 'sector_revenue');
  await expect(numbersAt(page, '2026')).toHaveText(['', '6.201', '6.522', '']);

  // Another scenario joins the legend; showing the base moves the mark.
  await page.getByTestId('fork-scenario').click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveAttribute('aria-selected', 'true');
  await expect(legend).toHaveCount(3);
  await expect(legend.nth(2)).toHaveText('Kịch bản 2 (đang xem)');
  await page.getByTestId('scenario-tab-base').click();
  await expect(legend.nth(0)).toHaveText('Cơ sở (đang xem)');
  await expect(legend.nth(1)).toHaveText('Kịch bản 1');
  await expect(legend).toHaveCount(3);

  // An actual changed in the base reaches the scenarios that inherit it, from the worker.
  await typeInto(page, 'sector_revenue', 'p:1', '5000');
  await showChartOf(page, 'sector_revenue');
  await expect(numbersAt(page, '2026')).toHaveText(['', '5.955', '6.655', '6.655', '']);
});
