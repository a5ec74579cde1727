// Comparing two runs of a check: per Baustein the index before and after with the change, the Check-Punkte that
// improved, worsened or stayed high, the measures finished in between with their Kontrolle – values checked against
// a prepared pair of runs worked out by hand – and a check that changed between the runs.
import { test, expect, seedRuns, screenshotTag, reviewerFile } from "./fixtures";

const day = 86_400_000;
const lastYear = Date.UTC(2025, 2, 3);
const thisYear = Date.UTC(2026, 2, 3);

// Sicherheit und Gesundheit: hoch 100, mittel 50, niedrig 0; the index is the rounded mean of the relevant ratings.
const before = {
  id: "vorjahr",
  catalog_id: "sicherheit-gesundheit",
  catalog_version: "2022-12",
  name: "Standort Köln 2025",
  company: "Muster GmbH",
  created_at: lastYear,
  updated_at: lastYear + day,
  answers: {
    // 1: 100, 100, 50 → 83
    "risiken-kennen": { choice: "hoch" }, beschaffung: { choice: "hoch" }, notfaelle: { choice: "mittel" },
    // 2: 50, 50, 100 → 67
    unterweisung: { choice: "mittel" }, "stoerungen-besprechen": { choice: "mittel" }, "arbeitsmittel-pruefen": { choice: "hoch" },
    // 3: 100, 100, 50, 0, nicht relevant → 63
    "fuehrung-engagiert": { choice: "hoch" }, "arbeit-nach-kompetenz": { choice: "hoch" }, "beschaeftigte-beteiligen": { choice: "mittel" },
    arbeitszeit: { choice: "niedrig" }, ansprechpartner: { choice: "nicht-relevant" },
    // 4: 100, 100 → 100. Overall: 900 / 12 → 75.
    "qualitaet-vermitteln": { choice: "hoch" }, "auftraege-abstimmen": { choice: "hoch" },
  },
  measures: [
    { id: "m1", title: "Notfallplan aushängen", item_ids: ["notfaelle"], urgency: "hoch", responsible: "Herr Ott", due: "2025-06-30", control: "", status: "offen" },
    { id: "m2", title: "Erste-Hilfe-Kasten auffüllen", item_ids: ["notfaelle"], status: "erledigt", control: "Sichtprüfung" },
  ],
};

const after = {
  id: "diesjahr",
  catalog_id: "sicherheit-gesundheit",
  catalog_version: "2022-12",
  name: "Standort Köln 2026",
  company: "Muster GmbH",
  created_at: thisYear,
  updated_at: thisYear + day,
  answers: {
    // 1: 0, 50, 0 → 17
    "risiken-kennen": { choice: "niedrig" }, beschaffung: { choice: "mittel" }, notfaelle: { choice: "niedrig" },
    // 2: 50, 0, 100 → 50
    unterweisung: { choice: "mittel" }, "stoerungen-besprechen": { choice: "niedrig" }, "arbeitsmittel-pruefen": { choice: "hoch" },
    // 3: 50, 100, 0, 50, nicht relevant → 50
    "fuehrung-engagiert": { choice: "mittel" }, "arbeit-nach-kompetenz": { choice: "hoch" }, "beschaeftigte-beteiligen": { choice: "niedrig" },
    arbeitszeit: { choice: "mittel" }, ansprechpartner: { choice: "nicht-relevant" },
    // 4: 100, 50 → 75. Overall: 550 / 12 → 46.
    "qualitaet-vermitteln": { choice: "hoch" }, "auftraege-abstimmen": { choice: "mittel" },
  },
  measures: [
    { id: "m1", title: "Notfallplan aushängen", item_ids: ["notfaelle"], urgency: "hoch", responsible: "Herr Ott", due: "2025-06-30", control: "Begehung im Juli: Plan hängt an allen Ausgängen", status: "erledigt" },
    { id: "m3", title: "Leitern und Tritte prüfen", item_ids: ["arbeitsmittel-pruefen"], status: "erledigt", control: "Prüfliste unterschrieben" },
    { id: "m4", title: "Unterweisung Lager", item_ids: ["unterweisung"], status: "offen" },
  ],
};

test("comparison: the index per Baustein before and after, what improved, worsened and stayed high, and the measures finished in between", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [before, after]);
  await page.goto("/check/sicherheit-gesundheit");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await runs.getByRole("link", { name: "Durchläufe vergleichen" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Durchläufe vergleichen");
  // By default the latest run and the one before it.
  await expect(page.getByRole("combobox", { name: "Früherer Durchlauf" })).toHaveValue("vorjahr");
  await expect(page.getByRole("combobox", { name: "Späterer Durchlauf" })).toHaveValue("diesjahr");

  const table = page.getByRole("region", { name: /Index des Handlungsbedarfs je Baustein/ }).getByRole("table");
  const row = (name: RegExp | string) => table.getByRole("row", { name });
  await expect(row(/^1 Wirtschaftliche Vorteile/).getByRole("cell")).toHaveText(["83", "17", /−66/]);
  await expect(row(/^2 Zuverlässige/).getByRole("cell")).toHaveText(["67", "50", /−17/]);
  await expect(row(/^3 Attraktiv/).getByRole("cell")).toHaveText(["63", "50", /−13/]);
  await expect(row(/^4 /).getByRole("cell")).toHaveText(["100", "75", /−25/]);
  await expect(row(/^Gesamt/).getByRole("cell")).toHaveText(["75", "46", /−29/]);
  await expect(row(/^Gesamt/)).toContainText("29 Punkte weniger Handlungsbedarf");
  await expect(page.getByRole("img", { name: /Index des Handlungsbedarfs je Baustein, früher und jetzt/ }).first()).toBeAttached();

  const list = (heading: string) => page.getByRole("region", { name: heading }).getByRole("listitem");
  await expect(list("Weniger Handlungsbedarf als zuvor")).toHaveCount(7);
  // The greatest drop first.
  await expect(list("Weniger Handlungsbedarf als zuvor").first()).toContainText("1.1");
  await expect(list("Weniger Handlungsbedarf als zuvor").first()).toContainText("hoch → niedrig");
  await expect(list("Mehr Handlungsbedarf als zuvor")).toHaveCount(1);
  await expect(list("Mehr Handlungsbedarf als zuvor")).toContainText("niedrig → mittel");
  await expect(list("Hoher Handlungsbedarf in beiden Durchläufen")).toHaveCount(3);
  await expect(list("Hoher Handlungsbedarf in beiden Durchläufen").first()).toContainText("hoch → hoch");
  const finished = list("Seitdem erledigte Maßnahmen");
  await expect(finished).toHaveCount(2);
  await expect(finished.nth(0)).toContainText("Notfallplan aushängen");
  await expect(finished.nth(0)).toContainText("Kontrolle: Begehung im Juli: Plan hängt an allen Ausgängen");
  await expect(finished.nth(1)).toContainText("Leitern und Tritte prüfen");
  await expect(page.getByRole("region", { name: "Was beide Durchläufe gemeinsam haben" })).toContainText("13 von 13 Check-Punkten sind in beiden Durchläufen bewertet.");

  // Any two can be compared; the choice is in the address and survives a reload.
  await page.getByRole("combobox", { name: "Früherer Durchlauf" }).selectOption("diesjahr");
  await page.getByRole("combobox", { name: "Späterer Durchlauf" }).selectOption("vorjahr");
  await expect(row(/^Gesamt/).getByRole("cell")).toHaveText(["46", "75", /\+29/]);
  await page.reload();
  await expect(row(/^Gesamt/).getByRole("cell")).toHaveText(["46", "75", /\+29/]);
  await page.getByRole("combobox", { name: "Früherer Durchlauf" }).selectOption("vorjahr");
  await page.getByRole("combobox", { name: "Späterer Durchlauf" }).selectOption("diesjahr");
  await expect(row(/^Gesamt/).getByRole("cell")).toHaveText(["75", "46", /−29/]);
  await app.expectAccessible("the comparison");
  await app.screenshot("vergleich.png");
  // On a phone the page keeps to the screen: the table scrolls in its own region, if at all.
  await page.setViewportSize({ width: 360, height: 740 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.setViewportSize({ width: 1280, height: 720 });

  // In the report the comparison is an optional section, and prints on A4.
  await app.checkBox("Bericht");
  await expect(page.getByRole("heading", { name: "Vergleich mit „Standort Köln 2025“" })).toHaveCount(0);
  await page.getByRole("checkbox", { name: "Vergleich mit dem vorigen Durchlauf in den Bericht aufnehmen" }).check();
  const section = page.locator(".report-comparison");
  await expect(section.getByRole("heading", { name: "Vergleich mit „Standort Köln 2025“" })).toBeVisible();
  await expect(section.getByRole("table").getByRole("row", { name: /^Gesamt/ }).getByRole("cell")).toHaveText(["75", "46", /−29/]);
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: reviewerFile("bericht-mit-vergleich.pdf"), format: "A4", printBackground: true });
  await page.emulateMedia({ media: "screen" });
  await app.expectAccessible("the report with its comparison");
});

test("a check that changed between the runs: ratings matched by item id, what is new and what is gone listed", async ({ page }) => {
  await seedRuns(page, [
    {
      ...before,
      catalog_version: "2021-01",
      answers: {
        "risiken-kennen": { choice: "hoch" },
        notfaelle: { choice: "mittel" },
        // Gone from this version of the check.
        "gefaehrdungen-alt": { choice: "hoch", note: "Lager" },
        "psyche-alt": { choice: "mittel" },
      },
    },
    after,
  ]);
  await page.goto("/check/sicherheit-gesundheit/vergleich");
  const coverage = page.getByRole("region", { name: "Was beide Durchläufe gemeinsam haben" });
  await expect(coverage).toContainText("2 von 13 Check-Punkten sind in beiden Durchläufen bewertet.");
  await expect(coverage).toContainText("Der Check hat sich zwischen den beiden Durchläufen geändert (Fassung 2021-01 → 2022-12)");
  const gone = coverage.getByRole("list").last();
  await expect(gone.getByRole("listitem")).toHaveText(["gefaehrdungen-alt", "psyche-alt"]);
  // Rated later only: new in this version, or not rated then.
  await expect(coverage.getByText(/Nur im späteren Durchlauf bewertet/)).toBeVisible();
  await expect(coverage.getByRole("list").first().getByRole("listitem")).toHaveCount(11);
  // The earlier index counts what this version still has: 1.1 hoch, 1.3 mittel → 75; the rest unrated.
  const table = page.getByRole("region", { name: /Index des Handlungsbedarfs je Baustein/ }).getByRole("table");
  await expect(table.getByRole("row", { name: /^1 Wirtschaftliche Vorteile/ }).getByRole("cell")).toHaveText(["75", "17", /−58/]);
  await expect(table.getByRole("row", { name: /^2 Zuverlässige/ }).getByRole("cell")).toHaveText(["noch nichts bewertet", "50", /^–nicht vergleichbar$/]);
});
