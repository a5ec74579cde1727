import { test, expect, seedRuns } from "./fixtures";

test("Starthilfe recommends the module with the highest need and says why", async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit/starthilfe");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Starthilfe: Mit welchem Baustein beginnen?");
  await expect(page.getByText("Beantworten Sie mindestens eine Frage")).toBeVisible();

  const questions = page.getByRole("radiogroup");
  await expect(questions).toHaveCount(4);
  await questions.nth(0).getByRole("radio", { name: "mittel" }).check();
  await questions.nth(1).getByRole("radio", { name: "niedrig" }).check();
  await questions.nth(2).getByRole("radio", { name: "hoch" }).check();
  await questions.nth(3).getByRole("radio", { name: "hoch" }).check();

  // A tie between modules 3 and 4: the earlier one in the check wins, and the reason says so.
  const recommendation = page.locator(".recommendation");
  await expect(recommendation).toContainText("Attraktiv für Beschäftigte");
  await recommendation.getByRole("link", { name: /Baustein 3/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Baustein 3: Attraktiv für Beschäftigte");

  // The user may ignore the advice: every module stays one click away.
  await page.goBack();
  await page.getByRole("link", { name: "Baustein 1: Wirtschaftliche Vorteile" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Baustein 1: Wirtschaftliche Vorteile");
  await page.goBack();
  await expect(questions.nth(2).getByRole("radio", { name: "hoch" })).toBeChecked();
  await app.expectAccessible("starthilfe");
});

// Defect 3 of issue 16: once the recommended Bausteine were fully rated, the Starthilfe still said "hier beginnen".
test("once the recommended Baustein is fully rated, the Starthilfe moves on and says why", async ({ page }) => {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    starthilfe: { "wirtschaftliche-vorteile": "niedrig", "zuverlaessige-prozesse": "mittel", "attraktiv-fuer-beschaeftigte": "hoch", "image-bei-kunden": "hoch" },
    // Baustein 3, recommended first, is fully rated; Baustein 4 is begun.
    answers: {
      "fuehrung-engagiert": { choice: "hoch" },
      "arbeit-nach-kompetenz": { choice: "mittel" },
      "beschaeftigte-beteiligen": { choice: "niedrig" },
      arbeitszeit: { choice: "nicht-relevant" },
      ansprechpartner: { choice: "mittel" },
      "qualitaet-vermitteln": { choice: "mittel" },
    },
  }]);
  await page.goto("/check/sicherheit-gesundheit/starthilfe");
  const recommendation = page.locator(".recommendation");
  await expect(recommendation).toContainText("„Attraktiv für Beschäftigte“ ist bereits vollständig bewertet.");
  await expect(recommendation.getByRole("link")).toHaveText("Baustein 4: Gutes Image bei den Kunden – hier weitermachen (1 von 2 bewertet)");
  await expect(recommendation.getByRole("link", { name: /Baustein 3/ })).toHaveCount(0);

  // With Baustein 4 rated too, the next answered Baustein by need is Baustein 2, not begun yet.
  await page.goto("/check/sicherheit-gesundheit/baustein/image-bei-kunden");
  await page.getByRole("radiogroup", { name: /Wenn Aufträge oder Änderungswünsche/ }).getByRole("radio", { name: "niedrig", exact: true }).check();
  await page.goto("/check/sicherheit-gesundheit/starthilfe");
  await expect(recommendation).toContainText("„Attraktiv für Beschäftigte“ und „Gutes Image bei den Kunden“ sind bereits vollständig bewertet.");
  await expect(recommendation.getByRole("link")).toHaveText("Baustein 2: Zuverlässige und effiziente Prozesse – hier beginnen");
});
