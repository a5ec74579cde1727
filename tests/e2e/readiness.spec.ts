import { test, expect, seedRuns, openMeasure } from "./fixtures";

const items = [
  "risiken-kennen", "beschaffung", "notfaelle", "unterweisung", "stoerungen-besprechen", "arbeitsmittel-pruefen",
  "fuehrung-engagiert", "arbeit-nach-kompetenz", "beschaeftigte-beteiligen", "arbeitszeit", "ansprechpartner",
  "qualitaet-vermitteln", "auftraege-abstimmen",
];

function measure(index: number, complete = true) {
  return {
    id: `m${index}`,
    title: `Maßnahme Nummer ${index}`,
    item_ids: [items[index % items.length]],
    urgency: complete ? "hoch" : undefined,
    responsible: complete ? "Frau Berger" : "",
    due: "2027-06-30",
    control: complete ? "Kennzahl im Quartalsbericht" : "",
    status: "offen",
  };
}

test("Selbsterklärung lists exactly what is missing, and says when all is there", async ({ app, page }) => {
  const answers = Object.fromEntries(items.slice(0, 11).map((id) => [id, { choice: "mittel" }]));
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    answers,
    measures: [...Array.from({ length: 8 }, (_, i) => measure(i + 1)), measure(9, false)],
  }]);
  await page.goto("/check/sicherheit-gesundheit/selbsterklaerung");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bereit für die Selbsterklärung?");
  await expect(page.getByText("Noch nicht vollständig. Es fehlt:")).toBeVisible();
  const checklist = page.locator(".checklist > li");
  await expect(checklist.nth(0)).toContainText("2 sind noch offen");
  await expect(checklist.nth(0).getByRole("link")).toHaveText([/4\.1/, /4\.2/]);
  await expect(checklist.nth(1)).toContainText("8 vorhanden, 2 fehlen noch");
  await expect(checklist.nth(2)).toContainText("Maßnahme 9: Maßnahme Nummer 9");
  await expect(checklist.nth(2)).toContainText("Dringlichkeit");
  await expect(checklist.nth(2)).toContainText("Kontrolle");
  await app.expectAccessible("readiness");

  // Complete what is missing through the app, as a user would.
  await checklist.nth(0).getByRole("link").first().click();
  await app.rate(/Wir zeigen unseren Kunden/, "niedrig");
  await app.rate(/Wenn Aufträge oder Änderungswünsche/, "mittel");
  await app.checkBox("Meine Maßnahmen");
  const ninth = await openMeasure(page, "Maßnahme Nummer 9");
  await ninth.getByRole("combobox", { name: "Dringlichkeit" }).selectOption("niedrig");
  await ninth.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill("Herr Kaya");
  await ninth.getByRole("textbox", { name: /Kontrolle/ }).fill("Nachfrage im Team");
  await page.getByRole("button", { name: "Neue Maßnahme" }).click();
  await expect(page.getByRole("textbox", { name: "Was ist zu tun?" }).last()).toBeFocused();
  await page.keyboard.type("Erste-Hilfe-Kurs buchen");
  const tenth = page.getByRole("group", { name: /Erste-Hilfe-Kurs buchen/ });
  await tenth.getByRole("combobox", { name: "Dringlichkeit" }).selectOption("mittel");
  await tenth.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill("Herr Kaya");
  await tenth.getByLabel("Bis wann?").fill("2027-04-30");
  await tenth.getByRole("textbox", { name: /Kontrolle/ }).fill("Teilnahmebescheinigung");
  await app.checkBox("Selbsterklärung");
  await expect(page.getByText("Alles beisammen")).toBeVisible();
});
