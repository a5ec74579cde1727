import { test, expect, seedRuns, readDownload } from "./fixtures";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

test("runs: start, rename, copy for a re-assessment, delete with undo", async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
  await app.rate(/Unsere Führungskräfte kennen die Gefährdungen/, "hoch");
  await app.checkBox("Kompass");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await expect(runs.getByRole("listitem")).toHaveCount(1);
  await expect(runs.getByRole("listitem")).toContainText("1 von 13 bewertet");

  await runs.getByRole("button", { name: "Umbenennen" }).click();
  await runs.getByRole("textbox", { name: "Name des Durchlaufs" }).fill("Standort Köln 2026");
  await runs.getByRole("button", { name: "Speichern" }).click();
  await expect(runs.getByRole("listitem")).toContainText("Standort Köln 2026");
  await expect(page.locator(".run-bar")).toContainText("Standort Köln 2026");

  await runs.getByRole("button", { name: "Kopie für neue Bewertung" }).click();
  await expect(runs.getByRole("listitem")).toHaveCount(2);
  const copy = runs.getByRole("listitem").filter({ hasText: "Neubewertung" });
  await expect(copy).toContainText("in Bearbeitung");
  await expect(copy).toContainText("1 von 13 bewertet");

  // The copy is independent of the original.
  await app.checkBox("Bausteine");
  await app.rate(/Wenn wir Arbeitsmittel und Arbeitsstoffe beschaffen/, "mittel");
  await app.checkBox("Kompass");
  await expect(copy).toContainText("2 von 13 bewertet");
  const original = runs.getByRole("listitem").filter({ hasText: "Standort Köln 2026" }).filter({ hasNotText: "Neubewertung" });
  await expect(original).toContainText("1 von 13 bewertet");

  await original.getByRole("button", { name: "Löschen" }).click();
  await expect(runs.getByRole("listitem")).toHaveCount(1);
  await expect(page.getByRole("status").filter({ hasText: "gelöscht" })).toContainText("„Standort Köln 2026“ gelöscht");
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(runs.getByRole("listitem")).toHaveCount(2);
  await page.reload();
  await expect(runs.getByRole("listitem")).toHaveCount(2);

  await runs.getByRole("button", { name: "Neuen Durchlauf beginnen" }).click();
  await expect(runs.getByRole("listitem")).toHaveCount(3);
  await app.expectAccessible("runs");
});

test("export a run and import it in another browser: the same results come back", async ({ app, page, browser }) => {
  await seedRuns(page, [{
    id: "r-export",
    catalog_id: "sicherheit-gesundheit",
    name: "Werk Süd",
    company: "Muster GmbH",
    answers: {
      "risiken-kennen": { choice: "hoch", note: "Lager" },
      notfaelle: { choice: "niedrig" },
      arbeitszeit: { choice: "mittel" },
    },
    measures: [{ id: "m1", title: "Notfallplan aushängen", item_ids: ["notfaelle"], urgency: "mittel", responsible: "Herr Ott", due: "2027-02-01", control: "Begehung", status: "offen" }],
  }]);
  await page.goto("/check/sicherheit-gesundheit/ergebnisse");
  const resultsBefore = await page.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" }).getByRole("table").innerText();

  // The export button is on every page of the check, not hidden in a menu.
  const exported = await readDownload(page, () => page.getByRole("button", { name: "Exportieren" }).first().click());
  expect(exported.name).toBe("checkwerk-sicherheit-gesundheit-werk-sued.json");
  const file = JSON.parse(exported.text);
  expect(file.format).toBe("checkwerk-run");
  expect(file.run.answers["risiken-kennen"].note).toBe("Lager");

  const folder = mkdtempSync(join(tmpdir(), "checkwerk-"));
  const path = join(folder, exported.name);
  writeFileSync(path, exported.text);

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/check/sicherheit-gesundheit");
  await otherPage.getByLabel("Durchlauf importieren").setInputFiles(path);
  await expect(otherPage.getByRole("status").filter({ hasText: "importiert" })).toContainText("„Werk Süd“ importiert");
  await otherPage.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Ergebnisse" }).click();
  const resultsAfter = await otherPage.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" }).getByRole("table").innerText();
  expect(resultsAfter).toBe(resultsBefore);
  await otherPage.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Maßnahmen" }).click();
  await expect(otherPage.getByRole("button", { name: /bearbeiten:/ })).toHaveText(["Notfallplan aushängen"]);

  // A file that is not a run is refused with a German message and changes nothing.
  const junk = join(folder, "junk.json");
  writeFileSync(junk, '{"todos": [1, 2, 3]}');
  await otherPage.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Kompass" }).click();
  await otherPage.getByLabel("Durchlauf importieren").setInputFiles(junk);
  await expect(otherPage.getByRole("status").filter({ hasText: "Nichts wurde geändert" })).toBeVisible();
  await expect(otherPage.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(1);
  await other.close();
});
