/** What the command tests share: a command applied or the test stopped, and a plan's content. */
import { applyCommand, type Command } from '../../../src/engine/commands/index.ts';
import type { Plan } from '../../../src/engine/model/plan.ts';

export const NOW = '2026-01-01T00:00:00.000Z';

/** The command applied at `NOW`, with its inverse; a refusal fails the test with its error. */
export function apply(source: Plan, command: Command): { plan: Plan; inverse: Command } {
  const applied = applyCommand(source, command, NOW);
  if (!applied.ok) throw new Error(JSON.stringify(applied.error));
  return applied.value;
}

/** The plan apart from what every command stamps (revision, time). */
export const content = (plan: Plan) => ({ ...plan, revision: 0, updatedAt: '' });
