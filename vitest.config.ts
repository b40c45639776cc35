import { defineConfig } from 'vitest/config';

// Unit tests run in Node: the engine and format are pure, storage runs on fake-indexeddb.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
  },
});
