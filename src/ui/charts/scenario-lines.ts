/**
 * Keeps the chart's scenario lines fresh without ever making typing wait: a request goes to the
 * worker only once edits pause for a moment, each request supersedes the previous one (the
 * client's 'lines' kind), and an answer for a request no longer wanted is dropped.
 */
import { createEffect, createSignal, on, onCleanup, type Accessor } from 'solid-js';
import type { CallError } from '../../client/engine-client.ts';
import type { ScenarioLines, ScenarioLinesProblem } from '../../engine/api.ts';
import type { Plan } from '../../engine/model/plan.ts';
import type { Result } from '../../engine/result.ts';

export interface LinesRequest { plan: Plan; indicator: string; scenarios: (string | null)[] }

export type ProjectScenarios = (plan: Plan, indicator: string, scenarios: readonly (string | null)[]) => Promise<Result<ScenarioLines, CallError<ScenarioLinesProblem>>>;

/** Quiet time after the last change before asking: a typist's next key usually comes sooner. */
export const LINES_DELAY_MS = 250;

export function createScenarioLines(request: Accessor<LinesRequest | null>, project: ProjectScenarios, delayMs = LINES_DELAY_MS): Accessor<ScenarioLines | null> {
  const [lines, setLines] = createSignal<ScenarioLines | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  createEffect(on(request, (wanted) => {
    clearTimeout(timer);
    const ask = ++asked;
    if (!wanted || wanted.scenarios.length === 0) {
      setLines(null);
      return;
    }
    timer = setTimeout(() => {
      void project(wanted.plan, wanted.indicator, wanted.scenarios).then((answer) => {
        if (ask !== asked) return;
        if (answer.ok) setLines(answer.value);
        // A superseded request has a newer one behind it; a failed one leaves no lines to trust.
        else if (answer.error.code !== 'superseded') setLines(null);
      });
    }, delayMs);
  }));
  onCleanup(() => {
    clearTimeout(timer);
    asked++;
  });
  return lines;
}
