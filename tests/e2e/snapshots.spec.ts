import { cell, expect, openApp, storedSetting, test, typeInto } from './fixtures.ts';

test('a named snapshot is compared with now and restored, and the restore itself can be undone from a snapshot', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('toggle-snapshots').click();
  await page.getByTestId('snapshot-name').fill('gửi Sở, 02/01');
  await page.getByTestId('create-snapshot').click();
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1);

  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  await page.getByTestId('snapshot-item').first().getByTestId('compare-snapshot').click();
  await expect(page.getByTestId('snapshot-compare')).toContainText('4.900 → 4.950');
  await page.keyboard.press('Escape');

  await page.getByTestId('snapshot-item').filter({ hasText: 'gửi Sở' }).getByTestId('restore-snapshot').click();
  await page.getByTestId('confirm-snapshot').click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
  // The plan as it was before the restore is kept too.
  await expect(page.getByTestId('snapshot-item')).toHaveCount(2);
});

test('undo works after a reload: the history is saved with the plan', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await typeInto(page, 'population', 'p:1', '3,7');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,700');
  await page.getByTestId('toggle-history').click();
  await expect(page.getByTestId('history-item')).toHaveCount(2);
  await page.getByTestId('undo').click();
  await expect(cell(page, 'population', 'p:1')).toHaveText('3,656');
  await page.getByTestId('undo').click();
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
});

test('a plan never exported on storage the browser may clear gets a backup reminder, gone once exported', async ({ page }) => {
  await openApp(page);
  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');
  // The browser is asked for persistent storage after the first real save has committed, and its
  // answer is recorded a moment later: reloading before that would find the question not yet asked.
  await expect.poll(() => storedSetting(page, 'persistence')).not.toBeNull();
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  // Headless Chromium does not grant persistent storage, so the reminder is due.
  expect(await page.evaluate(() => navigator.storage.persisted())).toBe(false);
  await expect(page.getByTestId('backup-reminder')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByTestId('backup-reminder').getByRole('button', { name: /Xuất tệp JSON/ }).click();
  await download;
  await expect(page.getByTestId('backup-reminder')).toBeHidden();
});
