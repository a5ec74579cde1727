import { test, expect, seedRuns, screenshotTag } from "./fixtures";

const answers = {
  "risiken-kennen": { choice: "hoch", note: "Lager fehlt noch" },
  beschaffung: { choice: "mittel" },
  notfaelle: { choice: "niedrig" },
  unterweisung: { choice: "hoch" },
  "stoerungen-besprechen": { choice: "nicht-relevant" },
  "arbeitsmittel-pruefen": { choice: "niedrig" },
};

test("Meine Ergebnisse shows the need profile per Baustein, the index and the highest needs", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [{ id: "r1", catalog_id: "sicherheit-gesundheit", name: "Standort Köln", company: "Muster GmbH", answers }]);
  await page.goto("/check/sicherheit-gesundheit");
  await app.checkBox("Meine Ergebnisse");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");

  const summary = page.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" });
  await expect(summary).toContainText("Muster GmbH · Standort Köln");
  // hoch 100, mittel 50, niedrig 0 ×2, hoch 100 → (100+50+0+100+0)/5 = 50
  await expect(summary.locator(".index-line")).toContainText("Handlungsbedarfs-Index: 50 / 100");

  // The chart has a table alternative with the exact figures.
  const table = summary.getByRole("table");
  const row1 = table.getByRole("row", { name: /1 Wirtschaftliche Vorteile/ });
  await expect(row1.getByRole("cell")).toHaveText(["1", "1", "1", "0", "0", "50 / 100"]);
  const row2 = table.getByRole("row", { name: /2 Zuverlässige/ });
  await expect(row2.getByRole("cell")).toHaveText(["1", "0", "1", "1", "0", "50 / 100"]);
  const row3 = table.getByRole("row", { name: /3 Attraktiv/ });
  await expect(row3.getByRole("cell")).toHaveText(["0", "0", "0", "0", "5", "noch nichts bewertet"]);
  await expect(summary.getByRole("img", { name: /Bewertungen je Baustein/ })).toBeVisible();

  // Highest need first, in catalog order among equals.
  const needs = page.getByRole("region", { name: "Check-Punkte mit dem höchsten Handlungsbedarf" }).getByRole("listitem");
  await expect(needs).toHaveCount(3);
  await expect(needs.nth(0)).toContainText("1.1");
  await expect(needs.nth(1)).toContainText("2.1");
  await expect(needs.nth(2)).toContainText("1.2");

  // One click back to an item to change its answer.
  await needs.nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Baustein 2: Zuverlässige und effiziente Prozesse");
  await app.expectAccessible("results");
  await page.goBack();
  await app.screenshot("ergebnisse.png");
});

test("Unsere Stärken lists the items at the no-need end per Baustein", async ({ app, page }) => {
  await seedRuns(page, [{ id: "r1", catalog_id: "sicherheit-gesundheit", answers }]);
  await page.goto("/check/sicherheit-gesundheit/staerken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsere Stärken");
  await expect(page.getByRole("heading", { level: 2 })).toHaveText([
    "Baustein 1: Wirtschaftliche Vorteile",
    "Baustein 2: Zuverlässige und effiziente Prozesse",
  ]);
  await expect(page.getByRole("main").locator(".strength-list").getByRole("listitem")).toHaveText([/1\.3/, /2\.3/]);
  await app.expectAccessible("strengths");
});
