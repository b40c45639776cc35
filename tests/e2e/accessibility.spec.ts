import { seriousViolations } from './axe.ts';
import { expect, openApp, test } from './fixtures.ts';

// axe over every screen takes most of a minute on a loaded 2-core machine.
test.describe.configure({ timeout: 120_000 });

test('the plan screen, its panels and dialogs have no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('.ag-row[row-id="i:mobile_density"] .ag-cell[col-id="name"]').click();
  await page.getByTestId('toggle-history').click();
  await page.getByTestId('toggle-chart').click();
  await expect(page.getByTestId('indicator-chart')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The group panel, with the choice of where a deleted group's indicators go.
  await page.locator('.ag-row[row-id="g:telecom"] .ag-cell[col-id="name"]').first().click();
  await page.getByTestId('group-delete').click();
  await expect(page.getByTestId('group-delete-destination')).toBeFocused();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('open-goal-seek').click();
  await expect(page.getByTestId('goal-seek-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('add-indicator').click();
  await expect(page.getByTestId('add-indicator-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.getByTestId('language').selectOption('en');
  expect(await seriousViolations(page)).toEqual([]);
});

test('an empty plan and the empty list have no serious or critical accessibility violations', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('new-plan').click();
  await expect(page.getByTestId('empty-plan')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
