// The floor of the bench (issue 21): what the browser itself needs to show a Baustein and take a rating, with no
// engine at all. Per check and Baustein, Checkwerk's own module page – rendered from the catalog by Checkwerk, so
// cards, markup and stylesheet are Checkwerk's exactly – saved as a static HTML file at the same address, its scripts
// replaced by bench/floor/floor.js: a few lines that mark the chosen rating and save the run in Checkwerk's format.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { runInNewContext } from "node:vm";

import { engines, fill, navigate, nextModule, openPage } from "./measure.mjs";

const here = dirname(fileURLToPath(import.meta.url));

/** Frames and idle moments until work an engine leaves for later has reached the screen. */
async function settled(page) {
  await page.evaluate(async () => {
    for (let round = 0; round < 2; round++) {
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      await new Promise((resolve) => requestIdleCallback(resolve, { timeout: 1000 }));
    }
  });
}

/**
 * The page as static HTML: Checkwerk's document without its scripts, preloads, manifest and icons (a static page
 * needs none of them; an empty icon keeps the browser from asking for /favicon.ico), marked with the check for
 * floor.js, which it loads instead.
 */
function staticCopy({ checkId, version }) {
  const root = document.documentElement.cloneNode(true);
  const unneeded = "script, link[rel=modulepreload], link[rel=preload], link[rel=manifest], link[rel~=icon], link[rel=apple-touch-icon]";
  for (const element of root.querySelectorAll(unneeded)) element.remove();
  // A textarea's children are its text in HTML: the renderer's marker comment inside it would show as "<!---->".
  for (const textarea of root.querySelectorAll("textarea")) textarea.textContent = "";
  const icon = document.createElement("link");
  icon.rel = "icon";
  icon.href = "data:,";
  root.querySelector("head").append(icon);
  root.setAttribute("data-floor-check", checkId);
  root.setAttribute("data-floor-version", version);
  const script = document.createElement("script");
  script.src = "/floor.js";
  script.defer = true;
  root.querySelector("head").append(script);
  const stylesheets = [...root.querySelectorAll("link[rel=stylesheet]")].map((link) => new URL(link.href).pathname);
  return { html: `<!doctype html>\n${root.outerHTML}\n`, stylesheets };
}

/**
 * Writes the floor site for the checks: `check/<id>/baustein/<module>/index.html` for every Baustein (the static
 * server answers the module's address with it), the stylesheets those pages link, and floor.js. Each check's pages
 * are taken from its Checkwerk site (`check.server`, built into `check.folder`), unthrottled, in a fresh context.
 * Returns the saved run Checkwerk writes for one rating, for `checkSavedFormat`.
 */
export async function writeFloorSite({ browser, folder, checks, ratingsOf }) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  // One file, as before: the stored form's code in front of the floor's few lines.
  writeFileSync(
    join(folder, "floor.js"),
    readFileSync(join(here, "floor", "stored-form.js"), "utf8") + readFileSync(join(here, "floor", "floor.js"), "utf8"),
  );
  let checkwerkSaved = null;
  for (const check of checks) {
    const { catalog } = check;
    const ratings = ratingsOf(catalog);
    const engine = engines.checkwerk;
    const { context, page } = await openPage(browser, { throttle: 1, selector: fill(engine.radio, ratings[0][0]) });
    try {
      await navigate(page, check.server.origin + engine.url(catalog));
      for (const [index, module] of catalog.modules.entries()) {
        if (index > 0) await nextModule(page, "checkwerk", catalog, module, fill(engine.radio, ratings[index][0]));
        await settled(page);
        const { html, stylesheets } = await page.evaluate(staticCopy, { checkId: catalog.id, version: catalog.version });
        const pageFolder = join(folder, "check", catalog.id, "baustein", module.id);
        mkdirSync(pageFolder, { recursive: true });
        writeFileSync(join(pageFolder, "index.html"), html);
        for (const stylesheet of stylesheets) copyFileSync(join(check.folder, stylesheet), join(folder, stylesheet));
      }
      // One rating on the last page (after every copy was taken, so none shows it): Checkwerk's saved run.
      if (!checkwerkSaved) checkwerkSaved = await rateOneAndRead(page, engine, ratings.at(-1)[0]);
    } finally {
      await context.close();
    }
  }
  return checkwerkSaved;
}

/** Rates one item, waits until the engine saved it, and returns the saved value under the engine's prefix. */
async function rateOneAndRead(page, engine, rating) {
  await page.click(fill(engine.radio, rating));
  const handle = await page.waitForFunction(
    (prefix) => {
      for (let index = 0; index < localStorage.length; index++) {
        const key = localStorage.key(index);
        if (key.startsWith(prefix)) return localStorage.getItem(key);
      }
      return null;
    },
    engine.storagePrefix,
    { timeout: 30_000 },
  );
  return JSON.parse(await handle.jsonValue());
}

/** Checkwerk's stored form (`floor/stored-form.js`, the code the floor runs), for reading saved runs here. */
const storedForm = runInNewContext(
  `${readFileSync(join(dirname(fileURLToPath(import.meta.url)), "floor", "stored-form.js"), "utf8")}\nCheckwerkStoredForm`,
  { TextEncoder, TextDecoder },
);

/** A saved value as read: a stored run's packed text is unpacked into `run`, so its shape and answers can be seen. */
export function readableSaved(saved) {
  if (typeof saved?.packed !== "string") return saved;
  return { ...saved, run: storedForm.load(JSON.stringify(saved)) };
}

/** A JSON value's shape: its types and keys; the entries of a map keyed by item ids count as one, `*`. */
export function shapeOf(value, path = "") {
  if (Array.isArray(value)) return [`${path}: array`];
  if (value === null) return [`${path}: null`];
  if (typeof value !== "object") return [`${path}: ${typeof value}`];
  const keyedByItem = path.endsWith(".answers");
  const lines = [`${path}: object`];
  const seen = new Set();
  for (const [key, entry] of Object.entries(value)) {
    const shown = keyedByItem ? "*" : key;
    if (seen.has(shown)) continue;
    seen.add(shown);
    lines.push(...shapeOf(entry, `${path}.${shown}`));
  }
  return lines.sort();
}

/**
 * Rates one item on the floor and checks that its saved run has exactly the shape of Checkwerk's (the floor must
 * write what Checkwerk writes, or it would be measuring less); throws with the differences otherwise.
 */
export async function checkSavedFormat({ browser, floorServer, catalog, rating, checkwerkSaved }) {
  const engine = engines.floor;
  const { context, page } = await openPage(browser, { throttle: 1, selector: fill(engine.radio, rating) });
  try {
    await navigate(page, floorServer.origin + engine.url(catalog));
    const floorSaved = await rateOneAndRead(page, engine, rating);
    const ours = shapeOf(readableSaved(checkwerkSaved));
    const floors = shapeOf(readableSaved(floorSaved));
    const missing = ours.filter((line) => !floors.includes(line));
    const extra = floors.filter((line) => !ours.includes(line));
    if (missing.length || extra.length) {
      throw new Error(
        `the floor's saved run is not shaped like Checkwerk's (bench/floor/floor.js):\n` +
          `  Checkwerk has, the floor lacks: ${missing.join("; ") || "–"}\n  the floor has, Checkwerk lacks: ${extra.join("; ") || "–"}`,
      );
    }
  } finally {
    await context.close();
  }
}
