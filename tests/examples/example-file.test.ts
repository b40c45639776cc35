import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, serializePlanFile } from '../../src/format/index.ts';

describe('the built-in example plan file', () => {
  const text = readFileSync('public/examples/thanh-hoa-2024.json', 'utf8');

  it('is a valid plan file with its true content hash and no warnings', () => {
    const parsed = parsePlanFile(text);
    expect(parsed.ok && parsed.value.warnings).toEqual([]);
  });

  it('is written in canonical form, so exporting it unchanged gives the same bytes', () => {
    const parsed = parsePlanFile(text);
    if (!parsed.ok) throw new Error('invalid example');
    const { app, exportedAt, plan } = parsed.value.file;
    expect(serializePlanFile(plan, { app, exportedAt })).toBe(text);
  });
});
