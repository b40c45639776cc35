import { cell, expect, openApp, simulateInternetRange, test, writeLongSimulationPlan } from './fixtures.ts';

test('a range on an input gives each target a probability, reproduced exactly by the same seed', async ({ page }) => {
  await openApp(page);
  await simulateInternetRange(page);
  const probability = await cell(page, 'internet_subscribers', 'probability').textContent();
  // Triangular(−5 %, 2 %, 8 %): P(rate ≥ 0) = 1 − 0.05² / (0.13 × 0.07) ≈ 72,5 %.
  expect(Number(probability?.replace(/[^\d]/g, ''))).toBeGreaterThanOrEqual(71);
  expect(Number(probability?.replace(/[^\d]/g, ''))).toBeLessThanOrEqual(74);

  // The band appears in the chart of the selected indicator.
  await page.getByTestId('toggle-chart').click();
  await expect(page.getByTestId('indicator-chart')).toContainText('P10');
  // The tornado chart shows the one ranged input's swing on the internet target.
  await expect(page.getByTestId('tornado').locator('rect')).toHaveCount(1);
  await expect(page.getByTestId('tornado')).toContainText('Thuê bao Internet băng rộng');
  // With a second target, the planner chooses which one the bars are for.
  await expect(page.getByTestId('tornado-target')).toHaveCount(0);
  await page.getByTestId('add-target').click();
  const added = page.getByTestId('target-item').nth(1);
  await added.getByRole('combobox', { name: 'Kỳ', exact: true }).selectOption('2027');
  const choice = page.getByTestId('tornado-target');
  await expect(choice.locator('option')).toHaveText(['2024', '2027']);
  await expect(page.getByTestId('tornado')).toContainText('Thuê bao Internet băng rộng 2024:');
  await choice.selectOption({ label: '2027' });
  await expect(page.getByTestId('tornado')).toContainText('Thuê bao Internet băng rộng 2027:');

  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-status')).toContainText('Kết quả mô phỏng 10.000 lần thử');
  await expect(cell(page, 'internet_subscribers', 'probability')).toHaveText(probability ?? '');
});

test('without any range the simulation says how to add one', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-problem')).toContainText('Chưa có đầu vào nào có khoảng');
});

test('a long simulation shows progress, stops when asked, and runs again to the same probabilities', async ({ page, profile }) => {
  // 100 ranged indicators × 120 months: long enough to see progress and stop it.
  const file = writeLongSimulationPlan(profile.dir, 'big-simulation');

  await openApp(page);
  // 120 monthly columns are virtualised: a wide window keeps the probability column on screen.
  await page.setViewportSize({ width: 2200, height: 900 });
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('plan-title')).toHaveText('Mô phỏng lớn');
  await page.getByTestId('simulation-seed').fill('42');
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-progress')).toBeVisible();
  await expect(page.locator('.simulation-status')).toContainText('Mô phỏng:');
  // The grid stays usable while the worker simulates.
  await cell(page, 'x1', 'name').click();
  await expect(page.getByTestId('inspector')).toContainText('x1');
  await page.getByTestId('cancel-simulation').click();
  await expect(page.getByTestId('simulation-progress')).toBeHidden();

  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-status')).toContainText('10.000 lần thử', { timeout: 60_000 });
  const first = await cell(page, 'x0', 'probability').textContent();
  await page.getByTestId('simulate').click();
  await expect(page.getByTestId('simulation-progress')).toBeVisible();
  await expect(page.getByTestId('simulation-status')).toContainText('10.000 lần thử', { timeout: 60_000 });
  expect(await cell(page, 'x0', 'probability').textContent()).toBe(first);
});
