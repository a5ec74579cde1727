// The smaller things a new user tripped over in a day with the checks (defect 9 of issue 16; the plan's filters and
// its calendar export are in measures.spec.ts).
import { test, expect, seedRuns } from "./fixtures";

test.use({ viewport: { width: 1280, height: 900 } });

test("the need profile's labels are whole on a wide screen and on paper", async ({ page }) => {
  await seedRuns(page, [{ id: "r1", catalog_id: "umweltschutz", answers: { "kosten-senken": { choice: "hoch" } } }]);
  await page.goto("/check/umweltschutz/ergebnisse");
  const chart = page.getByRole("img", { name: /Bewertungen je Baustein/ });
  for (const media of ["screen", "print"] as const) {
    await page.emulateMedia({ media });
    for (const label of ["1 Einstieg: Nutzen des betrieblichen Umweltschutzes", "6 Umweltschutz in Instandhaltung und Verbesserung", "7 Menschenrechte und faire Lieferketten"]) {
      const text = chart.getByText(label, { exact: true });
      await expect(text, `${label} (${media})`).toBeVisible();
      const clipped = await text.evaluate((element) => element.scrollWidth > element.clientWidth + 1);
      expect(clipped, `${label} clipped (${media})`).toBe(false);
    }
  }
});

test("a long compound wraps inside its card on the home page", async ({ page }) => {
  await page.goto("/");
  const cards = page.getByRole("article");
  await expect(cards.first()).toBeVisible();
  const overflowing = await cards.evaluateAll((articles) =>
    articles.filter((card) => card.scrollWidth > card.clientWidth + 1).map((card) => card.querySelector("h2")?.textContent),
  );
  expect(overflowing).toEqual([]);
});

test("the empty action plan points to ways to create a measure that exist", async ({ page }) => {
  await seedRuns(page, [{ id: "r1", catalog_id: "sicherheit-gesundheit", answers: { "risiken-kennen": { choice: "hoch" } } }]);
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await expect(page.locator(".empty")).toContainText("Noch keine Maßnahmen.");
  await expect(page.locator(".empty")).toContainText("„Meine Ergebnisse“");
  // On "Meine Ergebnisse", beside the need, is the button the plan speaks of …
  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Ergebnisse" }).click();
  const needs = page.getByRole("region", { name: "Check-Punkte mit dem höchsten Handlungsbedarf" });
  await expect(needs.getByRole("button", { name: "Maßnahme anlegen 1.1" })).toBeVisible();
  // … and in the plan itself, the need without a measure has one too.
  await page.goBack();
  await expect(page.getByRole("region", { name: "Hier fehlt noch eine Maßnahme" }).getByRole("button", { name: "Maßnahme anlegen 1.1" })).toBeVisible();
  await page.goForward();
  await needs.getByRole("button", { name: "Maßnahme anlegen 1.1" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
  await expect(page.getByRole("textbox", { name: "Was ist zu tun?" })).toBeFocused();
  const row = page.getByRole("row").filter({ has: page.getByRole("button", { name: /bearbeiten: \(noch ohne Beschreibung\)/ }) });
  await expect(row.getByRole("cell")).toHaveText(["1", "1.1", "hoch", "", "–", "offen", ""]);
});

test("the Kompass speaks of „Exportieren“ only once there is a run to export", async ({ page }) => {
  await page.goto("/check/umweltschutz");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await expect(page.getByRole("button", { name: "Exportieren" })).toHaveCount(0);
  await expect(page.getByText(/Exportieren/)).toHaveCount(0);
  await page.getByRole("link", { name: "Mit Baustein 1 beginnen" }).click();
  await page.getByRole("radiogroup").first().getByRole("radio", { name: "mittel", exact: true }).check();
  await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Kompass" }).click();
  await expect(page.getByRole("button", { name: "Exportieren" }).first()).toBeVisible();
  await expect(page.getByText(/Mit „Exportieren“ oben auf jeder Seite/)).toBeVisible();
});
