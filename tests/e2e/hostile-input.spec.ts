// Hostile files: run imports and remote catalogs that are malformed, huge, deeply nested, of wrong types, with
// duplicate ids or crafted to break the page. Each gets a clear German message and changes no stored data; the page
// stays responsive throughout (the deep ones prove serde_json's recursion limit holds in wasm, without a stack
// overflow).
import { test, expect, seedRuns } from "./fixtures";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { repoRoot, startHost } from "./hosting";

const runFile = (run: unknown, version: unknown = 1) => JSON.stringify({ format: "checkwerk-run", version, run });
const nested = (open: string, middle: string, close: string, depth: number) => open.repeat(depth) + middle + close.repeat(depth);

async function stored(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage[key] as string])));
}

/** Files that must be refused, with the German words the message must contain. */
const refusedRuns: Array<[string, string | Buffer, string]> = [
  ["leer.json", "", "kein lesbarer Checkwerk-Durchlauf"],
  ["abgeschnitten.json", '{"format":"checkwerk-run","version":1,"run":{"id":"x","cat', "kein lesbarer Checkwerk-Durchlauf"],
  ["binär.json", Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x80, 0x90]), "kein lesbarer Checkwerk-Durchlauf"],
  ["fremd.json", '{"todos":[1,2,3]}', "kein lesbarer Checkwerk-Durchlauf"],
  ["zukunft.json", runFile({ id: "z", catalog_id: "sicherheit-gesundheit" }, 5), "neueren Checkwerk-Version"],
  ["tief-listen.json", nested("[", "1", "]", 200_000), "kein lesbarer Checkwerk-Durchlauf"],
  ["tief-objekte.json", nested('{"a":', "1", "}", 200_000), "kein lesbarer Checkwerk-Durchlauf"],
  ["tief-im-lauf.json", runFile({ id: "t", catalog_id: "sicherheit-gesundheit", name: JSON.parse("1") }).replace('"name":1', `"name":${nested("[", "1", "]", 50_000)}`), "kein lesbarer Checkwerk-Durchlauf"],
  ["falsche-typen.json", runFile({ id: 5, catalog_id: ["sicherheit-gesundheit"], answers: "alle" }), "kein lesbarer Checkwerk-Durchlauf"],
  ["prioritaet.json", runFile({ id: "p", catalog_id: "sicherheit-gesundheit", answers: { notfaelle: { priority: 100000 } } }), "kein lesbarer Checkwerk-Durchlauf"],
  ["massnahmen-objekt.json", runFile({ id: "m", catalog_id: "sicherheit-gesundheit", measures: { m1: "x" } }), "kein lesbarer Checkwerk-Durchlauf"],
  ["unbekannter-check.json", runFile({ id: "u", catalog_id: "gibt-es-nicht" }), "den diese Seite nicht anbietet"],
  ["6000-antworten.json", runFile({ id: "a", catalog_id: "sicherheit-gesundheit", answers: Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`punkt-${i}`, { choice: "hoch", note: "x" }])) }), "weit mehr"],
  ["600-massnahmen.json", runFile({ id: "m", catalog_id: "sicherheit-gesundheit", measures: Array.from({ length: 600 }, (_, i) => ({ id: `m${i}`, title: "Maßnahme" })) }), "weit mehr"],
  ["riesiger-name.json", runFile({ id: "n", catalog_id: "sicherheit-gesundheit", name: "N".repeat(200_000) }), "weit mehr"],
  ["11-mb.json", runFile({ id: "g", catalog_id: "sicherheit-gesundheit", name: "x", answers: { notfaelle: { note: "ä".repeat(6 * 1024 * 1024) } } }), "weit mehr"],
  ["33-mb.json", runFile({ id: "g", catalog_id: "sicherheit-gesundheit", name: "x".repeat(33 * 1024 * 1024) }), "zu groß"],
  ["sicherung-kaputt.json", JSON.stringify({ format: "checkwerk-backup", version: 1, entries: { "checkwerk.run.a": "{kaputt", "checkwerk.run.b": 7 } }), "kein lesbarer Checkwerk-Durchlauf"],
];

test("hostile run files are refused in German and change nothing", async ({ app, page }) => {
  await seedRuns(page, [{ id: "bestand", catalog_id: "sicherheit-gesundheit", name: "Bestand", answers: { notfaelle: { choice: "hoch", note: "wichtig" } } }]);
  await page.goto("/check/sicherheit-gesundheit");
  const before = await stored(page);
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-hostile-"));
  for (const [name, content, message] of refusedRuns) {
    writeFileSync(join(folder, name), content);
    await page.getByLabel("Durchlauf importieren").setInputFiles(join(folder, name));
    await expect(page.getByRole("status").filter({ hasText: message }), name).toBeVisible();
    await page.getByRole("button", { name: "Schließen" }).click();
    await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem"), name).toHaveCount(1);
    expect(await stored(page), name).toEqual(before);
  }

  // Odd but valid files load: repeated measure ids get distinct ids, a byte order mark is ignored.
  writeFileSync(join(folder, "doppelt.json"), "\ufeff" + runFile({
    id: "doppelt",
    catalog_id: "sicherheit-gesundheit",
    name: "Doppelte Kennungen",
    measures: [{ id: "m", title: "Erste" }, { id: "m", title: "Zweite" }],
  }));
  await page.getByLabel("Durchlauf importieren").setInputFiles(join(folder, "doppelt.json"));
  await expect(page.getByRole("status").filter({ hasText: "„Doppelte Kennungen“ importiert" })).toBeVisible();
  await app.checkBox("Meine Maßnahmen");
  await expect(page.getByRole("button", { name: /bearbeiten:/ })).toHaveText(["Erste", "Zweite"]);
  const after = await stored(page);
  expect(after["checkwerk.run.bestand"]).toBe(before["checkwerk.run.bestand"]);
  console.log(`${refusedRuns.length} hostile run files refused, 1 odd file imported`);
});

test("hostile remote catalogs are refused with their problems, and the page and its data stay intact", async ({ app, page }) => {
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-hostile-catalogs-"));
  const valid = readFileSync(join(repoRoot, "catalogs", "sicherheit-gesundheit.toml"), "utf8").replace('id = "sicherheit-gesundheit"', 'id = "feindlich"');
  const firstItem = valid.indexOf("[[modules.items]]");
  const catalogs: Array<[string, string]> = [
    ["tief.toml", `x = ${nested("[", "1", "]", 100_000)}`],
    ["tief-tabellen.toml", `x = ${nested("{ a = ", "1", " }", 100_000)}`],
    ["tief.json", nested('{"a":', "1", "}", 100_000)],
    ["riesig.toml", valid + `\nextra = "${"a".repeat(10 * 1024 * 1024)}"\n`],
    ["kaputt.toml", valid.slice(0, valid.length / 2) + "[[[=\n"],
    ["falsche-typen.json", JSON.stringify({ format_version: "eins", id: 5, modules: "keine" })],
    ["doppelte-punkte.toml", valid.slice(0, firstItem) + valid.slice(firstItem, valid.indexOf("[[modules.items]]", firstItem + 1)).repeat(2) + valid.slice(valid.indexOf("[[modules.items]]", firstItem + 1))],
    ["javascript-link.toml", valid.replace('id = "notfaelle"\n', 'id = "notfaelle"\nlinks = [{ label = "klick", url = "javascript:alert(1)" }]\n')],
  ];
  for (const [name, text] of catalogs) writeFileSync(join(folder, name), text);
  const host = await startHost(folder, { CHECKWERK_CORS: "1" });
  try {
    await seedRuns(page, [{ id: "bestand", catalog_id: "sicherheit-gesundheit", name: "Bestand", answers: { notfaelle: { choice: "hoch" } } }]);
    await page.goto("/");
    // Once the app is up: it has placed the seeded run (saved before companies existed) in a company and stored it
    // anew, which is the state every hostile catalog below must leave as it is.
    await expect(page.getByRole("article", { name: /Sicherheit und Gesundheit/ })).toBeVisible();
    const before = await stored(page);
    expect(Object.keys(before).some((key) => key.startsWith("checkwerk.company."))).toBe(true);
    for (const [name] of catalogs) {
      await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/${name}`));
      const alert = page.getByRole("alert").filter({ hasText: "Der Check dieser Seite ist fehlerhaft" });
      await expect(alert, name).toBeVisible();
      await expect(alert.getByRole("listitem").first(), name).not.toBeEmpty();
      await expect(page.getByRole("article", { name: /Sicherheit und Gesundheit/ }), name).toBeVisible();
      expect(await stored(page), name).toEqual(before);
    }
    // The page still works: the existing run opens with its answer.
    await page.getByRole("article", { name: /Sicherheit und Gesundheit/ }).getByRole("link", { name: /Check fortsetzen/ }).click();
    await app.checkBox("Bausteine");
    await expect(app.rating(/Wir sind auf Unfälle und Notfälle vorbereitet/).getByRole("radio", { name: "hoch" })).toBeChecked();
    console.log(`${catalogs.length} hostile remote catalogs refused`);
  } finally {
    host.kill();
  }
});
