import { test, expect } from "./fixtures";
import type { Page } from "@playwright/test";

/** Presses Tab until the focused element matches, as a keyboard user would; fails after a bounded number. */
async function tabUntil(page: Page, matches: () => Promise<boolean>, limit = 80) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press("Tab");
    if (await matches()) return;
  }
  throw new Error("never reached the element by Tab");
}

async function focusedIsUnansweredRadio(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLInputElement | null;
    if (!element || element.type !== "radio") return false;
    const group = document.querySelectorAll<HTMLInputElement>(`input[name="${element.name}"]`);
    return element.name.startsWith("bewertung-") && ![...group].some((radio) => radio.checked);
  });
}

test("every module of the check can be rated by keyboard alone", async ({ app, page }) => {
  await app.openHome();
  // Reach the check's card link by keyboard.
  await tabUntil(page, async () =>
    (await page.evaluate(() => document.activeElement?.textContent ?? "")).includes("Sicherheit und Gesundheit bei der Arbeit"),
  );
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");

  const modules = await page.locator(".kompass .module-entry a").allTextContents();
  expect(modules.length).toBe(4);

  await tabUntil(page, async () => (await page.evaluate(() => document.activeElement?.textContent ?? "")) === modules[0]);
  await page.keyboard.press("Enter");

  for (const [index, moduleHeading] of modules.entries()) {
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(moduleHeading);
    const groups = page.locator(".scale[role=radiogroup]");
    const count = await groups.count();
    for (let rated = 0; rated < count; rated++) {
      await tabUntil(page, () => focusedIsUnansweredRadio(page));
      // Arrow keys move within a radio group and choose; alternate so different levels get used.
      await page.keyboard.press(rated % 2 === 0 ? "Space" : "ArrowRight");
    }
    await expect(page.locator(".module-progress").getByText(`${count} von ${count} bewertet`)).toBeVisible();
    await expect(page.getByText("Alle Check-Punkte dieses Bausteins sind bewertet.")).toBeVisible();

    const nextLabel = index + 1 < modules.length ? "Nächster Baustein" : "Zu meinen Ergebnissen";
    await tabUntil(page, async () =>
      (await page.evaluate(() => document.activeElement?.textContent ?? "")).includes(nextLabel),
    );
    await page.keyboard.press("Enter");
    // The next module starts at its heading, not at the foot of the page where the link was.
    if (index + 1 < modules.length) await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  }

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Ergebnisse");
  await page.goto("/check/sicherheit-gesundheit");
  for (const entry of await page.locator(".module-entry").all()) {
    await expect(entry).toContainText(/(\d+) von \1 bewertet/);
  }
  await page.reload();
  await expect(page.locator(".module-entry").first()).toContainText("3 von 3 bewertet");
});
