import { describe, expect, it } from 'vitest';
import { planFileJsonSchemaText } from '../../scripts/gen-schema.ts';

describe('published JSON Schema (public/schema/plan-v1.json)', () => {
  it('is exactly what scripts/gen-schema.ts generates from the valibot schema (never edited by hand)', async () => {
    // To regenerate: node --experimental-strip-types scripts/gen-schema.ts (Node ≥ 22.6), or run
    // this test with -u.
    await expect(planFileJsonSchemaText()).toMatchFileSnapshot('../../public/schema/plan-v1.json');
  });

  it('describes the file: strict objects, the projection methods, the limits', () => {
    const schema = JSON.parse(planFileJsonSchemaText()) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- reading a JSON document
    expect(schema['$schema']).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema['additionalProperties']).toBe(false);
    expect(schema['required']).toEqual(['format', 'version', 'app', 'exportedAt', 'hash', 'plan']);
    const indicator = schema['properties'].plan.properties.indicators.items;
    expect(indicator.additionalProperties).toBe(false);
    expect(indicator.properties.projection.oneOf.map((option: any) => option.properties.method.const)).toEqual(['constant', 'linear', 'growth', 'reachTarget', 'logistic', 'interpolate', 'manual', 'formula']); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(schema['properties'].plan.properties.indicators.maxItems).toBe(5000);
    expect(indicator.properties.id.not).toEqual({ enum: ['__proto__', 'constructor', 'prototype'] });
  });
});
