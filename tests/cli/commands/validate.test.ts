import { describe, expect, it } from 'vitest';
import { cli, EXAMPLE, exampleText, planFile, tempFile } from '../helpers.ts';

describe('chitieu validate', () => {
  it('says a valid file is valid, on stdout, with exit 0', async () => {
    const { code, stdout, stderr } = await cli(['validate', EXAMPLE]);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: `${EXAMPLE}: hợp lệ (9 chỉ tiêu, 2022–2030, theo năm)\n`,
      stderr: '',
    });
  });

  it('prints every problem of an invalid file on its own line with its path, and exits 1', async () => {
    const file = JSON.parse(exampleText());
    file.plan.indicators[4].targets[0].value = 'abc';
    file.plan.indicators[0].kind = 'volume';
    delete file.plan.indicators[2].unit;
    const path = tempFile('three-problems.json', JSON.stringify(file, null, 2));
    const { code, stdout, stderr } = await cli(['validate', path]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`chitieu: ${path}: 3 vấn đề`);
    expect(lines.slice(1).sort()).toEqual([
      '  plan.indicators[0].kind: cần một trong các giá trị "stock", "flow", "rate", nhận được "volume"',
      '  plan.indicators[2].unit: thiếu trường bắt buộc',
      '  plan.indicators[4].targets[0].value: cần một số, nhận được "abc"',
    ]);
  });

  it('words the problems in English with --lang en', async () => {
    const path = tempFile('bad-kind.json', exampleText().replace('"kind": "flow"', '"kind": "volume"'));
    const { code, stderr } = await cli(['validate', path, '--lang', 'en']);
    expect(code).toBe(1);
    expect(stderr).toContain(`chitieu: ${path}: 1 problem\n`);
    expect(stderr).toContain('  plan.indicators[4].kind: expected one of "stock", "flow", "rate", got "volume"\n');
  });

  it('prints a hash mismatch as a warning and still exits 0', async () => {
    const path = tempFile('edited.json', exampleText().replace('"value": 5300', '"value": 5400'));
    const { code, stdout, stderr } = await cli(['validate', path]);
    expect(code).toBe(0);
    expect(stdout).toBe(`${path}: hợp lệ (9 chỉ tiêu, 2022–2030, theo năm)\n`);
    expect(stderr).toMatch(/^chitieu: cảnh báo: .*edited\.json: hash: mã băm không khớp với nội dung/);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('reports what stops the engine, with the path of its cause: a formula error', async () => {
    const path = planFile('formula-error.json', (plan) => {
      const density = plan.indicators[2];
      if (density?.projection.method === 'formula') density.projection.formula = 'mobile_subscribers / populaton * 100';
    });
    const { code, stdout, stderr } = await cli(['validate', path]);
    expect({ code, stdout, stderr }).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        `chitieu: ${path}: 1 vấn đề`,
        '  plan.indicators[2].projection.formula (mobile_density): lỗi công thức: Không biết tên “populaton” (vị trí 22).',
        '',
      ].join('\n'),
    });
  });

  it('names the indicators of a cycle and the rows it blocks', async () => {
    const path = planFile('cycle.json', (plan) => {
      const population = plan.indicators[1]!;
      population.projection = { method: 'formula', formula: 'mobile_subscribers / mobile_density * 100' };
      population.actuals = {};
      plan.indicators.push({ ...structuredClone(plan.indicators[2]!), id: 'density_copy', projection: { method: 'formula', formula: 'mobile_density' } });
    });
    const { code, stderr } = await cli(['validate', path, '--lang', 'en']);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines[0]).toBe(`chitieu: ${path}: 3 problems`);
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}plan\.indicators\[1\]\.projection\.formula \(population\): circular dependency: (population → mobile_density → population|mobile_density → population → mobile_density)$/));
    expect(lines).toContainEqual(expect.stringMatching(/^ {2}plan\.indicators\[2\]\.projection\.formula \(mobile_density\): circular dependency: /));
    expect(lines).toContain('  plan.indicators[9].projection.formula (density_copy): cannot compute because “mobile_density” has an error');
  });

  it('reports an input that no method can project, at its actuals', async () => {
    const path = planFile('no-actual.json', (plan) => {
      plan.indicators[3]!.actuals = {};
    });
    const { code, stderr } = await cli(['validate', path]);
    expect(code).toBe(1);
    expect(stderr).toContain('  plan.indicators[3].actuals (internet_subscribers): chưa có số liệu thực hiện để dự báo\n');
  });

  it('says why a file cannot be read, in one line, with exit 1', async () => {
    const missing = await cli(['validate', 'no/such/plan.json']);
    expect(missing).toEqual({ code: 1, stdout: '', stderr: 'chitieu: no/such/plan.json: không tìm thấy tệp\n' });
    const directory = await cli(['validate', 'public', '--lang', 'en']);
    expect(directory).toEqual({ code: 1, stdout: '', stderr: 'chitieu: public: is a directory, not a file\n' });
    const latin1 = tempFile('latin1.json', Uint8Array.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect((await cli(['validate', latin1])).stderr).toBe(`chitieu: ${latin1}: tệp không phải văn bản UTF-8\n`);
  });

  it('reads standard input for "-"', async () => {
    const ok = await cli(['validate', '-'], { stdin: exampleText() });
    expect(ok).toEqual({ code: 0, stdout: 'đầu vào chuẩn: hợp lệ (9 chỉ tiêu, 2022–2030, theo năm)\n', stderr: '' });
    const truncated = await cli(['validate', '-', '--lang', 'en'], { stdin: exampleText().slice(0, 200) });
    expect(truncated.code).toBe(1);
    expect(truncated.stderr).toMatch(/^chitieu: standard input: 1 problem\n {2}.*\(line \d+, column \d+\): the file ends too early/);
  });

  it('refuses a file that is not a plan with the path of what is wrong', async () => {
    const path = tempFile('not-a-plan.json', '{"format": "excel"}');
    const { code, stderr } = await cli(['validate', path]);
    expect(code).toBe(1);
    expect(stderr).toBe(`chitieu: ${path}: 1 vấn đề\n  format: đây không phải tệp kế hoạch Chitieu: cần "format": "chitieu-plan", nhận được "excel"\n`);
  });

  it('needs a file', async () => {
    expect(await cli(['validate'])).toEqual({ code: 2, stdout: '', stderr: 'chitieu: thiếu TỆP (xem: chitieu validate --help)\n' });
  });
});
