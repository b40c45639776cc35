import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { cell, expect, openApp, storedPlans, test, typeInto, watchErrors } from './fixtures.ts';

const EXAMPLE_NAME = 'Thanh Hóa — Thông tin và Truyền thông 2024';

async function exportOpenPlan(page: Page, dir: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-plan').click();
  const file = await download;
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

test('the example plan appears on first start with the growth each target needs', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('plan-title')).toHaveText(EXAMPLE_NAME);
  await expect(cell(page, 'mobile_subscribers', 'name')).toHaveText('Thuê bao di động');
  await expect(cell(page, 'mobile_subscribers', 'growthNeeded')).toHaveText('+0,67 %/năm');
  await expect(cell(page, 'sector_revenue', 'growthNeeded')).toHaveText('+8,16 %/năm');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.300');
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('81,5');
  await expect(cell(page, 'internet_subscribers', 'status')).toContainText('Đã đạt');
  await expect(cell(page, 'online_services_total', 'p:1')).toHaveText('1.710');
  // Rows are grouped by sector, formula rows look different from inputs.
  await expect(page.locator('.ag-row[row-id="g:telecom"]').first()).toContainText('Viễn thông');
  await expect(cell(page, 'mobile_density', 'p:2')).toHaveClass(/cell-formula/);
  await expect(cell(page, 'mobile_subscribers', 'p:1')).toHaveClass(/cell-actual/);
  await expect(cell(page, 'mobile_subscribers', 'p:3')).toHaveClass(/cell-projected/);
});

test('an edit recomputes what depends on it in the worker, is saved, and survives a reload and a browser restart', async ({ page, profile, context }) => {
  await openApp(page);
  await typeInto(page, 'population', 'p:1', '4');
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('74,5');
  await typeInto(page, 'sector_revenue', 'target', '5.500');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
  await expect(cell(page, 'sector_revenue', 'growthNeeded')).toHaveText('+12,24 %/năm');
  await expect(page.getByTestId('announcer')).toHaveText('Doanh thu các dịch vụ ngành TT&TT 2024: đạt đúng chỉ tiêu (Đúng hướng)');
  await typeInto(page, 'sector_revenue', 'growthRate', '2');
  await expect(page.getByTestId('announcer')).toHaveText('Doanh thu các dịch vụ ngành TT&TT 2024: còn thiếu 9,1 % so với chỉ tiêu (Chệch hướng)');
  await page.keyboard.press('Control+z');
  await typeInto(page, 'internet_subscribers', 'growthRate', '10');
  await expect(cell(page, 'internet_subscribers', 'p:2')).toHaveText('2,70');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');

  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('74,5');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');

  await context.close();
  const reopened = await profile.launch();
  const again = reopened.pages()[0] ?? (await reopened.newPage());
  const errors: string[] = [];
  watchErrors(again, errors);
  await openApp(again);
  await expect(cell(again, 'population', 'p:1')).toHaveText('4,000');
  await expect(cell(again, 'internet_subscribers', 'growthRate')).toHaveText('+10,00 %/năm');
  expect(errors).toEqual([]);
  await reopened.close();
});

test('a value that is not a number is refused inline and changes nothing', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'target', 'abc');
  await expect(page.getByTestId('notice-error')).toContainText('“abc” không phải là một số');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.300');
});

test('undo and redo an edit with the keyboard', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'p:1', '5.000');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('5.000');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  await page.keyboard.press('Control+y');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('5.000');
});

test('the language switch changes the text and the number format, and is remembered', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('language').selectOption('en');
  await expect(page.locator('.ag-header-cell[col-id="name"]')).toContainText('Indicator');
  await expect(cell(page, 'mobile_subscribers', 'name')).toHaveText('Mobile subscribers');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4,900');
  await expect(cell(page, 'mobile_subscribers', 'growthNeeded')).toHaveText('+0.67%/yr');
  await expect(cell(page, 'internet_subscribers', 'status')).toContainText('Met');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4,900');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  // Typing follows the language too: 5,500 is five thousand five hundred in English.
  await typeInto(page, 'sector_revenue', 'target', '5,500');
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5,500');
});

test('the plan list creates, renames, duplicates and deletes plans, with undo', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('new-plan').click();
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch mới');
  await expect(page.getByTestId('empty-plan')).toBeVisible();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);

  // A blank plan gets its first indicator.
  await page.getByTestId('empty-plan').getByRole('button').click();
  const dialog = page.getByTestId('add-indicator-dialog');
  await dialog.locator('input[name="name"]').fill('Doanh thu bưu chính');
  await dialog.locator('input[name="unit"]').fill('tỷ đồng');
  await dialog.locator('input[name="latestValue"]').fill('1.200');
  await dialog.locator('input[name="targetValue"]').fill('1.320');
  await page.getByTestId('add-indicator-submit').click();
  await expect(page.locator('.ag-row[row-id="i:doanh_thu_buu_chinh"] .ag-cell[col-id="growthNeeded"]')).toContainText('%/năm');

  const item = page.getByTestId('plan-item').filter({ hasText: 'Kế hoạch mới' });
  await item.getByRole('button', { name: /Đổi tên/ }).click();
  await page.getByTestId('rename-dialog').locator('input').fill('Kế hoạch bưu chính 2025');
  await page.getByTestId('rename-dialog').getByRole('button', { name: 'Lưu' }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch bưu chính 2025');

  await page.getByTestId('plan-item').filter({ hasText: 'Kế hoạch bưu chính 2025' }).getByRole('button', { name: /Nhân bản/ }).click();
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch bưu chính 2025 (bản sao)');
  await expect(page.getByTestId('plan-item')).toHaveCount(3);

  const copy = page.getByTestId('plan-item').filter({ hasText: '(bản sao)' });
  await copy.getByRole('button', { name: /Xoá/ }).click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await page.getByTestId('notice-info').filter({ hasText: 'Đã xoá' }).getByRole('button', { name: 'Hoàn tác' }).click();
  await expect(page.getByTestId('plan-item')).toHaveCount(3);
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch bưu chính 2025 (bản sao)');
});

test('export, delete, import gives back the same plan', async ({ page, profile }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'p:2', '5.100');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  const exported = await exportOpenPlan(page, profile.dir);
  const before = JSON.parse(readFileSync(exported, 'utf8'));

  await page.getByTestId('plan-item').first().getByRole('button', { name: /Xoá/ }).click();
  await page.getByTestId('confirm-delete').click();
  await expect(page.getByTestId('plan-item')).toHaveCount(0);
  await expect(page.getByTestId('no-plan-open')).toBeVisible();

  await page.getByTestId('import-input').setInputFiles(exported);
  // A preview first: the plan's name and counts, nothing written yet.
  await expect(page.getByTestId('import-preview-dialog')).toContainText(EXAMPLE_NAME);
  await expect(page.getByTestId('plan-item')).toHaveCount(0);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('plan-title')).toHaveText(EXAMPLE_NAME);
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.100');
  const again = JSON.parse(readFileSync(await exportOpenPlan(page, profile.dir), 'utf8'));
  expect(again.plan).toEqual(before.plan);
  expect(again.hash).toBe(before.hash);
});

test('importing a plan that already exists offers a copy and never overwrites', async ({ page, profile }) => {
  await openApp(page);
  const exported = await exportOpenPlan(page, profile.dir);
  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await page.getByTestId('import-input').setInputFiles(exported);
  // The local plan exists and differs from the file: the preview says how, and offers choices.
  await expect(page.getByTestId('import-preview-dialog')).toContainText('4.950');
  await page.getByTestId('import-as-copy').click();
  await expect(page.getByTestId('plan-title')).toHaveText(`${EXAMPLE_NAME} (bản sao)`);
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  await page.getByTestId('plan-item').filter({ hasNotText: '(bản sao)' }).getByRole('button').first().click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.950');
});

test('a file that is not a valid plan is refused with the path of the problem, and nothing changes', async ({ page, profile }) => {
  await openApp(page);
  const before = await storedPlans(page);
  expect(before).toContain('thanh-hoa-ttt-2024');
  const example = JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8'));
  example.plan.id = 'another-plan';
  example.plan.indicators[3].targets[0].value = 'abc';
  const bad = join(profile.dir, 'bad-plan.json');
  writeFileSync(bad, JSON.stringify(example, null, 2));
  await page.getByTestId('import-input').setInputFiles(bad);
  const notice = page.getByTestId('notice-error');
  await expect(notice).toContainText('bad-plan.json');
  await expect(notice).toContainText('indicators[3].targets[0].value');
  await expect(notice).toContainText('"abc"');
  await expect(page.getByTestId('plan-item')).toHaveCount(1);

  // Not JSON at all, dropped onto the window.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"format": "chitieu-plan", '], 'broken.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(page.getByTestId('notice-error').filter({ hasText: 'broken.json' })).toBeVisible();
  await expect(page.getByTestId('plan-item')).toHaveCount(1);
  await expect(page.getByTestId('plan-title')).toHaveText(EXAMPLE_NAME);
  expect(await storedPlans(page)).toBe(before);
});

test('a valid plan file dropped onto the window is imported', async ({ page }) => {
  await openApp(page);
  const example = JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8'));
  const text = readFileSync('public/examples/thanh-hoa-2024.json', 'utf8').replace(example.plan.id, 'dropped-plan');
  const serialized = JSON.stringify(JSON.parse(text));
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.items.add(new File([content], 'plan.json', { type: 'application/json' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, serialized);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
});

test('the history panel names each change and goes back to any point', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'target', '5.500');
  await typeInto(page, 'sector_revenue', 'p:2', '5.200');
  await typeInto(page, 'population', 'p:1', '3,7');
  await page.getByTestId('toggle-history').click();
  const items = page.getByTestId('history-item');
  await expect(items).toHaveCount(3);
  await expect(items.nth(2)).toHaveText('Doanh thu các dịch vụ ngành TT&TT 2024: 5.300 → 5.500');
  await items.nth(2).click();
  await expect(cell(page, 'sector_revenue', 'target')).toHaveText('5.500');
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,656');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.500');
  await page.getByTestId('history').getByRole('button', { name: /Dân số 2023/ }).click();
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,700');
});

test('replacing a local plan with a file keeps the local one as a snapshot; a merge writes only when confirmed', async ({ page, profile }) => {
  await openApp(page);
  const exported = await exportOpenPlan(page, profile.dir);
  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');

  await page.getByTestId('import-input').setInputFiles(exported);
  await page.getByTestId('import-merge').click();
  // The file is the revision exported here, older than this copy (its lineage says so): nothing to take.
  await expect(page.getByTestId('merge-decision')).toHaveCount(0);
  await expect(page.getByTestId('merge-confirm')).toBeDisabled();
  await page.getByTestId('merge-back').click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.950');
  await page.getByTestId('import-cancel').click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.950');

  await page.getByTestId('import-input').setInputFiles(exported);
  await page.getByTestId('import-replace').click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  await expect(page.getByTestId('plan-item')).toHaveCount(1);
});
