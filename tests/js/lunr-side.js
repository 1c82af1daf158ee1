// The JavaScript side of the parity tests: real lunr.js and lunr-languages, as
// the built site ships them, and the site's own search-core.js.
//
//   node lunr-side.js SITE_DIR < request.json > answer.json
//
// request: {"search": [{"query", "filters", "order"}, ...],
//           "trim": [...], "stem": [...], "stopped": [...], "fold": [...], "plural": [...],
//           "highlight": [{"lead", "query"}, ...], "records": true,
//           "forms": [word, ...], "corrections": [{"word", "words": {word: count}}, ...]}
// answer "records": every shard's store as search-core.js reads it: {id, store: ref -> record}
"use strict";

const fs = require("fs");
const path = require("path");

const site = process.argv[2];
const vendor = (name) => path.join(site, "vendor", name);
const lunr = require(vendor("lunr.min.js"));
require(vendor("lunr.stemmer.support.min.js"))(lunr);
require(vendor("lunr.nl.min.js"))(lunr);
const WireDutch = require(path.join(site, "theme", "js", "search-dutch.js"))(lunr);
const WireSearch = require(path.join(site, "theme", "js", "search-core.js"))(lunr, WireDutch);

function loadShards() {
  const folder = path.join(site, "search");
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, "manifest.json"), "utf-8"));
  return manifest.shards.map((entry) => {
    const data = JSON.parse(fs.readFileSync(path.join(folder, entry.file), "utf-8"));
    return WireSearch.loadShard(entry, data, manifest.fields);
  });
}

const request = JSON.parse(fs.readFileSync(0, "utf-8"));
const answer = {};
const shards = request.search || request.highlight || request.records ? loadShards() : [];

if (request.search) {
  answer.search = request.search.map((asked) => {
    const results = WireSearch.search(shards, asked.query, asked.filters, asked.order);
    return {
      terms: WireSearch.queryTerms(asked.query),
      hits: results.hits.map((hit) => [hit.shard, hit.ref, hit.score]),
      partial: results.partial,
      suggestion: results.suggestion,
      corrected: results.corrected,
      sections: results.sections,
      cities: results.cities,
    };
  });
}
if (request.records) {
  answer.records = shards.map((shard) => ({ id: shard.id, store: shard.store }));
}
if (request.highlight) {
  answer.highlight = request.highlight.map((asked) => WireSearch.highlight(asked.lead, asked.query));
}
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
  answer.fold = request.fold.map((word) => WireSearch.fold(word));
}
if (request.plural) {
  answer.plural = request.plural.map((word) => WireSearch.mergePlural(word));
}
if (request.forms) {
  answer.forms = request.forms.map((word) => [WireDutch.baseForms(word), WireDutch.queryForms(word)]);
}
if (request.corrections) {
  answer.corrections = request.corrections.map((asked) => WireDutch.correction(asked.word, asked.words));
}
process.stdout.write(JSON.stringify(answer));
