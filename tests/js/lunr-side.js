// The JavaScript side of the pipeline parity tests: real lunr.js and
// lunr-languages and the site's own search-dutch.js, as the built site ships
// them (its vendor/ and theme/js/), compared with Python one function at a time.
// Searching the index is tests/js/index-side.js's.
//
//   node lunr-side.js SITE_DIR < request.json > answer.json
//
// request: {"trim": [word, ...], "stem": [...], "stopped": [...], "fold": [...],
//           "plural": [...], "terms": [...], "forms": [word, ...],
//           "corrections": [{"word", "words": {word: count}}, ...]}
// answer:  the same keys: each word's trimmed, stemmed, folded, plural-merged
//          form, its index terms, [base forms, query forms] and correction;
//          "stopped": the words lunr-languages' stop word filter drops.
"use strict";

const fs = require("fs");
const path = require("path");

const site = process.argv[2];
const vendor = (name) => path.join(site, "vendor", name);
const lunr = require(vendor("lunr.min.js"));
require(vendor("lunr.stemmer.support.min.js"))(lunr);
require(vendor("lunr.nl.min.js"))(lunr);
const WireDutch = require(path.join(site, "theme", "js", "search-dutch.js"))(lunr);

const request = JSON.parse(fs.readFileSync(0, "utf-8"));
const answer = {};

if (request.trim) {
  answer.trim = request.trim.map((word) => lunr.nl.trimmer(word));
}
if (request.stem) {
  answer.stem = request.stem.map((word) => lunr.nl.stemmer(new lunr.Token(word)).toString());
}
if (request.stopped) {
  answer.stopped = request.stopped.filter((word) => lunr.nl.stopWordFilter(word) === undefined);
}
if (request.fold) {
  answer.fold = request.fold.map((word) => WireDutch.fold(word));
}
if (request.plural) {
  answer.plural = request.plural.map((word) => WireDutch.mergePlural(word));
}
if (request.terms) {
  answer.terms = request.terms.map((word) => WireDutch.indexTerms(word));
}
if (request.forms) {
  answer.forms = request.forms.map((word) => [WireDutch.baseForms(word), WireDutch.queryForms(word)]);
}
if (request.corrections) {
  answer.corrections = request.corrections.map((asked) => WireDutch.correction(asked.word, asked.words));
}
process.stdout.write(JSON.stringify(answer));
