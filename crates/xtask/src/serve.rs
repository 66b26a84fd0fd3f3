//! `cargo xtask serve`: build the JS package (for the analysis worker) and the web app (trunk,
//! then the wasm split in two: `crate::split`), and serve `dist/` on http://127.0.0.1:8080.

use crate::cmd;
use crate::install;
use std::path::Path;

/// The address the README promises.
const ADDRESS: &str = "127.0.0.1";
const PORT: u16 = 8080;

/// Installs what is missing, builds, then serves until interrupted (no rebuild on change: run
/// it again).
pub fn run() -> Result<(), String> {
    install::web_tools()?;
    for file in ["index.html", "Trunk.toml"] {
        if !cmd::exists(file) {
            return Err(format!(
                "{file} does not exist at the repository root yet: the web app has not landed"
            ));
        }
    }
    // The analysis worker imports the JS package, which the web build copies from pkg/.
    crate::pkg::run()?;
    crate::split::build()?;
    println!("serving the web app on http://{ADDRESS}:{PORT} (Ctrl-C stops)");
    crate::site::serve(Path::new("dist"), ADDRESS, PORT)
}
