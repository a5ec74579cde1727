// Runs as a new user met them (issue 16, defect 7): a file of another check imported on this check's page went
// there silently; repeated imports and new runs all had the same name; the rename field cut the name short and
// had no focus; the notice covered the run's buttons; an answer the check cannot hold was dropped without a word.
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test, expect, seedRuns } from "./fixtures";

function runFile(run: Record<string, unknown>): string {
  return JSON.stringify({ format: "checkwerk-run", version: 1, run: { created_at: 1, updated_at: 2, answers: {}, ...run } });
}

function write(name: string, text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), "checkwerk-import-")), name);
  writeFileSync(path, text);
  return path;
}

test("a file of another check opens in that check and the notice says so", async ({ page }) => {
  await page.goto("/check/energie-sparen");
  const file = write("umwelt.json", runFile({ id: "u1", catalog_id: "umweltschutz", name: "Umwelt Köln", answers: { "kosten-senken": { choice: "hoch" } } }));
  await page.getByLabel("Durchlauf importieren").setInputFiles(file);
  await expect(page.getByRole("status").filter({ hasText: "importiert" })).toContainText("„Umwelt Köln“ importiert – Check „Betrieblicher Umweltschutz“; Sie bearbeiten ihn jetzt.");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toContainText("Umwelt Köln");
  await expect(page.locator(".run-bar")).toContainText("Umwelt Köln");
});

test("new runs and repeated imports can be told apart; the same file twice is one run", async ({ page }) => {
  await page.goto("/check/sicherheit-gesundheit");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  const start = runs.getByRole("button", { name: "Neuen Durchlauf beginnen" });
  await start.click();
  await start.click();
  await start.click();
  const names = runs.locator(".run-title");
  await expect(names).toHaveCount(3);
  const texts = await names.allTextContents();
  expect(new Set(texts).size, texts.join(" | ")).toBe(3);
  expect(texts.some((name) => /\(3\)$/.test(name)), texts.join(" | ")).toBe(true);

  const same = write("lauf.json", runFile({ id: "importiert-1", catalog_id: "sicherheit-gesundheit", name: "Werk Süd", answers: { notfaelle: { choice: "hoch" } } }));
  await page.getByLabel("Durchlauf importieren").setInputFiles(same);
  await expect(page.getByRole("status").filter({ hasText: "„Werk Süd“ importiert" })).toBeVisible();
  await page.getByLabel("Durchlauf importieren").setInputFiles(same);
  await expect(page.getByRole("status").filter({ hasText: "war schon hier" })).toContainText("Nichts wurde geändert");
  await expect(names).toHaveCount(4);
  // Another file with a run of the same name: a second run, with a name of its own.
  const other = write("anderer.json", runFile({ id: "importiert-2", catalog_id: "sicherheit-gesundheit", name: "Werk Süd", answers: { notfaelle: { choice: "niedrig" } } }));
  await page.getByLabel("Durchlauf importieren").setInputFiles(other);
  await expect(page.getByRole("status").filter({ hasText: "importiert" })).toContainText("„Werk Süd (2)“ importiert");
  await expect(names).toHaveCount(5);
  expect(new Set(await names.allTextContents()).size).toBe(5);
});

test("the rename field shows the whole name and takes the focus", async ({ page }) => {
  await page.goto("/check/sicherheit-gesundheit");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await runs.getByRole("button", { name: "Neuen Durchlauf beginnen" }).click();
  const name = (await runs.locator(".run-title").first().textContent())!;
  await runs.getByRole("button", { name: "Umbenennen" }).click();
  const field = runs.getByRole("textbox", { name: "Name des Durchlaufs" });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(name);
  // Nothing of it is cut off: the field is as wide as its text.
  const fits = await field.evaluate((input: HTMLInputElement) => input.scrollWidth <= input.clientWidth);
  expect(fits).toBe(true);
  await page.keyboard.type("Standort Köln 2026");
  await page.keyboard.press("Enter");
  await expect(runs.locator(".run-title")).toHaveText("Standort Köln 2026");
});

/** The names of the buttons of the runs that are in the window but lie under something else there (the notice). */
async function coveredButtons(runs: import("@playwright/test").Locator): Promise<string[]> {
  return runs.locator("button").evaluateAll((buttons) =>
    buttons
      .map((button) => ({ button, rect: button.getBoundingClientRect() }))
      .filter(({ rect }) => rect.bottom > 0 && rect.top < window.innerHeight)
      .filter(({ button, rect }) => !button.contains(document.elementFromPoint(rect.left + rect.width / 2, Math.min(rect.bottom - 2, window.innerHeight - 1))))
      .map(({ button }) => button.textContent ?? ""),
  );
}

for (const [action, button, message] of [
  ["deleting the last run", "Löschen", "gelöscht"],
  ["copying the last run", "Kopie für neue Bewertung", "Kopie angelegt"],
] as const) {
  test(`the notice after ${action} does not cover the runs' buttons`, async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await seedRuns(page, [
      { id: "a", catalog_id: "sicherheit-gesundheit", name: "Standort Köln 2025", created_at: 1 },
      { id: "b", catalog_id: "sicherheit-gesundheit", name: "Standort Bonn 2025", created_at: 2 },
      { id: "c", catalog_id: "sicherheit-gesundheit", name: "Standort Aachen 2025", created_at: 3 },
    ]);
    await page.goto("/check/sicherheit-gesundheit");
    const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
    // Scrolled to the foot of the page, where the last run's buttons are and the notice appears.
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await runs.getByRole("listitem").last().getByRole("button", { name: button }).click();
    await expect(page.getByRole("status").filter({ hasText: message })).toBeVisible();
    await expect.poll(() => coveredButtons(runs)).toEqual([]);
  });
}

test("a file with an answer the check cannot hold is imported with that answer kept, and the notice names it", async ({ page }) => {
  await page.goto("/check/sicherheit-gesundheit");
  const file = write("ungueltig.json", runFile({
    id: "ungueltig",
    catalog_id: "sicherheit-gesundheit",
    name: "Mit ungültiger Priorität",
    answers: { notfaelle: { choice: "hoch", priority: 7 }, "risiken-kennen": { choice: "mittel" } },
  }));
  await page.getByLabel("Durchlauf importieren").setInputFiles(file);
  const notice = page.getByRole("status").filter({ hasText: "importiert" });
  await expect(notice).toContainText("1 Antwort passt nicht zu dieser Fassung des Checks");
  await expect(notice).toContainText("im Kompass aufgeführt");
  const kept = page.getByRole("region", { name: "Antworten zu Check-Punkten, die diese Fassung nicht mehr kennt" });
  await expect(kept.getByRole("listitem")).toHaveCount(1);
  await expect(kept.getByRole("listitem")).toContainText("1.3 Wir sind auf Unfälle und Notfälle vorbereitet.");
  await expect(kept.getByRole("listitem")).toContainText("hoch, Priorität 7");
});
