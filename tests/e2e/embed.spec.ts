import { test, expect } from "./fixtures";
import { join } from "node:path";
import { repoRoot, startHost } from "./hosting";

test("a partner page on another origin gets the check in place, isolated and growing with its content", async ({ page, baseURL }) => {
  const partner = await startHost(join(repoRoot, "www"), 8192, { CHECKWERK_EMBED_URL: `${baseURL}/embed.js` });
  try {
    await page.goto("http://127.0.0.1:8192/partner-demo.html");
    const frames = page.locator("iframe");
    await expect(frames).toHaveCount(3);

    // Widget 1: one check, accent colour from the partner.
    const umwelt = page.frameLocator("iframe >> nth=0");
    await expect(umwelt.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    // The partner's aggressive styles (20px everywhere, pink inputs) do not reach into the widget.
    const fontSize = await umwelt.locator("body").evaluate((body) => getComputedStyle(body).fontSize);
    expect(fontSize).toBe("16px");
    const accent = await umwelt.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
    expect(accent).toBe("#0a6e4f");
    // ...and the widget's styles do not leak out.
    expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontFamily)).toContain("Georgia");

    // The frame follows the content's height, both ways.
    const kompassHeight = (await frames.nth(0).boundingBox())!.height;
    expect(kompassHeight).toBeGreaterThan(800);
    await umwelt.getByRole("link", { name: "Starthilfe: Womit beginnen?" }).click();
    await expect(umwelt.getByRole("heading", { level: 1 })).toHaveText(/Starthilfe/);
    await expect.poll(async () => (await frames.nth(0).boundingBox())!.height).not.toBe(kompassHeight);
    const contentHeight = await umwelt.locator("body").evaluate((body) => body.scrollHeight);
    await expect.poll(async () => Math.abs((await frames.nth(0).boundingBox())!.height - contentHeight)).toBeLessThan(3);

    // A rating in the widget is saved (in the checks host's storage for this partner page).
    await umwelt.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true }).check();
    await page.reload();
    await page.frameLocator("iframe >> nth=0").getByRole("link", { name: "Starthilfe: Womit beginnen?" }).click();
    await expect(page.frameLocator("iframe >> nth=0").getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();

    // Widget 2: an empty id lists every check.
    const list = page.frameLocator("iframe >> nth=1");
    await expect(list.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");

    // Widget 3: single-check mode in English: no way out to the list of checks. The check exists only in German, so
    // it is shown in German, and one English line says so.
    const single = page.frameLocator("iframe >> nth=2");
    await expect(single.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
    await expect(single.getByText("This check exists only in German, so it is shown in German.")).toBeVisible();
    await expect(single.getByRole("link", { name: "Meine Ergebnisse" })).toBeVisible();
    await expect(single.getByRole("button", { name: "Deutsch" })).toBeVisible();
    await expect(single.getByRole("link", { name: /Checkwerk/ })).toHaveCount(0);

    // Messages of the wrong origin or shape are ignored by the widget script.
    const before = (await frames.nth(1).boundingBox())!.height;
    await page.evaluate(() => {
      window.postMessage({ type: "checkwerk:height", widget: 1, height: 5 }, "*");
      window.postMessage("checkwerk:height=5", "*");
    });
    await page.waitForTimeout(300);
    expect((await frames.nth(1).boundingBox())!.height).toBe(before);
  } finally {
    partner.kill();
  }
});
