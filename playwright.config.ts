import { defineConfig } from '@playwright/test';

// End-to-end tests drive the built app (vite preview, with the production CSP header) in
// Debian's Chromium: test tools cannot download browsers here. Each test gets a fresh profile
// through the fixture in tests/e2e/fixtures.ts.
// E2E_PORT and E2E_DIST let several engineers run the suite at once, each against their own build
// (`npx vite build --outDir /tmp/mine && E2E_DIST=/tmp/mine E2E_PORT=4273 npx playwright test`).
const port = Number(process.env.E2E_PORT ?? 4173);
const outDir = process.env.E2E_DIST ? ` --outDir ${process.env.E2E_DIST}` : '';

export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    trace: 'off',
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js preview --host 127.0.0.1 --port ${port} --strictPort${outDir}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
