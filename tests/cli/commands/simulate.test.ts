import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE, planFile, readCsv } from '../helpers.ts';

const RANGES = 'tests/cli/fixtures/thanh-hoa-ranges.json';

/** P(X ≥ x) for a triangular distribution (low, likely, high), with x above the likely value. */
function triangularAbove(x: number, low: number, likely: number, high: number): number {
  return ((high - x) ** 2) / ((high - low) * (high - likely));
}

/** P(Z ≥ z) for a standard normal, by the complementary error function (Abramowitz–Stegun 7.1.26). */
function normalAbove(z: number): number {
  const t = 1 / (1 + 0.3275911 * (z / Math.SQRT2));
  const erfc = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-(z * z) / 2);
  return erfc / 2;
}

describe('chitieu simulate', () => {
  it('gives the probability of each target, matching the analytic answer within sampling error', async () => {
    const { code, stdout, stderr } = await cli(['simulate', RANGES, '--format', 'json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const document = JSON.parse(stdout);
    expect(document.trials).toBe(10_000);
    expect(document.seed).toBe(1);
    const probability = (id: string): number => document.targets.find((t: { indicator: string }) => t.indicator === id).probability;
    // Revenue reaches 5,300 when its rate, triangular(0, 2.42 %, 10 %), is at least 5300 / 4900 − 1.
    const revenue = triangularAbove(5300 / 4900 - 1, 0, 0.0242, 0.1);
    // Subscribers reach 3 million when their rate, normal(0.5 %, 0.5 %), is at least 3 / 2.98 − 1.
    const mobile = normalAbove((3 / 2.98 - 1 - 0.005) / 0.005);
    const error = (p: number): number => 4 * Math.sqrt((p * (1 - p)) / 10_000);
    expect(Math.abs(probability('sector_revenue') - revenue)).toBeLessThan(error(revenue));
    expect(Math.abs(probability('mobile_subscribers') - mobile)).toBeLessThan(error(mobile));
    expect(probability('internet_subscribers')).toBe(1);
  });

  it('gives the same numbers for the same seed and other numbers for another', async () => {
    const run = async (seed: string) => (await cli(['simulate', RANGES, '--trials', '500', '--seed', seed, '--format', 'csv'])).stdout;
    const first = await run('42');
    expect(await run('42')).toBe(first);
    expect(await run('43')).not.toBe(first);
  });

  it('shows percentiles of the indicators a range reaches, probabilities and sensitivity in a table', async () => {
    const { code, stdout } = await cli(['simulate', RANGES, '--trials', '2000']);
    expect(code).toBe(0);
    expect(stdout).toContain('Mô phỏng Monte Carlo: 2.000 lần thử, hạt giống 1\n');
    expect(stdout).toMatch(/\nsector_revenue +rate +tam giác 0,000 %\/năm \/ 2,420 %\/năm \/ 10,000 %\/năm\n/);
    const percentiles = stdout.slice(stdout.indexOf('Phân vị theo kỳ'), stdout.indexOf('Xác suất đạt chỉ tiêu kế hoạch'));
    expect(percentiles).toMatch(/\nsector_revenue +P10 +4\.784 +4\.900 /);
    expect(percentiles).toMatch(/\n +P90 +4\.784 +4\.900 /);
    // Rows no range reaches are left out.
    expect(percentiles).not.toContain('online_services_total');
    expect(stdout).toMatch(/\nsector_revenue +2024 +≥ 5\.300 +[\d.]+ +[\d.]+ +[\d.]+ +\d+,\d %\n/);
    // At its low end (0 %) revenue stays at 4.900; at its high end (10 %) it is 5.390.
    expect(stdout).toMatch(/\nsector_revenue +2024 +sector_revenue\.rate +0,000 %\/năm … 10,000 %\/năm +4\.900 +5\.390 +490\n/);
  });

  it('writes CSV in long form with mean, percentiles and the target probability on its period', async () => {
    const { stdout } = await cli(['simulate', RANGES, '--trials', '1000', '--format', 'csv']);
    const [header, ...rows] = readCsv(stdout);
    expect(header).toEqual(['indicator', 'name', 'unit', 'period', 'mean', 'p10', 'p50', 'p90', 'target_direction', 'target', 'probability']);
    expect(rows).toHaveLength(9 * 9);
    const revenue2024 = rows.find((r) => r[0] === 'sector_revenue' && r[3] === '2024') ?? [];
    expect(revenue2024.slice(8, 10)).toEqual(['atLeast', '5300']);
    const [p10, p50, p90] = revenue2024.slice(5, 8).map(Number);
    expect(p10).toBeLessThan(p50 as number);
    expect(p50).toBeLessThan(p90 as number);
    const probability = Number(revenue2024[10]);
    expect(probability).toBeGreaterThan(0);
    expect(probability).toBeLessThan(0.2);
  });

  it('simulates a scenario, whose faster revenue makes its target likely', async () => {
    const { stdout } = await cli(['simulate', RANGES, '--scenario', 'tang_toc', '--trials', '2000', '--format', 'json']);
    const document = JSON.parse(stdout);
    expect(document.scenario).toBe('tang_toc');
    const revenue = document.targets.find((t: { indicator: string }) => t.indicator === 'sector_revenue');
    expect(revenue.probability).toBeGreaterThan(0.5);
  });

  it('says a plan without ranges has nothing to simulate, with exit 1', async () => {
    const { code, stdout, stderr } = await cli(['simulate', EXAMPLE, '--lang', 'en']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`chitieu: ${EXAMPLE}: no input of the plan has a range, so there is nothing to simulate; docs/cli.md shows how to add one\n`);
  });

  it('names a range on a parameter its indicator does not have', async () => {
    const path = planFile('range-on-formula.json', (plan) => {
      plan.indicators[0]!.range = { distribution: 'normal', of: 'level', mean: 2.98, sd: 0.01 };
      plan.indicators[0]!.actuals = {};
    });
    const { code, stderr } = await cli(['simulate', path]);
    expect(code).toBe(1);
    expect(stderr).toBe(`chitieu: ${path}: khoảng của “mobile_subscribers” thay đổi tham số level, nhưng chỉ tiêu này không có tham số đó\n`);
  });

  it('refuses trials out of range and a seed that is not whole, with exit 2', async () => {
    expect(await cli(['simulate', RANGES, '--trials', '0'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'chitieu: --trials cần một số nguyên từ 1 đến 100.000, nhận được “0” (xem: chitieu simulate --help)\n',
    });
    expect((await cli(['simulate', RANGES, '--seed', '1.5', '--lang', 'en'])).stderr).toBe('chitieu: --seed needs a whole number, got “1.5” (see: chitieu simulate --help)\n');
  });
});
