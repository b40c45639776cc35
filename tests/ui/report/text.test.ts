import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createEngineApi } from '../../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../../src/engine/model/factories.ts';
import type { Indicator, Plan } from '../../../src/engine/model/plan.ts';
import type { PlanResult } from '../../../src/engine/projection/result.ts';
import { reportFacts, type IndicatorFacts, type ReportFacts } from '../../../src/ui/report/facts.ts';
import { figure, formatGrowth, indicatorSentence, periodLabel, periodPhrase, reportDate, romanNumeral, summarySentence } from '../../../src/ui/report/text.ts';

const NOW = '2024-01-02T00:00:00.000Z';

const examplePlan = (): Plan => JSON.parse(readFileSync('public/examples/thanh-hoa-2024.json', 'utf8')).plan as Plan;

function compute(plan: Plan): PlanResult {
  const result = createEngineApi().compute(plan);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

function factsOf(report: ReportFacts, id: string): IndicatorFacts {
  const found = report.groups.flatMap((g) => g.indicators).find((i) => i.id === id);
  if (!found) throw new Error(`no facts for ${id}`);
  return found;
}

/** A yearly plan 2022–2030 holding the given indicators. */
function planOf(...indicators: Indicator[]): Plan {
  return makePlan({ id: 'p', name: 'p', createdAt: NOW, updatedAt: NOW, calendar: { periodicity: 'year', start: '2022', end: '2030' }, indicators });
}

function sentence(plan: Plan, id: string, lang: 'vi' | 'en', probabilities: ReadonlyMap<string, number> = new Map()): string {
  return indicatorSentence(factsOf(reportFacts(plan, compute(plan), probabilities), id), lang);
}

describe('the sentences of the Thanh Hóa 2024 example', () => {
  const plan = examplePlan();
  const report = reportFacts(plan, compute(plan), new Map());

  it('says the revenue reached 102,42 % of 2022 and needs +8,16 % a year, in the department\'s words', () => {
    expect(indicatorSentence(factsOf(report, 'sector_revenue'), 'vi')).toBe(
      'Doanh thu các dịch vụ ngành TT&TT năm 2023 ước đạt 4.900 tỷ đồng, bằng 102,42 % so với năm 2022; '
      + 'để đạt chỉ tiêu 5.300 tỷ đồng năm 2024 cần tăng 8,16 %/năm; theo dự báo hiện tại sẽ đạt chỉ tiêu.',
    );
    expect(indicatorSentence(factsOf(report, 'sector_revenue'), 'en')).toBe(
      'ICT services revenue: an estimated 4,900 billion VND in 2023, 102.42% of the 2022 figure; '
      + 'reaching the 2024 target of 5,300 billion VND needs growth of 8.16% a year; on the current projection the target will be met.',
    );
  });

  it('takes the change on the year before as latest ÷ previous actual (4.900 ÷ 4.784)', () => {
    const revenue = factsOf(report, 'sector_revenue');
    expect(revenue.latest).toEqual({ period: '2023', value: 4900, actual: true });
    expect(revenue.previous).toEqual({ period: '2022', value: 4784 });
    expect(revenue.change).toBeCloseTo(4900 / 4784, 12);
  });

  it('says mobile subscribers need +0,67 % a year to go from 2,98 to 3 million, with no change for lack of a 2022 figure', () => {
    expect(indicatorSentence(factsOf(report, 'mobile_subscribers'), 'vi')).toBe(
      'Thuê bao di động năm 2023 ước đạt 2,98 triệu thuê bao; để đạt chỉ tiêu 3 triệu thuê bao năm 2024 cần tăng 0,67 %/năm; '
      + 'theo dự báo hiện tại sẽ đạt chỉ tiêu.',
    );
    expect(indicatorSentence(factsOf(report, 'mobile_subscribers'), 'en')).toBe(
      'Mobile subscribers: an estimated 2.98 million subscribers in 2023; reaching the 2024 target of 3 million subscribers '
      + 'needs growth of 0.67% a year; on the current projection the target will be met.',
    );
  });

  it('says the internet target, held at the 2023 level, is already met rather than asking for growth', () => {
    expect(indicatorSentence(factsOf(report, 'internet_subscribers'), 'vi')).toBe(
      'Thuê bao Internet băng rộng năm 2023 ước đạt 2,45 triệu thuê bao, bằng 106,34 % so với năm 2022; '
      + 'đã đạt chỉ tiêu giữ mức 2,45 triệu thuê bao năm 2024.',
    );
    expect(indicatorSentence(factsOf(report, 'internet_subscribers'), 'en')).toBe(
      'Broadband internet subscribers: an estimated 2.45 million subscribers in 2023, 106.34% of the 2022 figure; '
      + 'the 2024 target of holding 2.45 million subscribers is already met.',
    );
  });

  it('says a formula row is computed, at the report\'s latest year, and where its projection ends', () => {
    expect(indicatorSentence(factsOf(report, 'mobile_density'), 'vi')).toBe(
      'Mật độ thuê bao di động năm 2023 đạt 81,5 thuê bao/100 dân (tính theo công thức); dự báo năm 2030 đạt 85,4 thuê bao/100 dân.',
    );
    expect(indicatorSentence(factsOf(report, 'online_services_total'), 'en')).toBe(
      'Online public services, total: 1,710 services in 2023 (computed by formula); the projection for 2030 is 1,710 services.',
    );
  });

  it('gives an indicator without a target its latest value and its projection at the horizon', () => {
    expect(indicatorSentence(factsOf(report, 'files_on_time'), 'vi')).toBe(
      'Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn năm 2023 ước đạt 98 %; dự báo năm 2030 đạt 98 %.',
    );
  });

  it('adds the simulated chance of reaching the target when there is one', () => {
    const simulated = reportFacts(plan, compute(plan), new Map([['sector_revenue#0', 0.4987]]));
    expect(indicatorSentence(factsOf(simulated, 'sector_revenue'), 'vi')).toMatch(/; theo dự báo hiện tại sẽ đạt chỉ tiêu; khả năng đạt theo mô phỏng là 50 %\.$/);
    expect(indicatorSentence(factsOf(simulated, 'sector_revenue'), 'en')).toMatch(/; the simulation gives a 50% chance of reaching it\.$/);
    expect(simulated.simulated).toBe(true);
    expect(report.simulated).toBe(false);
  });

  it('sums up the targets by status', () => {
    expect(summarySentence(report, 'vi')).toBe('Trong 3 chỉ tiêu có mục tiêu: 1 đã đạt, 2 đúng hướng.');
    expect(summarySentence(report, 'en')).toBe('Of 3 indicators with a target: 1 met, 2 on track.');
  });

  it('keeps the plan\'s groups in order, with the data through 2023 and the horizon 2030', () => {
    expect(report.groups.map((g) => g.name?.vi)).toEqual(['Viễn thông', 'Doanh thu ngành', 'Chính quyền số']);
    expect(report.actualsThrough).toBe('2023');
    expect(report.horizon).toBe('2030');
  });

  it('numbers notes and sources once each, a source quoted twice keeping one number', () => {
    const portal = 'Cổng dịch vụ công và Hệ thống một cửa điện tử tỉnh Thanh Hóa (2023)';
    const partial = factsOf(report, 'online_services_partial').footnotes;
    const full = factsOf(report, 'online_services_full').footnotes;
    expect(partial.map((f) => f.text)).toEqual([portal]);
    expect(full).toEqual(partial);
    expect(report.footnotes.filter((f) => f.text === portal)).toHaveLength(1);
    expect(report.footnotes.map((f) => f.number)).toEqual(report.footnotes.map((_, i) => i + 1));
    expect(factsOf(report, 'sector_revenue').footnotes.map((f) => f.kind)).toEqual(['targetNote', 'note', 'source']);
  });
});

describe('sentences for targets the projection misses, past targets and falling targets', () => {
  const revenue = (fields: Partial<Indicator>) => makeIndicator({
    id: 'revenue', name: { vi: 'Doanh thu', en: 'Revenue' }, unit: { vi: 'tỷ đồng', en: 'billion VND' }, kind: 'flow',
    actuals: { '2022': 4784, '2023': 4900 }, projection: { method: 'growth', rate: 0.02 },
    targets: [{ period: '2024', value: 5300, direction: 'atLeast' }], ...fields,
  });

  it('says a projection far below the target will not meet it, with the projection and its share of the target', () => {
    const plan = planOf(revenue({}));
    expect(sentence(plan, 'revenue', 'vi')).toBe(
      'Doanh thu năm 2023 ước đạt 4.900 tỷ đồng, bằng 102,42 % so với năm 2022; để đạt chỉ tiêu 5.300 tỷ đồng năm 2024 cần tăng 8,16 %/năm; '
      + 'theo dự báo hiện tại sẽ không đạt chỉ tiêu (dự báo 4.998 tỷ đồng, bằng 94,3 % chỉ tiêu).',
    );
    expect(sentence(plan, 'revenue', 'en')).toMatch(/; on the current projection the target will not be met \(projected 4,998 billion VND, 94\.3% of target\)\.$/);
  });

  it('says a projection just short of the target is at risk', () => {
    const plan = planOf(revenue({ targets: [{ period: '2024', value: 5100, direction: 'atLeast' }] }));
    expect(sentence(plan, 'revenue', 'vi')).toMatch(/; theo dự báo hiện tại có nguy cơ không đạt chỉ tiêu \(dự báo 4\.998 tỷ đồng, bằng 98,0 % chỉ tiêu\)\.$/);
  });

  it('names the projection when it goes past the target', () => {
    const plan = planOf(revenue({ projection: { method: 'growth', rate: 0.1 } }));
    expect(sentence(plan, 'revenue', 'vi')).toMatch(/; theo dự báo hiện tại sẽ đạt chỉ tiêu \(dự báo 5\.390 tỷ đồng, bằng 101,7 % chỉ tiêu\)\.$/);
  });

  it('says a target of a period with an actual was met or missed', () => {
    const met = planOf(revenue({ targets: [{ period: '2023', value: 4800, direction: 'atLeast' }] }));
    expect(sentence(met, 'revenue', 'vi')).toBe(
      'Doanh thu năm 2023 ước đạt 4.900 tỷ đồng, bằng 102,42 % so với năm 2022; đã đạt chỉ tiêu 4.800 tỷ đồng năm 2023 (bằng 102,1 % chỉ tiêu).',
    );
    const missed = planOf(revenue({ targets: [{ period: '2023', value: 5000, direction: 'atLeast' }] }));
    expect(sentence(missed, 'revenue', 'en')).toMatch(/; the 2023 target of 5,000 billion VND was not met \(98\.0% of target\)\.$/);
  });

  it('says how much a ceiling needs the indicator to fall', () => {
    const plan = planOf(makeIndicator({
      id: 'poverty', name: { vi: 'Tỷ lệ hộ nghèo', en: 'Poor households' }, unit: { vi: '%', en: '%' }, kind: 'rate', decimals: 2,
      actuals: { '2023': 2.5 }, projection: { method: 'linear', step: -0.3 },
      targets: [{ period: '2025', value: 2, direction: 'atMost' }],
    }));
    expect(sentence(plan, 'poverty', 'vi')).toBe(
      'Tỷ lệ hộ nghèo năm 2023 ước đạt 2,5 %; để đạt chỉ tiêu tối đa 2 % năm 2025 cần giảm 10,56 %/năm; '
      + 'theo dự báo hiện tại sẽ đạt chỉ tiêu (dự báo 1,9 %).',
    );
  });

  it('says an indicator has no figures yet, and that a row in error cannot be computed', () => {
    const plan = planOf(
      makeIndicator({ id: 'blank', name: { vi: 'Chưa nhập', en: 'Not entered' }, targets: [{ period: '2024', value: 10, direction: 'atLeast' }] }),
      makeIndicator({ id: 'loop', name: { vi: 'Vòng lặp', en: 'Loop' }, projection: { method: 'formula', formula: 'loop + 1' } }),
    );
    expect(sentence(plan, 'blank', 'vi')).toBe('Chưa nhập chưa có số liệu thực hiện; có chỉ tiêu 10 năm 2024; chưa có số dự báo cho năm 2024.');
    expect(sentence(plan, 'blank', 'en')).toBe('Not entered: no actual figures yet; the 2024 target of 10 is set; there is no projection for 2024 yet.');
    expect(sentence(plan, 'loop', 'vi')).toBe('Vòng lặp chưa tính được (xem lỗi trong bảng chỉ tiêu).');
  });

  it('puts the target the grid shows (the first ahead of the latest actual) first, and reads each target\'s chance by its own index', () => {
    const plan = planOf(revenue({
      targets: [{ period: '2023', value: 4800, direction: 'atLeast' }, { period: '2024', value: 5300, direction: 'atLeast' }],
    }));
    const facts = factsOf(reportFacts(plan, compute(plan), new Map([['revenue#0', 1], ['revenue#1', 0.7]])), 'revenue');
    expect(facts.targets.map((t) => [t.period, t.index, t.probability, t.past])).toEqual([['2024', 1, 0.7, false], ['2023', 0, 1, true]]);
  });
});

describe('periods, figures and dates the way each language writes them', () => {
  it('writes quarters and months as a Vietnamese report does, and in English', () => {
    expect(periodPhrase('2023', 'vi')).toBe('năm 2023');
    expect(periodPhrase('2024-Q1', 'vi')).toBe('quý I/2024');
    expect(periodPhrase('2024-Q4', 'vi')).toBe('quý IV/2024');
    expect(periodPhrase('2024-03', 'vi')).toBe('tháng 3/2024');
    expect(periodPhrase('2023', 'en')).toBe('2023');
    expect(periodLabel('2024-Q1', 'en')).toBe('Q1 2024');
    expect(periodLabel('2024-03', 'en')).toBe('March 2024');
  });

  it('writes figures without trailing zeros, with the unit, and growth per period with its sign', () => {
    expect(figure(3, 2, 'triệu thuê bao', 'vi')).toBe('3 triệu thuê bao');
    expect(figure(4900, 0, 'tỷ đồng', 'vi')).toBe('4.900 tỷ đồng');
    expect(figure(81.5098, 1, '', 'en')).toBe('81.5');
    expect(figure(-0.0001, 2, '%', 'vi')).toBe('0 %');
    expect(formatGrowth(3 / 2.98 - 1, 'year', 'vi')).toBe('+0,67 %/năm');
    expect(formatGrowth(0.0125, 'quarter', 'en')).toBe('+1.25% a quarter');
  });

  it('dates the report as a department does', () => {
    expect(reportDate(new Date(2024, 0, 2), 'vi')).toBe('ngày 2 tháng 1 năm 2024');
    expect(reportDate(new Date(2024, 0, 2), 'en')).toBe('January 2, 2024');
  });

  it('numbers groups I, II, III…', () => {
    expect([1, 2, 3, 4, 9, 14, 40].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV', 'IX', 'XIV', 'XL']);
  });
});
