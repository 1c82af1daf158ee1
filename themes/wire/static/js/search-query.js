/*
 * wire-archive search, answering a query: the browser's twin of
 * generator/search/query.py, taking the steps docs/search.md writes down, in
 * the same order and with the same integers.
 *
 * Stage: query, in the browser's worker (and under node for the parity
 * tests, tests/js/index-side.js).
 *
 * Promises:
 * - only the files query.py reads for the same query are fetched: the term
 *   files the words need, the record files where Python reads records
 *   (phrases; a headline holding every word, for the order by relevance;
 *   headlines of a query of stop words only), the facets for a section or
 *   place filter and for counts(), the words only when a word matches nothing; the files a step needs
 *   are fetched together;
 * - a word's score is the sum of its exact terms' weights times EXACT_BOOST
 *   and its prefix's terms' weights times 1: integers, so a score is
 *   Python's exactly;
 * - the answer is Python's: every word required, else the stories with every
 *   word but not the phrase, else those with some words (partial); a word no
 *   story of the period holds gets a correction ("Bedoelde u ...?") from the
 *   archive's words, and when nothing is found the corrected query's answer
 *   (corrected); a query of stop words only finds the headlines holding it
 *   in order (their marked terms, "~de"); counts() gives the hits per section
 *   and place before those two filters (the facets are read only for them
 *   and for those filters); the order by relevance is
 *   more words, a headline holding the whole query, a headline holding every
 *   word, a higher score, a lower (newer) number; by date, a lower number.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireQuery = factory(root.WireDutch, root.WireIndex);
  }
})(typeof self !== "undefined" ? self : this, function (dutch, reading) {
  "use strict";

  var EXACT_BOOST = 10; // query.EXACT_BOOST: a word's own term (or form's) against a term it only begins
  var STOP_MARK = "~"; // weights.STOP_MARK: a headline's stop word, as a term of its own
  var inPeriod = reading.inPeriod;
  var admitter = reading.admitter;

  function titleWords(index, number) {
    return dutch.textWords(index.recordNow(number).title);
  }

  function phraseWords(index, number) {
    var record = index.recordNow(number);
    return dutch.textWords(record.title + " . " + record.lead);
  }

  // A word's score per story number: [score, in headline] (the word's chunks in).
  function wordScores(index, word) {
    var scores = new Map();
    function add(number, weight, times) {
      var entry = scores.get(number);
      if (!entry) {
        entry = [0, false];
        scores.set(number, entry);
      }
      entry[0] += Math.abs(weight) * times;
      entry[1] = entry[1] || weight < 0;
    }
    word.terms.forEach(function (term) {
      index.postings(term).forEach(function (pair) { add(pair[0], pair[1], EXACT_BOOST); });
    });
    if (word.prefix) {
      index.prefixed(word.prefix).forEach(function (pair) { add(pair[0], pair[1], 1); });
    }
    return scores;
  }

  // Every story of the period matching any word, and which words matched any.
  function findAll(index, words, period) {
    var names = [];
    words.forEach(function (word) {
      names = names.concat(index.wordChunks(word));
    });
    return index.loadAll(names).then(function () {
      var found = new Map();
      var matchedAny = words.map(function (word) {
        var scores = wordScores(index, word);
        var any = false;
        scores.forEach(function (entry, number) {
          if (!inPeriod(period, number)) {
            return;
          }
          any = true;
          var hit = found.get(number);
          if (!hit) {
            hit = { number: number, score: 0, matched: 0, inTitle: 0 };
            found.set(number, hit);
          }
          hit.score += entry[0];
          hit.matched += 1;
          hit.inTitle += entry[1] ? 1 : 0;
        });
        return any;
      });
      return { hits: Array.from(found.values()), matchedAny: matchedAny };
    });
  }

  function emptyResults(hits) {
    return {
      hits: hits || [],
      unfiltered: [], // the hits before the section and place filters, for counts()
      partial: false,
      suggestion: null,
      corrected: false,
    };
  }

  // query.counts: the hits per section and per place, before those two
  // filters (read from the facets, which only this and those filters need).
  function counts(index, results) {
    var made = { sections: Object.create(null), cities: Object.create(null) };
    if (!results.unfiltered.length) {
      return Promise.resolve(made);
    }
    return index.facets().then(function (facets) {
      var width = facets.cities.length + 1;
      results.unfiltered.forEach(function (hit) {
        var code = facets.doc[hit.number];
        var section = facets.sections[Math.floor(code / width)];
        made.sections[section] = (made.sections[section] || 0) + 1;
        if (code % width) {
          var city = facets.cities[(code % width) - 1];
          made.cities[city] = (made.cities[city] || 0) + 1;
        }
      });
      return made;
    });
  }

  // The query with each word no story of the period holds corrected (suggest.py).
  function suggestion(index, words, matchedAny) {
    if (matchedAny.indexOf(false) < 0) {
      return Promise.resolve(null);
    }
    return index.words().then(function (known) {
      var typed = words.map(function (word) { return word.text; }).join(" ");
      var corrected = words.map(function (word, i) {
        return (!matchedAny[i] && dutch.correction(word.text, known)) || word.text;
      }).join(" ");
      return corrected !== typed ? corrected : null;
    });
  }

  function byNumber(a, b) {
    return a.number - b.number;
  }

  // The section and place filters (the facets read only for them), then the order.
  function finish(index, results, filters, order, wordCount, typed) {
    results.unfiltered = results.hits;
    if (!results.hits.length) {
      return Promise.resolve(results);
    }
    var filtering = filters.section || filters.city;
    return (filtering ? index.facets() : Promise.resolve(null)).then(function (facets) {
      var admits = facets ? admitter(facets, filters) : function () { return true; };
      var kept = results.hits.filter(function (hit) { return admits(hit.number); });
      if (order === "date") {
        results.hits = kept.sort(byNumber);
        return results;
      }
      // Only a headline holding every word can hold the whole query: read only those.
      var asked = typed.length > 1 ? kept.filter(function (hit) { return hit.inTitle >= wordCount; }) : [];
      return index.loadRecords(asked.map(function (hit) { return hit.number; })).then(function () {
        var whole = new Map();
        asked.forEach(function (hit) {
          whole.set(hit.number, dutch.holdsPhrase(titleWords(index, hit.number), typed));
        });
        results.hits = kept.sort(function (a, b) {
          var wholeA = whole.get(a.number) ? 0 : 1;
          var wholeB = whole.get(b.number) ? 0 : 1;
          var allA = a.inTitle < wordCount ? 1 : 0;
          var allB = b.inTitle < wordCount ? 1 : 0;
          return b.matched - a.matched || wholeA - wholeB || allA - allB || b.score - a.score ||
            a.number - b.number;
        });
        return results;
      });
    });
  }

  // Stop words only ("alles of niets"): the headlines holding them in order.
  function stopWordsOnly(index, typed, period, filters) {
    var marked = typed.map(function (word) {
      return { text: word, terms: [STOP_MARK + word], prefix: null };
    });
    return findAll(index, marked, period).then(function (state) {
      var candidates = state.hits.filter(function (hit) { return hit.matched === marked.length; });
      return index.loadRecords(candidates.map(function (hit) { return hit.number; })).then(function () {
        var hits = candidates.filter(function (hit) {
          return dutch.holdsPhrase(titleWords(index, hit.number), typed);
        });
        return finish(index, emptyResults(hits), filters, "date", 0, []);
      });
    });
  }

  // index: open()'s; filters: {section, city, dateFrom, dateTo}; order: "relevance" or "date".
  // A Promise of {hits: [{number, score, matched, inTitle}], unfiltered,
  // partial, suggestion, corrected}.
  function search(index, query, filters, order, noCorrection) {
    filters = filters || {};
    query = String(query);
    var parsed = dutch.parseQuery(query);
    var words = parsed.words;
    var typed = dutch.textWords(query.replace(/"/g, " "));
    var period = index.numbers(filters);
    if (!words.length) {
      return typed.length > 1 ? stopWordsOnly(index, typed, period, filters) : Promise.resolve(emptyResults());
    }
    return findAll(index, words, period).then(function (state) {
      var every = state.hits.filter(function (hit) { return hit.matched === words.length; });
      var reading = parsed.phrases.length ? every.map(function (hit) { return hit.number; }) : [];
      return index.loadRecords(reading).then(function () {
        var whole = every.filter(function (hit) {
          return parsed.phrases.every(function (phrase) {
            return dutch.holdsPhrase(phraseWords(index, hit.number), phrase);
          });
        });
        var results = emptyResults(whole);
        if (whole.length) {
          return results;
        }
        return suggestion(index, words, state.matchedAny).then(function (suggested) {
          results.suggestion = suggested;
          // The stories with every word but not the phrase, else those with some words.
          results.hits = every.length ? every : words.length > 1 ? state.hits : [];
          results.partial = results.hits.length > 0;
          return results;
        });
      });
    }).then(function (results) {
      if (!results.hits.length && results.suggestion && !noCorrection) {
        // Nothing at all: the answer is the suggestion's, and says so.
        return search(index, results.suggestion, filters, order, true).then(function (corrected) {
          corrected.suggestion = results.suggestion;
          corrected.corrected = true;
          return corrected;
        });
      }
      return finish(index, results, filters, order, words.length, typed);
    });
  }

  // The term files a query's words need, fetched (nothing is searched): while
  // the reader types on, the words typed so far are on their way.
  function preload(index, query) {
    var names = [];
    dutch.parseQuery(String(query)).words.forEach(function (word) {
      names = names.concat(index.wordChunks(word));
    });
    return index.loadAll(names);
  }

  return {
    EXACT_BOOST: EXACT_BOOST,
    counts: counts,
    preload: preload,
    search: search,
  };
});
