// End-to-end tests: the production build in Debian's Chromium (never a downloaded browser).
// The web server serves dist/ as built, so build first: `npm run build && npm run test:e2e`
// (.ci/run does both). e2e/serve.mjs refuses to start without a build and warns when it is stale.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// 127.0.0.1, not "localhost": the server listens on IPv4 loopback only, and "localhost" may resolve to ::1 first.
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "e2e",
  testMatch: "*.spec.ts",
  timeout: 120_000,
  expect: { timeout: 30_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  outputDir: "test-results",
  use: {
    baseURL: origin,
    browserName: "chromium",
    headless: true,
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: {
    command: "node e2e/serve.mjs",
    url: `${origin}/browser.html`,
    env: { PORT: String(port) },
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: "pipe",
    stderr: "pipe",
  },
});
