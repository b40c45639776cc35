/**
 * Worker round trip in Node worker_threads: post an edit, the worker recomputes the cone and
 * transfers the visible rows back. Includes both message hops and the recompute.
 */
import { Worker } from 'node:worker_threads';
import type { EditMessage } from './worker-engine.ts';
import type { BenchModel } from './model.ts';
import { editedRate } from './recompute.ts';
import { ms, type Line } from './report.ts';
import { timeAsync, type Timing } from './timing.ts';

/** A screenful of the grid: 40 rows × every period. */
const VISIBLE_ROWS = 40;

export async function measureRoundTrip(model: BenchModel): Promise<{ figures: { roundTrip: Timing; visibleRows: number }; lines: Line[] }> {
  const worker = new Worker(new URL('./worker.mjs', import.meta.url));
  try {
    await new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
    const row = model.topInput;
    const base = model.rows[row]?.kind === 'growth' ? model.rows[row].rate : NaN;
    const expected = VISIBLE_ROWS * model.spec.periods;
    const roundTrip = await timeAsync((i) => new Promise<void>((resolve, reject) => {
      worker.once('message', (visible: Float64Array) => {
        if (visible.length === expected) resolve();
        else reject(new Error(`the worker sent ${visible.length} values, not ${expected}`));
      });
      const message: EditMessage = { row, rate: editedRate(base, i), first: 0, count: VISIBLE_ROWS };
      worker.postMessage(message);
    }), { warmup: 50, samples: 201 });
    return {
      figures: { roundTrip, visibleRows: VISIBLE_ROWS },
      lines: [{
        id: 'worker', work: `worker round trip: edit → recompute cone → ${VISIBLE_ROWS} visible rows back`,
        chitieu: ms(roundTrip.medianMs), comparator: 'reference: 0.3 ms (QUALITY.md)', ratio: '—', target: '— (no target)', status: 'info',
      }],
    };
  } finally {
    await worker.terminate();
  }
}
