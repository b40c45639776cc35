import { seriousViolations } from './axe.ts';
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
  // The applied button is disabled, so focus goes back to the formula field, where Ctrl+Z is the
  // field's own undo; the plan's undo is the toolbar's (or Ctrl+Z outside a field).
  await expect(page.getByTestId('formula-input')).toBeFocused();
  await page.getByTestId('undo').click();
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

test('a fill across periods, by value or growth, is one named and undoable step, refused inline when invalid', async ({ page }) => {
  await openApp(page);
  await cell(page, 'online_services_partial', 'name').click();
  const fill = page.getByTestId('fill-section');
  await expect(page.getByTestId('fill-from')).toHaveValue('2024');
  await page.getByTestId('fill-from').selectOption('2025');
  await page.getByTestId('fill-mode').selectOption('growth');
  await page.getByTestId('fill-value').fill('900');
  await page.getByTestId('fill-rate').fill('abc');
  await page.getByTestId('fill-rate').press('Enter');
  await expect(fill.getByRole('alert')).toContainText('không phải là một số');
  await page.getByTestId('fill-rate').fill('10');
  await page.getByTestId('fill-rate').press('Enter');
  await expect(fill.getByRole('alert')).toHaveCount(0);

  await expect(cell(page, 'online_services_partial', 'p:3')).toHaveText('900');
  await expect(cell(page, 'online_services_partial', 'p:4')).toHaveText('990');
  await expect(cell(page, 'online_services_partial', 'p:5')).toHaveText('1.089');
  // The period before the fill keeps its projected value; formulas follow.
  await expect(cell(page, 'online_services_partial', 'p:2')).toHaveText('842');
  await expect(cell(page, 'online_services_total', 'p:3')).toHaveText('1.768');

  await page.getByTestId('toggle-history').click();
  await expect(page.getByTestId('history-item').last()).toContainText('điền 2025–2030 từ 900, tăng 10 %/kỳ');
  await page.getByTestId('undo').click();
  await expect(cell(page, 'online_services_partial', 'p:3')).toHaveText('842');
  await expect(cell(page, 'online_services_partial', 'p:5')).toHaveText('842');

  // One value over a chosen range, from the keyboard.
  await page.getByTestId('fill-from').selectOption('2029');
  await page.getByTestId('fill-mode').selectOption('value');
  await page.getByTestId('fill-value').fill('1.000');
  await page.getByTestId('fill-value').press('Tab');
  await expect(page.getByTestId('fill-apply')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(cell(page, 'online_services_partial', 'p:7')).toHaveText('1.000');
  await expect(cell(page, 'online_services_partial', 'p:8')).toHaveText('1.000');
  await expect(cell(page, 'online_services_partial', 'p:6')).toHaveText('842');
});

test('a new group is created by name and the indicator moved into it, as one undoable step', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'name').click();
  const group = page.getByTestId('field-group');
  await expect(group).toHaveValue('revenue');
  await group.selectOption({ label: 'Nhóm mới…' });
  const name = page.getByTestId('group-new-name');
  await name.fill('viễn thông');
  await name.press('Enter');
  await expect(page.getByTestId('inspector').getByRole('alert')).toContainText('Đã có nhóm “Viễn thông”');

  await name.fill('Kinh tế số');
  await page.getByTestId('group-create').click();
  await expect(group).toHaveValue('kinh_te_so');
  await expect(page.locator('.ag-row[row-id="g:kinh_te_so"]')).toContainText('Kinh tế số');
  // The group it left is empty now; its heading stays, so the planner can still find it.
  await expect(page.locator('.ag-row[row-id="g:revenue"]').first()).toBeVisible();

  expect(await seriousViolations(page, '[data-testid="inspector"]')).toEqual([]);

  await page.getByTestId('toggle-history').click();
  await expect(page.getByTestId('history-item').last()).toContainText('nhóm mới “Kinh tế số”');
  await page.getByTestId('undo').click();
  await expect(page.locator('.ag-row[row-id="g:kinh_te_so"]')).toHaveCount(0);
  await expect(page.locator('.ag-row[row-id="g:revenue"]')).toBeVisible();
  await expect(group).toHaveValue('revenue');
  await expect(group.locator('option')).toHaveText(['Chưa phân nhóm', 'Viễn thông', 'Doanh thu ngành', 'Chính quyền số', 'Nhóm mới…']);
});
