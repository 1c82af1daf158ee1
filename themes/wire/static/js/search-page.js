/*
 * The search page: loads the index when the reader starts searching, answers
 * as they type, and shows results as text (never as HTML: wire text is data).
 */
(function () {
  "use strict";

  var form = document.getElementById("search-form");
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var MAX_SHOWN = 100;
  var state = { index: null, store: null, loading: null };

  function fetchJson(url) {
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": HTTP " + response.status);
      }
      return response.json();
    });
  }

  function load() {
    if (!state.loading) {
      state.loading = Promise.all([fetchJson(form.dataset.index), fetchJson(form.dataset.store)]).then(
        function (parts) {
          state.index = lunr.Index.load(parts[0]);
          state.store = parts[1];
        }
      );
    }
    return state.loading;
  }

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

  function resultItem(doc) {
    // doc: [url, title, lead, city, section, date, date_text]
    var item = element("li", "story");
    var heading = element("h2", "story-title");
    var link = element("a", null, doc[1]);
    link.href = form.dataset.base + "/" + doc[0];
    heading.appendChild(link);
    var meta = element("p", "meta");
    var time = element("time", null, doc[6]);
    time.setAttribute("datetime", doc[5]);
    meta.appendChild(time);
    [doc[3], doc[4]].forEach(function (part) {
      if (part) {
        meta.appendChild(document.createTextNode(" · " + part));
      }
    });
    item.appendChild(heading);
    item.appendChild(meta);
    item.appendChild(element("p", "lead", doc[2]));
    return item;
  }

  function show(query, hits) {
    list.textContent = "";
    hits.slice(0, MAX_SHOWN).forEach(function (hit) {
      list.appendChild(resultItem(state.store[hit.ref]));
    });
    if (!query.trim()) {
      status.textContent = "";
    } else if (hits.length === 0) {
      status.textContent = "Geen berichten gevonden.";
    } else {
      status.textContent = hits.length + (hits.length === 1 ? " bericht gevonden." : " berichten gevonden.");
    }
  }

  function run() {
    var query = input.value;
    load()
      .then(function () {
        show(query, WireSearch.search(state.index, query));
        var url = new URL(window.location.href);
        if (query) {
          url.searchParams.set("q", query);
        } else {
          url.searchParams.delete("q");
        }
        window.history.replaceState(null, "", url);
      })
      .catch(function (error) {
        status.textContent = "Zoeken lukt nu niet: de zoekindex kon niet worden geladen.";
        console.warn(error);
      });
  }

  var timer = null;
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(run, 120);
  });
  input.addEventListener("focus", load);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    run();
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    run();
  }
})();
