// Storage faults, injected into the browser before the app starts: localStorage blocked, the quota running out,
// a read that throws, and data under our keys that cannot be read. Each journey asserts that nothing is lost.
import { test, expect, seedRuns, readDownload, screenshotTag, decodeStoredRun } from "./fixtures";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const check = "/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile";
const first = /Unsere Führungskräfte kennen die Gefährdungen/;
const second = /Wenn wir Arbeitsmittel und Arbeitsstoffe beschaffen/;
const third = /Wir sind auf Unfälle und Notfälle vorbereitet/;

/** Every value under our keys, as stored. */
async function stored(page: import("@playwright/test").Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const entries: Record<string, string> = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index)!;
      if (key.startsWith("checkwerk.")) entries[key] = localStorage.getItem(key)!;
    }
    return entries;
  });
}

test("storage blocked: the app runs in memory, says so in German and offers every answer as a file", { tag: screenshotTag }, async ({ app, page }) => {
  // As in a sandboxed frame or with site data blocked: merely touching window.localStorage throws.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      configurable: true,
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  await page.goto(check);
  await app.rate(first, "hoch");
  await page.getByRole("textbox", { name: "Notiz 1.1" }).fill("nur im Speicher");
  const banner = page.getByRole("alert").filter({ hasText: "lässt Checkwerk hier nichts speichern" });
  await expect(banner).toContainText("solange diese Seite geöffnet ist");
  await expect(page.getByRole("status").filter({ hasText: "Nicht gespeichert" })).toBeVisible();

  // The answers live on while the page is open.
  await app.checkBox("Kompass");
  await app.checkBox("Bausteine");
  await expect(app.rating(first).getByRole("radio", { name: "hoch" })).toBeChecked();

  const backup = await readDownload(page, () => banner.getByRole("button", { name: "Alle Durchläufe als Datei sichern" }).click());
  expect(backup.name).toMatch(/^checkwerk-sicherung-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(backup.text);
  expect(file.format).toBe("checkwerk-backup");
  const runs = Object.entries(file.entries as Record<string, string>)
    .filter(([key]) => key.startsWith("checkwerk.run."))
    .map(([, text]) => decodeStoredRun(text));
  expect(runs).toHaveLength(1);
  expect(runs[0].answers["risiken-kennen"]).toMatchObject({ choice: "hoch", note: "nur im Speicher" });

  // The file restores everything in a browser that can save.
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-memory-"));
  writeFileSync(join(folder, backup.name), backup.text);
  const other = await page.context().browser()!.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto("/check/sicherheit-gesundheit");
  await otherPage.getByLabel("Durchlauf importieren").setInputFiles(join(folder, backup.name));
  await expect(otherPage.getByRole("status").filter({ hasText: "importiert" })).toBeVisible();
  await otherPage.goto(check);
  await expect(otherPage.getByRole("radiogroup", { name: first }).getByRole("radio", { name: "hoch" })).toBeChecked();
  await expect(otherPage.getByRole("textbox", { name: "Notiz 1.1" })).toHaveValue("nur im Speicher");
  await other.close();
  await app.expectAccessible("the memory-only banner");
  await app.screenshot("speicher-gesperrt.png");
});

test("storage full: a clear message, the saved state stays intact, and nothing is lost once there is room", async ({ app, page }) => {
  // setItem throws QuotaExceededError once the test has used up the writes it allows.
  await page.addInitScript(() => {
    const w = window as unknown as { writesLeft: number };
    w.writesLeft = Number.POSITIVE_INFINITY;
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      if (w.writesLeft <= 0) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      w.writesLeft -= 1;
      return setItem.call(this, key, value);
    };
  });
  await page.goto(check);
  await app.rate(first, "hoch");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  const before = await stored(page);
  const runKey = Object.keys(before).find((key) => key.startsWith("checkwerk.run."))!;

  // The quota runs out after one more write: the second rating is saved, the third is not.
  await page.evaluate(() => ((window as unknown as { writesLeft: number }).writesLeft = 1));
  await app.rate(second, "mittel");
  await app.rate(third, "niedrig");
  const banner = page.getByRole("alert").filter({ hasText: "Der Speicher dieses Browsers ist voll" });
  await expect(banner).toContainText("Der zuletzt gespeicherte Stand bleibt unverändert erhalten");
  await expect(page.getByRole("status").filter({ hasText: "Nicht gespeichert" })).toBeVisible();

  // What is stored is the last state that fit, whole and readable: not half of a write.
  const during = await stored(page);
  const saved = decodeStoredRun(during[runKey]);
  expect(saved.answers["risiken-kennen"].choice).toBe("hoch");
  expect(saved.answers["beschaffung"].choice).toBe("mittel");
  expect(saved.answers["notfaelle"]).toBeUndefined();
  // The page still shows every answer, and the backup holds them all.
  await expect(app.rating(third).getByRole("radio", { name: "niedrig" })).toBeChecked();
  const backup = await readDownload(page, () => banner.getByRole("button", { name: "Alle Durchläufe als Datei sichern" }).click());
  const backedUp = decodeStoredRun(JSON.parse(backup.text).entries[runKey]);
  expect(backedUp.answers["notfaelle"].choice).toBe("niedrig");

  // An import while the storage is full is refused and changes nothing.
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-quota-"));
  writeFileSync(join(folder, "lauf.json"), JSON.stringify({ format: "checkwerk-run", version: 1, run: { id: "neu", catalog_id: "sicherheit-gesundheit", name: "Neu" } }));
  await app.checkBox("Kompass");
  await page.getByLabel("Durchlauf importieren").setInputFiles(join(folder, "lauf.json"));
  await expect(page.getByRole("status").filter({ hasText: "der Durchlauf wurde nicht importiert" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(1);
  expect(await stored(page)).toEqual(during);

  // Once there is room again, the next change saves everything this tab holds, the unsaved answer included.
  await page.evaluate(() => ((window as unknown as { writesLeft: number }).writesLeft = Number.POSITIVE_INFINITY));
  await app.checkBox("Bausteine");
  await page.getByRole("textbox", { name: "Notiz 1.1" }).fill("wieder Platz");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  await expect(banner).toHaveCount(0);
  const after = decodeStoredRun((await stored(page))[runKey]);
  expect(after.answers["notfaelle"].choice).toBe("niedrig");
  expect(after.answers["risiken-kennen"]).toMatchObject({ choice: "hoch", note: "wieder Platz" });
  await page.reload();
  await expect(app.rating(third).getByRole("radio", { name: "niedrig" })).toBeChecked();
});

test("corrupt, foreign and future data under our keys is kept aside untouched, reported and offered for download", { tag: screenshotTag }, async ({ app, page }) => {
  const unreadable = {
    "checkwerk.run.kaputt": '{"format":"checkwerk-run","version":1,"run":{"id":"kaputt","catal',
    "checkwerk.run.fremd": '{"todos":[{"title":"Milch kaufen"}]}',
    "checkwerk.run.zukunft": '{"format":"checkwerk-run","version":9,"run":{"id":"zukunft","catalog_id":"sicherheit-gesundheit","hologramme":true}}',
    "checkwerk.run.kein-json": "<html>nicht von uns</html>",
    "checkwerk.run.gesperrt": '{"format":"checkwerk-run","version":1,"run":{"id":"gesperrt","catalog_id":"sicherheit-gesundheit"}}',
  };
  await seedRuns(page, [{ id: "gut", catalog_id: "sicherheit-gesundheit", name: "Lesbarer Lauf", answers: { "risiken-kennen": { choice: "hoch" } } }]);
  await page.addInitScript((entries) => {
    if (!sessionStorage.getItem("seeded-unreadable")) {
      for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
      sessionStorage.setItem("seeded-unreadable", "1");
    }
    // One entry the browser refuses to read at all.
    const getItem = Storage.prototype.getItem;
    Storage.prototype.getItem = function (key: string) {
      if (key === "checkwerk.run.gesperrt") throw new DOMException("Lesen verweigert", "SecurityError");
      return getItem.call(this, key);
    };
  }, unreadable);
  await page.goto(check);

  // The app starts with the readable run, and says what it set aside and why.
  await expect(app.rating(first).getByRole("radio", { name: "hoch" })).toBeChecked();
  const banner = page.getByRole("alert").filter({ hasText: "konnten nicht gelesen werden" });
  await expect(banner.getByRole("listitem")).toHaveCount(5);
  await expect(banner).toContainText("checkwerk.run.zukunft – von einer neueren Checkwerk-Version gespeichert (Format 9)");
  await expect(banner).toContainText("checkwerk.run.fremd – nicht von Checkwerk");
  await expect(banner).toContainText("checkwerk.run.kaputt – beschädigt");
  await expect(banner).toContainText("checkwerk.run.gesperrt – der Browser verweigert das Lesen");

  // The download holds the stored text of each readable entry exactly.
  const download = await readDownload(page, () => banner.getByRole("button", { name: "Unlesbare Daten herunterladen" }).click());
  expect(download.name).toBe("checkwerk-unlesbare-daten.json");
  const { gesperrt: _, ...downloadable } = Object.fromEntries(Object.entries(unreadable).map(([key, value]) => [key.slice("checkwerk.run.".length), value]));
  const entries = JSON.parse(download.text).entries as Record<string, string>;
  expect(Object.fromEntries(Object.entries(entries).map(([key, value]) => [key.slice("checkwerk.run.".length), value]))).toEqual(downloadable);

  // Working on and importing runs never touches the set-aside entries, not even one that shares an id.
  await app.rate(second, "mittel");
  await expect(app.saveStatus()).toContainText("Gespeichert");
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-unreadable-"));
  writeFileSync(join(folder, "zukunft.json"), JSON.stringify({ format: "checkwerk-run", version: 1, run: { id: "zukunft", catalog_id: "sicherheit-gesundheit", name: "Gleiche Kennung" } }));
  await app.checkBox("Kompass");
  await page.getByLabel("Durchlauf importieren").setInputFiles(join(folder, "zukunft.json"));
  await expect(page.getByRole("status").filter({ hasText: "„Gleiche Kennung“ importiert" })).toBeVisible();
  await page.reload();
  // Named access, not getItem, which this test makes throw for one key.
  const after = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage[key] as string])));
  for (const [key, value] of Object.entries(unreadable)) expect(after[key], key).toBe(value);
  await expect(page.getByRole("alert").filter({ hasText: "konnten nicht gelesen werden" }).getByRole("listitem")).toHaveCount(5);
  await expect(page.getByRole("region", { name: "Ihre Durchläufe" }).getByRole("listitem")).toHaveCount(2);
  await app.expectAccessible("the unreadable-data banner");
  await app.screenshot("unlesbare-daten.png");
});
