//! The package's size by crate and by nines-core module, from twiggy's view of the `.wasm`
//! before `wasm-opt` (which strips the names): every size claim in the README is measured here.

use crate::cmd::Cmd;
use std::collections::BTreeMap;
use std::path::Path;

/// Shallow bytes per owner (`nines_core::plan`, `serde_json`, `data`, …) of `wasm`, largest
/// first, or why there is no breakdown.
pub fn breakdown(wasm: &Path) -> Result<Vec<(String, u64)>, String> {
    let csv = Cmd::new("twiggy")
        .args(["top", "-n", "1000000", "--format", "csv"])
        .args([wasm.to_string_lossy().as_ref()])
        .read()
        .map_err(|e| format!("twiggy: {e}"))?;
    let text = String::from_utf8_lossy(&csv);
    let mut owners: BTreeMap<String, u64> = BTreeMap::new();
    for line in text.lines().skip(1) {
        let Some((name, bytes)) = name_and_bytes(line) else {
            continue;
        };
        if let Some(owner) = owner(&name) {
            *owners.entry(owner).or_insert(0) += bytes;
        }
    }
    let mut sorted: Vec<(String, u64)> = owners.into_iter().collect();
    sorted.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Ok(sorted)
}

/// A CSV row's item name (possibly quoted) and its shallow size.
fn name_and_bytes(line: &str) -> Option<(String, u64)> {
    let (name, rest) = match line.strip_prefix('"') {
        Some(quoted) => {
            let end = quoted.find("\",")?;
            (quoted[..end].replace("\"\"", "\""), &quoted[end + 2..])
        }
        None => {
            let (name, rest) = line.split_once(',')?;
            (name.to_string(), rest)
        }
    };
    let bytes = rest.split(',').next()?.parse().ok()?;
    Some((name, bytes))
}

/// Who an item belongs to: a nines crate's module, another crate, the data segments, or
/// `None` for the name and metadata sections that wasm-opt strips.
fn owner(name: &str) -> Option<String> {
    if name.contains("function names") || name.starts_with("custom section") {
        return None;
    }
    if name.starts_with("data[") {
        return Some("data (strings, tables, the time zone rules)".to_string());
    }
    for krate in ["nines_core::", "nines_wasm::"] {
        if let Some(at) = name.find(krate) {
            let module: String = name[at + krate.len()..]
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || *c == '_')
                .collect();
            return Some(format!("{krate}{module}"));
        }
    }
    let start = name
        .trim_start_matches(['<', '&', ' '])
        .trim_start_matches("mut ");
    let krate: String = start
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    Some(match krate.as_str() {
        "core" | "alloc" | "std" => format!("{krate} (Rust's library, generics included)"),
        "" => "other".to_string(),
        _ => krate,
    })
}

/// Prints the breakdown as a table: the owners over 1% of the total, the rest summed.
pub fn print(wasm: &Path) {
    match breakdown(wasm) {
        Ok(rows) => {
            let total: u64 = rows.iter().map(|r| r.1).sum();
            println!("pkg: size by owner, before wasm-opt ({total} bytes of code and data):");
            let mut rest = 0;
            for (owner, bytes) in rows {
                if bytes * 100 >= total {
                    let share = bytes as f64 * 100.0 / total as f64;
                    println!("  {bytes:>9}  {share:>5.1}%  {owner}");
                } else {
                    rest += bytes;
                }
            }
            println!("  {rest:>9}          everything under 1% each");
        }
        Err(e) => println!("pkg: no size breakdown ({e})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_and_owners() {
        assert_eq!(
            name_and_bytes("\"a, b\"\"c\",12,0.1,,"),
            Some(("a, b\"c".to_string(), 12))
        );
        assert_eq!(name_and_bytes("x,7,0.2,,"), Some(("x".to_string(), 7)));
        assert_eq!(
            owner("nines_core::plan::build::plan::h12").as_deref(),
            Some("nines_core::plan")
        );
        assert_eq!(
            owner("<&mut serde_json::de::Deserializer<R> as X>::f").as_deref(),
            Some("serde_json")
        );
        assert_eq!(owner("\"function names\" subsection"), None);
    }
}
