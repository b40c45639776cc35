/** `chitieu example`: the built-in Thanh Hóa plan file, byte for byte, to start from or try. */
import { fileURLToPath } from 'node:url';
import { EXIT, defineCommand, fail } from '../command.ts';
import { describeReadProblem } from '../plan-file.ts';

/** The same file the app seeds on its first start. */
export const EXAMPLE_PATH = fileURLToPath(new URL('../../../public/examples/thanh-hoa-2024.json', import.meta.url));

export const exampleCommand = defineCommand({
  name: 'example',
  summary: {
    vi: 'In tệp kế hoạch mẫu Thanh Hóa 2024',
    en: 'Print the built-in Thanh Hóa 2024 plan file',
  },
  help: {
    vi: `Cách dùng: chitieu example [--lang vi|en]

In tệp kế hoạch mẫu “Thanh Hóa — Thông tin và Truyền thông 2024” (cũng là kế hoạch
ứng dụng tạo ra lần đầu chạy), đúng từng byte. Lưu lại để bắt đầu:

  chitieu example > ke-hoach.json
  chitieu project ke-hoach.json
`,
    en: `Usage: chitieu example [--lang vi|en]

Print the built-in plan file "Thanh Hóa — Information and Communications 2024" (the
plan the app starts with), byte for byte. Save it to start from:

  chitieu example > plan.json
  chitieu project plan.json
`,
  },
  positionals: [],
  options: {},
  async run(_args, context) {
    const text = await context.io.readText(EXAMPLE_PATH);
    if (!text.ok) return fail(context, EXIT.problem, [`${context.m.exampleMissing(EXAMPLE_PATH)}: ${describeReadProblem(text.error, EXAMPLE_PATH, context)}`]);
    context.io.out(text.value);
    return EXIT.ok;
  },
});
