// Checkwerk widget for partner pages. Paste where the check should appear:
//   <div data-checkwerk="CATALOG-ID"></div><script src="https://HOST/PATH/embed.js" defer></script>
// An empty CATALOG-ID shows the list of checks. Optional attributes on the div:
//   data-checkwerk-accent="#0a6e4f"   accent colour (hex)
//   data-checkwerk-lang="en"          interface language (de, en)
//   data-checkwerk-single="true"      single-check mode: no way out to the list of checks
//   data-checkwerk-title="…"          the frame's accessible title
// The check runs in an iframe from the checks host, so neither page's styles leak into the other; the answers are
// stored by the browser for the checks host (see ARCHITECTURE.md, "Embedding").
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !script.src) return;
  var appBase = new URL(".", script.src);
  var appOrigin = appBase.origin;
  var frames = [];

  function cleanId(value) {
    return /^[a-z0-9._-]*$/.test(value) ? value : null;
  }

  function cleanAccent(value) {
    return /^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value || "") ? value : null;
  }

  function mount(host, index) {
    if (host.getAttribute("data-checkwerk-mounted") === "true") return;
    var id = cleanId((host.getAttribute("data-checkwerk") || "").trim());
    if (id === null) {
      host.textContent = "Checkwerk: ungültige Check-Kennung.";
      return;
    }
    var single = host.getAttribute("data-checkwerk-single") === "true" && id !== "";
    var params = new URLSearchParams({ embed: "1", widget: String(index) });
    if (single) params.set("single", "1");
    var accent = cleanAccent(host.getAttribute("data-checkwerk-accent"));
    if (accent) params.set("accent", accent);
    var lang = host.getAttribute("data-checkwerk-lang");
    if (lang === "de" || lang === "en") params.set("lang", lang);

    var src = new URL(id ? "check/" + id : "", appBase);
    src.search = params.toString();
    var frame = document.createElement("iframe");
    frame.src = src.href;
    frame.title = host.getAttribute("data-checkwerk-title") || "Checkwerk – Selbst-Check";
    frame.loading = "lazy";
    frame.setAttribute("allow", "clipboard-write");
    frame.style.cssText = "display:block;width:100%;min-height:480px;height:720px;border:0;";
    host.textContent = "";
    host.appendChild(frame);
    host.setAttribute("data-checkwerk-mounted", "true");
    frames[index] = frame;
  }

  // Messages have one fixed shape and must come from the checks host and from one of our frames.
  window.addEventListener("message", function (event) {
    if (event.origin !== appOrigin) return;
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "checkwerk:height") return;
    if (typeof data.widget !== "number" || typeof data.height !== "number") return;
    var frame = frames[data.widget];
    if (!frame || frame.contentWindow !== event.source) return;
    if (!(data.height > 0 && data.height < 100000)) return;
    frame.style.height = Math.ceil(data.height) + "px";
  });

  function mountAll() {
    var hosts = document.querySelectorAll("[data-checkwerk]");
    for (var i = 0; i < hosts.length; i++) mount(hosts[i], i);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll);
  else mountAll();
})();
