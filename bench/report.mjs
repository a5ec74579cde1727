// Figures from samples, the one table (every engine, both checks, the ratios per figure), and the budgets.

export const kinds = ["html", "js", "wasm", "css", "other"];

/** The engines measured, in the order of the table's columns and of the alternating loads. */
export const engineIds = ["checkwerk", "surveyjs", "floor"];

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
    const worker = request.byServiceWorker ? { byServiceWorker: true } : {};
    return { path: request.path, status: request.status, kind: request.kind, ...size, ...worker };
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

const medianRange = (figure) => `${ms(figure.median)} (${ms(figure.min)}–${ms(figure.max)})`;

/** The rows of the table: a label, how to read the figure from an engine's result, and how to print it. */
function rows() {
  const row = (label, value, show, text) => ({ label, value, show, text });
  return [
    row(
      "Critical bytes: before the first item is interactive, brotli (KB)",
      (r) => r.critical.total.brotli,
      kb,
      (r) => {
        const { min, max } = r.critical.brotliPerLoad;
        return min === max ? kb(r.critical.total.brotli) : `${kb(r.critical.total.brotli)} (${kb(min)}–${kb(max)})`;
      },
    ),
    ...kinds.map((kind) => row(`… ${kind} (KB brotli)`, (r) => r.critical.byKind[kind].brotli, kb)),
    row("Critical requests", (r) => r.critical.total.requests, String),
    row("Whole first visit (service worker's precaching included), brotli (KB)", (r) => r.firstLoad.total.brotli, kb),
    ...kinds.map((kind) => row(`… ${kind} (KB brotli)`, (r) => r.firstLoad.byKind[kind].brotli, kb)),
    row("Whole first visit, gzip (KB)", (r) => r.firstLoad.total.gzip, kb),
    row("Whole first visit, uncompressed (KB)", (r) => r.firstLoad.total.raw, kb),
    row("Whole first visit, requests", (r) => r.firstLoad.total.requests, String),
    row("First item interactive, median (min–max) ms", (r) => r.interactive.median, ms, (r) => medianRange(r.interactive)),
    row(
      "First item interactive on the slow network, median (min–max) ms",
      (r) => r.slowNetworkInteractive.median,
      ms,
      (r) => medianRange(r.slowNetworkInteractive),
    ),
    row("Click → painted + saved, p50 ms", (r) => r.clicks.p50, (v) => v.toFixed(1)),
    row("Click → painted + saved, p95 ms", (r) => r.clicks.p95, (v) => v.toFixed(1)),
    row("Click → painted + saved, max ms", (r) => r.clicks.max, (v) => v.toFixed(1)),
    row("Reopen saved run (all answered), median (min–max) ms", (r) => r.reopen.median, ms, (r) => medianRange(r.reopen)),
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

/**
 * The table as Markdown: one row per figure; per check Checkwerk, SurveyJS, Checkwerk / SurveyJS, the floor and
 * Checkwerk / floor.
 */
export function table(results) {
  const header = ["Figure"];
  for (const check of results.checks) {
    header.push(`${check.label}: Checkwerk`, "SurveyJS", "÷ SurveyJS", "Floor", "÷ floor");
  }
  const lines = [`| ${header.join(" | ")} |`, `|${header.map((_, index) => (index === 0 ? "---" : "---:")).join("|")}|`];
  for (const { label, value, show, text } of rows()) {
    const cells = [label];
    for (const check of results.checks) {
      const { checkwerk, surveyjs, floor } = check.engines;
      const print = text ?? ((r) => show(value(r)));
      cells.push(print(checkwerk), print(surveyjs), ratio(value(checkwerk), value(surveyjs)), print(floor), ratio(value(checkwerk), value(floor)));
    }
    lines.push(`| ${cells.join(" | ")} |`);
  }
  return lines.join("\n");
}

/** The budgets of issue 21 (and those of issue 7 that still stand), measured, not asserted. */
export function budgets(results) {
  const ours = (check) => check.engines.checkwerk;
  const theirs = (check) => check.engines.surveyjs;
  const floor = (check) => check.engines.floor;
  const every = (holds) => results.checks.every(holds);
  const each = (describe) => results.checks.map((check) => `${check.label}: ${describe(check)}`).join("; ");
  const times = (value) => `${value < 0.1 ? value.toFixed(3) : value.toFixed(2)}×`;
  const clickBudget = (figure) => ({
    budget: `Click → painted + saved, ${figure} ≤ 1.3× the floor's`,
    holds: every((check) => ours(check).clicks[figure] <= 1.3 * floor(check).clicks[figure]),
    measured: each(
      (check) =>
        `${ours(check).clicks[figure].toFixed(1)} vs ${floor(check).clicks[figure].toFixed(1)} ms ` +
        `(${times(ours(check).clicks[figure] / floor(check).clicks[figure])})`,
    ),
  });
  return [
    {
      budget: "Critical bytes ≤ 220 KB brotli",
      holds: every((check) => ours(check).critical.total.brotli <= 220_000),
      measured: each((check) => `${kb(ours(check).critical.total.brotli)} KB (wasm ${kb(ours(check).critical.byKind.wasm.brotli)} KB)`),
    },
    {
      budget: "Whole first visit below SurveyJS' first load",
      holds: every((check) => ours(check).firstLoad.total.brotli < theirs(check).firstLoad.total.brotli),
      measured: each((check) => `${kb(ours(check).firstLoad.total.brotli)} vs ${kb(theirs(check).firstLoad.total.brotli)} KB brotli`),
    },
    clickBudget("p50"),
    clickBudget("p95"),
    {
      budget: "First item interactive on the slow network ≤ 0.6× SurveyJS",
      holds: every((check) => ours(check).slowNetworkInteractive.median <= 0.6 * theirs(check).slowNetworkInteractive.median),
      measured: each(
        (check) =>
          `${ms(ours(check).slowNetworkInteractive.median)} vs ${ms(theirs(check).slowNetworkInteractive.median)} ms ` +
          `(${times(ours(check).slowNetworkInteractive.median / theirs(check).slowNetworkInteractive.median)}; ` +
          `floor ${ms(floor(check).slowNetworkInteractive.median)} ms)`,
      ),
    },
    {
      budget: "First item interactive faster than SurveyJS (issue 7)",
      holds: every((check) => ours(check).interactive.median < theirs(check).interactive.median),
      measured: each((check) => `${ms(ours(check).interactive.median)} vs ${ms(theirs(check).interactive.median)} ms`),
    },
    {
      budget: "Zero network requests on repeat visits (issue 7)",
      holds: every((check) => ours(check).repeatVisit.total.requests === 0),
      measured: each((check) => {
        const paths = ours(check).repeatVisit.requests.map((request) => request.path);
        return `${paths.length}${paths.length ? ` (${[...new Set(paths)].join(", ")})` : ""}`;
      }),
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
