// Defect 2 of issue 16: a link in a measure's Kontrolle or a long unbroken word in a note widened the printed
// report's tables beyond A4, so the Status column was cut off; on a 360 px phone the answers' table with a note was
// wider than the screen, and its statements broke words in the middle.
import { test, expect, seedRuns } from "./fixtures";
import type { Page } from "@playwright/test";

const link = "https://intranet.example.de/arbeitsschutz/begehungen/2027/protokoll-halle-2-und-lager-nord-mit-fotos.pdf";
const longWord = "Gefahrstoffverzeichnisaktualisierungsverantwortlichkeitenübersichtsliste";

async function seed(page: Page) {
  await seedRuns(page, [{
    id: "r1",
    catalog_id: "sicherheit-gesundheit",
    name: "Standort Köln 2026",
    company: "Muster Metallbau GmbH",
    answers: {
      "risiken-kennen": { choice: "hoch", note: `Siehe ${longWord} und ${link}` },
      unterweisung: { choice: "mittel", note: "Unterweisungsnachweise fehlen" },
      "arbeit-nach-kompetenz": { choice: "hoch", note: longWord },
    },
    measures: [
      { id: "m1", title: `Gefährdungsbeurteilung ${longWord}`, item_ids: ["risiken-kennen"], urgency: "hoch", responsible: "Frau Berger", due: "2027-03-31", control: `Begehung, Protokoll unter ${link}`, status: "in-arbeit" },
    ],
  }]);
}

/** Everything of every table that reaches past the right edge of the page's content, as "table: text". */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const content = document.querySelector("main")!.getBoundingClientRect();
    const out: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      for (const cell of table.querySelectorAll("th, td")) {
        const box = cell.getBoundingClientRect();
        if (box.width > 0 && box.right > content.right + 1) out.push(`${table.className}: ${cell.textContent?.slice(0, 40)}`);
        if (cell.scrollWidth > cell.clientWidth + 1) out.push(`${table.className} (inside): ${cell.textContent?.slice(0, 40)}`);
      }
    }
    return out;
  });
}

test("on A4 the plan's and the answers' tables keep to the page: links and long words break, Status stays", async ({ page }) => {
  await seed(page);
  await page.goto("/check/sicherheit-gesundheit/bericht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
  await page.emulateMedia({ media: "print" });
  // The content width of an A4 page with the report's margins (210 mm − 2 × 14 mm), at 96 px per inch.
  await page.setViewportSize({ width: 688, height: 1000 });
  const plan = page.getByRole("table").filter({ hasText: "Frau Berger" });
  await expect(plan.getByRole("columnheader", { name: "Status" })).toBeVisible();
  expect(await overflowing(page)).toEqual([]);
  const status = await plan.getByRole("columnheader", { name: "Status" }).boundingBox();
  expect(status!.x + status!.width).toBeLessThanOrEqual(688);
});

test("on a 360 px phone the report fits the screen, and statements break between words, not inside them", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: "de-DE" });
  const page = await context.newPage();
  await seed(page);
  await page.goto("/check/sicherheit-gesundheit/bericht");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  // The answers' tables: nothing wider than its cell.
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll(".report-table.answers td")]
      .filter((cell) => cell.scrollWidth > cell.clientWidth + 1)
      .map((cell) => cell.textContent?.slice(0, 40)),
  );
  expect(wide).toEqual([]);
  // Every word of every statement on one line: a word broken across two lines has two boxes.
  const broken = await page.evaluate(() => {
    const found: string[] = [];
    for (const cell of document.querySelectorAll(".report-table.answers td:nth-child(2)")) {
      const text = cell.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) continue;
      const content = text.textContent ?? "";
      const words = /\S+/g;
      for (let match = words.exec(content); match; match = words.exec(content)) {
        const range = document.createRange();
        range.setStart(text, match.index);
        range.setEnd(text, match.index + match[0].length);
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
        if (lines.size > 1) found.push(match[0]);
      }
    }
    return found;
  });
  expect(broken, "words broken inside").toEqual([]);
  await context.close();
});
