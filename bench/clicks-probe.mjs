// Throwaway: per-click figures only, on one built site (not committed).
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { engines, fill, navigate, nextModule, openPage, rateItems } from "./measure.mjs";
import { serveSite } from "./serve.mjs";
const [folder, catalogsPath, id, modulesArg] = process.argv.slice(2);
const catalog = JSON.parse(readFileSync(catalogsPath, "utf8")).find((c) => c.id === id);
const site = await serveSite({ staticServer: new URL("../tests/static-server.mjs", import.meta.url).pathname, folder, port: 9592, upstreamPort: 9593 });
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
let index = 0;
const ratings = catalog.modules.map((module) => module.items.map((item) => {
  const scale = catalog.scales.find((s) => s.id === (item.scale ?? module.scale)) ?? catalog.scales[0];
  const keys = [...scale.levels.map((l) => l.key), ...(scale.not_relevant ? [scale.not_relevant.key] : [])];
  return { id: item.id, key: keys[index++ % keys.length] };
}));
const engine = engines.checkwerk;
const { context, page } = await openPage(browser, { throttle: 4, selector: fill(engine.radio, ratings[0][0]) });
await navigate(page, site.origin + engine.url(catalog));
const all = [];
const limit = Number(modulesArg ?? catalog.modules.length);
for (const [i, module] of catalog.modules.entries()) {
  if (i >= limit) break;
  if (i > 0) await nextModule(page, "checkwerk", catalog, module, fill(engine.radio, ratings[i][0]));
  const samples = await rateItems(page, engine, ratings[i]);
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b);
  all.push(...ms);
  console.log(`module ${i + 1}: p50 ${ms[Math.floor(ms.length / 2)].toFixed(1)} p95 ${ms[Math.floor(ms.length * 0.95)].toFixed(1)} max ${ms.at(-1).toFixed(1)}`);
}
all.sort((a, b) => a - b);
console.log(`all ${all.length}: p50 ${all[Math.floor(all.length / 2)].toFixed(1)} p95 ${all[Math.floor(all.length * 0.95)].toFixed(1)} max ${all.at(-1).toFixed(1)}`);
await context.close(); await browser.close(); process.exit(0);
