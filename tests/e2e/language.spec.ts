import { test, expect, seedRuns } from "./fixtures";

test("German by default, English by choice, and the choice is remembered", async ({ app, page }) => {
  await app.openHome();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Checkwerk – Selbst-Checks für den Mittelstand");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a check");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveTitle("Checkwerk – Self-assessment checks for SMEs");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a check");
  await page.goto("/no/such/page");
  await expect(page).toHaveTitle("Page not found – Checkwerk");
});

// Defect 8 of issue 16: with English chosen, a check whose catalog has no English text mixed the languages
// ("hoch mittel niedrig not relevant open") and its page titles stayed German. One language per screen: the check
// stays German as a whole, one line in English says so, and the page title follows the screen.
test("a check that exists only in German is shown in German as a whole, and one English line says so", async ({ page }) => {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "energie-sparen",
    answers: { gebaeudenutzung: { choice: "nein", priority: 1 }, gebaeude: { choice: "ja" } },
    measures: [{ id: "m1", title: "Heizzeiten anpassen", item_ids: ["gebaeudenutzung"], urgency: "hoch", status: "in-arbeit" }],
  }]);
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await page.goto("/check/energie-sparen/ergebnisse");
  const note = page.getByText("This check exists only in German, so it is shown in German.");
  await expect(note).toBeVisible();
  await expect(note).toHaveAttribute("lang", "en");
  await expect(page.locator(".check-frame")).toHaveAttribute("lang", "de");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
  await expect(page).toHaveTitle("Meine Ergebnisse – Energie sparen – Checkwerk");
  const table = page.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" }).getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Baustein", "Ja", "Nein", "Keine Relevanz", "offen", "Handlungsbedarfs-Index"]);
  await expect(page.locator(".summary-meta")).toContainText("Stand");

  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Maßnahmen" }).click();
  await expect(page).toHaveTitle("Meine Maßnahmen – Energie sparen – Checkwerk");
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: /bearbeiten: Heizzeiten anpassen/ }) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1.1", "hoch", "", "–", "in Arbeit", ""]);
  // The app's own pages follow the chosen language; so does the header around the check.
  await expect(page.getByRole("button", { name: "Deutsch" })).toBeVisible();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(note).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
});
