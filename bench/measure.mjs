// The measurements, one function each, driving Debian's Chromium through Playwright's library. Every figure is
// taken inside the page with performance.now() (milliseconds since the navigation started), so Playwright's own
// round trips never count. Every page runs with the CPU throttled through the DevTools protocol, and where asked
// on an emulated slow network.

/** How each engine's pages are addressed and how its items are found, rated and seen as rated. */
export const engines = {
  checkwerk: {
    name: "Checkwerk",
    url: (check) => `/check/${check.id}/baustein/${check.modules[0].id}`,
    // The rating of an item is a native radio group; its radios are named per item and valued by level key.
    radio: `input[type=radio][name="bewertung-{id}"][value="{key}"]`,
    // Rated on screen: the radio checked and the card marked answered.
    shown: `#punkt-{id}.answered input[type=radio][name="bewertung-{id}"][value="{key}"]:checked`,
    storagePrefix: "checkwerk.run.",
  },
  surveyjs: {
    name: "SurveyJS",
    url: (check) => `/${check.id}.html`,
    radio: `[data-name="{id}"] input[type=radio][value="{key}"]`,
    shown: `[data-name="{id}"] .sd-item--checked input[type=radio][value="{key}"]:checked`,
    storagePrefix: "surveyjs.",
  },
  // The floor (bench/floor.mjs): Checkwerk's own module pages as static files with a few lines of plain JavaScript,
  // at the same addresses, with the same markup, so Checkwerk's selectors find the same elements. An item counts as
  // there once floor.js listens (it marks the document): its script is deferred, the cards come before it.
  floor: {
    name: "Floor",
    url: (check) => `/check/${check.id}/baustein/${check.modules[0].id}`,
    radio: `html[data-floor-ready] input[type=radio][name="bewertung-{id}"][value="{key}"]`,
    shown: `#punkt-{id}.answered input[type=radio][name="bewertung-{id}"][value="{key}"]:checked`,
    storagePrefix: "checkwerk.run.",
  },
};

/**
 * The slow network of issue 21: 1.6 Mbit/s down, 750 kbit/s up, 150 ms round trip, as the DevTools protocol takes
 * it (bytes per second). It applies to the page's requests; a service worker's own fetches are not slowed by it.
 */
export const slowNetwork = { offline: false, latency: 150, downloadThroughput: 1_600_000 / 8, uploadThroughput: 750_000 / 8 };

export const fill = (template, item) => template.replaceAll("{id}", item.id).replaceAll("{key}", item.key);

/**
 * Runs in every document before its own scripts: watches, frame by frame, for a selector, and resolves
 * `window.__bench.ready` with the time of the frame in which it first matched (`shownAt`) and of the first task
 * after that frame (`interactiveAt`): the item is on screen and the main thread is free to handle a click.
 * Also keeps the wasm exports the boot script announces, to read the wasm memory later.
 */
function markScript(config) {
  if (window.top !== window) return;
  const state = {};
  window.__bench = state;
  addEventListener("checkwerk-started", (event) => {
    state.wasm = event.detail?.wasm;
  });
  state.ready = new Promise((resolve) => {
    const look = () => {
      if (!document.querySelector(config.selector)) {
        requestAnimationFrame(look);
        return;
      }
      const shownAt = performance.now();
      const channel = new MessageChannel();
      // timeOrigin puts the page's times on the wall clock, to tell which requests came before the mark.
      channel.port1.onmessage = () => resolve({ shownAt, interactiveAt: performance.now(), timeOrigin: performance.timeOrigin });
      channel.port2.postMessage(null);
    };
    requestAnimationFrame(look);
  });
}

/** A fresh browser context (empty cache, storage and service workers) and a throttled page in it. */
export async function openPage(browser, { throttle, network, storageState, selector }) {
  const context = await browser.newContext({ locale: "de-DE", viewport: { width: 1280, height: 800 }, storageState });
  await context.addInitScript(markScript, { selector });
  // Nothing should leave the machine; a request elsewhere is a finding of its own. (Not context.route: routing
  // turns off the HTTP cache, which the repeat visit measures.)
  const external = [];
  context.on("request", (request) => {
    if (!/^(http:\/\/127\.0\.0\.1[:/]|data:|blob:)/.test(request.url())) external.push(request.url());
  });
  const page = await newThrottledPage(context, throttle, network);
  return { context, page, external };
}

/** A new page with the CPU throttled and, if given, the network emulated (`slowNetwork`). */
export async function newThrottledPage(context, throttle, network) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: throttle });
  if (network) await cdp.send("Network.emulateNetworkConditions", network);
  page.benchCdp = cdp;
  return page;
}

/** Navigates and waits for the mark; returns the page's own times in ms since navigation start. */
export async function navigate(page, url) {
  await page.goto(url, { waitUntil: "commit" });
  return page.evaluate(() => window.__bench.ready);
}

/** Waits until a service worker (if the page registered one) is active, then until the network is quiet. */
export async function settle(page, site) {
  await page.evaluate(async () => {
    if (!("serviceWorker" in navigator)) return;
    if ((await navigator.serviceWorker.getRegistrations()).length === 0) return;
    await navigator.serviceWorker.ready;
  });
  await site.quiet(1500);
}

/**
 * Rates every given item of the page shown, one click at a time, inside the page.
 *
 * Each click is dispatched at the start of a frame (inside requestAnimationFrame), so the figure does not include
 * the wait for the display's next refresh, which no engine controls: it is the engine's work for the click plus
 * rendering that frame. After the frame a task checks that the change is both saved (a value under the engine's
 * localStorage prefix changed) and on screen; if not, it waits frame by frame, and those frames count.
 * Between clicks the page gets to idle until a frame and an idle moment change nothing, so no click pays for the
 * one before.
 */
export async function rateItems(page, engine, items, { markClicks = false } = {}) {
  return page.evaluate(
    async ({ items, radio, shown, storagePrefix, markClicks }) => {
      const fill = (template, item) => template.replaceAll("{id}", item.id).replaceAll("{key}", item.key);
      const snapshot = () => {
        const values = new Map();
        for (let index = 0; index < localStorage.length; index++) {
          const key = localStorage.key(index);
          if (key.startsWith(storagePrefix)) values.set(key, localStorage.getItem(key));
        }
        return values;
      };
      const changedSince = (before) => {
        for (let index = 0; index < localStorage.length; index++) {
          const key = localStorage.key(index);
          if (key.startsWith(storagePrefix) && localStorage.getItem(key) !== before.get(key)) return true;
        }
        return false;
      };
      const afterFrame = () =>
        new Promise((resolve) =>
          requestAnimationFrame(() => {
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve();
            channel.port2.postMessage(null);
          }),
        );
      const idle = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
      let mutated = false;
      const observer = new MutationObserver(() => {
        mutated = true;
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
      const samples = [];
      for (const item of items) {
        const input = document.querySelector(fill(radio, item));
        if (!input) throw new Error(`no radio for ${item.id} = ${item.key}`);
        input.scrollIntoView({ block: "center" });
        // Until a round of a frame and an idle moment changes nothing (at least one round, at most four): work an
        // engine leaves for after a frame or for an idle moment may change the page or the saved run again, and
        // that change is rendered in a frame of its own before the click, not in the click's frame.
        let rounds = 0;
        while (rounds < 4) {
          rounds++;
          const stored = snapshot();
          mutated = false;
          await afterFrame();
          await idle();
          if (!mutated && !changedSince(stored)) break;
        }
        const before = snapshot();
        const clicked = await new Promise((resolve) =>
          requestAnimationFrame(() => {
            const start = performance.now();
            if (markClicks) performance.mark("click-start");
            input.click();
            const channel = new MessageChannel();
            channel.port1.onmessage = () => resolve(start);
            channel.port2.postMessage(null);
          }),
        );
        let frames = 1;
        while (!(changedSince(before) && document.querySelector(fill(shown, item)))) {
          if (frames >= 300) throw new Error(`rating ${item.id} = ${item.key} was not saved and shown within 300 frames`);
          await afterFrame();
          frames++;
        }
        samples.push({ id: item.id, ms: performance.now() - clicked, frames, settleRounds: rounds });
        if (markClicks) performance.mark("click-end");
      }
      observer.disconnect();
      return samples;
    },
    { items, radio: engine.radio, shown: engine.shown, storagePrefix: engine.storagePrefix, markClicks },
  );
}

/**
 * Goes to the next Baustein the way the engine's own navigation does, and waits for its first item: Checkwerk's
 * link (the router renders the next Baustein in the same document), the floor's same link (a new static page), or
 * SurveyJS' next page.
 */
export async function nextModule(page, engineId, check, module, firstItemSelector) {
  if (engineId === "checkwerk" || engineId === "floor") {
    await page.evaluate((href) => {
      const link = [...document.querySelectorAll("a")].find((a) => a.getAttribute("href")?.endsWith(href));
      if (!link) throw new Error(`no link to ${href}`);
      link.click();
    }, `/check/${check.id}/baustein/${module.id}`);
  } else {
    await page.evaluate(() => {
      if (!window.checkwerkBenchSurvey.nextPage()) throw new Error("SurveyJS has no next page");
    });
  }
  await page.waitForSelector(firstItemSelector, { state: "attached", timeout: 120_000 });
}

/** JS heap after a full garbage collection, the wasm memory, and the size of the document. */
export async function memory(page) {
  const cdp = page.benchCdp;
  await cdp.send("HeapProfiler.enable");
  await cdp.send("HeapProfiler.collectGarbage");
  const heap = await cdp.send("Runtime.getHeapUsage");
  const inPage = await page.evaluate(() => ({
    wasmBytes: window.__bench.wasm?.memory?.buffer?.byteLength ?? 0,
    domNodes: document.getElementsByTagName("*").length,
  }));
  return { jsHeapUsedBytes: heap.usedSize, jsHeapTotalBytes: heap.totalSize, ...inPage };
}
