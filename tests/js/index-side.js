// The JavaScript side of the search parity tests: real lunr-languages (the
// files the built site ships), the site's search-dutch.js, search-index.js,
// search-query.js and search-snippets.js, reading an index folder through an
// asynchronous fetchJson, as the worker does.
//
//   node index-side.js NODE_MODULES < request.json > answer.json
//
// request: {"folder": FOLDER, "search": [{"query", "filters", "order"}, ...],
//           "sort": [term, ...], "snippets": [{lead, body, query}, ...],
//           "highlight": [{text, query}, ...], "parse": [query, ...], "records": true}
// answer:  {"search": [{hits: [[number, score, matched, in_title], ...], partial,
//           suggestion, corrected, sections, cities, fetched, counting}, ...],
//           "sort": the terms in the order the chunks are searched in,
//           "snippets" and "highlight": [[piece, marked], ...] each,
//           "parse": [{words: [[text, terms, prefix], ...], phrases}, ...],
//           "records": every story's record as search-index.js reads it, by number}
// Each query opens the index afresh, so "fetched" is every file its search read,
// in order (manifest.json first), and "counting" those counts() read after it
// for "sections" and "cities".
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
    return WireIndex.parse(await fs.promises.readFile(path.join(folder, name)));
  };
  const index = await WireIndex.open(fetchJson);
  const results = await WireQuery.search(index, asked.query, asked.filters, asked.order);
  const searched = fetched.splice(0);
  const counted = await WireQuery.counts(index, results);
  return {
    hits: results.hits.map((hit) => [hit.number, hit.score, hit.matched, hit.inTitle]),
    partial: results.partial,
    suggestion: results.suggestion,
    corrected: results.corrected,
    sections: counted.sections,
    cities: counted.cities,
    fetched: searched,
    counting: fetched,
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
  if (request.records) {
    const folder = request.folder;
    const index = await WireIndex.open(async (name) =>
      WireIndex.parse(await fs.promises.readFile(path.join(folder, name))));
    made.records = await index.records(Array.from({ length: index.total }, (_, number) => number));
  }
  if (request.sort) {
    made.sort = request.sort.slice().sort(WireIndex.compareTerms);
  }
  if (request.snippets) {
    made.snippets = request.snippets.map((asked) => WireSnippets.snippet(asked.lead, asked.body, asked.query));
  }
  if (request.parse) {
    made.parse = request.parse.map((query) => {
      const parsed = WireDutch.parseQuery(query);
      return {
        words: parsed.words.map((word) => [word.text, word.terms, word.prefix]),
        phrases: parsed.phrases,
      };
    });
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
