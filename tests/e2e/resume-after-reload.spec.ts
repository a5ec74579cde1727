import { test, expect } from "./fixtures";

test("a rating survives a reload", async ({ app, page }) => {
  await app.openHome();
  await app.openCheck("Sicherheit und Gesundheit bei der Arbeit");
  await expect(page.getByText("nur in diesem Browser gespeichert")).toBeVisible();
  await app.openModule("Baustein 1: Wirtschaftliche Vorteile");

  const statement = /Unsere Führungskräfte kennen die Gefährdungen/;
  await app.rating(statement).getByRole("radio", { name: "hoch" }).check();
  await app.page.getByRole("textbox", { name: "Notiz 1.1" }).fill("Gefährdungsbeurteilung Lager fehlt");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  await expect(page.locator(".module-progress").getByText("1 von 3 bewertet")).toBeVisible();

  await page.reload();
  await expect(app.rating(statement).getByRole("radio", { name: "hoch" })).toBeChecked();
  await expect(app.rating(statement).getByRole("radio", { name: "mittel" })).not.toBeChecked();
  await expect(page.getByRole("textbox", { name: "Notiz 1.1" })).toHaveValue("Gefährdungsbeurteilung Lager fehlt");
  await expect(page.locator(".module-progress").getByText("1 von 3 bewertet")).toBeVisible();

  // The saved progress shows on the home page too.
  await page.getByRole("link", { name: "Checkwerk" }).click();
  const card = page.getByRole("article", { name: "Sicherheit und Gesundheit bei der Arbeit" });
  await expect(card.getByText("1 von 13 bewertet")).toBeVisible();
  await expect(card.getByRole("link", { name: /Check fortsetzen/ })).toBeVisible();
});

test("changing a rating replaces the old one", async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit/baustein/zuverlaessige-prozesse");
  const group = app.rating(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/);
  await group.getByRole("radio", { name: "mittel" }).check();
  await group.getByRole("radio", { name: "nicht relevant" }).check();
  await page.reload();
  await expect(group.getByRole("radio", { name: "nicht relevant" })).toBeChecked();
  await expect(group.getByRole("radio", { name: "mittel" })).not.toBeChecked();
});
