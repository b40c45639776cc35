import { describe, expect, it } from 'vitest';
import { cli, exampleText } from '../helpers.ts';
import { parsePlanFile } from '../../../src/format/index.ts';

describe('chitieu example', () => {
  it('prints the built-in Thanh Hóa plan file exactly', async () => {
    const { code, stdout, stderr } = await cli(['example']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toBe(exampleText());
  });

  it('prints a file that passes the import checks without warnings', async () => {
    const { stdout } = await cli(['example']);
    const parsed = parsePlanFile(stdout);
    expect(parsed.ok && parsed.value.warnings).toEqual([]);
  });

  it('takes no file', async () => {
    const { code, stdout, stderr } = await cli(['example', 'plan.json']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe('chitieu: thừa đối số “plan.json” (xem: chitieu example --help)\n');
  });
});
