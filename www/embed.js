// Checkwerk widget for partner pages. Paste where the check should appear:
//   <div data-checkwerk="CATALOG-ID"></div><script src="https://HOST/PATH/embed.js" defer></script>
// An empty CATALOG-ID shows the list of checks. Optional attributes on the div:
//   data-checkwerk-accent="#0a6e4f"   accent colour (hex)
//   data-checkwerk-lang="en"          interface language (de, en)
//   data-checkwerk-single="true"      single-check mode: no way out to the list of checks
//   data-checkwerk-height="900"       a fixed height in pixels (300 to 5000); without it the frame follows its content
//   data-checkwerk-title="…"          the frame's accessible title
// The check runs in an iframe from the checks host, so neither page's styles leak into the other; the answers are
// stored by the browser for the checks host (see ARCHITECTURE.md, "Embedding").
// Frames a server wrote into the page itself (`<iframe data-checkwerk-frame="auto" src=…>`, the WordPress plugin)
// are adopted: they follow their content's height the same way.
(function () {
  "use strict";
  var script = document.currentScript;
  var appBase = script && script.src ? new URL(".", script.src) : null;
  // Each frame with the origin its messages must come from and whether it follows its content's height.
  var frames = [];

  function cleanId(value) {
    return /^[a-z0-9._-]*$/.test(value) ? value : null;
  }

  function cleanAccent(value) {
    return /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value || "") ? value : null;
  }

  function fixedHeight(value) {
    var pixels = /^\d{3,4}$/.test(value || "") ? Number(value) : 0;
    return pixels >= 300 && pixels <= 5000 ? pixels : null;
  }

  function mount(host, index) {
    if (host.getAttribute("data-checkwerk-mounted") === "true" || !appBase) return;
    var id = cleanId((host.getAttribute("data-checkwerk") || "").trim());
    if (id === null) {
      host.textContent = "Checkwerk: ungültige Check-Kennung.";
      return;
    }
    var single = host.getAttribute("data-checkwerk-single") === "true" && id !== "";
    var params = new URLSearchParams({ embed: "1", widget: String(index) });
    // The app's own file, the route as a parameter: this works on hosts that serve no index.html for app routes.
    if (id) params.set("route", "/check/" + id);
    if (single) params.set("single", "1");
    var accent = cleanAccent(host.getAttribute("data-checkwerk-accent"));
    if (accent) params.set("accent", accent);
    var lang = host.getAttribute("data-checkwerk-lang");
    if (lang === "de" || lang === "en") params.set("lang", lang);
    var height = fixedHeight(host.getAttribute("data-checkwerk-height"));

    var src = new URL("index.html", appBase);
    src.search = params.toString();
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = host.getAttribute("data-checkwerk-title") || "Checkwerk – Selbst-Check";
    frame.loading = "lazy";
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;min-height:300px;border:0;height:" + (height || 720) + "px;";
    host.textContent = "";
    host.appendChild(frame);
    host.setAttribute("data-checkwerk-mounted", "true");
    frames.push({ frame: frame, origin: appBase.origin, widget: index, follows: height === null });
  }

  function adopt(frame) {
    if (frame.getAttribute("data-checkwerk-mounted") === "true") return;
    var src;
    try {
      src = new URL(frame.src, location.href);
    } catch (error) {
      return;
    }
    var widget = Number(src.searchParams.get("widget") || "-");
    if (!Number.isInteger(widget)) return;
    frame.setAttribute("data-checkwerk-mounted", "true");
    frames.push({
      frame: frame,
      origin: src.origin,
      widget: widget,
      follows: frame.getAttribute("data-checkwerk-frame") !== "fixed",
    });
  }

  // Messages have one fixed shape and must come from one of our frames, from the origin that frame was opened at.
  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "checkwerk:height") return;
    if (typeof data.widget !== "number" || typeof data.height !== "number") return;
    if (!(data.height > 0 && data.height < 100000)) return;
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      if (entry.frame.contentWindow !== event.source) continue;
      // Its own window, the origin it was opened at, and the number it was given: all three must match.
      if (event.origin === entry.origin && data.widget === entry.widget && entry.follows) {
        entry.frame.style.height = Math.ceil(data.height) + "px";
      }
      return;
    }
  });

  function mountAll() {
    var hosts = document.querySelectorAll("[data-checkwerk]");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i], i);
    var written = document.querySelectorAll("iframe[data-checkwerk-frame]");
    for (var j = 0; j < written.length; j++) adopt(written[j]);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
