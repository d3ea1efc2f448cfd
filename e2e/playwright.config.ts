import { defineConfig } from '@playwright/test';

/**
 * Browser flows in Debian's Chromium (no browser download). The suite starts its own server on a
 * free port with a fresh data directory — PGlite by default, or PostgreSQL when E2E_DATABASE_URL
 * points at an empty database — so it never touches a developer's data.
 */
const port = Number(process.env.E2E_PORT ?? 3399);
const dataDir = process.env.E2E_DATA_DIR ?? `/tmp/yiyang-e2e-${process.pid}`;
export const DEMO_PASSWORD = 'E2e-demo-pass-2026';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  timeout: 60_000,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${port}`,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: `rm -rf ${dataDir} && node ../apps/server/dist/main.js`,
    url: `http://localhost:${port}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: {
      PORT: String(port),
      DATA_DIR: dataDir,
      MQTT_PORT: '0',
      YIYANG_DEMO: '1',
      YIYANG_DEMO_PASSWORD: DEMO_PASSWORD,
      LOG_LEVEL: 'warn',
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
