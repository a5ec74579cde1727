// The bench's two byte figures for one or more built Checkwerk sites, without the rest of the bench (about a minute
// instead of ten): critical bytes (every request the host saw start before the first Check-Punkt of a deep link was
// interactive) and the whole first visit (until the service worker has precached and the network is quiet), taken as
// `bench.mjs` takes them – the same proxy, brotli 11, CPU throttled 4×, fresh contexts – and the critical requests
// listed, so it shows which parts the first page waited for.
//
// Usage, after `cargo xtask bench --build-only` or `cargo xtask build [--dist DIR]`:
//   node bench/bytes.mjs SITE [SITE …] [--path /check/umweltschutz/baustein/nutzen] [--loads 3] [--port 9560]
// Each site is served on its own proxy (port, port + 1, …; the static servers 20 above).
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";

import { navigate, openPage, settle } from "./measure.mjs";
import { kinds, percentile, transfer } from "./report.mjs";
import { compressedSizes, serveSite } from "./serve.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const { values: options, positionals: sites } = parseArgs({
  allowPositionals: true,
  options: {
    // A-3.6's first Baustein: the deep link the bench's critical bytes are about.
    path: { type: "string", default: "/check/umweltschutz/baustein/nutzen" },
    loads: { type: "string", default: "3" },
    throttle: { type: "string", default: "4" },
    port: { type: "string", default: "9560" },
  },
});
if (sites.length === 0) throw new Error("usage: node bench/bytes.mjs SITE [SITE …] [--path …] [--loads 3] [--port 9560]");
const loads = Number(options.loads);
const throttle = Number(options.throttle);
// The first Check-Punkt's rating, whichever check the path opens.
const selector = 'input[type=radio][name^="bewertung-"]';

const kb = (bytes) => (bytes / 1000).toFixed(1);
const sizes = (request) => compressedSizes(request.body, request.contentType);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const results = [];
try {
  for (const [index, site] of sites.entries()) {
    const port = Number(options.port) + index;
    const server = await serveSite({ staticServer: join(root, "tests", "static-server.mjs"), folder: site, port, upstreamPort: port + 20 });
    try {
      const critical = [];
      let whole;
      for (let load = 0; load < loads; load++) {
        const { context, page } = await openPage(browser, { throttle, selector });
        try {
          server.reset();
          const mark = await navigate(page, server.origin + options.path);
          critical.push({ mark, transfer: transfer(await server.requestsBefore(mark.timeOrigin + mark.interactiveAt), sizes) });
          if (load === 0) {
            await settle(page, server);
            whole = transfer(server.requests(), sizes);
          }
        } finally {
          await context.close();
        }
      }
      // The load with the median critical total, as the bench's table shows it.
      const totals = critical.map((each) => each.transfer.total.brotli);
      const median = critical[totals.indexOf(percentile(totals, 50))];
      results.push({ site, critical: median.transfer, criticalPerLoad: totals, interactiveAt: median.mark.interactiveAt, whole });
    } finally {
      await server.close();
    }
  }
} finally {
  await browser.close();
}

const header = ["Figure (KB brotli, KB = 1000 bytes)", ...results.map((result) => result.site)];
const lines = [`| ${header.join(" | ")} |`, `|---|${results.map(() => "---:").join("|")}|`];
const row = (label, cell) => lines.push(`| ${label} | ${results.map(cell).join(" | ")} |`);
row("Critical bytes", (r) => (Math.min(...r.criticalPerLoad) === Math.max(...r.criticalPerLoad) ? kb(r.critical.total.brotli) : `${kb(r.critical.total.brotli)} (${kb(Math.min(...r.criticalPerLoad))}–${kb(Math.max(...r.criticalPerLoad))})`));
for (const kind of kinds) row(`… ${kind}`, (r) => kb(r.critical.byKind[kind].brotli));
row("Critical requests", (r) => String(r.critical.total.requests));
row("Whole first visit", (r) => kb(r.whole.total.brotli));
row("Whole first visit, requests", (r) => String(r.whole.total.requests));
row("First item interactive, ms (not a figure to quote: few loads)", (r) => r.interactiveAt.toFixed(0));
process.stdout.write(`${options.path}, ${loads} fresh loads per site, CPU throttled ${throttle}×\n\n${lines.join("\n")}\n`);
for (const result of results) {
  process.stdout.write(`\nCritical requests of ${result.site}:\n`);
  for (const request of result.critical.requests) process.stdout.write(`  ${kb(request.brotli).padStart(7)}  ${request.status} ${request.path}\n`);
}
