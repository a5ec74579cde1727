// Defect 4 of issue 16: the partner demo in dist/ still held a placeholder instead of the widget's address, so on a
// plain host its widgets stayed empty; and a widget on another site, which sees none of the answers saved on the
// checks' own site (browsers partition storage per top-level site), said "Gespeichert – nur in diesem Browser auf
// diesem Gerät" as if they were the same.
import { test, expect, readDownload } from "./fixtures";
import { join } from "node:path";
import { writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { repoRoot, startHost } from "./hosting";

test("the partner demo in dist/ works as uploaded to a plain host", async ({ page, request, baseURL }) => {
  // The test server hands out dist/ as it lies, as a plain host does.
  const demo = await (await request.get(`${baseURL}/partner-demo.html`)).text();
  expect(demo).not.toContain("__CHECKWERK");
  expect(demo).toContain('src="embed.js"');
  await page.goto("/partner-demo.html");
  await expect(page.locator("iframe")).toHaveCount(3);
  await expect(page.frameLocator("iframe >> nth=0").getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
  await expect(page.frameLocator("iframe >> nth=1").getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
  // On the checks' own site the widget's storage is the site's: nothing to warn about.
  await expect(page.frameLocator("iframe >> nth=0").getByText(/Ihre Antworten liegen nur hier/)).toHaveCount(0);
});

test("a widget on another site says where its answers live and how to take them across", async ({ page, baseURL }) => {
  // The partner's page on another site than the checks host: "localhost" against "127.0.0.1".
  const partner = await startHost(join(repoRoot, "www"), { CHECKWERK_EMBED_URL: `${baseURL}/embed.js` });
  const partnerOrigin = partner.origin.replace("127.0.0.1", "localhost");
  try {
    // On the checks' own site, a run with one rating.
    await page.goto("/check/umweltschutz/baustein/nutzen");
    await page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true }).check();

    await page.goto(`${partnerOrigin}/partner-demo.html`);
    const widget = page.frameLocator("iframe >> nth=0");
    await expect(widget.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    // The browser keeps the widget's storage apart: the rating given on the checks' own site is not here.
    await expect(widget.getByRole("button", { name: "Exportieren" })).toHaveCount(0);
    // The widget says so, naming the partner's site, and the save indicator does too.
    const note = widget.getByText("Ihre Antworten liegen nur hier, im Check auf localhost – so nehmen Sie sie mit");
    await expect(note).toBeVisible();
    await note.click();
    await expect(widget.getByText(/Auf 127\.0\.0\.1 selbst, auf anderen Websites oder in einem anderen Browser sehen Sie diese Antworten nicht/)).toBeVisible();
    await expect(widget.getByText(/„Exportieren“ sichert Ihren Durchlauf als Datei/)).toBeVisible();
    await expect(widget.getByRole("link", { name: /Check auf 127\.0\.0\.1 öffnen/ })).toHaveAttribute("href", `${baseURL}/check/umweltschutz`);
    await expect(widget.getByRole("status").filter({ hasText: "Gespeichert" })).toHaveAttribute("title", "Gespeichert – nur in diesem Browser, im Check auf localhost");

    // The way across: rate in the widget, export there, import on the checks' own site.
    await widget.getByRole("link", { name: "Mit Baustein 1 beginnen" }).click();
    await widget.getByRole("radiogroup").nth(1).getByRole("radio", { name: "mittel", exact: true }).check();
    const file = await readDownload(page, () => widget.getByRole("button", { name: "Exportieren" }).click());
    const path = join(mkdtempSync(join(tmpdir(), "checkwerk-widget-")), file.name);
    writeFileSync(path, file.text);
    await page.goto("/check/umweltschutz");
    await page.getByLabel("Durchlauf importieren").setInputFiles(path);
    await expect(page.getByRole("status").filter({ hasText: "importiert" })).toBeVisible();
    await page.goto("/check/umweltschutz/baustein/nutzen");
    await expect(page.getByRole("radiogroup").nth(1).getByRole("radio", { name: "mittel", exact: true })).toBeChecked();
  } finally {
    partner.kill();
  }
});
