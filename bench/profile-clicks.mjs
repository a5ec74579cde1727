// Where a rating click's time goes, for work on the per-click budget (not part of `cargo xtask bench`).
//
// Usage, after `cargo xtask bench` has built its sites:
//   node bench/profile-clicks.mjs target/bench/site-600 target/bench/catalogs.json bench-600 [--modules N]
//
// Rates the items of the first N Bausteine (default all) exactly as the bench does (bench/measure.mjs), prints
// p50/p95/max per Baustein, then traces 20 more clicks and prints the browser's time per click by trace event
// (script: EventDispatch, FunctionCall; rendering: UpdateLayoutTree, Layout, PrePaint, Paint, Layerize).
// Figures are under the same 4x CPU throttle as the bench; compare builds A/B in one sitting, the machine drifts.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { engines, fill, navigate, nextModule, openPage, rateItems } from "./measure.mjs";
import { serveSite } from "./serve.mjs";

const { values, positionals } = parseArgs({ allowPositionals: true, options: { modules: { type: "string" } } });
const [folder, catalogsPath, checkId] = positionals;
if (!checkId) throw new Error("usage: node bench/profile-clicks.mjs SITE CATALOGS_JSON CHECK_ID [--modules N]");
const catalog = JSON.parse(readFileSync(catalogsPath, "utf8")).find((candidate) => candidate.id === checkId);
if (!catalog) throw new Error(`${catalogsPath} has no check ${checkId}`);

let index = 0;
const ratings = catalog.modules.map((module) =>
  module.items.map((item) => {
    const scaleId = item.scale ?? module.scale;
    const scale = catalog.scales.find((candidate) => candidate.id === scaleId) ?? catalog.scales[0];
    const keys = [...scale.levels.map((level) => level.key), ...(scale.not_relevant ? [scale.not_relevant.key] : [])];
    return { id: item.id, key: keys[index++ % keys.length] };
  }),
);
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))];
const figures = (samples) => {
  const ms = samples.map((sample) => sample.ms).sort((a, b) => a - b);
  return `p50 ${percentile(ms, 50).toFixed(1)}  p95 ${percentile(ms, 95).toFixed(1)}  max ${ms.at(-1).toFixed(1)} ms`;
};

const site = await serveSite({
  staticServer: new URL("../tests/static-server.mjs", import.meta.url).pathname,
  folder,
  // Clear of the ports bench.mjs takes by default (9500 and up for its proxies, 9520 and up behind them).
  port: 9590,
  upstreamPort: 9591,
});
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const engine = engines.checkwerk;
  const { context, page } = await openPage(browser, { throttle: 4, selector: fill(engine.radio, ratings[0][0]) });
  await navigate(page, site.origin + engine.url(catalog));
  const count = Math.min(Number(values.modules ?? catalog.modules.length), catalog.modules.length);
  const all = [];
  for (const [position, module] of catalog.modules.slice(0, count).entries()) {
    if (position > 0) await nextModule(page, "checkwerk", catalog, module, fill(engine.radio, ratings[position][0]));
    const samples = await rateItems(page, engine, ratings[position]);
    all.push(...samples);
    console.log(`Baustein ${position + 1}: ${figures(samples)}`);
  }
  console.log(`all ${all.length} clicks: ${figures(all)}`);

  // 20 more clicks on the last Baustein rated, each to another choice, traced.
  const last = ratings[count - 1].slice(0, 20).map((rating) => {
    const module = catalog.modules[count - 1];
    const item = module.items.find((candidate) => candidate.id === rating.id);
    const scale = catalog.scales.find((candidate) => candidate.id === (item.scale ?? module.scale)) ?? catalog.scales[0];
    const other = scale.levels.map((level) => level.key).find((key) => key !== rating.key);
    return { id: rating.id, key: other };
  });
  await browser.startTracing(page, { categories: ["devtools.timeline", "blink.user_timing"] });
  const traced = await rateItems(page, engine, last, { markClicks: true });
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  // Only what happens between a click and its measured end: the scrolling between clicks is left out.
  const marks = (name) => events.filter((event) => event.name === name).map((event) => event.ts).sort((a, b) => a - b);
  const starts = marks("click-start");
  const ends = marks("click-end");
  const windows = starts.map((start) => [start, ends.find((end) => end > start) ?? Infinity]);
  const inClick = (event) => windows.some(([start, end]) => event.ts >= start && event.ts < end);
  const totals = new Map();
  for (const event of events) {
    if (event.ph === "X" && event.dur && inClick(event)) totals.set(event.name, (totals.get(event.name) ?? 0) + event.dur / 1000);
  }
  console.log(`\n${traced.length} traced clicks: ${figures(traced)}; trace events per click, from the click to its measured end (nested events overlap):`);
  const shown = ["EventDispatch", "FunctionCall", "RunMicrotasks", "UpdateLayoutTree", "Layout", "PrePaint", "Paint", "Layerize", "Commit"];
  for (const name of shown) console.log(`  ${name.padEnd(18)} ${((totals.get(name) ?? 0) / traced.length).toFixed(2)} ms`);
  await context.close();
} finally {
  await browser.close();
  await site.close();
}
