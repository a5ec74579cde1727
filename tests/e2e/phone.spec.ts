import { test, expect, seedRuns } from "./fixtures";

test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

const pages = [
  "/",
  "/check/umweltschutz",
  "/check/umweltschutz/starthilfe",
  "/check/umweltschutz/baustein/risikobetrachtung",
  "/check/energie-sparen/baustein/energiebedarf",
  "/check/sicherheit-gesundheit/ergebnisse",
  "/check/sicherheit-gesundheit/massnahmen",
  "/check/sicherheit-gesundheit/staerken",
  "/check/sicherheit-gesundheit/selbsterklaerung",
  "/check/sicherheit-gesundheit/bericht",
];

test("every journey fits a 360 px phone: no sideways scrolling, controls reachable", async ({ app, page }) => {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    answers: { "risiken-kennen": { choice: "hoch" }, notfaelle: { choice: "niedrig" } },
    measures: [{ id: "m1", title: "Gefährdungsbeurteilung für das Lager und die Werkstatt erstellen", item_ids: ["risiken-kennen"], urgency: "hoch", status: "offen" }],
  }]);
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  // Rating works by touch on a phone.
  await page.goto("/check/sicherheit-gesundheit/baustein/zuverlaessige-prozesse");
  await app.rating(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/).getByRole("radio", { name: "mittel" }).tap();
  await expect(app.rating(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/).getByRole("radio", { name: "mittel" })).toBeChecked();
});
