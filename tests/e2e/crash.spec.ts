// Should the app panic anyway, the visitor sees a German (and English) error view with a way to save every stored
// answer as a file – not a frozen page. The crash is triggered on purpose through a hidden test switch that only
// works where this browser's storage holds the flag `checkwerk.test-panic`.
import { test as base, expect, type Page } from "@playwright/test";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { decodeStoredRun, reviewerFile, screenshotTag } from "./fixtures";

const test = base;
const seeded = JSON.stringify({
  format: "checkwerk-run",
  version: 1,
  run: { id: "vor-dem-absturz", catalog_id: "sicherheit-gesundheit", name: "Vor dem Absturz", created_at: 1, updated_at: 2, answers: { notfaelle: { choice: "hoch", note: "nicht verlieren" } } },
});

async function seed(page: Page, flag: boolean) {
  await page.addInitScript(([run, flag]) => {
    if (sessionStorage.getItem("seeded")) return;
    localStorage.setItem("checkwerk.run.vor-dem-absturz", run as string);
    localStorage.setItem("checkwerk.language", '"de"');
    if (flag) localStorage.setItem("checkwerk.test-panic", "1");
    sessionStorage.setItem("seeded", "1");
  }, [seeded, flag] as const);
}

test("after a panic the page shows a German error view that saves every stored answer as a file", { tag: screenshotTag }, async ({ page, browser }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await seed(page, true);
  await page.goto("/check/sicherheit-gesundheit?panic-test");

  const view = page.getByRole("alert");
  await expect(view.getByRole("heading", { level: 1 })).toHaveText("Es ist ein Fehler aufgetreten");
  await expect(view).toContainText("Ihre gespeicherten Antworten sind weiterhin in diesem Browser");
  await expect(view).toContainText("Something went wrong");
  // The app's own page is gone: nothing half-working is left to click.
  await expect(page.getByRole("navigation")).toHaveCount(0);
  expect(errors.join("\n")).toContain("unreachable");
  await page.screenshot({ path: reviewerFile("absturz.png"), fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), view.getByRole("link", { name: /Alle Daten als Datei sichern/ }).click()]);
  expect(download.suggestedFilename()).toBe("checkwerk-sicherung.json");
  const text = readFileSync((await download.path())!, "utf8");
  const backup = JSON.parse(text);
  expect(backup.format).toBe("checkwerk-backup");
  // The run as stored (placed in a company and in this build's stored form when the app started).
  const backedUp = decodeStoredRun(backup.entries["checkwerk.run.vor-dem-absturz"]);
  expect(backedUp).toMatchObject(JSON.parse(seeded).run);
  expect(backup.entries["checkwerk.language"]).toBe('"de"');

  // The file brings the run back in another browser.
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-crash-"));
  writeFileSync(join(folder, "sicherung.json"), text);
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/check/sicherheit-gesundheit");
  await otherPage.getByLabel("Durchlauf importieren").setInputFiles(join(folder, "sicherung.json"));
  await expect(otherPage.getByRole("status").filter({ hasText: "„Vor dem Absturz“ importiert" })).toBeVisible();
  await otherPage.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
  await expect(otherPage.getByRole("textbox", { name: "Notiz 1.3" })).toHaveValue("nicht verlieren");
  await other.close();

  // Reloading from the error view opens the app again, without the crash switch.
  await view.getByRole("link", { name: /Seite neu laden/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
});

test("the crash switch does nothing without its flag in storage", async ({ page }) => {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await seed(page, false);
  await page.goto("/check/sicherheit-gesundheit?panic-test");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
  await expect(page.getByText("Es ist ein Fehler aufgetreten")).toHaveCount(0);
  expect(errors).toEqual([]);
});
