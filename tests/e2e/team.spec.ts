// Rating as a team without a server: a facilitator and three participants, each in a browser profile of their own
// (as on separate devices), all offline after their first visit. The invitation goes out as a link; contributions
// come back by link, by the content of a QR code, and by file; the team view shows the spread; the facilitator sets
// the team's ratings; results and report use them. A second import changes nothing, a truncated link is refused.
import { test, expect, CheckwerkApp, reviewerFile, screenshotTag } from "./fixtures";
import { openProfile, visitOnce, type Person } from "./profiles";
import type { Locator, Page } from "@playwright/test";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { statSync } from "node:fs";

const teamName = "Umweltschutz 2027, Werk Süd";

/** Reads a QR code on the page as a phone camera would: from its pixels. */
async function readQrCode(code: Locator): Promise<string> {
  // Drawn large, so each module is several pixels (through the CSSOM, which the Content-Security-Policy allows).
  await code.evaluate((svg: SVGElement) => {
    svg.style.width = "640px";
  });
  const png = PNG.sync.read(await code.screenshot());
  await code.evaluate((svg: SVGElement) => {
    svg.style.width = "";
  });
  const read = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  expect(read, "the QR code reads").not.toBeNull();
  return read!.data;
}

/** Every stored run, as text: what must stay exactly as it is when nothing is to change. */
async function storedRuns(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage)
      .filter((key) => key.startsWith("checkwerk.run."))
      .sort()
      .map((key) => localStorage.getItem(key)!),
  );
}

/** The ratings of one person for the 15 items of Bausteine 1 and 2, in order; "" leaves an item open. */
type Ratings = string[];

/** A participant opens the invitation, joins, rates, writes notes and opens the ways to pass the contribution on. */
async function contribute(person: Person, invitation: string, name: string, ratings: Ratings, notes: Record<string, string>) {
  const page = person.page;
  await page.goto(invitation);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Ihr Beitrag zur Teamauswertung");
  await expect(page.getByText(`Sie sind eingeladen, zur Teamauswertung „${teamName}“ beizutragen.`)).toBeVisible();
  await expect(page.getByText("Bausteine 1 und 2", { exact: false })).toBeVisible();
  if (name) await page.getByRole("textbox", { name: "Ihr Name (freiwillig)" }).fill(name);
  await page.getByRole("button", { name: "Mitmachen" }).click();
  await expect(page.getByRole("heading", { level: 2 })).toContainText([/Baustein 1:/, /Baustein 2:/, "Beitrag weitergeben"]);
  const groups = page.getByRole("radiogroup");
  await expect(groups).toHaveCount(15);
  for (const [index, level] of ratings.entries()) {
    if (level) await groups.nth(index).getByRole("radio", { name: level, exact: true }).check();
  }
  for (const [number, note] of Object.entries(notes)) {
    await page.getByRole("textbox", { name: `Notiz ${number}` }).fill(note);
  }
  // Rating for the team plans no measures of its own: the action plan is the team's.
  await expect(page.getByRole("button", { name: /Maßnahme anlegen/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Beitrag jetzt weitergeben" }).click();
  const field = page.getByRole("textbox", { name: "Link zu Ihrem Beitrag" });
  await expect(field).toBeFocused();
  return field.inputValue();
}

const all = (level: string) => Array<string>(15).fill(level);

test("a team rates on four devices offline; contributions by link, QR code and file; the team's ratings drive results and report", { tag: screenshotTag }, async ({ baseURL }) => {
  test.setTimeout(240_000);
  const facilitator = await openProfile("moderation", baseURL!);
  const anna = await openProfile("anna", baseURL!);
  const ben = await openProfile("ben", baseURL!, { width: 360, height: 740 });
  const third = await openProfile("dritte", baseURL!);
  const people = [facilitator, anna, ben, third];
  try {
    for (const person of people) await visitOnce(person);
    // From here on no device reaches the site: everything works from what the first visit kept.
    for (const person of people) await person.context.setOffline(true);

    // The facilitator starts a team assessment of Bausteine 1 and 2 and lists three people.
    const page = facilitator.page;
    const app = new CheckwerkApp(page);
    await page.goto("/check/umweltschutz");
    await app.checkBox("Im Team");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Im Team bewerten");
    await page.getByRole("textbox", { name: "Name der Teamauswertung" }).fill(teamName);
    for (const number of [3, 4, 5, 6, 7]) {
      await page.getByRole("checkbox", { name: new RegExp(`^Baustein ${number}:`) }).uncheck();
    }
    await page.getByRole("textbox", { name: /^Teilnehmende/ }).fill("Anna\nBen\nCarla");
    await page.getByRole("button", { name: "Teamauswertung starten" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Teamauswertung: ${teamName}`);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    const invitation = await page.getByRole("textbox", { name: "Link zur Einladung" }).inputValue();
    // The invitation is a link to the check; its data sits after "#" and holds no answers.
    expect(invitation).toMatch(/\/check\/umweltschutz\/mitmachen#[A-Za-z0-9_-]+$/);
    expect(await readQrCode(page.getByRole("img", { name: "QR-Code der Einladung" }))).toBe(invitation);
    await app.expectAccessible("team assessment before contributions");

    // Three people rate on their own devices. Anna passes her contribution on as a link.
    const annaRatings = all("hoch");
    annaRatings[1] = "niedrig";
    annaRatings[7] = "mittel";
    const annaLink = await contribute(anna, invitation, "Anna", annaRatings, {
      "1.1": "Druckluft läuft nachts durch",
      "2.1": "Abfallmengen kennt nur die Werkstatt",
    });
    expect(annaLink).toMatch(/\/check\/umweltschutz\/team#[A-Za-z0-9_-]+$/);
    await new CheckwerkApp(anna.page).expectAccessible("contribution");

    // Ben, on a phone, lets the facilitator scan his QR code.
    const benRatings = all("hoch");
    benRatings[0] = "mittel";
    benRatings[7] = "niedrig";
    const benLink = await contribute(ben, invitation, "Ben", benRatings, {});
    await new CheckwerkApp(ben.page).screenshot("team-beitrag-handy.png");
    const scanned = await readQrCode(ben.page.getByRole("img", { name: "QR-Code Ihres Beitrags" }));
    expect(scanned).toBe(benLink);

    // The third person stays anonymous, leaves 2.8 open and saves a file.
    const thirdRatings = all("hoch");
    thirdRatings[0] = "niedrig";
    thirdRatings[1] = "nicht relevant";
    thirdRatings[14] = "";
    await contribute(third, invitation, "", thirdRatings, { "1.2": "Bei uns fragt keiner danach" });
    const [download] = await Promise.all([
      third.page.waitForEvent("download"),
      third.page.getByRole("button", { name: "Als Datei speichern" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("checkwerk-beitrag-umweltschutz-2027-werk-sued-anonym.json");
    const file = await download.path();

    // A contribution opened where its team assessment is not says so and takes nothing; one's own says whose it is.
    await third.page.goto(annaLink);
    await expect(third.page.getByRole("alert")).toContainText("Auf diesem Gerät gibt es keine Teamauswertung, zu der dieser Beitrag von Anna gehört");
    await ben.page.goto(benLink);
    await expect(ben.page.getByRole("status").filter({ hasText: "eigener Beitrag" })).toContainText("Das ist Ihr eigener Beitrag.");

    // The facilitator gathers: Anna's link opened in the open tab, Ben's QR code opened fresh, the file loaded.
    await page.goto(annaLink);
    await expect(page.getByRole("status").filter({ hasText: "übernommen" })).toHaveText("Beitrag von Anna übernommen: 15 Bewertungen, 2 Notizen.");
    await expect(page).toHaveURL(/\/check\/umweltschutz\/team$/);
    await page.goto("/");
    await page.goto(scanned);
    await expect(page.getByRole("status").filter({ hasText: "übernommen" })).toHaveText("Beitrag von Ben übernommen: 15 Bewertungen, 0 Notizen.");
    await page.getByLabel("Beitragsdatei laden").setInputFiles(file!);
    await expect(page.getByRole("status").filter({ hasText: "übernommen" })).toHaveText("Beitrag von einer Person ohne Namen übernommen: 14 Bewertungen, 1 Notiz.");

    // Taking the same contribution in again changes nothing, not even the run's time of change.
    const before = await storedRuns(page);
    await page.getByRole("textbox", { name: "Link oder Code eines Beitrags" }).fill(annaLink);
    await page.getByRole("button", { name: "Beitrag übernehmen" }).click();
    await expect(page.getByRole("status").filter({ hasText: "nichts geändert" })).toHaveText("Dieser Beitrag von Anna ist schon übernommen – nichts geändert.");
    await page.goto(annaLink);
    await expect(page.getByRole("status").filter({ hasText: "nichts geändert" })).toBeVisible();
    expect(await storedRuns(page)).toEqual(before);
    // A link cut short (as a messenger might) is refused whole.
    await page.getByRole("textbox", { name: "Link oder Code eines Beitrags" }).fill(benLink.slice(0, -7));
    await page.getByRole("button", { name: "Beitrag übernehmen" }).click();
    await expect(page.getByRole("alert")).toContainText("Der Link ist unvollständig oder verändert");
    await expect(page.getByRole("alert")).toContainText("Es wurde nichts übernommen.");
    expect(await storedRuns(page)).toEqual(before);

    // Who contributed what, the listed person without a contribution included.
    const participants = page.locator(".participant-list").getByRole("listitem");
    await expect(participants).toHaveText([
      /^Anna.*15 von 15 bewertet · 2 Notizen/,
      /^Ben.*15 von 15 bewertet · 0 Notizen/,
      /^Carla\s*noch kein Beitrag/,
      /^Person 3 \(ohne Namen\).*14 von 15 bewertet · 1 Notiz/,
    ]);

    // The differences: largest first, open kept apart from a difference, everyone's notes with their names.
    await expect(page.locator(".team-progress")).toHaveText(
      "15 Check-Punkte: 3 mit Unterschieden (3 noch zu entscheiden), 12 einig und noch nicht übernommen, 0 von niemandem bewertet; bei 0 steht der Teamwert.",
    );
    const items = page.locator(".team-item");
    await expect(items.locator(".item-number")).toHaveText(["1.2", "1.1", "2.1", "1.3", "1.4", "1.5", "1.6", "1.7", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8"]);
    const item = (number: string) => items.filter({ has: page.locator(".item-number", { hasText: new RegExp(`^${number.replace(".", "\\.")}$`) }) });
    await expect(item("1.2").locator(".spread-chip")).toHaveText(["1 × hoch", "1 × niedrig", "1 × nicht relevant"]);
    await expect(item("1.2").locator(".team-notes")).toHaveText("Person 3 (ohne Namen) (nicht relevant): Bei uns fragt keiner danach");
    await expect(item("1.1").locator(".spread-chip")).toHaveText(["1 × hoch", "1 × mittel", "1 × niedrig"]);
    await expect(item("1.1").locator(".team-notes")).toHaveText("Anna (hoch): Druckluft läuft nachts durch");
    await expect(item("1.1")).toContainText("noch zu entscheiden");
    await expect(item("1.1")).toContainText("Vorschlag: mittel");
    await expect(item("2.8").locator(".spread-chip")).toHaveText(["2 × hoch", "1 offen"]);
    await expect(item("2.8")).toContainText("einig – noch nicht übernommen");
    await app.expectAccessible("team assessment with contributions");

    // By Baustein, the same items in catalog order under their Baustein's heading.
    await page.getByRole("radio", { name: "nach Baustein" }).check();
    await expect(items.first().locator(".item-number")).toHaveText("1.1");
    await expect(page.locator(".team-module")).toHaveText([/Baustein 1:/, /Baustein 2:/]);
    await page.getByRole("radio", { name: "nach Unterschied" }).check();

    // Agree: what everyone sees alike in one step, every difference decided explicitly with a reason.
    await page.getByRole("button", { name: "Alle Übereinstimmungen übernehmen (12)" }).click();
    await expect(page.locator(".team-progress")).toContainText("0 einig und noch nicht übernommen");
    await expect(page.getByRole("group", { name: "Teamwert für 1.1" }).getByRole("radio", { name: "mittel", exact: true })).toBeChecked();
    await page.getByRole("textbox", { name: "Begründung zu 1.1" }).fill("Werkstatt hoch, Büro niedrig");
    await page.getByRole("button", { name: "Teamwert festlegen 1.1" }).click();
    await expect(item("1.1").locator(".team-state")).toHaveText("Teamwert: mittel");
    await page.getByRole("group", { name: "Teamwert für 1.2" }).getByRole("radio", { name: "mittel", exact: true }).check();
    await page.getByRole("textbox", { name: "Begründung zu 1.2" }).fill("Kunden fragen selten, Banken schon");
    await page.getByRole("button", { name: "Teamwert festlegen 1.2" }).click();
    await page.getByRole("group", { name: "Teamwert für 2.1" }).getByRole("radio", { name: "hoch", exact: true }).check();
    await page.getByRole("button", { name: "Teamwert festlegen 2.1" }).click();
    await expect(page.locator(".team-progress")).toHaveText(
      "15 Check-Punkte: 3 mit Unterschieden (0 noch zu entscheiden), 0 einig und noch nicht übernommen, 0 von niemandem bewertet; bei 15 steht der Teamwert.",
    );
    // Deciding moves nothing in the list.
    await expect(items.locator(".item-number").first()).toHaveText("1.2");
    await page.screenshot({ path: reviewerFile("team.png"), fullPage: true });

    // The workshop sheet: the differences on one landscape page.
    await page.getByRole("link", { name: "Für den Workshop drucken" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wo sehen wir es unterschiedlich?");
    const rows = page.locator(".workshop-table tbody tr");
    await expect(rows).toHaveCount(3);
    await expect(rows.first()).toContainText("1.2");
    await expect(rows.nth(1)).toContainText("Anna (hoch): Druckluft läuft nachts durch");
    await app.expectAccessible("workshop sheet");
    await page.emulateMedia({ media: "print" });
    await page.screenshot({ path: reviewerFile("team-workshop.png"), fullPage: true });
    const pdf = reviewerFile("team-workshop.pdf");
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    expect(statSync(pdf).size).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: "screen" });

    // The team's ratings are the run's answers: results and report use them.
    await app.checkBox("Meine Ergebnisse");
    const table = page.getByRole("region", { name: "Zusammenfassung für die Geschäftsleitung" }).getByRole("table");
    await expect(table.getByRole("row", { name: /1 Einstieg/ }).getByRole("cell")).toHaveText(["5", "2", "0", "0", "0", "86 / 100"]);
    await expect(table.getByRole("row", { name: /2 Risikobetrachtung/ }).getByRole("cell")).toHaveText(["8", "0", "0", "0", "0", "100 / 100"]);
    await app.checkBox("Bericht drucken");
    const answers = page.locator(".report-table.answers").first();
    await expect(answers.getByRole("row").filter({ hasText: /^1\.1/ })).toContainText("mittel");
    const appendix = page.locator(".team-appendix");
    await expect(appendix.getByRole("heading", { level: 2 })).toHaveText("Anhang: Einschätzungen des Teams");
    await expect(appendix).toContainText("Werkstatt hoch, Büro niedrig");
    // Names are left out of the report unless the facilitator shows them.
    await expect(appendix).toContainText("Person 1 (hoch): Druckluft läuft nachts durch");
    await appendix.getByRole("checkbox", { name: "Namen zeigen" }).check();
    await expect(appendix).toContainText("Anna (hoch): Druckluft läuft nachts durch");

    // Nothing is lost on reload, offline still.
    await page.goto("/check/umweltschutz/team");
    await expect(page.locator(".team-progress")).toContainText("bei 15 steht der Teamwert");
    for (const person of people) expect(person.problems, "the pages threw or broke the Content-Security-Policy").toEqual([]);
  } finally {
    for (const person of people) await person.close();
  }
});

test("the printed invitation carries the QR code and the link, and holds no answers", { tag: screenshotTag }, async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit/team");
  await page.getByRole("textbox", { name: "Name der Teamauswertung" }).fill("Sicherheit 2027");
  await page.getByRole("button", { name: "Teamauswertung starten" }).click();
  const link = await page.getByRole("textbox", { name: "Link zur Einladung" }).inputValue();
  await page.getByRole("link", { name: "Einladung drucken" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Einladung zur Teamauswertung");
  await expect(page.locator(".sheet-link")).toHaveText(link);
  expect(await readQrCode(page.getByRole("img", { name: "QR-Code der Einladung" }))).toBe(link);
  await app.expectAccessible("printed invitation");
  await page.emulateMedia({ media: "print" });
  await page.pdf({ path: reviewerFile("team-einladung.pdf"), format: "A4" });
});

test("an invitation link that lost its end is refused with a message, and nothing is started", async ({ app, page }) => {
  await page.goto("/check/sicherheit-gesundheit/team");
  await page.getByRole("textbox", { name: "Name der Teamauswertung" }).fill("Sicherheit 2027");
  await page.getByRole("button", { name: "Teamauswertung starten" }).click();
  const link = await page.getByRole("textbox", { name: "Link zur Einladung" }).inputValue();
  const runs = await storedRuns(page);
  await page.goto(link.slice(0, -4));
  await expect(page.getByRole("alert")).toContainText("Der Link ist unvollständig oder verändert");
  await expect(page.getByRole("button", { name: "Mitmachen" })).toHaveCount(0);
  expect(await storedRuns(page)).toEqual(runs);
  // An invitation opened where contributions are taken in is told apart from a contribution.
  await page.goto(link.replace("/mitmachen#", "/team#"));
  await expect(page.getByRole("alert")).toContainText("Das ist eine Einladung, kein Beitrag.");
  await app.expectAccessible("refused link");
});
