import { createRoot } from 'solid-js';
import { afterEach, describe, expect, it } from 'vitest';
import { RESULT_WAIT_MS, createPlanSession, type PlanSession } from '../../src/app/session.ts';
import { computePlan } from '../../src/engine/api.ts';
import { makeIndicator, makePlan } from '../../src/engine/model/factories.ts';
import type { Plan } from '../../src/engine/model/plan.ts';
import type { PlanResult } from '../../src/engine/projection/result.ts';
import type { EngineClient } from '../../src/client/engine-client.ts';
import { createMemoryRepository, type PlanRepository } from '../../src/storage/index.ts';

/** An engine whose answers are computed in this thread and released when the test says so. */
function heldEngine(log: string[], shown: () => Plan | null = () => null) {
  const held: (() => void)[] = [];
  const answer = (plan: Plan) => new Promise<{ ok: true; value: PlanResult }>((resolve) => {
    held.push(() => {
      const computed = computePlan(plan);
      if (!computed.ok) throw new Error('the test plan does not compute');
      resolve({ ok: true, value: computed.value });
    });
  });
  const engine: Pick<EngineClient, 'compute' | 'computeEdit' | 'cancelSimulation'> = {
    compute: (plan) => answer(plan),
    computeEdit: (_previous, command, _now, next) => {
      log.push(`engine: ${command.type} while revision ${shown()?.revision ?? '-'} is shown`);
      return answer(next);
    },
    cancelSimulation: () => undefined,
  };
  return { engine: engine as EngineClient, release: () => held.splice(0).forEach((run) => run()) };
}

function watchedRepository(log: string[]): PlanRepository {
  const repo = createMemoryRepository();
  return new Proxy(repo, {
    get(target, key, receiver) {
      const value = Reflect.get(target, key, receiver) as unknown;
      if (key !== 'savePlan' || typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        log.push('storage: save');
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}

const plan = makePlan({
  name: 'Kế hoạch',
  calendar: { periodicity: 'year', start: '2024', end: '2030' },
  indicators: [makeIndicator({ id: 'revenue', name: { vi: 'Doanh thu' }, actuals: { '2024': 100 }, projection: { method: 'growth', rate: 0.05 } })],
});

let dispose: (() => void) | null = null;
afterEach(() => {
  dispose?.();
  dispose = null;
});

async function openSession(log: string[]): Promise<{ session: PlanSession; release: () => void }> {
  let session: PlanSession | null = null;
  const { engine, release } = heldEngine(log, () => session?.plan() ?? null);
  const repo = watchedRepository(log);
  const created = await repo.createPlan(plan);
  expect(created.ok).toBe(true);
  session = createRoot((done) => {
    dispose = done;
    return createPlanSession(repo, engine, { onStorageError: () => undefined, onConflict: () => undefined, onEngineRestart: () => undefined });
  });
  const opened = session.openPlan(plan.id);
  const opening = session;
  await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
  release();
  await opened;
  log.length = 0;
  return { session: opening, release };
}

const setRate = { type: 'setProjection', indicator: 'revenue', projection: { method: 'growth', rate: 0.07 } } as const;

describe('an edit in the session', () => {
  it('reaches the engine before the plan shown changes, so the worker computes while the page updates', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    const before = session.plan()?.revision;
    session.dispatch(setRate, 'rate');
    expect(log).toEqual([`engine: setProjection while revision ${before} is shown`]);
    expect(session.plan()?.revision).toBe((before ?? 0) + 1);
    release();
    await session.flush();
  });

  it('is saved once its result is in, not before', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    session.dispatch(setRate, 'rate');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(log).not.toContain('storage: save');
    release();
    await session.flush();
    expect(log.filter((entry) => entry === 'storage: save')).toHaveLength(1);
    expect(session.saving()).toBe(false);
  });

  it('is saved even when its result never comes', async () => {
    const log: string[] = [];
    const { session } = await openSession(log);
    session.dispatch(setRate, 'rate');
    await session.flush();
    expect(log.filter((entry) => entry === 'storage: save')).toHaveLength(1);
  });
});

/**
 * What the page would draw from the session: plan, result, history and status. (Unit tests run on
 * Solid's server build, where effects do not run; the signals are read instead.)
 */
const shown = (session: PlanSession) => {
  const result = session.result();
  return `revision ${session.plan()?.revision ?? '-'}, result ${result ? `of ${result.ids.length} rows` : 'none'}, ${session.history().length} to undo${session.computing() ? ', computing' : ''}${session.saving() ? ', saving' : ''}`;
};

describe('an edit dispatched with its result (the grid\'s Enter)', () => {
  it('changes nothing shown until its result is in, then shows the edit and its result together', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    const before = session.plan()?.revision ?? 0;
    const unchanged = shown(session);
    const shownResult = session.result();
    let shownAt: string | null = null;
    session.dispatch(setRate, 'rate', { withResult: true, beforeShow: () => { shownAt = shown(session); } });
    // Already on its way to the engine, but the page has nothing new to draw.
    expect(log).toEqual([`engine: setProjection while revision ${before} is shown`]);
    expect(shown(session)).toBe(unchanged);
    expect(shownAt).toBe(null);
    release();
    await Promise.resolve();
    await new Promise((resolve) => setTimeout(resolve, 0));
    // The grid's hook ran first, on the page as it was; then the plan, its result, the history and
    // the save on its way, all at once.
    expect(shownAt).toBe(unchanged);
    expect(shown(session)).toBe(`revision ${before + 1}, result of 1 rows, 1 to undo, saving`);
    expect(session.result()).not.toBe(shownResult);
    await session.flush();
    expect(log.filter((entry) => entry === 'storage: save')).toHaveLength(1);
  });

  it(`shows the edit after ${RESULT_WAIT_MS} ms when its result is slow, and the result when it comes`, async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    const before = session.plan()?.revision ?? 0;
    const shownResult = session.result();
    session.dispatch(setRate, 'rate', { withResult: true });
    await new Promise((resolve) => setTimeout(resolve, RESULT_WAIT_MS + 20));
    expect(shown(session)).toBe(`revision ${before + 1}, result of 1 rows, 1 to undo, computing, saving`);
    expect(session.result()).toBe(shownResult);
    release();
    await session.flush();
    expect(shown(session)).toBe(`revision ${before + 1}, result of 1 rows, 1 to undo`);
    expect(session.result()).not.toBe(shownResult);
  });

  it('is shown before anything else reads or changes the plan: a second edit builds on it', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    const before = session.plan()?.revision ?? 0;
    session.dispatch(setRate, 'rate', { withResult: true });
    session.dispatch({ ...setRate, projection: { method: 'growth', rate: 0.09 } }, 'rate again');
    expect(session.plan()?.revision).toBe(before + 2);
    expect(session.history().map((entry) => entry.label)).toEqual(['rate', 'rate again']);
    expect(session.undo()).toBe(true);
    expect(session.plan()?.indicators[0]?.projection).toEqual({ method: 'growth', rate: 0.07 });
    release();
    await session.flush();
  });

  it('is in the view a new command is built on (a scenario\'s override), though not yet shown', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    const before = session.plan()?.revision ?? 0;
    session.dispatch(setRate, 'rate', { withResult: true });
    expect(session.plan()?.revision).toBe(before);
    expect(session.viewNow()?.revision).toBe(before + 1);
    expect(session.viewNow()?.indicators[0]?.projection).toEqual({ method: 'growth', rate: 0.07 });
    release();
    await session.flush();
  });

  it('is in the journal and the history written on pagehide, though not yet shown', async () => {
    const log: string[] = [];
    const { session, release } = await openSession(log);
    session.dispatch(setRate, 'rate', { withResult: true });
    session.writeJournal();
    expect(session.history().map((entry) => entry.label)).toEqual(['rate']);
    release();
    await session.flush();
  });
});
