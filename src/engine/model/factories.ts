import type { Calendar, Indicator, Plan } from './plan.ts';

/** A random id good enough to tell plans apart across machines (122 random bits). */
export function newPlanId(random: () => number = Math.random): string {
  const hex = '0123456789abcdef';
  let id = '';
  for (let i = 0; i < 32; i++) {
    id += hex[Math.floor(random() * 16)];
  }
  return `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
}

export function makePlan(fields: Partial<Plan> & Pick<Plan, 'name'>, now: Date = new Date()): Plan {
  const stamp = now.toISOString();
  const calendar: Calendar = fields.calendar ?? { periodicity: 'year', start: String(now.getUTCFullYear() - 1), end: String(now.getUTCFullYear() + 5) };
  return {
    id: fields.id ?? newPlanId(),
    name: fields.name,
    ...(fields.description !== undefined ? { description: fields.description } : {}),
    calendar,
    groups: fields.groups ?? [],
    indicators: fields.indicators ?? [],
    ...(fields.scenarios !== undefined ? { scenarios: fields.scenarios } : {}),
    createdAt: fields.createdAt ?? stamp,
    updatedAt: fields.updatedAt ?? stamp,
    revision: fields.revision ?? 0,
  };
}

export function makeIndicator(fields: Partial<Indicator> & Pick<Indicator, 'id'>): Indicator {
  return {
    id: fields.id,
    name: fields.name ?? { vi: fields.id },
    unit: fields.unit ?? { vi: '' },
    ...(fields.group !== undefined ? { group: fields.group } : {}),
    kind: fields.kind ?? 'stock',
    decimals: fields.decimals ?? 0,
    actuals: fields.actuals ?? {},
    projection: fields.projection ?? { method: 'constant' },
    targets: fields.targets ?? [],
    ...(fields.range !== undefined ? { range: fields.range } : {}),
    ...(fields.note !== undefined ? { note: fields.note } : {}),
    ...(fields.source !== undefined ? { source: fields.source } : {}),
  };
}
