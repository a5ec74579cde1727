import { test, expect } from "../e2e/fixtures";
import { sites } from "./sites";

const site = sites.root;

// A phone 360 pixels wide: the theme's margins leave the check a narrower column than the app has on its own.
test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

test("on a phone the check fits the theme's column on every page, nothing pushed out to the side", async ({ app, page }) => {
  await page.goto(site.pages.block.url);
  const frameElement = page.locator("iframe.checkwerk-frame");
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  const column = (await frameElement.boundingBox())!.width;
  expect(column).toBeLessThan(360);
  const overflow = () => frame.locator("html").evaluate((root) => root.scrollWidth - root.clientWidth);
  expect(await overflow(), "Kompass").toBeLessThanOrEqual(0);

  const nav = frame.getByRole("navigation", { name: "Meine Check-Box" });
  for (const entry of ["Starthilfe", "Bausteine", "Meine Ergebnisse", "Meine Maßnahmen", "Unsere Stärken", "Selbsterklärung"]) {
    await nav.getByRole("link", { name: entry, exact: true }).click();
    await expect(frame.getByRole("heading", { level: 1 })).not.toHaveText("Check „Betrieblicher Umweltschutz“");
    expect(await overflow(), entry).toBeLessThanOrEqual(0);
    await nav.getByRole("link", { name: "Kompass" }).click();
    await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  }
  // The rating of a Check-Punkt is within reach of a thumb: all four choices inside the column.
  await nav.getByRole("link", { name: "Bausteine", exact: true }).click();
  const choices = frame.getByRole("radiogroup").first().getByRole("radio");
  for (const choice of await choices.all()) {
    const box = (await choice.locator("xpath=..").boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual((await frameElement.boundingBox())!.x + column + 0.5);
  }
});
