/**
 * Rewrites public/examples/*.json in canonical form with their true content hash. Run after
 * editing an example by hand: `npx tsx scripts/canonical-example.ts`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlanFile, serializePlanFile } from '../src/format/index.ts';

const dir = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'public', 'examples');
let failed = false;
for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
  const path = join(dir, name);
  const parsed = parsePlanFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) {
    console.error(`${name}: ${parsed.error.map((issue) => `${issue.path}: ${issue.code}`).join('; ')}`);
    failed = true;
    continue;
  }
  const { app, exportedAt, plan } = parsed.value.file;
  writeFileSync(path, serializePlanFile(plan, { app, exportedAt }));
  console.log(`${name}: canonical`);
}
process.exitCode = failed ? 1 : 0;
