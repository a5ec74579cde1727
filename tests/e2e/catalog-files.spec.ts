// The checks' catalogs are files of their own (issue 21): a deep link fetches its check's file alongside the app,
// the others come once the first page is on screen. A file that cannot be fetched is a German message with a retry,
// never a blank page, a "check not found" or lost answers.
import { test, expect, dropRequests } from "./fixtures";

/** The file of the check, named by its content. */
const umweltschutz = /\/catalogs\/umweltschutz-[0-9a-f]{16}\.json$/;

test.describe("without a service worker, so every request reaches the network", () => {
  test.use({ serviceWorkers: "block" });

  test("a deep link fetches only its own check; the home page fetches the others and lists all", async ({ page }) => {
    const fetched: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes("/catalogs/")) fetched.push(path.replace(/^.*\/catalogs\//, "").replace(/-[0-9a-f]{16}\.json$/, ""));
    });
    await page.goto("/check/umweltschutz/baustein/nutzen");
    const firstRating = page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true });
    await expect(firstRating).toBeVisible();
    // Rating needs nothing more (without a service worker, nothing precaches the others either).
    await firstRating.check();
    await page.getByRole("link", { name: /^Baustein 2:/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Baustein 2:/);
    expect(fetched).toEqual(["umweltschutz"]);
    await page.getByRole("link", { name: "Checkwerk" }).first().click();
    await expect(page.getByRole("article")).toHaveCount(9);
    expect(fetched.toSorted()).toEqual(["arbeitsschutz-mit-methode", "beruf-und-pflege", "energie-sparen", "faire-lieferkette", "ki-einfuehren", "lieferkettengesetz", "liquiditaet-finanzierung", "sicherheit-gesundheit", "umweltschutz"]);
  });

  test("a check whose file cannot come says so in German, keeps the answers, and its retry opens it", async ({ app, page, context }) => {
    await page.goto("/check/umweltschutz/baustein/nutzen");
    await app.rating(/./).first().getByRole("radio", { name: "hoch", exact: true }).check();
    await expect(app.saveStatus()).toContainText("Gespeichert");

    const network = await dropRequests(context, umweltschutz);
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
    const network = await dropRequests(context, umweltschutz);
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

test("an address with a broken percent sign still opens the check", async ({ page }) => {
  await page.goto("/check/umweltschutz/baustein/nutzen?von=%E0%A4%A");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Baustein 1:/);
});
