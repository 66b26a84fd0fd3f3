// The bundled SLA catalog reaches the wasm through this module: the catalog is data, shipped
// beside the .wasm as catalog.js at the package root (written by `cargo xtask pkg` from
// data/catalog/*.json), not compiled into it. wasm-bindgen copies this file to
// snippets/nines-wasm-<hash>/js/, three levels below the package root.
import text from "../../../catalog.js";

/** The catalog document `{version, date, entries}` as JSON text. */
export function bundledCatalog() {
  return text;
}
