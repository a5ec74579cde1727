import { test, expect, seedRuns, reviewerFile, screenshotTag } from "./fixtures";
import { statSync } from "node:fs";

test("the report prints cleanly on A4: cover, summary, measures, answers with notes, no navigation", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    name: "Standort Köln 2026",
    company: "Muster Metallbau GmbH",
    answers: {
      "risiken-kennen": { choice: "hoch", note: "Lager und Werkstatt fehlen" },
      beschaffung: { choice: "mittel" },
      notfaelle: { choice: "niedrig" },
      unterweisung: { choice: "hoch" },
      "arbeitsmittel-pruefen": { choice: "niedrig" },
      arbeitszeit: { choice: "nicht-relevant" },
    },
    measures: [
      { id: "m1", title: "Gefährdungsbeurteilung Lager", item_ids: ["risiken-kennen"], urgency: "hoch", responsible: "Frau Berger", due: "2027-03-31", control: "Begehung", status: "in-arbeit" },
      { id: "m2", title: "Unterweisungsplan", item_ids: ["unterweisung"], urgency: "mittel", responsible: "Herr Ott", due: "2027-01-15", control: "Unterschriftenliste", status: "offen" },
    ],
  }]);
  await page.goto("/check/sicherheit-gesundheit");
  await app.checkBox("Bericht drucken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
  await expect(page.locator(".cover-facts")).toContainText("Muster Metallbau GmbH");
  await expect(page.getByRole("table").filter({ hasText: "Gefährdungsbeurteilung Lager" })).toContainText("31.03.2027");
  await expect(page.getByText("Lager und Werkstatt fehlen")).toBeVisible();
  await app.expectAccessible("report");

  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".check-bar")).toBeHidden();
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("button", { name: /Drucken/ })).toBeHidden();
  await page.screenshot({ path: reviewerFile("bericht-druckansicht.png"), fullPage: true });
  const pdf = reviewerFile("bericht.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  expect(statSync(pdf).size).toBeGreaterThan(20_000);
});

test("the blank check prints every item with boxes to tick", { tag: screenshotTag }, async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit");
  await page.getByRole("link", { name: /Leeren Check zum Ausfüllen/ }).click();
  await expect(page.locator(".paper-item")).toHaveCount(13);
  await expect(page.locator(".paper-item").first()).toContainText("☐ hoch");
  await expect(page.locator(".paper-item").first()).toContainText("☐ nicht relevant");
  await app.expectAccessible("blank check");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: reviewerFile("leerer-check.pdf"), format: "A4" });
});
