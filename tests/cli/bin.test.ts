/**
 * The real launcher, end to end: bin/chitieu.mjs in a child Node process, as `npx chitieu` runs
 * it. A few runs only (each starts Node and tsx); the behaviour itself is tested in-process.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXAMPLE, tempFile } from './helpers.ts';

interface Exit { code: number; stdout: string; stderr: string }

function chitieu(args: string[], input?: string): Promise<Exit> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, ['bin/chitieu.mjs', ...args], { env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: '' } }, (error, stdout, stderr) => {
      const code = error && typeof error.code === 'number' ? error.code : error ? -1 : 0;
      resolve({ code, stdout, stderr });
    });
    if (input !== undefined) child.stdin?.end(input);
  });
}

describe('bin/chitieu.mjs', () => {
  it('prints the example file byte for byte', async () => {
    const { code, stdout, stderr } = await chitieu(['example']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(Buffer.from(stdout, 'utf8').equals(readFileSync(EXAMPLE))).toBe(true);
  });

  it('projects the example read from a pipe', async () => {
    const { code, stdout, stderr } = await chitieu(['project', '-'], readFileSync(EXAMPLE, 'utf8'));
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('+0,67 %/năm');
    expect(stdout).toContain('+8,16 %/năm');
  });

  it('exits 1 with the file\'s problems on stderr and no stack trace', async () => {
    const path = tempFile('bin-bad.json', readFileSync(EXAMPLE, 'utf8').replace('"value": 5300', '"value": "abc"'));
    const { code, stdout, stderr } = await chitieu(['validate', path, '--lang', 'en']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`chitieu: ${path}: 1 problem\n  plan.indicators[4].targets[0].value: expected a number, got "abc"\n`);
  });

  it('exits 2 for bad usage, in one line', async () => {
    const { code, stdout, stderr } = await chitieu(['project']);
    expect({ code, stdout, stderr }).toEqual({ code: 2, stdout: '', stderr: 'chitieu: thiếu TỆP (xem: chitieu project --help)\n' });
  });
});
