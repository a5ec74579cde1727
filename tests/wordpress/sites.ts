// Where the WordPress sites of this run are, as `cargo xtask` set them up (tests/wordpress/setup.php wrote it).
import { readFileSync } from "node:fs";
import { expect, type Page } from "@playwright/test";

export interface Page_ {
  id: number;
  url: string;
}

export interface Site {
  /** The site's home, with a trailing slash. */
  url: string;
  /** The plugin's app folder, with a trailing slash, as WordPress names it. */
  appUrl: string;
  loginUrl: string;
  adminUrl: string;
  user: string;
  password: string;
  pages: Record<"block" | "shortcode" | "list" | "unknown" | "hostile", Page_>;
}

function load(): { root: Site; subfolder: Site } {
  const file = process.env.CHECKWERK_WORDPRESS_SITES;
  if (!file) throw new Error("CHECKWERK_WORDPRESS_SITES is not set: run these tests with `cargo xtask wordpress test`");
  return JSON.parse(readFileSync(file, "utf8"));
}

export const sites = load();

/** Signs in to WordPress as the editor of the test site. */
export async function signIn(page: Page, site: Site) {
  await page.goto(site.loginUrl);
  // Debian's German translation of WordPress 6.1 leaves some texts of the login form in English.
  await page.getByLabel(/^(Benutzername oder E-Mail-Adresse|Username or Email Address)$/).fill(site.user);
  await page.getByLabel(/^(Passwort|Password)$/).fill(site.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
}
