import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/bench/chromium';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    launchOptions: {
      // Debian's Chromium: Playwright's own browser downloads are not available on our machines.
      executablePath: CHROMIUM_PATH,
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 1360, height: 860 },
    trace: 'off',
  },
  projects: [
    { name: 'e2e', testDir: 'tests/e2e', testMatch: /.*\.spec\.ts/ },
    { name: 'electron', testDir: 'tests/electron', testMatch: /.*\.spec\.ts/ },
  ],
});
