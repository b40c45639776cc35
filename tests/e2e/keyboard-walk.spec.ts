/**
 * Issue 6: every feature works from the keyboard alone and focus is always visible. These tests
 * drive the built app with `page.keyboard` only (Tab, Shift+Tab, F6, arrows, Enter, Escape, F2,
 * typing); locators are used only to check what the planner would see. At every stop the focused
 * element must show a ring (an outline or a box-shadow) and must not be <body>; a dialog that
 * closes gives the focus back to what opened it. Screens no other test checks get an axe run.
 */
import { seriousViolations } from './axe.ts';
import type { Locator, Page } from '@playwright/test';
import { cell, editLanded, expect, openApp, test, writeLongSimulationPlan } from './fixtures.ts';

const EXAMPLE_NAME = 'Thanh Hóa — Thông tin và Truyền thông 2024';

/**
 * What holds the keyboard focus, and whether it shows a ring: an outline that stands out from what
 * it is drawn over (WCAG's 3:1 for non-text contrast), or a box-shadow ring (AG Grid's headers).
 */
async function focusState(page: Page): Promise<{ where: string; ring: boolean; contrast: number | null }> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body || element === document.documentElement) return { where: 'body', ring: false, contrast: null };
    const style = getComputedStyle(element);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
    const shadow = style.boxShadow !== 'none';
    const id = element.getAttribute('data-testid') ?? element.getAttribute('col-id');
    const label = (element.getAttribute('aria-label') ?? element.textContent ?? '').trim().slice(0, 40);
    const where = `${element.tagName.toLowerCase()}${id ? `[${id}]` : ''} “${label}”`;
    if (!outline) return { where, ring: shadow, contrast: null };

    const rgba = (text: string): [number, number, number, number] | null => {
      const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(text);
      return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
    };
    // What the ring is drawn over: the parent's background for a ring outside the element, its
    // own for one inside; translucent layers blended down to an opaque one (white at the root).
    let from: Element | null = parseFloat(style.outlineOffset) < 0 ? element : element.parentElement;
    const layers: [number, number, number, number][] = [];
    while (from) {
      const colour = rgba(getComputedStyle(from).backgroundColor);
      if (colour && colour[3] > 0) {
        layers.push(colour);
        if (colour[3] >= 1) break;
      }
      from = from.parentElement;
    }
    let base: [number, number, number] = [255, 255, 255];
    for (const [r, g, b, a] of layers.reverse()) base = [r * a + base[0] * (1 - a), g * a + base[1] * (1 - a), b * a + base[2] * (1 - a)];
    const ring = rgba(style.outlineColor);
    if (!ring) return { where, ring: true, contrast: null };
    const luminance = ([r, g, b]: number[]) => {
      const [R, G, B] = [r, g, b].map((c) => {
        const v = (c as number) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      }) as [number, number, number];
      return 0.2126 * R + 0.7152 * G + 0.0722 * B;
    };
    const [light, dark] = [luminance(ring), luminance(base)].sort((a, b) => b - a) as [number, number];
    return { where, ring: true, contrast: (light + 0.05) / (dark + 0.05) };
  });
}

async function expectVisibleFocus(page: Page): Promise<void> {
  // A key's effect on the focus may take a moment (F6 waits for the focus module on a slow start);
  // what must never happen is the focus staying on the page itself.
  await expect.poll(async () => (await focusState(page)).where, { message: 'the focus is on an element, not lost to the page', timeout: 2_000 }).not.toBe('body');
  const state = await focusState(page);
  expect(state.ring, `a focus ring shows on ${state.where}`).toBe(true);
  if (state.contrast !== null) expect(state.contrast, `the focus ring on ${state.where} stands out (3:1)`).toBeGreaterThanOrEqual(3);
}

/** Whether the element, or something inside it, has the focus. */
async function holdsFocus(target: Locator): Promise<boolean> {
  return target.evaluateAll((elements) => elements.some((e) => e === document.activeElement || e.contains(document.activeElement)));
}

async function expectFocusOn(page: Page, target: Locator): Promise<void> {
  await expect.poll(() => holdsFocus(target), { message: `focus on ${target.toString()}` }).toBe(true);
  await expectVisibleFocus(page);
}

/** Presses a key until the target has the focus, checking the ring at every stop on the way. */
async function pressUntil(page: Page, key: string, target: Locator, max = 40): Promise<void> {
  if (await holdsFocus(target)) return;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    await expectVisibleFocus(page);
    if (await holdsFocus(target)) return;
  }
  throw new Error(`${key} pressed ${max} times never reached ${target.toString()} (now on ${(await focusState(page)).where})`);
}

/** Tab or Shift+Tab, whichever way the target lies from the focus, until it is reached. */
async function tabTo(page: Page, target: Locator, max = 40): Promise<void> {
  await expect(target).toBeVisible();
  const ahead = await target.evaluate((element) => {
    const active = document.activeElement;
    if (!active || active === document.body) return true;
    return (active.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
  });
  await pressUntil(page, ahead ? 'Tab' : 'Shift+Tab', target, max);
}

/** F6 until the focus is in the region (the app's way between plan list, toolbar, grid, panels). */
async function regionTo(page: Page, region: Locator): Promise<void> {
  await pressUntil(page, 'F6', region, 12);
}

/** Picks an option of the focused <select> with the arrow keys. */
async function chooseWithArrows(page: Page, select: Locator, value: string): Promise<void> {
  await expectFocusOn(page, select);
  const { from, to } = await select.evaluate((element, wanted) => {
    const options = [...(element as HTMLSelectElement).options];
    return { from: (element as HTMLSelectElement).selectedIndex, to: options.findIndex((o) => o.value === wanted) };
  }, value);
  expect(to, `option ${value}`).toBeGreaterThanOrEqual(0);
  for (let i = from; i < to; i++) await page.keyboard.press('ArrowDown');
  for (let i = from; i > to; i--) await page.keyboard.press('ArrowUp');
  await expect(select).toHaveValue(value);
}

test('the plan list from the keyboard: create, rename, duplicate, open, delete and undo', async ({ page }) => {
  await openApp(page);
  const item = (name: string) => page.getByTestId('plan-item').filter({ has: page.getByText(name, { exact: true }) });
  const action = (verb: string, name: string) => page.getByRole('button', { name: `${verb}: ${name}`, exact: true });

  await tabTo(page, page.getByTestId('new-plan'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch mới');
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  await expectVisibleFocus(page);

  await tabTo(page, action('Đổi tên', 'Kế hoạch mới'));
  await page.keyboard.press('Enter');
  const rename = page.getByTestId('rename-dialog');
  await expect(rename).toBeVisible();
  await expectFocusOn(page, rename.locator('input'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('Kế hoạch bưu chính');
  await page.keyboard.press('Enter');
  await expect(rename).toBeHidden();
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch bưu chính');
  // The focus is back on the rename button of the same plan, now under its new name.
  await expectFocusOn(page, action('Đổi tên', 'Kế hoạch bưu chính'));

  await page.keyboard.press('Tab');
  await expectFocusOn(page, action('Nhân bản', 'Kế hoạch bưu chính'));
  await page.keyboard.press('Enter');
  await expect(item('Kế hoạch bưu chính (bản sao)')).toHaveCount(1);
  await expectFocusOn(page, action('Nhân bản', 'Kế hoạch bưu chính'));

  await tabTo(page, item(EXAMPLE_NAME).locator('.plan-open'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-title')).toHaveText(EXAMPLE_NAME);
  await expectFocusOn(page, item(EXAMPLE_NAME).locator('.plan-open'));

  // Delete: Escape cancels and gives the focus back; then confirmed.
  const deleteCopy = action('Xoá', 'Kế hoạch bưu chính (bản sao)');
  await tabTo(page, deleteCopy);
  await page.keyboard.press('Enter');
  const confirm = page.getByTestId('delete-dialog');
  await expect(confirm).toBeVisible();
  await expectFocusOn(page, confirm.getByRole('button', { name: 'Huỷ' }));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(confirm).toBeHidden();
  await expectFocusOn(page, deleteCopy);
  await page.keyboard.press('Enter');
  await expect(confirm).toBeVisible();
  await tabTo(page, page.getByTestId('confirm-delete'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-item')).toHaveCount(2);
  // The focus goes to the plan that took the deleted one's place.
  await expectFocusOn(page, page.locator('.plan-list .plan-open'));

  // The undo offered in the notice is one F6 away.
  const notice = page.getByTestId('notice-info').filter({ hasText: 'Đã xoá' });
  await regionTo(page, notice);
  await expectFocusOn(page, notice.getByRole('button', { name: 'Hoàn tác' }));
  await page.keyboard.press('Enter');
  await expect(item('Kế hoạch bưu chính (bản sao)')).toHaveCount(1);
  await expect(notice).toHaveCount(0);
  await expectVisibleFocus(page);
});

test('the grid and the inspector from the keyboard: move, edit, cancel, undo, redo, change a method and a target', async ({ page }) => {
  await openApp(page);
  // F6 goes from region to region: header, plan list, toolbar, bars, then the grid's first cell.
  await regionTo(page, page.getByTestId('plan-grid'));
  await expectFocusOn(page, page.locator('.ag-row[row-index="0"] .ag-cell[col-id="name"]'));

  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, cell(page, 'mobile_subscribers', 'name'));
  await expect(page.getByTestId('inspector')).toContainText('mobile_subscribers');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  const target = cell(page, 'mobile_subscribers', 'target');
  await expectFocusOn(page, target);
  await expect(target).toHaveText('3,00');

  // Enter edits; Enter commits and moves down.
  await page.keyboard.press('Enter');
  const editor = page.locator('.ag-cell-inline-editing input');
  await expectFocusOn(page, editor);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3,5');
  await page.keyboard.press('Enter');
  await editLanded(page);
  await expect(target).toHaveText('3,50');
  await expectVisibleFocus(page);
  await page.keyboard.press('ArrowUp');
  await expectFocusOn(page, target);

  // F2 edits too; Escape throws the typing away.
  await page.keyboard.press('F2');
  await expectFocusOn(page, editor);
  await page.keyboard.type('9');
  await page.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(target).toHaveText('3,50');
  await expectFocusOn(page, target);

  // Typing on a cell starts an edit with what is typed.
  await page.keyboard.type('4');
  await expectFocusOn(page, editor);
  await page.keyboard.press('Enter');
  await editLanded(page);
  await expect(target).toHaveText('4,00');
  await page.keyboard.press('ArrowUp');
  await expectFocusOn(page, target);

  await page.keyboard.press('Control+z');
  await expect(target).toHaveText('3,50');
  await page.keyboard.press('Control+z');
  await expect(target).toHaveText('3,00');
  await page.keyboard.press('Control+y');
  await expect(target).toHaveText('3,50');
  await expectFocusOn(page, target);

  // Tab and Shift+Tab move across cells.
  await page.keyboard.press('Tab');
  await expectFocusOn(page, cell(page, 'mobile_subscribers', 'targetPeriod'));
  await page.keyboard.press('Shift+Tab');
  await expectFocusOn(page, target);

  // The inspector is the next region after the grid.
  const inspector = page.getByTestId('inspector');
  await regionTo(page, inspector);
  const method = page.getByTestId('field-method');
  await tabTo(page, method);
  const before = await cell(page, 'mobile_subscribers', 'method').textContent();
  const next = await method.evaluate((element) => {
    const select = element as HTMLSelectElement;
    return select.options[select.selectedIndex + 1]?.value ?? select.options[select.selectedIndex - 1]?.value ?? '';
  });
  await chooseWithArrows(page, method, next);
  await expect(cell(page, 'mobile_subscribers', 'method')).not.toHaveText(before ?? '');
  await expectFocusOn(page, method);

  const targetValue = inspector.getByRole('textbox', { name: 'Chỉ tiêu cần đạt', exact: true });
  await tabTo(page, targetValue);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3,2');
  await page.keyboard.press('Enter');
  await expect(target).toHaveText('3,20');
  // The focus stays in the inspector (the field itself keeping it is pinned by the next test).
  await expectFocusOn(page, inspector);

  // Closing the inspector gives the focus back to the grid, at the cell it was opened from.
  await tabTo(page, inspector.getByRole('button', { name: 'Đóng bảng thuộc tính' }));
  await page.keyboard.press('Enter');
  await expect(inspector).toBeHidden();
  await expectFocusOn(page, target);
});

// The inspector's targets are drawn with <Index>: committing a value keeps the row and its field,
// so the focus stays where a planner typing several values expects it.
test('after a target value is committed in the inspector the focus stays in that field', async ({ page }) => {
  await openApp(page);
  await regionTo(page, page.getByTestId('plan-grid'));
  await page.keyboard.press('ArrowDown');
  await expectFocusOn(page, cell(page, 'mobile_subscribers', 'name'));
  const inspector = page.getByTestId('inspector');
  // As a planner would: F6 once the inspector shows the focused indicator.
  await expect(inspector).toContainText('mobile_subscribers');
  await regionTo(page, inspector);
  const targetValue = inspector.getByRole('textbox', { name: 'Chỉ tiêu cần đạt', exact: true });
  await tabTo(page, targetValue);
  await page.keyboard.press('Control+a');
  await page.keyboard.type('3,2');
  await page.keyboard.press('Enter');
  await expect(cell(page, 'mobile_subscribers', 'target')).toHaveText('3,20');
  await expectFocusOn(page, targetValue);
});

test('scenarios, compare, goal seek, history, snapshots, report, export and language from the keyboard', async ({ page }) => {
  test.setTimeout(180_000);
  await openApp(page);

  // Scenarios: fork, switch, compare.
  await tabTo(page, page.getByTestId('fork-scenario'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-tab-s1')).toHaveAttribute('aria-selected', 'true');
  await expectFocusOn(page, page.getByTestId('fork-scenario'));
  await tabTo(page, page.getByTestId('scenario-tab-base'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-tab-base')).toHaveAttribute('aria-selected', 'true');
  await tabTo(page, page.getByTestId('scenario-tab-s1'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-tab-s1')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('scenario-note')).toBeVisible();
  await tabTo(page, page.getByTestId('compare-scenarios'));
  await page.keyboard.press('Enter');
  const compare = page.getByTestId('compare-dialog');
  await expect(compare).toBeVisible();
  await expect.poll(() => holdsFocus(compare)).toBe(true);
  await expectVisibleFocus(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();
  await expectFocusOn(page, page.getByTestId('compare-scenarios'));
  await tabTo(page, page.getByTestId('scenario-tab-base'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scenario-tab-base')).toHaveAttribute('aria-selected', 'true');

  // Goal seek: ask, answer, apply.
  await tabTo(page, page.getByTestId('open-goal-seek'));
  await page.keyboard.press('Enter');
  const seek = page.getByTestId('goal-seek-dialog');
  await expect(seek).toBeVisible();
  await chooseWithArrows(page, seek.locator('select[name="target"]'), 'mobile_density');
  await page.keyboard.press('Tab');
  await expectFocusOn(page, seek.locator('input[name="value"]'));
  await page.keyboard.type('82');
  await page.keyboard.press('Tab');
  await chooseWithArrows(page, seek.locator('select[name="period"]'), '2025');
  await page.keyboard.press('Tab');
  await chooseWithArrows(page, seek.locator('select[name="input"]'), 'population');
  await page.keyboard.press('Tab');
  await chooseWithArrows(page, seek.locator('select[name="parameter"]'), 'level');
  await tabTo(page, page.getByTestId('goal-seek-run'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('goal-seek-answer')).toContainText('3,68');
  await expectVisibleFocus(page);
  await tabTo(page, page.getByTestId('goal-seek-apply'));
  await page.keyboard.press('Enter');
  await expect(seek).toBeHidden();
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,0');
  await expectFocusOn(page, page.getByTestId('open-goal-seek'));

  // Simulation without a range says what is missing; the focus stays on the button.
  await tabTo(page, page.getByTestId('simulate'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('simulation-problem')).toBeVisible();
  await expectFocusOn(page, page.getByTestId('simulate'));

  // History: open, go back to the start, go forward again.
  await tabTo(page, page.getByTestId('toggle-history'));
  await page.keyboard.press('Enter');
  const history = page.getByTestId('history');
  await expect(history).toBeVisible();
  await expect(page.getByTestId('toggle-history')).toHaveAttribute('aria-pressed', 'true');
  await regionTo(page, history);
  await tabTo(page, history.locator('.history-start'));
  await page.keyboard.press('Enter');
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,6');
  await expectFocusOn(page, history.locator('.history-start'));
  // The top undone entry is the farthest: choosing it redoes everything.
  await tabTo(page, history.locator('.history-undone .history-item').first());
  await page.keyboard.press('Enter');
  await expect(cell(page, 'mobile_density', 'p:3')).toHaveText('82,0');
  await expectFocusOn(page, history.locator('.history-current .history-item'));
  expect(await seriousViolations(page)).toEqual([]);

  // Snapshots: open the panel, keep one, compare it, close the comparison and the panel.
  await regionTo(page, page.locator('.plan-header'));
  await tabTo(page, page.getByTestId('toggle-snapshots'));
  await page.keyboard.press('Enter');
  const snapshots = page.getByTestId('snapshots');
  await expect(snapshots).toBeVisible();
  await regionTo(page, snapshots);
  await tabTo(page, page.getByTestId('snapshot-name'));
  await page.keyboard.press('Control+a');
  await page.keyboard.type('gửi Sở');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('snapshot-item')).toHaveCount(1);
  await expectVisibleFocus(page);
  expect(await seriousViolations(page)).toEqual([]);
  await tabTo(page, page.getByTestId('compare-snapshot'));
  await page.keyboard.press('Enter');
  const snapshotCompare = page.getByTestId('snapshot-compare');
  await expect(snapshotCompare).toBeVisible();
  await expectVisibleFocus(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(snapshotCompare).toBeHidden();
  await expectFocusOn(page, page.getByTestId('compare-snapshot'));
  await tabTo(page, page.getByTestId('close-snapshots'));
  await page.keyboard.press('Enter');
  await expect(snapshots).toBeHidden();
  await expectVisibleFocus(page);

  // Report: open, back.
  await regionTo(page, page.locator('.plan-header'));
  await tabTo(page, page.getByTestId('open-report'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report')).toBeVisible();
  await expectFocusOn(page, page.getByTestId('report-print'));
  await tabTo(page, page.getByTestId('report-close'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('report')).toBeHidden();
  await expectFocusOn(page, page.getByTestId('open-report'));

  // Export: the plan file, then a CSV from the spreadsheet menu.
  await tabTo(page, page.getByTestId('export-plan'));
  const planFile = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await planFile).suggestedFilename()).toMatch(/\.json$/);
  await expectFocusOn(page, page.getByTestId('export-plan'));
  const menu = page.getByTestId('export-menu');
  await tabTo(page, menu.locator('summary'));
  await page.keyboard.press('Enter');
  await expect(menu).toHaveAttribute('open', '');
  await tabTo(page, page.getByTestId('export-csv-vi'));
  expect(await seriousViolations(page)).toEqual([]);
  const csvFile = page.waitForEvent('download');
  await page.keyboard.press('Enter');
  expect((await csvFile).suggestedFilename()).toMatch(/\.csv$/);
  // The menu closes over the button that was pressed: the focus goes back to the menu's button.
  await expectFocusOn(page, menu.locator('summary'));

  // Language: the header's switch, with the arrow keys.
  await tabTo(page, page.getByTestId('language'), 60);
  await chooseWithArrows(page, page.getByTestId('language'), 'en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('open-report')).toHaveText('Report');
  await expectFocusOn(page, page.getByTestId('language'));
});

test('importing a plan through the file chooser, a simulation stopped and the add and CSV dialogs from the keyboard', async ({ page, profile }) => {
  test.setTimeout(180_000);
  // 100 ranged indicators × 120 months: a simulation long enough to stop.
  const file = writeLongSimulationPlan(profile.dir, 'keyboard-simulation');

  await openApp(page);
  // Listening turns on Playwright's file-chooser interception, which takes a round trip: before
  // the walk to the button, so a single key press cannot outrun it.
  const chooser = page.waitForEvent('filechooser');
  await tabTo(page, page.getByTestId('import-plan'));
  await page.keyboard.press('Enter');
  await (await chooser).setFiles(file);
  const preview = page.getByTestId('import-preview-dialog');
  await expect(preview).toBeVisible();
  await expectFocusOn(page, page.getByTestId('import-new'));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('plan-title')).toHaveText('Mô phỏng lớn');
  await expectFocusOn(page, page.getByTestId('import-plan'));

  // Simulate, then stop: the focus goes from one button to the other.
  await regionTo(page, page.locator('.plan-bars'));
  await tabTo(page, page.getByTestId('simulate'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('simulation-progress')).toBeVisible();
  await expectFocusOn(page, page.getByTestId('cancel-simulation'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('simulation-progress')).toBeHidden();
  await expectFocusOn(page, page.getByTestId('simulate'));
  // Again, for axe on the running state (after the stop: axe may outlast the run on a busy machine).
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('simulation-progress')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);

  // The CSV import dialog opens and closes with Escape.
  await regionTo(page, page.locator('.plan-header'));
  await tabTo(page, page.getByTestId('import-csv'));
  await page.keyboard.press('Enter');
  const csv = page.getByTestId('csv-import-dialog');
  await expect(csv).toBeVisible();
  await expect.poll(() => holdsFocus(csv)).toBe(true);
  await expectVisibleFocus(page);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(csv).toBeHidden();
  await expectFocusOn(page, page.getByTestId('import-csv'));

  // A new indicator, typed and submitted with Enter.
  await tabTo(page, page.getByTestId('add-indicator'));
  await page.keyboard.press('Enter');
  const add = page.getByTestId('add-indicator-dialog');
  await expect(add).toBeVisible();
  await expectFocusOn(page, add.locator('input[name="name"]'));
  await page.keyboard.type('Doanh thu bưu chính');
  await page.keyboard.press('Enter');
  await expect(add).toBeHidden();
  // Row 101 is below the grid's rendered rows; the list counts it.
  await expect(page.getByTestId('plan-item').filter({ hasText: 'Mô phỏng lớn' })).toContainText('101 chỉ tiêu');
  await expectFocusOn(page, page.getByTestId('add-indicator'));
});
