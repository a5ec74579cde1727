// Page objects: find things the way a person does, by role and accessible name.
import { test as base, expect, type Locator, type Page } from "@playwright/test";

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

  /** Opens a module from the check overview by its heading text. */
  async openModule(name: string | RegExp) {
    await this.page.getByRole("link", { name }).click();
    await expect(this.page.getByRole("heading", { level: 1 })).toHaveText(name);
  }

  /** The rating of an item: a radio group named by its statement. */
  rating(statement: string | RegExp): Locator {
    return this.page.getByRole("radiogroup", { name: statement });
  }

  saveStatus(): Locator {
    return this.page.getByRole("status");
  }
}

export const test = base.extend<{ app: CheckwerkApp }>({
  app: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await use(new CheckwerkApp(page));
    expect(errors, "the page threw").toEqual([]);
  },
});

export { expect };
