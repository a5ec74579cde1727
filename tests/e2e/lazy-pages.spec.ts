// The split build (issue 21): every page but the Baustein comes in one wasm chunk, fetched the first time one of
// them is shown (crates/web/src/pages/lazy.rs). A chunk that cannot be fetched is a German message with a retry,
// never a blank page or a panic; after the first visit the service worker has every chunk, so all pages open offline.
import { test, expect, dropRequests } from "./fixtures";
import type { Page } from "@playwright/test";

/** The chunk of the lazy pages, named by the build's hash. */
const chunk = /\/split_pages-[0-9a-f]+\.wasm$/;

const failure = (page: Page) => page.getByRole("alert").filter({ hasText: "Diese Seite konnte nicht geladen werden" });

test.describe("without a service worker, so every chunk request reaches the network", () => {
  test.use({ serviceWorkers: "block" });

  test("a Baustein opens without the chunk; a later page that cannot come says so in German, and its retry shows it", async ({ app, page, context }) => {
    const chunkRequests: string[] = [];
    page.on("request", (request) => {
      if (chunk.test(new URL(request.url()).pathname)) chunkRequests.push(request.url());
    });
    await page.goto("/check/umweltschutz/baustein/nutzen");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Baustein 1:/);
    const firstRating = page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true });
    await firstRating.check();
    await expect(app.saveStatus()).toContainText("Gespeichert");
    expect(chunkRequests, "the Baustein needs nothing of the chunk").toEqual([]);

    // The connection drops before the visitor opens the results.
    const network = await dropRequests(context, chunk);
    await app.checkBox("Meine Ergebnisse");
    await expect(failure(page)).toContainText("Ihre Antworten sind gespeichert");
    expect(network.tries()).toBe(1);
    // Still offline: each try fetches afresh (a failure is not kept), and the message stays.
    await failure(page).getByRole("button", { name: "Erneut versuchen" }).click();
    await expect.poll(network.tries).toBe(2);
    await expect(failure(page)).toBeVisible();

    // Back online, the retry brings the page, and nothing the visitor did is lost.
    await network.restore();
    await failure(page).getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
    await expect(failure(page)).toHaveCount(0);
    // The chunk is there now: every other page of it opens at once, with no loading note.
    await app.checkBox("Im Team");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Im Team bewerten");
    await app.checkBox("Bausteine");
    await app.openModule(/^Baustein 1:/);
    await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();
  });

  test("a deep link to a page of the chunk shows the message while the chunk cannot come, and the page once it can", async ({ page, context }) => {
    const network = await dropRequests(context, chunk);
    await page.goto("/check/umweltschutz/team");
    await expect(failure(page)).toBeVisible();
    // The frame of the check is there, so the visitor can still go elsewhere.
    await expect(page.getByRole("navigation", { name: "Meine Check-Box" })).toBeVisible();
    await network.restore();
    await failure(page).getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Im Team bewerten");
  });
});

test("after the first visit of a Baustein every page of the chunk opens offline", async ({ app, page, context }) => {
  await page.goto("/check/umweltschutz/baustein/nutzen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Baustein 1:/);
  // The service worker registers once the Baustein is on screen; wait until it has precached and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  await context.setOffline(true);
  await app.checkBox("Meine Maßnahmen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
  await page.goto("/check/umweltschutz/team");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Im Team bewerten");
  await expect(failure(page)).toHaveCount(0);
  await context.setOffline(false);
});

test("every page of a check opens by its address, and an address below a check that no page has says so inside the check", async ({ page }) => {
  for (const [path, heading] of [
    ["/check/umweltschutz", "Check „Betrieblicher Umweltschutz“"],
    ["/check/umweltschutz/ergebnisse/", "Meine Ergebnisse"],
    ["/check/umweltschutz/selbsterklaerung/erklaerung", "Selbsterklärung"],
    ["/check/umweltschutz/team/einladung", "Einladung zur Teamauswertung"],
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(heading);
  }
  await page.goto("/check/umweltschutz/gibt-es-nicht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Seite nicht gefunden");
  await expect(page).toHaveTitle("Seite nicht gefunden – Checkwerk");
  await expect(page.getByRole("navigation").getByRole("link", { name: "Kompass" })).toBeVisible();
});
