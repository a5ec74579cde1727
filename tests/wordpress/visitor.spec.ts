import { test, expect, screenshotTag } from "../e2e/fixtures";
import { sites } from "./sites";

const site = sites.root;

test("a visitor uses the check on the partner's page: first-party, saved, the service worker stays in the plugin folder", { tag: screenshotTag }, async ({ app, page, context }) => {
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));

  await page.goto(site.pages.block.url);
  await expect(page.getByRole("heading", { level: 1, name: "Umweltschutz-Check" })).toBeVisible();
  const frameElement = page.locator("iframe.checkwerk-frame");
  await expect(frameElement).toHaveAttribute("title", "Checkwerk – Check „Betrieblicher Umweltschutz“");
  // The frame comes from the plugin's folder on this very site, wherever WordPress put that folder.
  expect(await frameElement.getAttribute("src")).toMatch(new RegExp(`^${site.appUrl.replace(/[.?]/g, "\\$&")}index\\.html\\?`));
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  // The block's accent colour reaches the check.
  const accent = await frame.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
  expect(accent).toBe("#0a6e4f");
  // The frame grows with its content rather than scrolling inside 720 pixels.
  await expect.poll(async () => (await frameElement.boundingBox())!.height).toBeGreaterThan(800);
  await app.screenshot("wordpress-page.png");

  // A rating is saved, and a reload of the partner's page shows it again.
  await frame.getByRole("link", { name: /Baustein 2: Risikobetrachtung/ }).first().click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText(/Baustein 2: Risikobetrachtung/);
  const firstRating = frame.getByRole("radiogroup").first();
  await firstRating.getByRole("radio", { name: "hoch", exact: true }).check();
  await expect(frame.getByRole("status").filter({ hasText: /Gespeichert/ }).first()).toBeVisible();
  await page.reload();
  const reloaded = page.frameLocator("iframe.checkwerk-frame");
  await reloaded.getByRole("link", { name: /Baustein 2: Risikobetrachtung/ }).first().click();
  await expect(reloaded.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();

  // The service worker belongs to the plugin's folder: it controls the check, never WordPress' own pages.
  const scope = await page.frame({ url: /\/app\// })!.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site.appUrl);
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  const scopes = await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).map((r) => r.scope));
  expect(scopes).toEqual([site.appUrl]);
  await page.goto(site.pages.shortcode.url);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  // Nothing left the WordPress host, and nothing set a cookie.
  const origin = new URL(site.url).origin;
  const elsewhere = requests.filter((url) => !url.startsWith("data:") && !url.startsWith("blob:") && new URL(url).origin !== origin);
  expect(elsewhere).toEqual([]);
  expect(await context.cookies()).toEqual([]);
});
