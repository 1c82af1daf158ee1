/*
 * The search worker: opens the index (search/manifest.json) and answers
 * queries off the page's thread, so typing never stutters.
 *
 * Every query searches the whole archive, or the whole period its filters
 * ask for: the index is split by term, so a query fetches only the term
 * files its words need, and then the records of the results shown (each
 * file once, however many queries ask for it). The answer comes in two
 * messages: the results with their leads, as soon as their records are in,
 * then the snippets (the sentence of the lead or body that holds the most
 * words of the query), once the bodies of those results are in.
 *
 * Messages in:  {type: "open", manifest: URL}
 *               {type: "query", id, query, filters, order, shown}
 * Messages out: {type: "results", id, query, total, partial, suggestion, corrected,
 *               sections, cities, period, archive, hits (the first `shown`:
 *               {record, lead})}
 *               {type: "snippets", id, snippets: [pieces, ...] (one per hit, in order)}
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

var state = { manifest: null, opened: null, latest: 0 };

function fetcher(base) {
  return function (name) {
    var url = new URL(name, base).href;
    return fetch(url).then(function (response) {
      if (!response.ok) {
        throw new Error(url + ": HTTP " + response.status);
      }
      return response.json();
    });
  };
}

function answer(index, message) {
  var filters = message.filters || {};
  return WireQuery.search(index, message.query, filters, message.order).then(function (results) {
    var numbers = results.hits.slice(0, message.shown).map(function (hit) { return hit.number; });
    // What the snippets and marks are of: the corrected query, when that was searched.
    var words = results.corrected ? results.suggestion : message.query;
    return index.records(numbers).then(function (records) {
      if (message.id !== state.latest) {
        return; // a newer query is on its way: this answer is not shown
      }
      var period = index.numbers(filters);
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
        period: period[1] - period[0],
        archive: index.total,
        hits: records.map(function (record) {
          return { record: record, lead: WireSnippets.highlight(record.lead, words) };
        }),
      });
      return index.bodies(numbers).then(function (bodies) {
        self.postMessage({
          type: "snippets",
          id: message.id,
          snippets: records.map(function (record, position) {
            return WireSnippets.snippet(record.lead, bodies[position], words);
          }),
        });
      });
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
  }
};
