//! A static file server for `cargo xtask serve`: the split web app is post-processed after
//! `trunk build` (`crate::split`), so `trunk serve`, which rebuilds on its own, cannot serve it.

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::thread;

/// Serves the files under `root` on `address:port` until the process is stopped.
pub fn serve(root: &Path, address: &str, port: u16) -> Result<(), String> {
    let listener = TcpListener::bind((address, port))
        .map_err(|e| format!("cannot listen on {address}:{port}: {e}"))?;
    for stream in listener.incoming().flatten() {
        let root = root.to_path_buf();
        thread::spawn(move || {
            // A client that hangs up early is no error of the server's.
            let _ = answer(&root, stream);
        });
    }
    Ok(())
}

/// Reads one request and answers it with the file, 404 or 400; the connection then closes.
fn answer(root: &Path, mut stream: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::new(&stream);
    let mut request = String::new();
    reader.read_line(&mut request)?;
    // The headers are not needed: read up to the blank line.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let target = request.split_whitespace().nth(1).unwrap_or("");
    let (status, kind, body) = match file_for(root, target).map(|f| (fs::read(&f), f)) {
        Some((Ok(body), file)) => ("200 OK", content_type(&file), body),
        Some((Err(_), _)) => ("404 Not Found", "text/plain", b"not found".to_vec()),
        None => ("400 Bad Request", "text/plain", b"bad request".to_vec()),
    };
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    stream.write_all(&body)
}

/// The file a request target names under `root` (`/` is `index.html`), or `None` when it
/// leaves `root`. Percent escapes are not decoded: the site's file names need none.
fn file_for(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next()?.strip_prefix('/')?;
    let relative = Path::new(if path.is_empty() { "index.html" } else { path });
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| root.join(relative))
}

fn content_type(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()) {
        Some("html") => "text/html; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("css") => "text/css; charset=utf-8",
        Some("json") => "application/json",
        Some("tsv") => "text/tab-separated-values; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_request_targets_to_files_inside_the_root() {
        let root = Path::new("dist");
        assert_eq!(file_for(root, "/"), Some(root.join("index.html")));
        assert_eq!(
            file_for(root, "/catalog/aws.json?x=1"),
            Some(root.join("catalog/aws.json"))
        );
        assert_eq!(file_for(root, "/../Cargo.toml"), None);
        assert_eq!(file_for(root, "relative"), None);
    }
}
