// Times queries in our search worker (evaluated in the search page by benchmarks/search.py):
// each from asking to its "results" message (the whole answer, with the shown hits' records);
// its details (snippets, counts) are then asked for and awaited, untimed, as the page does,
// so the next query starts with nothing in flight.
async ([queries, shown]) => {
  const form = document.getElementById("search-form");
  const worker = new Worker(new URL(form.dataset.worker, location.href).href);
  const manifest = new URL(form.dataset.manifest, location.href).href;
  let waiting = null;
  worker.onmessage = (event) => {
    const message = event.data;
    if (!waiting) {
      return;
    }
    const done = waiting;
    if (message.type === "error") {
      waiting = null;
      done.reject(new Error(message.message));
    } else if (message.id === done.id && message.type === done.type) {
      waiting = null;
      done.resolve(message);
    }
  };
  const next = (id, type) => new Promise((resolve, reject) => {
    waiting = { id, type, resolve, reject };
  });
  const ask = async (id, query) => {
    const results = next(id, "results");
    worker.postMessage({ type: "query", id, query, filters: {}, order: "relevance", shown });
    await results;
    const took = performance.now();
    const details = next(id, "details");
    worker.postMessage({ type: "details", id });
    await details;
    return took;
  };
  worker.postMessage({ type: "open", manifest });
  await ask(0, "haven"); // opens the index: the manifest, and what a first query reads
  const times = [];
  for (let i = 0; i < queries.length; i++) {
    const start = performance.now();
    times.push((await ask(i + 1, queries[i])) - start);
  }
  worker.terminate();
  return times;
}
