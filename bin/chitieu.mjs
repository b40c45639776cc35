#!/usr/bin/env node
// Launches the command line (src/cli/main.ts) through tsx's loader, scoped to that import, so
// `npx chitieu …` runs the TypeScript sources as they are. Exit codes, stdout and stderr are the
// CLI's own: it sets process.exitCode and writes to the process's streams.
import { tsImport } from 'tsx/esm/api';

try {
  const { main } = await tsImport('../src/cli/main.ts', import.meta.url);
  await main();
} catch (error) {
  // Only a broken installation gets here (the CLI catches its own errors): one line, no stack.
  process.stderr.write(`chitieu: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
