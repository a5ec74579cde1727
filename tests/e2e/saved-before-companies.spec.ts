// What the build before companies (7a95344, saved format 1) left in a browser opens in this build with nothing
// lost: both checks' runs with every rating, note, priority, measure, Starthilfe answer, free text and name, the
// chosen language, and which run was being worked on. The recording (`old-build/storage-7a95344.json`) was made by
// that build itself (`old-build/record.mjs`). The runs become runs of one company, named as typed, which a person
// with one company never has to see.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { test, expect, decodeStoredRun } from "./fixtures";

const recording: Record<string, string> = JSON.parse(
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), "..", "old-build", "storage-7a95344.json"), "utf8"),
);
const oldRuns = Object.entries(recording)
  .filter(([key]) => key.startsWith("checkwerk.run."))
  .map(([, text]) => JSON.parse(text).run);
const original = oldRuns.find((run) => run.name === "Standort Köln 2025")!;
const copy = oldRuns.find((run) => run.name.startsWith("Standort Köln 2025 – Neubewertung"))!;

test("a browser with the old build's runs opens them in this build with nothing lost", async ({ app, page }) => {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem("seeded")) return;
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
    sessionStorage.setItem("seeded", "1");
  }, recording);
  await page.goto("/");
  // The language chosen in the old build (English) is kept; one company, so no word about companies.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a check");
  await expect(page.locator(".current-company")).toHaveCount(0);
  const card = page.getByRole("article", { name: /Sicherheit und Gesundheit/ });
  await expect(card).toContainText("13 of 13 rated");
  await expect(card).toContainText("2 runs saved");

  await card.getByRole("link", { name: /Continue check/ }).click();
  // The check exists only in German, so its pages speak German (one language per screen).
  await expect(page.getByText("This check exists only in German, so it is shown in German.")).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Unternehmen", exact: true })).toHaveValue("Müller & Söhne GmbH");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await expect(runs.getByRole("listitem")).toHaveCount(2);
  // The run worked on last is still the active one.
  await expect(runs.getByRole("listitem").filter({ hasText: "in Bearbeitung" })).toContainText(copy.name);

  await page.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
  await expect(app.rating(/Unsere Führungskräfte kennen die Gefährdungen/).getByRole("radio", { name: "niedrig" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Notiz 1.2" })).toHaveValue("Notiz 1: „Lager“ – mit Frau Yılmaz klären");
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await expect(page.getByRole("table", { name: "Maßnahmenplan" }).locator(".row-toggle")).toHaveCount(3);

  await page.goto("/check/energie-sparen");
  await page.getByRole("link", { name: /Baustein 1/ }).first().click();
  await expect(page.locator("#punkt-gebaeude").getByRole("radio", { name: "Nein", exact: true })).toBeChecked();
  await expect(page.locator("#punkt-gebaeude").getByRole("radio", { name: "1 (hoch)" })).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Notiz 1.3" })).toHaveValue("Nur eine Notiz, noch ohne Bewertung");
  await page.goto("/check/energie-sparen/ergebnisse");
  await expect(page.getByRole("textbox").first()).toHaveValue("Druckluft zuerst");

  // In storage: every run in this build's stored form, placed in the one company, with everything it held.
  const stored: Record<string, string> = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)!])));
  const companyKeys = Object.keys(stored).filter((key) => key.startsWith("checkwerk.company."));
  expect(companyKeys).toHaveLength(1);
  const company = JSON.parse(stored[companyKeys[0]]).company;
  expect(company.name).toBe("Müller & Söhne GmbH");
  for (const run of oldRuns) {
    const now = decodeStoredRun(stored[`checkwerk.run.${run.id}`]);
    expect(now.company_id).toBe(company.id);
    const { company_id: _, ...rest } = now;
    expect(rest).toEqual(run);
  }
  expect(original.measures).toHaveLength(3);

  await page.reload();
  await page.goto("/check/sicherheit-gesundheit");
  await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(2);
});
