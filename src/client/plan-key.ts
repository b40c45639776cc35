import type { Plan } from '../engine/model/plan.ts';

/**
 * The key of a plan's revision: what an edit is applied to. Its own module so that the page's
 * bundle does not pull in the worker side of the protocol to get it.
 */
export const planKey = (plan: Plan): string => `${plan.id}@${plan.revision}`;
