/*
 * wire-archive search, the part shared by the browser and the tests under node.
 *
 * The same steps as generator/search/query.py: split the query on white space
 * and hyphens, trim each word and drop stop words with lunr-languages' Dutch
 * functions, require every remaining word. Lunr's query parser is not used,
 * because it throws on input such as "Den Haag: rellen" or a stray "+".
 * Hits come best first; equal scores, newest first (refs count up from the
 * newest story, in base 36).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireSearch = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var SEPARATOR = /[ \t\n\r\f\v\u00a0-]+/;

  function queryTerms(query) {
    var terms = [];
    String(query).toLowerCase().split(SEPARATOR).forEach(function (word) {
      var term = lunr.nl.trimmer(word);
      if (term && lunr.nl.stopWordFilter(term) !== undefined && terms.indexOf(term) < 0) {
        terms.push(term);
      }
    });
    return terms;
  }

  function search(index, query) {
    var terms = queryTerms(query);
    if (terms.length === 0) {
      return [];
    }
    var results = index.query(function (q) {
      terms.forEach(function (term) {
        q.term(term, { presence: lunr.Query.presence.REQUIRED });
      });
    });
    return results
      .map(function (result) {
        return { ref: result.ref, score: result.score };
      })
      .sort(function (a, b) {
        return b.score - a.score || parseInt(a.ref, 36) - parseInt(b.ref, 36);
      });
  }

  return { queryTerms: queryTerms, search: search };
});
