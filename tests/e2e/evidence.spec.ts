// Evidence (Nachweis) per Check-Punkt: an optional reference – a document, where it is kept, or a link – shown on the
// Check-Punkt and in the report; a link only where it is a safe address.
import { test, expect, readDownload } from "./fixtures";

test("evidence is kept with the rating, shown as a link only when it is a safe address, and printed in the report", async ({ page }) => {
  await page.goto("/check/umweltschutz/baustein/nutzen");
  const first = page.getByRole("article").nth(0);
  const second = page.getByRole("article").nth(1);
  await first.getByRole("radio", { name: "hoch", exact: true }).check();
  await first.getByRole("textbox", { name: "Nachweis zu 1.1" }).fill("https://intranet.example.de/umwelt/kosten-2026.pdf");
  await expect(first.getByRole("link", { name: "https://intranet.example.de/umwelt/kosten-2026.pdf" })).toHaveAttribute(
    "href",
    "https://intranet.example.de/umwelt/kosten-2026.pdf",
  );
  await second.getByRole("textbox", { name: "Nachweis zu 1.2" }).fill("javascript:alert(1)");
  await expect(second.getByRole("link")).toHaveCount(0);
  await page.reload();
  await expect(first.getByRole("textbox", { name: "Nachweis zu 1.1" })).toHaveValue("https://intranet.example.de/umwelt/kosten-2026.pdf");
  await second.getByRole("textbox", { name: "Nachweis zu 1.2" }).fill("Ordner Umwelt, Regal 3");

  // In the report beside the note, a link where safe and text otherwise.
  await page.goto("/check/umweltschutz/bericht");
  const answers = page.getByRole("table").filter({ hasText: "Nachweis: https://intranet" });
  await expect(answers.getByRole("columnheader")).toHaveText(["Nr.", "Aussage", "Bewertung", "Notiz / Nachweis"]);
  await expect(answers.getByRole("row", { name: /^1\.1/ }).getByRole("link")).toHaveAttribute("href", "https://intranet.example.de/umwelt/kosten-2026.pdf");
  await expect(answers.getByRole("row", { name: /^1\.2/ })).toContainText("Nachweis: Ordner Umwelt, Regal 3");

  // The evidence travels with the run.
  const file = await readDownload(page, () => page.getByRole("button", { name: "Exportieren" }).click());
  const run = JSON.parse(file.text).run;
  expect(run.answers["kosten-senken"].evidence).toBe("https://intranet.example.de/umwelt/kosten-2026.pdf");
  expect(run.answers["kundenanforderungen-umwelt"].evidence).toBe("Ordner Umwelt, Regal 3");
});
