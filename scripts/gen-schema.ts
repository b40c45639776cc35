/**
 * Writes public/schema/plan-v1.json, the published JSON Schema of the plan file, from the valibot
 * schema in src/format/schema.ts. Never edit the JSON by hand: tests/format/json-schema.test.ts
 * fails when it differs from a fresh generation.
 *
 *   node --experimental-strip-types scripts/gen-schema.ts     (Node ≥ 22.6)
 *   npx vitest run tests/format/json-schema.test.ts -u        (any Node, including 20)
 *
 * What JSON Schema cannot say is checked by the app only (see docs/file-format.md): numbers are
 * always finite in JSON; ids unique, groups existing and period keys inside the calendar; keys
 * `__proto__`, `constructor`, `prototype` refused at any depth; duplicate keys; the hash.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { toJsonSchema } from '@valibot/to-json-schema';
import { FILE_VERSION, PlanFileSchema } from '../src/format/schema.ts';

/** The JSON Schema document, as the exact text to publish. */
export function planFileJsonSchemaText(): string {
  const schema = toJsonSchema(PlanFileSchema, {
    target: 'draft-07',
    errorMode: 'throw',
    // `v.finite()` has no JSON Schema form and needs none: JSON numbers are finite.
    ignoreActions: ['finite'],
  });
  const document = {
    $schema: schema.$schema,
    title: `Chitieu plan file, version ${FILE_VERSION}`,
    description:
      'A Chitieu plan (indicators, targets, projections) wrapped with its format, version, exporting app, time and SHA-256 content hash. Generated from src/format/schema.ts; see docs/file-format.md.',
    ...schema,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}

export const SCHEMA_PATH = fileURLToPath(new URL(`../public/schema/plan-v${FILE_VERSION}.json`, import.meta.url));

const invokedPath = process.argv[1];
if (invokedPath !== undefined && import.meta.url === pathToFileURL(invokedPath).href) {
  writeFileSync(SCHEMA_PATH, planFileJsonSchemaText());
  console.log(`wrote ${SCHEMA_PATH}`);
}
