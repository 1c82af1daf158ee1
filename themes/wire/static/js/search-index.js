/*
 * wire-archive search, reading the index: the browser's twin of
 * generator/search/reader.py (the files generator/search/index_files.py
 * writes; docs/search.md describes them).
 *
 * Stage: query, in the browser's worker (and under node for the parity tests,
 * tests/js/index-side.js).
 *
 * Promises:
 * - files are read through the fetchJson(name) given to open() (a Promise of
 *   the parsed JSON: fetch() in the worker, a file read under node), each at
 *   most once an index (a failed fetch may be tried again by a later query);
 *   parse(bytes) turns a file's bytes into its JSON, unpacking the gzipped
 *   ones (index_files.unpack) with the platform's DecompressionStream;
 * - the term files a term needs are found as reader.py finds them, from the
 *   manifest's first terms alone, compared by code point as Python compares
 *   strings: a term, the last file whose first term is not after it; a
 *   prefix, that file and each following one whose first term starts with it;
 * - postings are decoded as written (story number gap, weight; a negative
 *   weight: the term is in the headline); a period of days is a range of
 *   story numbers; the section and place filters read the facets file.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireIndex = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var HASH = 10; // index_files.HASH: hex digits of a file's content hash
  var FORMAT = 5; // index_files.FORMAT
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
  function split(hashes) {
    var found = [];
    for (var start = 0; start < hashes.length; start += HASH) {
      found.push(hashes.slice(start, start + HASH));
    }
    return found;
  }

  // index_files.file_name: where a file of kind with this hash lives.
  function fileName(kind, digest) {
    return kind + "/" + digest + ".json.gz";
  }

  // index_files.unpack: a file's JSON from its bytes (an ArrayBuffer or a
  // Uint8Array), gzipped or, when a server already unpacked it, plain.
  function parse(data) {
    var bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
      return Promise.resolve(JSON.parse(new TextDecoder().decode(bytes)));
    }
    var unpacked = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(unpacked).text().then(JSON.parse);
  }

  function Index(manifest, fetchJson) {
    this.manifest = manifest;
    this.fetchJson = fetchJson;
    this.firstTerms = manifest.terms.first.map(String);
    this.termFiles = split(String(manifest.terms.files));
    this.recordFiles = split(String(manifest.docs.files));
    this.bodyFiles = split(String(manifest.docs.bodies));
    this.perFile = Number(manifest.docs.size);
    this.total = Number(manifest.total);
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

  // reader.SearchIndex.positions: [start, end) of the term files that may hold term.
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
    return fileName("terms", this.termFiles[position]);
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
    return fileName("docs", this.recordFiles[Math.floor(number / this.perFile)]);
  };

  Index.prototype.bodyFile = function (number) {
    return fileName("bodies", this.bodyFiles[Math.floor(number / this.perFile)]);
  };

  // The record chunks of these story numbers, fetched together.
  Index.prototype.loadRecords = function (numbers) {
    var self = this;
    return this.loadAll(numbers.map(function (number) { return self.recordFile(number); }));
  };

  // Whether a story's record file has arrived.
  Index.prototype.hasRecord = function (number) {
    return has.call(this.loaded, this.recordFile(number));
  };

  // Once its chunk is in: a story's record, by the manifest's field names.
  Index.prototype.recordNow = function (number) {
    return readRow(this.manifest.fields, this.loaded[this.recordFile(number)][number % this.perFile]);
  };

  // The bodies of the page shown (for snippets): a Promise of their texts, in that order.
  Index.prototype.bodies = function (numbers) {
    var self = this;
    return this.loadAll(numbers.map(function (number) { return self.bodyFile(number); })).then(function () {
      return numbers.map(function (number) {
        return String(self.loaded[self.bodyFile(number)][number % self.perFile]);
      });
    });
  };

  // The records of the page shown (hits' numbers): a Promise of them, in that order.
  Index.prototype.records = function (numbers) {
    var self = this;
    return this.loadRecords(numbers).then(function () {
      return numbers.map(function (number) { return self.recordNow(number); });
    });
  };

  Index.prototype.facets = function () {
    return this.load(fileName("facets", String(this.manifest.facets)));
  };

  Index.prototype.words = function () {
    return this.load(fileName("words", String(this.manifest.words)));
  };

  // reader.SearchIndex.numbers: the period as [start, end) of story numbers (newest first).
  Index.prototype.numbers = function (filters) {
    var days = this.manifest.days;
    var total = this.total;
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

  // The index whose manifest.json fetchJson gives; another format is an error.
  function open(fetchJson) {
    return Promise.resolve(fetchJson("manifest.json")).then(function (manifest) {
      if (!manifest || manifest.format !== FORMAT) {
        throw new Error("expected a search manifest of format " + FORMAT + ", found " +
          (manifest && manifest.format) + ": build the site again");
      }
      return new Index(manifest, fetchJson);
    });
  }

  return {
    compareTerms: compareTerms,
    decode: decode,
    parse: parse,
    inPeriod: inPeriod,
    admitter: admitter,
    Index: Index,
    open: open,
  };
});
