import { test, expect } from "./fixtures";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, startHost } from "./hosting";

test("a site points the app at its own catalog by URL: valid ones open, broken ones show located problems", async ({ app, page }) => {
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-catalogs-"));
  const original = readFileSync(join(repoRoot, "catalogs", "sicherheit-gesundheit.toml"), "utf8");
  const own = original
    .replace('id = "sicherheit-gesundheit"', 'id = "netzwerk-check"')
    .replace('title = "Sicherheit und Gesundheit bei der Arbeit"', 'title = "Netzwerk-Check Musterstadt"');
  writeFileSync(join(folder, "netzwerk-check.toml"), own);
  const broken = own.replace('statement = "Wir sind auf Unfälle und Notfälle vorbereitet."', 'statement = ""').replace("need = 50", "need = 150");
  writeFileSync(join(folder, "kaputt.toml"), broken);
  const host = await startHost(folder, 8193, { CHECKWERK_CORS: "1" });
  try {
    await page.goto("/?katalog=" + encodeURIComponent("http://127.0.0.1:8193/netzwerk-check.toml"));
    await expect(page.getByRole("status").filter({ hasText: "Der Check dieser Seite ist geladen" })).toBeVisible();
    const card = page.getByRole("article", { name: "Netzwerk-Check Musterstadt" });
    await card.getByRole("link", { name: /Check beginnen/ }).click();
    await app.checkBox("Bausteine");
    await app.rate(/Unsere Führungskräfte kennen die Gefährdungen/, "mittel");
    await expect(app.saveStatus()).toContainText("Gespeichert");

    await page.goto("/?katalog=" + encodeURIComponent("http://127.0.0.1:8193/kaputt.toml"));
    const alert = page.getByRole("alert").filter({ hasText: "Der Check dieser Seite ist fehlerhaft" });
    await expect(alert).toBeVisible();
    const problems = alert.getByRole("listitem");
    await expect(problems).toHaveCount(2);
    const lines = broken.split("\n");
    const needLine = lines.findIndex((line) => line.includes("need = 150")) + 1;
    const statementLine = lines.findIndex((line) => line.includes('statement = ""')) + 1;
    await expect(problems.nth(0)).toContainText(`kaputt.toml:${needLine}: scales[0].levels[1].need`);
    await expect(problems.nth(1)).toContainText(`kaputt.toml:${statementLine}: modules[0].items[2].statement: darf nicht leer sein`);
    await expect(page.getByRole("article", { name: "Netzwerk-Check Musterstadt" })).toHaveCount(0);

    await page.goto("/?katalog=" + encodeURIComponent("http://127.0.0.1:8193/gibt-es-nicht.toml"));
    await expect(page.getByRole("alert").filter({ hasText: "konnte nicht geladen werden" })).toBeVisible();
  } finally {
    host.kill();
  }
});
