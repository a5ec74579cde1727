// The harness of `cargo xtask bench` (issues 7 and 21): Checkwerk against SurveyJS and against the floor (Checkwerk's
// own pages as static files, bench/floor.mjs) on the same two checks, in the same run, in Debian's Chromium with the
// CPU throttled 4× through the DevTools protocol, and on an emulated slow network. See bench/README.md for the method.
//
// Usage (xtask builds the sites and passes these):
//   node bench/bench.mjs --site DIR --site-generated DIR --catalogs catalogs.json --generated-id ID --work DIR
//                        [--loads 10] [--slow-loads 3] [--reopens 3] [--throttle 4] [--port 9500] [--out bench/results]
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { checkSavedFormat, readableSaved, writeFloorSite } from "./floor.mjs";
import { engines, fill, memory, navigate, newThrottledPage, nextModule, openPage, rateItems, settle, slowNetwork } from "./measure.mjs";
import { budgetLines, budgets, clicksPerModule, engineIds, percentile, perModuleLines, summary, table, transfer } from "./report.mjs";
import { compressedSizes, serveSite } from "./serve.mjs";
import { surveyJsVersions, writeSurveyJsSite } from "./surveyjs.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const { values: options } = parseArgs({
  options: {
    site: { type: "string" },
    "site-generated": { type: "string" },
    catalogs: { type: "string" },
    "generated-id": { type: "string" },
    work: { type: "string" },
    loads: { type: "string", default: "10" },
    "slow-loads": { type: "string", default: "3" },
    reopens: { type: "string", default: "3" },
    throttle: { type: "string", default: "4" },
    // The proxies listen on port, port + 1, …; the static servers behind them on port + 20, port + 21, ….
    port: { type: "string", default: "9500" },
    out: { type: "string", default: join(here, "results") },
  },
});
for (const required of ["site", "site-generated", "catalogs", "generated-id", "work"]) {
  if (!options[required]) throw new Error(`--${required} is missing (run the bench with cargo xtask bench)`);
}
const loads = Number(options.loads);
const slowLoads = Number(options["slow-loads"]);
const reopens = Number(options.reopens);
const throttle = Number(options.throttle);

const started = Date.now();
const say = (message) => process.stderr.write(`bench [${Math.round((Date.now() - started) / 1000)} s]: ${message}\n`);
const loadBefore = loadavg()[0];
/** Seconds each part of the harness took, summed over both checks: what each count of loads costs. */
const phases = {};
let phaseStarted = Date.now();
const phaseDone = (name) => {
  phases[name] = (phases[name] ?? 0) + Math.round((Date.now() - phaseStarted) / 100) / 10;
  phaseStarted = Date.now();
};

// The two checks, from the catalogs' JSON the web build embedded.
const catalogs = JSON.parse(readFileSync(options.catalogs, "utf8"));
const catalogById = (id) => {
  const catalog = catalogs.find((candidate) => candidate.id === id);
  if (!catalog) throw new Error(`${options.catalogs} has no catalog ${id}`);
  return catalog;
};
const itemCount = (catalog) => catalog.modules.reduce((sum, module) => sum + module.items.length, 0);
const checks = [
  { catalog: catalogById("umweltschutz"), folder: options.site },
  { catalog: catalogById(options["generated-id"]), folder: options["site-generated"] },
].map((check) => ({
  ...check,
  label: check.catalog.id === "umweltschutz" ? `A-3.6 (${itemCount(check.catalog)} items)` : `${itemCount(check.catalog)} items`,
}));

/** The choices of an item's scale; the bench rates the items round-robin over them. */
function choiceKeys(catalog, module, item) {
  const scaleId = item.scale ?? module.scale;
  const scale = scaleId === undefined ? catalog.scales[0] : catalog.scales.find((candidate) => candidate.id === scaleId);
  return [...scale.levels.map((level) => level.key), ...(scale.not_relevant ? [scale.not_relevant.key] : [])];
}
function ratingsOf(catalog) {
  let index = 0;
  return catalog.modules.map((module) =>
    module.items.map((item) => {
      const keys = choiceKeys(catalog, module, item);
      return { id: item.id, key: keys[index++ % keys.length] };
    }),
  );
}

/** Closes a context, but gives up on a renderer that no longer answers. */
const closeContext = (context) => Promise.race([context.close(), new Promise((resolve) => setTimeout(resolve, 10_000))]);

/** A promise that fails after `ms`; its timer never keeps node running once the work is done. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no result within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

// Serve: each Checkwerk site, the SurveyJS site and (once written) the floor site, each behind a counting proxy.
const surveyFolder = join(options.work, "surveyjs-site");
const floorFolder = join(options.work, "floor-site");
writeSurveyJsSite(surveyFolder, checks.map((check) => check.catalog));
const staticServer = join(root, "tests", "static-server.mjs");
let nextPort = Number(options.port);
const serve = (folder) => {
  const port = nextPort++;
  return serveSite({ staticServer, folder, port, upstreamPort: port + 20 });
};
say("compressing the sites' files as a host would precompress them (gzip 9, brotli 11)");
for (const check of checks) check.server = await serve(check.folder);
const surveyServer = await serve(surveyFolder);
const servers = [...checks.map((check) => check.server), surveyServer];
phaseDone("compressing and serving");
const browser = await chromium.launch({
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
});
const chromiumVersion = browser.version();

/**
 * One fresh load: a new context, a throttled page, navigation to the check, the first item's mark, and the critical
 * requests (every request the host saw start before the first item was interactive, whoever made it). With
 * `recordTransfer`, also the whole first visit (until the service worker has precached and the network is quiet)
 * and a repeat visit.
 */
async function freshLoad(engineId, check, site, { recordTransfer, network }) {
  const engine = engines[engineId];
  const [firstItem] = ratingsOf(check.catalog)[0];
  const url = site.origin + engine.url(check.catalog);
  const { context, page, external } = await openPage(browser, { throttle, network, selector: fill(engine.radio, firstItem) });
  try {
    site.reset();
    const mark = await withTimeout(navigate(page, url), 120_000, `${engine.name} ${check.label}`);
    const result = { mark, external };
    if (network) return result;
    result.critical = await site.requestsBefore(mark.timeOrigin + mark.interactiveAt);
    if (recordTransfer) {
      // Everything the first load makes the host send, the service worker's precaching included.
      await settle(page, site);
      result.firstLoad = [...site.requests()];
      await page.close();
      // A repeat visit: a new tab in the same browser profile, with its cache and service worker.
      const again = await newThrottledPage(context, throttle);
      site.reset();
      result.repeatMark = await withTimeout(navigate(again, url), 120_000, `${engine.name} ${check.label} repeat visit`);
      await site.quiet(1500);
      result.repeatVisit = [...site.requests()];
    }
    return result;
  } finally {
    await closeContext(context);
  }
}

/** Rates every item of every Baustein, one after the other, as a person working through the check would. */
async function rateEverything(engineId, check, site) {
  const engine = engines[engineId];
  const ratings = ratingsOf(check.catalog);
  const { context, page } = await openPage(browser, { throttle, selector: fill(engine.radio, ratings[0][0]) });
  try {
    await withTimeout(navigate(page, site.origin + engine.url(check.catalog)), 120_000, `${engine.name} ${check.label}`);
    const samples = [];
    for (const [index, module] of check.catalog.modules.entries()) {
      if (index > 0) await nextModule(page, engineId, check.catalog, module, fill(engine.radio, ratings[index][0]));
      say(`${check.label} ${engine.name}: rating Baustein ${index + 1}/${check.catalog.modules.length}`);
      samples.push(...(await withTimeout(rateItems(page, engine, ratings[index]), 300_000, `${engine.name} ${check.label} Baustein ${module.id}`)));
    }
    const measured = await memory(page);
    const savedTexts = await page.evaluate((prefix) => {
      const texts = [];
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index);
        if (key.startsWith(prefix)) texts.push(localStorage.getItem(key));
      }
      return texts;
    }, engine.storagePrefix);
    let answered = 0;
    for (const text of savedTexts) {
      const saved = readableSaved(JSON.parse(text));
      const answers = saved?.run?.answers ?? saved?.answers ?? saved;
      answered += Object.values(answers).filter((answer) => (typeof answer === "string" ? answer : answer?.choice)).length;
    }
    if (answered !== itemCount(check.catalog)) {
      throw new Error(`${engine.name} ${check.label}: ${answered} answers saved, expected ${itemCount(check.catalog)}`);
    }
    return { samples, memory: measured, storageState: await context.storageState() };
  } finally {
    await closeContext(context);
  }
}

/** Reopens the saved run in a fresh context holding only its localStorage, to the first item shown as rated. */
async function reopen(engineId, check, site, storageState) {
  const engine = engines[engineId];
  const [firstItem] = ratingsOf(check.catalog)[0];
  const { context, page } = await openPage(browser, { throttle, storageState, selector: fill(engine.shown, firstItem) });
  try {
    return await withTimeout(navigate(page, site.origin + engine.url(check.catalog)), 120_000, `${engine.name} reopen`);
  } finally {
    await closeContext(context);
  }
}

const results = { checks: [] };
try {
  // The floor: Checkwerk's pages of both checks as static files, then proof that it saves what Checkwerk saves.
  say("writing the floor: Checkwerk's module pages as static files");
  const checkwerkSaved = await writeFloorSite({ browser, folder: floorFolder, checks, ratingsOf });
  const floorServer = await serve(floorFolder);
  servers.push(floorServer);
  await checkSavedFormat({ browser, floorServer, catalog: checks[0].catalog, rating: ratingsOf(checks[0].catalog)[0][0], checkwerkSaved });
  phaseDone("writing the floor");

  for (const check of checks) {
    const sites = { checkwerk: check.server, surveyjs: surveyServer, floor: floorServer };
    const raw = Object.fromEntries(engineIds.map((id) => [id, { interactive: [], shown: [], critical: [], slow: [], reopen: [], external: [] }]));
    // Fresh loads, alternating the engines, so a busy moment on this shared machine hits all alike.
    for (let load = 0; load < loads; load++) {
      for (const id of engineIds) {
        const result = await freshLoad(id, check, sites[id], { recordTransfer: load === 0 });
        raw[id].interactive.push(result.mark.interactiveAt);
        raw[id].shown.push(result.mark.shownAt);
        raw[id].critical.push(result.critical);
        raw[id].external.push(...result.external);
        if (result.firstLoad) Object.assign(raw[id], { firstLoad: result.firstLoad, repeatVisit: result.repeatVisit });
        say(`${check.label} ${engines[id].name} load ${load + 1}/${loads}: first item interactive at ${result.mark.interactiveAt.toFixed(0)} ms`);
      }
    }
    phaseDone("fresh loads");
    // The same on the slow network.
    for (let load = 0; load < slowLoads; load++) {
      for (const id of engineIds) {
        const result = await freshLoad(id, check, sites[id], { network: slowNetwork });
        raw[id].slow.push(result.mark.interactiveAt);
        raw[id].external.push(...result.external);
        say(`${check.label} ${engines[id].name} slow network ${load + 1}/${slowLoads}: first item interactive at ${result.mark.interactiveAt.toFixed(0)} ms`);
      }
    }
    phaseDone("fresh loads on the slow network");
    for (const id of engineIds) {
      const rated = await rateEverything(id, check, sites[id]);
      Object.assign(raw[id], rated);
      const times = rated.samples.map((sample) => sample.ms);
      say(
        `${check.label} ${engines[id].name}: ${times.length} clicks, p50 ${percentile(times, 50).toFixed(1)} ms, ` +
          `p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms`,
      );
    }
    phaseDone("rating every item");
    for (let load = 0; load < reopens; load++) {
      for (const id of engineIds) {
        const mark = await reopen(id, check, sites[id], raw[id].storageState);
        raw[id].reopen.push(mark.interactiveAt);
        say(`${check.label} ${engines[id].name} reopen ${load + 1}/${reopens}: ${mark.interactiveAt.toFixed(0)} ms`);
      }
    }
    phaseDone("reopening");
    check.raw = raw;
  }
} finally {
  await browser.close();
  for (const server of servers) await server.close();
}

// Sizes only now, so compressing a file the proxy had not seen never competed with the browser for the CPU.
say("summing the transferred bytes");
const sizes = (request) => compressedSizes(request.body, request.contentType);
/** The critical bytes of the load whose critical brotli total is the median, with every load's total. */
function critical(loadsOfRequests) {
  const transfers = loadsOfRequests.map((requests) => transfer(requests, sizes));
  const totals = transfers.map((each) => each.total.brotli);
  const median = percentile(totals, 50);
  return { ...transfers[totals.indexOf(median)], brotliPerLoad: summary(totals) };
}
for (const check of checks) {
  const engineResults = {};
  for (const id of engineIds) {
    const raw = check.raw[id];
    const times = raw.samples.map((sample) => sample.ms);
    engineResults[id] = {
      critical: critical(raw.critical),
      firstLoad: transfer(raw.firstLoad, sizes),
      interactive: summary(raw.interactive),
      shown: summary(raw.shown),
      slowNetworkInteractive: summary(raw.slow),
      clicks: {
        n: times.length,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        max: Math.max(...times),
        overOneFrame: raw.samples.filter((sample) => sample.frames > 1).length,
        perModule: clicksPerModule(raw.samples, check.catalog.modules),
        samples: raw.samples.map((sample) => ({ ...sample, ms: Math.round(sample.ms * 100) / 100 })),
      },
      reopen: summary(raw.reopen),
      memory: raw.memory,
      repeatVisit: transfer(raw.repeatVisit, sizes),
      externalRequests: [...new Set(raw.external)],
    };
  }
  results.checks.push({
    id: check.catalog.id,
    label: check.label,
    title: check.catalog.title,
    modules: check.catalog.modules.length,
    items: itemCount(check.catalog),
    engines: engineResults,
  });
}

const gitCommit = (() => {
  try {
    return execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: root, encoding: "utf8" }).trim();
  } catch {
    return "unknown";
  }
})();
results.environment = {
  date: new Date().toISOString(),
  checkwerkCommit: `${gitCommit} (with the working tree as it was)`,
  chromium: chromiumVersion,
  playwrightCore: JSON.parse(readFileSync(join(here, "node_modules", "playwright-core", "package.json"), "utf8")).version,
  surveyJs: surveyJsVersions(),
  cpuThrottling: throttle,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? "unknown"}`,
  loadAverage: { before: loadBefore, after: loadavg()[0] },
  freshLoads: loads,
  slowNetworkLoads: slowLoads,
  slowNetwork,
  reopens,
  durationSeconds: Math.round((Date.now() - started) / 1000),
  phaseSeconds: phases,
};
results.budgets = budgets(results);

const markdownTable = table(results);
const external = results.checks.flatMap((check) =>
  engineIds.flatMap((id) => check.engines[id].externalRequests.map((url) => `${engines[id].name} (${check.label}): ${url}`)),
);
const externalNote = external.length ? `\nRequests to other hosts (none reach the network here):\n\n${external.map((line) => `- ${line}`).join("\n")}\n` : "";
const environment = results.environment;
const markdown = `# Checkwerk vs. SurveyJS and the floor

Measured by \`cargo xtask bench\` on ${environment.date.slice(0, 10)}: Chromium ${environment.chromium}, CPU throttled ${throttle}× through the DevTools protocol, ${environment.cpus} (shared; load average ${environment.loadAverage.before.toFixed(1)} → ${environment.loadAverage.after.toFixed(1)}), SurveyJS ${environment.surveyJs["survey-core"]} (survey-core + survey-js-ui), Checkwerk at ${environment.checkwerkCommit}; the harness took ${Math.round(environment.durationSeconds / 60)} min (${Object.entries(phases).map(([name, seconds]) => `${name} ${Math.round(seconds)} s`).join(", ")}).
The floor is Checkwerk's own module pages as static files with a few lines of plain JavaScript that mark the rating and save the run in Checkwerk's format (\`bench/floor.mjs\`).
${loads} fresh loads, ${slowLoads} on the slow network (${slowNetwork.downloadThroughput * 8 / 1e6} Mbit/s down, ${slowNetwork.uploadThroughput * 8 / 1e3} kbit/s up, ${slowNetwork.latency} ms round trip, and the CPU throttle) and ${reopens} reopenings per check and engine.
Ratios are Checkwerk / SurveyJS and Checkwerk / floor: below 1 is better for Checkwerk. KB = 1000 bytes.
How each figure is taken: \`bench/README.md\`. Every sample and every request: \`bench.json\`.

${markdownTable}

## Budgets (issue 21)

${budgetLines(results.budgets)}

## Clicks per Baustein, p50/p95 ms, in the order rated

${perModuleLines(results, (id) => engines[id].name)}
${externalNote}`;
mkdirSync(options.out, { recursive: true });
writeFileSync(join(options.out, "bench.md"), markdown);
writeFileSync(join(options.out, "bench.json"), `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write(`\n${markdownTable}\n\nBudgets:\n${budgetLines(results.budgets)}\n\nwritten to ${options.out}/bench.{md,json} in ${environment.durationSeconds} s\n`);
