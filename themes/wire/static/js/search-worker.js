/*
 * The search worker: loads the manifest and the monthly shards, newest first,
 * and answers queries off the page's thread, so typing never stutters.
 *
 * Messages in:  {type: "open", manifest: URL}
 *               {type: "more"}                      load the next older shards
 *               {type: "query", id, query, filters, order}
 * Messages out: {type: "status", loaded, shards, docs, total, more}
 *               {type: "results", id, hits (first 200: {record, lead}), total, sections, cities}
 *               where record is the store's record by name (url, title, city, ...: the
 *               manifest's "fields") and lead the lead cut into [text, marked] pieces
 *               {type: "error", message}
 */
/* global importScripts, WireSearch */
importScripts(
  "../../vendor/lunr.min.js",
  "../../vendor/lunr.stemmer.support.min.js",
  "../../vendor/lunr.nl.min.js",
  "search-core.js"
);

var firstDocs = 1000; // load shards until this many stories are searchable (WIRE_SEARCH_FIRST_DOCS)
var SHOWN = 200;
var state = { manifest: null, base: null, shards: [], loading: null };

function fetchJson(url) {
  return fetch(url).then(function (response) {
    if (!response.ok) {
      throw new Error(url + ": HTTP " + response.status);
    }
    return response.json();
  });
}

function loadShard(entry) {
  return fetchJson(new URL(entry.file, state.base).href).then(function (data) {
    return WireSearch.loadShard(entry, data, state.manifest.fields);
  });
}

function loadNext(wanted) {
  var entries = state.manifest.shards.slice(state.shards.length);
  var chosen = [];
  var docs = 0;
  for (var i = 0; i < entries.length && (docs < wanted || !chosen.length); i++) {
    chosen.push(entries[i]);
    docs += entries[i].count;
  }
  return Promise.all(chosen.map(loadShard)).then(function (loaded) {
    state.shards = state.shards.concat(loaded);
  });
}

function loadPeriod(filters) {
  // A period reaching further back than what is loaded: load down to its start.
  var from = (filters.dateFrom || "").slice(0, 7);
  var needed = 0;
  state.manifest.shards.forEach(function (entry, position) {
    if (from && entry.id >= from) {
      needed = Math.max(needed, position + 1);
    }
  });
  var missing = state.manifest.shards.slice(state.shards.length, needed);
  return Promise.all(missing.map(loadShard)).then(function (loaded) {
    state.shards = state.shards.concat(loaded);
  });
}

function status() {
  var docs = state.shards.reduce(function (sum, shard) {
    return sum + Object.keys(shard.store).length;
  }, 0);
  self.postMessage({
    type: "status",
    loaded: state.shards.map(function (shard) {
      return shard.id;
    }),
    shards: state.manifest.shards.length,
    docs: docs,
    total: state.manifest.total,
    more: state.shards.length < state.manifest.shards.length,
  });
}

function answer(message) {
  var results = WireSearch.search(state.shards, message.query, message.filters, message.order);
  var pipeline = state.shards.length ? state.shards[0].index.pipeline : null;
  self.postMessage({
    type: "results",
    id: message.id,
    query: message.query,
    total: results.hits.length,
    sections: results.sections,
    cities: results.cities,
    hits: results.hits.slice(0, SHOWN).map(function (hit) {
      var lead = hit.record.lead;
      return { record: hit.record, lead: pipeline ? WireSearch.highlight(lead, message.query, pipeline) : [[lead, false]] };
    }),
  });
}

self.onmessage = function (event) {
  var message = event.data;
  var work;
  if (message.type === "open") {
    state.base = new URL(".", message.manifest).href;
    firstDocs = message.firstDocs > 0 ? message.firstDocs : firstDocs;
    work = fetchJson(message.manifest).then(function (manifest) {
      state.manifest = manifest;
      return loadNext(firstDocs);
    });
    state.loading = work;
  } else if (message.type === "more") {
    work = state.loading.then(function () {
      return loadNext(firstDocs);
    });
    state.loading = work;
  } else if (message.type === "query") {
    work = state.loading.then(function () {
      return loadPeriod(message.filters || {});
    }).then(function () {
      answer(message);
    });
  }
  if (work) {
    work.then(status).catch(function (error) {
      self.postMessage({ type: "error", message: String(error) });
    });
  }
};
