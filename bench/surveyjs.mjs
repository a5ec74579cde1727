// The SurveyJS side of the bench: our catalogs' JSON (what crates/web/build.rs embeds) converted to SurveyJS JSON,
// and a plain static page that renders it from the npm packages' prebuilt browser bundles.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const nodeModules = join(here, "node_modules");

/** The files a SurveyJS page loads, from node_modules: core, UI, and the default theme without web fonts. */
export const surveyJsFiles = {
  "survey.core.min.js": "survey-core/survey.core.min.js",
  "survey-js-ui.min.js": "survey-js-ui/survey-js-ui.min.js",
  // The default theme loads Open Sans from fonts.gstatic.com; the fontless build is the same CSS without that,
  // as a site self-hosting its fonts (or behind our Content-Security-Policy) would use it.
  "survey-core.fontless.min.css": "survey-core/survey-core.fontless.min.css",
};

/** The versions of the SurveyJS packages installed, as package-lock.json pins them. */
export function surveyJsVersions() {
  const version = (name) => JSON.parse(readFileSync(join(nodeModules, name, "package.json"), "utf8")).version;
  return { "survey-core": version("survey-core"), "survey-js-ui": version("survey-js-ui") };
}

/** The scale of an item: its own, else its module's, else the catalog's first (as the core's `scale_for`). */
function scaleFor(catalog, module, item) {
  const id = item.scale ?? module.scale;
  return id === undefined ? catalog.scales[0] : catalog.scales.find((scale) => scale.id === id);
}

/** Explanation and examples as SurveyJS shows a description: plain text under the title. */
function description(item) {
  const parts = [];
  if (item.explanation) parts.push(item.explanation);
  if (item.examples?.length) parts.push(`Beispiele: ${item.examples.join("; ")}`);
  return parts.join("\n");
}

/**
 * One check as a SurveyJS survey: a page per Baustein, a radio group per item with the scale's levels and its
 * "nicht relevant" choice, a comment box per item for the note (as Checkwerk's item card has), and the priority
 * as a second radio group where the scale has one.
 */
export function toSurveyJs(catalog) {
  return {
    title: catalog.title,
    description: catalog.subtitle ?? "",
    showQuestionNumbers: "off",
    checkErrorsMode: "onComplete",
    pages: catalog.modules.map((module) => ({
      name: module.id,
      title: `${module.number} ${module.title}`,
      description: module.goal ?? "",
      elements: module.items.flatMap((item) => {
        const scale = scaleFor(catalog, module, item);
        const choices = scale.levels.map((level) => ({ value: level.key, text: level.label }));
        if (scale.not_relevant) choices.push({ value: scale.not_relevant.key, text: scale.not_relevant.label });
        const rating = {
          type: "radiogroup",
          name: item.id,
          title: `${item.number} ${item.statement}`,
          description: description(item),
          choices,
          colCount: 0,
          showCommentArea: true,
          commentText: "Notiz",
        };
        if (!scale.priority) return [rating];
        const priority = {
          type: "radiogroup",
          name: `${item.id}.priority`,
          title: scale.priority.label,
          choices: scale.priority.levels.map((level) => ({ value: level.value, text: level.label })),
          colCount: 0,
        };
        return [rating, priority];
      }),
    })),
  };
}

/** Writes the SurveyJS site: the bundles, the page script, and per check `<id>.survey.js` and `<id>.html`. */
export function writeSurveyJsSite(folder, catalogs) {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  for (const [name, source] of Object.entries(surveyJsFiles)) copyFileSync(join(nodeModules, source), join(folder, name));
  copyFileSync(join(here, "surveyjs", "app.js"), join(folder, "app.js"));
  for (const catalog of catalogs) {
    const survey = toSurveyJs(catalog);
    // A script rather than a fetched .json: it loads in parallel with the bundles, and the page's
    // Content-Security-Policy (tests/static-server.mjs) allows scripts from the site itself only.
    writeFileSync(
      join(folder, `${catalog.id}.survey.js`),
      `window.checkwerkSurvey=${JSON.stringify({ checkId: catalog.id, survey })};\n`,
    );
    writeFileSync(join(folder, `${catalog.id}.html`), page(catalog));
  }
}

const escapeHtml = (text) => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

function page(catalog) {
  return `<!doctype html>
<html lang="${escapeHtml(catalog.language ?? "de")}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${escapeHtml(catalog.title)} – SurveyJS</title>
  <link rel="icon" href="data:,">
  <link rel="stylesheet" href="survey-core.fontless.min.css">
  <script src="survey.core.min.js" defer></script>
  <script src="survey-js-ui.min.js" defer></script>
  <script src="${escapeHtml(catalog.id)}.survey.js" defer></script>
  <script src="app.js" defer></script>
</head>
<body>
  <div id="survey"></div>
</body>
</html>
`;
}
