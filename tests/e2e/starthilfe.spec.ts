import { test, expect } from "./fixtures";

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
