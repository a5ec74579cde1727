import { test, expect, screenshotTag } from "../e2e/fixtures";
import { signIn, sites } from "./sites";

// The WordPress in a sub-folder, whose plugins folder is renamed: the editor finds the block's script there too,
// and the page published here does not appear in the root site's menus, which the visitor's screenshot shows.
const site = sites.subfolder;

// WordPress' editor speaks German where Debian's translations reach it; its scripts' texts are English there.
// Without motion, WordPress draws its controls without transitions, so the screenshot is the same every run.
test.use({ reducedMotion: "reduce" });
const either = (german: string, english: string) => new RegExp(`^(${german}|${english})$`);

test("an editor places the block: dropdown of the bundled checks, preview in the editor, the check on the published page", { tag: screenshotTag }, async ({ app, page }) => {
  await signIn(page, site);
  await page.goto(`${site.adminUrl}post-new.php?post_type=page`);
  await page.getByRole("textbox", { name: either("Titel hinzufügen", "Add title") }).fill("Unser Umweltschutz-Check");

  await page.getByRole("button", { name: either("Block-Inserter umschalten", "Toggle block inserter") }).click();
  await page.getByRole("searchbox").fill("Checkwerk");
  await page.getByRole("option", { name: "Checkwerk-Check" }).click();
  await page.getByRole("button", { name: either("Block-Inserter umschalten", "Toggle block inserter") }).click();

  const block = page.getByRole("document", { name: /Block: Checkwerk-Check/ });
  const choice = block.getByRole("combobox", { name: "Welcher Check?" });
  await expect(choice).toHaveValue("");
  await expect(block).toContainText("Besucher sehen die Liste aller Checks und wählen selbst.");
  await choice.selectOption({ label: "Check „Betrieblicher Umweltschutz“" });
  await expect(block).toContainText("OM-Praxis A-3.6 · 7 Bausteine mit 55 Check-Punkten");

  // The block's settings: language, single-check mode, accent colour, height, title. (The inserter closed the
  // settings sidebar.)
  await page.getByRole("button", { name: either("Einstellungen", "Settings"), pressed: false }).click();
  const settings = page.getByRole("region", { name: either("Editor-Einstellungen", "Editor settings") });
  await expect(settings.getByRole("combobox", { name: "Sprache" })).toHaveValue("");
  await settings.getByRole("checkbox", { name: "Nur diesen Check zeigen" }).check();
  await settings.getByRole("button", { name: /Grün/ }).click();
  await expect(block.locator(".checkwerk-preview-card")).toHaveCSS("border-left-color", "rgb(10, 110, 79)");
  // The pointer off the controls, so none is drawn hovered in the screenshot.
  await page.mouse.move(640, 700);
  await app.screenshot("wordpress-block-editor.png");

  await page.getByRole("button", { name: either("Veröffentlichen", "Publish") }).first().click();
  await page
    .getByRole("region", { name: either("Editor-Veröffentlichung", "Editor publish") })
    .getByRole("button", { name: either("Veröffentlichen", "Publish") })
    .click();
  const view = page.getByRole("link", { name: either("Seite ansehen", "View Page") }).first();
  await expect(view).toBeVisible();
  await page.goto((await view.getAttribute("href"))!);

  await expect(page.getByRole("heading", { level: 1, name: "Unser Umweltschutz-Check" })).toBeVisible();
  const frame = page.frameLocator("iframe.checkwerk-frame");
  await expect(frame.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  // Single-check mode: no way out to the list of checks.
  await expect(frame.getByRole("link", { name: /Checkwerk/ })).toHaveCount(0);
  const accent = await frame.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
  expect(accent).toBe("#0a6e4f");
});

test("a block whose check this version lacks warns the editor in German", async ({ page }) => {
  await signIn(page, site);
  await page.goto(`${site.adminUrl}post.php?post=${site.pages.unknown.id}&action=edit`);
  const block = page.getByRole("document", { name: /Block: Checkwerk-Check/ });
  await expect(block.getByRole("combobox", { name: "Welcher Check?" })).toHaveValue("auch-nicht");
  await expect(block).toContainText("Den Check „auch-nicht“ gibt es in dieser Version des Plugins nicht. Besucher sehen an dieser Stelle nichts.");
  await expect(block.getByRole("option", { name: "„auch-nicht“ (in dieser Version nicht enthalten)" })).toHaveCount(1);
});
