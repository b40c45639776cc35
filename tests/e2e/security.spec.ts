import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, openApp, test } from './fixtures.ts';

const PAYLOADS = [
  '<img src=x onerror="window.__xss=1">',
  '<script>window.__xss=1</script>',
  '"><svg onload="window.__xss=1">',
  "javascript:window.__xss=1",
  '<iframe srcdoc="<script>parent.__xss=1</script>">',
  '{{constructor.constructor("window.__xss=1")()}}',
];

test('the preview server sends the Content-Security-Policy, without unsafe-eval or inline scripts', async ({ page }) => {
  const response = await page.goto('/');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
});

test('XSS payloads in every text field of an imported plan are shown as text and never run', async ({ page, profile }) => {
  await openApp(page);
  const example = JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8'));
  const payload = (i: number) => PAYLOADS[i % PAYLOADS.length] as string;
  example.plan.id = 'xss-plan';
  example.plan.name = `XSS ${payload(0)}`;
  example.plan.description = payload(1);
  example.plan.groups.forEach((g: { name: { vi: string; en: string } }, i: number) => { g.name.vi = payload(i + 2); g.name.en = payload(i + 3); });
  example.plan.indicators.forEach((indicator: Record<string, unknown>, i: number) => {
    indicator.name = { vi: payload(i), en: payload(i + 1) };
    indicator.unit = { vi: payload(i + 2), en: payload(i + 3) };
    indicator.note = payload(i + 4);
    indicator.source = payload(i + 5);
  });
  const file = join(profile.dir, 'xss.json');
  writeFileSync(file, JSON.stringify(example));
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('plan-title')).toContainText('XSS <img');
  await expect(page.locator('.ag-row[row-id="i:mobile_subscribers"] .ag-cell[col-id="name"]')).toHaveText(payload(0));
  // Open every surface that shows these texts: inspector, chart, history, English.
  await page.locator('.ag-row[row-id="i:mobile_subscribers"] .ag-cell[col-id="name"]').click();
  await page.getByTestId('toggle-chart').click();
  await page.getByTestId('language').selectOption('en');
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], svg[onload], iframe[srcdoc]').count()).toBe(0);
});
