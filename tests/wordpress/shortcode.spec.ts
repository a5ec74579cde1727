import { test, expect } from "../e2e/fixtures";
import { signIn, sites } from "./sites";

const site = sites.root;

test("the shortcode places one check with its options: single-check mode, accent colour, the site's language", async ({ app, page }) => {
  await page.goto(site.pages.shortcode.url);
  await expect(page.getByText("Sparen Sie Energie? Prüfen Sie es hier.")).toBeVisible();
  const frameElement = page.locator("iframe.checkwerk-frame");
  await expect(frameElement).toHaveAttribute("title", "Checkwerk – Energie sparen");
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Energie sparen");
  await expect(frame.getByRole("navigation", { name: "Meine Check-Box" })).toBeVisible();
  await expect(frame.getByRole("link", { name: /Checkwerk/ })).toHaveCount(0);
  const accent = await frame.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
  expect(accent).toBe("#a4262c");
  await expect(frame.locator("html")).toHaveAttribute("lang", "de");
});

test("[checkwerk height=900] lists every check in a frame that keeps its height", async ({ app, page }) => {
  await page.goto(site.pages.list.url);
  const frameElement = page.locator("iframe.checkwerk-frame");
  await expect(frameElement).toHaveAttribute("title", "Checkwerk – Selbst-Checks für den Mittelstand");
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
  // The list is taller than 900 pixels; the frame scrolls instead of growing.
  await expect.poll(() => frame.locator("body").evaluate((body) => body.scrollHeight)).toBeGreaterThan(900);
  expect((await frameElement.boundingBox())!.height).toBe(900);
  // From the list into a check and back: the app's own links work inside the plugin's folder.
  await frame.getByRole("article", { name: /Betrieblicher Umweltschutz/ }).getByRole("link", { name: /Check beginnen/ }).click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await frame.getByRole("link", { name: /Checkwerk/ }).first().click();
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
});

test("a check this version lacks shows visitors nothing and editors a German notice", async ({ app, page }) => {
  await page.goto(site.pages.unknown.url);
  await expect(page.getByText("Hier stand früher ein Check.")).toBeVisible();
  await expect(page.getByText("Text danach.")).toBeVisible();
  await expect(page.locator("iframe")).toHaveCount(0);
  await expect(page.getByText(/Checkwerk|gibt-es-nicht|auch-nicht/)).toHaveCount(0);

  await signIn(page, site);
  await page.goto(site.pages.unknown.url);
  const notices = page.getByRole("note");
  await expect(notices).toHaveCount(2);
  await expect(notices.first()).toContainText("Checkwerk: Den Check „gibt-es-nicht“ gibt es in dieser Version des Plugins nicht. Besucher sehen an dieser Stelle nichts.");
  await expect(notices.first()).toContainText("umweltschutz");
  await expect(notices.nth(1)).toContainText("Den Check „auch-nicht“ gibt es in dieser Version des Plugins nicht.");
  await expect(notices.first()).toContainText("Nur für Redakteure sichtbar.");
  await expect(page.locator("iframe")).toHaveCount(0);
});

test("attributes an author set in the block or the shortcode reach the page as text or not at all", async ({ app, page }) => {
  let dialogs = 0;
  page.on("dialog", async (dialog) => {
    dialogs++;
    await dialog.dismiss();
  });
  await page.goto(site.pages.hostile.url);
  const frames = page.locator("iframe.checkwerk-frame");
  await expect(frames).toHaveCount(2);

  // The block: a title with markup, an accent colour that is CSS, an unknown language.
  await expect(frames.nth(0)).toHaveAttribute("title", '"><script>window.checkwerkHacked=1</script>');
  const blockSource = new URL((await frames.nth(0).getAttribute("src"))!);
  expect(blockSource.searchParams.get("accent")).toBeNull();
  expect(blockSource.searchParams.get("lang")).toBe("de");
  // The shortcode: a title that tries to close its quotes, a height with an attribute after it.
  await expect(frames.nth(1)).toHaveAttribute("title", '" onload="window.checkwerkHacked=2');
  await expect(frames.nth(1)).toHaveAttribute("height", "720");
  await expect(frames.nth(1)).not.toHaveAttribute("onload", /.*/);

  await expect(page.frameLocator("iframe.checkwerk-frame >> nth=0").getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await expect(page.frameLocator("iframe.checkwerk-frame >> nth=1").getByRole("heading", { level: 1 })).toHaveText("Energie sparen");
  expect(await page.evaluate(() => (window as unknown as { checkwerkHacked?: number }).checkwerkHacked)).toBeUndefined();
  expect(dialogs).toBe(0);

  // Editors learn what was left out, in German.
  await signIn(page, site);
  await page.goto(site.pages.hostile.url);
  const notices = page.getByRole("note");
  await expect(notices.nth(0)).toContainText("Die Akzentfarbe „red;background:url(//elsewhere.example/x)“ ist keine Hex-Farbe");
  await expect(notices.nth(0)).toContainText("Die Sprache „fr“ gibt es nicht (möglich: de, en)");
  await expect(notices.nth(1)).toContainText("Die Höhe „99 onload=alert(1)“ ist keine Zahl zwischen 300 und 5000 Pixeln");
});
