/*
 * wire-archive search, the part shared by the browser's worker and the tests
 * under node. It takes the same steps as generator/search/query.py:
 *
 * - the pipeline functions fold-nl and plural-nl, registered under the names
 *   the index build uses, so a serialised index loads and searches the same;
 * - the query's words come from search-dutch.js (parseQuery): each asks for
 *   its own terms and its forms' (boosted ten times) and, as a prefix, the
 *   word as typed. One lunr query asks for them all, optionally; a story is a
 *   hit when it matches every word and holds every quoted phrase. When none
 *   does, the stories matching some words are the answer (partial), and a word
 *   no story matches gets a correction ("Bedoelde u ...?"). Lunr's query
 *   parser is never used: it throws on "Den Haag: rellen";
 * - filters (section, city, period) and the order (relevance: a headline
 *   holding the whole query as typed first, stop words too, then one holding
 *   every word, then the score, ties newest first; or date) are applied the
 *   same way as in Python; a query of stop words only finds the headlines and
 *   leads that hold it;
 * - a store row is read by the field names the manifest gives (its "fields",
 *   from generator/search/store_schema.json) into a record: hit.record.city,
 *   hit.record.day. Nothing here knows a field's position.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireSearch = factory(root.lunr, root.WireDutch);
  }
})(typeof self !== "undefined" ? self : this, function (lunr, dutch) {
  "use strict";

  var EXACT_BOOST = 10; // a word's own term (or form's) against a term it only begins
  var fold = dutch.fold;
  var mergePlural = dutch.mergePlural;

  function foldNl(token) {
    return token.update(fold);
  }

  function pluralNl(token) {
    return token.update(mergePlural);
  }

  if (!lunr.Pipeline.registeredFunctions["fold-nl"]) {
    lunr.Pipeline.registerFunction(foldNl, "fold-nl");
    lunr.Pipeline.registerFunction(pluralNl, "plural-nl");
  }

  // A store row as its record, by the manifest's field names: {url, title, ..., day}
  // (store.read_row in Python).
  function readRow(fields, row) {
    var made = {};
    fields.forEach(function (name, position) {
      made[name] = row[position];
    });
    return made;
  }

  // A shard file as search() takes it: {id, index (a lunr.Index), store: ref -> record}.
  function loadShard(entry, data, fields) {
    var store = {};
    Object.keys(data.store).forEach(function (ref) {
      store[ref] = readRow(fields, data.store[ref]);
    });
    return { id: entry.id, index: lunr.Index.load(data.index), store: store };
  }

  function lunrQuery(words) {
    return function (q) {
      words.forEach(function (word) {
        word.terms.forEach(function (term) {
          q.clause({ term: term, usePipeline: false, boost: EXACT_BOOST,
            wildcard: lunr.Query.wildcard.NONE, presence: lunr.Query.presence.OPTIONAL });
        });
        if (word.prefix) {
          q.clause({ term: word.prefix, usePipeline: false, boost: 1,
            wildcard: lunr.Query.wildcard.TRAILING, presence: lunr.Query.presence.OPTIONAL });
        }
      });
    };
  }

  // Every story matching any word, with which words it matches.
  function shardHits(shard, words) {
    return shard.index.query(lunrQuery(words)).map(function (result) {
      var terms = Object.keys(result.matchData.metadata);
      var matched = words.map(function (word) {
        return terms.some(function (term) { return word.matches(term); });
      });
      var count = matched.filter(Boolean).length;
      return { shard: shard.id, ref: result.ref, score: result.score, record: shard.store[result.ref],
        matched: count, each: matched };
    });
  }

  // The period by the story's local day: the day the archive files it under.
  function admits(filters, record) {
    return (
      (!filters.section || record.section === filters.section) &&
      (!filters.city || record.city === filters.city ||
        (record.city_aliases && record.city_aliases.split("|").indexOf(filters.city) >= 0)) &&
      (!filters.dateFrom || record.day >= filters.dateFrom) &&
      (!filters.dateTo || record.day <= filters.dateTo)
    );
  }

  function admitsMonth(filters, month) {
    return (!filters.dateFrom || month >= filters.dateFrom.slice(0, 7)) &&
      (!filters.dateTo || month <= filters.dateTo.slice(0, 7));
  }

  function rounded(score) {
    return Math.floor(score * 1e6 + 0.5); // the same rounding as query.py
  }

  function compare(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function byRelevance(a, b) {
    return b.matched - a.matched || (b.whole ? 1 : 0) - (a.whole ? 1 : 0) || (b.inTitle ? 1 : 0) - (a.inTitle ? 1 : 0) ||
      rounded(b.score) - rounded(a.score) || Date.parse(b.record.date) - Date.parse(a.record.date) ||
      compare(a.shard, b.shard) || parseInt(a.ref, 36) - parseInt(b.ref, 36);
  }

  function byDate(a, b) {
    return Date.parse(b.record.date) - Date.parse(a.record.date) || rounded(b.score) - rounded(a.score) ||
      compare(a.shard, b.shard) || parseInt(a.ref, 36) - parseInt(b.ref, 36);
  }

  function count(hits, name) {
    var counts = {};
    hits.forEach(function (hit) {
      var value = hit.record[name];
      if (value) {
        counts[value] = (counts[value] || 0) + 1;
      }
    });
    return counts;
  }

  function phraseWords(record) {
    return dutch.textWords(record.title + " . " + record.lead);
  }

  function shardWords(shard) {
    if (!shard.words) { // made once a shard, when first needed
      shard.words = dutch.vocabulary(Object.keys(shard.store).map(function (ref) {
        var record = shard.store[ref];
        return record.title + " " + record.lead + " " + record.city;
      }));
    }
    return shard.words;
  }

  // The query with each word no story matches corrected (suggest.py).
  function suggestion(shards, words, found) {
    var unmatched = words.map(function (word, i) {
      return !found.some(function (hit) { return hit.each[i]; });
    });
    if (unmatched.indexOf(true) < 0) {
      return null;
    }
    var known = {};
    shards.forEach(function (shard) {
      var counts = shardWords(shard);
      Object.keys(counts).forEach(function (word) { known[word] = (known[word] || 0) + counts[word]; });
    });
    var typed = words.map(function (word) { return word.text; }).join(" ");
    var corrected = words.map(function (word, i) {
      return (unmatched[i] && dutch.correction(word.text, known)) || word.text;
    }).join(" ");
    return corrected !== typed ? corrected : null;
  }

  // A query of stop words only ("alles of niets"), which the index does not
  // hold: the stories whose headline or lead holds its words in order.
  function stopWordsOnly(shards, typed, filters, results) {
    var hits = [];
    shards.forEach(function (shard) {
      Object.keys(shard.store).forEach(function (ref) {
        var record = shard.store[ref];
        if (dutch.holdsPhrase(phraseWords(record), typed)) {
          hits.push({ shard: shard.id, ref: ref, score: 0, record: record, matched: 0 });
        }
      });
    });
    results.sections = count(hits, "section");
    results.cities = count(hits, "city");
    results.hits = hits.filter(function (hit) { return admits(filters, hit.record); }).sort(byDate);
    return results;
  }

  function inTitle(hit, words, cache) {
    var title = hit.record.title;
    if (!cache[title]) {
      cache[title] = Object.keys(dutch.textTerms(title));
    }
    var terms = cache[title];
    return words.every(function (word) {
      return terms.some(function (term) { return word.matches(term); });
    });
  }

  // shards: [loadShard(...), ...]; filters: {section, city, dateFrom, dateTo}
  function search(shards, query, filters, order, noCorrection) {
    filters = filters || {};
    var parsed = dutch.parseQuery(query);
    var words = parsed.words;
    var typed = dutch.textWords(String(query).replace(/"/g, " "));
    var results = { hits: [], sections: {}, cities: {}, partial: false, suggestion: null, corrected: false };
    var searched = shards.filter(function (shard) {
      return admitsMonth(filters, shard.id.slice(0, 7)); // "2025-03" or a part: "2025-03.2"
    });
    if (!words.length) {
      return typed.length > 1 ? stopWordsOnly(searched, typed, filters, results) : results;
    }
    var found = [];
    searched.forEach(function (shard) {
      found = found.concat(shardHits(shard, words));
    });
    var whole = found.filter(function (hit) {
      return hit.matched === words.length && parsed.phrases.every(function (phrase) {
        return dutch.holdsPhrase(phraseWords(hit.record), phrase);
      });
    });
    var hits = whole;
    if (!whole.length) {
      results.suggestion = suggestion(searched, words, found);
      // The stories with every word but not the phrase, else those with some words.
      var every = found.filter(function (hit) { return hit.matched === words.length; });
      hits = every.length ? every : words.length > 1 ? found : [];
      results.partial = hits.length > 0;
    }
    if (!hits.length && results.suggestion && !noCorrection) {
      // Nothing at all: the answer is the suggestion's, and says so.
      var corrected = search(shards, results.suggestion, filters, order, true);
      corrected.suggestion = results.suggestion;
      corrected.corrected = true;
      return corrected;
    }
    results.sections = count(hits, "section");
    results.cities = count(hits, "city");
    var kept = hits.filter(function (hit) {
      return admits(filters, hit.record);
    });
    var cache = {};
    kept.forEach(function (hit) {
      hit.inTitle = order === "date" ? false : inTitle(hit, words, cache);
      hit.whole = order !== "date" && typed.length > 1 && dutch.holdsPhrase(dutch.textWords(hit.record.title), typed);
    });
    kept.sort(order === "date" ? byDate : byRelevance);
    results.hits = kept;
    return results;
  }

  // The lead cut into [text, marked] pieces: a word is marked when one of its
  // terms is one a query word matches (its own, a form's, or by its prefix).
  function highlight(lead, query) {
    var words = dutch.parseQuery(query).words;
    return String(lead).split(/([ \t\n\r\f\v\u00a0-]+)/).map(function (piece) {
      var terms = piece.trim() ? dutch.indexTerms(piece.toLowerCase()) : [];
      var marked = terms.some(function (term) {
        return words.some(function (word) { return word.matches(term); });
      });
      return [piece, marked];
    });
  }

  return {
    fold: fold,
    mergePlural: mergePlural,
    admitsMonth: admitsMonth,
    readRow: readRow,
    loadShard: loadShard,
    queryTerms: dutch.queryTerms,
    search: search,
    highlight: highlight,
  };
});
