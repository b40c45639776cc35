/**
 * docs/cli.md shows real runs in ```console blocks: `$ chitieu …` then its output (stdout, then
 * stderr). Each is run here and must print exactly that; a block that starts (or ends) with a
 * line `…` shows the end (or the start) of the output. CSV's CRLF line ends read as LF.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from './helpers.ts';
import { COMMANDS } from '../../src/cli/main.ts';

interface Example { command: string; argv: string[]; output: string; part: 'all' | 'start' | 'end' }

function examples(markdown: string): Example[] {
  const blocks = [...markdown.matchAll(/^```console\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
  return blocks.map((block) => {
    const [command = '', ...lines] = block.split('\n');
    if (!command.startsWith('$ chitieu ')) throw new Error(`a console block must start with "$ chitieu …": ${command}`);
    let part: Example['part'] = 'all';
    if (lines[0] === '…') { part = 'end'; lines.shift(); }
    if (lines.at(-2) === '…') { part = 'start'; lines.splice(-2, 1); }
    return { command, argv: command.slice('$ chitieu '.length).split(' '), output: lines.join('\n'), part };
  });
}

describe('docs/cli.md', () => {
  const found = examples(readFileSync('docs/cli.md', 'utf8'));

  it('shows runs of every command', () => {
    const commands = new Set(found.map((e) => e.argv[0]));
    for (const command of COMMANDS) expect(commands).toContain(command.name);
  });

  for (const example of found) {
    it(`prints what it shows for ${example.command}`, async () => {
      const { stdout, stderr } = await cli(example.argv);
      const actual = (stdout + stderr).replace(/\r\n/g, '\n');
      switch (example.part) {
        case 'all':
          expect(actual).toBe(example.output);
          break;
        case 'start':
          expect(actual.startsWith(example.output)).toBe(true);
          break;
        case 'end':
          expect(actual.endsWith(example.output)).toBe(true);
          break;
      }
    });
  }
});
