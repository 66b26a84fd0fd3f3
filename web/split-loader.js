// The second half of the web app's wasm, loaded after the first result.
//
// `cargo xtask` splits the wasm trunk builds with binaryen's `wasm-split`
// (crates/xtask/src/split.rs): the functions that run up to the first result stay in the primary
// module, which index.html loads; the rest go to a secondary module. In the primary, each moved
// function is a slot of the function table holding a placeholder, imported as
// `placeholder.<slot>`. The secondary imports the primary's memory, tables, globals and
// functions (namespace `primary`); instantiating it writes its functions into those slots.
//
// The xtask step edits wasm-bindgen's glue in two places: the imports get
// `placeholder: placeholders`, and `started(exports, url)` runs before the app's `main`.
// The secondary is fetched once the page has loaded and the browser is idle. A placeholder
// called before it is there loads it at once, synchronously, and then calls the real function,
// so the app behaves the same, only slower that one time (and the idle load then fetches nothing;
// a placeholder called while the idle fetch is under way still loads its own copy, as a
// synchronous call cannot wait for it).

let primary; // the primary instance's exports
let url; // the secondary module's URL
let compiled; // its WebAssembly.Module, once fetched and compiled
let loaded = false; // whether it is instantiated (its functions are in the table)

/** The primary module's `placeholder` imports: slot N loads the secondary, then calls slot N. */
export const placeholders = new Proxy({}, {
  get: (_, slot) => (...args) => {
    if (!loaded) loadNow(slot);
    return primary.table.get(Number(slot))(...args);
  },
});

/** Called by the glue with the primary's exports, before the app starts. */
export function started(exports, secondaryUrl) {
  primary = exports;
  url = secondaryUrl;
  const idle = () => (self.requestIdleCallback ?? setTimeout)(() => load(), { timeout: 2000 });
  if (document.readyState === 'complete') idle();
  else addEventListener('load', idle, { once: true });
}

/** Fetches and compiles the secondary without blocking, then instantiates it. */
async function load() {
  if (compiled) return; // a placeholder has loaded it already
  try {
    const module = await WebAssembly.compileStreaming(fetch(url));
    compiled ??= module;
    instantiate();
  } catch (error) {
    // A placeholder will try again synchronously when it is called.
    console.warn(`nines: the rest of the app's code could not be loaded yet (${error})`);
  }
}

/** Instantiates the compiled secondary: its element segments fill the primary's table. */
function instantiate() {
  if (loaded) return;
  new WebAssembly.Instance(compiled, { primary });
  loaded = true;
}

/** Loads the secondary synchronously (the page waits): the placeholder of `slot` was called first. */
function loadNow(slot) {
  console.info(`nines: table slot ${slot} was called before the rest of the app's code arrived; loading it now`);
  if (!compiled) {
    const request = new XMLHttpRequest();
    request.open('GET', url, false);
    // Synchronous requests cannot ask for an ArrayBuffer; bytes come through as a string.
    request.overrideMimeType('text/plain; charset=x-user-defined');
    request.send();
    if (request.status !== 200) throw new Error(`${url}: HTTP ${request.status}`);
    const text = request.responseText;
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    compiled = new WebAssembly.Module(bytes);
  }
  instantiate();
}
