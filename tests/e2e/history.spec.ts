// A company's history in one check over three runs: the index per Baustein and overall in each, as small charts
// with a table whose values are checked against runs worked out by hand.
import { test, expect, seedRuns, screenshotTag, pdfPages } from "./fixtures";

const year = (y: number) => Date.UTC(y, 2, 3);
const run = (id: string, y: number, answers: Record<string, string>) => ({
  id,
  catalog_id: "sicherheit-gesundheit",
  catalog_version: "2022-12",
  name: `Standort Köln ${y}`,
  company: "Muster GmbH",
  created_at: year(y),
  updated_at: year(y) + 1,
  answers: Object.fromEntries(Object.entries(answers).map(([item, choice]) => [item, { choice }])),
});

test("the history shows the index per Baustein in each run, oldest first", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [
    // 1: 100, 100, 50 → 83; 2: 100, 50 → 75; overall 400 / 5 → 80.
    run("r2024", 2024, { "risiken-kennen": "hoch", beschaffung: "hoch", notfaelle: "mittel", unterweisung: "hoch", "stoerungen-besprechen": "mittel" }),
    // 1: 50, 50, 0 → 33; 2: 50, 50 → 50; overall 200 / 5 → 40.
    run("r2026", 2026, { "risiken-kennen": "mittel", beschaffung: "mittel", notfaelle: "niedrig", unterweisung: "mittel", "stoerungen-besprechen": "mittel" }),
    // 1: 100, 50, 50 → 67; 2: 50, 0 → 25; overall 250 / 5 → 50.
    run("r2025", 2025, { "risiken-kennen": "hoch", beschaffung: "mittel", notfaelle: "mittel", unterweisung: "mittel", "stoerungen-besprechen": "niedrig" }),
  ]);
  await page.goto("/check/sicherheit-gesundheit");
  await page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("link", { name: "Verlauf des Handlungsbedarfs" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Verlauf des Handlungsbedarfs");
  const table = page.getByRole("region", { name: /Index des Handlungsbedarfs über die Durchläufe/ }).getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Baustein", /Standort Köln 2024/, /Standort Köln 2025/, /Standort Köln 2026/, "Veränderung"]);
  await expect(table.getByRole("row", { name: /^1 Wirtschaftliche Vorteile/ }).getByRole("cell")).toHaveText(["83", "67", "33", "−50"]);
  await expect(table.getByRole("row", { name: /^2 Zuverlässige/ }).getByRole("cell")).toHaveText(["75", "25", "50", "−25"]);
  await expect(table.getByRole("row", { name: /^3 Attraktiv/ }).getByRole("cell")).toHaveText(["noch nichts bewertet", "noch nichts bewertet", "noch nichts bewertet", "–"]);
  await expect(table.getByRole("row", { name: /^Gesamt/ }).getByRole("cell")).toHaveText(["80", "50", "40", "−40"]);
  // One small chart per Baustein and one for the whole check, each named by its values.
  await expect(page.getByRole("img", { name: "Gesamt: 80, 50, 40" })).toBeVisible();
  await expect(page.getByRole("img", { name: "Baustein 1: Wirtschaftliche Vorteile: 83, 67, 33" })).toBeVisible();
  await expect(page.getByText("40 Punkte weniger Handlungsbedarf")).toBeVisible();
  await app.expectAccessible("the history");
  await app.screenshot("verlauf.png");

  // On paper, where the check's frame is not printed, a line says which check and company; it fits one A4 sheet.
  await page.emulateMedia({ media: "print" });
  await expect(page.getByText("Sicherheit und Gesundheit bei der Arbeit · Betrieb: Muster GmbH")).toBeVisible();
  expect(pdfPages(await page.pdf({ format: "A4", printBackground: true }))).toBe(1);
  await page.emulateMedia({ media: "screen" });
});
