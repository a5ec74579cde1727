// The same run open in two tabs: a change in one appears in the other, and neither overwrites the other's newer
// answers – not even a tab that missed every change the other made.
import { test, expect, seedRuns, storedRun as storedRunOf, decodeStoredRun, openMeasure } from "./fixtures";
import type { Page } from "@playwright/test";

const module1 = "/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile";
const first = /Unsere Führungskräfte kennen die Gefährdungen/;
const second = /Wenn wir Arbeitsmittel und Arbeitsstoffe beschaffen/;
const third = /Wir sind auf Unfälle und Notfälle vorbereitet/;

const run = {
  id: "gemeinsam",
  catalog_id: "sicherheit-gesundheit",
  name: "Werk Nord",
  answers: { notfaelle: { choice: "hoch" } },
  measures: [{ id: "m1", title: "Notfallplan aushängen", item_ids: ["notfaelle"], updated_at: 5 }],
};

function rating(page: Page, statement: RegExp, level: string) {
  return page.getByRole("radiogroup", { name: statement }).getByRole("radio", { name: level, exact: true });
}

async function storedRun(page: Page) {
  return storedRunOf(page, "gemeinsam");
}

test("a change in one tab appears in the other, and both tabs' answers are kept", async ({ app, page, context }) => {
  await seedRuns(page, [run]);
  await page.goto(module1);
  const other = await context.newPage();
  await other.goto(module1);
  await expect(rating(other, third, "hoch")).toBeChecked();

  await app.rate(first, "hoch");
  await expect(rating(other, first, "hoch")).toBeChecked();
  await other.getByRole("radiogroup", { name: second }).getByRole("radio", { name: "mittel", exact: true }).check();
  await expect(rating(page, second, "mittel")).toBeChecked();
  await other.getByRole("textbox", { name: "Notiz 1.1" }).fill("aus dem zweiten Tab");
  await expect(page.getByRole("textbox", { name: "Notiz 1.1" })).toHaveValue("aus dem zweiten Tab");

  // Measures too: one tab edits, the other adds one; both end with both.
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await other.goto("/check/sicherheit-gesundheit/massnahmen");
  await (await openMeasure(page, /bearbeiten: Notfallplan/)).getByRole("textbox", { name: "Was ist zu tun?" }).fill("Notfallplan aushängen und üben");
  await expect(other.getByRole("button", { name: /bearbeiten:/ })).toHaveText(["Notfallplan aushängen und üben"]);
  await other.getByRole("button", { name: "Neue Maßnahme" }).click();
  // The new row takes the focus in the next frame; typed before that, the space would press the button again.
  await expect(other.getByRole("textbox", { name: "Was ist zu tun?" })).toBeFocused();
  await other.keyboard.type("Ersthelfer ausbilden");
  await expect(page.getByRole("button", { name: /bearbeiten:/ })).toHaveText(["Notfallplan aushängen und üben", "Ersthelfer ausbilden"]);

  // A run deleted in one tab goes in the other; its undo brings it back in both.
  await page.goto("/check/sicherheit-gesundheit");
  await other.goto("/check/sicherheit-gesundheit");
  await page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("button", { name: "Löschen" }).click();
  await expect(other.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(0);
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(other.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(1);

  const saved = await storedRun(page);
  expect(saved.answers["risiken-kennen"]).toMatchObject({ choice: "hoch", note: "aus dem zweiten Tab" });
  expect(saved.answers["beschaffung"].choice).toBe("mittel");
  expect(saved.answers["notfaelle"].choice).toBe("hoch");
  expect(saved.measures.map((m: { title: string }) => m.title)).toEqual(["Notfallplan aushängen und üben", "Ersthelfer ausbilden"]);
});

test("a stale tab that missed the other's changes never overwrites newer answers", async ({ app, page, context }) => {
  await seedRuns(page, [run]);
  await page.goto(module1);
  const stale = await context.newPage();
  // This tab hears nothing of the other: as if it had been asleep in the background.
  await stale.addInitScript(() => {
    const add = window.addEventListener;
    window.addEventListener = function (type: string, ...rest: unknown[]) {
      if (type === "storage") return;
      return (add as (...args: unknown[]) => void).call(this, type, ...rest);
    } as typeof window.addEventListener;
  });
  await stale.goto(module1);
  await expect(rating(stale, third, "hoch")).toBeChecked();

  // The fresh tab changes two answers and a measure; the stale tab still shows the old state.
  await app.rate(first, "hoch");
  await app.rate(third, "niedrig");
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await (await openMeasure(page, /bearbeiten: Notfallplan/)).getByRole("textbox", { name: "Was ist zu tun?" }).fill("Notfallplan neu");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  await expect(rating(stale, first, "hoch")).not.toBeChecked();

  // The stale tab changes another answer: saving merges what is stored, so nothing of the fresh tab is lost …
  await stale.getByRole("radiogroup", { name: second }).getByRole("radio", { name: "mittel", exact: true }).check();
  // Each tab reads its own cached copy of the storage, which the browser updates a moment after the other tab
  // writes: a save milliseconds after the other's can miss it, and the other tab then saves its newer answers again.
  await expect.poll(async () => (await storedRun(page)).answers["risiken-kennen"].choice).toBe("hoch");
  let saved = await storedRun(page);
  expect(saved.answers["notfaelle"].choice).toBe("niedrig");
  expect(saved.answers["beschaffung"].choice).toBe("mittel");
  expect(saved.measures[0].title).toBe("Notfallplan neu");
  // … and the stale tab now shows the merged run.
  await expect(rating(stale, first, "hoch")).toBeChecked();
  await expect(rating(stale, third, "niedrig")).toBeChecked();

  // An older answer of the stale tab's does not win over a newer one from the fresh tab.
  await page.goto(module1);
  await app.rate(first, "mittel");
  await stale.getByRole("textbox", { name: "Notiz 1.3" }).fill("vom alten Tab");
  await expect.poll(async () => (await storedRun(page)).answers["notfaelle"].note).toBe("vom alten Tab");
  await expect.poll(async () => (await storedRun(page)).answers["risiken-kennen"].choice).toBe("mittel");
  saved = await storedRun(page);
  expect(saved.answers["notfaelle"]).toMatchObject({ choice: "niedrig", note: "vom alten Tab" });

  await page.reload();
  await expect(rating(page, first, "mittel")).toBeChecked();
  await expect(rating(page, second, "mittel")).toBeChecked();
  await expect(page.getByRole("textbox", { name: "Notiz 1.3" })).toHaveValue("vom alten Tab");
});

test("a save that missed this tab's newer answer does not stand: this tab saves its answer again", async ({ app, page, context }) => {
  await seedRuns(page, [run]);
  await page.goto(module1);
  await app.rate(first, "mittel");
  // Another tab writes a copy made before that rating, as a tab does whose cached storage had not caught up yet.
  const other = await context.newPage();
  await other.goto("/manifest.webmanifest");
  // (Written in the file form, which every build reads from storage too.)
  const stale = decodeStoredRun(await other.evaluate(() => localStorage.getItem("checkwerk.run.gemeinsam")!));
  stale.answers["risiken-kennen"] = { choice: "hoch", updated_at: 1 };
  stale.answers["beschaffung"] = { choice: "niedrig", updated_at: 1 };
  await other.evaluate((text) => localStorage.setItem("checkwerk.run.gemeinsam", text), JSON.stringify({ format: "checkwerk-run", version: 2, run: stale }));
  // This tab keeps its newer answer, takes the other's new one, and the storage holds both again.
  await expect.poll(async () => (await storedRun(page)).answers["risiken-kennen"]?.choice).toBe("mittel");
  expect((await storedRun(page)).answers["beschaffung"].choice).toBe("niedrig");
  await expect(rating(page, second, "niedrig")).toBeChecked();
  await expect(rating(page, first, "mittel")).toBeChecked();
  await page.reload();
  await expect(rating(page, first, "mittel")).toBeChecked();
  await expect(rating(page, second, "niedrig")).toBeChecked();
});
