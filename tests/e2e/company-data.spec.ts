// The company's data is typed once on the Kompass and saved with every keystroke (issue 16, defect 6: it was saved
// only on leaving the field, so a reload while typing lost it). It fills the report of every run of every check.
import { test, expect, seedRuns, storedRun } from "./fixtures";
import { completeRun } from "./declaration-data";

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

test("a self-declaration names the company from the company's own data, which runs saved before companies had move into", async ({ app, page }) => {
  // A run as the build before the company model saved it: the company's address, size and sector on the run.
  const run = completeRun();
  run.company_details = { address: "Industriestraße 5\n50667 Köln", size: "25 Beschäftigte", sector: "Metallbau" };
  await seedRuns(page, [run]);
  await page.goto("/check/faire-lieferkette");
  await page.getByText("Weitere Angaben zum Betrieb").click();
  await expect(page.getByRole("textbox", { name: "Anschrift" })).toHaveValue("Industriestraße 5\n50667 Köln");
  await expect(page.getByRole("combobox", { name: "Größe" })).toHaveValue("25 Beschäftigte");
  await expect(page.getByRole("textbox", { name: "Branche" })).toHaveValue("Metallbau");

  // One record of the company: changed on the Kompass, the declaration shows it; changed in the declaration's form,
  // the Kompass and the report show it.
  await page.getByRole("textbox", { name: "Anschrift" }).fill("Hafenstraße 12\n51143 Köln");
  await page.goto("/check/faire-lieferkette/selbsterklaerung/erklaerung");
  await expect(page.getByRole("textbox", { name: "Unternehmen", exact: true })).toHaveValue("Muster Metallbau GmbH");
  await expect(page.getByRole("textbox", { name: "Anschrift" })).toHaveValue("Hafenstraße 12\n51143 Köln");
  await page.getByRole("textbox", { name: "Branche" }).fill("Metallbau und Schlosserei");
  await page.goto("/check/faire-lieferkette/bericht");
  await expect(page.locator(".report-cover")).toContainText("Metallbau und Schlosserei");
  await expect(page.locator(".report-cover")).toContainText("Hafenstraße 12");
  await page.goto("/check/faire-lieferkette");
  await page.getByText("Weitere Angaben zum Betrieb").click();
  await expect(page.getByRole("textbox", { name: "Branche" })).toHaveValue("Metallbau und Schlosserei");

  // Stored: the company holds it; the run keeps the copy it came with, untouched.
  const company = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((key) => key.startsWith("checkwerk.company."))!;
    return JSON.parse(localStorage.getItem(key)!).company;
  });
  expect(company).toMatchObject({ name: "Muster Metallbau GmbH", address: "Hafenstraße 12\n51143 Köln", size: "25 Beschäftigte", sector: "Metallbau und Schlosserei" });
  expect((await storedRun(page, run.id)).company_details).toEqual(run.company_details);
  await app.expectAccessible("the Kompass with the company's details");
});
