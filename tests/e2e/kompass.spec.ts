import { test, expect } from "./fixtures";

test("the Kompass says what the check is for, how long it takes and that the data stays here", async ({ app, page }) => {
  await app.openHome();
  await app.openCheck("Check „Betrieblicher Umweltschutz“");
  await expect(page.getByText("7 Bausteine mit 55 Check-Punkten")).toBeVisible();
  await expect(page.getByText(/rund 60 Minuten je Baustein, insgesamt etwa 7,0 Stunden/)).toBeVisible();
  await expect(page.getByText(/nur in diesem Browser gespeichert und nicht übertragen/)).toBeVisible();
  await expect(page.getByRole("link", { name: "Starthilfe: Womit beginnen?" })).toBeVisible();

  await page.getByRole("textbox", { name: "Unternehmen" }).fill("Muster Metallbau GmbH");
  await page.getByRole("textbox", { name: "Unternehmen" }).press("Tab");
  // The name is the company's, not a run: there is nothing to export yet, and the page does not point to it.
  await expect(page.getByText(/Mit „Exportieren“ oben auf jeder Seite/)).toHaveCount(0);
  // With a run to export, the page says where the export is.
  await page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("button", { name: "Neuen Durchlauf beginnen" }).click();
  await expect(page.getByText(/Mit „Exportieren“ oben auf jeder Seite/)).toBeVisible();
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Unternehmen" })).toHaveValue("Muster Metallbau GmbH");
  await app.expectAccessible("kompass");
});
