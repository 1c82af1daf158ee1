// The JavaScript side of the search parity tests: real lunr-languages (the
// files the built site ships), the site's search-dutch.js, search-index.js,
// search-query.js and search-snippets.js, reading an index folder through an
// asynchronous fetchJson, as the worker does.
//
//   node index-side.js NODE_MODULES < request.json > answer.json
//
// request: {"folder": FOLDER, "search": [{"query", "filters", "order"}, ...],
//           "sort": [term, ...], "snippets": [{lead, body, query}, ...],
//           "highlight": [{text, query}, ...]}
// answer:  {"search": [{hits: [[number, score, matched, in_title], ...], partial,
//           suggestion, corrected, sections, cities, fetched}, ...],
//           "sort": the terms in the order the chunks are searched in,
//           "snippets" and "highlight": [[piece, marked], ...] each}
// Each query opens the index afresh, so "fetched" is every file it read, in order
// (manifest.json first).
"use strict";

const fs = require("fs");
const path = require("path");

const modules = process.argv[2];
const lunr = require(path.join(modules, "lunr", "lunr.min.js"));
require(path.join(modules, "lunr-languages", "min", "lunr.stemmer.support.min.js"))(lunr);
require(path.join(modules, "lunr-languages", "min", "lunr.nl.min.js"))(lunr);
const scripts = path.join(__dirname, "..", "..", "themes", "wire", "static", "js");
const WireDutch = require(path.join(scripts, "search-dutch.js"))(lunr);
const WireIndex = require(path.join(scripts, "search-index.js"))();
const WireQuery = require(path.join(scripts, "search-query.js"))(WireDutch, WireIndex);
const WireSnippets = require(path.join(scripts, "search-snippets.js"))(WireDutch);

async function answer(folder, asked) {
  const fetched = [];
  const fetchJson = async (name) => {
    fetched.push(name);
    return JSON.parse(await fs.promises.readFile(path.join(folder, name), "utf-8"));
  };
  const index = await WireIndex.open(fetchJson);
  const results = await WireQuery.search(index, asked.query, asked.filters, asked.order);
  return {
    hits: results.hits.map((hit) => [hit.number, hit.score, hit.matched, hit.inTitle]),
    partial: results.partial,
    suggestion: results.suggestion,
    corrected: results.corrected,
    sections: results.sections,
    cities: results.cities,
    fetched,
  };
}

async function main() {
  const request = JSON.parse(fs.readFileSync(0, "utf-8"));
  const made = {};
  if (request.search) {
    made.search = [];
    for (const asked of request.search) {
      made.search.push(await answer(request.folder, asked));
    }
  }
  if (request.sort) {
    made.sort = request.sort.slice().sort(WireIndex.compareTerms);
  }
  if (request.snippets) {
    made.snippets = request.snippets.map((asked) => WireSnippets.snippet(asked.lead, asked.body, asked.query));
  }
  if (request.highlight) {
    made.highlight = request.highlight.map((asked) => WireSnippets.highlight(asked.text, asked.query));
  }
  process.stdout.write(JSON.stringify(made));
}

main().catch((error) => {
  process.stderr.write(String(error && error.stack ? error.stack : error) + "\n");
  process.exit(1);
});
