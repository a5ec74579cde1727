// Browser end-to-end tests against the release build in dist/, served as a plain static host would.
// `cargo xtask test` builds dist/ first; run alone with `npx playwright test` after `cargo xtask build`.
import { defineConfig } from "@playwright/test";

const port = Number(process.env.CHECKWERK_TEST_PORT ?? 8181);

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./output/test-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    locale: "de-DE",
    trace: "retain-on-failure",
    // A step that waits for something that never comes fails after this, not at the test's timeout.
    actionTimeout: 10_000,
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's Chromium; Playwright must never download a browser of its own here.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      // A German browser: `locale` sets the page's language and formats, but Chromium on Linux lays out its date
      // fields (TT.MM.JJJJ rather than MM/DD/YYYY) by the language of its environment; LANGUAGE alone does that.
      // Not LANG=de_DE.UTF-8: where that locale is not installed (Debian installs none but C.UTF-8), Chromium falls
      // back to plain ASCII and a file with "ä" in its name can no longer be chosen (hostile-input's binär.json).
      env: { ...process.env, LANGUAGE: "de_DE:de", LC_ALL: "C.UTF-8" },
      args: [
        "--lang=de-DE",
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
    command: `node static-server.mjs ../dist ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
