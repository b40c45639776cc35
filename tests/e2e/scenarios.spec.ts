import { cell, expect, openApp, test, typeInto } from './fixtures.ts';

test('fork a scenario, override a value there, compare it with the base, then reset it to the inherited value', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fork-scenario').click();
  await expect(page.getByTestId('scenario-tab-s1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('scenario-note')).toContainText('Kịch bản 1');

  // In the scenario: a faster revenue path; the base keeps its own.
  await typeInto(page, 'sector_revenue', 'growthRate', '12');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.488');
  await expect(cell(page, 'sector_revenue', 'method')).toHaveClass(/cell-overridden/);
  await typeInto(page, 'population', 'p:1', '4');
  await expect(cell(page, 'population', 'p:1')).toHaveClass(/cell-overridden/);
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('74,5');

  await page.getByTestId('scenario-tab-base').click();
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.300');
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('81,5');
  await expect(cell(page, 'population', 'p:1')).not.toHaveClass(/cell-overridden/);

  // Compare side by side at 2024.
  await page.getByTestId('compare-scenarios').click();
  const compare = page.getByTestId('compare-dialog');
  await compare.getByLabel('Kịch bản 1').check();
  await expect(page.getByTestId('compare-row-sector_revenue')).toContainText('5.300');
  await expect(page.getByTestId('compare-row-sector_revenue')).toContainText('5.488');
  await expect(page.getByTestId('compare-row-sector_revenue')).toContainText('+188 (+3,5 %)');
  await expect(page.getByTestId('compare-targets')).toContainText('Đúng hướng');
  await page.keyboard.press('Escape');

  // Back in the scenario, reset population to what it inherits.
  await page.getByTestId('scenario-tab-s1').click();
  await cell(page, 'population', 'name').click();
  await page.getByTestId('reset-override').click();
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,656');
  await expect(cell(page, 'population', 'p:1')).not.toHaveClass(/cell-overridden/);
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.488');

  // The scenario is saved with the plan.
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await page.getByTestId('scenario-tab-s1').click();
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.488');
});

test('a scenario forked from another inherits its changes, and deleting is confirmed and undoable', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('fork-scenario').click();
  await typeInto(page, 'sector_revenue', 'growthRate', '12');
  await page.getByTestId('fork-scenario').click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveAttribute('aria-selected', 'true');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.488');
  await expect(cell(page, 'sector_revenue', 'method')).toHaveClass(/cell-inherited/);

  await page.getByTestId('rename-scenario').click();
  await page.getByTestId('rename-scenario-dialog').locator('input').fill('Tăng nhanh');
  await page.getByTestId('rename-scenario-dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveText(/Tăng nhanh/);

  await page.getByTestId('delete-scenario').click();
  await page.getByTestId('scenario-confirm').click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveCount(0);
  await page.getByTestId('undo').click();
  await expect(page.getByTestId('scenario-tab-s2')).toHaveCount(1);
});
