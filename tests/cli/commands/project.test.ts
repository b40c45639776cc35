import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE, exampleText, planFile, readCsv, tempFile } from '../helpers.ts';

/** The line of a section's table that starts with an indicator id. */
function rowOf(section: string, id: string): string {
  const line = section.split('\n').find((l) => l.startsWith(`${id} `));
  if (line === undefined) throw new Error(`no row for ${id} in:\n${section}`);
  return line;
}

function section(output: string, title: string): string {
  const start = output.indexOf(`\n${title}\n`);
  if (start < 0) throw new Error(`no section ${title}`);
  const end = output.indexOf('\n\n', start + 1);
  return output.slice(start + 1, end < 0 ? undefined : end + 1);
}

describe('chitieu project, as a table', () => {
  it('shows the growth each target of the example needs, and the internet target as met', async () => {
    const { code, stdout, stderr } = await cli(['project', EXAMPLE]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const targets = section(stdout, 'Chỉ tiêu kế hoạch');
    // (3 / 2,98 − 1) = 0,671 %; (5.300 / 4.900 − 1) = 8,163 %; internet already at 2,45 million.
    expect(rowOf(targets, 'mobile_subscribers')).toMatch(/^mobile_subscribers +2024 +≥ 3,00 +3,00 +0,00 +100,0 % +\+0,67 %\/năm +2024 +Đúng hướng$/);
    expect(rowOf(targets, 'sector_revenue')).toMatch(/^sector_revenue +2024 +≥ 5\.300 +5\.300 +0 +100,0 % +\+8,16 %\/năm +2024 +Đúng hướng$/);
    expect(rowOf(targets, 'internet_subscribers')).toMatch(/^internet_subscribers +2024 +giữ 2,45 +2,61 +\+0,16 +106,3 % +0,00 %\/năm +2023 +Đã đạt$/);
  });

  it('writes values the Vietnamese way with actuals marked, and blanks as dashes', async () => {
    const { stdout } = await cli(['project', EXAMPLE]);
    const values = section(stdout, 'Giá trị theo kỳ (* số liệu thực hiện, còn lại là dự báo)');
    expect(rowOf(values, 'sector_revenue')).toMatch(/^sector_revenue +4\.784\* +4\.900\* +5\.300 +5\.733 /);
    expect(rowOf(values, 'mobile_density')).toMatch(/^mobile_density +– +81,5 +82,1 /);
    expect(rowOf(values, 'population')).toMatch(/ 3,656\* +3,656 /);
  });

  it('lists each indicator with its name, unit and projection', async () => {
    const { stdout } = await cli(['project', EXAMPLE]);
    const indicators = section(stdout, 'Chỉ tiêu');
    expect(rowOf(indicators, 'internet_subscribers')).toMatch(/Thuê bao Internet băng rộng +triệu thuê bao +Tăng trưởng \+6,33 %\/năm$/);
    expect(rowOf(indicators, 'mobile_density')).toMatch(/= mobile_subscribers \/ population \* 100$/);
  });

  it('writes English words and numbers with --lang en', async () => {
    const { stdout } = await cli(['project', EXAMPLE, '--lang', 'en']);
    expect(stdout.startsWith('Thanh Hóa — Thông tin và Truyền thông 2024\nPeriods 2022–2030, yearly\n')).toBe(true);
    const targets = section(stdout, 'Targets');
    expect(rowOf(targets, 'sector_revenue')).toMatch(/≥ 5,300 +5,300 +0 +100\.0% +\+8\.16%\/yr +2024 +On track$/);
    expect(rowOf(targets, 'internet_subscribers')).toMatch(/hold 2\.45 .* Met$/);
    expect(rowOf(section(stdout, 'Indicators'), 'sector_revenue')).toContain('ICT services revenue');
  });

  it('follows an English locale when --lang is not given', async () => {
    const { stdout } = await cli(['project', EXAMPLE], { env: { LANG: 'en_US.UTF-8' } });
    expect(stdout).toContain('\nTargets\n');
  });

  it('fits the terminal: no line wider than it when every column fits', async () => {
    const { stdout } = await cli(['project', EXAMPLE], { columns: 80 });
    for (const line of stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(80);
    const values = stdout.slice(stdout.indexOf('Giá trị theo kỳ'));
    expect(values).toMatch(/\nMã +2022 +2023 /);
    expect(values).toMatch(/\n\nMã +2029 +2030\n/);
  });

  it('marks cells a problem leaves blank and lists the problems, still exiting 0', async () => {
    const path = planFile('formula-error.json', (plan) => {
      const density = plan.indicators[2];
      if (density?.projection.method === 'formula') density.projection.formula = 'mobile_subscribers / populaton * 100';
    });
    const { code, stdout, stderr } = await cli(['project', path]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(rowOf(section(stdout, 'Giá trị theo kỳ (* số liệu thực hiện, còn lại là dự báo)'), 'mobile_density')).toMatch(/^mobile_density( +#LỖI){9}$/);
    expect(stdout.endsWith('Vấn đề\nmobile_density: lỗi công thức: Không biết tên “populaton” (vị trí 22).\n')).toBe(true);
  });
});

describe('chitieu project --format csv', () => {
  it('writes one line per indicator and period, with machine numbers and the target on its period', async () => {
    const { code, stdout } = await cli(['project', EXAMPLE, '--format', 'csv']);
    expect(code).toBe(0);
    const [header, ...rows] = readCsv(stdout);
    expect(header).toEqual(['indicator', 'name', 'unit', 'period', 'value', 'actual', 'target_direction', 'target', 'gap', 'attainment', 'growth_needed', 'first_reached', 'status', 'problem']);
    expect(rows).toHaveLength(9 * 9);
    const revenue2024 = rows.find((r) => r[0] === 'sector_revenue' && r[3] === '2024');
    expect(revenue2024?.slice(0, 8)).toEqual(['sector_revenue', 'Doanh thu các dịch vụ ngành TT&TT', 'tỷ đồng', '2024', '5300', 'false', 'atLeast', '5300']);
    expect(Number(revenue2024?.[10])).toBeCloseTo(5300 / 4900 - 1, 12);
    expect(revenue2024?.[12]).toBe('onTrack');
    const revenue2023 = rows.find((r) => r[0] === 'sector_revenue' && r[3] === '2023');
    expect(revenue2023?.slice(4, 7)).toEqual(['4900', 'true', '']);
    const density2022 = rows.find((r) => r[0] === 'mobile_density' && r[3] === '2022');
    expect(density2022?.[4]).toBe('');
    expect(rows.find((r) => r[0] === 'internet_subscribers' && r[3] === '2024')?.[12]).toBe('met');
  });

  it('makes text that starts like a formula inert, while negative numbers stay numbers', async () => {
    const path = planFile('hostile-names.json', (plan) => {
      plan.indicators[3]!.name = { vi: '=HYPERLINK("http://x","y")', en: '-1+2' };
      plan.indicators[3]!.unit = { vi: '@SUM(A1)' };
      plan.indicators[3]!.targets.push({ period: '2025', value: 3, direction: 'atLeast' });
    });
    const vi = readCsv((await cli(['project', path, '--format', 'csv'])).stdout);
    const row = vi.find((r) => r[0] === 'internet_subscribers' && r[3] === '2025');
    expect(row?.[1]).toBe(`'=HYPERLINK("http://x","y")`);
    expect(row?.[2]).toBe("'@SUM(A1)");
    const gap = row?.[8] ?? '';
    expect(gap.startsWith('-')).toBe(true);
    expect(Number(gap)).toBeCloseTo(2.45 * 1.0633 * 1.0633 - 3, 12);
    const en = readCsv((await cli(['project', path, '--format', 'csv', '--lang', 'en'])).stdout);
    expect(en.find((r) => r[0] === 'internet_subscribers')?.[1]).toBe("'-1+2");
  });

  it('puts the problem of each blank cell in its line and warns on stderr', async () => {
    const path = planFile('formula-error-csv.json', (plan) => {
      const density = plan.indicators[2];
      if (density?.projection.method === 'formula') density.projection.formula = '1 / (population - population)';
    });
    const { code, stdout, stderr } = await cli(['project', path, '--format', 'csv']);
    expect(code).toBe(0);
    const rows = readCsv(stdout).filter((r) => r[0] === 'mobile_density');
    expect(rows.find((r) => r[3] === '2024')?.[13]).toBe('kỳ 2024: lỗi công thức: Chia cho 0 (vị trí 3).');
    expect(stderr).toBe(`chitieu: cảnh báo: 1 chỉ tiêu có ô không tính được; xem: chitieu validate ${path}\n`);
  });
});

describe('chitieu project --format json', () => {
  it('writes the documented shape with machine numbers and null for blanks', async () => {
    const { code, stdout } = await cli(['project', EXAMPLE, '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['format', 'version', 'plan', 'scenario', 'calendar', 'periods', 'indicators']);
    expect(document.format).toBe('chitieu-projection');
    expect(document.version).toBe(1);
    expect(document.plan).toEqual({ id: 'thanh-hoa-ttt-2024', name: 'Thanh Hóa — Thông tin và Truyền thông 2024', revision: 0 });
    expect(document.scenario).toBeNull();
    expect(document.calendar).toEqual({ periodicity: 'year', start: '2022', end: '2030' });
    expect(document.periods).toEqual(['2022', '2023', '2024', '2025', '2026', '2027', '2028', '2029', '2030']);
    const revenue = document.indicators.find((i: { id: string }) => i.id === 'sector_revenue');
    expect(Object.keys(revenue)).toEqual(['id', 'name', 'unit', 'group', 'kind', 'decimals', 'method', 'latestActual', 'values', 'actual', 'targets', 'problems']);
    expect(revenue.values.slice(0, 3)).toEqual([4784, 4900, 5300]);
    expect(revenue.actual.slice(0, 3)).toEqual([true, true, false]);
    expect(revenue.latestActual).toBe('2023');
    expect(revenue.targets).toHaveLength(1);
    expect(revenue.targets[0]).toMatchObject({ period: '2024', direction: 'atLeast', value: 5300, projected: 5300, gap: 0, attainment: 1, firstReached: '2024', status: 'onTrack' });
    expect(revenue.targets[0].growthNeeded).toBeCloseTo(5300 / 4900 - 1, 12);
    const density = document.indicators.find((i: { id: string }) => i.id === 'mobile_density');
    expect(density.values[0]).toBeNull();
    expect(density.latestActual).toBeNull();
    expect(density.method).toBe('formula');
  });

  it('gives each problem its code, period, path and message', async () => {
    const path = planFile('formula-error-json.json', (plan) => {
      const density = plan.indicators[2];
      if (density?.projection.method === 'formula') density.projection.formula = 'mobile_subscribers / populaton * 100';
    });
    const document = JSON.parse((await cli(['project', path, '--format', 'json', '--lang', 'en'])).stdout);
    const density = document.indicators.find((i: { id: string }) => i.id === 'mobile_density');
    expect(density.problems).toEqual([
      { code: 'formula', period: null, path: 'plan.indicators[2].projection.formula', message: 'formula error: Unknown name “populaton” (position 22).' },
    ]);
  });
});

describe('chitieu project with a bad file or bad arguments', () => {
  it('shows the first issues of an invalid file and points to validate, with exit 1', async () => {
    const file = JSON.parse(exampleText());
    for (const indicator of file.plan.indicators) indicator.kind = 'volume';
    const path = tempFile('nine-problems.json', JSON.stringify(file));
    const { code, stdout, stderr } = await cli(['project', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe([
      `chitieu: ${path}: không phải tệp kế hoạch hợp lệ (9 vấn đề). Xem tất cả: chitieu validate ${path}`,
      '  plan.indicators[0].kind: cần một trong các giá trị "stock", "flow", "rate", nhận được "volume"',
      '  plan.indicators[1].kind: cần một trong các giá trị "stock", "flow", "rate", nhận được "volume"',
      '  plan.indicators[2].kind: cần một trong các giá trị "stock", "flow", "rate", nhận được "volume"',
      '  … và 6 vấn đề khác',
      '',
    ].join('\n'));
  });

  it('prints a hash mismatch as a warning and carries on', async () => {
    const path = tempFile('edited-project.json', exampleText().replace('"value": 5300', '"value": 5400'));
    const { code, stdout, stderr } = await cli(['project', path, '--lang', 'en']);
    expect(code).toBe(0);
    expect(rowOf(section(stdout, 'Targets'), 'sector_revenue')).toContain('+10.20%/yr');
    expect(stderr).toMatch(/^chitieu: warning: .*: hash: the hash does not match the content/);
  });

  it('refuses an unknown format in one line with exit 2', async () => {
    expect(await cli(['project', EXAMPLE, '--format', 'xlsx'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'chitieu: --format không nhận “xlsx”; chọn một trong: table, csv, json (xem: chitieu project --help)\n',
    });
  });

  it('refuses an unknown option and a bad --lang', async () => {
    expect((await cli(['project', EXAMPLE, '--scenari', 'x', '--lang', 'en'])).stderr).toBe('chitieu: no option --scenari (see: chitieu project --help)\n');
    const lang = await cli(['project', EXAMPLE, '--lang', 'fr']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toBe('chitieu: --lang không nhận “fr”; chọn một trong: vi, en (xem: chitieu project --help)\n');
  });

  it('reads the plan from standard input for "-"', async () => {
    const { code, stdout } = await cli(['project', '-', '--format', 'json'], { stdin: exampleText() });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).plan.id).toBe('thanh-hoa-ttt-2024');
  });
});

describe('chitieu project --scenario', () => {
  const RANGES = 'tests/cli/fixtures/thanh-hoa-ranges.json';

  it('computes the scenario and names it', async () => {
    const { code, stdout } = await cli(['project', RANGES, '--scenario', 'tang_toc']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[2]).toBe('Kịch bản: Tăng tốc (tang_toc)');
    // 4.900 × 1,085 = 5.316,5
    expect(rowOf(section(stdout, 'Chỉ tiêu kế hoạch'), 'sector_revenue')).toMatch(/≥ 5\.300 +5\.317 +\+17 +100,3 % .* Đúng hướng$/);
    const base = await cli(['project', RANGES]);
    expect(rowOf(section(base.stdout, 'Chỉ tiêu kế hoạch'), 'sector_revenue')).toMatch(/≥ 5\.300 +5\.019 +-281 +94,7 % .* Chệch hướng$/);
  });

  it('names the scenario in JSON', async () => {
    const document = JSON.parse((await cli(['project', RANGES, '--scenario', 'tang_toc', '--format', 'json'])).stdout);
    expect(document.scenario).toBe('tang_toc');
  });

  it('treats a scenario the file does not have as bad usage, listing the ones it has', async () => {
    expect(await cli(['project', RANGES, '--scenario', 'nhanh'])).toEqual({ code: 2, stdout: '', stderr: 'chitieu: kế hoạch không có kịch bản “nhanh”; các kịch bản: tang_toc\n' });
    expect(await cli(['project', EXAMPLE, '--scenario', 'nhanh', '--lang', 'en'])).toEqual({ code: 2, stdout: '', stderr: 'chitieu: the plan has no scenarios, so none called “nhanh”\n' });
  });
});
