// End-to-end tests: Playwright drives Debian's Chromium against the release build (dist/),
// served by a plain static server under a sub-path, as a rep's company would host it.
import { defineConfig } from '@playwright/test';

const port = Number(process.env.E2E_PORT || 8181);
export const base = `http://127.0.0.1:${port}/tools/keyplan/`;

export default defineConfig({
  testDir: '.',
  testMatch: /.*\.spec\.mjs/,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: base,
    viewport: { width: 1280, height: 800 },
    actionTimeout: 15_000,
    launchOptions: {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  },
  webServer: {
    command: `node serve.mjs ../../dist ${port} /tools/keyplan/`,
    cwd: new URL('.', import.meta.url).pathname,
    url: base,
    reuseExistingServer: false,
    timeout: 30_000,
  },
});
