// Page objects and helpers: find things the way a person does, by role and accessible name.
import { test as base, expect, type BrowserContext, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Where the tests put screenshots and printed PDFs for reviewers: a folder git ignores, so a test run leaves the
 * checkout as it was. `cargo xtask screenshots` runs the tests tagged `@screenshot` and copies what they write here
 * into docs/screenshots/ for committing (crates/xtask/src/screenshots.rs names the same folder).
 */
export const screenshotDir = join(dirname(fileURLToPath(import.meta.url)), "..", "output", "screenshots");

/** The tag of every test that writes a file for reviewers; `cargo xtask screenshots` runs exactly these. */
export const screenshotTag = "@screenshot";

/**
 * The path to write a file for reviewers to (a screenshot or a PDF), in `screenshotDir`.
 * Only a test tagged `@screenshot` may write one: `cargo xtask screenshots` runs only those, and a file from an
 * untagged test would never be regenerated.
 */
export function reviewerFile(name: string): string {
  const info = base.info();
  if (!info.tags.includes(screenshotTag)) {
    throw new Error(`"${info.title}" writes ${name} for reviewers: tag it { tag: "${screenshotTag}" } so that \`cargo xtask screenshots\` regenerates it`);
  }
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, name);
}

/**
 * Makes every request of `file` fail as a dropped connection does, in every page of the context; says how many were
 * tried and lifts the block again.
 */
export async function dropRequests(context: BrowserContext, file: RegExp): Promise<{ tries: () => number; restore: () => Promise<void> }> {
  let tries = 0;
  const handler = (route: { abort: (code: string) => Promise<void> }) => {
    tries++;
    return route.abort("internetdisconnected");
  };
  await context.route(file, handler);
  return { tries: () => tries, restore: () => context.unroute(file, handler) };
}

export class CheckwerkApp {
  constructor(readonly page: Page) {}

  async openHome() {
    await this.page.goto("/");
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
  }

  /** Opens a check from its card on the home page. */
  async openCheck(title: string) {
    const card = this.page.getByRole("article", { name: title });
    await card.getByRole("link", { name: /Check (beginnen|fortsetzen)/ }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(title);
  }

  /** Follows an entry of the Check-Box navigation. */
  async checkBox(entry: string) {
    await this.page.getByRole("navigation", { name: "Meine Check-Box" }).getByRole("link", { name: entry }).click();
  }

  /** Opens a module from a module list by its heading text. */
  async openModule(name: string | RegExp) {
    await this.page.getByRole("link", { name }).first().click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }

  /** The rating of an item: a radio group named by its statement. */
  rating(statement: string | RegExp): Locator {
    return this.page.getByRole("radiogroup", { name: statement });
  }

  async rate(statement: string | RegExp, level: string) {
    await this.rating(statement).getByRole("radio", { name: level, exact: true }).check();
  }

  saveStatus(): Locator {
    return this.page.getByRole("status").filter({ hasText: /gespeichert|Saved/i }).first();
  }

  /** Runs axe-core on the page and fails on serious or critical WCAG 2.1 AA violations. */
  async expectAccessible(context: string) {
    const results = await new AxeBuilder({ page: this.page })
      .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
      .analyze();
    const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(
      severe.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`),
      `accessibility of ${context}`,
    ).toEqual([]);
  }

  /**
   * A full-page screenshot as a reader scrolling down would see the page: cards below the window are drawn too
   * (the app leaves their rendering to the browser until they come near the window, `content-visibility: auto`).
   */
  async screenshot(name: string) {
    const path = reviewerFile(name);
    // Through the CSSOM, which the Content-Security-Policy allows (an injected style sheet it would not).
    const drawAll = (visibility: string) =>
      this.page.evaluate((visibility) => {
        for (const item of document.querySelectorAll<HTMLElement>(".item")) item.style.contentVisibility = visibility;
      }, visibility);
    // From the top: the sidebar sticks to the window, and a page left scrolled would show it halfway down.
    const scrolled = await this.page.evaluate(() => window.scrollY);
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await drawAll("visible");
    await this.page.screenshot({ path, fullPage: true });
    await drawAll("");
    await this.page.evaluate((y) => window.scrollTo(0, y), scrolled);
  }
}

/** How many sheets a PDF that Chromium printed has (its page tree's count, which Chromium writes uncompressed). */
export function pdfPages(pdf: Buffer): number {
  const count = /\/Type\s*\/Pages\b[^>]*?\/Count (\d+)|\/Count (\d+)[^>]*?\/Type\s*\/Pages\b/.exec(pdf.toString("latin1"));
  if (!count) throw new Error("no page tree found in the PDF");
  return Number(count[1] ?? count[2]);
}

/** A saved run as the app stored it before companies (saved format version 1, which every later build opens). */
export interface SeedRun {
  id: string;
  catalog_id: string;
  name?: string;
  company?: string;
  answers?: Record<string, { choice?: string; priority?: number; note?: string }>;
  measures?: Array<Record<string, unknown>>;
  starthilfe?: Record<string, string>;
  catalog_version?: string;
  created_at?: number;
  updated_at?: number;
  company_details?: { address?: string; size?: string; sector?: string };
  declarations?: Record<string, { date?: string; signed?: { date: string; fingerprint: string } }>;
}

/** Puts runs into localStorage before the app starts, as if the user had worked on them earlier. */
export async function seedRuns(page: Page, runs: SeedRun[]) {
  const entries = runs.map((run) => [
    `checkwerk.run.${run.id}`,
    JSON.stringify({
      format: "checkwerk-run",
      version: 1,
      run: { catalog_version: "", name: "Durchlauf", created_at: 1, updated_at: 2, answers: {}, ...run },
    }),
  ]);
  await page.addInitScript((items) => {
    if (sessionStorage.getItem("seeded")) return;
    for (const [key, value] of items) localStorage.setItem(key, value);
    sessionStorage.setItem("seeded", "1");
  }, entries);
}

/**
 * The run a stored text holds, in the file form's JSON: stored runs are packed (saved format 2: LZ4, 15 bits to a
 * character, `crates/core/src/saved.rs`), older ones plain. An independent decoder, so the tests also prove that
 * the stored form is what the core's docs say it is.
 */
export function decodeStoredRun(text: string): any {
  const envelope = JSON.parse(text);
  if (envelope.run) return envelope.run;
  const values = Array.from(envelope.packed as string, (character) => character.codePointAt(0)! - 0x100);
  const padding = values.shift()!;
  const bytes = new Uint8Array((values.length * 15 - padding) / 8);
  let buffer = 0, buffered = 0, index = 0;
  for (const value of values) {
    buffer = ((buffer << 15) | value) & 0x3fffffff;
    buffered += 15;
    while (buffered >= 8 && index < bytes.length) {
      buffered -= 8;
      bytes[index++] = (buffer >> buffered) & 0xff;
    }
  }
  const size = bytes[0] | (bytes[1] << 8) | (bytes[2] << 16) | (bytes[3] << 24);
  const source = bytes.subarray(4);
  const out = new Uint8Array(size);
  let s = 0, d = 0;
  const length = (start: number) => {
    let total = start;
    if (start === 15) {
      let byte;
      do { byte = source[s++]; total += byte; } while (byte === 255);
    }
    return total;
  };
  while (s < source.length) {
    const token = source[s++];
    const literals = length(token >> 4);
    out.set(source.subarray(s, s + literals), d);
    s += literals;
    d += literals;
    if (s >= source.length) break;
    const offset = source[s] | (source[s + 1] << 8);
    s += 2;
    const match = length(token & 15) + 4;
    for (let i = 0; i < match; i++, d++) out[d] = out[d - offset];
  }
  return JSON.parse(new TextDecoder().decode(out));
}

/** The run stored under a key of the page's localStorage (see `decodeStoredRun`); undefined if there is none. */
export async function storedRun(page: Page, runId: string): Promise<any> {
  const text = await page.evaluate((key) => localStorage.getItem(key), `checkwerk.run.${runId}`);
  return text === null ? undefined : decodeStoredRun(text);
}

/** The file `action` makes the page download: its suggested name and its text. */
export async function readDownload(page: Page, action: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), action()]);
  const path = await download.path();
  const { readFileSync } = await import("node:fs");
  return { name: download.suggestedFilename(), text: readFileSync(path!, "utf8") };
}

export const test = base.extend<{ app: CheckwerkApp }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    const consoleErrors: string[] = [];
    const policyViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) policyViolations.push(message.text());
      else if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) consoleErrors.push(message.text());
    });
    // A panic logs its message to the console, then the wasm traps; report both together.
    page.on("pageerror", (error) => errors.push([error.message, ...consoleErrors].join("\n")));
    await use(new CheckwerkApp(page));
    expect(errors, "the page threw").toEqual([]);
    expect(policyViolations, "the page broke the Content-Security-Policy").toEqual([]);
  },
});

export { expect };

/** Opens a measure's row in the action plan (unless it is open) and returns its form, a group named by the measure. */
export async function openMeasure(page: Page, title: string | RegExp): Promise<Locator> {
  const pattern = typeof title === "string" ? new RegExp(`bearbeiten: ${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`) : title;
  const toggle = page.getByRole("button", { name: pattern });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  return page.getByRole("group", { name: pattern });
}
