/*
 * The search page: a worker (search-worker.js) holds the index and answers;
 * this script only reads the form and shows results, as text (never as HTML:
 * wire text is data).
 *
 * - The address holds the query and every filter (?q=...&plaats=...): a link
 *   gives the same search. The first search waits until the section and place
 *   menus are filled from the manifest, so a link's filters are applied, also
 *   a place's other name (plaats=Den Bosch) and a value the archive lacks.
 * - Each new search is an entry in the browser's history (refining the words
 *   being typed replaces it), and Back shows the search before.
 * - The status line, above the results, says how many stories were found and
 *   how many were searched (the whole archive, or the period asked for).
 *   Results come PAGE at a time ("Meer resultaten"), each with its lead,
 *   which its snippet replaces once the bodies are in: the sentence that
 *   holds the most words of the query, the words found marked.
 * - No results: the line says which filters were on, with a button to search
 *   without them; a word no story holds gets "Bedoelde u ...?" from the
 *   archive's words; when no story holds every word, those holding some are
 *   shown, and the line says so.
 */
(function () {
  "use strict";

  var PAGE = 20;
  var DEBOUNCE = 20; // ms after a key before searching: a burst of keys is one search
  var DETAILS_AFTER = 150; // ms the results are shown before their snippets are asked for
  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var clear = document.getElementById("search-clear");
  var suggestion = document.getElementById("search-suggestion");
  var suggested = document.getElementById("search-suggested");
  var fields = {
    section: document.getElementById("filter-section"),
    city: document.getElementById("filter-city"),
    dateFrom: document.getElementById("filter-from"),
    dateTo: document.getElementById("filter-to"),
    order: document.getElementById("filter-order"),
  };
  var PARAMS = { q: input, rubriek: fields.section, plaats: fields.city, van: fields.dateFrom, tot: fields.dateTo, volgorde: fields.order };
  var worker = null;
  var asked = 0;
  var shown = PAGE;
  var manifestUrl = new URL(form.dataset.manifest, window.location.href).href;
  var menus = null; // the manifest's sections and places, once in the menus

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function open() {
    if (!worker) {
      worker = new Worker(new URL(form.dataset.worker, window.location.href).href);
      worker.onmessage = receive;
      worker.postMessage({ type: "open", manifest: manifestUrl });
    }
    return worker;
  }

  var totals = { section: {}, city: {} };

  // Each choice shows how many stories it holds: in the whole archive, or among
  // the hits of the query (before filtering by section and city).
  function showCounts(counts) {
    ["section", "city"].forEach(function (kind) {
      Array.prototype.forEach.call(fields[kind].options, function (option) {
        if (option.value) {
          var count = counts ? counts[kind][option.value] || 0 : totals[kind][option.value] || 0;
          option.textContent = option.value + " (" + count + ")";
        }
      });
    });
  }

  function addChoice(select, name) {
    var option = element("option", null, name);
    option.value = name;
    select.appendChild(option);
  }

  function fillChoices(manifest) {
    totals.section = manifest.sections || {};
    totals.city = manifest.cities || {};
    ["section", "city"].forEach(function (kind) {
      var select = fields[kind];
      var wanted = select.dataset.wanted || "";
      if (kind === "city" && manifest.city_aliases && manifest.city_aliases[wanted]) {
        wanted = manifest.city_aliases[wanted]; // a link made with the place's other name
      }
      Object.keys(totals[kind]).sort(function (a, b) { return a.localeCompare(b, "nl"); }).forEach(function (name) {
        addChoice(select, name);
      });
      if (wanted && !totals[kind][wanted]) {
        addChoice(select, wanted); // a link's value the archive lacks: kept, and it finds nothing
      }
      select.value = wanted;
    });
    showCounts(null);
  }

  function filters() {
    return { section: fields.section.value, city: fields.city.value, dateFrom: fields.dateFrom.value, dateTo: fields.dateTo.value };
  }

  function ask() {
    asked += 1;
    list.dataset.complete = "false"; // until the answer to this search is whole
    open().postMessage({ type: "query", id: asked, query: input.value, filters: filters(), order: fields.order.value, shown: shown });
  }

  function address() {
    var url = new URL(window.location.href);
    Object.keys(PARAMS).forEach(function (key) {
      var value = PARAMS[key].value;
      if (value && !(key === "volgorde" && value === "relevance")) {
        url.searchParams.set(key, value);
      } else {
        url.searchParams.delete(key);
      }
    });
    return url;
  }

  // A new search is a history entry; typing on in the same words replaces it.
  function remember(typing) {
    var url = address();
    var current = new URLSearchParams(window.location.search);
    var before = (current.get("q") || "").trim().toLowerCase();
    var now = input.value.trim().toLowerCase();
    var refining = typing && before && (now.indexOf(before) === 0 || before.indexOf(now) === 0);
    if (url.href === window.location.href || (typing && !now)) {
      return; // a box emptied to type anew: the entry keeps the search before
    }
    if (refining) {
      window.history.replaceState(null, "", url);
    } else {
      window.history.pushState(null, "", url);
    }
  }

  function search(typing) {
    shown = PAGE;
    remember(typing);
    ready().then(ask);
  }

  function resultItem(hit) {
    var record = hit.record; // its fields are named in the manifest, read by name
    var item = element("li", "story");
    var heading = element("h2", "story-title");
    var link = element("a", null, record.title);
    link.href = form.dataset.base + "/" + record.url;
    heading.appendChild(link);
    var meta = element("p", "meta");
    var time = element("time", null, record.date_text);
    time.setAttribute("datetime", record.date);
    meta.appendChild(time);
    [record.city, record.section].forEach(function (part) {
      if (part) {
        meta.appendChild(document.createTextNode(" · " + part));
      }
    });
    var lead = element("p", "lead");
    showPieces(lead, hit.lead);
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(lead);
    return item;
  }

  // 1.041: Dutch thousands, written out (Intl's first call costs a first result ~15 ms).
  function number(count) {
    return String(count).replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  }

  function activeFilters() {
    var active = [];
    if (fields.section.value) { active.push("rubriek " + fields.section.value); }
    if (fields.city.value) { active.push("plaats " + fields.city.value); }
    if (fields.dateFrom.value) { active.push("vanaf " + fields.dateFrom.value); }
    if (fields.dateTo.value) { active.push("tot en met " + fields.dateTo.value); }
    return active;
  }

  function statusText(message) {
    var found = message.total === 0 ? "Geen berichten gevonden" :
      number(message.total) + (message.total === 1 ? " bericht gevonden" : " berichten gevonden");
    if (message.corrected) {
      found = "Geen berichten voor \u201c" + input.value.trim() + "\u201d; " + number(message.total) +
        (message.total === 1 ? " bericht" : " berichten") + " voor \u201c" + message.suggestion + "\u201d";
    } else if (message.partial) {
      found = "Geen berichten met alles wat u zocht; " + number(message.total) +
        (message.total === 1 ? " bericht met een deel ervan" : " berichten met een deel ervan");
    }
    var filtered = activeFilters();
    var within = filtered.length ? " met " + filtered.join(", ") : "";
    var searched = message.period === message.archive ?
      "alle " + number(message.archive) + " berichten doorzocht" :
      number(message.period) + " van de " + number(message.archive) + " berichten doorzocht";
    return found + within + " (" + searched + ").";
  }

  function showPieces(paragraph, pieces) {
    paragraph.textContent = "";
    pieces.forEach(function (piece) {
      paragraph.appendChild(piece[1] ? element("mark", null, piece[0]) : document.createTextNode(piece[0]));
    });
  }

  function receive(event) {
    var message = event.data;
    if (message.type === "details" && message.id === asked) {
      Array.prototype.forEach.call(list.querySelectorAll("p.lead"), function (paragraph, position) {
        if (message.snippets[position]) {
          showPieces(paragraph, message.snippets[position]);
        }
      });
      showCounts(input.value.trim() ? { section: message.sections, city: message.cities } : null);
      list.dataset.snippets = "true";
    } else if (message.type === "results" && message.id === asked) {
      list.textContent = "";
      list.dataset.answered = message.query; // what the list shows the answer to
      list.dataset.complete = String(message.whole); // the whole page of results is in
      list.dataset.snippets = "false";
      message.hits.forEach(function (hit) {
        list.appendChild(resultItem(hit));
      });
      status.textContent = input.value.trim() ? statusText(message) : "";
      more.hidden = !message.whole || message.hits.length >= message.total;
      clear.hidden = !(message.total === 0 && activeFilters().length);
      suggestion.hidden = !(message.suggestion && !message.corrected && input.value.trim());
      suggested.textContent = message.suggestion || "";
      if (message.whole) {
        askDetails(message.id);
      }
    } else if (message.type === "error") {
      status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
      console.warn(message.message);
    }
  }

  // Snippets and counts once the results have been shown a moment and the
  // reader has not typed on: the first result never waits for the bodies,
  // and a search typed past asks for none (nor holds up the next one).
  function askDetails(id) {
    window.setTimeout(function () {
      if (id === asked) {
        open().postMessage({ type: "details", id: id });
      }
    }, DETAILS_AFTER);
  }

  // The menus are filled once, from the manifest, before the first search.
  function ready() {
    if (!menus) {
      open();
      menus = fetch(manifestUrl)
        .then(function (r) { return r.json(); })
        .then(fillChoices)
        .catch(function () {});
    }
    return menus;
  }

  function fromAddress() {
    var params = new URLSearchParams(window.location.search);
    Object.keys(PARAMS).forEach(function (key) {
      var value = params.get(key) || "";
      if (PARAMS[key] === fields.section || PARAMS[key] === fields.city) {
        PARAMS[key].dataset.wanted = value;
        if (menus) {
          PARAMS[key].value = value; // menus filled: the option is there, or it finds nothing
        }
      } else {
        PARAMS[key].value = value;
      }
    });
    if (!fields.order.value) {
      fields.order.value = "relevance";
    }
  }

  var timer = null;
  var preloaded = "";
  input.addEventListener("input", function () {
    // The words typed so far, the last one once it has three letters (a
    // prefix then: few files): their term files are fetched while the reader
    // types on.
    var last = input.value.match(/[^ \t\n\r\f\v\u00a0-]*$/)[0];
    var typed = Array.from(last).length >= 3 ? input.value : input.value.slice(0, input.value.length - last.length);
    if (typed.trim() && typed !== preloaded) {
      preloaded = typed;
      open().postMessage({ type: "preload", query: typed });
    }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { search(true); }, DEBOUNCE);
  });
  input.addEventListener("focus", ready);
  Object.keys(fields).forEach(function (key) {
    fields[key].addEventListener("change", function () { search(false); });
  });
  more.addEventListener("click", function () {
    shown += PAGE;
    ask();
  });
  clear.addEventListener("click", function () {
    fields.section.value = fields.city.value = fields.dateFrom.value = fields.dateTo.value = "";
    search(false);
  });
  suggested.addEventListener("click", function () {
    input.value = suggested.textContent;
    search(false);
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(false);
  });
  window.addEventListener("popstate", function () {
    fromAddress();
    shown = PAGE;
    ready().then(ask);
  });

  fromAddress();
  if (input.value) {
    ready().then(ask);
  }
})();
