// The floor of the bench (issue 21): what the browser itself needs to rate an item on Checkwerk's module page.
// The page is Checkwerk's own markup, saved as a static file (bench/floor.mjs); this script marks the card of a
// chosen rating as answered and writes the run to localStorage in Checkwerk's stored form (crates/core/src/saved.rs),
// the whole run on every rating, as Checkwerk does. Nothing else: no framework, no evaluation, no progress counts.
(function () {
  "use strict";

  var root = document.documentElement;
  var checkId = root.getAttribute("data-floor-check");
  var key = "checkwerk.run.floor-" + checkId;
  var run = null;
  try {
    run = CheckwerkStoredForm.load(localStorage.getItem(key));
  } catch (error) {
    console.error("the floor's saved run is unreadable", error);
  }
  if (!run) {
    var created = Date.now();
    run = {
      id: "floor-" + checkId,
      catalog_id: checkId,
      catalog_version: root.getAttribute("data-floor-version"),
      name: "",
      company_id: "floor",
      created_at: created,
      updated_at: created,
      answers: {},
    };
  }
  // A saved run reopened: its ratings shown, as Checkwerk shows them.
  Object.keys(run.answers).forEach(function (itemId) {
    var card = document.getElementById("punkt-" + itemId);
    var input = card && card.querySelector('input[type=radio][value="' + CSS.escape(run.answers[itemId].choice) + '"]');
    if (!input) return;
    input.checked = true;
    card.classList.add("answered");
  });
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (input.type !== "radio" || input.name.indexOf("bewertung-") !== 0) return;
    var card = input.closest("article.item");
    var now = Date.now();
    run.answers[card.getAttribute("data-item")] = { choice: input.value, updated_at: now };
    run.updated_at = now;
    card.classList.add("answered");
    localStorage.setItem(key, CheckwerkStoredForm.store(run));
  });
  // The script is deferred, so the cards can be on screen before it listens: the bench waits for this mark (the
  // floor's selectors in bench/measure.mjs), never clicking a card whose rating nobody would save.
  root.setAttribute("data-floor-ready", "");
})();
