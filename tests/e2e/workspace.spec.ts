// An adviser with several client companies: the workspace lists them with their checks, progress, latest index
// and open and overdue measures (values checked), finds and sorts them, creates one, and moves one company – all
// its runs of all checks – to a fresh browser profile as one file, where importing it again recognises it.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, seedRuns, readDownload, screenshotTag } from "./fixtures";
import { openProfile } from "./profiles";

const day = 86_400_000;
const lastYear = Date.UTC(2025, 2, 3);
const thisYear = Date.UTC(2026, 2, 3);

const schmidt = [
  {
    id: "schmidt-2025",
    catalog_id: "sicherheit-gesundheit",
    name: "Backstube 2025",
    company: "Bäckerei Schmidt",
    created_at: lastYear,
    updated_at: lastYear + day,
    answers: { "risiken-kennen": { choice: "hoch", note: "Ofen" }, beschaffung: { choice: "mittel" } },
    measures: [{ id: "m1", title: "Ofen prüfen lassen", status: "erledigt", control: "Prüfbericht" }],
  },
  {
    id: "schmidt-2026",
    catalog_id: "sicherheit-gesundheit",
    name: "Backstube 2026",
    company: "Bäckerei Schmidt",
    created_at: thisYear,
    updated_at: thisYear + day,
    // 100, 50, 0 → 50
    answers: { "risiken-kennen": { choice: "hoch" }, beschaffung: { choice: "mittel" }, notfaelle: { choice: "niedrig" } },
    measures: [
      { id: "m2", title: "Fluchtweg freiräumen", due: "2020-01-31", status: "offen" },
      { id: "m3", title: "Unterweisung Teigmaschine", due: "2099-12-31", status: "in-arbeit" },
    ],
  },
  {
    id: "schmidt-energie",
    catalog_id: "energie-sparen",
    name: "Energie 2026",
    company: "Bäckerei Schmidt",
    created_at: thisYear,
    updated_at: thisYear + 2 * day,
    answers: { gebaeudenutzung: { choice: "nein", priority: 1 } },
  },
];
// Autohaus Kraus signed its part of the OM-Zeichen Nachhaltigkeit six months ago: valid for 24 months from then.
const signedOn = new Date();
signedOn.setDate(1);
signedOn.setMonth(signedOn.getMonth() - 6);
const iso = (date: Date) => `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
const validUntil = new Date(signedOn);
validUntil.setFullYear(validUntil.getFullYear() + 2);
const validUntilGerman = `01.${String(validUntil.getMonth() + 1).padStart(2, "0")}.${validUntil.getFullYear()}`;
const kraus = {
  id: "kraus-umwelt",
  catalog_id: "umweltschutz",
  name: "Werkstatt 2026",
  company: "Autohaus Kraus",
  created_at: thisYear,
  updated_at: thisYear + 3 * day,
  answers: { "kosten-senken": { choice: "mittel" } },
  declarations: { "om-zeichen-nachhaltigkeit": { date: iso(signedOn), signed: { date: iso(signedOn), fingerprint: "0".repeat(64) } } },
};

test("the workspace lists every company with its checks, finds, sorts and adds companies", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [...schmidt, kraus]);
  await page.goto("/");
  await page.getByRole("link", { name: "Mehrere Betriebe begleiten? Zum Arbeitsbereich" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betriebe");
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(2);
  // Sorted by name: Autohaus before Bäckerei.
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText([/Autohaus Kraus/, /Bäckerei Schmidt/]);
  const schmidtCard = page.getByRole("article", { name: /Bäckerei Schmidt/ });
  await expect(schmidtCard).toContainText("3 Durchläufe · 2 offene Maßnahmen (1 überfällig)");
  await expect(schmidtCard.getByRole("listitem").filter({ hasText: "Sicherheit und Gesundheit" })).toContainText("3 von 13 bewertet · Index 50 · 2 offen, 1 überfällig");
  await expect(schmidtCard.getByRole("listitem").filter({ hasText: "Energie" })).toContainText("1 von 12 bewertet · Index 100 · keine offenen Maßnahmen");
  const krausCheck = page.getByRole("article", { name: /Autohaus Kraus/ }).getByRole("listitem");
  await expect(krausCheck).toContainText("1 von 55 bewertet · Index 50");
  // Its self-declaration and when it runs out; Bäckerei Schmidt's checks have none.
  await expect(krausCheck).toContainText(`OM-Zeichen Nachhaltigkeit: erklärt, gültig bis ${validUntilGerman}`);
  await expect(schmidtCard).not.toContainText("Selbsterklärung");
  await expect(page.getByText(/Belegt: \d+ KB von etwa 10,0 MB \(0 %\)/)).toBeVisible();

  await page.getByRole("combobox", { name: "Sortieren nach" }).selectOption({ label: "überfällige Maßnahmen" });
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText([/Bäckerei Schmidt/, /Autohaus Kraus/]);
  await page.getByRole("combobox", { name: "Sortieren nach" }).selectOption({ label: "Ablauf der Selbsterklärung" });
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText([/Autohaus Kraus/, /Bäckerei Schmidt/]);
  await page.getByRole("combobox", { name: "Sortieren nach" }).selectOption({ label: "überfällige Maßnahmen" });
  await page.getByRole("searchbox", { name: "Betriebe durchsuchen" }).fill("kraus");
  await expect(cards).toHaveCount(1);
  await page.getByRole("searchbox", { name: "Betriebe durchsuchen" }).fill("");

  // A new company: its form opens with the name focused, and typing does not move the card.
  await page.getByRole("button", { name: "Neuer Betrieb" }).click();
  await expect(cards).toHaveCount(3);
  const name = page.getByRole("textbox", { name: "Name des Betriebs" });
  await expect(name).toBeFocused();
  await page.keyboard.type("Zimmerei Alt");
  await expect(name).toBeFocused();
  await page.getByRole("textbox", { name: "Standort" }).fill("Bonn");
  await page.getByRole("button", { name: "Fertig: Zimmerei Alt" }).click();
  await page.getByRole("combobox", { name: "Sortieren nach" }).selectOption({ label: "Name" });
  await expect(cards.getByRole("heading", { level: 2 })).toHaveText([/Autohaus Kraus/, /Bäckerei Schmidt/, /Zimmerei Alt/]);
  await expect(page.getByRole("article", { name: /Zimmerei Alt/ })).toContainText("Bonn");
  await app.expectAccessible("the workspace");
  await app.screenshot("betriebe.png");
  // On a phone the cards fit the screen.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await app.screenshot("betriebe-telefon.png");
  await page.setViewportSize({ width: 1280, height: 720 });

  // Working on a company: its checks and runs are the ones the check pages show.
  await page.getByRole("button", { name: "Bearbeiten: Bäckerei Schmidt" }).click();
  await expect(page.getByText("Betrieb: Bäckerei Schmidt")).toBeVisible();
  await expect(page.getByRole("article", { name: /Sicherheit und Gesundheit/ })).toContainText("2 Durchläufe gespeichert");
  await page.getByRole("article", { name: /Check „Betrieblicher Umweltschutz“/ }).getByRole("link").click();
  await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(0);

  // Deleting a company takes its runs along, and undo brings all back.
  await page.goto("/betriebe");
  await page.getByRole("button", { name: "Löschen: Autohaus Kraus" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gelöscht" })).toContainText("Betrieb „Autohaus Kraus“ mit 1 Durchlauf gelöscht.");
  await expect(cards).toHaveCount(2);
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(cards).toHaveCount(3);
  await page.reload();
  await expect(cards).toHaveCount(3);
  await expect(page.getByRole("article", { name: /Autohaus Kraus/ }).getByRole("listitem")).toContainText("1 von 55 bewertet");
});

test("one company's file restores every run in a fresh browser profile, and importing it again adds nothing", async ({ app, page, baseURL }) => {
  await seedRuns(page, [...schmidt, kraus]);
  await page.goto("/betriebe");
  const exported = await readDownload(page, () => page.getByRole("button", { name: "Exportieren: Bäckerei Schmidt" }).click());
  expect(exported.name).toMatch(/^checkwerk-betrieb-baeckerei-schmidt-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(exported.text);
  expect(file.format).toBe("checkwerk-betriebe");
  expect(file.companies.map((company: { name: string }) => company.name)).toEqual(["Bäckerei Schmidt"]);
  expect(file.runs.map((run: { id: string }) => run.id).sort()).toEqual(["schmidt-2025", "schmidt-2026", "schmidt-energie"]);
  const all = await readDownload(page, () => page.getByRole("button", { name: "Alle Betriebe exportieren" }).click());
  expect(JSON.parse(all.text).runs).toHaveLength(4);

  const path = join(mkdtempSync(join(tmpdir(), "checkwerk-betrieb-")), exported.name);
  writeFileSync(path, exported.text);
  // The adviser's other device: a browser profile of its own.
  const laptop = await openProfile("laptop", baseURL!);
  try {
    const other = laptop.page;
    await other.goto("/betriebe");
    await expect(other.getByText("Noch kein Betrieb")).toBeVisible();
    await other.getByLabel("Datei importieren").setInputFiles(path);
    await expect(other.getByRole("status").filter({ hasText: "importiert" })).toContainText("3 Durchläufe importiert: 3 neu, 0 ergänzt, 0 schon vorhanden.");
    const card = other.getByRole("article", { name: /Bäckerei Schmidt/ });
    await expect(card).toContainText("3 Durchläufe · 2 offene Maßnahmen (1 überfällig)");
    await expect(card.getByRole("listitem").filter({ hasText: "Sicherheit und Gesundheit" })).toContainText("3 von 13 bewertet · Index 50 · 2 offen, 1 überfällig");

    // Every run came whole: exported again from there, the company and its runs are what left the first browser.
    const back = JSON.parse((await readDownload(other, () => other.getByRole("button", { name: "Alle Betriebe exportieren" }).click())).text);
    const byId = (list: Array<{ id: string }>) => [...list].sort((a, b) => a.id.localeCompare(b.id));
    expect(byId(back.companies)).toEqual(byId(file.companies));
    expect(byId(back.runs)).toEqual(byId(file.runs));
    // And the pages show them: a note, the summary with the company's name.
    await other.goto("/check/sicherheit-gesundheit");
    const runs = other.getByRole("region", { name: "Ihre Durchläufe" });
    await expect(runs.getByRole("listitem")).toHaveCount(2);
    await runs.getByRole("listitem").filter({ hasText: "Backstube 2025" }).getByRole("button", { name: "Weiterbearbeiten" }).click();
    await other.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
    await expect(other.getByRole("textbox", { name: "Notiz 1.1" })).toHaveValue("Ofen");
    await other.goto("/check/energie-sparen/ergebnisse");
    await expect(other.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" })).toContainText("Bäckerei Schmidt");

    // The same file again: recognised, nothing doubled.
    await other.goto("/betriebe");
    await other.getByLabel("Datei importieren").setInputFiles(path);
    await expect(other.getByRole("status").filter({ hasText: "importiert" })).toContainText("0 neu, 0 ergänzt, 3 schon vorhanden");
    await expect(other.getByRole("article")).toHaveCount(1);
    await expect(other.getByRole("article", { name: /Bäckerei Schmidt/ })).toContainText("3 Durchläufe");
    expect(laptop.problems).toEqual([]);
  } finally {
    await laptop.close();
  }
  await app.expectAccessible("the workspace after an export");
});

test("before the browser's storage is full every page warns and says what to do; deleting a company makes room", async ({ app, page }) => {
  await seedRuns(page, [...schmidt, kraus]);
  await page.goto("/betriebe");
  await expect(page.getByRole("article")).toHaveCount(2);
  const warning = page.getByRole("status").filter({ hasText: "Der Speicher dieses Browsers ist zu" });
  await expect(warning).toHaveCount(0);
  // Chromium keeps 5 Mi UTF-16 code units per site (crates/core/tests/storage_size.rs); the app warns from 80 %.
  // Something else of this site fills it to just past the mark, by less than Bäckerei Schmidt's runs take.
  await page.evaluate(() => {
    let used = 0;
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index)!;
      used += key.length + localStorage.getItem(key)!.length;
    }
    const key = "andere-anwendung";
    localStorage.setItem(key, "x".repeat(Math.ceil(0.8 * 5 * 1024 * 1024) - used - key.length + 200));
  });
  await page.goto("/check/sicherheit-gesundheit");
  await expect(warning).toContainText("Der Speicher dieses Browsers ist zu 80 % belegt.");
  await expect(warning).toContainText("Exportieren Sie Betriebe, die Sie gerade nicht brauchen, und löschen Sie sie hier");
  await warning.getByRole("link", { name: "Betriebe" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Betriebe");
  await expect(page.getByText("Belegt: 8,0 MB von etwa 10,0 MB (80 %)")).toBeVisible();
  await app.expectAccessible("the workspace with the storage warning");

  await page.getByRole("button", { name: "Löschen: Bäckerei Schmidt" }).click();
  await expect(page.getByRole("status").filter({ hasText: "gelöscht" })).toBeVisible();
  await expect(warning).toHaveCount(0);
  await expect(page.getByText("Belegt: 7,9 MB von etwa 10,0 MB (79 %)")).toBeVisible();
});
