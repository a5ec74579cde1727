import { test, expect, screenshotTag } from "./fixtures";

test("Bausteine in any order, back to an earlier answer in one click, open items easy to find", { tag: screenshotTag }, async ({ app, page }) => {
  await page.goto("/check/energie-sparen");
  await app.checkBox("Bausteine");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Baustein 1:/);

  // Statement, explanation and examples (collapsible), the scale, a priority and a note.
  const first = app.rating(/^Wir wissen, wie viel Energie die Gebäudenutzung/);
  await expect(first.getByRole("radio")).toHaveCount(3);
  await page.getByText("Erläuterung & Praxisbeispiele").first().click();
  await expect(page.getByRole("heading", { name: "Praxisbeispiele" }).first()).toBeVisible();
  await first.getByRole("radio", { name: "Nein" }).check();
  await page.getByRole("radiogroup", { name: /Priorität der Umsetzung: .*Gebäudenutzung/ }).getByRole("radio", { name: "1 (hoch)" }).check();

  // Jump to module 2 from the sidebar, answer there, come back with one click.
  const sidebar = page.getByRole("complementary", { name: "Bausteine" });
  await sidebar.getByRole("link", { name: /Baustein 2/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Baustein 2:/);
  // Baustein 2's cards are its own: the explanation opened on Baustein 1's first card is not open on this one's.
  await expect(page.getByRole("heading", { name: "Praxisbeispiele" })).toHaveCount(0);
  await page.getByRole("radiogroup").first().getByRole("radio", { name: "Ja" }).check();
  await expect(sidebar.locator(".module-entry").nth(1)).toContainText("1 von 3 bewertet");
  await sidebar.getByRole("link", { name: /Baustein 1/ }).click();
  await expect(first.getByRole("radio", { name: "Nein" })).toBeChecked();
  await first.getByRole("radio", { name: "Ja" }).check();
  await expect(sidebar.locator(".module-entry").first()).toContainText("1 von 9 bewertet");

  // "Next open item" moves the focus to the first unanswered rating.
  await page.getByRole("button", { name: "Zum nächsten offenen Check-Punkt" }).click();
  const focusedGroup = await page.evaluate(() => document.activeElement?.closest("[role=radiogroup]")?.getAttribute("aria-labelledby"));
  expect(focusedGroup).toBe("aussage-gebaeude");
  await expect(page.getByText("noch offen").filter({ visible: true })).toHaveCount(8);
  await app.expectAccessible("module page");
  await app.screenshot("baustein.png");
});
