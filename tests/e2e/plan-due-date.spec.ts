// Defect 1 of issue 16: typing a due date digit by digit saved the year 0002 at its first digit, re-sorted the list,
// moved the measure to the top as "überfällig" and dropped the focus, so the other digits were lost. Picking a date
// moved the measure and lost the focus too.
//
// The browser runs in German, so its date fields read TT.MM.JJJJ and take "15022027" as a German user types it.
// The helpers find a measure's fields in the plan's open row, or – in builds before the table – in its card, so this
// spec shows the defect on those builds too.
import { test, expect, seedRuns, storedRun, decodeStoredRun } from "./fixtures";
import type { Locator, Page } from "@playwright/test";
import config from "../playwright.config";

test.use({
  launchOptions: {
    ...config.use?.launchOptions,
    // Chromium takes its own language (and so the order of a date field's parts) from the environment.
    env: { ...process.env, LANGUAGE: "de", LANG: "de_DE.UTF-8" },
  },
});

const measures = [
  { id: "m1", title: "Erste Maßnahme", item_ids: ["risiken-kennen"], urgency: "hoch", due: "2027-03-01", status: "offen" },
  { id: "m2", title: "Zweite Maßnahme", item_ids: ["unterweisung"], urgency: "mittel", due: "2027-06-01", status: "offen" },
  { id: "m3", title: "Dritte Maßnahme", item_ids: ["notfaelle"], urgency: "niedrig", due: "2027-09-01", status: "offen" },
];

/** The titles of the measures in the order the plan shows them. */
async function order(page: Page): Promise<string[]> {
  const names = await page.locator(".row-toggle, .measure-heading").allTextContents();
  return names.map((name) => name.match(/Erste|Zweite|Dritte/)?.[0] ?? name);
}

/** The fields of one measure: its open row in the plan's table (opened here), or its card in earlier builds. */
async function fieldsOf(page: Page, title: string): Promise<Locator> {
  const toggle = page.getByRole("button", { name: new RegExp(`bearbeiten: ${title}`) });
  if ((await toggle.count()) > 0) {
    if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
    return page.getByRole("group", { name: new RegExp(title) });
  }
  return page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(title) }) });
}

/** The measures as saved in this browser. */
async function saved(page: Page): Promise<Array<{ id: string; due?: string }>> {
  return (await storedRun(page, "r1")).measures;
}

test.beforeEach(async ({ page }) => {
  // Every text the app saves of the run, as it writes it: the third measure's due date in each is what a partial
  // entry must never be (read by `savedDues`).
  await page.addInitScript(() => {
    const record: string[] = [];
    (window as unknown as { savedTexts: typeof record }).savedTexts = record;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (key === "checkwerk.run.r1") record.push(value);
      return setItem.call(this, key, value);
    };
  });
  await seedRuns(page, [{ id: "r1", catalog_id: "sicherheit-gesundheit", name: "Standort Köln", measures }]);
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
});

test("a due date typed digit by digit in a German date field is saved whole, and the list holds still", async ({ page }) => {
  await expect.poll(() => order(page)).toEqual(["Erste", "Zweite", "Dritte"]);
  const third = await fieldsOf(page, "Dritte");
  const due = third.getByLabel("Bis wann?");
  await due.click();
  // Whether the field was ever marked as not yet a whole date.
  await due.evaluate((field) => {
    const marks: string[] = [];
    (window as unknown as { marks: string[] }).marks = marks;
    new MutationObserver(() => marks.push(field.getAttribute("aria-invalid") ?? "")).observe(field, { attributes: true, attributeFilter: ["aria-invalid"] });
  });
  // 15.02.2026 as typed: after "15" and "02" the field holds whole dates in the old year; then the year is typed anew, and the field passes through 0002, 0020 and 0202 before 2026. (Chromium reads the four digits of a
  // year as one entry only while they come in quick succession, as a person types them.)
  await due.pressSequentially("15022026", { delay: 40 });
  await expect(due).toBeFocused();
  await expect(due).toHaveValue("2026-02-15");
  await expect(due).not.toHaveAttribute("aria-invalid", "true");
  const texts = await page.evaluate(() => (window as unknown as { savedTexts: string[] }).savedTexts);
  const dues = texts.map((text) => decodeStoredRun(text).measures?.find((m: { id: string }) => m.id === "m3")?.due ?? null);
  // Whole dates only: the day typed (15.09.2027), the month (15.02.2027), the year – never 0002, 0020 or 0202.
  expect(dues.filter((due) => due !== "2027-09-01"), "every due date saved while typing").toEqual(["2027-09-15", "2027-02-15", "2026-02-15"]);
  expect(await page.evaluate(() => (window as unknown as { marks: string[] }).marks), "marked while the year was typed").toContain("true");
  expect((await saved(page)).find((m) => m.id === "m3")?.due).toBe("2026-02-15");
  // The earliest due date now, yet the measure keeps its place while the row is open.
  await expect.poll(() => order(page)).toEqual(["Erste", "Zweite", "Dritte"]);
  await expect(page.getByRole("button", { name: "Neu sortieren" })).toBeVisible();

  // Closing the row takes the new order; the focus goes back to the measure's row.
  await third.getByRole("button", { name: "Fertig" }).click();
  await expect.poll(() => order(page)).toEqual(["Dritte", "Erste", "Zweite"]);
  await expect(page.getByRole("button", { name: /bearbeiten: Dritte/ })).toBeFocused();
  await page.reload();
  await expect.poll(() => order(page)).toEqual(["Dritte", "Erste", "Zweite"]);
});

test("a date picked at once is saved at once, without moving the measure or losing the focus", async ({ page }) => {
  const second = await fieldsOf(page, "Zweite");
  const due = second.getByLabel("Bis wann?");
  // What the picker does: the whole date arrives in one input event.
  await due.fill("2026-12-24");
  await expect(due).toBeFocused();
  await expect.poll(async () => (await saved(page)).find((m) => m.id === "m2")?.due).toBe("2026-12-24");
  await expect.poll(() => order(page)).toEqual(["Erste", "Zweite", "Dritte"]);
  // Typing elsewhere in the same row keeps it in place too.
  await second.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill("Frau Yılmaz");
  await expect.poll(() => order(page)).toEqual(["Erste", "Zweite", "Dritte"]);
  // The new order when asked for.
  await page.getByRole("button", { name: "Neu sortieren" }).click();
  await expect.poll(() => order(page)).toEqual(["Zweite", "Erste", "Dritte"]);
});

test("a due date cleared part by part is not saved until it is whole or empty", async ({ page }) => {
  const first = await fieldsOf(page, "Erste");
  const due = first.getByLabel("Bis wann?");
  await due.click();
  // Clearing only the day leaves an incomplete date: the saved one stays, the field says why.
  await page.keyboard.press("Backspace");
  await expect(due).toHaveAttribute("aria-invalid", "true");
  expect((await saved(page)).find((m) => m.id === "m1")?.due).toBe("2027-03-01");
  // Clearing everything removes the date.
  await due.fill("");
  await expect.poll(async () => (await saved(page)).find((m) => m.id === "m1")?.due).toBeUndefined();
});
