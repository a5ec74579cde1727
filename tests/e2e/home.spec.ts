import { test, expect, screenshotTag } from "./fixtures";

test("home lists every bundled check with standard, time, size and progress", { tag: screenshotTag }, async ({ app, page }) => {
  await app.openHome();
  const cards = page.getByRole("article");
  await expect(cards).toHaveCount(9);
  const umwelt = page.getByRole("article", { name: /Betrieblicher Umweltschutz/ });
  await expect(umwelt).toContainText("OM-Praxis A-3.6");
  await expect(umwelt).toContainText("7 Bausteine · 55 Check-Punkte · 60 Minuten je Baustein");
  await expect(umwelt).toContainText("noch nicht begonnen");
  await expect(page.getByText("nur in diesem Browser gespeichert")).toBeVisible();
  await app.expectAccessible("home");
  await app.screenshot("home.png");

  await app.openCheck("Sicherheit und Gesundheit bei der Arbeit");
  await app.openModule("Baustein 2: Zuverlässige und effiziente Prozesse");
  await app.rate(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/, "mittel");
  await page.getByRole("link", { name: "Checkwerk" }).click();
  const card = page.getByRole("article", { name: "Sicherheit und Gesundheit bei der Arbeit" });
  await expect(card).toContainText("1 von 13 bewertet");
  await expect(card.getByRole("link", { name: /Check fortsetzen/ })).toBeVisible();
});
