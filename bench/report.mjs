// Figures from samples, the one table (both engines, both checks, the ratio per figure), and the budgets.

export const kinds = ["html", "js", "wasm", "css", "other"];

/** Nearest-rank percentile of numbers. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Median, spread and the samples themselves, rounded to 0.1 ms. */
export function summary(values) {
  const round = (value) => Math.round(value * 10) / 10;
  return {
    n: values.length,
    median: round(percentile(values, 50)),
    p25: round(percentile(values, 25)),
    p75: round(percentile(values, 75)),
    p95: round(percentile(values, 95)),
    min: round(Math.min(...values)),
    max: round(Math.max(...values)),
    samples: values.map(round),
  };
}

/** Sums responses by kind: raw, gzip and brotli bytes and the number of requests. */
export function transfer(requests, sizes) {
  const byKind = Object.fromEntries(kinds.map((kind) => [kind, { requests: 0, raw: 0, gzip: 0, brotli: 0 }]));
  const total = { requests: 0, raw: 0, gzip: 0, brotli: 0 };
  const list = requests.map((request) => {
    const size = sizes(request);
    for (const sum of [byKind[request.kind], total]) {
      sum.requests++;
      sum.raw += size.raw;
      sum.gzip += size.gzip;
      sum.brotli += size.brotli;
    }
    return { path: request.path, status: request.status, kind: request.kind, ...size };
  });
  return { total, byKind, requests: list };
}

const kb = (bytes) => (bytes / 1000).toFixed(1);
const mb = (bytes) => (bytes / 1e6).toFixed(1);
const ms = (value) => (Number.isFinite(value) ? value.toFixed(0) : "–");

function ratio(ours, theirs) {
  if (!Number.isFinite(ours) || !Number.isFinite(theirs) || theirs === 0) return "–";
  const value = ours / theirs;
  return `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
}

/** The rows of the table: a label, how to read the figure from an engine's result, and how to print it. */
function rows() {
  const row = (label, value, show, text) => ({ label, value, show, text });
  return [
    row("First load, brotli, total (KB)", (r) => r.firstLoad.total.brotli, kb),
    ...kinds.map((kind) => row(`… ${kind} (KB brotli)`, (r) => r.firstLoad.byKind[kind].brotli, kb)),
    row("First load, gzip, total (KB)", (r) => r.firstLoad.total.gzip, kb),
    row("First load, uncompressed (KB)", (r) => r.firstLoad.total.raw, kb),
    row("First load, requests", (r) => r.firstLoad.total.requests, String),
    row(
      "First item interactive, median (min–max) ms",
      (r) => r.interactive.median,
      ms,
      (r) => `${ms(r.interactive.median)} (${ms(r.interactive.min)}–${ms(r.interactive.max)})`,
    ),
    row("Click → painted + saved, p50 ms", (r) => r.clicks.p50, (v) => v.toFixed(1)),
    row("Click → painted + saved, p95 ms", (r) => r.clicks.p95, (v) => v.toFixed(1)),
    row("Click → painted + saved, max ms", (r) => r.clicks.max, (v) => v.toFixed(1)),
    row(
      "Reopen saved run (all answered), median (min–max) ms",
      (r) => r.reopen.median,
      ms,
      (r) => `${ms(r.reopen.median)} (${ms(r.reopen.min)}–${ms(r.reopen.max)})`,
    ),
    row("JS heap after rating everything (MB)", (r) => r.memory.jsHeapUsedBytes, mb),
    row("Wasm memory after rating everything (MB)", (r) => r.memory.wasmBytes, mb),
    row(
      "Repeat visit: requests (KB)",
      (r) => r.repeatVisit.total.requests,
      String,
      (r) => `${r.repeatVisit.total.requests} (${kb(r.repeatVisit.total.raw)})`,
    ),
  ];
}

/** The table as Markdown: one row per figure, per check Checkwerk, SurveyJS and the ratio Checkwerk / SurveyJS. */
export function table(results) {
  const header = ["Figure"];
  for (const check of results.checks) {
    header.push(`${check.label}: Checkwerk`, "SurveyJS", "ratio");
  }
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`];
  for (const { label, value, show, text } of rows()) {
    const cells = [label];
    for (const check of results.checks) {
      const ours = check.engines.checkwerk;
      const theirs = check.engines.surveyjs;
      const print = text ?? ((r) => show(value(r)));
      cells.push(print(ours), print(theirs), ratio(value(ours), value(theirs)));
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The issue's budgets, measured, not asserted. */
export function budgets(results) {
  const [bundled, generated] = results.checks;
  const ours = (check) => check.engines.checkwerk;
  const theirs = (check) => check.engines.surveyjs;
  return [
    {
      budget: "First load with all bundled catalogs ≤ 200 KB brotli",
      holds: ours(bundled).firstLoad.total.brotli <= 200_000,
      measured: `${kb(ours(bundled).firstLoad.total.brotli)} KB (wasm ${kb(ours(bundled).firstLoad.byKind.wasm.brotli)} KB)`,
    },
    {
      budget: "First item interactive faster than SurveyJS on both checks",
      holds: results.checks.every((check) => ours(check).interactive.median < theirs(check).interactive.median),
      measured: results.checks
        .map((check) => `${check.label}: ${ms(ours(check).interactive.median)} vs ${ms(theirs(check).interactive.median)} ms`)
        .join("; "),
    },
    {
      budget: "Per click at 600 items p95 ≤ 16 ms",
      holds: ours(generated).clicks.p95 <= 16,
      measured: `p95 ${ours(generated).clicks.p95.toFixed(1)} ms`,
    },
    {
      budget: "Zero network requests on repeat visits",
      holds: results.checks.every((check) => ours(check).repeatVisit.total.requests === 0),
      measured: results.checks
        .map((check) => {
          const paths = ours(check).repeatVisit.requests.map((request) => request.path);
          return `${check.label}: ${paths.length}${paths.length ? ` (${[...new Set(paths)].join(", ")})` : ""}`;
        })
        .join("; "),
    },
  ];
}

/** Median and p95 of the clicks in each Baustein, in the order rated: a Baustein that costs more than the others
 * points at something the bench's totals hide (bench/results/clicks.md). */
export function clicksPerModule(samples, modules) {
  const byItem = new Map(samples.map((sample) => [sample.id, sample.ms]));
  return modules.map((module) => {
    const times = module.items.map((item) => byItem.get(item.id)).filter((ms) => ms !== undefined);
    return { module: module.id, p50: percentile(times, 50), p95: percentile(times, 95) };
  });
}

/** One line per check and engine: p50/p95 of each Baustein's clicks. */
export function perModuleLines(results, engineName) {
  return results.checks
    .flatMap((check) =>
      Object.entries(check.engines).map(([id, result]) => {
        const figures = result.clicks.perModule.map((module) => `${module.p50.toFixed(1)}/${module.p95.toFixed(1)}`);
        return `- ${check.label}, ${engineName(id)}: ${figures.join(" · ")}`;
      }),
    )
    .join("\n");
}

export function budgetLines(list) {
  return list.map((item) => `- ${item.holds ? "holds" : "MISSED"}: ${item.budget} – ${item.measured}`).join("\n");
}
