import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layer rules of docs/decisions/0001-layers.md are lint rules; this pins that they fire.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries checked by lint', () => {
  it.each([
    ["import Dexie from 'dexie';", 'src/engine/projection/bad.ts'],
    ["import { render } from 'solid-js/web';", 'src/engine/bad.ts'],
    ["import * as Comlink from 'comlink';", 'src/format/bad.ts'],
    ["import { createGrid } from 'ag-grid-community';", 'src/format/bad.ts'],
    ["import { openStorage } from '../storage/index.ts';", 'src/engine/bad.ts'],
    ["import { App } from '../ui/App.tsx';", 'src/format/bad.ts'],
    ["import { readFileSync } from 'node:fs';", 'src/engine/bad.ts'],
  ])('refuses %s in %s', async (code, file) => {
    expect(await ruleIds(`${code}\nexport {};\n`, file)).toContain('no-restricted-imports');
  });

  it('refuses Dexie and Comlink in the UI, which goes through storage and client', async () => {
    expect(await ruleIds("import Dexie from 'dexie';\nexport {};\n", 'src/ui/Bad.tsx')).toContain('no-restricted-imports');
  });

  it.each(['src/app/bad.ts', 'src/ui/Bad.tsx', 'src/engine/bad.ts', 'tests/engine/bad.test.ts'])('refuses HyperFormula (GPL, benchmark only) in %s', async (file) => {
    expect(await ruleIds("import { HyperFormula } from 'hyperformula';\nexport const x = HyperFormula;\n", file)).toContain('no-restricted-imports');
  });

  it('refuses eval, new Function and innerHTML anywhere', async () => {
    expect(await ruleIds('export const f = (s: string) => eval(s);\n', 'src/engine/bad.ts')).toContain('no-eval');
    expect(await ruleIds("export const f = new Function('return 1');\n", 'src/ui/bad.ts')).toContain('no-new-func');
    expect(await ruleIds('export function f(el: HTMLElement, s: string) { el.innerHTML = s; }\n', 'src/ui/bad.ts')).toContain('no-restricted-properties');
  });

  it('lets the engine import the format module and the format module import the engine', async () => {
    expect(await ruleIds("import type { Plan } from '../format/schema.ts';\nexport type P = Plan;\n", 'src/engine/ok.ts')).toEqual([]);
  });
});
