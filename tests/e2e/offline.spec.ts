import { cell, expect, openApp, test } from './fixtures.ts';

test('after the first visit the app loads, computes and saves with the network off', async ({ page, context }) => {
  await openApp(page);
  // The service worker has cached the app once it controls the page.
  await page.evaluate(async () => { await navigator.serviceWorker.ready; });
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'sector_revenue', 'growthNeeded')).toHaveText('+8,16 %/năm');
  await cell(page, 'population', 'p:1').click();
  await page.keyboard.press('Enter');
  await page.locator('.ag-cell-inline-editing input').fill('4');
  await page.keyboard.press('Enter');
  // The engine worker came from the cache too: density recomputes.
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('74,5');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(cell(page, 'mobile_density', 'p:1')).toHaveText('74,5');
  await context.setOffline(false);
});

test('the app can be installed: it has a manifest with icons and a service worker', async ({ page }) => {
  await openApp(page);
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector<HTMLLinkElement>('link[rel="manifest"]');
    if (!link) return null;
    return (await fetch(link.href)).json();
  });
  expect(manifest).toMatchObject({ name: 'Chỉ tiêu — Chitieu', display: 'standalone' });
  expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.getRegistration()) !== undefined)).toBe(true);
});
