/*
 * wire-archive search, the Dutch words of a query: the same steps as
 * generator/search/morphology.py, words.py and suggest.py (tests/fixtures/
 * search_forms.tsv and the parity tests hold the two together).
 *
 * - baseForms / queryForms: the words a word is a form of (uiltje -> uil,
 *   ziekenhuizen -> ziekenhuis, steden -> stad; in a query also stemde -> stem);
 * - parseQuery: the words of a query, each with the terms it matches exactly
 *   (its own, its forms') and the prefix a term may start with instead (the
 *   word as typed, folded, never stemmed), and its quoted phrases;
 * - vocabulary / correction: "Bedoelde u ...?" from the archive's own words.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireDutch = factory(root.lunr);
  }
})(typeof self !== "undefined" ? self : this, function (lunr) {
  "use strict";

  var SEPARATOR = /[ \t\n\r\f\v\u00a0-]+/;
  var QUOTED = /"([^"]*)"/g;
  var MARKS = /[\u0300-\u036f]/g;
  var DOUBLED = /([bcdfghjklmnpqrstvwxz])\1$/;
  var DOUBLED_VOWEL = /([aeiou])\1$/;
  var MIN_BASE = 3;
  var MIN_PREFIX = 3;
  var VOWELS = "aeiou";
  var IRREGULAR = {
    steden: "stad", schepen: "schip", kinderen: "kind", eieren: "ei", bladeren: "blad", volkeren: "volk",
  };

  function fold(word) {
    return word.normalize("NFKD").replace(MARKS, "");
  }

  function mergePlural(stem) {
    return stem.replace(DOUBLED, "$1");
  }

  function ends(word, ending) {
    return word.slice(-ending.length) === ending;
  }

  function diminutiveBases(word) {
    var stem = ends(word, "jes") ? word.slice(0, -1) : word;
    if (!ends(stem, "je") || stem.length < MIN_BASE + 2) {
      return [];
    }
    if (ends(stem, "etje") && DOUBLED.test(stem.slice(0, -4))) {
      return [stem.slice(0, -5)];
    }
    if (ends(stem, "etje")) {
      return [stem.slice(0, -4), stem.slice(0, -2)];
    }
    if (ends(stem, "pje")) {
      return [stem.slice(0, -3), stem.slice(0, -2)];
    }
    if (ends(stem, "nkje")) {
      return [stem.slice(0, -3) + "g", stem.slice(0, -2)];
    }
    if (ends(stem, "tje")) {
      return [stem.slice(0, -3).replace(DOUBLED_VOWEL, "$1"), stem.slice(0, -2)];
    }
    return [stem.slice(0, -2)];
  }

  function pluralBases(word) {
    if (Object.prototype.hasOwnProperty.call(IRREGULAR, word)) {
      return [IRREGULAR[word]];
    }
    var before = word.charAt(word.length - 4);
    if (word.length > MIN_BASE + 5 && ends(word, "heden")) {
      return [word.slice(0, -5) + "heid"];
    }
    if (word.length > MIN_BASE + 2 && ends(word, "zen") && VOWELS.indexOf(before) >= 0) {
      return [word.slice(0, -3) + "s"];
    }
    if (word.length > MIN_BASE + 2 && ends(word, "ven") && (VOWELS + "lr").indexOf(before) >= 0) {
      return [word.slice(0, -3) + "f"];
    }
    if (word.length > MIN_BASE + 2 && ends(word, "en")) {
      return [word.slice(0, -2).replace(DOUBLED, "$1")];
    }
    if (word.length > MIN_BASE + 1 && ends(word, "s") && "aeiouy".indexOf(word.charAt(word.length - 2)) >= 0) {
      return [word.slice(0, -1)];
    }
    if (word.length > MIN_BASE + 2 && ["ens", "els", "ers", "ems"].indexOf(word.slice(-3)) >= 0) {
      return [word.slice(0, -1)];
    }
    return [];
  }

  function pastBases(word) {
    var endings = ["den", "ten", "de", "te"];
    for (var i = 0; i < endings.length; i++) {
      var ending = endings[i];
      if (ends(word, ending) && word.length - ending.length >= MIN_BASE) {
        var base = word.slice(0, -ending.length);
        return VOWELS.indexOf(base.charAt(base.length - 1)) < 0 ? [base.replace(DOUBLED, "$1")] : [];
      }
    }
    return [];
  }

  function distinct(word, forms) {
    var kept = [];
    forms.forEach(function (form) {
      if (form.length >= MIN_BASE && form !== word && kept.indexOf(form) < 0) {
        kept.push(form);
      }
    });
    return kept;
  }

  function baseForms(word) {
    return distinct(word, diminutiveBases(word).concat(pluralBases(word)));
  }

  function queryForms(word) {
    return distinct(word, baseForms(word).concat(pastBases(word)));
  }

  function isStopWord(word) {
    return lunr.nl.stopWordFilter(word) === undefined;
  }

  function termOf(form) {
    return mergePlural(lunr.nl.stemmer(new lunr.Token(form)).toString());
  }

  // pipeline.index_term: trimmed, no stop word, folded, stemmed, plural merged.
  function indexTerm(word) {
    var trimmed = lunr.nl.trimmer(word);
    return trimmed && !isStopWord(trimmed) ? termOf(fold(trimmed)) : null;
  }

  // pipeline.index_terms, cached as there (a text repeats its words); a copy
  // is returned, so a caller may change it.
  var termsOf = new Map();
  var TERMS_CACHED = 100000;

  function indexTerms(word) {
    var cached = termsOf.get(word);
    if (cached === undefined) {
      cached = wordTerms(word);
      if (termsOf.size >= TERMS_CACHED) {
        termsOf.clear();
      }
      termsOf.set(word, cached);
    }
    return cached.slice();
  }

  function wordTerms(word) {
    var main = indexTerm(word);
    if (main === null) {
      return [];
    }
    var terms = [main];
    baseForms(fold(lunr.nl.trimmer(word))).forEach(function (form) {
      var term = termOf(form);
      if (terms.indexOf(term) < 0) {
        terms.push(term);
      }
    });
    return terms;
  }

  function queryTerms(query) {
    var terms = [];
    String(query).toLowerCase().split(SEPARATOR).forEach(function (word) {
      var term = lunr.nl.trimmer(word);
      if (term && !isStopWord(term) && terms.indexOf(term) < 0) {
        terms.push(term);
      }
    });
    return terms;
  }

  // Python's len(): code points, not UTF-16 units.
  function length(text) {
    return Array.from(text).length;
  }

  function makeWord(text) {
    var folded = fold(text);
    var terms = [];
    var own = indexTerm(text);
    if (own !== null) {
      terms.push(own);
    }
    queryForms(folded).forEach(function (form) {
      var term = termOf(form);
      if (terms.indexOf(term) < 0) {
        terms.push(term);
      }
    });
    var prefix = length(folded) >= MIN_PREFIX ? folded : null;
    return {
      text: text,
      terms: terms,
      prefix: prefix,
      matches: function (term) {
        return terms.indexOf(term) >= 0 || (prefix !== null && term.indexOf(prefix) === 0);
      },
    };
  }

  function textWords(text) {
    var words = [];
    String(text).toLowerCase().split(SEPARATOR).forEach(function (part) {
      var word = fold(lunr.nl.trimmer(part));
      if (word) {
        words.push(word);
      }
    });
    return words;
  }

  function textTerms(text) {
    var terms = {};
    String(text).toLowerCase().split(SEPARATOR).forEach(function (part) {
      indexTerms(part).forEach(function (term) {
        terms[term] = true;
      });
    });
    return terms;
  }

  function parseQuery(query) {
    query = String(query);
    var texts = queryTerms(query.replace(/"/g, " "));
    var words = texts.map(makeWord).filter(function (word) {
      return word.terms.length || word.prefix;
    });
    var phrases = [];
    var match;
    QUOTED.lastIndex = 0;
    while ((match = QUOTED.exec(query)) !== null) {
      var phrase = textWords(match[1]);
      if (phrase.length > 1) {
        phrases.push(phrase);
      }
    }
    return { words: words, phrases: phrases };
  }

  function holdsPhrase(words, phrase) {
    for (var start = 0; start + phrase.length <= words.length; start++) {
      var all = true;
      for (var i = 0; i < phrase.length && all; i++) {
        all = words[start + i] === phrase[i];
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  // suggest.py
  function vocabulary(texts) {
    var counts = {};
    texts.forEach(function (text) {
      textWords(text).forEach(function (word) {
        if (word.length > 1 && !isStopWord(word)) {
          counts[word] = (counts[word] || 0) + 1;
        }
      });
    });
    return counts;
  }

  // Over code points, as Python's (first and second: arrays of them).
  function distance(first, second, limit) {
    if (Math.abs(first.length - second.length) > limit) {
      return limit + 1;
    }
    var previous = [];
    for (var k = 0; k <= second.length; k++) {
      previous.push(k);
    }
    for (var row = 1; row <= first.length; row++) {
      var current = [row];
      for (var column = 1; column <= second.length; column++) {
        var changed = previous[column - 1] + (first[row - 1] !== second[column - 1] ? 1 : 0);
        current.push(Math.min(previous[column] + 1, current[column - 1] + 1, changed));
      }
      if (Math.min.apply(null, current) > limit) {
        return limit + 1;
      }
      previous = current;
    }
    return previous[previous.length - 1];
  }

  function correction(word, counts) {
    var letters = Array.from(word);
    if (letters.length < MIN_PREFIX) {
      return null; // suggest.MIN_CORRECTED: any word is an edit or two away from one so short
    }
    var limit = letters.length <= 5 ? 1 : 2;
    var best = null;
    Object.keys(counts).forEach(function (candidate) {
      if (candidate === word) {
        return;
      }
      var found = distance(letters, Array.from(candidate), limit);
      var key = [found, -counts[candidate], candidate];
      if (found <= limit && (best === null || key[0] < best[0] ||
          (key[0] === best[0] && (key[1] < best[1] || (key[1] === best[1] && key[2] < best[2]))))) {
        best = key;
      }
    });
    return best ? best[2] : null;
  }

  return {
    fold: fold,
    mergePlural: mergePlural,
    baseForms: baseForms,
    queryForms: queryForms,
    indexTerms: indexTerms,
    queryTerms: queryTerms,
    parseQuery: parseQuery,
    textWords: textWords,
    textTerms: textTerms,
    holdsPhrase: holdsPhrase,
    vocabulary: vocabulary,
    correction: correction,
  };
});
