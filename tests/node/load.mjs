// Loads the built package (pkg/) synchronously, as a Node user would.
import { readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** Absolute path of the package folder: `$NINES_PKG`, or pkg/ at the repository root. */
export const pkg = process.env.NINES_PKG ?? fileURLToPath(new URL("../../pkg", import.meta.url));

/** The initialized module. */
export async function load() {
  if (!existsSync(`${pkg}/nines.js`)) {
    throw new Error("pkg/ is missing: run `cargo xtask pkg` first");
  }
  const nines = await import(`${pkg}/nines.js`);
  nines.initSync({ module: readFileSync(`${pkg}/nines_bg.wasm`) });
  return nines;
}
