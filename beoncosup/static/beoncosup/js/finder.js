/* Finder page enhancements. Everything here is optional: the page works without it.
   - a text filter over the needs list;
   - the results map (Leaflet), from the JSON in #finder-markers: our own tiles when configured,
     OpenStreetMap's only after the visitor has agreed (nothing goes to a tile server before);
   - focus after HTMX swaps;
   - a print button on the plan's print page.
   No inline scripts: the page's CSP is script-src 'self'. */
(function () {
  "use strict";

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function setUpNeedFilter() {
    var box = document.querySelector(".need-filter");
    var input = document.getElementById("need-filter");
    if (!box || !input) { return; }
    box.hidden = false;
    // Typing in the filter must not refresh the results.
    input.addEventListener("change", function (event) { event.stopPropagation(); });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") { event.preventDefault(); }
    });
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim());
      document.querySelectorAll(".need-domain").forEach(function (domain) {
        var shown = 0;
        domain.querySelectorAll(".need-category").forEach(function (category) {
          var inCategory = 0;
          category.querySelectorAll("li").forEach(function (item) {
            var match = !wanted || fold(item.textContent).indexOf(wanted) !== -1;
            item.hidden = !match;
            if (match) { inCategory += 1; }
          });
          category.hidden = inCategory === 0;
          shown += inCategory;
        });
        domain.hidden = shown === 0;
        if (wanted && shown) { domain.open = true; }
      });
    });
  }

  var map = null;
  // Consent to OpenStreetMap's tiles lasts for this tab's visit only (sessionStorage).
  var CONSENT_KEY = "beoncosup-map-tiles";

  function tilesAllowed(section) {
    if (section.getAttribute("data-ask") !== "true") { return true; }
    try { return window.sessionStorage.getItem(CONSENT_KEY) === "yes"; } catch (error) { return false; }
  }

  function allowTiles() {
    // Without storage (some private modes) the map simply asks again on the next page.
    try { window.sessionStorage.setItem(CONSENT_KEY, "yes"); } catch (error) { /* ask again */ }
  }

  function setUpMap(focusMap) {
    if (map) { map.remove(); map = null; }
    var section = document.getElementById("map-section");
    var data = document.getElementById("finder-markers");
    var element = document.getElementById("results-map");
    if (!section || !data || !element || typeof window.L === "undefined") { return; }
    var markers = JSON.parse(data.textContent || "[]");
    if (!markers.length) { return; }
    section.hidden = false;
    var consent = document.getElementById("map-consent");
    if (!tilesAllowed(section)) {
      // Nothing is asked of any tile server until the visitor presses the button.
      var button = document.getElementById("map-consent-button");
      if (!consent || !button) { section.hidden = true; return; }
      consent.hidden = false;
      element.hidden = true;
      if (!button.hasAttribute("data-bound")) {
        button.setAttribute("data-bound", "");
        button.addEventListener("click", function () { allowTiles(); setUpMap(true); });
      }
      return;
    }
    if (consent) { consent.hidden = true; }
    element.hidden = false;
    map = window.L.map(element, { scrollWheelZoom: false, keyboard: true });
    window.L.tileLayer(section.getAttribute("data-tiles"), {
      maxZoom: 18,
      attribution: "© <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a>"
    }).addTo(map);
    var bounds = [];
    markers.forEach(function (marker) {
      var point = [marker.lat, marker.lon];
      bounds.push(point);
      var popup = document.createElement("a");
      popup.href = marker.url;
      popup.textContent = marker.rank + ". " + marker.name;
      window.L.marker(point, { title: marker.rank + ". " + marker.name, alt: marker.rank + ". " + marker.name })
        .bindPopup(popup)
        .addTo(map);
    });
    map.fitBounds(bounds, { padding: [24, 24], maxZoom: 13 });
    // The button just pressed has gone: keep the keyboard where the map now is.
    if (focusMap === true) { element.focus(); }
  }

  function setUpPrint() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  // After a search the results are far below the form on a phone: the keyboard, the screen
  // reader and the eyes go to what was found ("12 services found") or to what went wrong.
  function focusOutcome() {
    var target = document.getElementById("error-summary") || document.getElementById("results-title");
    if (target) { target.focus(); }
  }

  document.addEventListener("DOMContentLoaded", function () {
    setUpNeedFilter();
    setUpMap();
    setUpPrint();
    // A search made without HTMX (or a shared link) lands on #result-summary.
    if (window.location.hash === "#result-summary") { focusOutcome(); }
  });

  document.addEventListener("htmx:afterSettle", function (event) {
    var target = event.detail && event.detail.target;
    if (!target) { return; }
    if (target.id === "finder-results" || target.id === "finder-body") {
      setUpMap();
      if (target.id === "finder-body") {
        setUpNeedFilter();
        var summary = document.getElementById("error-summary");
        if (summary) { summary.focus(); }
      }
      // Only a search the person asked for (the Search button, Enter, a page link) moves focus;
      // the live updates while they change the form leave them where they are.
      var config = event.detail.requestConfig || {};
      var trigger = config.elt;
      var submitted = config.triggeringEvent && config.triggeringEvent.type === "submit";
      if (submitted || (trigger && trigger.closest && trigger.closest(".pagination"))) {
        focusOutcome();
      }
    }
    var added = document.querySelector("[data-focus-after-swap]");
    if (added) { added.removeAttribute("data-focus-after-swap"); added.focus(); }
  });
}());
