import { test, expect } from "./fixtures";

test("after one visit the check works offline: rate, reload, still saved", async ({ app, page, context }) => {
  await app.openHome();
  // Wait until the service worker has precached the app and controls the page.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener("controllerchange", resolve, { once: true }));
    }
  });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
  // A deep link that was never opened online also works: the app shell is served for every route.
  await page.goto("/check/umweltschutz/baustein/risikobetrachtung");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Baustein 2: Risikobetrachtung/);
  const group = page.getByRole("radiogroup").first();
  await group.getByRole("radio", { name: "hoch", exact: true }).check();
  await expect(app.saveStatus()).toContainText("Gespeichert");
  await page.reload();
  await expect(page.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();
  await context.setOffline(false);
});
