import type { Page } from '@playwright/test';
import { cell, expect, openApp, test } from './fixtures.ts';

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((content) => {
    const data = new DataTransfer();
    data.setData('text/plain', content);
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function copy(page: Page): Promise<string> {
  return page.evaluate(() => {
    const data = new DataTransfer();
    document.activeElement?.dispatchEvent(new ClipboardEvent('copy', { clipboardData: data, bubbles: true, cancelable: true }));
    return data.getData('text/plain');
  });
}

test('a 3 × 4 block pasted from a Vietnamese spreadsheet lands as one step and is undone as one', async ({ page }) => {
  await openApp(page);
  await cell(page, 'mobile_subscribers', 'p:2').click();
  // As LibreOffice Calc in vi-VN copies it: tabs, Vietnamese decimals, a formula row in the middle.
  await paste(page, '3,01\t3,05\t3,1\t3,15\r\n3,66\t3,67\t3,68\t3,69\r\n82\t83\t84\t85\r\n');
  await expect(cell(page, 'mobile_subscribers', 'p:2')).toHaveText('3,01');
  await expect(cell(page, 'mobile_subscribers', 'p:5')).toHaveText('3,15');
  await expect(cell(page, 'population', 'p:5')).toHaveText('3,690');
  await expect(cell(page, 'mobile_density', 'p:2')).toHaveText('82,2');
  await expect(page.getByTestId('notice-error')).toContainText('4 ô không dán được');

  await page.getByTestId('undo').click();
  await expect(cell(page, 'mobile_subscribers', 'p:2')).toHaveText('3,00');
  await expect(cell(page, 'population', 'p:5')).toHaveText('3,656');
  await expect(cell(page, 'mobile_subscribers', 'p:5')).not.toHaveText('3,15');
});

test('pasted numbers follow the format of the block and understand tỷ and triệu', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'p:2').click();
  await paste(page, '5.300 tỷ\t5,8 nghìn tỷ');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.300');
  await expect(cell(page, 'sector_revenue', 'p:3')).toHaveText('5.800');
  await cell(page, 'mobile_subscribers', 'p:2').click();
  await paste(page, '3,020,000');
  await expect(cell(page, 'mobile_subscribers', 'p:2')).not.toHaveText('3,02');
});

test('a selection is copied out as tab-separated text, and Ctrl+R fills it rightwards', async ({ page }) => {
  await openApp(page);
  await cell(page, 'sector_revenue', 'p:0').click();
  await cell(page, 'sector_revenue', 'p:2').click({ modifiers: ['Shift'] });
  await expect(page.locator('.cell-selected')).toHaveCount(3);
  expect(await copy(page)).toBe('4.784\t4.900\t5.300');

  await cell(page, 'sector_revenue', 'p:1').click();
  await cell(page, 'sector_revenue', 'p:4').click({ modifiers: ['Shift'] });
  await expect(page.locator('.cell-selected')).toHaveCount(4);
  await page.keyboard.press('Control+r');
  await expect(cell(page, 'sector_revenue', 'p:4')).toHaveText('4.900');
  await expect(cell(page, 'sector_revenue', 'p:4')).toHaveClass(/cell-actual/);
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'sector_revenue', 'p:4')).toHaveClass(/cell-projected/);

  // Shift+arrows extend the selection from the keyboard; Delete clears it as one step.
  await cell(page, 'sector_revenue', 'p:0').click();
  await page.keyboard.press('Shift+ArrowRight');
  await expect(page.locator('.cell-selected')).toHaveCount(2);
  await page.keyboard.press('Delete');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('');
  await page.keyboard.press('Control+z');
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.900');
});
