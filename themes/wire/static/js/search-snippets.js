/*
 * wire-archive search, showing why a story was found: the browser's twin of
 * generator/search/snippets.py (shared vectors in
 * tests/fixtures/search_snippets.txt hold the two together).
 *
 * Stage: query, in the browser's worker.
 *
 * Promises: highlight(text, query) cuts a text into [piece, marked] pieces,
 * a marked piece being a word whose index terms a word of the query matches;
 * snippet(lead, body, query) is the sentence of the lead and the body holding
 * the most distinct words of the query (the first of those), cut to about
 * SNIPPET_WORDS words around its first marked word, with "…" where it was
 * cut; the lead when no sentence holds any. The pieces are text: the page
 * inserts them as text nodes, never as markup.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) {
    module.exports = factory;
  } else {
    root.WireSnippets = factory(root.WireDutch);
  }
})(typeof self !== "undefined" ? self : this, function (dutch) {
  "use strict";

  var SENTENCE_END = /(?<=[.!?\u2026])[ \t\n\r\f\v\u00a0]+/;
  var PIECES = /([ \t\n\r\f\v\u00a0-]+)/;
  var SEPARATOR = /^[ \t\n\r\f\v\u00a0-]+$/;
  var SNIPPET_WORDS = 30;
  var ELLIPSIS = "\u2026";

  function isWord(piece) {
    return !SEPARATOR.test(piece);
  }

  function nonEmpty(piece) {
    return piece !== "";
  }

  // Which of the query's words (their positions) one piece holds.
  function marks(piece, words) {
    var held = [];
    if (!isWord(piece)) {
      return held;
    }
    var terms = dutch.indexTerms(piece.toLowerCase());
    words.forEach(function (word, position) {
      if (terms.some(function (term) { return word.matches(term); })) {
        held.push(position);
      }
    });
    return held;
  }

  function highlight(text, query) {
    var words = dutch.parseQuery(query).words;
    return String(text).split(PIECES).filter(nonEmpty).map(function (piece) {
      return [piece, marks(piece, words).length > 0];
    });
  }

  function sentences(text) {
    var found = [];
    text.split("\n").forEach(function (line) {
      line.split(SENTENCE_END).forEach(function (sentence) {
        if (sentence.trim()) {
          found.push(sentence);
        }
      });
    });
    return found;
  }

  // About SNIPPET_WORDS words from a few before the first marked one.
  function cut(pieces) {
    var words = [];
    pieces.forEach(function (piece, position) {
      if (isWord(piece[0])) {
        words.push(position);
      }
    });
    if (words.length <= SNIPPET_WORDS) {
      return pieces;
    }
    var first = 0;
    for (var n = 0; n < words.length; n++) {
      if (pieces[words[n]][1]) {
        first = n;
        break;
      }
    }
    var start = Math.max(0, Math.min(first - 5, words.length - SNIPPET_WORDS));
    var end = start + SNIPPET_WORDS;
    var kept = pieces.slice(words[start], words[end - 1] + 1);
    if (start > 0) {
      kept = [[ELLIPSIS, false], [" ", false]].concat(kept);
    }
    if (end < words.length) {
      kept = kept.concat([[" ", false], [ELLIPSIS, false]]);
    }
    return kept;
  }

  function snippet(lead, body, query) {
    var words = dutch.parseQuery(query).words;
    var best = 0;
    var chosen = null;
    sentences(String(lead) + "\n" + String(body)).forEach(function (sentence) {
      var pieces = sentence.split(PIECES).filter(nonEmpty);
      var held = {};
      var count = 0;
      var marked = pieces.map(function (piece) {
        var found = marks(piece, words);
        found.forEach(function (position) {
          if (!held[position]) {
            held[position] = true;
            count++;
          }
        });
        return [piece, found.length > 0];
      });
      if (count > best) {
        best = count;
        chosen = marked;
      }
    });
    return best ? cut(chosen) : cut(highlight(lead, query));
  }

  return {
    highlight: highlight,
    snippet: snippet,
  };
});
