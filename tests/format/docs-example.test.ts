import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlanFile, serializePlanFile } from '../../src/format/index.ts';
import { valueOf } from './helpers.ts';

describe('docs/file-format.md', () => {
  it('shows a full example that imports without warnings and is already canonical', () => {
    const doc = readFileSync(new URL('../../docs/file-format.md', import.meta.url), 'utf8');
    const example = /```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const parsed = valueOf(parsePlanFile(example ?? ''));
    expect(parsed.warnings).toEqual([]);
    expect(serializePlanFile(parsed.file.plan, parsed.file)).toBe(example);
  });
});
