// From check to OM-Zeichen: only checks that are the basis of a self-declaration offer one; a complete run becomes a
// record to sign whose fingerprint survives export and import in another browser profile and changes with any
// declared value; the OM-Zeichen Nachhaltigkeit counts measures per check; renewal is a calendar entry.
import { test, expect, seedRuns, readDownload, reviewerFile, screenshotTag } from "./fixtures";
import { completeRun, lieferkette, measure } from "./declaration-data";
import { chromium, type Page, type TestInfo } from "@playwright/test";
import { mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Another browser profile on a fresh folder: nothing of the first profile's storage. */
async function freshProfile(testInfo: TestInfo) {
  const use = testInfo.project.use;
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "checkwerk-profil-")), {
    ...use.launchOptions,
    baseURL: use.baseURL,
    locale: use.locale,
    acceptDownloads: true,
  });
}

async function fingerprintOn(page: Page): Promise<string> {
  const full = page.getByRole("region", { name: "Fingerabdruck" }).locator(".fingerprint-full");
  await expect(full).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
  return full.innerText();
}

test("a One-Pager offers no Selbsterklärung; the checks behind the OM-Zeichen do, and every check says where it comes from", async ({ app, page }) => {
  await app.openHome();
  const card = page.getByRole("article", { name: "Sicherheit und Gesundheit bei der Arbeit" });
  await expect(card).toContainText("Gliederung: One-Pager der Offensive Mittelstand (Stand 2022)");
  await expect(card).toContainText("Formulierung: Checkwerk · nicht die offizielle Fassung");
  await expect(page.getByRole("article", { name: "Check „Faire Lieferkette“" })).toContainText("OM-Praxis A-3.7 der Offensive Mittelstand");

  await page.goto("/check/sicherheit-gesundheit");
  await expect(page.getByText("Formulierung: Checkwerk · Lizenz: MIT OR Apache-2.0 · nicht die offizielle Fassung")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Meine Check-Box" });
  await expect(nav.getByRole("link", { name: "Bericht drucken" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Selbsterklärung" })).toHaveCount(0);
  await page.goto("/check/sicherheit-gesundheit/selbsterklaerung");
  await expect(page.getByText("Dieser Check ist nicht die Grundlage einer Selbsterklärung.")).toBeVisible();
  // A declaration over several checks this site does not have, by overview and by record.
  for (const address of ["/erklaerung/gibt-es-nicht", "/erklaerung/gibt-es-nicht/erklaerung"]) {
    await page.goto(address);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Selbsterklärung");
    await expect(page.getByText("Diese Selbsterklärung kennt diese Seite nicht.")).toBeVisible();
  }

  for (const [id, title, mark] of [
    ["arbeitsschutz-mit-methode", "Arbeitsschutz mit Methode", "OM-Zeichen Arbeitsschutz"],
    ["faire-lieferkette", "Check „Faire Lieferkette“", "OM-Zeichen Faire Lieferkette"],
  ]) {
    await page.goto(`/check/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await app.checkBox("Selbsterklärung");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bereit für die Selbsterklärung?");
    await expect(page.getByText(`Für die Selbsterklärung „${mark}“ müssen alle Check-Punkte bewertet sein`)).toBeVisible();
    await expect(page.getByText("mindestens 10 Maßnahmen vollständig beschrieben")).toBeVisible();
    await expect(page.getByRole("heading", { name: "OM-Zeichen Nachhaltigkeit" })).toBeVisible();
  }
  await app.expectAccessible("readiness of A-3.7");
});

test("a complete run becomes a record whose fingerprint survives export and import in a fresh profile, and changes with one rating", { tag: screenshotTag }, async ({ app, page }, testInfo) => {
  await seedRuns(page, [completeRun()]);
  await page.goto("/check/faire-lieferkette/selbsterklaerung");
  await expect(page.getByRole("status").filter({ hasText: "Alles beisammen" })).toBeVisible();
  await page.getByRole("link", { name: "Erklärung ansehen und drucken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Selbsterklärung „OM-Zeichen Faire Lieferkette“");
  await expect(page.getByText("Wählen Sie das Datum der Erklärung.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Fingerabdruck" })).toHaveCount(0);

  // The declaration is filled in as a user would, the date last.
  await page.getByRole("textbox", { name: "Anschrift" }).fill("Industriestraße 5\n50667 Köln");
  await page.getByRole("textbox", { name: "Größe" }).fill("25 Beschäftigte");
  await page.getByRole("textbox", { name: "Branche" }).fill("Metallbau");
  await page.getByLabel("Datum der Erklärung").fill("2026-12-01");
  const printed = await fingerprintOn(page);
  await expect(page.locator(".record-facts")).toContainText("01.12.2028");
  await expect(page.locator(".record-facts")).toContainText("Industriestraße 5");
  await expect(page.getByRole("table")).toHaveCount(4);
  // The evidence of a rating is part of what the record declares: as text, or as a link where it is one.
  await expect(page.getByRole("row", { name: /^1\.1 / })).toContainText("Nachweis: Risikoanalyse 2026, Ordner Einkauf");
  await expect(page.getByRole("link", { name: "https://intranet.example.de/lieferantenkodex.pdf" })).toHaveAttribute("href", "https://intranet.example.de/lieferantenkodex.pdf");
  await expect(page.getByRole("img", { name: "QR-Code mit dem Fingerabdruck" })).toBeVisible();
  await expect(page.getByText("Er beweist nicht, wer die Erklärung erstellt oder unterschrieben hat")).toBeVisible();
  await app.expectAccessible("record");

  // Printed on A4: the tools are gone, the short fingerprint stands at the foot.
  await page.getByRole("button", { name: "Als unterschrieben vermerken" }).click();
  await expect(page.getByText("Unterschrieben am 01.12.2026. Dieser Stand ist der unterschriebene.")).toBeVisible();
  await app.screenshot("selbsterklaerung.png");
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("textbox", { name: "Anschrift" })).toBeHidden();
  // The page margins show the short fingerprint and the page count; the record page sets what they show.
  const margin = (name: string) => page.evaluate((name) => getComputedStyle(document.documentElement).getPropertyValue(name), name);
  expect(await margin("--record-footer")).toBe(`"Selbsterklärung OM-Zeichen Faire Lieferkette · Muster Metallbau GmbH · Fingerabdruck ${printed.slice(0, 19)}"`);
  expect(await margin("--record-page")).toBe('"Seite "');
  const pdf = reviewerFile("selbsterklaerung.pdf");
  await page.pdf({ path: pdf, format: "A4", printBackground: true });
  expect(statSync(pdf).size).toBeGreaterThan(20_000);
  await page.emulateMedia({ media: "screen" });

  // The canonical text is there to recompute the hash without Checkwerk.
  const canonical = await readDownload(page, () => page.getByRole("button", { name: "Inhalt des Fingerabdrucks als Text" }).click());
  expect(canonical.text.startsWith("checkwerk-selbsterklaerung\t1\ndeclaration\tom-zeichen-faire-lieferkette\ndate\t2026-12-01\n")).toBe(true);
  const { createHash } = await import("node:crypto");
  expect(createHash("sha256").update(canonical.text, "utf8").digest("hex")).toBe(printed.replaceAll(" ", ""));
  expect(canonical.text).toContain("item\tbetroffenheit\t1.1\thoch\t\tRisikoanalyse 2026, Ordner Einkauf\n");

  const exported = await readDownload(page, () => page.getByRole("button", { name: "Datei für die Prüfung exportieren" }).click());
  // Other pages print without the record's margins.
  await app.checkBox("Bericht drucken");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Check „Faire Lieferkette“");
  expect(await margin("--record-footer")).toBe("");
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-"));
  const file = join(folder, exported.name);
  writeFileSync(file, exported.text);

  // A reviewer's browser: a fresh profile imports the file and sees the same fingerprint.
  const reviewer = await freshProfile(testInfo);
  try {
    const review = reviewer.pages()[0] ?? (await reviewer.newPage());
    await review.goto("/check/faire-lieferkette");
    await review.getByLabel("Durchlauf importieren").setInputFiles(file);
    await expect(review.getByRole("status").filter({ hasText: "importiert" })).toBeVisible();
    await review.goto("/check/faire-lieferkette/selbsterklaerung/erklaerung");
    expect(await fingerprintOn(review)).toBe(printed);
    await expect(review.getByText("Dieser Stand ist der unterschriebene.")).toBeVisible();
    const compare = review.getByRole("textbox", { name: "Fingerabdruck vom Papier vergleichen" });
    await compare.fill(printed.slice(0, 19));
    await expect(review.getByText("Stimmt überein")).toBeVisible();

    // One rating changed after signing: another fingerprint, and the page says this is not what was signed.
    await review.goto("/check/faire-lieferkette/baustein/voraussetzungen");
    await review.getByRole("radiogroup", { name: /Wir wissen, ob und wie unsere Kunden/ }).getByRole("radio", { name: "niedrig", exact: true }).check();
    await review.goto("/check/faire-lieferkette/selbsterklaerung/erklaerung");
    const changed = await fingerprintOn(review);
    expect(changed).not.toBe(printed);
    await expect(review.getByText("Dieser Stand ist nicht mehr der unterschriebene.")).toBeVisible();
    await review.getByRole("textbox", { name: "Fingerabdruck vom Papier vergleichen" }).fill(printed);
    await expect(review.getByText("Stimmt nicht überein")).toBeVisible();
  } finally {
    await reviewer.close();
  }
});

test("the OM-Zeichen Nachhaltigkeit counts complete measures per check: 4 supply chain, 3 safety, 3 environment", async ({ app, page }) => {
  const arbeitsschutz = ["gesamtverantwortung", "pflichtenuebertragung", "aufgaben-bekannt"];
  await seedRuns(page, [
    { id: "lk", catalog_id: "faire-lieferkette", measures: Array.from({ length: 4 }, (_, index) => measure(index, lieferkette)) },
    { id: "as", catalog_id: "arbeitsschutz-mit-methode", measures: [measure(1, arbeitsschutz), measure(2, arbeitsschutz), measure(3, arbeitsschutz, false)] },
  ]);
  await app.openHome();
  await page.getByRole("region", { name: "Selbsterklärungen über mehrere Checks" }).getByRole("link", { name: "OM-Zeichen Nachhaltigkeit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OM-Zeichen Nachhaltigkeit");
  const parts = page.locator(".checklist > li");
  await expect(parts.nth(0)).toContainText("Arbeitsschutz – Arbeitsschutz mit Methode");
  await expect(parts.nth(0)).toContainText("2 von mindestens 3 vollständigen Maßnahmen · einige Maßnahmen sind noch unvollständig");
  await expect(parts.nth(1)).toContainText("Lieferkette – Check „Faire Lieferkette“");
  await expect(parts.nth(1)).toContainText("4 von mindestens 4 vollständigen Maßnahmen");
  await expect(parts.nth(2)).toContainText("Umweltschutz – Check „Betrieblicher Umweltschutz“");
  await expect(parts.nth(2)).toContainText("noch nicht begonnen");
  await expect(page.getByText("Zusammen 6 von mindestens 10 Maßnahmen, die zählen.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Erklärung ansehen und drucken" })).toHaveCount(0);
  await app.expectAccessible("Nachhaltigkeit");

  // Each check says what it contributes, and leads back here.
  await page.goto("/check/umweltschutz/selbsterklaerung");
  await expect(page.getByText("Für den Bereich „Umweltschutz“ zählen mindestens 3 vollständige Maßnahmen aus diesem Check.")).toBeVisible();
  await expect(page.getByText("0 von mindestens 3 vollständigen Maßnahmen")).toBeVisible();
  await page.getByRole("link", { name: "Übersicht: OM-Zeichen Nachhaltigkeit" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("OM-Zeichen Nachhaltigkeit");
});

test("the OM-Zeichen Nachhaltigkeit, once 4/3/3 is met, is one record over three runs whose fingerprint survives export and import", async ({ page, browser }) => {
  const arbeitsschutz = ["gesamtverantwortung", "pflichtenuebertragung", "aufgaben-bekannt"];
  const umwelt = ["kosten-senken", "kundenanforderungen-umwelt", "haftung-vermeiden"];
  await seedRuns(page, [
    { id: "lk", catalog_id: "faire-lieferkette", company: "Muster GmbH", measures: Array.from({ length: 4 }, (_, index) => measure(index, lieferkette)) },
    { id: "as", catalog_id: "arbeitsschutz-mit-methode", measures: Array.from({ length: 3 }, (_, index) => measure(index, arbeitsschutz)) },
    { id: "uw", catalog_id: "umweltschutz", measures: Array.from({ length: 3 }, (_, index) => measure(index, umwelt)) },
  ]);
  await page.goto("/erklaerung/om-zeichen-nachhaltigkeit");
  await expect(page.getByText("Zusammen 10 von mindestens 10 Maßnahmen, die zählen.")).toBeVisible();
  await page.getByRole("link", { name: "Erklärung ansehen und drucken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Selbsterklärung „OM-Zeichen Nachhaltigkeit“");
  await expect(page.getByText("Teil „Lieferkette“: Selbstbewertung: Check „Faire Lieferkette“ (OM-Praxis A-3.7), Fassung")).toBeVisible();
  await page.getByRole("textbox", { name: "Anschrift" }).fill("Industriestraße 5, 50667 Köln");
  await page.getByRole("textbox", { name: "Größe" }).fill("25 Beschäftigte");
  await page.getByRole("textbox", { name: "Branche" }).fill("Metallbau");
  await page.getByLabel("Datum der Erklärung").fill("2026-12-01");
  const printed = await fingerprintOn(page);
  await expect(page.getByText("Wir erklären, dass wir die oben genannten Selbstbewertungen für unser Unternehmen durchgeführt haben.")).toBeVisible();
  await expect(page.getByRole("heading", { name: /^Maßnahmen – / })).toHaveText(["Maßnahmen – Arbeitsschutz", "Maßnahmen – Lieferkette", "Maßnahmen – Umweltschutz"]);

  // The three runs travel in one file; imported elsewhere, they make the same record.
  const exported = await readDownload(page, () => page.getByRole("button", { name: "Datei für die Prüfung exportieren" }).click());
  expect(exported.name).toBe("checkwerk-om-zeichen-nachhaltigkeit.json");
  const folder = mkdtempSync(join(tmpdir(), "checkwerk-"));
  writeFileSync(join(folder, exported.name), exported.text);
  const other = await browser.newContext();
  try {
    const review = await other.newPage();
    await review.goto("/check/umweltschutz");
    await review.getByLabel("Durchlauf importieren").setInputFiles(join(folder, exported.name));
    await expect(review.getByRole("status").filter({ hasText: "3 Durchläufe importiert" })).toBeVisible();
    await review.goto("/erklaerung/om-zeichen-nachhaltigkeit/erklaerung");
    expect(await fingerprintOn(review)).toBe(printed);
  } finally {
    await other.close();
  }
});

test("renewal: a calendar entry three months before expiry, and the home card says when a declaration runs out", async ({ app, page }) => {
  // Signed 22 months ago: valid for two more months, so renewal is due.
  const signed = new Date();
  signed.setDate(1);
  signed.setMonth(signed.getMonth() - 22);
  const signedIso = `${signed.getFullYear()}-${String(signed.getMonth() + 1).padStart(2, "0")}-01`;
  const run = completeRun();
  run.company_details = { address: "Industriestraße 5, 50667 Köln", size: "25 Beschäftigte", sector: "Metallbau" };
  run.declarations = { "om-zeichen-faire-lieferkette": { date: signedIso, signed: { date: signedIso, fingerprint: "0".repeat(64) } } };
  await seedRuns(page, [run]);
  await app.openHome();
  const card = page.getByRole("article", { name: "Check „Faire Lieferkette“" });
  await expect(card.getByRole("link", { name: /OM-Zeichen Faire Lieferkette: Die Selbsterklärung läuft am \d\d\.\d\d\.\d{4} ab – Zeit für die Erneuerung\./ })).toBeVisible();
  await card.getByRole("link", { name: /läuft am/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Selbsterklärung");
  await expect(page.getByText("Dieser Stand ist nicht mehr der unterschriebene.")).toBeVisible();

  const calendar = await readDownload(page, () => page.getByRole("button", { name: /in den Kalender/ }).click());
  expect(calendar.name).toBe("erneuerung-om-zeichen-faire-lieferkette.ics");
  const ics = calendar.text;
  // RFC 5545: CRLF line ends, lines of at most 75 octets, folded lines continue with a space.
  expect(ics.endsWith("\r\n")).toBe(true);
  expect(ics.replaceAll("\r\n", "").includes("\n")).toBe(false);
  for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
  const lines = ics.replaceAll("\r\n ", "").split("\r\n").filter((line) => line !== "");
  const property = (name: string) => lines.find((line) => line.split(/[;:]/)[0] === name)?.replace(/^[^:]*:/, "");
  expect(lines[0]).toBe("BEGIN:VCALENDAR");
  expect(lines.at(-1)).toBe("END:VCALENDAR");
  expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(1);
  expect(property("VERSION")).toBe("2.0");
  expect(property("UID")).toBe("erneuerung-om-zeichen-faire-lieferkette-lk-2026@checkwerk");
  expect(property("DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
  const until = new Date(signed.getFullYear(), signed.getMonth() + 24, 1);
  const renewFrom = new Date(until.getFullYear(), until.getMonth() - 3, 1);
  const compact = (date: Date) => `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, "0")}01`;
  expect(property("DTSTART")).toBe(compact(renewFrom));
  expect(lines.find((line) => line.startsWith("DTSTART"))).toBe(`DTSTART;VALUE=DATE:${compact(renewFrom)}`);
  expect(property("SUMMARY")).toBe("Selbsterklärung „OM-Zeichen Faire Lieferkette“ erneuern");
  expect(property("DESCRIPTION")).toContain(`gilt bis ${compact(until).slice(6, 8)}.${compact(until).slice(4, 6)}.${compact(until).slice(0, 4)}`);
});
