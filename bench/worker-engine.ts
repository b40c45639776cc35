/**
 * The worker side of the round-trip figure: the main benchmark plan compiled once, then per
 * message one edit (a growth rate), the cone it affects recomputed, and the rows the grid shows
 * sent back as a transferred Float64Array. Plain postMessage: the transport floor under whatever
 * protocol the app puts on top.
 */
import { parentPort } from 'node:worker_threads';
import { affectedRows, compileProgram, runProgram, setParameter } from '../src/engine/projection/program.ts';
import { generateModel, MAIN_SPEC, toPlan } from './model.ts';

export interface EditMessage {
  row: number;
  rate: number;
  /** The visible rows: [first, first + count). */
  first: number;
  count: number;
}

const port = parentPort;
if (!port) throw new Error('bench/worker-engine.ts runs in a worker thread');
const compiled = compileProgram(toPlan(generateModel(MAIN_SPEC)));
if (!compiled.ok) throw new Error(`the benchmark plan does not compile: ${JSON.stringify(compiled.error)}`);
const program = compiled.value;
runProgram(program);
const n = program.periods.count;

port.on('message', (message: EditMessage) => {
  setParameter(program, message.row, 'rate', message.rate);
  runProgram(program, affectedRows(program, [message.row]));
  const visible = program.values.slice(message.first * n, (message.first + message.count) * n);
  port.postMessage(visible, [visible.buffer]);
});
port.postMessage('ready');
