import AxeBuilder from '@axe-core/playwright';
import { cell, expect, openApp, test, typeInto } from './fixtures.ts';

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

  const results = await new AxeBuilder({ page }).include('[data-testid="indicator-chart"]').analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // Another scenario appears in the legend; showing the base moves the mark.
  await page.getByTestId('fork-scenario').click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveAttribute('aria-selected', 'true');
  await expect(legend).toHaveCount(3);
  await expect(legend.nth(2)).toHaveText('Kịch bản 2 (đang xem)');
  await page.getByTestId('scenario-tab-base').click();
  await expect(legend.nth(0)).toHaveText('Cơ sở (đang xem)');
  await expect(legend.nth(1)).toHaveText('Kịch bản 1');
  await expect(legend).toHaveCount(3);
});
