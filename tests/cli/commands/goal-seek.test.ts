import { describe, expect, it } from 'vitest';
import { defaultParameter, parseVary } from '../../../src/cli/commands/goal-seek.ts';
import { makeIndicator } from '../../../src/engine/model/factories.ts';
import { formatLarge, formatScientific } from '../../../src/cli/render/parameters.ts';
import { cli, EXAMPLE } from '../helpers.ts';

const RANGES = 'tests/cli/fixtures/thanh-hoa-ranges.json';

function field(output: string, label: string): string {
  const line = output.split('\n').find((l) => l.startsWith(`${label} `));
  if (line === undefined) throw new Error(`no line ${label} in:\n${output}`);
  return line.slice(label.length).trim();
}

describe('chitieu goal-seek', () => {
  it('finds the population that puts mobile density at 82 per 100 in 2024, through the formula', async () => {
    const { code, stdout, stderr } = await cli(['goal-seek', EXAMPLE, '--vary', 'population', '--indicator', 'mobile_density', '--value', '82', '--period', '2024']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // density = subscribers / population × 100, with 3 million subscribers in 2024.
    expect(field(stdout, 'Thay đổi')).toBe('population.level');
    expect(field(stdout, 'Để')).toBe('mobile_density = 82 vào kỳ 2024');
    expect(field(stdout, 'Giá trị cần')).toBe('3,65854');
    expect(field(stdout, 'Trong kế hoạch')).toBe('3,65600');
    expect(field(stdout, 'Khi đó mobile_density')).toBe('82,0');
  });

  it('finds the growth rate revenue needs, as in JSON, to within 1e-9', async () => {
    const { code, stdout } = await cli(['goal-seek', RANGES, '--vary', 'sector_revenue.rate', '--indicator', 'sector_revenue', '--value', '5300', '--period', '2024', '--format', 'json']);
    expect(code).toBe(0);
    const document = JSON.parse(stdout);
    expect(Object.keys(document)).toEqual(['format', 'version', 'plan', 'scenario', 'vary', 'goal', 'answer']);
    expect(document.format).toBe('chitieu-goal-seek');
    expect(document.vary).toEqual({ indicator: 'sector_revenue', parameter: 'rate' });
    expect(document.goal).toEqual({ indicator: 'sector_revenue', period: '2024', value: 5300 });
    expect(Math.abs(document.answer.value - (5300 / 4900 - 1))).toBeLessThan(1e-9);
    expect(document.answer.base).toBe(0.0242);
    expect(Math.abs(document.answer.achieved - 5300) / 5300).toBeLessThan(1e-9);
    expect(document.answer.evaluations).toBeGreaterThan(0);
  });

  it('writes a rate as a percentage per period and its change in percentage points, in English', async () => {
    const { stdout } = await cli(['goal-seek', RANGES, '--vary', 'sector_revenue', '--indicator', 'sector_revenue', '--value', '5300', '--period', '2024', '--lang', 'en']);
    expect(field(stdout, 'Vary')).toBe('sector_revenue.rate');
    expect(field(stdout, 'Value needed')).toBe('8.163%/yr');
    expect(field(stdout, 'In the plan')).toBe('2.420%/yr');
    expect(field(stdout, 'Change')).toBe('+5.743 percentage points');
  });

  it('seeks within a scenario', async () => {
    const { stdout } = await cli(['goal-seek', RANGES, '--vary', 'sector_revenue', '--indicator', 'sector_revenue', '--value', '5300', '--period', '2024', '--scenario', 'tang_toc']);
    expect(field(stdout, 'Kịch bản')).toBe('tang_toc');
    expect(field(stdout, 'Trong kế hoạch')).toBe('8,500 %/năm');
    expect(field(stdout, 'Giá trị cần')).toBe('8,163 %/năm');
  });

  it('says when no value works, naming the range tried and the values at its ends, with exit 1', async () => {
    // Reach-target projects the path to the target: 2024 is 3 million whatever the level.
    const { code, stdout, stderr } = await cli(['goal-seek', EXAMPLE, '--vary', 'mobile_subscribers', '--indicator', 'mobile_subscribers', '--value', '3.5', '--period', '2024']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^chitieu: không có giá trị nào của mobile_subscribers\.level từ .+ đến .+ làm mobile_subscribers = 3,5 vào kỳ 2024: ở hai đầu khoảng đó, mobile_subscribers bằng 3,00 và 3,00\n$/);
  });

  it('says when the indicator does not depend on the input, with exit 1', async () => {
    const { code, stderr } = await cli(['goal-seek', EXAMPLE, '--vary', 'population', '--indicator', 'sector_revenue', '--value', '1', '--period', '2024', '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toBe('chitieu: “sector_revenue” does not depend on “population”: changing population changes nothing in sector_revenue\n');
  });

  it('treats ids, periods and parameters the plan does not have as bad usage (exit 2)', async () => {
    const base = ['goal-seek', EXAMPLE, '--indicator', 'mobile_density', '--value', '82', '--period', '2024'];
    const unknown = await cli([...base, '--vary', 'nope']);
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'chitieu: kế hoạch không có chỉ tiêu nào mang mã “nope”\n' });
    const formula = await cli([...base, '--vary', 'mobile_density']);
    expect(formula).toEqual({ code: 2, stdout: '', stderr: 'chitieu: “mobile_density” (cách dự báo: Công thức) không có tham số level để thay đổi\n' });
    const period = await cli(['goal-seek', EXAMPLE, '--vary', 'population', '--indicator', 'mobile_density', '--value', '82', '--period', '2040']);
    expect(period).toEqual({ code: 2, stdout: '', stderr: 'chitieu: kỳ “2040” không thuộc lịch của kế hoạch (2022–2030)\n' });
    const parameter = await cli([...base, '--vary', 'population.speed']);
    expect(parameter.code).toBe(2);
    expect(parameter.stderr).toContain('--vary cần CHỈ_TIÊU hoặc CHỈ_TIÊU.THAM_SỐ');
  });

  it('requires --vary, --indicator, --value and --period, and a machine number for --value', async () => {
    const missing = await cli(['goal-seek', EXAMPLE, '--vary', 'population', '--indicator', 'mobile_density', '--period', '2024']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'chitieu: thiếu tùy chọn --value (xem: chitieu goal-seek --help)\n' });
    const comma = await cli(['goal-seek', EXAMPLE, '--vary', 'population', '--indicator', 'mobile_density', '--period', '2024', '--value', '81,5']);
    expect(comma.code).toBe(2);
    expect(comma.stderr).toContain('--value cần một số viết kiểu máy');
  });
});

describe('the parameter --vary means', () => {
  it('is read from INDICATOR or INDICATOR.PARAMETER', () => {
    expect(parseVary('population')).toEqual({ indicator: 'population', parameter: null });
    expect(parseVary('population.rate')).toEqual({ indicator: 'population', parameter: 'rate' });
    for (const bad of ['', '.rate', 'a.b.c', 'population.speed', 'population.']) expect(parseVary(bad), bad).toBeNull();
  });

  it('defaults to the method\'s own parameter, and must be named for an S-curve', () => {
    const withProjection = (projection: Parameters<typeof makeIndicator>[0]['projection']) => makeIndicator({ id: 'x', projection });
    expect(defaultParameter(withProjection({ method: 'growth', rate: 0.1 }))).toBe('rate');
    expect(defaultParameter(withProjection({ method: 'linear', step: 1 }))).toBe('step');
    expect(defaultParameter(withProjection({ method: 'constant' }))).toBe('level');
    expect(defaultParameter(withProjection({ method: 'logistic', ceiling: 100, rate: 0.2 }))).toBeNull();
  });
});

describe('numbers in goal seek answers', () => {
  it('writes the far ends of a search in scientific form rather than as walls of digits', () => {
    expect(formatScientific(2.2935812555437e12, 'vi')).toBe('2,29 × 10¹²');
    expect(formatScientific(-1.3106e12, 'en')).toBe('-1.31 × 10¹²');
    expect(formatScientific(1.5e-13, 'en')).toBe('1.50 × 10⁻¹³');
    expect(formatLarge(5300, 'vi', 0)).toBe('5.300');
    expect(formatLarge(1.8988e21, 'vi', 2)).toBe('1,90 × 10²¹');
  });
});
