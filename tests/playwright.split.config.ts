// Browser tests of the split build (issue 21): the app's wasm split by page after the release build, as
// `cargo xtask split` makes it. `cargo xtask test-split` builds such a site into target/split-site and runs these;
// run alone with `CHECKWERK_TEST_PORT=… npx playwright test --config playwright.split.config.ts` after that.
import { defineConfig } from "@playwright/test";

import base from "./playwright.config";

const port = Number(process.env.CHECKWERK_TEST_PORT ?? 8181);

export default defineConfig({
  ...base,
  testDir: "./split",
  outputDir: "./output/split-results",
  webServer: {
    command: `node static-server.mjs ../target/split-site ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: "ignore",
  },
});
