// The checks' catalogs are files of their own (issue 21): a deep link fetches its check's file alongside the app,
// the others come once the first page is on screen. A file that cannot be fetched is a German message with a retry,
// never a blank page, a "check not found" or lost answers.
import { test, expect } from "./fixtures";
import type { BrowserContext } from "@playwright/test";

/** The file of the check, named by its content. */
const umweltschutz = /\/catalogs\/umweltschutz-[0-9a-f]{16}\.json$/;

/** Makes every fetch of a file fail as a dropped connection does; returns how many were tried. */
async function drop(context: BrowserContext, file: RegExp): Promise<{ tries: () => number; restore: () => Promise<void> }> {
  let tries = 0;
  const handler = (route: { abort: (code: string) => Promise<void> }) => {
    tries++;
    return route.abort("internetdisconnected");
  };
  await context.route(file, handler);
  return { tries: () => tries, restore: () => context.unroute(file, handler) };
}

test.describe("without a service worker, so every request reaches the network", () => {
  test.use({ serviceWorkers: "block" });

  test("a deep link fetches only its own check before the first Check-Punkt; the others follow, and the home page lists all", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes("/catalogs/")) fetched.push(path.replace(/^.*\/catalogs\//, "").replace(/-[0-9a-f]{16}\.json$/, ""));
    });
    await page.goto("/check/umweltschutz/baustein/nutzen");
    const firstRating = page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true });
    await expect(firstRating).toBeVisible();
    expect(fetched.slice(0, 1), "the check's own file comes first").toEqual(["umweltschutz"]);
    // Once the page is on screen the rest come, each once.
    await expect.poll(() => new Set(fetched).size).toBe(9);
    expect(fetched).toHaveLength(9);
    await page.getByRole("link", { name: "Checkwerk" }).first().click();
    await expect(page.getByRole("article")).toHaveCount(9);
  });

  test("a check whose file cannot come says so in German, keeps the answers, and its retry opens it", async ({ app, page, context }) => {
    await page.goto("/check/umweltschutz/baustein/nutzen");
    await app.rating(/./).first().getByRole("radio", { name: "hoch", exact: true }).check();
    await expect(app.saveStatus()).toContainText("Gespeichert");

    const network = await drop(context, umweltschutz);
    await page.reload();
    const failure = page.getByRole("alert").filter({ hasText: "Dieser Check konnte nicht geladen werden" });
    await expect(failure).toContainText("Ihre Antworten sind gespeichert");
    await expect(page.getByRole("heading", { name: "Seite nicht gefunden" })).toHaveCount(0);
    expect(network.tries()).toBeGreaterThanOrEqual(1);

    await network.restore();
    await failure.getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Baustein 1:/);
    await expect(failure).toHaveCount(0);
    await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();
  });

  test("the home page says when a check could not come, lists the others, and its retry brings it", async ({ page, context }) => {
    const network = await drop(context, umweltschutz);
    await page.goto("/");
    const failure = page.getByRole("alert").filter({ hasText: "Nicht alle Checks konnten geladen werden" });
    await expect(failure).toBeVisible();
    await expect(page.getByRole("article")).toHaveCount(8);
    await network.restore();
    await failure.getByRole("button", { name: "Erneut versuchen" }).click();
    await expect(page.getByRole("article")).toHaveCount(9);
    await expect(failure).toHaveCount(0);
  });
});
