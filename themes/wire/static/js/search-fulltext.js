/*
 * wire-archive search over the full-text index (work in progress for issue
 * 16, not wired into the site yet): the browser's twin of
 * generator/search/fulltext_query.py, taking the steps docs/search-fulltext.md
 * writes down, in the same order and with the same integers.
 *
 * Stage: query, in the browser's worker (and under node for the parity tests,
 * tests/js/fulltext-side.js).
 *
 * Promises:
 * - files are read through the fetchJson(name) given to open() (a Promise of
 *   the parsed JSON: fetch() in the worker, a file read under node), each at
 *   most once an index, and only those fulltext_query.py reads for the same
 *   query: the term chunks the words need (a term: the last chunk whose first
 *   term is not after it; a prefix: that chunk and each following one whose
 *   first term starts with it), the record chunks where Python reads records
 *   (phrases; a headline holding every word, for the order by relevance;
 *   headlines of a query of stop words only), the facets when answering, the
 *   words only when a word matches nothing. The chunks a step needs are
 *   fetched together;
 * - postings are decoded as written (story number gap, weight; a negative
 *   weight: the term is in the headline), a word's score is the sum of its
 *   exact terms' weights times EXACT_BOOST and its prefix's terms' weights
 *   times 1: integers, so a score is Python's exactly;
 * - the answer is Python's: every word required, else the stories with every
 *   word but not the phrase, else those with some words (partial); a word no
 *   story of the period holds gets a correction ("Bedoelde u ...?") from the
 *   archive's words, and when nothing is found the corrected query's answer
 *   (corrected); a query of stop words only finds the headlines holding it
 *   in order (their marked terms, "~de"); the period is a range of story
 *   numbers (the manifest's days); section and city counts are over the hits
 *   before the section and city filters; the order by relevance is more
 *   words, a headline holding the whole query, a headline holding every word,
 *   a higher score, a lower (newer) number; by date, a lower number.
 *
 * Terms are compared by code point, as Python compares strings (the chunks
 * are in Python's order).
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireFulltext = factory(root.lunr, root.WireDutch);
  }
})(typeof self !== "undefined" ? self : this, function (lunr, dutch) {
  "use strict";

  var EXACT_BOOST = 10; // query.EXACT_BOOST: a word's own term (or form's) against a term it only begins
  var STOP_MARK = "~"; // fulltext.STOP_MARK: a headline's stop word, as a term of its own
  var has = Object.prototype.hasOwnProperty;

  // A UTF-16 code unit as its place in code point order: the units of the
  // supplementary planes (surrogates) after every other unit.
  function unitRank(unit) {
    return unit >= 0xe000 ? unit - 0x800 : unit >= 0xd800 ? unit + 0x2000 : unit;
  }

  // Python's string order (by code point), which the chunks' first terms follow.
  function compareTerms(a, b) {
    var length = Math.min(a.length, b.length);
    for (var i = 0; i < length; i++) {
      var x = a.charCodeAt(i);
      var y = b.charCodeAt(i);
      if (x !== y) {
        return unitRank(x) - unitRank(y);
      }
    }
    return a.length - b.length;
  }

  function startsWith(text, prefix) {
    return text.slice(0, prefix.length) === prefix;
  }

  // bisect.bisect_right: how many of the sorted terms are not after term.
  function bisectRight(terms, term) {
    var low = 0;
    var high = terms.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (compareTerms(term, terms[middle]) < 0) {
        high = middle;
      } else {
        low = middle + 1;
      }
    }
    return low;
  }

  // [gap, weight, gap, weight, ...] as [[number, weight], ...].
  function decode(flat) {
    var pairs = [];
    var number = 0;
    for (var position = 0; position + 1 < flat.length; position += 2) {
      number += flat[position];
      pairs.push([number, flat[position + 1]]);
    }
    return pairs;
  }

  function readRow(fields, row) {
    var made = {};
    fields.forEach(function (name, position) {
      made[name] = row[position];
    });
    return made;
  }

  // The index of one manifest: files fetched once each, when a query needs them.
  function Index(manifest, fetchJson) {
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.firstTerms = manifest.terms.map(function (entry) { return String(entry[0]); });
    this.loaded = {}; // name -> the parsed file, once it has arrived
    this.pending = {}; // name -> its promise
  }

  Index.prototype.load = function (name) {
    var self = this;
    if (!has.call(this.pending, name)) {
      this.pending[name] = Promise.resolve(this.fetchJson(name)).then(function (data) {
        self.loaded[name] = data;
        return data;
      }, function (error) {
        delete self.pending[name]; // a later query may try again
        throw error;
      });
    }
    return this.pending[name];
  };

  Index.prototype.loadAll = function (names) {
    var self = this;
    var distinct = [];
    names.forEach(function (name) {
      if (distinct.indexOf(name) < 0) {
        distinct.push(name);
      }
    });
    return Promise.all(distinct.map(function (name) { return self.load(name); }));
  };

  // fulltext_query.FulltextIndex.positions: [start, end) of the chunks that may hold term.
  Index.prototype.positions = function (term, prefix) {
    if (!this.firstTerms.length) {
      return [0, 0]; // an empty archive: no chunk
    }
    var start = Math.max(bisectRight(this.firstTerms, term) - 1, 0);
    var end = start + 1;
    while (prefix && end < this.firstTerms.length && startsWith(this.firstTerms[end], term)) {
      end++;
    }
    return [start, end];
  };

  Index.prototype.chunkName = function (position) {
    return String(this.manifest.terms[position][1]);
  };

  // The chunk files a word's terms and prefix need.
  Index.prototype.wordChunks = function (word) {
    var self = this;
    var names = [];
    word.terms.forEach(function (term) {
      var range = self.positions(term, false);
      for (var position = range[0]; position < range[1]; position++) {
        names.push(self.chunkName(position));
      }
    });
    if (word.prefix) {
      var range = this.positions(word.prefix, true);
      for (var position = range[0]; position < range[1]; position++) {
        names.push(this.chunkName(position));
      }
    }
    return names;
  };

  // Once the chunks are in: a term's [[number, weight], ...].
  Index.prototype.postings = function (term) {
    var found = [];
    var range = this.positions(term, false);
    for (var position = range[0]; position < range[1]; position++) {
      var chunk = this.loaded[this.chunkName(position)];
      found = found.concat(has.call(chunk, term) ? decode(chunk[term]) : []);
    }
    return found;
  };

  Index.prototype.prefixed = function (prefix) {
    var found = [];
    var range = this.positions(prefix, true);
    for (var position = range[0]; position < range[1]; position++) {
      var chunk = this.loaded[this.chunkName(position)];
      Object.keys(chunk).forEach(function (term) {
        if (startsWith(term, prefix)) {
          decode(chunk[term]).forEach(function (pair) { found.push(pair); });
        }
      });
    }
    return found;
  };

  Index.prototype.recordFile = function (number) {
    var docs = this.manifest.docs;
    return String(docs.files[Math.floor(number / Number(docs.size))]);
  };

  // The record chunks of these story numbers, fetched together.
  Index.prototype.loadRecords = function (numbers) {
    var self = this;
    return this.loadAll(numbers.map(function (number) { return self.recordFile(number); }));
  };

  // Once its chunk is in: a story's record, by the manifest's field names.
  Index.prototype.recordNow = function (number) {
    var size = Number(this.manifest.docs.size);
    return readRow(this.manifest.fields, this.loaded[this.recordFile(number)][number % size]);
  };

  // A story's record (for the page shown): a Promise.
  Index.prototype.record = function (number) {
    var self = this;
    return this.loadRecords([number]).then(function () { return self.recordNow(number); });
  };

  // The records of the page shown (hits' numbers): a Promise of them, in that order.
  Index.prototype.records = function (numbers) {
    var self = this;
    return this.loadRecords(numbers).then(function () {
      return numbers.map(function (number) { return self.recordNow(number); });
    });
  };

  Index.prototype.titleWords = function (number) {
    return dutch.textWords(this.recordNow(number).title);
  };

  Index.prototype.phraseWords = function (number) {
    var record = this.recordNow(number);
    return dutch.textWords(record.title + " . " + record.lead);
  };

  Index.prototype.facets = function () {
    return this.load(String(this.manifest.facets));
  };

  Index.prototype.words = function () {
    return this.load(String(this.manifest.words));
  };

  // fulltext_query.FulltextIndex.numbers: the period as [start, end) of story numbers.
  Index.prototype.numbers = function (filters) {
    var days = this.manifest.days;
    var total = Number(this.manifest.total);
    var to = filters.dateTo;
    var since = filters.dateFrom;
    var start = total;
    var end = total;
    var i;
    for (i = 0; i < days.length; i++) {
      if (!to || days[i][0] <= to) {
        start = Number(days[i][1]);
        break;
      }
    }
    for (i = 0; i < days.length; i++) {
      if (since && days[i][0] < since) {
        end = Number(days[i][1]);
        break;
      }
    }
    return [start, Math.max(start, end)];
  };

  function inPeriod(period, number) {
    return number >= period[0] && number < period[1];
  }

  // A test of a story number against the section and place filters (facets in).
  function admitter(facets, filters) {
    if (!(filters.section || filters.city)) {
      return function () { return true; };
    }
    var width = facets.cities.length + 1;
    var city = has.call(facets.aliases, filters.city) ? facets.aliases[filters.city] : filters.city;
    var sectionCode = facets.sections.indexOf(filters.section || "");
    var cityCode = city ? facets.cities.indexOf(city) : -1;
    if (cityCode < 0) {
      cityCode = -2; // no place of the archive: no story's
    }
    return function (number) {
      var code = facets.doc[number];
      return (!filters.section || Math.floor(code / width) === sectionCode) &&
        (!filters.city || (code % width) - 1 === cityCode);
    };
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
      sections: Object.create(null),
      cities: Object.create(null),
      partial: false,
      suggestion: null,
      corrected: false,
    };
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

  // Counts over the hits, then the section and place filters, then the order.
  function finish(index, results, filters, order, wordCount, typed) {
    if (!results.hits.length) {
      return Promise.resolve(results); // nothing to count or filter: the facets are not read
    }
    return index.facets().then(function (facets) {
      var width = facets.cities.length + 1;
      results.hits.forEach(function (hit) {
        var code = facets.doc[hit.number];
        var section = facets.sections[Math.floor(code / width)];
        results.sections[section] = (results.sections[section] || 0) + 1;
        if (code % width) {
          var city = facets.cities[(code % width) - 1];
          results.cities[city] = (results.cities[city] || 0) + 1;
        }
      });
      var admits = admitter(facets, filters);
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
          whole.set(hit.number, dutch.holdsPhrase(index.titleWords(hit.number), typed));
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
          return dutch.holdsPhrase(index.titleWords(hit.number), typed);
        });
        return finish(index, emptyResults(hits), filters, "date", 0, []);
      });
    });
  }

  // index: open()'s; filters: {section, city, dateFrom, dateTo}; order: "relevance" or "date".
  // A Promise of {hits: [{number, score, matched, inTitle}], sections, cities,
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
            return dutch.holdsPhrase(index.phraseWords(hit.number), phrase);
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

  // The index whose manifest.json fetchJson gives.
  function open(fetchJson) {
    return Promise.resolve(fetchJson("manifest.json")).then(function (manifest) {
      return new Index(manifest, fetchJson);
    });
  }

  return {
    EXACT_BOOST: EXACT_BOOST,
    compareTerms: compareTerms,
    decode: decode,
    Index: Index,
    open: open,
    search: search,
  };
});
