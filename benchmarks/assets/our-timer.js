// Times queries in our search worker (evaluated in the search page by benchmarks/search.py):
// each from asking to its first "results" message (the first result's record in); the whole
// page of results and then its details (snippets, counts) are awaited untimed, as the page
// asks for them, so the next query starts with nothing in flight.
async ([queries, shown]) => {
  const form = document.getElementById("search-form");
  const worker = new Worker(new URL(form.dataset.worker, location.href).href);
  const manifest = new URL(form.dataset.manifest, location.href).href;
  let waiting = [];
  worker.onmessage = (event) => {
    const message = event.data;
    waiting = waiting.filter((wait) => {
      if (message.type === "error") {
        wait.reject(new Error(message.message));
        return false;
      }
      if (message.id === wait.id && message.type === wait.type && wait.accepts(message)) {
        wait.resolve(message);
        return false;
      }
      return true;
    });
  };
  const next = (id, type, accepts = () => true) => new Promise((resolve, reject) => {
    waiting.push({ id, type, accepts, resolve, reject });
  });
  const ask = async (id, query) => {
    const first = next(id, "results");
    const whole = next(id, "results", (message) => message.whole);
    worker.postMessage({ type: "query", id, query, filters: {}, order: "relevance", shown });
    await first;
    const took = performance.now();
    await whole;
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
