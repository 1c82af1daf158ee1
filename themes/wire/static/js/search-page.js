/*
 * The search page: a worker (search-worker.js) holds the index and answers;
 * this script only reads the form and shows results, as text (never as HTML:
 * wire text is data). The address keeps the query and filters (?q=...).
 */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var coverage = document.getElementById("search-coverage");
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
  var manifestUrl = new URL(form.dataset.manifest, window.location.href).href;

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
      worker.postMessage({ type: "open", manifest: manifestUrl, firstDocs: Number(form.dataset.firstDocs) });
      fetch(manifestUrl).then(function (r) { return r.json(); }).then(fillChoices).catch(function () {});
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
          var count = counts ? counts[kind][option.value] || 0 : totals[kind][option.value];
          option.textContent = option.value + " (" + count + ")";
        }
      });
    });
  }

  function fillChoices(manifest) {
    manifest.shards.forEach(function (shard) {
      Object.keys(shard.sections).forEach(function (name) { totals.section[name] = (totals.section[name] || 0) + shard.sections[name]; });
      Object.keys(shard.cities).forEach(function (name) { totals.city[name] = (totals.city[name] || 0) + shard.cities[name]; });
    });
    ["section", "city"].forEach(function (kind) {
      var select = fields[kind];
      var chosen = select.value || select.dataset.wanted || "";
      if (kind === "city" && manifest.city_aliases && manifest.city_aliases[chosen]) {
        chosen = manifest.city_aliases[chosen]; // a link made with the place's other name
      }
      Object.keys(totals[kind]).sort(function (a, b) { return a.localeCompare(b, "nl"); }).forEach(function (name) {
        var option = element("option", null, name + " (" + totals[kind][name] + ")");
        option.value = name;
        select.appendChild(option);
      });
      select.value = chosen;
    });
    showCounts(null);
    // A shared link's section or place can only be chosen once the menus are
    // filled: ask again with them, or the answer would ignore them.
    if (input.value.trim() && (fields.section.dataset.wanted || fields.city.dataset.wanted)) {
      ask();
    }
  }

  function filters() {
    return { section: fields.section.value, city: fields.city.value, dateFrom: fields.dateFrom.value, dateTo: fields.dateTo.value };
  }

  function ask() {
    asked += 1;
    open().postMessage({ type: "query", id: asked, query: input.value, filters: filters(), order: fields.order.value });
    remember();
  }

  function remember() {
    var url = new URL(window.location.href);
    Object.keys(PARAMS).forEach(function (key) {
      var value = PARAMS[key].value;
      if (value && !(key === "volgorde" && value === "relevance")) {
        url.searchParams.set(key, value);
      } else {
        url.searchParams.delete(key);
      }
    });
    window.history.replaceState(null, "", url);
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
    hit.lead.forEach(function (piece) {
      lead.appendChild(piece[1] ? element("mark", null, piece[0]) : document.createTextNode(piece[0]));
    });
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(lead);
    return item;
  }

  function receive(event) {
    var message = event.data;
    if (message.type === "status") {
      more.hidden = !message.more;
      coverage.textContent = message.docs + " van de " + message.total + " berichten doorzocht" +
        (message.loaded.length ? " (" + message.loaded[message.loaded.length - 1] + " tot en met " + message.loaded[0] + ")." : ".");
    } else if (message.type === "results" && message.id === asked) {
      list.textContent = "";
      list.dataset.answered = message.query; // what the list shows the answer to
      message.hits.forEach(function (hit) {
        list.appendChild(resultItem(hit));
      });
      showCounts(input.value.trim() ? { section: message.sections, city: message.cities } : null);
      if (!input.value.trim()) {
        status.textContent = "";
      } else if (message.total === 0) {
        status.textContent = "Geen berichten gevonden.";
      } else {
        status.textContent = message.total + (message.total === 1 ? " bericht gevonden." : " berichten gevonden.");
      }
    } else if (message.type === "error") {
      status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
      console.warn(message.message);
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(ask, 100);
  });
  input.addEventListener("focus", open);
  Object.keys(fields).forEach(function (key) {
    fields[key].addEventListener("change", ask);
  });
  more.addEventListener("click", function () {
    open().postMessage({ type: "more" });
    ask();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask();
  });

  var params = new URLSearchParams(window.location.search);
  Object.keys(PARAMS).forEach(function (key) {
    if (params.get(key)) {
      PARAMS[key].value = params.get(key);
      PARAMS[key].dataset.wanted = params.get(key);
    }
  });
  if (params.get("q")) {
    ask();
  }
})();
