import { test, expect } from "./fixtures";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot, startHost } from "./hosting";

test("a new deployment is offered, the user chooses when to reload, and no answer is lost", async ({ page }) => {
  const site = mkdtempSync(join(tmpdir(), "checkwerk-site-"));
  cpSync(join(repoRoot, "dist"), site, { recursive: true });
  const host = await startHost(site);
  try {
    await page.goto(`${host.origin}/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller) {
        await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
      }
    });
    const group = page.getByRole("radiogroup", { name: /Unsere Führungskräfte kennen die Gefährdungen/ });
    await group.getByRole("radio", { name: "mittel" }).check();
    await expect(page.getByText("Eine neue Version von Checkwerk ist bereit")).toHaveCount(0);

    // Ship a second build over the first: new content, so the worker gets a new version.
    const css = readFileSync(join(site, "index.html"), "utf8").match(/styles-[0-9a-f]+\.css/)![0];
    writeFileSync(join(site, css), readFileSync(join(site, css), "utf8") + "\n/* release 2 */\n");
    const worker = readFileSync(join(site, "sw.js"), "utf8");
    writeFileSync(join(site, "sw.js"), worker.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-release-2"'));

    await page.reload();
    const banner = page.getByRole("status").filter({ hasText: "Eine neue Version von Checkwerk ist bereit" });
    await expect(banner).toBeVisible({ timeout: 15_000 });
    await expect(group.getByRole("radio", { name: "mittel" })).toBeChecked();
    await group.getByRole("radio", { name: "hoch", exact: true }).check();

    await Promise.all([
      page.waitForEvent("load", { timeout: 20_000 }),
      banner.getByRole("button", { name: "Jetzt neu laden" }).click(),
    ]);
    await expect(group.getByRole("radio", { name: "hoch", exact: true })).toBeChecked();
    const version = await page.evaluate(async () => (await caches.keys()).join(","));
    expect(version).toContain("release-2");
    await expect(banner).toHaveCount(0);
  } finally {
    host.kill();
    rmSync(site, { recursive: true, force: true });
  }
});
