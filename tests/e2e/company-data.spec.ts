// The company's data is typed once on the Kompass and saved with every keystroke (issue 16, defect 6: it was saved
// only on leaving the field, so a reload while typing lost it). It fills the report of every run of every check.
import { test, expect } from "./fixtures";

test("the company's name and details are saved while typing: a reload in the middle loses nothing", async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit");
  const name = page.getByRole("textbox", { name: "Unternehmen" });
  await name.click();
  await page.keyboard.type("Müller & Söhne GmbH");
  // No Tab, no click elsewhere: the field still has the focus when the page reloads.
  await expect(name).toBeFocused();
  await expect(app.saveStatus()).toContainText("Gespeichert");
  await page.reload();
  await expect(page.getByRole("textbox", { name: "Unternehmen" })).toHaveValue("Müller & Söhne GmbH");

  // The details for report and self-declaration, folded away until wanted, saved the same way.
  await page.getByText("Weitere Angaben zum Betrieb").click();
  await page.getByRole("textbox", { name: "Standort" }).fill("Werk Köln-Porz");
  await page.getByRole("textbox", { name: "Anschrift" }).fill("Hafenstraße 12\n51143 Köln");
  await page.getByRole("textbox", { name: "Branche" }).fill("Metallverarbeitung");
  await page.getByRole("combobox", { name: "Größe" }).fill("10–49 Beschäftigte");
  await page.getByRole("textbox", { name: "Ansprechperson" }).click();
  await page.keyboard.type("Frau Yılmaz");
  await page.reload();
  await page.getByText("Weitere Angaben zum Betrieb").click();
  await expect(page.getByRole("textbox", { name: "Ansprechperson" })).toHaveValue("Frau Yılmaz");
  await expect(page.getByRole("textbox", { name: "Anschrift" })).toHaveValue("Hafenstraße 12\n51143 Köln");
  await app.expectAccessible("the company's details");

  // One company for every check: another check's Kompass and report show the same data.
  await page.goto("/check/energie-sparen");
  await expect(page.getByRole("textbox", { name: "Unternehmen" })).toHaveValue("Müller & Söhne GmbH");
  await page.goto("/check/energie-sparen/bericht");
  const cover = page.locator(".report-cover");
  await expect(cover).toContainText("Müller & Söhne GmbH");
  await expect(cover).toContainText("Werk Köln-Porz");
  await expect(cover).toContainText("10–49 Beschäftigte");
  await expect(cover).toContainText("Frau Yılmaz");
});
