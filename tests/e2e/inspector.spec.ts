import { cell, expect, openApp, test } from './fixtures.ts';

test('the inspector edits a formula with errors shown while typing and name completion', async ({ page }) => {
  await openApp(page);
  await cell(page, 'mobile_density', 'name').click();
  const inspector = page.getByTestId('inspector');
  await expect(inspector).toContainText('mobile_density');
  const formula = page.getByTestId('formula-input');
  await formula.fill('mobile_subscribers / populatio * 100');
  await expect(page.getByTestId('formula-status')).toContainText('populatio');
  await expect(page.getByTestId('apply-formula')).toBeDisabled();

  await formula.fill('mobile_subscribers / popul');
  await expect(page.getByTestId('formula-suggestions')).toContainText('population');
  await formula.press('Enter');
  await formula.press('End');
  await formula.pressSequentially(' * 1000');
  await expect(page.getByTestId('formula-status')).toContainText('Công thức hợp lệ');
  await page.getByTestId('apply-formula').click();
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('815,1');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('81,5');
});

test('the inspector changes the projection method and its rate, each one undoable step', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'name').click();
  await page.getByTestId('field-method').selectOption('growth');
  await expect(cell(page, 'sector_revenue', 'method')).toHaveText('Tăng trưởng');
  const rate = page.getByTestId('field-rate');
  await rate.fill('10');
  await rate.press('Enter');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.390');
  await expect(cell(page, 'sector_revenue', 'status')).toContainText('Đúng hướng');
  await rate.fill('1');
  await rate.press('Enter');
  await expect(cell(page, 'sector_revenue', 'status')).toContainText('Chệch hướng');
  await rate.fill('abc');
  await rate.press('Enter');
  await expect(page.getByTestId('inspector').getByRole('alert')).toContainText('không phải là một số');
});

test('a cycle between formulas is shown on the rows in it, naming the cycle', async ({ page }) => {
  await openApp(page);
  await cell(page, 'population', 'name').click();
  await page.getByTestId('field-method').selectOption('formula');
  await page.getByTestId('formula-input').fill('mobile_density * 2');
  await page.getByTestId('apply-formula').click();
  await expect(cell(page, 'population', 'p:2')).toHaveClass(/cell-error/);
  await expect(page.getByTestId('inspector')).toContainText('Vòng lặp');
  await expect(page.getByTestId('inspector')).toContainText('population');
});

test('an indicator moves up and down within its group, as one undoable step', async ({ page }) => {
  await openApp(page);
  await cell(page, 'online_services_full', 'name').click();
  await page.getByTestId('move-up').click();
  const rowIndex = (id: string) => page.locator(`.ag-row[row-id="i:${id}"]`).first().getAttribute('row-index');
  await expect.poll(async () => Number(await rowIndex('online_services_full')) < Number(await rowIndex('online_services_partial'))).toBe(true);
  await page.keyboard.press('Control+z');
  await expect.poll(async () => Number(await rowIndex('online_services_full')) > Number(await rowIndex('online_services_partial'))).toBe(true);
});
