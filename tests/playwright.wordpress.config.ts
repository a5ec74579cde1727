// Browser tests of the WordPress plugin in a real WordPress. `cargo xtask test` (or `cargo xtask wordpress test`)
// builds the plugin, sets up two WordPress sites with it and passes their description in CHECKWERK_WORDPRESS_SITES;
// the sites are stopped when the run ends. The main suite (playwright.config.ts) does not run these.
import { defineConfig } from "@playwright/test";
import baseConfig from "./playwright.config";

export default defineConfig({
  testDir: "./wordpress",
  outputDir: "./output/wordpress-results",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"]],
  // WordPress' editor loads a few hundred files from PHP's built-in server.
  timeout: 120_000,
  use: { ...baseConfig.use, baseURL: undefined },
});
