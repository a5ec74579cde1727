import { test, expect } from "./fixtures";
import type { Frame, Locator, Page } from "@playwright/test";
import { join } from "node:path";
import { repoRoot, startHost } from "./hosting";

test("a partner page on another origin gets the check in place, isolated and growing with its content", async ({ page, baseURL }) => {
  const partner = await startHost(join(repoRoot, "www"), { CHECKWERK_EMBED_URL: `${baseURL}/embed.js` });
  try {
    await page.goto(`${partner.origin}/partner-demo.html`);
    const frames = page.locator("iframe");
    await expect(frames).toHaveCount(3);

    // Widget 1: one check, accent colour from the partner.
    const umwelt = page.frameLocator("iframe >> nth=0");
    await expect(umwelt.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    // The partner's aggressive styles (20px everywhere, pink inputs) do not reach into the widget.
    const fontSize = await umwelt.locator("body").evaluate((body) => getComputedStyle(body).fontSize);
    expect(fontSize).toBe("16px");
    const accent = await umwelt.locator("html").evaluate((root) => getComputedStyle(root).getPropertyValue("--accent").trim());
    expect(accent).toBe("#0a6e4f");
    // ...and the widget's styles do not leak out.
    expect(await page.locator("h1").evaluate((h) => getComputedStyle(h).fontFamily)).toContain("Georgia");

    // The frame follows the content's height, both ways.
    const kompassHeight = (await frames.nth(0).boundingBox())!.height;
    expect(kompassHeight).toBeGreaterThan(800);
    await umwelt.getByRole("link", { name: "Starthilfe: Womit beginnen?" }).click();
    await expect(umwelt.getByRole("heading", { level: 1 })).toHaveText(/Starthilfe/);
    await expect.poll(async () => (await frames.nth(0).boundingBox())!.height).not.toBe(kompassHeight);
    const contentHeight = await umwelt.locator("body").evaluate((body) => body.scrollHeight);
    await expect.poll(async () => Math.abs((await frames.nth(0).boundingBox())!.height - contentHeight)).toBeLessThan(3);

    // A rating in the widget is saved (in the checks host's storage for this partner page).
    await umwelt.getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true }).check();
    await page.reload();
    await page.frameLocator("iframe >> nth=0").getByRole("link", { name: "Starthilfe: Womit beginnen?" }).click();
    await expect(page.frameLocator("iframe >> nth=0").getByRole("radiogroup").first().getByRole("radio", { name: "hoch", exact: true })).toBeChecked();

    // Widget 2: an empty id lists every check.
    const list = page.frameLocator("iframe >> nth=1");
    await expect(list.getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");

    // Widget 3: single-check mode in English: no way out to the list of checks. The check exists only in German, so
    // it is shown in German, and one English line says so.
    const single = page.frameLocator("iframe >> nth=2");
    await expect(single.getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
    await expect(single.getByText("This check exists only in German, so it is shown in German.")).toBeVisible();
    await expect(single.getByRole("link", { name: "Meine Ergebnisse" })).toBeVisible();
    await expect(single.getByRole("button", { name: "Deutsch" })).toBeVisible();
    await expect(single.getByRole("link", { name: /Checkwerk/ })).toHaveCount(0);
  } finally {
    partner.kill();
  }
});

/** The document inside a widget's iframe, to post messages from as that widget's own page would. */
async function documentIn(frame: Locator): Promise<Frame> {
  const document = await (await frame.elementHandle())?.contentFrame();
  if (!document) throw new Error("the widget's iframe has no document");
  return document;
}

/**
 * Records on the partner page, from now on, every height `embed.js` gives an iframe (`"1:1234px"`: the frame of
 * widget number 1, counted from 0 as in the messages, was set to 1234 px) and every message the page receives
 * (`"0 null {…}"`: from widget 0's window, origin "null"; `page` for the partner page's own window).
 * The message listener is added after `embed.js`'s own, so once a message is recorded here, `embed.js` has handled it.
 */
async function recordHeightsAndMessages(page: Page) {
  await page.evaluate(() => {
    const frames = Array.from(document.querySelectorAll("iframe"));
    const record = { heights: [] as string[], messages: [] as string[] };
    (window as unknown as { record: typeof record }).record = record;
    frames.forEach((frame, index) => {
      new MutationObserver(() => record.heights.push(`${index}:${frame.style.height}`)).observe(frame, { attributes: true, attributeFilter: ["style"] });
    });
    window.addEventListener("message", (event) => {
      const index = frames.findIndex((frame) => frame.contentWindow === event.source);
      record.messages.push(`${index === -1 ? "page" : index} ${event.origin} ${JSON.stringify(event.data)}`);
    });
  });
}

async function recorded(page: Page): Promise<{ heights: string[]; messages: string[] }> {
  return page.evaluate(() => (window as unknown as { record: { heights: string[]; messages: string[] } }).record);
}

test("a widget's height follows only its own frame's messages: forged ones from elsewhere are ignored", async ({ page, baseURL }) => {
  const partner = await startHost(join(repoRoot, "www"), { CHECKWERK_EMBED_URL: `${baseURL}/embed.js` });
  try {
    await page.goto(`${partner.origin}/partner-demo.html`);
    const frames = page.locator("iframe");
    await expect(page.frameLocator("iframe >> nth=0").getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    await expect(page.frameLocator("iframe >> nth=1").getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
    const umwelt = await documentIn(frames.nth(0));
    const list = await documentIn(frames.nth(1));
    await recordHeightsAndMessages(page);
    const post = (from: Frame, message: unknown) =>
      from.evaluate((message) => window.parent.postMessage(message, "*"), message);

    // The channel works: a message from the list widget's own page sets its frame's height. (The app may follow it
    // with its own height report, so the record, not the frame's current height, shows it arrived.)
    await post(list, { type: "checkwerk:height", widget: 1, height: 1111 });
    await expect.poll(async () => (await recorded(page)).heights).toContain("1:1111px");

    // Forged: each breaks a rule of embed.js, with a height the app itself never reports (under 20 px or out of
    // range), so any of them taking effect shows in the record.
    // The partner page itself: wrong origin, not a widget's window.
    await page.evaluate(() => window.postMessage({ type: "checkwerk:height", widget: 1, height: 5 }, "*"));
    // The Umwelt widget's page: the checks host's origin, but not the list widget's window.
    await post(umwelt, { type: "checkwerk:height", widget: 1, height: 7 });
    // The list widget's own page, in another shape or out of range.
    for (const message of [
      "checkwerk:height=9",
      { type: "checkwerk:width", widget: 1, height: 9 },
      { type: "checkwerk:height", widget: "1", height: 9 },
      { type: "checkwerk:height", widget: 1, height: "9" },
      { type: "checkwerk:height", widget: 1, height: 0 },
      { type: "checkwerk:height", widget: 1, height: -9 },
      { type: "checkwerk:height", widget: 1, height: 100000 },
    ]) {
      await post(list, message);
    }
    // The Umwelt widget's window after it went to another origin (as a link inside a frame could): the right window
    // for its own widget number, the wrong origin.
    await frames.nth(0).scrollIntoViewIfNeeded();
    await page.evaluate(() => {
      const script = "<script>parent.postMessage({ type: 'checkwerk:height', widget: 0, height: 11 }, '*')</scr" + "ipt>";
      document.querySelectorAll("iframe")[0].src = "data:text/html," + encodeURIComponent(script);
    });
    const forged = [
      `page ${partner.origin} {"type":"checkwerk:height","widget":1,"height":5}`,
      `0 ${baseURL} {"type":"checkwerk:height","widget":1,"height":7}`,
      `1 ${baseURL} "checkwerk:height=9"`,
      `1 ${baseURL} {"type":"checkwerk:height","widget":1,"height":100000}`,
      `0 null {"type":"checkwerk:height","widget":0,"height":11}`,
    ];
    // Each has reached the page, so embed.js has handled it …
    for (const message of forged) await expect.poll(async () => (await recorded(page)).messages).toContain(message);

    // … and a genuine message after all of them still moves the frame.
    await post(list, { type: "checkwerk:height", widget: 1, height: 1234 });
    await expect.poll(async () => (await recorded(page)).heights).toContain("1:1234px");

    // None of the forged heights was ever applied, to any frame.
    const forgedHeights = ["5px", "7px", "9px", "0px", "-9px", "100000px", "11px"];
    const { heights } = await recorded(page);
    const applied = heights.filter((height) => forgedHeights.includes(height.split(":")[1]));
    expect(applied, `heights set: ${heights.join(", ")}`).toEqual([]);
  } finally {
    partner.kill();
  }
});

test("the widget works from a host without rewrites: the frame opens the app's own file and moves to the check", async ({ page }) => {
  // Such a host answers only files; /check/umweltschutz is a 404 there until the service worker takes over.
  const host = await startHost(join(repoRoot, "dist"), { CHECKWERK_SPA_FALLBACK: "0" });
  try {
    expect((await page.request.get(`${host.origin}/check/umweltschutz`)).status()).toBe(404);
    await page.goto(`${host.origin}/partner-demo.html`);
    const umwelt = page.frameLocator("iframe >> nth=0");
    await expect(umwelt.getByRole("heading", { level: 1 })).toHaveText("Check „Betrieblicher Umweltschutz“");
    // The app moved to the route's own address, keeping the widget's settings.
    const address = page.frames().map((frame) => new URL(frame.url())).find((url) => url.pathname === "/check/umweltschutz");
    expect(address?.searchParams.get("accent")).toBe("#0a6e4f");
    expect(address?.searchParams.get("route")).toBeNull();
    await expect(page.frameLocator("iframe >> nth=1").getByRole("heading", { level: 1 })).toHaveText("Wählen Sie einen Check");
    await expect(page.frameLocator("iframe >> nth=2").getByRole("heading", { level: 1 })).toHaveText("Sicherheit und Gesundheit bei der Arbeit");
  } finally {
    host.kill();
  }
});
