// A year later the company assesses again ("Erneut bewerten"): the new run belongs to the same company, takes over
// the open measures (done ones stay with the earlier run, its history), and starts with empty ratings. The earlier
// rating of a Check-Punkt is there on demand, folded away so it does not anchor the new judgement.
import { test, expect, seedRuns, storedRun, screenshotTag } from "./fixtures";

const lastYear = Date.UTC(2025, 2, 3);

test("a follow-up run carries the open measures and the company, not the ratings", { tag: screenshotTag }, async ({ app, page }) => {
  await seedRuns(page, [{
    id: "vorjahr",
    catalog_id: "sicherheit-gesundheit",
    catalog_version: "2022-12",
    name: "Standort Köln 2025",
    company: "Muster GmbH",
    created_at: lastYear,
    updated_at: lastYear + 1000,
    answers: {
      "risiken-kennen": { choice: "hoch", note: "Lager fehlt" },
      beschaffung: { choice: "mittel" },
    },
    starthilfe: { "wirtschaftliche-vorteile": "hoch" },
    measures: [
      { id: "m-offen", title: "Gefährdungsbeurteilung Lager", item_ids: ["risiken-kennen"], urgency: "hoch", responsible: "Frau Yılmaz", due: "2025-09-30", control: "Begehung", status: "in-arbeit" },
      { id: "m-erledigt", title: "Notfallplan aushängen", item_ids: ["notfaelle"], urgency: "mittel", responsible: "Herr Ott", due: "2025-04-30", control: "Sichtprüfung", status: "erledigt" },
      { id: "m-neu", title: "Beschaffungsregel schreiben", item_ids: ["beschaffung"], status: "offen" },
    ],
  }]);
  await page.goto("/check/sicherheit-gesundheit");
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await runs.getByRole("listitem").filter({ hasText: "Standort Köln 2025" }).getByRole("button", { name: "Erneut bewerten" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Neubewertung begonnen" })).toContainText("die Bewertungen beginnen leer");
  await expect(runs.getByRole("listitem")).toHaveCount(2);
  const followUp = runs.getByRole("listitem").filter({ hasText: "Neubewertung vom" });
  await expect(followUp).toContainText("in Bearbeitung");
  await expect(followUp).toContainText("0 von 13 bewertet");
  // The company's data stays: nobody types the name again.
  await expect(page.getByRole("textbox", { name: "Unternehmen" })).toHaveValue("Muster GmbH");

  // Ratings start empty; the earlier one is folded away until asked for.
  await app.checkBox("Bausteine");
  const first = app.rating(/Unsere Führungskräfte kennen die Gefährdungen/);
  await expect(first.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(page.getByRole("textbox", { name: "Notiz 1.1" })).toHaveValue("");
  const previous = page.locator("#punkt-risiken-kennen .previous-rating");
  await expect(previous.getByText("In „Standort Köln 2025“")).toBeHidden();
  await previous.getByText("Frühere Bewertung anzeigen").click();
  await expect(previous).toContainText("In „Standort Köln 2025“: hoch · „Lager fehlt“");
  const notRated = page.locator("#punkt-notfaelle .previous-rating");
  await notRated.getByText("Frühere Bewertung anzeigen").click();
  await expect(notRated).toContainText("In „Standort Köln 2025“: damals nicht bewertet");
  await app.rate(/Unsere Führungskräfte kennen die Gefährdungen/, "mittel");
  await app.expectAccessible("a follow-up run with its previous rating unfolded");
  await app.screenshot("neubewertung.png");

  // The open measures came along with every field; the done one stayed in the earlier run.
  await app.checkBox("Meine Maßnahmen");
  const plan = page.getByRole("table", { name: "Maßnahmenplan" });
  await expect(plan.locator(".row-toggle")).toHaveText(["Gefährdungsbeurteilung Lager", "Beschaffungsregel schreiben"]);
  const carried = plan.getByRole("row").filter({ has: page.getByRole("button", { name: /bearbeiten: Gefährdungsbeurteilung Lager/ }) });
  await expect(carried.getByRole("cell")).toHaveText(["1", "1.1", "hoch", "Frau Yılmaz", /30\.09\.2025/, "in Arbeit", "Begehung"]);

  // Stored: a new run of the same company that points back to the earlier one; the earlier one is unchanged.
  const earlier = await storedRun(page, "vorjahr");
  const newId = await page.evaluate(() => Object.keys(localStorage).find((key) => key.startsWith("checkwerk.run.") && key !== "checkwerk.run.vorjahr")!.slice("checkwerk.run.".length));
  const stored = await storedRun(page, newId);
  expect(stored.previous_run_id).toBe("vorjahr");
  expect(stored.company_id).toBe(earlier.company_id);
  expect(Object.keys(stored.answers)).toEqual(["risiken-kennen"]);
  expect(stored.starthilfe ?? {}).toEqual({});
  expect(stored.measures.map((measure: { id: string }) => measure.id).sort()).toEqual(["m-neu", "m-offen"]);
  expect(earlier.measures).toHaveLength(3);
  expect(earlier.answers["risiken-kennen"]).toMatchObject({ choice: "hoch", note: "Lager fehlt" });

  // Nothing is lost on reload, and the earlier run still has its ratings and all three measures.
  await page.reload();
  await expect(plan.locator(".row-toggle")).toHaveCount(2);
  await app.checkBox("Kompass");
  await runs.getByRole("listitem").filter({ hasText: "Standort Köln 2025" }).getByRole("button", { name: "Weiterbearbeiten" }).click();
  await app.checkBox("Meine Maßnahmen");
  await expect(plan.locator(".row-toggle")).toHaveText(["Gefährdungsbeurteilung Lager", "Beschaffungsregel schreiben", "Notfallplan aushängen"]);
});
