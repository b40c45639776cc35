/**
 * The plan files the browser benchmark imports, written by the app's own serializer:
 *
 * - the main plan, 1,000 indicators × 120 months (`bench/model.ts`, MAIN_SPEC), whose `input_0`
 *   rate reaches a cone of 371 rows;
 * - a plan file of about 10 MB for the import timing: 3,000 indicators × 120 months from the same
 *   generator, four years of monthly actuals on every growth row, and a note and a source on every
 *   indicator, the note's length chosen so that the file comes to 10 MiB.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAIN_SPEC, generateModel, periodKeys, toPlan, type ModelSpec } from '../model.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import { serializePlanFile } from '../../src/format/serialize.ts';
import { computePlan } from '../../src/engine/api.ts';
import { formatNumber, formatPercent } from '../../src/i18n/numbers.ts';

export interface PlanFileOnDisk {
  plan: Plan;
  path: string;
  text: string;
  bytes: number;
}

const META = { app: 'chitieu-bench', exportedAt: '2024-01-01T00:00:00.000Z' };
export const LARGE_TARGET_BYTES = 10 * 1024 * 1024;
export const LARGE_SPEC: ModelSpec = { ...MAIN_SPEC, indicators: 3_000, growthRows: 900, seed: 20240918 };

function toFile(dir: string, name: string, plan: Plan): PlanFileOnDisk {
  const text = serializePlanFile(plan, META);
  const path = join(dir, name);
  writeFileSync(path, text);
  return { plan, path, text, bytes: Buffer.byteLength(text) };
}

const NOTE_SENTENCE = 'Số liệu tổng hợp từ báo cáo tháng của các doanh nghiệp viễn thông trên địa bàn, đã đối chiếu với Cục Thống kê tỉnh và điều chỉnh theo kỳ gốc mới. ';
const SOURCE = 'Sở Thông tin và Truyền thông tỉnh Thanh Hóa, báo cáo tổng kết năm và báo cáo định kỳ hằng tháng (biểu 01/TTTT, 02/TTTT); Cục Thống kê tỉnh Thanh Hóa, niên giám thống kê.';

function note(length: number): string {
  return NOTE_SENTENCE.repeat(Math.ceil(length / NOTE_SENTENCE.length)).slice(0, length).trimEnd();
}

/** The large plan with notes of `noteLength` characters. */
function largePlan(noteLength: number): Plan {
  const model = generateModel(LARGE_SPEC);
  const base = toPlan(model);
  const keys = periodKeys(LARGE_SPEC);
  const indicators = base.indicators.map((indicator, row) => {
    const spec = model.rows[row];
    let actuals = indicator.actuals;
    if (spec?.kind === 'growth') {
      // Four years of history, compounding at the row's rate with a small seasonal wiggle.
      actuals = {};
      let value = spec.start;
      for (let t = 0; t < 48; t++) {
        actuals[keys[t] as string] = Math.round(value * (1 + 0.01 * Math.sin(t + row)) * 100) / 100;
        value *= 1 + spec.rate;
      }
    }
    return { ...indicator, actuals, note: note(noteLength), source: SOURCE };
  });
  return { ...base, id: 'bench-large-10mb', name: 'Benchmark 10 MB (3.000 × 120)', indicators };
}

export interface BenchPlanFiles {
  dir: string;
  main: PlanFileOnDisk;
  large: PlanFileOnDisk;
}

export function writePlanFiles(): BenchPlanFiles {
  const dir = mkdtempSync(join(tmpdir(), 'chitieu-bench-plans-'));
  const main = toFile(dir, 'main-1000x120.json', toPlan(generateModel(MAIN_SPEC)));
  // Fit the note length to the target size: measure with one length, then scale.
  const probeLength = 1_000;
  const probe = Buffer.byteLength(serializePlanFile(largePlan(probeLength), META));
  const bytesPerChar = Buffer.byteLength(note(probeLength)) / probeLength;
  const count = LARGE_SPEC.indicators;
  const length = Math.min(10_000, Math.max(0, Math.round(probeLength + (LARGE_TARGET_BYTES - probe) / (count * bytesPerChar))));
  const large = toFile(dir, 'large-10mb.json', largePlan(length));
  return { dir, main, large };
}

export interface RateEdits {
  /** What is typed, in turn (Vietnamese number format, percent per month). */
  typed: [string, string];
  /** The rate each typed text sets. */
  rates: [number, number];
  /** The growth-rate cell's text after each edit. */
  rateText: [string, string];
  /** Period cells of `input_0` after each edit, by column id (`p:3`): what the grid must show. */
  cells: [Record<string, string>, Record<string, string>];
}

/**
 * The two rates the edits alternate between (the plan's rate ± 0.5 points a month), and what the
 * grid must show after each, computed by the engine in Node and formatted as the grid formats
 * (0 decimals, Vietnamese): every edit changes what is on screen.
 */
export function rateEdits(plan: Plan, indicator = 'input_0'): RateEdits {
  const row = plan.indicators.findIndex((i) => i.id === indicator);
  const current = plan.indicators[row];
  if (!current || current.projection.method !== 'growth') throw new Error(`${indicator} is not a growth row`);
  const base = current.projection.rate * 100;
  const typedNumbers = [base + 0.5, base - 0.5].map((x) => Number(x.toFixed(2)));
  const typed = typedNumbers.map((x) => x.toFixed(2).replace('.', ',')) as [string, string];
  const rates = typedNumbers.map((x) => x / 100) as [number, number];
  const cells = rates.map((rate) => {
    const edited: Plan = { ...plan, indicators: plan.indicators.map((i, k) => (k === row ? { ...i, projection: { method: 'growth', rate } } : i)) };
    const computed = computePlan(edited);
    if (!computed.ok) throw new Error('the benchmark plan does not compute');
    const n = computed.value.periodKeys.length;
    const out: Record<string, string> = {};
    for (let t = 0; t < n; t++) out[`p:${t}`] = formatNumber(computed.value.values[row * n + t] as number, 'vi', current.decimals);
    return out;
  }) as [Record<string, string>, Record<string, string>];
  const rateText = rates.map((rate) => formatPercent(rate, 'vi', 2, true)) as [string, string];
  return { typed, rates, rateText, cells };
}
