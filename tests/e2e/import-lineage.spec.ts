/**
 * A plan sent to a colleague and sent back, in two browser profiles: the copy that comes back
 * carries its lineage, so the merge knows the revision both copies came from, takes the
 * colleague's change by itself and asks nothing about it (no conflict), and keeps the change made
 * here meanwhile.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { BASE_URL, CHROMIUM, CHROMIUM_ARGS, cell, expect, openApp, test, typeInto, watchErrors } from './fixtures.ts';

const EXAMPLE_NAME = 'Thanh Hóa — Thông tin và Truyền thông 2024';

async function exportOpenPlan(page: Page, dir: string, name: string): Promise<string> {
  const download = page.waitForEvent('download');
  await page.getByTestId('export-plan').click();
  const path = join(dir, name);
  await (await download).saveAs(path);
  return path;
}

test('a colleague’s edited copy merges three-way: their change taken by itself, ours kept, no conflict', async ({ page, profile }) => {
  await openApp(page);
  const sent = await exportOpenPlan(page, profile.dir, 'sent.json');
  expect(JSON.parse(readFileSync(sent, 'utf8')).lineage).toHaveLength(1);
  // Here, after sending: one value changed.
  await typeInto(page, 'sector_revenue', 'p:1', '4.950');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');

  // The colleague, in a browser of their own: imports the file, changes another value, sends it back.
  const colleagueDir = mkdtempSync(join(tmpdir(), 'chitieu-e2e-colleague-'));
  const colleagueErrors: string[] = [];
  const colleague = await chromium.launchPersistentContext(colleagueDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, locale: 'vi-VN', acceptDownloads: true, baseURL: BASE_URL, viewport: { width: 1440, height: 900 },
  });
  let returned: string;
  try {
    const theirs = colleague.pages()[0] ?? (await colleague.newPage());
    watchErrors(theirs, colleagueErrors);
    await openApp(theirs);
    // Their own copy of the example goes first, so that the file comes in as the plan itself.
    await theirs.getByTestId('plan-item').first().getByRole('button', { name: /Xoá/ }).click();
    await theirs.getByTestId('confirm-delete').click();
    await expect(theirs.getByTestId('plan-item')).toHaveCount(0);
    await theirs.getByTestId('import-input').setInputFiles(sent);
    await theirs.getByTestId('import-new').click();
    await expect(theirs.getByTestId('plan-title')).toHaveText(EXAMPLE_NAME);
    await typeInto(theirs, 'sector_revenue', 'p:2', '5.100');
    await expect(theirs.getByTestId('save-status')).toContainText('Đã lưu');
    returned = await exportOpenPlan(theirs, profile.dir, 'returned.json');
    expect(colleagueErrors).toEqual([]);
  } finally {
    await colleague.close();
    rmSync(colleagueDir, { recursive: true, force: true });
  }
  const file = JSON.parse(readFileSync(returned, 'utf8'));
  // The lineage: the revision we sent, then the colleague's.
  expect(file.lineage).toHaveLength(2);
  expect(file.lineage[0]).toBe(JSON.parse(readFileSync(sent, 'utf8')).lineage[0]);

  // Back here: the preview knows both came from what was sent.
  await page.getByTestId('import-input').setInputFiles(returned);
  const dialog = page.getByTestId('import-preview-dialog');
  await expect(page.getByTestId('import-relation')).toContainText('tách ra từ một bản chung');
  await page.getByTestId('import-merge').click();
  await expect(page.getByTestId('import-merge-step')).toContainText('Không có chỗ nào cả hai bên cùng sửa');
  await expect(page.getByTestId('import-automatic')).toContainText('5.100');
  await expect(page.getByTestId('merge-decision')).toHaveCount(0);
  await expect(page.getByTestId('merge-confirm')).toBeEnabled();
  await page.getByTestId('merge-confirm').click();
  await expect(dialog).toHaveCount(0);
  await expect(cell(page, 'sector_revenue', 'p:1')).toHaveText('4.950');
  await expect(cell(page, 'sector_revenue', 'p:2')).toHaveText('5.100');
  await expect(page.getByTestId('save-status')).toContainText('Đã lưu');

  // The same file again: this copy now holds it, so there is nothing to take.
  await page.getByTestId('import-input').setInputFiles(returned);
  await expect(page.getByTestId('import-relation')).toContainText('tệp không có gì mới');
});

/** The example with `count` more indicators (copies of its first, with notes): a file of several hundred KiB. */
function largeExample(count: number): { plan: { id: string; name: string; indicators: Record<string, unknown>[] } } {
  const file = JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8'));
  const first = file.plan.indicators[0];
  for (let i = 0; i < count; i++) {
    file.plan.indicators.push({ ...first, id: `copy_${i}`, group: undefined, targets: [], note: 'Ghi chú dài '.repeat(40) });
  }
  file.plan.id = 'large-plan';
  file.plan.name = 'Kế hoạch lớn';
  delete file.hash;
  return file;
}

test('a large file is read off the main thread: the same preview, and the same refusal with its path', async ({ page, profile }) => {
  await openApp(page);
  const file = largeExample(600);
  const good = join(profile.dir, 'large.json');
  // A hash that does not match: accepted with a warning, as on the main thread.
  writeFileSync(good, JSON.stringify({ ...file, hash: '0'.repeat(64) }, null, 2));
  expect(readFileSync(good, 'utf8').length).toBeGreaterThan(256 * 1024);
  const importWorkers: string[] = [];
  page.on('worker', (worker) => { if (worker.url().includes('import.worker')) importWorkers.push(worker.url()); });
  await page.getByTestId('import-input').setInputFiles(good);
  await expect(page.getByTestId('import-preview-dialog')).toContainText('Kế hoạch lớn');
  await expect(page.getByTestId('import-warnings')).toBeVisible();
  await expect(page.getByTestId('import-counts')).toContainText(`${file.plan.indicators.length} chỉ tiêu`);
  await page.getByTestId('import-new').click();
  await expect(page.getByTestId('plan-title')).toHaveText('Kế hoạch lớn');

  const broken = largeExample(600);
  (broken.plan.indicators[500] as { decimals: unknown }).decimals = 'hai';
  const bad = join(profile.dir, 'large-bad.json');
  writeFileSync(bad, JSON.stringify({ ...broken, hash: '0'.repeat(64) }, null, 2));
  await page.getByTestId('import-input').setInputFiles(bad);
  const notice = page.getByTestId('notice-error').filter({ hasText: 'large-bad.json' });
  await expect(notice).toContainText('plan.indicators[500].decimals');
  await expect(notice).toContainText('"hai"');
  // Both files were read by a worker of their own.
  expect(importWorkers).toHaveLength(2);
});
