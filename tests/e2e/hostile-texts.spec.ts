// Content safety: the classic XSS payloads go through every text path – typed notes, measures, run name, company
// and free texts, an imported run file, the self-declaration's record, and a catalog a site serves – and every page
// is visited. No dialog may
// open, no injected element or handler may exist in the DOM, and only http(s) and mailto links may be rendered.
// The assertions are on the DOM, so they hold whether or not a Content-Security-Policy would also block a script.
import { test, expect, seedRuns } from "./fixtures";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { repoRoot, startHost } from "./hosting";
import { completeRun } from "./declaration-data";

// Each payload would set window.__xss if it ever ran, whatever blocked its alert.
const payloads = [
  `<script>window.__xss=1;alert(1)</script>`,
  `<img src=x onerror="window.__xss=2;alert(2)">`,
  `"><svg onload="window.__xss=3;alert(3)">`,
  `'><iframe src="javascript:window.__xss=4"></iframe>`,
  `[klick](javascript:window.__xss=5)`,
  `<a href="javascript:window.__xss=6">klick</a>`,
  `<details open ontoggle="window.__xss=7">`,
  `<style>body{display:none}</style>`,
  `javascript:window.__xss=8`,
  `[mail](JaVaScRiPt:window.__xss=9)`,
];
const all = payloads.join(" ");

/** Everything in the DOM that an injection would leave behind. */
async function injected(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith("on")) found.push(`${element.tagName} ${attribute.name}`);
        if (/^\s*(javascript|data|vbscript):/i.test(attribute.value) && ["href", "src", "action", "formaction", "xlink:href"].includes(attribute.name)) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
    }
    for (const selector of ["img[src='x']", "iframe", "details[ontoggle]", "body style", "svg[onload]", "object", "embed"]) {
      for (const element of Array.from(document.querySelectorAll(selector))) found.push(`${selector}: ${element.outerHTML.slice(0, 80)}`);
    }
    for (const script of Array.from(document.scripts)) if (!script.src) found.push(`inline script: ${script.textContent?.slice(0, 80)}`);
    for (const link of Array.from(document.querySelectorAll("a[href]"))) {
      const href = (link as HTMLAnchorElement).href;
      if (!/^(https?:|mailto:|blob:)/.test(href)) found.push(`link ${href}`);
    }
    if ((window as unknown as { __xss?: number }).__xss) found.push(`ran payload ${(window as unknown as { __xss?: number }).__xss}`);
    return found;
  });
}

const pages = ["", "/starthilfe", "/baustein/wirtschaftliche-vorteile", "/ergebnisse", "/massnahmen", "/staerken", "/selbsterklaerung", "/bericht", "/druckvorlage"];

async function visitEveryPage(page: Page, check: string, dialogs: string[]) {
  for (const suffix of pages) {
    await page.goto(`/check/${check}${suffix}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await injected(page), `${check}${suffix}`).toEqual([]);
  }
  await page.goto("/");
  expect(await injected(page), "home").toEqual([]);
  expect(dialogs).toEqual([]);
}

test("XSS payloads typed into every field stay text on every page", async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
  await app.rate(/Unsere Führungskräfte kennen die Gefährdungen/, "hoch");
  await page.getByRole("textbox", { name: "Notiz 1.1" }).fill(all);
  await page.getByRole("button", { name: "Maßnahme anlegen 1.1" }).click();
  await page.getByRole("textbox", { name: "Was ist zu tun?" }).fill(all);
  await page.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill(payloads[1]);
  await page.getByRole("textbox", { name: /Kontrolle/ }).fill(payloads[2]);
  await app.checkBox("Meine Ergebnisse");
  for (const box of await page.getByRole("textbox").all()) await box.fill(all);
  await app.checkBox("Kompass");
  await page.getByRole("textbox", { name: "Unternehmen" }).fill(payloads[0]);
  await page.getByRole("textbox", { name: "Unternehmen" }).press("Tab");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await runs.getByRole("button", { name: "Umbenennen" }).click();
  await runs.getByRole("textbox", { name: "Name des Durchlaufs" }).fill(payloads[2]);
  await runs.getByRole("button", { name: "Speichern" }).click();
  await expect(runs.getByRole("listitem")).toContainText(payloads[2]);
  await expect(app.saveStatus()).toContainText("Gespeichert");

  await visitEveryPage(page, "sicherheit-gesundheit", dialogs);
  // The texts are there, as text.
  await page.goto("/check/sicherheit-gesundheit/bericht");
  await expect(page.getByText(payloads[0]).first()).toBeVisible();
});

test("an imported run file crafted with XSS payloads stays text", async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const p = (index: number) => payloads[index % payloads.length];
  const run = {
    id: p(0),
    catalog_id: "sicherheit-gesundheit",
    name: p(1),
    company: p(2),
    answers: {
      "risiken-kennen": { choice: "hoch", note: all },
      notfaelle: { choice: p(3), note: p(4) },
      [p(5)]: { choice: p(6), priority: 1, note: p(7) },
    },
    starthilfe: { [p(8)]: p(9), "wirtschaftliche-vorteile": p(0) },
    free_texts: { handlungsbedarf: all, [p(1)]: p(2) },
    measures: [
      { id: p(3), title: all, item_ids: ["risiken-kennen", p(4)], urgency: "hoch", responsible: p(5), due: p(6), control: p(7), status: "offen" },
      { id: p(8), title: p(9), item_ids: [], responsible: "", due: "2026-13-45", control: "" },
    ],
  };
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-xss-"));
  writeFileSync(join(folder, "xss.json"), JSON.stringify({ format: "checkwerk-run", version: 1, run }));
  await page.goto("/check/sicherheit-gesundheit");
  await page.getByLabel("Durchlauf importieren").setInputFiles(join(folder, "xss.json"));
  await expect(page.getByRole("status").filter({ hasText: "importiert" })).toBeVisible();
  expect(await injected(page)).toEqual([]);
  // The answer to an unknown item is kept and listed as text, with its saved rating and note.
  await expect(page.getByRole("region", { name: /nicht mehr kennt/ })).toContainText(p(7));
  await visitEveryPage(page, "sicherheit-gesundheit", dialogs);
});

test("a catalog a site serves with XSS payloads in its texts stays text, with only safe links", async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const toml = (text: string) => JSON.stringify(text);
  let catalog = readFileSync(join(repoRoot, "catalogs", "sicherheit-gesundheit.toml"), "utf8")
    .replace('id = "sicherheit-gesundheit"', 'id = "xss-check"')
    .replace(/^title = ".*"$/m, `title = ${toml("XSS-Check " + payloads[0])}`);
  let index = 0;
  // Where the check comes from, and a declaration it supports, carry payloads too.
  catalog = catalog.replace("[[scales]]", `[[declarations]]\nid = "xss-zeichen"\ntitle = ${toml("Zeichen " + payloads[1])}\nevery_item_rated = true\nnot_relevant_is_rated = true\nmin_measures = 1\nvalidity_months = 24\nurl = "https://example.org/zeichen"\n\n[[scales]]`);
  catalog = catalog.replace(/^(statement|explanation|goal|result|question|label|hint|subtitle|structure|wording|licence) = "(.*)"$/gm, (_, key, text) => {
    index += 1;
    return `${key} = ${toml(text + " " + payloads[index % payloads.length])}`;
  });
  catalog = catalog.replace(/^orientation = """[\s\S]*?"""$/m, `orientation = ${toml(all + "\n\n[sicher](https://example.org) [mail](mailto:info@example.org)")}`);
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-xss-catalog-"));
  writeFileSync(join(folder, "xss.toml"), catalog);
  const host = await startHost(folder, { CHECKWERK_CORS: "1" });
  try {
    await seedRuns(page, [{ id: "r", catalog_id: "xss-check", name: "Lauf", answers: { "risiken-kennen": { choice: "hoch", note: all } } }]);
    await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/xss.toml`));
    await expect(page.getByRole("status").filter({ hasText: "Der Check dieser Seite ist geladen" })).toBeVisible();
    expect(await injected(page)).toEqual([]);
    // Remote catalogs live for one page load, so every page is opened by navigating inside the app.
    await page.getByRole("link", { name: /XSS-Check/ }).first().click();
    await expect(page.getByRole("link", { name: "sicher" })).toHaveAttribute("href", "https://example.org");
    await expect(page.getByRole("link", { name: "mail" })).toHaveAttribute("href", "mailto:info@example.org");
    for (const entry of ["Starthilfe", "Bausteine", "Meine Ergebnisse", "Meine Maßnahmen", "Unsere Stärken", "Selbsterklärung", "Bericht drucken", "Kompass"]) {
      await app.checkBox(entry);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      expect(await injected(page), entry).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  } finally {
    host.kill();
  }
});

test("a self-declaration with XSS payloads in the company, its date, what was signed and the comparison stays text", async ({ app, page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const run = completeRun();
  run.company = payloads[0];
  run.company_details = { address: all, size: payloads[1], sector: payloads[2] };
  run.measures = run.measures!.map((measure, index) => ({ ...measure, title: payloads[index % payloads.length], control: all }));
  run.declarations = {
    "om-zeichen-faire-lieferkette": { date: "2026-12-01", signed: { date: payloads[3], fingerprint: payloads[4] } },
    [payloads[5]]: { date: payloads[6] },
    "om-zeichen-nachhaltigkeit": { date: payloads[7] },
  };
  await seedRuns(page, [run]);
  for (const path of ["/check/faire-lieferkette/selbsterklaerung", "/check/faire-lieferkette/selbsterklaerung/erklaerung", "/erklaerung/om-zeichen-nachhaltigkeit", "/erklaerung/om-zeichen-nachhaltigkeit/erklaerung", "/"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    expect(await injected(page), path).toEqual([]);
  }
  await page.goto("/check/faire-lieferkette/selbsterklaerung/erklaerung");
  await expect(page.getByText("Dieser Stand ist nicht mehr der unterschriebene.")).toBeVisible();
  await page.getByRole("textbox", { name: "Branche" }).fill(all);
  await page.getByRole("textbox", { name: "Fingerabdruck vom Papier vergleichen" }).fill(all);
  await expect(page.getByText("Stimmt nicht überein")).toBeVisible();
  await expect(page.locator(".record-facts")).toContainText(payloads[2]);
  expect(await injected(page)).toEqual([]);
  await page.emulateMedia({ media: "print" });
  expect(await injected(page)).toEqual([]);
  expect(dialogs).toEqual([]);
});
