import { test, expect, seedRuns, openMeasure } from "./fixtures";

// The items of the check „Faire Lieferkette“ (OM-Praxis ), the basis of the OM-Zeichen Faire Lieferkette.
const items = [
  "betroffenheit", "nutzen-fairness", "leitung-verantwortung", "grundsatz", "lieferanten-uebersicht",
  "risiken-einschaetzen", "kompetenz-einkauf", "auswahl-kriterien", "vereinbarungen", "faire-einkaufspraxis",
  "nachweise", "vorbeugen", "beschwerdeweg", "abhilfe-plan", "wirksamkeit-doku", "kundenanfragen", "faire-loehne",
  "arbeitszeit-fair", "gleichbehandlung", "mitsprache", "sicher-gesund", "umwelt-eigener-betrieb",
  "engagement-region", "transparenz",
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
  const answers = Object.fromEntries(items.slice(0, 22).map((id) => [id, { choice: "mittel" }]));
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "faire-lieferkette",
    answers,
    measures: [...Array.from({ length: 8 }, (_, i) => measure(i + 1)), measure(9, false)],
  }]);
  await page.goto("/check/faire-lieferkette/selbsterklaerung");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bereit für die Selbsterklärung?");
  await expect(page.getByText("Noch nicht vollständig. Es fehlt:")).toBeVisible();
  const checklist = page.locator(".checklist > li");
  await expect(checklist.nth(0)).toContainText("2 sind noch offen");
  await expect(checklist.nth(0).getByRole("link")).toHaveText([/3\.7/, /3\.8/]);
  await expect(checklist.nth(1)).toContainText("8 vorhanden, 2 fehlen noch");
  await expect(checklist.nth(2)).toContainText("Maßnahme 9: Maßnahme Nummer 9");
  await expect(checklist.nth(2)).toContainText("Dringlichkeit");
  await expect(checklist.nth(2)).toContainText("Kontrolle");
  await app.expectAccessible("readiness");

  // Complete what is missing through the app, as a user would.
  await checklist.nth(0).getByRole("link").first().click();
  await app.rate(/Wir engagieren uns in unserer Region/, "nicht relevant");
  await app.rate(/Wir berichten offen darüber/, "mittel");
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
  await expect(page.getByRole("status").filter({ hasText: "Alles beisammen" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Erklärung ansehen und drucken" })).toBeVisible();
});
