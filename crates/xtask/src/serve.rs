//! `cargo xtask serve`: build the JS package (for the analysis worker) and the web app, and serve
//! it on http://127.0.0.1:8080.

use crate::cmd::{self, Cmd};
use crate::install;

/// The address the README promises.
const ADDRESS: &str = "127.0.0.1";
const PORT: &str = "8080";

/// Installs what is missing, then runs `trunk serve` until interrupted.
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
    println!("serving the web app on http://{ADDRESS}:{PORT} once built (Ctrl-C stops)");
    Cmd::new("trunk")
        .args([
            "serve",
            "--release",
            "--offline",
            "--address",
            ADDRESS,
            "--port",
            PORT,
        ])
        .run()
}
