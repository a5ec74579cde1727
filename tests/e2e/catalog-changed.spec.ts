// A catalog that changed since the answers were given – items renamed or removed, a rating the scale no longer has –
// never silently drops an answer: the Kompass lists what it kept, with the saved rating and note, every save keeps
// it, and the export contains it.
import { test, expect, seedRuns, readDownload, screenshotTag, storedRun } from "./fixtures";

test("answers the catalog no longer knows are kept, listed with rating and note, saved and exported", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [{
    id: "alt",
    catalog_id: "sicherheit-gesundheit",
    name: "Fassung 2023",
    answers: {
      "gefaehrdungen-alt": { choice: "hoch", priority: 1, note: "Lager prüfen" },
      "entfallen": { note: "nur eine Notiz" },
      notfaelle: { choice: "sehr-hoch", note: "alte Skala" },
      "risiken-kennen": { choice: "mittel" },
    },
  }]);
  await page.goto("/check/sicherheit-gesundheit");
  const kept = page.getByRole("region", { name: "Antworten zu Check-Punkten, die diese Fassung nicht mehr kennt" });
  await expect(kept.getByRole("listitem")).toHaveCount(3);
  await expect(kept.getByRole("listitem").filter({ hasText: "gefaehrdungen-alt" })).toContainText("hoch, Priorität 1 – Lager prüfen");
  await expect(kept.getByRole("listitem").filter({ hasText: "entfallen" })).toContainText("ohne Bewertung – nur eine Notiz");
  await expect(kept.getByRole("listitem").filter({ hasText: "1.3 Wir sind auf Unfälle und Notfälle vorbereitet." })).toContainText("sehr-hoch – alte Skala");
  await expect(kept).toContainText("im Export enthalten");

  // Working on the run keeps them.
  await app.checkBox("Bausteine");
  await app.rate(/Wenn wir Arbeitsmittel und Arbeitsstoffe beschaffen/, "niedrig");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  const saved = await storedRun(page, "alt");
  expect(saved.answers["gefaehrdungen-alt"]).toMatchObject({ choice: "hoch", priority: 1, note: "Lager prüfen" });
  expect(saved.answers["entfallen"].note).toBe("nur eine Notiz");
  expect(saved.answers["notfaelle"].choice).toBe("sehr-hoch");

  // And the export holds them.
  const exported = await readDownload(page, () => page.getByRole("button", { name: "Exportieren" }).first().click());
  const file = JSON.parse(exported.text);
  expect(Object.keys(file.run.answers).sort()).toEqual(["beschaffung", "entfallen", "gefaehrdungen-alt", "notfaelle", "risiken-kennen"]);
  await app.checkBox("Kompass");
  await app.expectAccessible("the kept answers");
  await app.screenshot("behaltene-antworten.png");
});
