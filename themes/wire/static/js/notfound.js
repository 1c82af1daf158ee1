/*
 * The 404 page: when the missing address names a day (/2025/03/14/...),
 * offer that day's page if the archive has the day, else its month's page
 * if it has the month. The archive's days come from the search manifest
 * (its "days": [day, first story number], newest first). Text is inserted
 * as text; nothing of the address becomes markup.
 */
(function () {
  "use strict";
  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli",
    "augustus", "september", "oktober", "november", "december"];
  var place = document.getElementById("notfound-day");
  var found = /\/(\d{4})\/(\d{2})\/(\d{2})(?:\/|$)/.exec(window.location.pathname);
  if (!place || !found || typeof fetch !== "function") {
    return;
  }
  var year = found[1];
  var month = found[2];
  var day = found[3];
  var root = place.getAttribute("data-root");

  function offer(text, path) {
    var link = document.createElement("a");
    link.href = root + path;
    link.textContent = text;
    place.textContent = "Dit adres noemt ";
    place.appendChild(link);
    place.appendChild(document.createTextNode(": misschien staat het bericht daar."));
    place.hidden = false;
  }

  fetch(place.getAttribute("data-manifest"))
    .then(function (response) { return response.ok ? response.json() : { days: [] }; })
    .then(function (manifest) {
      var days = (manifest.days || []).map(function (entry) { return String(entry[0]); });
      var monthName = MONTHS[Number(month) - 1];
      if (!monthName) {
        return;
      }
      if (days.indexOf(year + "-" + month + "-" + day) !== -1) {
        offer(Number(day) + " " + monthName + " " + year, year + "/" + month + "/" + day + "/");
      } else if (days.some(function (d) { return d.slice(0, 7) === year + "-" + month; })) {
        offer(monthName + " " + year, year + "/" + month + "/");
      }
    })
    .catch(function () { /* no manifest: the search box is still there */ });
})();
