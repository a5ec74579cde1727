import { test, expect } from "./fixtures";

test("German by default, English by choice, and the choice is remembered", async ({ app, page }) => {
  await app.openHome();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a check");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Choose a check");
  await page.goto("/check/sicherheit-gesundheit/massnahmen");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("My measures");
  await expect(page.getByRole("button", { name: "New measure" })).toBeVisible();
  await page.getByRole("button", { name: "Deutsch" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Meine Maßnahmen");
});
