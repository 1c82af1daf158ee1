/*
 * The search worker: loads the manifest and the monthly shards, newest first,
 * and answers queries off the page's thread, so typing never stutters.
 *
 * The whole archive is searched, or the whole period the filters ask for: a
 * query is answered at once from the shards already loaded (the newest
 * stories first), then again each time a batch of older shards of its period
 * arrives, until every shard of the period is in. Each shard is fetched once
 * (one promise per shard), however many queries ask for it at once, and the
 * shards searched are taken in the manifest's order: no story is ever
 * counted or listed twice.
 *
 * Messages in:  {type: "open", manifest: URL, firstDocs}
 *               {type: "query", id, query, filters, order, shown}
 * Messages out: {type: "results", id, query, total, partial, suggestion, hits (the first `shown`:
 *               {record, lead}), sections, cities, searched, period, archive,
 *               complete}
 *               where record is the store's record by name (url, title, city, ...: the
 *               manifest's "fields"), lead the lead cut into [text, marked] pieces,
 *               searched the stories searched, period the stories of the period
 *               asked for, archive all stories, complete whether searched == period
 *               {type: "error", message}
 */
/* global importScripts, WireSearch */
importScripts(
  "../../vendor/lunr.min.js",
  "../../vendor/lunr.stemmer.support.min.js",
  "../../vendor/lunr.nl.min.js",
  "search-dutch.js",
  "search-core.js"
);

var batchDocs = 1000; // stories a batch of shards holds at least (WIRE_SEARCH_FIRST_DOCS)
var state = { manifest: null, base: null, opened: null, loaded: {}, fetching: {}, latest: 0 };

function fetchJson(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) {
      throw new Error(url + ": HTTP " + response.status);
    }
    return response.json();
  });
}

// Each shard is fetched once: later asks get the same promise.
function load(entry) {
  if (!state.fetching[entry.id]) {
    state.fetching[entry.id] = fetchJson(new URL(entry.file, state.base).href).then(function (data) {
      state.loaded[entry.id] = WireSearch.loadShard(entry, data, state.manifest.fields);
    });
  }
  return state.fetching[entry.id];
}

// The shards of the period the filters ask for, newest first (the manifest's order).
function periodEntries(filters) {
  return state.manifest.shards.filter(function (entry) {
    return WireSearch.admitsMonth(filters, entry.id.slice(0, 7)); // "2025-03" or "2025-03.2"
  });
}

// The newest shards of ``entries`` not loaded yet, holding at least batchDocs stories.
function nextBatch(entries) {
  var batch = [];
  var docs = 0;
  entries.forEach(function (entry) {
    if (!state.loaded[entry.id] && (docs < batchDocs || !batch.length)) {
      batch.push(entry);
      docs += entry.count;
    }
  });
  return batch;
}

function sum(entries) {
  return entries.reduce(function (total, entry) {
    return total + entry.count;
  }, 0);
}

function answer(message, entries) {
  var searched = entries.filter(function (entry) {
    return state.loaded[entry.id];
  });
  var shards = searched.map(function (entry) {
    return state.loaded[entry.id];
  });
  var results = WireSearch.search(shards, message.query, message.filters, message.order);
  self.postMessage({
    type: "results",
    id: message.id,
    query: message.query,
    total: results.hits.length,
    partial: results.partial,
    suggestion: results.suggestion,
    corrected: results.corrected,
    sections: results.sections,
    cities: results.cities,
    searched: sum(searched),
    period: sum(entries),
    archive: state.manifest.total,
    complete: searched.length === entries.length,
    hits: results.hits.slice(0, message.shown).map(function (hit) {
      var lead = hit.record.lead;
      return { record: hit.record, lead: WireSearch.highlight(lead, message.query) };
    }),
  });
  return searched.length === entries.length;
}

// Answer from what is loaded, then load the next older batch of the period
// and answer again, while this is still the newest query.
function run(message) {
  var entries = periodEntries(message.filters || {});
  var first = entries.some(function (entry) {
    return state.loaded[entry.id];
  }) ? Promise.resolve() : Promise.all(nextBatch(entries).map(load));
  return first.then(function () {
    var complete = answer(message, entries);
    if (!complete && message.id === state.latest) {
      return Promise.all(nextBatch(entries).map(load)).then(function () {
        return message.id === state.latest ? run(message) : null;
      });
    }
    return null;
  });
}

function fail(error) {
  self.postMessage({ type: "error", message: String(error) });
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === "open" && !state.opened) {
    state.base = new URL(".", message.manifest).href;
    batchDocs = message.firstDocs > 0 ? message.firstDocs : batchDocs;
    state.opened = fetchJson(message.manifest).then(function (manifest) {
      state.manifest = manifest;
      return Promise.all(nextBatch(manifest.shards).map(load)); // ready before the first key
    });
    state.opened.catch(fail);
  } else if (message.type === "query") {
    state.latest = message.id;
    state.opened.then(function () {
      return message.id === state.latest ? run(message) : null;
    }).catch(fail);
  }
};
