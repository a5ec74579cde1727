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
  const host = await startHost(folder, { CHECKWERK_CORS: "1" });
  try {
    await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/netzwerk-check.toml`));
    await expect(page.getByRole("status").filter({ hasText: "Der Check dieser Seite ist geladen" })).toBeVisible();
    const card = page.getByRole("article", { name: "Netzwerk-Check Musterstadt" });
    await card.getByRole("link", { name: /Check beginnen/ }).click();
    await app.checkBox("Bausteine");
    await app.rate(/Unsere Führungskräfte kennen die Gefährdungen/, "mittel");
    await expect(app.saveStatus()).toContainText("Gespeichert");

    await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/kaputt.toml`));
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

    await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/gibt-es-nicht.toml`));
    await expect(page.getByRole("alert").filter({ hasText: "konnte nicht geladen werden" })).toBeVisible();
  } finally {
    host.kill();
  }
});

test("only pages that point at a catalog fetch the catalog checker, which is then kept for offline use", async ({ app, page }) => {
  const fetched: string[] = [];
  page.on("request", (request) => fetched.push(new URL(request.url()).pathname));
  const checker = (paths: string[]) => paths.filter((path) => path.includes("checkwerk-catalog-worker"));

  await app.openHome();
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await page.goto("/check/umweltschutz");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(checker(fetched)).toEqual([]);
  const cachedChecker = () =>
    page.evaluate(async () => {
      const names = (await caches.keys()).filter((name) => name.startsWith("checkwerk-"));
      const cache = await caches.open(names[0]);
      return Boolean(await cache.match(new URL("checkwerk-catalog-worker_bg.wasm", document.baseURI).href));
    });
  expect(await cachedChecker()).toBe(false);

  const folder = mkdtempSync(join(tmpdir(), "checkwerk-catalogs-"));
  const own = readFileSync(join(repoRoot, "catalogs", "sicherheit-gesundheit.toml"), "utf8").replace('id = "sicherheit-gesundheit"', 'id = "eigener-check"');
  writeFileSync(join(folder, "eigener-check.toml"), own);
  const host = await startHost(folder, { CHECKWERK_CORS: "1" });
  try {
    await page.goto("/?katalog=" + encodeURIComponent(`${host.origin}/eigener-check.toml`));
    await expect(page.getByRole("status").filter({ hasText: "Der Check dieser Seite ist geladen" })).toBeVisible();
    expect(checker(fetched).length).toBeGreaterThan(0);
    await expect.poll(cachedChecker).toBe(true);
  } finally {
    host.kill();
  }
});
