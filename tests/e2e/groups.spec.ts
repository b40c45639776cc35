import type { Page } from '@playwright/test';
import { seriousViolations } from './axe.ts';
import { cell, expect, openApp, storedPlans, test } from './fixtures.ts';

// The example plan's groups, in order: telecom "Viễn thông" (4 indicators), revenue "Doanh thu
// ngành" (1), digital_government "Chính quyền số" (4); no indicator is ungrouped.
const TELECOM = ['mobile_subscribers', 'population', 'mobile_density', 'internet_subscribers'];

const heading = (page: Page, group: string) => page.locator(`.ag-row[row-id="g:${group}"] .ag-cell[col-id="name"]`).first();
const rowIndex = async (page: Page, rowId: string) => Number(await page.locator(`.ag-row[row-id="${rowId}"]`).first().getAttribute('row-index'));

/** The open plan's groups and each indicator's group, as stored in IndexedDB. */
async function storedGroups(page: Page): Promise<{ groups: unknown; members: Record<string, string | null> }> {
  const [plan] = JSON.parse(await storedPlans(page)) as { groups: unknown; indicators: { id: string; group?: string }[] }[];
  if (!plan) throw new Error('no stored plan');
  return { groups: plan.groups, members: Object.fromEntries(plan.indicators.map((i) => [i.id, i.group ?? null])) };
}

/** axe looks at the group panel only (the rest of the screen has its own test). */
const PANEL = '[data-testid="group-panel"]';

test.describe.configure({ timeout: 120_000 });

test('a planner renames a group, moves it down, deletes it with its indicators moved out, and one Ctrl+Z puts all back', async ({ page }) => {
  await openApp(page);
  await heading(page, 'telecom').click();
  const panel = page.getByTestId('group-panel');
  await expect(panel.getByTestId('group-panel-title')).toHaveText('Viễn thông');
  await expect(panel.getByTestId('group-members')).toHaveText('4 chỉ tiêu');
  await expect(page.getByTestId('inspector')).toHaveCount(0);

  // Invalid names are refused in the field, saying why; nothing changes. Escape puts the name back.
  const nameVi = panel.getByRole('textbox', { name: 'Tên (tiếng Việt)', exact: true });
  await expect(nameVi).toHaveValue('Viễn thông');
  await nameVi.fill('   ');
  await nameVi.press('Enter');
  await expect(panel.getByTestId('group-name-vi-error')).toHaveText('Hãy nhập tên nhóm.');
  await expect(nameVi).toHaveAttribute('aria-invalid', 'true');
  await nameVi.fill('doanh thu NGÀNH');
  await nameVi.press('Enter');
  await expect(panel.getByTestId('group-name-vi-error')).toHaveText('Nhóm khác đã tên “Doanh thu ngành”.');
  await expect(heading(page, 'telecom')).toHaveText('Viễn thông');
  await nameVi.press('Escape');
  await expect(nameVi).toHaveValue('Viễn thông');
  await expect(panel.getByTestId('group-name-vi-error')).toHaveCount(0);

  await nameVi.fill('Bưu chính viễn thông');
  await nameVi.press('Enter');
  await expect(heading(page, 'telecom')).toHaveText('Bưu chính viễn thông');
  await expect(panel.getByTestId('group-panel-title')).toHaveText('Bưu chính viễn thông');
  await expect(panel.getByTestId('group-name-vi-error')).toHaveCount(0);
  await page.getByTestId('toggle-history').click();
  await expect(page.getByTestId('history-item').first()).toHaveText('Đổi tên nhóm: Viễn thông → Bưu chính viễn thông');

  // The new name is kept: saved, and there after a reload.
  await expect.poll(async () => JSON.stringify((await storedGroups(page)).groups)).toContain('Bưu chính viễn thông');
  await page.reload();
  await expect(page.locator('body[data-ready="true"]')).toBeAttached();
  await expect(heading(page, 'telecom')).toHaveText('Bưu chính viễn thông');

  // Move down: past "Doanh thu ngành" in the grid.
  expect(await rowIndex(page, 'g:telecom')).toBeLessThan(await rowIndex(page, 'g:revenue'));
  await heading(page, 'telecom').click();
  await expect(panel.getByTestId('group-move-up')).toBeDisabled();
  await panel.getByTestId('group-move-down').click();
  await expect.poll(async () => (await rowIndex(page, 'g:telecom')) > (await rowIndex(page, 'g:revenue'))).toBe(true);
  await expect.poll(async () => (await rowIndex(page, 'g:telecom')) < (await rowIndex(page, 'g:digital_government'))).toBe(true);
  // The focus stays on the button, so a planner can press it again.
  await expect(panel.getByTestId('group-move-down')).toBeFocused();
  await expect.poll(async () => (await storedGroups(page)).groups).toEqual([
    { id: 'revenue', name: { vi: 'Doanh thu ngành', en: 'Sector revenue' } },
    { id: 'telecom', name: { vi: 'Bưu chính viễn thông', en: 'Telecommunications' } },
    { id: 'digital_government', name: { vi: 'Chính quyền số', en: 'Digital government' } },
  ]);
  const before = await storedGroups(page);

  // Delete the non-empty group: a choice first, its indicators then under "Chưa phân nhóm".
  await heading(page, 'telecom').click();
  await panel.getByTestId('group-delete').click();
  const destination = panel.getByTestId('group-delete-destination');
  await expect(destination).toBeFocused();
  await expect(destination).toHaveValue('');
  await expect(panel).toContainText('Nhóm còn 4 chỉ tiêu, chuyển sang:');
  expect(await seriousViolations(page, PANEL)).toEqual([]);
  await panel.getByTestId('group-delete-confirm').click();
  await expect(page.locator('.ag-row[row-id="g:telecom"]')).toHaveCount(0);
  await expect(heading(page, '')).toHaveText('Chưa phân nhóm');
  for (const id of TELECOM) {
    await expect.poll(async () => (await rowIndex(page, `i:${id}`)) > (await rowIndex(page, 'g:'))).toBe(true);
  }
  await expect(page.getByTestId('notice-info')).toContainText('Đã xoá nhóm “Bưu chính viễn thông”, 4 chỉ tiêu sang “Chưa phân nhóm”.');
  await expect.poll(async () => (await storedGroups(page)).members['mobile_subscribers']).toBeNull();

  // The keyboard is on the notice's Undo (the panel went with the group); from there one Ctrl+Z
  // brings the group back where it was, with each indicator in it.
  await expect(page.getByTestId('notice-info').getByRole('button', { name: 'Hoàn tác' })).toBeFocused();
  await page.keyboard.press('Control+z');
  await expect(heading(page, 'telecom')).toHaveText('Bưu chính viễn thông');
  // The deletion is undone: its notice (and its Undo, which would now do nothing) goes.
  await expect(page.getByTestId('notice-info').filter({ hasText: 'Bưu chính viễn thông' })).toHaveCount(0);
  await expect(page.locator('.ag-row[row-id="g:"]')).toHaveCount(0);
  for (const id of TELECOM) {
    await expect.poll(async () => (await rowIndex(page, `i:${id}`)) > (await rowIndex(page, 'g:telecom'))).toBe(true);
  }
  await expect.poll(() => storedGroups(page)).toEqual(before);
});

test('the ungrouped heading explains itself and offers no rename or delete; the chart keeps the last indicator', async ({ page }) => {
  await openApp(page);
  // An indicator out of its group through the inspector makes the ungrouped heading appear.
  await cell(page, 'sector_revenue', 'name').click();
  await page.getByTestId('field-group').selectOption('');
  await page.getByTestId('toggle-chart').click();
  await expect(page.getByTestId('indicator-chart').locator('[role="img"]')).toHaveAttribute('aria-label', /Doanh thu/);

  await heading(page, '').click();
  const panel = page.getByTestId('group-panel');
  await expect(panel.getByTestId('group-panel-title')).toHaveText('Chưa phân nhóm');
  await expect(panel.getByTestId('group-members')).toHaveText('1 chỉ tiêu');
  await expect(panel.getByTestId('group-ungrouped-hint')).toBeVisible();
  await expect(panel.getByTestId('group-name-vi')).toHaveCount(0);
  await expect(panel.getByTestId('group-delete')).toHaveCount(0);
  // Still the chart of the indicator shown last, not an empty panel.
  await expect(page.getByTestId('indicator-chart').locator('[role="img"]')).toHaveAttribute('aria-label', /Doanh thu/);
  expect(await seriousViolations(page, PANEL)).toEqual([]);

  // The group left empty keeps its heading, so it can still be found and deleted (at once: it
  // holds nothing to move), and Ctrl+Z brings it back.
  await heading(page, 'revenue').click();
  await expect(panel.getByTestId('group-members')).toHaveText('0 chỉ tiêu');
  await panel.getByTestId('group-delete').click();
  await expect(heading(page, 'revenue')).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(heading(page, 'revenue')).toHaveText('Doanh thu ngành');

  // The keyboard gets there too: F6 from the grid reaches the panel's first control.
  await heading(page, 'telecom').click();
  await expect(panel.getByTestId('group-panel-title')).toHaveText('Viễn thông');
  await page.keyboard.press('F6');
  await expect(panel.getByRole('button', { name: 'Đóng bảng nhóm' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(panel.getByTestId('group-name-vi')).toBeFocused();

  // In English, the same panel in English words and names.
  await page.getByTestId('language').selectOption('en');
  await expect(panel.getByTestId('group-panel-title')).toHaveText('Telecommunications');
  await expect(panel.getByTestId('group-members')).toHaveText('4 indicators');
  await expect(panel.getByTestId('group-move-down')).toHaveText('↓ Down');
});
