import { test, expect } from "../e2e/fixtures";
import { sites } from "./sites";

const site = sites.subfolder;

test("WordPress in a sub-folder with renamed content and plugin folders: the check finds its folder", async ({ app, page, context }) => {
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  expect(site.appUrl).toBe(`${site.url}inhalte/erweiterungen/checkwerk/app/`);

  await page.goto(site.pages.block.url);
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await frame.getByRole("link", { name: /Baustein 1: Einstieg/ }).first().click();
  await frame.getByRole("radiogroup").first().getByRole("radio", { name: "niedrig", exact: true }).check();
  await expect(frame.getByRole("status").filter({ hasText: /Gespeichert/ }).first()).toBeVisible();

  await page.reload();
  const reloaded = page.frameLocator("iframe.checkwerk-frame");
  await reloaded.getByRole("link", { name: /Baustein 1: Einstieg/ }).first().click();
  await expect(reloaded.getByRole("radiogroup").first().getByRole("radio", { name: "niedrig", exact: true })).toBeChecked();

  const scope = await page.frame({ url: /\/app\// })!.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  expect(scope).toBe(site.appUrl);
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();

  // A deep link into the check, opened on its own (plain permalinks: WordPress still sees the request).
  await page.goto(`${site.appUrl}check/umweltschutz/massnahmen`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");

  const origin = new URL(site.url).origin;
  expect(requests.filter((url) => url.startsWith("http") && new URL(url).origin !== origin)).toEqual([]);
});
