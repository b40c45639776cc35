import { describe, expect, it } from 'vitest';
import Papa from 'papaparse/papaparse.min.js';
import { csvNumber, planToCsv } from '../../../src/format/spreadsheet/csv-export.ts';
import { compute, makeIndicator, yearlyPlan } from './helpers.ts';

const plan = yearlyPlan(
  [
    makeIndicator({ id: 'revenue', name: { vi: 'Doanh thu', en: 'Revenue' }, unit: { vi: 'tỷ đồng', en: 'billion VND' }, group: 'economy',
      actuals: { '2022': 4784, '2023': 4900 }, projection: { method: 'reachTarget' },
      targets: [{ period: '2025', value: 5300, direction: 'atLeast' }] }),
    makeIndicator({ id: 'mobile', name: { vi: 'Thuê bao di động; trả trước', en: 'Mobile subscribers, prepaid' }, unit: { vi: 'triệu thuê bao' },
      decimals: 2, actuals: { '2023': 2.98 }, projection: { method: 'growth', rate: 0.01 },
      targets: [{ period: '2024', value: 3, direction: 'atLeast' }] }),
    makeIndicator({ id: 'poverty', name: { vi: 'Tỷ lệ hộ nghèo' }, unit: { vi: '%' }, actuals: { '2021': 2.25, '2023': -0.5 } }),
  ],
  { groups: [{ id: 'economy', name: { vi: 'Kinh tế', en: 'Economy' } }] },
);
const result = compute(plan);
const rowsOf = (csv: string, delimiter: string) => Papa.parse(csv.slice(1), { delimiter }).data.filter((r) => r.length > 1);

describe('planToCsv', () => {
  it('starts with a UTF-8 byte order mark and ends lines with CRLF', () => {
    const csv = planToCsv(plan, result, { lang: 'vi', numberFormat: 'vi' });
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n').length).toBe(1 + 3 + 1);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes Vietnamese numbers with ; between cells and , as the decimal mark, no thousands separator', () => {
    const rows = rowsOf(planToCsv(plan, result, { lang: 'vi', numberFormat: 'vi' }), ';');
    expect(rows[0]).toEqual(['Nhóm', 'Chỉ tiêu', 'Đơn vị', 'Thực hiện đến', '2021', '2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030',
      'Năm chỉ tiêu', 'Chỉ tiêu kế hoạch', 'Tăng cần thiết (%/năm)', 'Mức đạt (%)', 'Tình trạng']);
    const revenue = rows[1] as string[];
    expect(revenue.slice(0, 7)).toEqual(['Kinh tế', 'Doanh thu', 'tỷ đồng', '2023', '', '4784', '4900']);
    expect(revenue.slice(14)).toEqual(['2025', '5300', '4', '100', 'Đúng hướng']);
    const mobile = rows[2] as string[];
    expect(mobile[1]).toBe('Thuê bao di động; trả trước');
    expect(mobile[6]).toBe('2,98');
    expect(mobile[7]).toBe('3,0098');
    expect(mobile[18]).toBe('Đúng hướng');
    const poverty = rows[3] as string[];
    expect(poverty.slice(3, 7)).toEqual(['2023', '2,25', '', '-0,5']);
  });

  it('writes English numbers with , between cells and . as the decimal mark, quoting text that holds a comma', () => {
    const csv = planToCsv(plan, result, { lang: 'en', numberFormat: 'en' });
    expect(csv).toContain('"Mobile subscribers, prepaid"');
    const rows = rowsOf(csv, ',');
    expect(rows[0]?.slice(0, 4)).toEqual(['Group', 'Indicator', 'Unit', 'Actuals through']);
    expect(rows[0]?.slice(14)).toEqual(['Target year', 'Target', 'Growth needed (%/year)', 'Attainment (%)', 'Status']);
    expect(rows[2]?.slice(6, 8)).toEqual(['2.98', '3.0098']);
    expect(rows[3]?.[6]).toBe('-0.5');
    expect(rows[1]?.[18]).toBe('On track');
  });

  it('keeps the language of the words apart from the number format', () => {
    const rows = rowsOf(planToCsv(plan, result, { lang: 'en', numberFormat: 'vi' }), ';');
    expect(rows[0]?.[1]).toBe('Indicator');
    expect(rows[2]?.[6]).toBe('2,98');
  });

  it('names the scenario on a first line as wide as the table', () => {
    const rows = rowsOf(planToCsv(plan, result, { lang: 'vi', numberFormat: 'vi', scenarioName: 'Tăng trưởng cao' }), ';');
    expect(rows[0]?.slice(0, 2)).toEqual(['Kịch bản', 'Tăng trưởng cao']);
    expect(rows[0]?.length).toBe(rows[1]?.length);
    expect(rows[1]?.[1]).toBe('Chỉ tiêu');
  });

  it('writes computed values to 12 significant digits and typed values with every digit', () => {
    expect(csvNumber(0.1 + 0.2, 'en', false)).toBe('0.3');
    expect(csvNumber(0.1 + 0.2, 'en', true)).toBe('0.30000000000000004');
    expect(csvNumber(-0, 'vi')).toBe('0');
    expect(csvNumber(1e21, 'vi')).toBe('1e+21');
    expect(csvNumber(-1.5e-7, 'vi')).toBe('-1,5e-7');
  });

  it('leaves cells blank for an indicator the result does not know yet', () => {
    const added = { ...plan, indicators: [...plan.indicators, makeIndicator({ id: 'late', name: { vi: 'Mới thêm' }, actuals: { '2023': 1 } })] };
    const rows = rowsOf(planToCsv(added, result, { lang: 'vi', numberFormat: 'vi' }), ';');
    expect(rows[4]?.slice(1)).toEqual(['Mới thêm', '', ...Array<string>(16).fill('')]);
  });
});
