// Times queries in our search worker (evaluated in the search page by benchmarks/search.py).
async ([queries, firstDocs]) => {
  const form = document.getElementById("search-form");
  const worker = new Worker(new URL(form.dataset.worker, location.href).href);
  const manifest = new URL(form.dataset.manifest, location.href).href;
  let waiting = null;
  worker.onmessage = (event) => { if (waiting && event.data.type === waiting.type) { const done = waiting; waiting = null; done.resolve(event.data); } };
  const next = (type) => new Promise((resolve) => { waiting = { type, resolve }; });
  worker.postMessage({ type: "open", manifest, firstDocs });
  await next("status");
  const times = [];
  for (const query of queries) {
    const start = performance.now();
    worker.postMessage({ type: "query", id: 1, query, filters: {}, order: "relevance" });
    await next("results");
    times.push(performance.now() - start);
  }
  worker.terminate();
  return times;
}
