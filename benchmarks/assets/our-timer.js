// Times queries in our search worker (evaluated in the search page by benchmarks/search.py):
// each until its whole answer is in (the worker answers again as older shards arrive).
async ([queries, firstDocs]) => {
  const form = document.getElementById("search-form");
  const worker = new Worker(new URL(form.dataset.worker, location.href).href);
  const manifest = new URL(form.dataset.manifest, location.href).href;
  let waiting = null;
  worker.onmessage = (event) => {
    const message = event.data;
    if (waiting && message.type === "results" && message.id === waiting.id && message.complete) {
      const done = waiting;
      waiting = null;
      done.resolve(message);
    }
  };
  const ask = (id, query) => new Promise((resolve) => {
    waiting = { id, resolve };
    worker.postMessage({ type: "query", id, query, filters: {}, order: "relevance", shown: 50 });
  });
  worker.postMessage({ type: "open", manifest, firstDocs });
  await ask(0, "haven"); // loads what a first query loads
  const times = [];
  for (let i = 0; i < queries.length; i++) {
    const start = performance.now();
    await ask(i + 1, queries[i]);
    times.push(performance.now() - start);
  }
  worker.terminate();
  return times;
}
