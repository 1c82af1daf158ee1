/*
 * The search worker: opens the index (search/manifest.json) and answers
 * queries off the page's thread, so typing never stutters.
 *
 * Every query searches the whole archive, or the whole period its filters
 * ask for: the index is split by term, so a query fetches only the term
 * files its words need, and then the records of the results shown (each
 * file once, however many queries ask for it). The results come as soon as
 * the first one's record is in ("whole": false, the others' records still
 * on their way), then again with the whole page of them; then, when the page
 * asks once it shows them, their details: the snippets
 * (the sentence of the lead or body that holds the most words of the query)
 * and the counts per section and place, from the bodies and the facets,
 * which a query typed on past is never made to wait for.
 *
 * Messages in:  {type: "open", manifest: URL}
 *               {type: "query", id, query, filters, order, shown}
 *               {type: "preload", query}: fetch the term files its words need, search nothing
 *               {type: "details", id}: for the results of query id, now shown
 * Messages out: {type: "results", id, query, total, partial, suggestion, corrected,
 *               period, archive, whole, hits (of the first `shown`, those whose
 *               records are in: {record, lead})}
 *               {type: "details", id, sections, cities, snippets: [pieces, ...]
 *               (one per hit, in order)}
 *               {type: "error", message}
 *               where record is the store's record by name (url, title, city, ...:
 *               the manifest's "fields"), lead and snippet the text cut into
 *               [text, marked] pieces, period the stories of the period asked
 *               for and archive all stories.
 */
/* global importScripts, WireIndex, WireQuery, WireSnippets */
importScripts(
  "../../vendor/lunr.min.js",
  "../../vendor/lunr.stemmer.support.min.js",
  "../../vendor/lunr.nl.min.js",
  "search-dutch.js",
  "search-index.js",
  "search-query.js",
  "search-snippets.js"
);

var state = { manifest: null, opened: null, latest: 0, answered: null };

function fetcher(base) {
  return function (name) {
    var url = new URL(name, base).href;
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": HTTP " + response.status);
      }
      return response.arrayBuffer().then(WireIndex.parse);
    });
  };
}

// The records of numbers that have arrived, from the first on, in order.
function arrived(index, numbers) {
  var ready = [];
  for (var i = 0; i < numbers.length && index.hasRecord(numbers[i]); i++) {
    ready.push(index.recordNow(numbers[i]));
  }
  return ready;
}

function post(message, results, records, whole, index) {
  var filters = message.filters || {};
  var period = index.numbers(filters);
  var words = results.corrected ? results.suggestion : message.query;
  self.postMessage({
    type: "results",
    id: message.id,
    query: message.query,
    total: results.hits.length,
    partial: results.partial,
    suggestion: results.suggestion,
    corrected: results.corrected,
    period: period[1] - period[0],
    archive: index.total,
    whole: whole,
    hits: records.map(function (record) {
      return { record: record, lead: WireSnippets.highlight(record.lead, words) };
    }),
  });
}

// The results as soon as the first one's record is in (the rest of the page
// may still be on its way: "whole" says), then the whole page of them.
function answer(index, message) {
  var filters = message.filters || {};
  return WireQuery.search(index, message.query, filters, message.order).then(function (results) {
    if (message.id !== state.latest) {
      return null; // a newer query is on its way: no records for this one
    }
    var numbers = results.hits.slice(0, message.shown).map(function (hit) { return hit.number; });
    // The first result's record file alone first: nothing queues before it.
    return index.records(numbers.slice(0, 1)).then(function () {
      var first = arrived(index, numbers);
      if (message.id === state.latest && first.length < numbers.length) {
        post(message, results, first.slice(0, 1), false, index); // the first at once
      }
      return index.records(numbers);
    }).then(function (records) {
      if (message.id !== state.latest) {
        return;
      }
      var words = results.corrected ? results.suggestion : message.query;
      state.answered = { id: message.id, results: results, numbers: numbers, records: records, words: words };
      post(message, results, records, true, index);
    });
  });
}

// Once the page shows the results: their snippets and the counts per section
// and place (the bodies and the facets are read only now, so the first
// result never waits for them).
function details(index, id) {
  var answered = state.answered;
  if (!answered || answered.id !== id || id !== state.latest) {
    return null; // the results asked about are no longer shown
  }
  return Promise.all([
    index.bodies(answered.numbers),
    WireQuery.counts(index, answered.results),
  ]).then(function (found) {
    var bodies = found[0];
    self.postMessage({
      type: "details",
      id: id,
      sections: found[1].sections,
      cities: found[1].cities,
      snippets: answered.records.map(function (record, position) {
        return WireSnippets.snippet(record.lead, bodies[position], answered.words);
      }),
    });
  });
}

function fail(error) {
  self.postMessage({ type: "error", message: String(error) });
}

// The index, opened once; after a failure (the network), the next query tries again.
function opened() {
  if (!state.opened) {
    state.opened = WireIndex.open(fetcher(new URL(".", state.manifest).href));
    state.opened.catch(function () {
      state.opened = null;
    });
  }
  return state.opened;
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type === "open" && !state.manifest) {
    state.manifest = message.manifest;
    opened().catch(fail);
  } else if (message.type === "query") {
    state.latest = message.id;
    opened().then(function (index) {
      return message.id === state.latest ? answer(index, message) : null;
    }).catch(fail);
  } else if (message.type === "preload" && state.manifest) {
    opened().then(function (index) {
      return WireQuery.preload(index, message.query);
    }).catch(function () {}); // a query that needs the file asks again, and reports
  } else if (message.type === "details") {
    opened().then(function (index) {
      return details(index, message.id);
    }).catch(fail);
  }
};
