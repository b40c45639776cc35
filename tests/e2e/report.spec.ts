import { seriousViolations } from './axe.ts';
import type { Page } from '@playwright/test';
import { expect, openApp, simulateInternetRange, test } from './fixtures.ts';

const REVENUE_VI =
  'Doanh thu các dịch vụ ngành TT&TT năm 2023 ước đạt 4.900 tỷ đồng, bằng 102,42 % so với năm 2022; '
  + 'để đạt chỉ tiêu 5.300 tỷ đồng năm 2024 cần tăng 8,16 %/năm; theo dự báo hiện tại sẽ đạt chỉ tiêu.';
const REVENUE_EN =
  'ICT services revenue: an estimated 4,900 billion VND in 2023, 102.42% of the 2022 figure; '
  + 'reaching the 2024 target of 5,300 billion VND needs growth of 8.16% a year; on the current projection the target will be met.';

async function openReport(page: Page): Promise<void> {
  await page.getByTestId('open-report').click();
  await expect(page.getByTestId('report')).toBeVisible();
}

/** Pages in a PDF: one `/Type /Page` object each (the page tree is `/Type /Pages`). */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g)?.length ?? 0;
}

test('the report says each indicator in the department\'s words and prints alone on A4 pages', async ({ page }) => {
  await openApp(page);
  await openReport(page);
  const report = page.getByTestId('report');
  await expect(page.getByTestId('report-title')).toHaveText('Thanh Hóa — Thông tin và Truyền thông 2024');
  await expect(page.getByTestId('report-scenario')).toHaveText('Kịch bản cơ sở');
  await expect(page.getByTestId('report-sentence-sector_revenue')).toHaveText(REVENUE_VI);
  await expect(page.getByTestId('report-indicator-sector_revenue')).toContainText('102,42 %');
  await expect(page.getByTestId('report-indicator-sector_revenue')).toContainText('+8,16 %/năm');
  await expect(page.getByTestId('report-indicator-internet_subscribers')).toContainText('Đã đạt');
  await expect(page.getByTestId('report-indicator-mobile_density')).toContainText('tính bằng công thức');
  await expect(page.getByTestId('report-summary')).toHaveText('Trong 3 chỉ tiêu có mục tiêu: 1 đã đạt, 2 đúng hướng.');
  await expect(report).toContainText('Nguồn: Sở TT&TT Thanh Hóa, hội nghị tổng kết năm 2023 (02/01/2024): ước đạt 4.900 tỷ đồng');
  // Focus moved into the report; the app behind is out of reach.
  await expect(page.getByTestId('report-print')).toBeFocused();
  await expect(page.locator('#app')).toHaveJSProperty('inert', true);

  // "In / Lưu PDF" opens the browser's print dialog (counted here: headless Chromium shows none).
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => { counted.printed += 1; };
  });
  await page.getByTestId('report-print').click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('plan-title')).toBeHidden();
  await expect(page.getByTestId('report-print')).toBeHidden();
  await expect(page.getByTestId('report-sentence-sector_revenue')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });

  const pdf = await page.pdf({ format: 'A4', path: test.info().outputPath('report.pdf') });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // Nine indicators, a title block and the notes: two or three pages, not one long cut page.
  expect(pageCount(pdf)).toBeGreaterThanOrEqual(2);
  expect(pageCount(pdf)).toBeLessThanOrEqual(4);
  await page.emulateMedia({ media: 'screen' });

  // Escape closes it and gives the focus back to the button that opened it.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('report')).toHaveCount(0);
  await expect(page.getByTestId('open-report')).toBeFocused();
  await expect(page.locator('#app')).toHaveJSProperty('inert', false);
  await expect(page.locator('body')).not.toHaveClass(/report-open/);
});

test('the report follows the language, shows the simulated chance, and has no serious accessibility violations', async ({ page }) => {
  await openApp(page);
  await simulateInternetRange(page);
  const chance = (await page.locator('.ag-row[row-id="i:internet_subscribers"] .ag-cell[col-id="probability"]').textContent()) ?? '';
  expect(chance).toMatch(/^\d+ %$/);

  await openReport(page);
  await expect(page.getByTestId('report-indicator-internet_subscribers')).toContainText(chance);
  await expect(page.getByTestId('report-sentence-internet_subscribers')).toContainText(`; khả năng đạt theo mô phỏng là ${chance}.`);

  expect(await seriousViolations(page, '[data-testid="report"]')).toEqual([]);

  await page.getByTestId('report-language').selectOption('en');
  await expect(page.getByTestId('report-scenario')).toHaveText('Base scenario');
  await expect(page.getByTestId('report-sentence-sector_revenue')).toContainText(REVENUE_EN.replace(/\.$/, ''));
  // Ctrl+Z in the report does not undo the plan's last edit behind it.
  await page.getByTestId('report-print').focus();
  await page.keyboard.press('Control+z');
  await page.getByTestId('report-close').click();
  await expect(page.getByTestId('report')).toHaveCount(0);
  await expect(page.getByTestId('undo')).toBeEnabled();
  await expect(page.getByTestId('redo')).toBeDisabled();
  // The app follows the language chosen in the report.
  await expect(page.getByTestId('language')).toHaveValue('en');
});
