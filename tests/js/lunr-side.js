// The JavaScript side of the parity tests: real lunr.js and lunr-languages, as
// the built site ships them, and the site's own search-core.js.
//
//   node lunr-side.js SITE_DIR < request.json > answer.json
//
// request: {"search": {"index": "search/index.json", "queries": [...]},
//           "trim": [...], "stem": [...], "stopped": [...]}
"use strict";

const fs = require("fs");
const path = require("path");

const site = process.argv[2];
const vendor = (name) => path.join(site, "vendor", name);
const lunr = require(vendor("lunr.min.js"));
require(vendor("lunr.stemmer.support.min.js"))(lunr);
require(vendor("lunr.nl.min.js"))(lunr);
const WireSearch = require(path.join(site, "theme", "js", "search-core.js"))(lunr);

const request = JSON.parse(fs.readFileSync(0, "utf-8"));
const answer = {};

if (request.search) {
  const serialized = JSON.parse(fs.readFileSync(path.join(site, request.search.index), "utf-8"));
  const index = lunr.Index.load(serialized);
  answer.search = request.search.queries.map((query) => ({
    terms: WireSearch.queryTerms(query),
    hits: WireSearch.search(index, query).map((hit) => [hit.ref, hit.score]),
  }));
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
process.stdout.write(JSON.stringify(answer));
