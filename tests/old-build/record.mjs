// Records what a build of Checkwerk keeps in localStorage after a realistic journey: the fixture with which
// `saved-before-companies.spec.ts` proves that a later build opens it with nothing lost.
// It recorded `storage-7a95344.json` from the release build of commit 7a95344 (saved format 1, before companies):
//   git worktree add ../old 7a95344 && (cd ../old && cargo xtask build --dist <folder>)
//   node old-build/record.mjs <folder> <port> old-build/storage-7a95344.json
import { chromium } from "@playwright/test";
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";

const [folder, port, output] = process.argv.slice(2);
const server = spawn("node", ["static-server.mjs", folder, port], { stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.once("data", resolve));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox"] });
const page = await (await browser.newContext({ locale: "de-DE" })).newPage();
const base = `http://127.0.0.1:${port}`;
try {
  // Sicherheit und Gesundheit: company, Starthilfe, every item rated, notes, priorities, measures, a new name.
  await page.goto(`${base}/check/sicherheit-gesundheit`);
  await page.getByLabel("Unternehmen", { exact: true }).fill("Müller & Söhne GmbH");
  await page.getByLabel("Unternehmen", { exact: true }).blur();
  await page.goto(`${base}/check/sicherheit-gesundheit/starthilfe`);
  const questions = page.getByRole("radiogroup");
  for (const [index, level] of ["mittel", "hoch", "niedrig", "hoch"].entries()) {
    await questions.nth(index).getByRole("radio", { name: level, exact: true }).check();
  }
  const levels = ["hoch", "mittel", "niedrig", "nicht relevant"];
  let count = 0;
  for (const module of ["wirtschaftliche-vorteile", "zuverlaessige-prozesse", "attraktiv-fuer-beschaeftigte", "image-bei-kunden"]) {
    await page.goto(`${base}/check/sicherheit-gesundheit/baustein/${module}`);
    const items = page.locator("article.item");
    const total = await items.count();
    for (let index = 0; index < total; index++) {
      const item = items.nth(index);
      await item.locator(".scale").getByRole("radio", { name: levels[count % 4], exact: true }).check();
      if (count % 4 === 1) await item.getByRole("textbox").fill(`Notiz ${count}: „Lager“ – mit Frau Yılmaz klären`);
      count++;
    }
  }
  await page.goto(`${base}/check/sicherheit-gesundheit/massnahmen`);
  for (const [index, [title, status]] of [["Notfallplan aushängen", "erledigt"], ["Unterweisung Lager planen", "in Arbeit"], ["Prüffristen der Leitern erfassen", "offen"]].entries()) {
    await page.getByRole("button", { name: "Neue Maßnahme" }).click();
    const measure = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`Maßnahme ${index + 1}`) }) });
    await measure.getByRole("textbox", { name: "Was ist zu tun?" }).fill(title);
    await measure.getByRole("combobox", { name: "Dringlichkeit" }).selectOption("mittel");
    await measure.getByRole("textbox", { name: "Wer ist verantwortlich?" }).fill("Herr Ott");
    await measure.getByLabel("Bis wann?").fill(`2026-0${index + 3}-15`);
    await measure.getByRole("textbox", { name: /Kontrolle/ }).fill("Begehung nach drei Monaten");
    await measure.getByRole("combobox", { name: "Status" }).selectOption({ label: status });
  }
  await page.goto(`${base}/check/sicherheit-gesundheit`);
  const runs = page.getByRole("region", { name: "Ihre Durchläufe" });
  await runs.getByRole("button", { name: "Umbenennen" }).click();
  await runs.getByRole("textbox", { name: "Name des Durchlaufs" }).fill("Standort Köln 2025");
  await runs.getByRole("button", { name: "Speichern" }).click();
  // A copy for a re-assessment, then one answer changed in it.
  await runs.getByRole("button", { name: "Kopie für neue Bewertung" }).click();
  await page.goto(`${base}/check/sicherheit-gesundheit/baustein/wirtschaftliche-vorteile`);
  await page.locator("article.item").first().locator(".scale").getByRole("radio", { name: "niedrig", exact: true }).check();

  // Energie sparen: a few items and a free text, no company name.
  await page.goto(`${base}/check/energie-sparen/ergebnisse`);
  await page.getByRole("textbox").first().fill("Druckluft zuerst");
  await page.goto(`${base}/check/energie-sparen`);
  await page.getByRole("link", { name: /Baustein/ }).first().click();
  const energy = page.locator("article.item");
  await energy.nth(0).locator(".scale").getByRole("radio").first().check();
  await energy.nth(1).locator(".scale").getByRole("radio").nth(1).check();
  await energy.nth(1).getByRole("radio", { name: "1 (hoch)" }).check();
  await energy.nth(2).getByRole("textbox").fill("Nur eine Notiz, noch ohne Bewertung");
  await page.getByRole("button", { name: "English" }).click();
  await page.waitForTimeout(300);

  const entries = await page.evaluate(() => {
    const all = {};
    for (let index = 0; index < localStorage.length; index++) {
      const key = localStorage.key(index);
      if (key.startsWith("checkwerk.")) all[key] = localStorage.getItem(key);
    }
    return all;
  });
  writeFileSync(output, JSON.stringify(entries, null, 2) + "\n");
  console.log(`${Object.keys(entries).length} entries written to ${output}`);
} finally {
  await browser.close();
  server.kill();
}
