import { test, expect } from "./fixtures";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { repoRoot, startHost } from "./hosting";

// `cargo xtask test` builds this variant with `cargo xtask build --public-url /checks/umwelt/`.
const subpathRoot = join(repoRoot, "target", "subpath-site");

test("the same build works under a sub-path: deep links survive a reload, back goes back", async ({ page }) => {
  test.skip(!existsSync(join(subpathRoot, "checks", "umwelt", "index.html")), "sub-path build missing");
  const host = await startHost(subpathRoot);
  try {
    await page.goto(`${host.origin}/checks/umwelt/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
    await page.getByRole("article", { name: /Betrieblicher Umweltschutz/ }).getByRole("link", { name: /Check beginnen/ }).click();
    await expect(page).toHaveURL(`${host.origin}/checks/umwelt/check/umweltschutz`);
    await page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: "Meine Ergebnisse" }).click();
    await expect(page).toHaveURL(`${host.origin}/checks/umwelt/check/umweltschutz/ergebnisse`);
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
    await page.goBack();
    await expect(page).toHaveURL(`${host.origin}/checks/umwelt/check/umweltschutz`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    await page.goto(`${host.origin}/checks/umwelt/check/umweltschutz/baustein/fuehrung`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Baustein 3: Führung/);
  } finally {
    host.kill();
  }
});
