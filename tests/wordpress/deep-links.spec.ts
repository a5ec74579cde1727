import { test, expect } from "../e2e/fixtures";
import { sites } from "./sites";

const site = sites.root;

/** Opens the check on the partner's page and goes to Meine Ergebnisse inside the frame; returns the frame's address. */
async function resultsAddress(page: import("@playwright/test").Page): Promise<string> {
  await page.goto(site.pages.block.url);
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await frame.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Ergebnisse" }).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
  const address = page.frames().find((f) => f.url().startsWith(site.appUrl))!.url();
  expect(address).toBe(`${site.appUrl}check/umweltschutz/ergebnisse`);
  return address;
}

test.describe("without a service worker", () => {
  test.use({ serviceWorkers: "block" });

  test("a reload inside the frame at a check's page is answered by the plugin through WordPress", async ({ app, page }) => {
    const address = await resultsAddress(page);
    // The frame alone reloads, as the browser's "reload frame" does: no such file, no service worker.
    await page.frame({ url: address })!.evaluate(() => location.reload());
    const frame = page.frameLocator("iframe.checkwerk-frame");
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
    // Still the widget, though its address lost the settings it was opened with: accent colour and all.
    await expect(frame.locator("html")).toHaveClass(/embedded/);
    const accent = await frame.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
    expect(accent).toBe("#0a6e4f");

    // The address on its own, as a bookmark: the app with its folder named in full, not WordPress' 404 page.
    const response = await page.goto(address);
    expect(response!.status()).toBe(200);
    expect(response!.headers()["content-security-policy"]).toBe("frame-ancestors 'self'");
    expect(await response!.text()).toContain(`<base href="${new URL(site.appUrl).pathname}">`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
    // A missing file below the app folder stays missing.
    expect((await page.request.get(`${site.appUrl}gibt-es-nicht.js`)).status()).toBe(404);
  });
});

test("after the first visit the check's pages work offline, deep links too", async ({ app, page, context }) => {
  const address = await resultsAddress(page);
  const frame = page.frame({ url: address })!;
  await frame.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
  // Rate something before going offline, to find it again offline.
  const checkFrame = page.frameLocator("iframe.checkwerk-frame");
  await checkFrame.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Kompass" }).click();
  await checkFrame.getByRole("link", { name: /Baustein 3: Führung und Umweltschutz/ }).first().click();
  await checkFrame.getByRole("radiogroup").first().getByRole("radio", { name: "mittel", exact: true }).check();

  await context.setOffline(true);
  await page.goto(address);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
  await page.goto(`${site.appUrl}check/umweltschutz/baustein/fuehrung`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Baustein 3: Führung/);
  await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "mittel", exact: true })).toBeChecked();
  await context.setOffline(false);
});
