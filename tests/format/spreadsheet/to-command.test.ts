import { describe, expect, it } from 'vitest';
import { applyCommand } from '../../../src/engine/commands/commands.ts';
import { parsePlan } from '../../../src/format/parse.ts';
import { parseIndicatorsCsv } from '../../../src/format/spreadsheet/csv-import.ts';
import { csvImportCommand } from '../../../src/format/spreadsheet/to-command.ts';
import { describeCsvIssue } from '../../../src/format/spreadsheet/messages.ts';
import { LIMITS } from '../../../src/format/schema.ts';
import { fixture, makeIndicator, valueOf, yearlyPlan } from './helpers.ts';

const NOW = '2024-06-01T00:00:00.000Z';

describe('csvImportCommand', () => {
  const plan = yearlyPlan([makeIndicator({ id: 'thue_bao_di_dong', name: { vi: 'Thuê bao di động' }, actuals: { '2023': 2.98 } })], {
    calendar: { periodicity: 'year', start: '2022', end: '2030' },
  });
  const imported = valueOf(parseIndicatorsCsv(fixture('libreoffice-vi-VN.csv')));

  it('adds every indicator in one batch, so one undo takes the import back', () => {
    const change = valueOf(csvImportCommand(plan, imported));
    expect(change.command.type).toBe('batch');
    expect(change.command.commands.map((c) => c.type)).toEqual(Array(5).fill('addIndicator'));
    const applied = applyCommand(plan, change.command, NOW);
    if (!applied.ok) expect.fail(JSON.stringify(applied.error));
    expect(applied.value.plan.indicators.length).toBe(6);
    expect(applied.value.plan.revision).toBe(plan.revision + 1);
    const undone = applyCommand(applied.value.plan, applied.value.inverse, NOW);
    if (!undone.ok) expect.fail(JSON.stringify(undone.error));
    expect(undone.value.plan.indicators).toEqual(plan.indicators);
  });

  it('gives a plan that passes the plan file validator', () => {
    const change = valueOf(csvImportCommand(plan, imported));
    const applied = applyCommand(plan, change.command, NOW);
    if (!applied.ok) expect.fail(JSON.stringify(applied.error));
    const checked = parsePlan(JSON.parse(JSON.stringify(applied.value.plan)));
    expect(checked.ok ? [] : checked.error).toEqual([]);
  });

  it('renames an indicator whose id the plan already uses, taking no id of the file either', () => {
    const change = valueOf(csvImportCommand(plan, imported));
    expect(change.indicators.map((i) => i.id)).toEqual([
      'thue_bao_di_dong_2',
      'thue_bao_internet_bang_rong_co_dinh',
      'mat_do_thue_bao_di_dong',
      'doanh_thu_dich_vu_vien_thong_va_cntt',
      'so_dich_vu_cong_truc_tuyen_toan_trinh',
    ]);
  });

  it('leaves out values and targets outside the calendar and says which', () => {
    const change = valueOf(csvImportCommand(plan, imported));
    expect(change.indicators[0]?.actuals).toEqual({ '2022': 2.91, '2023': 2.98 });
    expect(change.warnings.map((w) => describeCsvIssue(w, 'vi'))).toEqual([
      'tệp: kỳ 2021 nằm ngoài lịch của kế hoạch (2022–2030); số liệu của kỳ này không được thêm',
    ]);
    const short = { ...plan, calendar: { periodicity: 'year' as const, start: '2022', end: '2024' } };
    const shortChange = valueOf(csvImportCommand(short, imported));
    expect(shortChange.indicators[0]?.targets).toEqual([]);
    expect(shortChange.indicators[0]?.projection).toEqual({ method: 'constant' });
    expect(shortChange.warnings.map((w) => describeCsvIssue(w, 'en'))).toContain(
      "row 6: the target for 2025 is outside the plan's calendar (2022–2024); not added",
    );
  });

  it('leaves out every value of a file of years for a plan of quarters', () => {
    const quarterly = { ...plan, calendar: { periodicity: 'quarter' as const, start: '2022-Q1', end: '2024-Q4' } };
    const change = valueOf(csvImportCommand(quarterly, imported));
    expect(change.indicators.every((i) => Object.keys(i.actuals).length === 0 && i.targets.length === 0)).toBe(true);
    expect(change.warnings[0]).toMatchObject({ code: 'outsideCalendar', periods: ['2021', '2022', '2023'] });
  });

  it('refuses an import that would take the plan past its indicator limit', () => {
    const full = { ...plan, indicators: Array.from({ length: LIMITS.indicators - 2 }, (_, k) => makeIndicator({ id: `i${k}` })) };
    const result = csvImportCommand(full, imported);
    expect(result.ok ? [] : result.error).toEqual([{ level: 'error', code: 'tooManyIndicators', limit: LIMITS.indicators, actual: LIMITS.indicators + 3 }]);
  });
});
