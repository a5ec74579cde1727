// People with browsers of their own: each a fresh Chromium profile folder, as on separate devices (storage, service
// worker and downloads are their own), launched with the same browser and flags as every other test.
import { chromium, expect, type BrowserContext, type Page } from "@playwright/test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import config from "../playwright.config";

/** One person's browser: its only page, and what went wrong in it. */
export interface Person {
  page: Page;
  context: BrowserContext;
  /** Uncaught errors and Content-Security-Policy violations of the page; a test expects none. */
  problems: string[];
  close(): Promise<void>;
}

/** Opens a browser with a fresh profile for a person, at the test's site, German, as the config sets up. */
export async function openProfile(who: string, baseURL: string, viewport = { width: 1280, height: 900 }): Promise<Person> {
  const folder = mkdtempSync(join(tmpdir(), `checkwerk-${who}-`));
  const launch = config.use?.launchOptions ?? {};
  const context = await chromium.launchPersistentContext(folder, {
    executablePath: launch.executablePath,
    args: launch.args,
    baseURL,
    locale: "de-DE",
    viewport,
    acceptDownloads: true,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`${who}: ${error.message}`));
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) problems.push(`${who}: ${message.text()}`);
  });
  return {
    page,
    context,
    problems,
    async close() {
      await context.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** Opens the site once online and waits until its service worker controls the page: from then on it works offline. */
export async function visitOnce(person: Person) {
  await person.page.goto("/");
  await expect(person.page.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
  await person.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });
}
