import { test, expect, seedRuns, readDownload, screenshotTag } from "./fixtures";

test("Meine Maßnahmen: create from an item, edit, sort, filter, delete with undo, export CSV and ICS", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    name: "Standort Köln",
    answers: { "risiken-kennen": { choice: "hoch" }, unterweisung: { choice: "mittel" } },
  }]);
  await page.goto("/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile");
  await page.getByRole("button", { name: "Maßnahme anlegen 1.1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");

  // The new measure is linked to its item, urgency suggested from the rating, and its description focused.
  const first = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Maßnahme 1/ }) });
  await expect(page.getByRole("textbox", { name: "Was ist zu tun?" })).toBeFocused();
  await page.keyboard.type("Gefährdungsbeurteilung für das Lager erstellen; mit \"Fachkraft\" abstimmen");
  await expect(first).toContainText("1.1 Unsere Führungskräfte kennen die Gefährdungen");
  await expect(first.getByRole("combobox", { name: "Dringlichkeit" })).toHaveValue("hoch");
  await first.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill("Frau Yılmaz");
  await first.getByLabel("Bis wann?").fill("2027-03-31");
  await first.getByRole("textbox", { name: /Kontrolle/ }).fill("=Begehung nach drei Monaten");
  await first.getByRole("combobox", { name: "Status" }).selectOption({ label: "in Arbeit" });

  // A second measure, created on the page, for another item.
  await page.getByRole("button", { name: "Neue Maßnahme" }).click();
  const second = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Maßnahme 2/ }) });
  // The focus moves to the new description in the next frame, as a person would see before typing.
  await expect(second.getByRole("textbox", { name: "Was ist zu tun?" })).toBeFocused();
  await page.keyboard.type("Unterweisungsplan aufstellen");
  await second.getByRole("combobox", { name: "Check-Punkt hinzufügen" }).selectOption("unterweisung");
  await second.getByRole("combobox", { name: "Dringlichkeit" }).selectOption("mittel");
  await second.getByLabel("Bis wann?").fill("2027-01-15");

  // Sort by due date: the January measure comes first; filter by status.
  const headings = page.locator(".measure-heading");
  await expect(headings).toHaveText([/Maßnahme 2: Unterweisungsplan/, /Maßnahme 1: Gefährdungsbeurteilung/]);
  await page.getByRole("combobox", { name: "Sortieren nach" }).selectOption({ label: "Dringlichkeit" });
  await expect(headings).toHaveText([/Maßnahme 1/, /Maßnahme 2/]);
  await page.getByRole("combobox", { name: "Status" }).first().selectOption({ label: "in Arbeit" });
  await expect(headings).toHaveText([/Maßnahme 1/]);
  await expect(page.getByText("1 von 2 Maßnahmen")).toBeVisible();
  await page.getByRole("combobox", { name: "Status" }).first().selectOption({ label: "alle" });
  await page.getByRole("combobox", { name: "Baustein" }).selectOption({ label: "2 Zuverlässige und effiziente Prozesse" });
  await expect(headings).toHaveText([/Maßnahme 2/]);
  await page.getByRole("combobox", { name: "Baustein" }).selectOption({ label: "alle" });
  await app.expectAccessible("measures");
  await app.screenshot("massnahmen.png");

  // CSV for German Excel: BOM, semicolons, quoted quotes, formula guard, German date.
  const csv = await readDownload(page, () => page.getByRole("button", { name: /CSV für Excel/ }).click());
  expect(csv.name).toMatch(/^massnahmen-sicherheit-gesundheit-standort-koeln\.csv$/);
  expect(csv.text.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.text.slice(1).split("\r\n");
  expect(lines[0]).toBe("Nr.;Maßnahme;Check-Punkte;Baustein;Dringlichkeit;Verantwortlich;Bis wann;Kontrolle;Status");
  expect(csv.text).toContain('"Gefährdungsbeurteilung für das Lager erstellen; mit ""Fachkraft"" abstimmen"');
  expect(csv.text).toContain("Frau Yılmaz;31.03.2027;'=Begehung nach drei Monaten;in Arbeit");

  // Calendar: one all-day event per due date.
  const ics = await readDownload(page, () => page.getByRole("button", { name: /Kalender/ }).click());
  expect(ics.name).toMatch(/\.ics$/);
  expect(ics.text).toContain("BEGIN:VCALENDAR\r\n");
  expect(ics.text.match(/BEGIN:VEVENT/g)?.length).toBe(2);
  expect(ics.text).toContain("DTSTART;VALUE=DATE:20270331");
  expect(ics.text).toContain("DTEND;VALUE=DATE:20270401");
  expect(ics.text).toContain("SUMMARY:Unterweisungsplan aufstellen");

  // Delete with undo, then the change survives a reload.
  await second.getByRole("button", { name: "Maßnahme löschen" }).click();
  await expect(headings).toHaveCount(1);
  await page.getByRole("button", { name: "Rückgängig" }).click();
  await expect(headings).toHaveCount(2);
  await page.reload();
  await expect(headings).toHaveCount(2);
  await expect(page.getByRole("textbox", { name: "Wer ist verantwortlich?" }).first()).toHaveValue(/Yılmaz|^$/);

  // Back at the Baustein, the item tells how many measures it has; deleting the measure takes the count away.
  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Bausteine" }).click();
  const item = page.getByRole("article").filter({ hasText: "Unsere Führungskräfte kennen die Gefährdungen" });
  await expect(item).toContainText("1 Maßnahme dazu");
  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Maßnahmen" }).click();
  await page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Maßnahme 1/ }) })
    .getByRole("button", { name: "Maßnahme löschen" }).click();
  await expect(headings).toHaveCount(1);
  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Bausteine" }).click();
  await expect(item.getByRole("button", { name: "Maßnahme anlegen 1.1" })).toBeVisible();
  await expect(item).not.toContainText("Maßnahme dazu");
});
