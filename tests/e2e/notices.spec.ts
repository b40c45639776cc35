import { expect, openApp, test } from './fixtures.ts';

// The page's clock is Playwright's, so the notice's seconds pass at once and the test stays fast.
test('a notice with an Undo stays while its button has the focus, and goes a little after the focus leaves', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await page.getByTestId('plan-item').first().getByRole('button', { name: /Nhân bản/ }).click();
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await page.getByTestId('plan-item').filter({ hasText: '(bản sao)' }).getByRole('button', { name: /Xoá/ }).click();
  await page.getByTestId('confirm-delete').click();
  const notice = page.getByTestId('notice-info').filter({ hasText: 'Đã xoá' });
  await expect(notice).toBeVisible();

  await notice.getByRole('button', { name: 'Hoàn tác' }).focus();
  await page.clock.runFor(30_000);
  await expect(notice).toBeVisible();

  await page.getByTestId('new-plan').focus();
  await page.clock.runFor(3_000);
  await expect(notice).toBeHidden();
});

test('a notice nobody is at goes after six seconds', async ({ page }) => {
  await page.clock.install();
  await openApp(page);
  await page.getByTestId('plan-item').first().getByRole('button', { name: /Nhân bản/ }).click();
  await page.getByTestId('plan-item').filter({ hasText: '(bản sao)' }).getByRole('button', { name: /Xoá/ }).click();
  await page.getByTestId('confirm-delete').click();
  const notice = page.getByTestId('notice-info').filter({ hasText: 'Đã xoá' });
  await expect(notice).toBeVisible();
  await page.getByTestId('new-plan').focus();
  await page.mouse.move(0, 0);
  await page.clock.runFor(5_000);
  await expect(notice).toBeVisible();
  await page.clock.runFor(1_500);
  await expect(notice).toBeHidden();
});
