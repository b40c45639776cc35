/// <reference lib="webworker" />
// The engine in a worker: this file only exposes it. Result buffers are transferred, not copied.
import * as Comlink from 'comlink';
import { createEngineApi, type EngineApi } from '../src/engine/api.ts';

const engine = createEngineApi();

const exposed: EngineApi = {
  compute(plan) {
    const result = engine.compute(plan);
    return result.ok ? Comlink.transfer(result, [result.value.values.buffer, result.value.isActual.buffer]) : result;
  },
  goalSeek: (plan, request) => engine.goalSeek(plan, request),
};

Comlink.expose(exposed);
