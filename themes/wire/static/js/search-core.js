/*
 * wire-archive search, the part shared by the browser's worker and the tests
 * under node. It takes the same steps as generator/search/query.py:
 *
 * - the pipeline functions fold-nl and plural-nl, registered under the names
 *   the index build uses, so a serialised index loads and searches the same;
 * - a query is split on white space and hyphens, each word trimmed and stop
 *   words dropped with lunr-languages' Dutch functions; every remaining word
 *   is required, the last one also as a prefix while it is being typed.
 *   Lunr's query parser is never used: it throws on "Den Haag: rellen";
 * - filters (section, city, period) and the order (relevance, ties newest
 *   first; or date) are applied the same way as in Python;
 * - a store row is read by the field names the manifest gives (its "fields",
 *   from generator/search/store_schema.json) into a record: hit.record.city,
 *   hit.record.day. Nothing here knows a field's position.
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
  var MARKS = /[\u0300-\u036f]/g;
  var DOUBLED = /([bcdfghjklmnpqrstvwxz])\1$/;

  function fold(word) {
    return word.normalize("NFKD").replace(MARKS, "");
  }

  function mergePlural(stem) {
    return stem.replace(DOUBLED, "$1");
  }

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

  function shardHits(shard, terms, prefixLast) {
    var clauses = [];
    terms.forEach(function (term, position) {
      var processed = shard.index.pipeline.runString(term);
      if (processed.length) {
        var prefix = prefixLast && position === terms.length - 1;
        clauses.push({
          term: processed[0],
          usePipeline: false,
          wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          presence: lunr.Query.presence.REQUIRED,
        });
      }
    });
    if (!clauses.length) {
      return [];
    }
    return shard.index
      .query(function (q) {
        clauses.forEach(function (clause) {
          q.clause(clause);
        });
      })
      .map(function (result) {
        return { shard: shard.id, ref: result.ref, score: result.score, record: shard.store[result.ref] };
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
    return rounded(b.score) - rounded(a.score) || Date.parse(b.record.date) - Date.parse(a.record.date) ||
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

  // shards: [loadShard(...), ...]; filters: {section, city, dateFrom, dateTo}
  function search(shards, query, filters, order) {
    filters = filters || {};
    var terms = queryTerms(query);
    if (!terms.length) {
      return { hits: [], sections: {}, cities: {} };
    }
    var prefixLast = !/\s$/.test(query);
    var hits = [];
    shards.forEach(function (shard) {
      if (admitsMonth(filters, shard.id.slice(0, 7))) { // "2025-03" or a part: "2025-03.2"
        hits = hits.concat(shardHits(shard, terms, prefixLast));
      }
    });
    var kept = hits.filter(function (hit) {
      return admits(filters, hit.record);
    });
    kept.sort(order === "date" ? byDate : byRelevance);
    return { hits: kept, sections: count(hits, "section"), cities: count(hits, "city") };
  }

  // The lead cut into [text, marked] pieces: a word is marked when it means a query word.
  function highlight(lead, query, pipeline) {
    var wanted = [];
    var terms = queryTerms(query);
    terms.forEach(function (term) {
      var processed = pipeline.runString(term);
      if (processed.length) {
        wanted.push(processed[0]);
      }
    });
    var prefix = !/\s$/.test(query) && wanted.length ? wanted[wanted.length - 1] : null;
    return String(lead).split(/([ \t\n\r\f\v\u00a0-]+)/).map(function (piece) {
      var processed = piece.trim() ? pipeline.runString(piece.toLowerCase()) : [];
      var word = processed.length ? processed[0] : null;
      var marked = !!word && (wanted.indexOf(word) >= 0 || (!!prefix && word.indexOf(prefix) === 0));
      return [piece, marked];
    });
  }

  return {
    fold: fold,
    mergePlural: mergePlural,
    admitsMonth: admitsMonth,
    readRow: readRow,
    loadShard: loadShard,
    queryTerms: queryTerms,
    search: search,
    highlight: highlight,
  };
});
