// Defect 5 of issue 16: the Energie check asks "Trifft das zu?" – Ja / Nein / Keine Relevanz – with a priority of its
// own, and was treated like a need scale: a measure for "Nein · Priorität 3 (gering)" started at urgency "hoch",
// "Ja · Priorität 1" counted as a strength, "Keine Relevanz" took a priority, the results' table read
// "Ja | Nein | Ja | Nein", the blank form had neither priorities nor the free texts and asked for a
// "Handlungsbedarf", and 12 items printed on 6 pages.
import { test, expect, seedRuns } from "./fixtures";
import { join } from "node:path";
import { mkdirSync, statSync } from "node:fs";
import { screenshotDir } from "./fixtures";

/** How many pages a PDF has. */
function pageCount(pdf: Buffer): number {
  return pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

test("on the screen: urgency from the priority, no strength that is still to be tackled, no priority for what does not apply", async ({ app, page }) => {
  await page.goto("/check/energie-sparen/baustein/energiebedarf");
  const rate = async (statement: RegExp, choice: string, priority?: string) => {
    const item = page.getByRole("article").filter({ has: page.getByRole("radiogroup", { name: statement }) });
    await app.rate(statement, choice);
    if (priority) await item.getByRole("radiogroup", { name: /Priorität der Umsetzung/ }).getByRole("radio", { name: priority }).check();
    return item;
  };
  await rate(/Gebäudenutzung/, "Ja", "1 (hoch)");
  await rate(/Zustand unserer Gebäude/, "Nein", "3 (gering)");
  const notRelevant = await rate(/Rohstoffe und Vorprodukte/, "Keine Relevanz");
  await rate(/Produktion bzw\. die Erbringung/, "Ja");

  // "Keine Relevanz" takes no priority.
  const priorities = notRelevant.getByRole("radiogroup", { name: /Priorität der Umsetzung/ }).getByRole("radio");
  await expect(priorities).toHaveCount(3);
  for (const radio of await priorities.all()) await expect(radio).toBeDisabled();
  await expect(notRelevant).toContainText("Keine Relevanz: ohne Priorität");

  // A measure for "Nein · Priorität 3 (gering)" starts at urgency "niedrig".
  await page.getByRole("button", { name: "Maßnahme anlegen 1.2" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
  await expect(page.getByRole("combobox", { name: "Dringlichkeit" }).last()).toHaveValue("niedrig");

  // "Ja · Priorität 1" is a need to tackle, not a strength; a plain "Ja" is a strength.
  await page.goto("/check/energie-sparen/staerken");
  await expect(page.getByRole("main").locator(".strength-list").getByRole("listitem")).toHaveText([/^1\.3/]);
  await page.goto("/check/energie-sparen/ergebnisse");
  const needs = page.getByRole("region", { name: "Check-Punkte mit dem höchsten Handlungsbedarf" }).getByRole("listitem");
  await expect(needs).toHaveCount(2);
  await expect(needs.nth(0)).toContainText("1.1");
  await expect(needs.nth(0)).toContainText("Ja · 1 (hoch)");
  await expect(needs.nth(1)).toContainText("Nein · 3 (gering)");

  // The results' table has one column per answer, in the check's own words.
  const table = page.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" }).getByRole("table");
  await expect(table.getByRole("columnheader")).toHaveText(["Baustein", "Ja", "Nein", "Keine Relevanz", "offen", "Handlungsbedarfs-Index"]);
  await expect(table.getByRole("row", { name: /^1 Wir wissen/ }).getByRole("cell")).toHaveText(["2", "1", "1", "5", "33 / 100"]);
});

test("on paper: the blank form asks what the screen asks, on few pages; the report wastes none", { tag: "@screenshot" }, async ({ app, page }) => {
  await page.goto("/check/energie-sparen/druckvorlage");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Energie sparen");
  const cover = page.locator(".report-cover");
  await expect(cover).not.toContainText("Handlungsbedarf");
  await expect(cover).toContainText(
    "Kreuzen Sie je Check-Punkt Ihre Antwort an („Trifft das zu?“) und, wo gefragt, die Priorität der Umsetzung. Notieren Sie darunter Ideen für Maßnahmen.",
  );
  const items = page.locator(".paper-item");
  await expect(items).toHaveCount(12);
  await expect(items.first()).toContainText("☐ Ja");
  await expect(items.first()).toContainText("☐ Keine Relevanz");
  await expect(items.first().locator(".paper-priority")).toHaveText("Priorität der Umsetzung: ☐ 1 (hoch) ☐ 2 (mittel) ☐ 3 (gering)");
  // The second Baustein's yes/no scale asks no priority.
  await expect(items.nth(9)).not.toContainText("Priorität");
  await expect(page.getByRole("heading", { level: 3 })).toHaveText([
    "Wir sehen Handlungsbedarf in folgenden Bereichen und Prozessen:",
    "Wir legen folgende Maßnahmen in den Bereichen und Prozessen mit Handlungsbedarf fest:",
    "Externe Unterstützung suchen wir bei:",
  ]);
  await app.expectAccessible("blank Energie form");
  await page.emulateMedia({ media: "print" });
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({ path: join(screenshotDir, "leerer-check-energie.png"), fullPage: true });
  const blank = await page.pdf({ path: join(screenshotDir, "leerer-check-energie.pdf"), format: "A4" });
  // Twelve Check-Punkte with their boxes and lines, and the three free texts: three pages.
  expect(pageCount(blank), "pages of the blank form").toBeLessThanOrEqual(3);

  // The report of all 12 items, no measures yet and no conclusions: no page for an empty section.
  const answers: Record<string, { choice: string; priority?: number; note?: string }> = {
    gebaeudenutzung: { choice: "nein", priority: 1, note: "Heizung läuft am Wochenende durch" },
    gebaeude: { choice: "ja", priority: 2 },
    produktion: { choice: "nein", priority: 1, note: "Kompressoren ohne Zähler" },
    "rohstoffe-vorprodukte": { choice: "keine-relevanz" },
    produktlogistik: { choice: "ja" },
    "abfaelle-entsorgung": { choice: "nein", priority: 3 },
    "mobilitaet-arbeitsprozess": { choice: "ja" },
    "mobilitaet-beschaeftigte": { choice: "nein", priority: 2 },
    "edv-software": { choice: "ja", priority: 3 },
    "energie-erfassen": { choice: "nein" },
    "beschaeftigte-einbeziehen": { choice: "ja" },
    "externe-experten": { choice: "nein" },
  };
  await page.emulateMedia({ media: "screen" });
  await seedRuns(page, [{ id: "r1", catalog_id: "energie-sparen", name: "Werk Süd 2027", company: "Muster Metallbau GmbH", answers }]);
  await page.goto("/check/energie-sparen/bericht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Energie sparen");
  await expect(page.getByRole("heading", { name: "Ihre Schlussfolgerungen" })).toHaveCount(0);
  await page.emulateMedia({ media: "print" });
  await page.screenshot({ path: join(screenshotDir, "bericht-energie.png"), fullPage: true });
  const report = await page.pdf({ path: join(screenshotDir, "bericht-energie.pdf"), format: "A4", printBackground: true });
  expect(statSync(join(screenshotDir, "bericht-energie.pdf")).size).toBeGreaterThan(20_000);
  // The cover, the summary, and the (empty) plan with all answers: three pages, where six were before.
  expect(pageCount(report), "pages of the Energie report").toBeLessThanOrEqual(3);
});
