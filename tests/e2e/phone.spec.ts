import { test, expect, seedRuns } from "./fixtures";
import { completeRun } from "./declaration-data";

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
  "/check/faire-lieferkette/selbsterklaerung",
  "/check/faire-lieferkette/selbsterklaerung/erklaerung",
  "/erklaerung/om-zeichen-nachhaltigkeit",
  "/check/sicherheit-gesundheit/bericht",
  "/check/arbeitsschutz-mit-methode/druckvorlage",
];

test("every journey fits a 360 px phone: no sideways scrolling, controls reachable", async ({ app, page }) => {
  // A declaration ready to sign, with a long address: the record with its tables must fit as well.
  const declared = completeRun();
  declared.company_details = { address: "Industriestraße 5, Gebäude C, Zufahrt über die Gewerbestraße, 50667 Köln", size: "25 Beschäftigte", sector: "Metallbau" };
  declared.declarations = { "om-zeichen-faire-lieferkette": { date: "2026-12-01" } };
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    answers: { "risiken-kennen": { choice: "hoch" }, notfaelle: { choice: "niedrig" } },
    measures: [{ id: "m1", title: "Gefährdungsbeurteilung für das Lager und die Werkstatt erstellen", item_ids: ["risiken-kennen"], urgency: "hoch", status: "offen" }],
  }, declared]);
  for (const path of pages) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    // Against the phone's width, not `innerWidth`: a mobile browser widens its layout viewport to content that
    // does not fit, so that figure grows with the overflow it should reveal.
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width, `${path} is wider than the phone`).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
  // Rating works by touch on a phone.
  await page.goto("/check/sicherheit-gesundheit/baustein/zuverlaessige-prozesse");
  await app.rating(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/).getByRole("radio", { name: "mittel" }).tap();
  await expect(app.rating(/Wir prüfen regelmäßig, ob unsere Arbeitsmittel/).getByRole("radio", { name: "mittel" })).toBeChecked();
});

test("on a phone a Baustein opens at its heading and first question; the list of all Bausteine follows them", async ({ page }) => {
  // has 15 Bausteine: listed first, they filled two screens before the first question.
  await page.goto("/check/arbeitsschutz-mit-methode/baustein/verantwortung");
  const heading = page.getByRole("heading", { level: 1 });
  await expect(heading).toHaveText(/Baustein 1/);
  await expect(heading).toBeInViewport();
  await expect(page.getByText(/Die Geschäftsleitung nimmt ihre Gesamtverantwortung/)).toBeInViewport();
  const list = page.getByRole("complementary", { name: "Bausteine" });
  await expect(list.getByRole("link", { name: /Baustein 15/ })).toBeAttached();
  await expect(list).not.toBeInViewport();
  // It is still there to jump to another Baustein, after the way on.
  await list.getByRole("link", { name: /Baustein 4: Qualifikation/ }).click();
  await expect(heading).toHaveText(/Baustein 4: Qualifikation/);
});

test("on a phone the Check-Box navigation scrolls to the current page's entry", async ({ page }) => {
  const navigation = page.getByRole("navigation", { name: "Meine Check-Box" });
  for (const [path, entry] of [
    ["/check/faire-lieferkette/selbsterklaerung", "Selbsterklärung"],
    ["/check/faire-lieferkette/bericht", "Bericht drucken"],
    ["/check/faire-lieferkette", "Kompass"],
  ]) {
    await page.goto(path);
    await expect(navigation.getByRole("link", { name: entry })).toHaveAttribute("aria-current", "page");
    await expect(navigation.getByRole("link", { name: entry })).toBeInViewport({ ratio: 1 });
  }
  // Also when going there by the row itself, without loading the page again.
  await navigation.getByRole("link", { name: "Unsere Stärken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Unsere Stärken");
  await expect(navigation.getByRole("link", { name: "Unsere Stärken" })).toBeInViewport({ ratio: 1 });
});

test("on a phone the need profile's labels stand above their bars, as large as the text around them", async ({ page }) => {
  await seedRuns(page, [{ id: "r1", catalog_id: "sicherheit-gesundheit", answers: { "risiken-kennen": { choice: "hoch" } } }]);
  await page.goto("/check/sicherheit-gesundheit/ergebnisse");
  const chart = page.getByRole("img", { name: /Bewertungen je Baustein/ });
  await expect(chart).toHaveCount(1);
  const label = chart.getByText("1 Wirtschaftliche Vorteile");
  await expect(label).toBeVisible();
  const height = await label.evaluate((text) => text.getBoundingClientRect().height);
  expect(height, "label height in px").toBeGreaterThanOrEqual(11);
});
