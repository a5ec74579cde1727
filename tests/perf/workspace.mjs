// Times the adviser's workspace of 50 companies × every bundled check × 3 runs in Chromium with the CPU throttled 4×
// (CDP Emulation.setCPUThrottlingRate), and reads what it costs in localStorage. Not part of `cargo xtask test`:
// timings on a shared machine are figures to report, not to assert. Usage, after `cargo xtask build`:
//   CHECKWERK_WORKSPACE_FILE=/tmp/workspace.json cargo test -p checkwerk-core --features source --test tests storage_size
//   node perf/workspace.mjs ../dist /tmp/workspace.json [port] [rounds]
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";

const [folder, file, port = "8264", roundsText = "5"] = process.argv.slice(2);
const rounds = Number(roundsText);
const { companies, runs: runsInFile } = JSON.parse(readFileSync(file, "utf8"));
const server = spawn("node", ["static-server.mjs", folder, port], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
const base = `http://127.0.0.1:${port}`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  const context = await browser.newContext({ locale: "de-DE" });
  const page = await context.newPage();
  await page.goto(`${base}/betriebe`);
  let started = Date.now();
  await page.getByLabel("Datei importieren").setInputFiles(file);
  await page.getByRole("status").filter({ hasText: `${runsInFile.length} Durchläufe importiert` }).waitFor({ timeout: 300_000 });
  const importMs = Date.now() - started;
  const usage = await page.evaluate(() => {
    let units = 0, ours = 0, runs = 0;
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      const value = localStorage.getItem(key);
      units += key.length + value.length;
      if (key.startsWith("checkwerk.")) ours += key.length + value.length;
      if (key.startsWith("checkwerk.run.")) runs++;
    }
    return { units, ours, runs };
  });
  const shown = await page.locator(".storage-usage").innerText();

  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const cards = page.getByRole("article");
  const time = async (action, done) => {
    const start = Date.now();
    await action();
    await done();
    return Date.now() - start;
  };
  const coldWorkspace = [];
  const coldHome = [];
  const navigation = [];
  for (let round = 0; round < rounds; round++) {
    coldWorkspace.push(await time(() => page.goto(`${base}/betriebe`), () => cards.nth(companies.length - 1).waitFor()));
    coldHome.push(await time(() => page.goto(`${base}/`), () => page.getByRole("article").nth(7).waitFor()));
    navigation.push(await time(
      () => page.getByRole("link", { name: "Mehrere Betriebe begleiten? Zum Arbeitsbereich" }).click(),
      () => cards.nth(companies.length - 1).waitFor(),
    ));
  }
  // The same cold open of the home page with nothing stored, for comparison.
  const empty = await browser.newContext({ locale: "de-DE" });
  const emptyPage = await empty.newPage();
  const emptyCdp = await empty.newCDPSession(emptyPage);
  await emptyCdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
  const emptyHome = [];
  for (let round = 0; round < rounds; round++) {
    const start = Date.now();
    await emptyPage.goto(`${base}/`);
    await emptyPage.getByRole("article").nth(7).waitFor();
    emptyHome.push(Date.now() - start);
  }
  console.log(JSON.stringify({
    runs: usage.runs,
    storage_units: usage.units,
    storage_units_checkwerk: usage.ours,
    quota_share_percent: Math.round((usage.units * 1000) / (5 * 1024 * 1024)) / 10,
    shown,
    import_ms_unthrottled: importMs,
    throttle: 4,
    rounds,
    workspace_cold_open_ms: { median: median(coldWorkspace), all: coldWorkspace },
    workspace_from_home_ms: { median: median(navigation), all: navigation },
    home_cold_open_with_workspace_ms: { median: median(coldHome), all: coldHome },
    home_cold_open_empty_ms: { median: median(emptyHome), all: emptyHome },
  }, null, 2));
} finally {
  await browser.close();
  server.kill();
}
